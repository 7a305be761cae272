import ExcelJS from 'exceljs';
import { createUser, loadSimulatedSupplyHistory, systemActor } from '@yawar/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  loginAs,
  withSession,
  type TestApp,
  type TestSession,
} from '../../testing/test-app.js';

let testApp: TestApp;
const sessions: Record<string, TestSession> = {};
const PASSWORD = 'supply-pass-2026';

/** Unit 785: LLANGUAT and CHUMUCH (network CELENDIN); 00004612 has no unit on record. */
const LLANGUAT = '00004467';
const CHUMUCH = '00004479';
// A private practice: no executing unit in RENAES.
const UNASSIGNED = '00008533';

beforeAll(async () => {
  testApp = await createTestApp();
  const users = [
    ['plan.06', 'regional_planner', { kind: 'department', code: '06' }],
    ['prog.785', 'unit_programmer', { kind: 'executing_unit', code: '785' }],
    ['prog.787', 'unit_programmer', { kind: 'executing_unit', code: '787' }],
    ['lab.jaen', 'lab_coordinator', { kind: 'network', code: '06/JAEN' }],
    ['visor', 'viewer', { kind: 'department', code: '06' }],
  ] as const;
  for (const [username, role, scope] of users) {
    await createUser(testApp.database.db, systemActor('test'), {
      username,
      displayName: username,
      role,
      scope,
      password: PASSWORD,
    });
    sessions[username] = await loginAs(testApp.app, username, PASSWORD);
  }
});

afterAll(() => testApp.close());

const as = (username: string) => sessions[username] as TestSession;

async function get(url: string, username = 'plan.06') {
  const response = await testApp.app.inject({
    method: 'GET',
    url,
    headers: withSession(as(username)),
  });
  return {
    status: response.statusCode,
    json: () => response.json() as Record<string, unknown> & { error?: { code: string } },
    response,
  };
}

interface Job {
  status: string;
  result: Record<string, unknown> | null;
  errorCount: number;
  errors: { row: number; column: string | null; reason: string }[];
}

