import { Readable } from 'node:stream';
import { createUser, systemActor } from '@yawar/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  loginAs,
  withSession,
  type TestApp,
  type TestSession,
} from '../testing/test-app.js';
import { MAX_UPLOAD_BYTES } from './uploads.js';

/**
 * Issue 10, findings 4, 5, 10 and 12 (docs/methods/security.md, threats considered): uploads are
 * refused before their body is read, error lists are capped with the full list on disk, and a
 * concurrent duplicate import is "already imported", not a server failure.
 */
let testApp: TestApp;
let planner: TestSession;
let viewer: TestSession;

beforeAll(async () => {
  testApp = await createTestApp();
  const db = testApp.database.db;
  for (const [username, role] of [
    ['hard.planner', 'regional_planner'],
    ['hard.viewer', 'viewer'],
  ] as const)
    await createUser(db, systemActor('test'), {
      username,
      displayName: 'x',
      role,
      scope: { kind: 'department', code: '06' },
      password: 'hardening-pass-2026',
    });
  planner = await loginAs(testApp.app, 'hard.planner', 'hardening-pass-2026');
  viewer = await loginAs(testApp.app, 'hard.viewer', 'hardening-pass-2026');
});

afterAll(() => testApp.close());

const HEADER = 'tipo_doc,num_doc,fecha_nacimiento,sexo,fecha_dosaje,hemoglobina,codigo_renipress';

/** A body of `size` bytes produced on demand, counting how much of it the server pulled. */
function countedBody(size: number) {
  const counter = { read: 0 };
  const chunk = Buffer.alloc(64 * 1024, 'a');
  const stream = new Readable({
    read() {
      if (counter.read >= size) return void this.push(null);
      counter.read += chunk.length;
      this.push(chunk);
    },
  });
  return { stream, counter };
}

async function finished(session: TestSession, jobId: string) {
  for (let i = 0; i < 400; i++) {
    const job = (
      await testApp.app.inject({
        method: 'GET',
        url: `/api/jobs/${jobId}`,
        headers: withSession(session),
      })
    ).json() as Record<string, unknown>;
    if (job['status'] === 'succeeded' || job['status'] === 'failed') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the job did not finish');
}

const upload = (session: TestSession | null, url: string, body: string) =>
  testApp.app.inject({
    method: 'POST',
    url,
    headers: { ...(session ? withSession(session) : {}), 'content-type': 'text/csv' },
    payload: body,
  });

describe('uploads are refused before their body is read (finding 4)', () => {
  for (const url of ['/api/screenings/imports', '/api/supply/history/imports']) {
    it(`${url}: 401 without a session, 403 without the permission, the body left unread`, async () => {
      const size = 32 * 1024 * 1024;
      const anonymous = countedBody(size);
      const response = await testApp.app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'text/csv', 'content-length': String(size) },
        payload: anonymous.stream,
      });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ error: { code: 'unauthenticated' } });
      // Node may have pulled the first chunks into the socket; never the body.
      expect(anonymous.counter.read).toBeLessThan(1024 * 1024);

      const forbidden = countedBody(size);
      const denied = await testApp.app.inject({
        method: 'POST',
        url,
        headers: {
          ...withSession(viewer),
          'content-type': 'text/csv',
          'content-length': String(size),
        },
        payload: forbidden.stream,
      });
      expect(denied.statusCode).toBe(403);
      expect(forbidden.counter.read).toBeLessThan(1024 * 1024);
    });
  }

  it('answers 413 payload_too_large by the declared length, without reading the body', async () => {
    const body = countedBody(MAX_UPLOAD_BYTES + 1);
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/screenings/imports',
      headers: {
        ...withSession(planner),
        'content-type': 'text/csv',
        'content-length': String(MAX_UPLOAD_BYTES + 1),
      },
      payload: body.stream,
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual({
      error: { code: 'payload_too_large', message: expect.any(String), details: null },
    });
    expect(body.counter.read).toBeLessThan(1024 * 1024);
  });
});

