#!/usr/bin/env node
// Peak server memory while the API refuses a small file of many bad rows (issue 10, finding 5):
// an XLSX of 300,000 one-cell rows under the screening header (about 1.8 M errors). The import
// keeps the first 1,000 errors and writes the rest to the job's error file, so the peak should
// stay near the idle figure. Run alone (`node scripts/bench-import-errors.mjs`) or from bench.mjs.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';

const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'packages/cli/bin/yawar.js');
const DEMO_PASSWORD = 'demo-yawar-cajamarca';
const HEADER = [
  'tipo_doc',
  'num_doc',
  'fecha_nacimiento',
  'sexo',
  'fecha_dosaje',
  'hemoglobina',
  'codigo_renipress',
];

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Peak and current resident memory of a process, in MB (Linux /proc). */
function memory(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { peak: kb('VmHWM') / 1024, now: kb('VmRSS') / 1024 };
}

async function badWorkbook(rows) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('dosajes');
  sheet.addRow(HEADER);
  for (let i = 0; i < rows; i++) sheet.addRow(['DNI']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The environment of an embedded server in `dir` (secrets beside the database, demo accounts on). */
export const benchImportErrorsEnv = (dir, databaseUrl = '') => ({
  YAWAR_DATA_DIR: path.join(dir, 'db'),
  YAWAR_SECRET_DIR: path.join(dir, 'secrets'),
  DATABASE_URL: databaseUrl,
});

/** Starts `yawar serve` with `env`, imports the bad file as the demo planner, and measures. */
export async function benchImportErrors(env = {}, rows = 300_000) {
  const body = await badWorkbook(rows);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [cli, 'serve', '--port', String(port)], {
    env: { ...process.env, LOG_LEVEL: 'warn', YAWAR_DEMO_DATA: 'off', ...env },
    stdio: 'ignore',
  });
  try {
    for (let started = performance.now(); ;) {
      if (child.exitCode !== null) throw new Error(`yawar serve exited with ${child.exitCode}`);
      if (
        await fetch(`${base}/api/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (performance.now() - started > 180_000) throw new Error('the server did not start');
      await new Promise((r) => setTimeout(r, 50));
    }
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'demo.planificador', password: DEMO_PASSWORD }),
    });
    if (!login.ok) throw new Error(`login failed: ${login.status}`);
    const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
    const { csrfToken } = await login.json();
    const headers = { cookie, 'x-csrf-token': csrfToken };
    const idle = memory(child.pid);
    const started = performance.now();
    const upload = await fetch(`${base}/api/screenings/imports?fileName=malo.xlsx`, {
      method: 'POST',
      headers: {
        ...headers,
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
      body,
    });
    if (upload.status !== 202) throw new Error(`upload answered ${upload.status}`);
    const { jobId } = await upload.json();
    let job;
    for (;;) {
      job = await (await fetch(`${base}/api/jobs/${jobId}`, { headers })).json();
      if (job.status === 'failed' || job.status === 'succeeded') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const seconds = (performance.now() - started) / 1000;
    const after = memory(child.pid);
    return {
      'file (MB)': Number((body.length / 1024 / 1024).toFixed(1)),
      rows,
      errors: job.errorCount,
      seconds: Number(seconds.toFixed(1)),
      'idle RSS (MB)': Math.round(idle.now),
      'peak RSS (MB)': Math.round(after.peak),
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yawar-bench-errors-'));
  try {
    const result = await benchImportErrors(benchImportErrorsEnv(dataDir));
    console.table([result]);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
