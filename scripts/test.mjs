#!/usr/bin/env node
// `npm test`: lint, types, unit tests, database tests once per engine, then browser tests.
// The PostgreSQL pass runs when DATABASE_URL names a server where the tests may create (and drop)
// databases of their own; CI always sets it. The last line is the total: "N passed, M failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const reports = path.join(root, 'var', 'test-results');
fs.rmSync(reports, { recursive: true, force: true });
fs.mkdirSync(reports, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) failedSteps.push(label);
  return result.status === 0;
}

function vitest(label, projects, env = {}) {
  const output = path.join(reports, `${label.replace(/\W+/g, '-')}.json`);
  const args = [
    'vitest',
    'run',
    ...projects.flatMap((p) => ['--project', p]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${output}`,
  ];
  run(label, 'npx', args, env);
  if (fs.existsSync(output)) {
    const report = JSON.parse(fs.readFileSync(output, 'utf8'));
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + report.numTodoTests;
  }
}

run('lint', 'npx', ['eslint', '.']);
run('typecheck', 'npm', ['run', '--silent', 'typecheck']);
vitest('unit (core, web)', ['core', 'web']);
const withDatabase = ['db', 'server', 'cli'];
vitest('database tests on PGlite', withDatabase, { YAWAR_TEST_ENGINE: 'pglite' });
if (process.env.DATABASE_URL) {
  vitest('database tests on PostgreSQL', withDatabase, { YAWAR_TEST_ENGINE: 'postgres' });
} else {
  console.log(
    '\n▷ database tests on PostgreSQL: skipped (set DATABASE_URL=postgres://… to run them; CI does)',
  );
}
if (run('build web app', 'npm', ['run', '--silent', 'build', '-w', '@yawar/web'])) {
  vitest('browser tests (Chromium)', ['e2e']);
}

console.log(
  failedSteps.length ? `\nFailed steps: ${failedSteps.join(', ')}` : '\nAll steps passed.',
);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length === 0 ? 0 : 1);
