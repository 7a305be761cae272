#!/usr/bin/env node
// `npm run bench`: start-up, reference import, the hemoglobin benchmarks (bench-hemoglobin.mjs)
// and the national programming round (bench-programming.mjs), on the embedded engine and (when
// DATABASE_URL is set) on PostgreSQL. Figures, not pass/fail: compare runs on the same machine.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CAJAMARCA_DIR, connect, importReference, migrateToLatest } from '@yawar/db';
import { createTestDatabase } from '@yawar/db/testing';
import { benchElevation } from './bench-elevation.mjs';
import { benchHemoglobin } from './bench-hemoglobin.mjs';
import { benchImportErrors, benchImportErrorsEnv } from './bench-import-errors.mjs';
import { benchImportLatencyBothEngines } from './bench-import-latency.mjs';
import { benchProgramming } from './bench-programming.mjs';

const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'packages/cli/bin/yawar.js');
const rows = [];
const record = (measure, engine, ms, note = '') =>
  rows.push({ measure, engine, seconds: (ms / 1000).toFixed(2), note });

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Milliseconds from spawning `yawar serve` to the first 200 on /api/health. */
async function coldStart(env) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [cli, 'serve', '--port', String(port)], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`yawar serve exited with ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) return performance.now() - started;
      if (performance.now() - started > 120_000)
        throw new Error('no answer from /api/health within 120 s');
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

async function importTime(config) {
  const connection = connect(config);
  try {
    await migrateToLatest(connection.db);
    const started = performance.now();
    await importReference(connection.db, { dir: CAJAMARCA_DIR }, 'bench');
    const first = performance.now() - started;
    const again = performance.now();
    await importReference(connection.db, { dir: CAJAMARCA_DIR }, 'bench');
    return { first, second: performance.now() - again };
  } finally {
    await connection.close();
  }
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yawar-bench-'));
try {
  record(
    'cold start, empty database (migrate + load Cajamarca)',
    'pglite',
    await coldStart({ YAWAR_DATA_DIR: dataDir, DATABASE_URL: '' }),
  );
  record(
    'cold start, existing database',
    'pglite',
    await coldStart({ YAWAR_DATA_DIR: dataDir, DATABASE_URL: '' }),
  );
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}

const pglite = await importTime({ engine: 'pglite', url: null, dataDir: null });
record('reference import, data/cajamarca, first run', 'pglite', pglite.first, 'in memory');
record('reference import, same files again (no changes)', 'pglite', pglite.second, 'in memory');

if (process.env.DATABASE_URL) {
  const testDb = await createTestDatabase({ ...process.env, YAWAR_TEST_ENGINE: 'postgres' });
  try {
    record(
      'cold start, empty database (migrate + load Cajamarca)',
      'postgres',
      await coldStart({ DATABASE_URL: testDb.config.url }),
    );
    record(
      'cold start, existing database',
      'postgres',
      await coldStart({ DATABASE_URL: testDb.config.url }),
    );
  } finally {
    await testDb.drop();
  }
  const importDb = await createTestDatabase({ ...process.env, YAWAR_TEST_ENGINE: 'postgres' });
  try {
    const pg = await importTime(importDb.config);
    record('reference import, data/cajamarca, first run', 'postgres', pg.first);
    record('reference import, same files again (no changes)', 'postgres', pg.second);
  } finally {
    await importDb.drop();
  }
} else {
  console.log('PostgreSQL figures skipped: set DATABASE_URL=postgres://… to measure them.');
}

console.log(`\nYawar benchmarks (${os.cpus().length} cores, Node ${process.version})`);
console.table(rows);
const ratio = (a, b) => (Number(a.seconds) / Number(b.seconds)).toFixed(2);
const [coldEmpty, coldWarm] = rows;
if (coldEmpty && coldWarm)
  console.log(`first-run start / warm start: ${ratio(coldEmpty, coldWarm)}×`);
console.log(
  'No reference figures for start-up or reference import exist in shared/data; these are the baseline.',
);

console.log('\nElevation: the DEM shipped in data/cajamarca/dem (applied on first start)');
console.table(await benchElevation());
console.log(
  'Reference: the two floors (reading the bytes, scanning every sample) bound what any DEM reader must spend.',
);

console.log(
  `\nHemoglobin: classification, screening import and prevalence (YAWAR_BENCH_TESTS=${process.env.YAWAR_BENCH_TESTS ?? '1000000'} tests)`,
);
console.table(await benchHemoglobin());
console.log(
  'Reference: issue 4 asks for these with 1,000,000 records on both engines; no earlier figures exist to compare with.',
);

console.log(
  `\nProgramming: a national round (YAWAR_BENCH_UNITS=${process.env.YAWAR_BENCH_UNITS ?? '200'} units × YAWAR_BENCH_PRODUCTS=${process.env.YAWAR_BENCH_PRODUCTS ?? '500'} products × 36 months), computed and consolidated`,
);
console.table(await benchProgramming());
console.log(
  'Reference: issue 5 asks for 200 units × 500 products × 36 months computed and consolidated in under 10 s on both engines (ratio < 1 meets it).',
);

console.log(
  '\nImport errors: peak server memory while the API refuses a 1.5 MB XLSX of 300,000 one-cell rows (issue 10, finding 5)',
);
const errorRuns = [];
const errorDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yawar-bench-errors-'));
try {
  errorRuns.push({
    engine: 'pglite',
    ...(await benchImportErrors(benchImportErrorsEnv(errorDir))),
  });
  if (process.env.DATABASE_URL) {
    const errorDb = await createTestDatabase({ ...process.env, YAWAR_TEST_ENGINE: 'postgres' });
    try {
      const env = benchImportErrorsEnv(path.join(errorDir, 'pg'), errorDb.config.url);
      errorRuns.push({ engine: 'postgres', ...(await benchImportErrors(env)) });
    } finally {
      await errorDb.drop();
    }
  }
} finally {
  fs.rmSync(errorDir, { recursive: true, force: true });
}
console.table(errorRuns);
console.log(
  'Reference: before the cap (issue 10) the same file kept 1.8 M errors in memory and took the embedded server from 0.95 to 1.8 GB.',
);

console.log(
  '\nResponsiveness: GET /api/health every 20 ms (open loop) while the server imports 300,000 screening tests (issue 10, finding 6)',
);
console.table(await benchImportLatencyBothEngines());
console.log(
  'Reference: the same server idle in the same run; issue 10 targets p99 under 200 ms during the import. Before the embedded database moved to its own thread, every request waited 20-46 s on PGlite.',
);