async function importFile(username: string, body: string | Buffer, contentType = 'text/csv') {
  const response = await testApp.app.inject({
    method: 'POST',
    url: '/api/supply/history/imports?fileName=historial.csv',
    headers: { ...withSession(as(username)), 'content-type': contentType },
    payload: body,
  });
  if (response.statusCode !== 202) return { status: response.statusCode, job: null };
  const { jobId } = response.json() as { jobId: string };
  for (let i = 0; i < 300; i++) {
    const job = (await get(`/api/jobs/${jobId}`, username)).json() as unknown as Job;
    if (job.status === 'succeeded' || job.status === 'failed') return { status: 202, job, jobId };
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the import job did not finish');
}

const HEADER =
  'unidad_ejecutora,establecimiento,producto,mes,consumo,stock_final,dias_desabastecimiento,perdidas,en_transito';
/** Twelve months of 2025 for one site and product; the stock of December given. */
const year = (site: string, product: string, consumption: number, december: number) =>
  Array.from(
    { length: 12 },
    (_, i) =>
      `785,${site},${product},2025-${String(i + 1).padStart(2, '0')},${consumption},${i === 11 ? december : 3 * consumption},0,0,0`,
  );
const GOOD = [
  HEADER,
  ...year(LLANGUAT, 'FE-SF-GOT-30', 30, 59), // MED 1.967: normostock rounded, substock unrounded
  ...year(LLANGUAT, 'MMN-SOB-1G', 100, 0), // desabastecido
  ...year(CHUMUCH, 'FE-SF-GOT-30', 10, 100), // MED 10: sobrestock
  `785,${UNASSIGNED},FE-SF-GOT-30,2025-12,5,20,0,0,0`, // no unit on record: a warning
  '785,,FE-SF-GOT-30,2025-12,0,900,0,0,300', // the unit's warehouse: not a facility
].join('\n');

describe('POST /api/supply/history/imports', () => {
  it('refuses a file with a bad row, saying where, and writes nothing', async () => {
    const bad = `${GOOD}\n785,${LLANGUAT},FE-SF-GOT-30,2025-13,1,1,0,0,0`;
    const { job, jobId } = await importFile('plan.06', bad);
    expect(job).toMatchObject({ status: 'failed', errorCount: 1 });
    expect(job?.errors[0]).toMatchObject({ row: 40, column: 'mes' });
    const report = await get(`/api/jobs/${jobId}/errors.csv`);
    expect(report.response.body).toContain('historial.csv,40,mes,"""2025-13"" is not a month');
    const count = await testApp.database.db
      .selectFrom('supply_history')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('imports a good file as a job, with its counts and warnings; again changes nothing', async () => {
    const { job } = await importFile('plan.06', GOOD);
    expect(job).toMatchObject({
      status: 'succeeded',
      result: { rows: 38, inserted: 38, updated: 0, establishments: 3, warehouses: 1 },
    });
    expect((job?.result?.['warnings'] as unknown[]).length).toBe(1);
    const again = await importFile('plan.06', GOOD);
    expect(again.job?.result).toMatchObject({ inserted: 0, updated: 0, unchanged: 38 });
  });

  it('checks every row against the sender’s scope, and refuses other roles', async () => {
    const { job } = await importFile('prog.787', GOOD);
    expect(job?.status).toBe('failed');
    expect(job?.errorCount).toBe(38);
    expect(job?.errors[0]?.reason).toBe(`${LLANGUAT} is outside your scope`);
    expect((await importFile('prog.785', GOOD)).job?.status).toBe('succeeded');
    expect((await importFile('visor', GOOD)).status).toBe(403);
    expect((await importFile('plan.06', GOOD, 'application/json')).status).toBe(400);
  });

  it('takes the same layout as XLSX', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('historial');
    sheet.addRow(HEADER.split(','));
    sheet.addRow([785, 4467, 'HB-LANCETA', '2025-12', 40, 80, 0, 0, 0]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const { job } = await importFile(
      'plan.06',
      buffer,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(job).toMatchObject({ status: 'succeeded', result: { inserted: 1 } });
  });
});

interface Area {
  areaCode: string;
  areaName: string;
  establishments: number;
  evaluated: number;
  available: number;
  ratio: number | null;
  level: string | null;
  counts: Record<string, number>;
}

describe('GET /api/supply/stock-status', () => {
  it('gives availability and class counts by area, with the rule set and formulas', async () => {
    const { status, json } = await get('/api/supply/stock-status?department=06&level=network');
    expect(status).toBe(200);
    const body = json();
    expect(body).toMatchObject({
      department: '06',
      month: '2025-12',
      latestMonth: '2025-12',
      level: 'network',
      ruleSet: {
        id: 'digemid-ficha28-2025',
        medDecimals: 1,
        sinRotacion: 'vital_only',
        largeVolume: { fromLitres: 1, availableFromMonths: 1 },
        isDefault: true,
      },
      simulated: false,
    });
    expect((body['ruleSets'] as { id: string }[]).map((r) => r.id)).toEqual([
      'digemid-ficha28-2025',
      'digemid-ficha28-2024',
      'digemid-ficha28-unrounded',
    ]);
    expect((body['formula'] as { cpma: string }).cpma).toContain('meses con consumo > 0');
    const total = body['total'] as Area;
    // LLANGUAT 2 of 3 products available (with HB-LANCETA, MED 2), CHUMUCH 1 of 1, 00008533 1 of 1.
    expect(total).toMatchObject({ areaCode: '06', areaName: 'CAJAMARCA', establishments: 3 });
    expect(total.counts).toMatchObject({ desabastecido: 1, normostock: 3, sobrestock: 1 });
    const items = body['items'] as Area[];
    // 00008533, a private practice, belongs to no red: its area is the unassigned one ('').
    expect(items.map((i) => i.areaCode)).toEqual(['06/CELENDIN', '']);
    expect(items[0]).toMatchObject({ establishments: 2, evaluated: 4, available: 3 });
    expect(items[0]?.ratio).toBeCloseTo((2 / 3 + 1) / 2, 10);
    const points = body['establishments'] as { code: string; lat: number | null }[];
    expect(points.map((p) => p.code).sort()).toEqual([LLANGUAT, CHUMUCH, UNASSIGNED].sort());
  });

  it('changes with the rule set (MED rounding) and the month', async () => {
    const unrounded = (
      await get('/api/supply/stock-status?level=establishment&ruleSet=digemid-ficha28-unrounded')
    ).json();
    const llanguat = (unrounded['items'] as Area[]).find((i) => i.areaCode === LLANGUAT);
    expect(llanguat?.counts).toMatchObject({ substock: 1, normostock: 1, desabastecido: 1 });
    const november = (
      await get('/api/supply/stock-status?level=establishment&month=2025-11')
    ).json();
    expect(november['month']).toBe('2025-11');
    const chumuch = (november['items'] as Area[]).find((i) => i.areaCode === CHUMUCH);
    expect(chumuch?.counts['normostock']).toBe(1); // 30 ÷ 10 = 3 months
  });

  it('answers each caller with the establishments of their scope', async () => {
    const units = (await get('/api/supply/stock-status?level=executing_unit', 'prog.785')).json();
    expect((units['items'] as Area[]).map((i) => [i.areaCode, i.establishments])).toEqual([
      ['785', 3],
    ]);
    const other = (await get('/api/supply/stock-status', 'prog.787')).json();
    expect(other['establishments']).toEqual([]);
    expect((await get('/api/supply/stock-status', 'lab.jaen')).json()['items']).toEqual([]);
    expect((await get('/api/supply/stock-status?department=13', 'plan.06')).status).toBe(403);
    expect((await get('/api/supply/stock-status?department=13', 'prog.785')).status).toBe(403);
    expect((await get('/api/supply/stock-status', 'visor')).status).toBe(403);
  });

  it('rejects bad parameters with 400', async () => {
    expect((await get('/api/supply/stock-status?month=2025-13')).status).toBe(400);
    expect((await get('/api/supply/stock-status?level=district')).status).toBe(400);
    expect((await get('/api/supply/stock-status?ruleSet=mine')).status).toBe(400);
  });

  it('exports the table as CSV and XLSX', async () => {
    const csv = await get('/api/supply/stock-status/export?level=establishment&format=csv');
    expect(csv.status).toBe(200);
    expect(csv.response.headers['content-disposition']).toContain(
      'yawar-abastecimiento-06-2025-12-digemid-ficha28-2025-establishment.csv',
    );
    expect(csv.response.body.split('\n')[0]).toContain('codigo_area,area,establecimientos');
    expect(csv.response.body).toContain(`${LLANGUAT},LLANGUAT,1,1,3,2,66.7,bajo,1,0,0,2,0,0,no`);
    const xlsx = await get('/api/supply/stock-status/export?level=network');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Disponibilidad', 'Fuente y método']);
  });
});

interface Product {
  resourceCode: string;
  vital: boolean;
  evaluated: boolean;
  largeVolume: boolean;
  name: string;
  stock: number | null;
  cpma: number;
  medCompared: number | null;
  stockClass: string;
  window: unknown[];
  steps: { key: string; formula: string; substituted: string }[];
}

describe('GET /api/supply/stock-status/establishments/:code', () => {
  it('shows each product with its CPMA months, MED, class and formulas', async () => {
    const { status, json } = await get(`/api/supply/stock-status/establishments/4467`);
    expect(status).toBe(200);
    const body = json();
    expect(body).toMatchObject({
      establishment: { code: LLANGUAT, name: 'LLANGUAT', executingUnit: { code: '785' } },
      month: '2025-12',
      evaluated: 3,
      available: 2,
    });
    const products = body['products'] as Product[];
    expect(products.map((p) => [p.resourceCode, p.stock, p.cpma, p.stockClass])).toEqual([
      ['FE-SF-GOT-30', 59, 30, 'normostock'],
      ['HB-LANCETA', 80, 40, 'normostock'],
      ['MMN-SOB-1G', 0, 100, 'desabastecido'],
    ]);
    expect(products[0]?.name).toContain('Sulfato ferroso');
    expect(products[0]?.window).toHaveLength(12);
    expect(products[0]?.steps.map((s) => s.key)).toEqual(['cpma', 'med', 'class']);
    expect(products[0]?.steps[1]?.substituted).toBe('59 ÷ 30 = 1.967 → 2.0');
    // None of them is a vital medicine (RM 1288-2018) and none is sin rotación: all evaluated.
    expect(products.map((p) => [p.vital, p.evaluated, p.largeVolume])).toEqual([
      [false, true, false],
      [false, true, false],
      [false, true, false],
    ]);
    expect(products[0]?.steps[2]?.formula).toContain(
      'solo se evalúa si es vital (RM 1288-2018/MINSA)',
    );
  });

  it('lets a unit programmer see an unassigned establishment their unit reports', async () => {
    expect(
      (await get(`/api/supply/stock-status/establishments/${UNASSIGNED}`, 'prog.785')).status,
    ).toBe(200);
    expect(
      (await get(`/api/supply/stock-status/establishments/${LLANGUAT}`, 'prog.787')).status,
    ).toBe(403);
  });

  it('answers an establishment without history with nothing evaluated, and 404 an unknown one', async () => {
    const empty = await get('/api/supply/stock-status/establishments/4466');
    expect(empty.status).toBe(200);
    expect(empty.json()).toMatchObject({ month: null, evaluated: 0, ratio: null, products: [] });
    expect((await get('/api/supply/stock-status/establishments/99999999')).status).toBe(404);
  });
});

describe('simulated history and the catalogue', () => {
  it('labels simulated data', async () => {
    await loadSimulatedSupplyHistory(testApp.database.db, {
      department: '06',
      seed: 3,
      from: '2025-01',
      to: '2025-12',
    });
    const body = (await get('/api/supply/stock-status?level=executing_unit')).json();
    expect(body['simulated']).toBe(true);
    expect(body['dataSource']).toMatch(/^SIMULADO/);
    expect((body['items'] as Area[]).length).toBe(10); // the 10 RENAES executing units
    const csv = await get('/api/supply/stock-status/export?format=csv');
    expect(csv.response.headers['content-disposition']).toContain(
      'yawar-abastecimiento-SIMULADO-06',
    );
  });

  it('lists the catalogue to any logged-in user', async () => {
    const { status, json } = await get('/api/supply/resources', 'visor');
    expect(status).toBe(200);
    const items = json()['items'] as { code: string; vital: boolean; contentUnit: string | null }[];
    expect(items.map((r) => r.code)).toContain('MMN-SOB-1G');
    // None of the anemia items is in the vital list (RM 1288-2018/MINSA): data/supply/PROVENANCE.md.
    expect(items.every((r) => typeof r.vital === 'boolean' && !r.vital)).toBe(true);
    expect(items.find((r) => r.code === 'FE-SF-GOT-30')?.contentUnit).toBe('mL');
  });
});
