// @ts-check
import path from 'node:path';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/**
 * Layers point one way (docs/ARCHITECTURE.md): web → api (types only) + core; server/cli → db +
 * api + core; api → core; db → core; core → nothing. Each package may import only what its own package.json declares
 * (its tests may also use the root's test tools), never another package by a relative path.
 */
const PACKAGES = ['core', 'api', 'db', 'server', 'cli', 'web'];
const root = import.meta.dirname;
/** Tests, their support code and build configuration: they may use development tools. */
const TEST_FILES = [
  '**/*.test.{ts,tsx}',
  '**/testing/**',
  '**/matrix-cases/**',
  '**/e2e/**',
  '**/vite.config.ts',
];

/** Declared dependencies per package: runtime code its own, tests also the root's devDependencies. */
const declaredDependencies = PACKAGES.flatMap((name) => {
  const dir = path.join(root, 'packages', name);
  const rule = (packageDir, devDependencies) => ({
    'import-x/no-extraneous-dependencies': [
      'error',
      { packageDir, devDependencies, includeTypes: true, includeInternal: false },
    ],
  });
  return [
    {
      files: [`packages/${name}/**/*.{ts,tsx}`],
      ignores: TEST_FILES,
      rules: rule([dir], false),
    },
    {
      files: TEST_FILES.map((glob) => `packages/${name}/${glob}`),
      rules: rule([dir, root], true),
    },
  ];
});

const nodeBuiltins = {
  group: ['node:*', 'fs', 'path', 'os', 'crypto', 'url', 'child_process', 'http', 'net', 'stream'],
  message: 'core is pure: no I/O and no Node built-ins.',
};
const layer = (name, message) => ({ group: [`@yawar/${name}`, `@yawar/${name}/*`], message });
const serverLayers = [
  layer('cli', 'server must not depend on the CLI.'),
  layer('web', 'the server talks to the web app over HTTP only.'),
];
/** Routes and commands call db functions: a query written in a route is found by no one looking in db/. */
const QUERY_RULE = 'Routes and commands call @yawar/db functions, never a query builder.';
const queryBuilder = { group: ['kysely', 'pg', '@electric-sql/*'], message: QUERY_RULE };
const QUERY_BUILDER_CALL =
  'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)$/]';

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
    files: ['packages/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ alwaysTryTypes: true })],
    },
    rules: { 'import-x/no-relative-packages': 'error' },
  },
  ...declaredDependencies,
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
              regex: '^(?!\\.{1,2}/)',
              message: 'core is pure domain logic: only its own modules, no third-party package.',
            },
          ],
        },
      ],
    },
  },
  {
    // The contract is as pure as the core (the web app's type checker reads it), plus zod.
    files: ['packages/api/**/*.ts'],
    ignores: ['packages/api/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBuiltins,
            {
              regex: '^(?!\\.{1,2}/|zod$|@yawar/core$|geojson$)',
              message: 'the API contract holds schemas only: zod, the core and its own modules.',
            },
          ],
        },
      ],
    },
  },
  {
    // One contract: a route's request and response schemas live in @yawar/api, not in the route.
    files: ['packages/server/src/routes/**/*.ts', 'packages/server/src/presenters/**/*.ts'],
    ignores: TEST_FILES,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'zod',
              allowTypeImports: true,
              message: 'Request and response schemas belong in @yawar/api (one contract).',
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
      'no-restricted-imports': ['error', { patterns: [serverLayers].flat() }],
    },
  },
  {
    files: ['packages/server/**/*.ts', 'packages/cli/**/*.ts'],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-syntax': ['error', { selector: QUERY_BUILDER_CALL, message: QUERY_RULE }],
    },
  },
  {
    files: ['packages/server/**/*.ts'],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-imports': ['error', { patterns: [...serverLayers, queryBuilder] }],
    },
  },
  {
    files: ['packages/cli/**/*.ts'],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [layer('web', 'the CLI talks to no UI.'), queryBuilder] },
      ],
    },
  },
  {
    files: ['packages/web/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@yawar/api',
              allowTypeImports: true,
              message:
                'The web app imports the API contract as types only: no schema in the bundle.',
            },
          ],
          patterns: [
            layer(
              'db',
              'the web app talks to the server over HTTP; of the project it imports only the pure core and the types of the contract.',
            ),
            layer(
              'server',
              'the web app talks to the server over HTTP; of the project it imports only the pure core and the types of the contract.',
            ),
            layer(
              'cli',
              'the web app talks to the server over HTTP; of the project it imports only the pure core and the types of the contract.',
            ),
          ],
        },
      ],
    },
  },
);
