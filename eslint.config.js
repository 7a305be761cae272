// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Layers point one way: web → server API; server/cli → db + core; core → nothing. */
const nodeBuiltins = {
  group: ['node:*', 'fs', 'path', 'os', 'crypto', 'url', 'child_process', 'http', 'net', 'stream'],
  message: 'core is pure: no I/O and no Node built-ins.',
};
const layer = (name, message) => ({ group: [`@yawar/${name}`, `@yawar/${name}/*`], message });

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'var/**', 'data/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: [
            '*.js',
            '*.mjs',
            'vitest.config.ts',
            'packages/db/worker/*.mjs',
            'scripts/*.mjs',
            'packages/cli/bin/*.js',
          ],
          // The root scripts (bench, test runner, DEM builder) are plain .mjs files outside any
          // tsconfig; there are more than typescript-eslint's default of 8.
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 20,
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        fetch: 'readonly',
        Buffer: 'readonly',
      },
    },
  },
  {
    files: ['packages/core/**/*.ts'],
    ignores: ['packages/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBuiltins,
            layer('db', 'core depends on nothing.'),
            layer('server', 'core depends on nothing.'),
            layer('cli', 'core depends on nothing.'),
            layer('web', 'core depends on nothing.'),
            {
              group: ['kysely', 'pg', '@electric-sql/*', 'fastify', 'react', 'react-dom'],
              message: 'core is pure domain logic.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer('server', 'db must not know the API.'),
            layer('cli', 'db must not know the CLI.'),
            layer('web', 'db must not know the UI.'),
          ],
        },
      ],
    },
  },
  {
    files: ['packages/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer('cli', 'server must not depend on the CLI.'),
            layer('web', 'the server talks to the web app over HTTP only.'),
          ],
        },
      ],
    },
  },
  {
    files: ['packages/web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer('core', 'the web app talks to the server API only.'),
            layer('db', 'the web app talks to the server API only.'),
            layer('server', 'the web app talks to the server API only.'),
            layer('cli', 'the web app talks to the server API only.'),
          ],
        },
      ],
    },
  },
);
