import { defineConfig } from 'vitest/config';

// One project per layer so `npm test` can run unit tests alone, database-backed tests once per
// engine (YAWAR_TEST_ENGINE=pglite|postgres) and browser tests last.
const sourceFirst = { conditions: ['source'] };

export default defineConfig({
  resolve: sourceFirst,
  test: {
    projects: [
      { resolve: sourceFirst, test: { name: 'core', include: ['packages/core/src/**/*.test.ts'] } },
      { resolve: sourceFirst, test: { name: 'db', include: ['packages/db/src/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
      { resolve: sourceFirst, test: { name: 'server', include: ['packages/server/src/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
      { resolve: sourceFirst, test: { name: 'cli', include: ['packages/cli/src/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
      { resolve: sourceFirst, test: { name: 'e2e', include: ['e2e/**/*.e2e.test.ts'], testTimeout: 180_000, hookTimeout: 180_000, fileParallelism: false } },
    ],
  },
});
