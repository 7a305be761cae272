#!/usr/bin/env node
// How responsive the API stays while a large screening import runs (issue 10, finding 6): a
// server (`yawar serve`) imports 300,000 simulated tests sent by the demo planner while two probers
// each send a request every 20 ms whether or not the last one answered (open loop, so a frozen
// server shows as many slow samples, not one): GET /api/health, which needs no database, and
// GET /api/auth/me as the planner, which reads the session from the database (as every signed-in
// request does: pages, job polls). The reference is the same server idle, measured in the same run. Run alone (`node scripts/bench-import-latency.mjs`) or from bench.mjs.
import { spawn } from 'node:child_process';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CAJAMARCA_DIR, connect, importReference, migrateToLatest, systemActor } from '@yawar/db';
import { createTestDatabase } from '@yawar/db/testing';
import { simulatedCsv } from './bench-hemoglobin.mjs';

const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'packages/cli/bin/yawar.js');
const DEMO_PASSWORD = 'demo-yawar-cajamarca';
const PROBE_EVERY_MS = 20;

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A CSV of `count` simulated tests on Cajamarca's establishments (made-up DNIs), written to `file`. */
export async function latencyBenchFile(file, count = 300_000) {
  const connection = connect({ engine: 'pglite', url: null, dataDir: null });
  try {
    await migrateToLatest(connection.db);
    await importReference(connection.db, { dir: CAJAMARCA_DIR }, systemActor('bench'));
    return await simulatedCsv(connection.db, file, count);
  } finally {
    await connection.close();
  }
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The same tests as an XLSX workbook (what a planner exports from Excel), written to `xlsxFile`. */
export async function xlsxFromCsv(csvFile, xlsxFile) {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsxFile });
  const sheet = writer.addWorksheet('tamizajes');
  // The simulated file has no quoted commas: a plain split is enough here.
  for (const line of fs.readFileSync(csvFile, 'utf8').split('\n'))
    if (line) sheet.addRow(line.split(',')).commit();
  sheet.commit();
  await writer.commit();
}

const percentile = (sorted, p) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

/** Probes `url` every 20 ms until `until()` is true; the latency of every answer, in ms. */
async function probe(url, until, headers = {}) {
  const latencies = [];
  const pending = new Set();
  let failures = 0;
  while (!until()) {
    const started = performance.now();
    const request = fetch(url, { headers }).then(
      async (response) => {
        await response.arrayBuffer();
        if (response.ok) latencies.push(performance.now() - started);
        else failures++;
      },
      () => failures++,
    );
    pending.add(request);
    void request.finally(() => pending.delete(request));
    await new Promise((r) => setTimeout(r, PROBE_EVERY_MS));
  }
  await Promise.all(pending);
  return { latencies: latencies.sort((a, b) => a - b), failures };
}

function summary(label, { latencies, failures }, extra = {}) {
  const round = (ms) => Number(ms.toFixed(1));
  return {
    measure: label,
    samples: latencies.length,
    failures,
    'p50 (ms)': round(percentile(latencies, 0.5)),
    'p99 (ms)': round(percentile(latencies, 0.99)),
    'max (ms)': round(latencies.at(-1) ?? NaN),
    ...extra,
  };
}

async function waitForHealth(base, child) {
  for (const started = performance.now(); ;) {
    if (child.exitCode !== null) throw new Error(`yawar serve exited with ${child.exitCode}`);
    const up = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    if (performance.now() - started > 180_000) throw new Error('the server did not start');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function logIn(base) {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'demo.planificador', password: DEMO_PASSWORD }),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status}`);
  const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
  const { csrfToken } = await login.json();
  return { cookie, 'x-csrf-token': csrfToken };
}

/**
 * Starts `yawar serve` with `env` on a fresh database, measures /api/health idle for 5 s, then
 * during the import of `csvFile`. Rows for a console.table.
 */
export async function benchImportLatency(env, file) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [cli, 'serve', '--port', String(port)], {
    env: { ...process.env, LOG_LEVEL: 'warn', YAWAR_DEMO_DATA: 'off', ...env },
    stdio: 'ignore',
  });
  try {
    await waitForHealth(base, child);
    const headers = await logIn(base);
    const idleUntil = performance.now() + 5_000;
    const idleOver = () => performance.now() > idleUntil;
    const [idle, idleMe] = await Promise.all([
      probe(`${base}/api/health`, idleOver),
      probe(`${base}/api/auth/me`, idleOver, headers),
    ]);

    const body = fs.readFileSync(file);
    const xlsx = file.endsWith('.xlsx');
    const started = performance.now();
    const upload = await fetch(`${base}/api/screenings/imports?fileName=${path.basename(file)}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': xlsx ? XLSX_TYPE : 'text/csv' },
      body,
    });
    if (upload.status !== 202) throw new Error(`upload answered ${upload.status}`);
    const { jobId } = await upload.json();
    let job = null;
    const watch = (async () => {
      for (;;) {
        job = await (await fetch(`${base}/api/jobs/${jobId}`, { headers })).json();
        if (job.status === 'failed' || job.status === 'succeeded') return;
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    const done = () => job?.status === 'failed' || job?.status === 'succeeded';
    const [busy, busyMe] = await Promise.all([
      probe(`${base}/api/health`, done),
      probe(`${base}/api/auth/me`, done, headers),
    ]);
    await watch;
    if (job.status !== 'succeeded') throw new Error(`the import failed: ${job.message}`);
    const seconds = (performance.now() - started) / 1000;
    const during = `during the ${xlsx ? 'XLSX' : 'CSV'} import`;
    return [
      summary('GET /api/health, server idle (reference)', idle),
      summary(`GET /api/health ${during}`, busy, {
        rows: job.result?.screenings,
        'import (s)': Number(seconds.toFixed(1)),
      }),
      summary('GET /api/auth/me (session in the database), idle (reference)', idleMe),
      summary(`GET /api/auth/me ${during}`, busyMe),
    ];
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

/** Both engines (PostgreSQL when DATABASE_URL is set): rows for a console.table. */
export async function benchImportLatencyBothEngines(count = 300_000) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yawar-bench-latency-'));
  const rows = [];
  try {
    const csvFile = path.join(dir, 'latencia.csv');
    const xlsxFile = path.join(dir, 'latencia.xlsx');
    await latencyBenchFile(csvFile, count);
    await xlsxFromCsv(csvFile, xlsxFile);
    const env = (name, url = '') => ({
      YAWAR_DATA_DIR: path.join(dir, name, 'db'),
      YAWAR_SECRET_DIR: path.join(dir, name, 'secrets'),
      DATABASE_URL: url,
    });
    // Each run starts from an empty database, so the second file is not 'already imported'.
    for (const [format, file] of [
      ['csv', csvFile],
      ['xlsx', xlsxFile],
    ]) {
      for (const row of await benchImportLatency(env(`pglite-${format}`), file))
        rows.push({ engine: 'pglite', ...row });
      if (!process.env.DATABASE_URL) continue;
      const testDb = await createTestDatabase({ ...process.env, YAWAR_TEST_ENGINE: 'postgres' });
      try {
        for (const row of await benchImportLatency(env(`pg-${format}`, testDb.config.url), file))
          rows.push({ engine: 'postgres', ...row });
      } finally {
        await testDb.drop();
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(
    await benchImportLatencyBothEngines(Number(process.env.YAWAR_BENCH_LATENCY_ROWS ?? 300_000)),
  );
}
