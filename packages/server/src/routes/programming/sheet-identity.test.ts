import ExcelJS from 'exceljs';
import { DEFAULT_PROGRAMMING_PARAMETERS } from '@yawar/core';
import { DEMO_PASSWORD, refreshSupplySeries } from '@yawar/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  loginAs,
  withSession,
  type TestApp,
  type TestSession,
} from '../../testing/test-app.js';

/**
 * Issue 10, finding 8: the sheet exported for one executing unit imported into another unit's
 * programme (200, quantities applied). The export now names its programme and the import refuses
 * any other, all or nothing.
 */

let testApp: TestApp;
let admin: TestSession;
let analyst: TestSession;
const DROPS = 'FE-SF-GOT-30';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const programmeOf = new Map<string, number>();

interface Sheet {
  programme: { id: number; version: number };
  lines: { resourceCode: string; unitQuantity: number | null; justification: string | null }[];
}

const api = (session: TestSession, method: 'GET' | 'POST', url: string, payload?: object) =>
  testApp.app.inject({
    method,
    url,
    headers: withSession(session),
    ...(payload ? { payload } : {}),
  });

async function sheet(unit: string): Promise<Sheet> {
  const response = await api(admin, 'GET', `/api/programming/programmes/${programmeOf.get(unit)}`);
  return response.json() as Sheet;
}

/** The unit's exported sheet with the drops line set to `quantity`, as a planner would in Excel. */
async function editedExport(unit: string, quantity: number, dropAbout = false) {
  const exported = await api(
    admin,
    'GET',
    `/api/programming/programmes/${programmeOf.get(unit)}/export.xlsx`,
  );
  expect(exported.statusCode).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
  const main = workbook.getWorksheet('Programación')!;
  const header = (main.getRow(1).values as unknown[]).slice(1);
  const column = (name: string) => header.indexOf(name) + 1;
  main.eachRow((row) => {
    if (row.getCell(1).value !== DROPS) return;
    row.getCell(column('Cantidad UE')).value = quantity;
    row.getCell(column('Justificación')).value = 'Meta de tamizaje ampliada';
  });
  if (dropAbout) workbook.removeWorksheet(workbook.getWorksheet('Fuente y método')!.id);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function importInto(unit: string, file: Buffer) {
  const { programme } = await sheet(unit);
  return testApp.app.inject({
    method: 'POST',
    url: `/api/programming/programmes/${programme.id}/import?version=${programme.version}`,
    headers: { ...withSession(admin), 'content-type': XLSX },
    payload: file,
  });
}

beforeAll(async () => {
  testApp = await createTestApp();
  const db = testApp.database.db;
  const { id: batch } = await db
    .insertInto('supply_batch')
    .values({ file_name: 'fixture', origin: 'import', rows: 48, actor: 'test' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql`
    insert into supply_history (executing_unit_code, establishment_code, resource_code, month,
      consumption, stock_end, stockout_days, losses, in_transit, batch_id, simulated)
    select u, null, ${DROPS}, m::date, 100, 150, 0, 0, 0, ${batch}, false
    from generate_series('2024-11-01'::date, '2026-10-01'::date, interval '1 month') as m,
      unnest(array['785', '787']) as u`.execute(db);
  await refreshSupplySeries(db, ['785', '787']);
  admin = await loginAs(testApp.app, 'demo.admin', DEMO_PASSWORD);
  analyst = await loginAs(testApp.app, 'demo.analista', DEMO_PASSWORD);
  const created = await api(analyst, 'POST', '/api/programming/rounds', {
    name: 'Identidad 2027',
    fiscalYear: 2027,
    opensOn: '2026-11-02',
    closesOn: '2026-12-18',
    horizonStart: '2027-01',
    historyEnd: '2026-10',
    regionalReview: false,
    parameters: DEFAULT_PROGRAMMING_PARAMETERS,
  });
  expect(created.statusCode).toBe(201);
  const roundId = (created.json() as { id: number }).id;
  const started = await api(analyst, 'POST', `/api/programming/rounds/${roundId}/compute`, {});
  const jobId = (started.json() as { jobId: string }).jobId;
  for (let i = 0; i < 400; i++) {
    const job = (await api(analyst, 'GET', `/api/jobs/${jobId}`)).json() as { status: string };
    if (job.status === 'succeeded') break;
    if (job.status === 'failed') throw new Error('compute failed');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const list = await api(analyst, 'GET', `/api/programming/rounds/${roundId}/programmes`);
  for (const p of (list.json() as { programmes: { id: number; unit: { code: string } }[] })
    .programmes)
    programmeOf.set(p.unit.code, p.id);
  expect([...programmeOf.keys()]).toEqual(expect.arrayContaining(['785', '787']));
});

afterAll(() => testApp.close());

describe('an exported sheet names its programme', () => {
  it("refuses unit 787's sheet in unit 785's programme and changes nothing", async () => {
    const before = await sheet('785');
    const response = await importInto('785', await editedExport('787', 2500));
    expect(response.statusCode).toBe(422);
    const body = response.json() as { error: { code: string; message: string } };
    expect(body.error.code).toBe('sheet_other_programme');
    expect(body.error.message).toContain('unidad ejecutora 787');
    expect(body.error.message).toContain('No se cambió nada');
    expect(await sheet('785')).toEqual(before);
  });

  it('refuses a sheet whose identity rows were removed', async () => {
    const response = await importInto('785', await editedExport('785', 2500, true));
    expect(response.statusCode).toBe(422);
    expect((response.json() as { error: { code: string } }).error.code).toBe(
      'sheet_without_programme',
    );
  });

  it('still imports a sheet into the programme it was exported from', async () => {
    const response = await importInto('785', await editedExport('785', 2500));
    expect(response.statusCode).toBe(200);
    const drops = (response.json() as Sheet).lines.find((l) => l.resourceCode === DROPS);
    expect(drops).toMatchObject({ unitQuantity: 2500, justification: 'Meta de tamizaje ampliada' });
  });
});
