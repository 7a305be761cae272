import ExcelJS from 'exceljs';
import { createUser, loadSimulatedScreenings, systemActor } from '@yawar/db';
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

beforeAll(async () => {
  testApp = await createTestApp();
  await loadSimulatedScreenings(testApp.database.db, {
    department: '06',
    children: 4000,
    seed: 5,
    from: '2024-01-01',
    to: '2025-12-31',
  });
  const users = [
    { username: 'plan.06', role: 'regional_planner', scope: { kind: 'department', code: '06' } },
    {
      username: 'lab.chota',
      role: 'lab_coordinator',
      scope: { kind: 'network', code: '06/CHOTA' },
    },
    {
      username: 'prog.785',
      role: 'unit_programmer',
      scope: { kind: 'executing_unit', code: '785' },
    },
  ] as const;
  for (const u of users)
    await createUser(testApp.database.db, systemActor('test'), {
      ...u,
      displayName: u.username,
      password: 'surveillance-pass',
    });
  planner = await loginAs(testApp.app, 'plan.06', 'surveillance-pass');
});

afterAll(() => testApp.close());

const get = async (url: string, session: TestSession | null = planner) => {
  const response = await testApp.app.inject({
    method: 'GET',
    url,
    headers: session ? withSession(session) : {},
  });
  return {
    status: response.statusCode,
    body: response.headers['content-type']?.includes('json')
      ? (response.json() as Record<string, unknown>)
      : null,
    raw: response.rawPayload,
    headers: response.headers,
  };
};

interface Item {
  areaCode: string;
  suppressionReason: string | null;
  n: number;
  cases: number | null;
  estimate: number | null;
  lower: number | null;
  upper: number | null;
  suppressed: boolean;
  coverage: number | null;
  estimatedAnemicChildren: number | null;
  simulatedShare: number;
}

describe('GET /api/surveillance/prevalence', () => {
  it('gives district figures with Wilson intervals, coverage, labelled as simulated, with formulas', async () => {
    const { status, body } = await get(
      '/api/surveillance/prevalence?area=district&period=all&ageTo=35',
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      rule: { id: 'nts-213-2024' },
      dataSource: 'simulated',
      confidence: 0.95,
      suppressionRule: { id: 'yawar-2026-n20-c5' },
    });
    expect((body?.['formula'] as { adjustment: string }).adjustment).toContain('1.8 desde 2500 m');
    const items = body?.['items'] as Item[];
    expect(items.length).toBeGreaterThan(50);
    for (const item of items) {
      expect(item.simulatedShare).toBe(1);
      if (item.suppressed) {
        expect(item.estimate).toBeNull();
        // Hidden by the rule, or beside such a cell so that it cannot be subtracted back.
        if (item.suppressionReason !== 'complementary')
          expect(item.n < 20 || (item.cases ?? 1) < 5).toBe(true);
      } else {
        expect(item.lower).toBeLessThanOrEqual(item.estimate ?? -1);
        expect(item.upper).toBeGreaterThanOrEqual(item.estimate ?? 2);
        expect(item.estimate).toBeCloseTo((item.cases ?? 0) / item.n, 10);
      }
    }
    expect(items.some((i) => i.suppressed)).toBe(true);
    expect(items.find((i) => i.areaCode === '060101')?.coverage).toBeGreaterThan(0);
  });

  it('changes with the rule set, and explains by how many children', async () => {
    const nts = (await get('/api/surveillance/prevalence?area=department')).body?.[
      'items'
    ] as Item[];
    const legacy = (await get('/api/surveillance/prevalence?area=department&rule=who-2011')).body?.[
      'items'
    ] as Item[];
    expect(nts[0]?.n).toBe(legacy[0]?.n);
    expect(nts[0]?.cases).not.toBe(legacy[0]?.cases);
    const { body } = await get('/api/surveillance/reclassification?from=who-2011&to=nts-213-2024');
    expect(body?.['total']).toBe(nts[0]?.n);
    expect(body?.['changed']).toBeGreaterThan(0);
  });

  it('compares with the estimated population only for the 6–35 month band it describes', async () => {
    const target = (await get('/api/surveillance/prevalence?area=department&ageFrom=6&ageTo=35'))
      .body?.['items'] as (Item & { children6to35Months: number | null })[];
    expect(target[0]?.children6to35Months).toBe(14_062 + 26_737 + 28_458);
    expect(target[0]?.estimatedAnemicChildren).toBe(
      Math.round((target[0]?.estimate ?? 0) * 69_257),
    );
    const wider = (await get('/api/surveillance/prevalence?area=department&ageTo=59')).body?.[
      'items'
    ] as Item[];
    expect(wider[0]?.coverage).toBeNull();
    expect(wider[0]?.estimatedAnemicChildren).toBeNull();
  });

  it('rejects bad filters with 400', async () => {
    expect((await get('/api/surveillance/prevalence?rule=who-1999')).status).toBe(400);
    expect((await get('/api/surveillance/prevalence?ageFrom=30&ageTo=12')).status).toBe(400);
    expect((await get('/api/surveillance/prevalence?ageFrom=2')).status).toBe(400);
  });
});

