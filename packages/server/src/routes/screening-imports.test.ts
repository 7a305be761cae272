import { createUser, systemActor } from '@yawar/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  loginAs,
  withSession,
  type TestApp,
  type TestSession,
} from '../testing/test-app.js';

let testApp: TestApp;
let planner: TestSession;
let chotaPlanner: TestSession;

beforeAll(async () => {
  testApp = await createTestApp();
  const db = testApp.database.db;
  await createUser(db, systemActor('test'), {
    username: 'imp.06',
    displayName: 'x',
    role: 'regional_planner',
    scope: { kind: 'department', code: '06' },
    password: 'import-pass-2026',
  });
  await createUser(db, systemActor('test'), {
    username: 'imp.chota',
    displayName: 'x',
    role: 'regional_planner',
    scope: { kind: 'network', code: '06/CHOTA' },
    password: 'import-pass-2026',
  });
  planner = await loginAs(testApp.app, 'imp.06', 'import-pass-2026');
  chotaPlanner = await loginAs(testApp.app, 'imp.chota', 'import-pass-2026');
});

afterAll(() => testApp.close());

const HEADER = 'tipo_doc,num_doc,fecha_nacimiento,sexo,fecha_dosaje,hemoglobina,codigo_renipress';
const GOOD = [
  HEADER,
  'DNI,41112222,2024-01-15,F,2025-01-20,10.1,4612',
  'DNI,41112223,2023-03-01,M,2025-01-21,12.4,4660',
].join('\n');

async function upload(session: TestSession, body: string, contentType = 'text/csv') {
  const response = await testApp.app.inject({
    method: 'POST',
    url: '/api/screenings/imports?fileName=enero.csv',
    headers: { ...withSession(session), 'content-type': contentType },
    payload: body,
  });
  return response;
}

async function finished(session: TestSession, jobId: string) {
  for (let i = 0; i < 200; i++) {
    const job = (
      await testApp.app.inject({
        method: 'GET',
        url: `/api/jobs/${jobId}`,
        headers: withSession(session),
      })
    ).json() as { status: string };
    if (job.status === 'succeeded' || job.status === 'failed')
      return job as Record<string, unknown>;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the job did not finish');
}

describe('screening import jobs', () => {
  it('imports a good file in the background and reports the result', async () => {
    const response = await upload(planner, GOOD);
    expect(response.statusCode).toBe(202);
    const job = await finished(planner, (response.json() as { jobId: string }).jobId);
    expect(job).toMatchObject({
      status: 'succeeded',
      phase: 'done',
      errorCount: 0,
      result: { screenings: 2, newChildren: 2 },
    });
  });

  it('rejects the same file again, all or nothing, with a downloadable error report', async () => {
    const { jobId } = (await upload(planner, GOOD)).json() as { jobId: string };
    const job = await finished(planner, jobId);
    expect(job).toMatchObject({ status: 'failed', errorCount: 2, result: null });
    expect((job['errors'] as { reason: string }[])[0]?.reason).toBe('already imported (batch 1)');
    const report = await testApp.app.inject({
      method: 'GET',
      url: `/api/jobs/${jobId}/errors.csv`,
      headers: withSession(planner),
    });
    expect(report.headers['content-disposition']).toContain('attachment');
    expect(report.body).toContain('enero.csv,2,,already imported (batch 1)');
    expect(report.body).not.toContain('41112222');
  });

  it("refuses establishments outside the importer's scope", async () => {
    const { jobId } = (
      await upload(
        chotaPlanner,
        [HEADER, 'DNI,41112299,2024-01-15,F,2025-01-20,10.1,4612'].join('\n'),
      )
    ).json() as { jobId: string };
    const job = await finished(chotaPlanner, jobId);
    expect(job['errors']).toEqual([
      {
        file: 'enero.csv',
        row: 2,
        column: 'codigo_renipress',
        reason: '00004612 is outside your scope',
      },
    ]);
  });

  it('keeps jobs private, and refuses what is not CSV or XLSX', async () => {
    const { jobId } = (await upload(planner, GOOD)).json() as { jobId: string };
    const other = await testApp.app.inject({
      method: 'GET',
      url: `/api/jobs/${jobId}`,
      headers: withSession(chotaPlanner),
    });
    expect(other.statusCode).toBe(403);
    const pdf = await upload(planner, '%PDF-1.7', 'application/pdf');
    expect(pdf.statusCode).toBe(415);
    const json = await testApp.app.inject({
      method: 'POST',
      url: '/api/screenings/imports',
      headers: withSession(planner),
      payload: { rows: [] },
    });
    expect(json.json()).toMatchObject({ error: { code: 'unsupported_file' } });
  });
});
