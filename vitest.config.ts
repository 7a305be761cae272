import { defineConfig } from 'vitest/config';

// One project per layer so `npm test` can run unit tests alone, database-backed tests once per
// engine (YAWAR_TEST_ENGINE=pglite|postgres) and browser tests last.
// Workspace packages resolve to their TypeScript sources (the `source` export condition), never to
// a possibly stale dist/. Node-side tests resolve through Vite's SSR settings, hence both.
const sourceFirst = { conditions: ['source'] };
const ssr = { resolve: { conditions: ['source'] } };

export default defineConfig({
  resolve: sourceFirst,
  ssr,
  test: {
    projects: [
      {
        resolve: sourceFirst,
        ssr,
        test: {
          name: 'core',
          include: ['packages/core/src/**/*.test.ts', 'packages/api/src/**/*.test.ts'],
        },
      },
      {
        resolve: sourceFirst,
        ssr,
        // The web app's own logic (no browser: the e2e project drives Chromium).
        test: { name: 'web', include: ['packages/web/src/**/*.test.{ts,tsx}'] },
      },
      {
        resolve: sourceFirst,
        ssr,
        test: {
          name: 'db',
          include: ['packages/db/src/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: sourceFirst,
        ssr,
        test: {
          name: 'server',
          include: ['packages/server/src/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: sourceFirst,
        ssr,
        test: {
          name: 'cli',
          include: ['packages/cli/src/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: sourceFirst,
        ssr,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