describe('who may see it', () => {
  it('a network coordinator sees its department; an executing-unit scope and another department do not', async () => {
    const lab = await loginAs(testApp.app, 'lab.chota', 'surveillance-pass');
    expect((await get('/api/surveillance/prevalence', lab)).status).toBe(200);
    const programmer = await loginAs(testApp.app, 'prog.785', 'surveillance-pass');
    expect((await get('/api/surveillance/prevalence', programmer)).status).toBe(403);
    expect((await get('/api/surveillance/prevalence?department=01', planner)).status).toBe(403);
    expect((await get('/api/surveillance/prevalence', null)).status).toBe(401);
  });
});

describe('export', () => {
  it('downloads an XLSX with the table and a sheet naming the data as simulated', async () => {
    const { status, raw, headers } = await get(
      '/api/surveillance/export?format=xlsx&area=province',
    );
    expect(status).toBe(200);
    expect(headers['content-disposition']).toContain('.xlsx');
    expect(raw.subarray(0, 2).toString()).toBe('PK');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(raw as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Prevalencia');
    expect(sheet?.getRow(1).getCell(1).value).toBe('codigo_area');
    expect(sheet?.rowCount).toBe(1 + 13); // 13 provinces
    expect(String(workbook.getWorksheet('Fuente y método')?.getRow(1).getCell(2).value)).toContain(
      'SIMULADOS',
    );
  });

  it('downloads the same rows as CSV', async () => {
    const { raw } = await get('/api/surveillance/export?format=csv&area=province');
    const lines = raw.toString('utf8').trim().split('\n');
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM, so Excel reads the accents
    expect(lines[0]?.startsWith('codigo_area,area,periodo')).toBe(true);
    expect(lines).toHaveLength(14);
  });
});

describe('GET /api/establishments/:code/follow-up', () => {
  it('lists anemic children with their controls, lost and overdue first, without full pseudonyms', async () => {
    const busiest = await testApp.database.db
      .selectFrom('screening')
      .select(['establishment_code', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('establishment_code')
      .orderBy('n', 'desc')
      .executeTakeFirstOrThrow();
    const { status, body } = await get(
      `/api/establishments/${busiest.establishment_code}/follow-up?today=2026-01-15`,
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      schedule: { id: 'nts-213-2024-treatment' },
      simulated: true,
      today: '2026-01-15',
    });
    const items = body?.['items'] as { status: string; childRef: string; controls: unknown[] }[];
    expect(items.length).toBeGreaterThan(0);
    const order = { lost: 0, overdue: 1, on_track: 2, completed: 3 } as Record<string, number>;
    expect(items.map((i) => order[i.status])).toEqual(
      [...items.map((i) => order[i.status])].sort(),
    );
    expect(items.every((i) => i.childRef.length <= 12 && i.controls.length === 4)).toBe(true);
    const counts = body?.['counts'] as Record<string, number>;
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(items.length);
    const lost = await get(
      `/api/establishments/${busiest.establishment_code}/follow-up?today=2026-01-15&status=lost`,
    );
    expect(lost.body?.['counts']).toEqual(counts);
    expect((lost.body?.['items'] as { status: string }[]).every((i) => i.status === 'lost')).toBe(
      true,
    );
  });
});
