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
  const db = testApp.database.db;
  // Populated places of the province of Cajamarca have an altitude (as from the DEM), none
  // elsewhere, whatever the bootstrap loaded: the shares then differ between provinces.
  await db
    .updateTable('populated_place')
    .set({ altitude_m: 2600, altitude_source: 'dem' })
    .where('district_ubigeo', 'like', '0601%')
    .execute();
  await db
    .updateTable('populated_place')
    .set({ altitude_m: null, altitude_source: null })
    .where('district_ubigeo', 'not like', '0601%')
    .execute();
  await loadSimulatedScreenings(db, {
    department: '06',
    children: 3000,
    seed: 9,
    from: '2024-01-01',
    to: '2025-12-31',
  });
  await createUser(db, systemActor('test'), {
    username: 'plan.series',
    role: 'regional_planner',
    scope: { kind: 'department', code: '06' },
    displayName: 'plan.series',
    password: 'surveillance-pass',
  });
  planner = await loginAs(testApp.app, 'plan.series', 'surveillance-pass');
});

afterAll(() => testApp.close());

const get = async (url: string) => {
  const response = await testApp.app.inject({ method: 'GET', url, headers: withSession(planner) });
  return { status: response.statusCode, body: response.json() as Record<string, unknown> };
};

interface EndesItem {
  year: number;
  scope: string;
  rule: string;
  n: number;
  estimate: number | null;
}
interface Official {
  year: number;
  scope: string;
  method: string;
  methodLabel: string;
  rule: string;
  value: number;
  publisher: string;
  citedVia: string;
}

describe('GET /api/surveillance/endes', () => {
  it("gives INEI's published figures labelled by method, with the cited values and their sources", async () => {
    const { status, body } = await get('/api/surveillance/endes?department=06');
    expect(status).toBe(200);
    const official = body['official'] as Official[];
    const value = (method: string, year: number, scope: string) =>
      official.find((o) => o.method === method && o.year === year && o.scope === scope);
    expect(value('rm-251-2024', 2023, 'national')).toMatchObject({
      value: 0.346,
      rule: 'nts-213-2024',
      methodLabel: 'Método RM 251-2024/MINSA (NTS 213)',
      publisher: 'INEI',
    });
    expect(value('rm-251-2024', 2024, 'national')?.value).toBe(0.353);
    expect(value('rm-251-2024', 2024, 'department')?.value).toBe(0.4);
    expect(value('previous', 2024, 'national')).toMatchObject({ value: 0.437, rule: 'who-2011' });
    expect(official.every((o) => o.citedVia.startsWith('https://'))).toBe(true);
    expect(body['series']).toEqual([
      { rule: 'nts-213-2024', method: 'rm-251-2024', label: 'Método RM 251-2024/MINSA (NTS 213)' },
      { rule: 'who-2011', method: 'previous', label: 'Método anterior (OMS 2011 con ajuste CDC)' },
    ]);
    expect(body['role']).toBe('validation');
  });

  it('classifies the 2024 ENDES point under nts-213-2024 beside the legacy series', async () => {
    const { body } = await get('/api/surveillance/endes?department=06');
    const items = body['items'] as EndesItem[];
    const point = (rule: string, year: number, scope = 'national') =>
      items.find((i) => i.rule === rule && i.year === year && i.scope === scope);
    expect(point('nts-213-2024', 2024)).toMatchObject({ n: 1210 });
    expect(point('nts-213-2024', 2024)?.estimate).toBeCloseTo(0.3543, 3);
    // The legacy series keeps its figures (45.19 % in 2018, docs/methods/hemoglobin-rules.md).
    expect(point('who-2011', 2018)?.estimate).toBeCloseTo(0.4519, 3);
    expect(point('who-2011', 2024)?.estimate).toBeCloseTo(0.4737, 3);
    // The departmental subsample cells are there with their n, for validation only.
    expect(point('who-2011', 2023, 'department')?.n).toBe(38);
    expect(items.filter((i) => i.scope === 'department')).toHaveLength(20);
  });

  it('refuses a malformed department with 400', async () => {
    const { status, body } = await get('/api/surveillance/endes?department=6');
    expect(status).toBe(400);
    expect(body['error']).toBeDefined();
  });
});

interface Shares {
  areaCode: string;
  n: number;
  counts: Record<string, number>;
  shares: Record<string, number>;
  simulatedShare: number;
}

describe('GET /api/surveillance/altitude-sources', () => {
  it('gives the share of each altitude source per area, adding up to the prevalence children', async () => {
    const { status, body } = await get(
      '/api/surveillance/altitude-sources?department=06&area=province',
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      area: 'province',
      dataSource: 'simulated',
      sources: ['record', 'populated_place', 'establishment', 'district_capital'],
    });
    const items = body['items'] as Shares[];
    for (const item of items) {
      const total = Object.values(item.counts).reduce((a, b) => a + b, 0);
      expect(total).toBe(item.n);
      expect(Object.values(item.shares).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      expect(item.simulatedShare).toBe(1);
    }
    const cajamarca = items.find((i) => i.areaCode === '0601');
    expect(cajamarca?.shares['populated_place']).toBeGreaterThan(0.45);
    expect(cajamarca?.shares['populated_place']).toBeLessThan(0.75);
    expect(
      items.filter((i) => i.areaCode !== '0601').every((i) => i.counts['populated_place'] === 0),
    ).toBe(true);
    // Same children as the department's prevalence.
    const prevalence = await get(
      '/api/surveillance/prevalence?department=06&area=department&period=all',
    );
    const n = (prevalence.body['items'] as { n: number }[])[0]?.n;
    expect(items.reduce((sum, i) => sum + i.n, 0)).toBe(n);
  });

  it('refuses an inverted age band with 400 invalid_request', async () => {
    const { status, body } = await get(
      '/api/surveillance/altitude-sources?department=06&ageFrom=30&ageTo=12',
    );
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: 'invalid_request' } });
  });
});