describe('error lists are capped, the full list on disk (finding 5)', () => {
  it('keeps the first errors with counts per reason, and the report has every error', async () => {
    const rows = 1500; // two errors each: 3,000
    const lines = Array.from(
      { length: rows },
      (_, i) => `DNI,${String(43000000 + i)},2024-01-15,Z,2025-01-20,99,4612`,
    );
    const response = await upload(
      planner,
      '/api/screenings/imports?fileName=malo.csv',
      [HEADER, ...lines].join('\n'),
    );
    const jobId = (response.json() as { jobId: string }).jobId;
    const job = await finished(planner, jobId);
    expect(job).toMatchObject({ status: 'failed', errorCount: 3000 });
    expect(job['errors']).toHaveLength(100);
    expect(
      (job['errorSummary'] as { column: string; reason: string; count: number }[])
        .map((c) => [c.column, c.reason, c.count])
        .sort(),
    ).toEqual([
      ['hemoglobina', '# is outside #…#', 1500],
      ['sexo', '"…" is not F or M', 1500],
    ]);
    const report = await testApp.app.inject({
      method: 'GET',
      url: `/api/jobs/${jobId}/errors.csv`,
      headers: withSession(planner),
    });
    expect(report.statusCode).toBe(200);
    const reportLines = report.body.trim().split('\n');
    expect([...report.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM for Excel
    expect(reportLines[0]).toBe('file,row,column,reason');
    expect(reportLines).toHaveLength(3001);
    expect(reportLines).toContain('malo.csv,1501,sexo,"""Z"" is not F or M"');
  });

  it('caps the supply history errors the same way', async () => {
    const header =
      'unidad_ejecutora,establecimiento,producto,mes,consumo,stock_final,dias_desabastecimiento,perdidas,en_transito';
    const lines = Array.from({ length: 1200 }, () => '785,,FE-SF-GOT-30,mes,0,1,0,0,0');
    const response = await upload(
      planner,
      '/api/supply/history/imports?fileName=historial.csv',
      [header, ...lines].join('\n'),
    );
    const jobId = (response.json() as { jobId: string }).jobId;
    const job = await finished(planner, jobId);
    expect(job).toMatchObject({ status: 'failed', errorCount: 1200 });
    const report = await testApp.app.inject({
      method: 'GET',
      url: `/api/jobs/${jobId}/errors.csv`,
      headers: withSession(planner),
    });
    expect(report.body.trim().split('\n')).toHaveLength(1201);
  });
});

describe('duplicates (findings 10 and 12)', () => {
  const lines = Array.from(
    { length: 300 },
    (_, i) => `DNI,${String(44000000 + i)},2024-01-15,F,2025-03-20,10.5,4612`,
  );
  const body = [HEADER, ...lines].join('\n');

  it('two uploads of one file started together: one loads, the other is told "already imported", nothing logged as a failure', async () => {
    const logsBefore = testApp.logs.length;
    const started = await Promise.all([
      upload(planner, '/api/screenings/imports?fileName=marzo.csv', body),
      upload(planner, '/api/screenings/imports?fileName=marzo.csv', body),
    ]);
    const jobs = await Promise.all(
      started.map((r) => finished(planner, (r.json() as { jobId: string }).jobId)),
    );
    const statuses = jobs.map((j) => j['status']).sort();
    expect(statuses).toEqual(['failed', 'succeeded']);
    const loser = jobs.find((j) => j['status'] === 'failed');
    expect(loser).toMatchObject({ errorCount: 300 });
    expect((loser?.['errors'] as { reason: string }[])[0]?.reason).toMatch(
      /^already imported \(batch \d+\)$/,
    );
    const newLogs = testApp.logs.slice(logsBefore).join('\n');
    expect(newLogs).not.toContain('import job failed');
    expect(newLogs).not.toContain('23505');
  });

  it('reports rows already imported together with the other errors, in one run', async () => {
    const { jobId } = (
      await upload(
        planner,
        '/api/screenings/imports?fileName=marzo-bis.csv',
        [HEADER, lines[0], 'DNI,44999999,2024-01-15,F,2025-03-20,,4612'].join('\n'),
      )
    ).json() as { jobId: string };
    const job = await finished(planner, jobId);
    expect(
      (job['errors'] as { row: number; column: string | null; reason: string }[]).map((e) => [
        e.row,
        e.column,
        e.reason.replace(/\d+/, '#'),
      ]),
    ).toEqual([
      [3, 'hemoglobina', 'is empty'],
      [2, null, 'already imported (batch #)'],
    ]);
  });
});
