import { geometryContains, parseCsv, DEFAULT_HB_RULE_SET, type PolygonGeometry } from '@yawar/core';
import {
  createUser,
  DEMO_SUPPLY_HISTORY,
  loadSimulatedScreenings,
  loadSimulatedSupplyHistory,
  prevalenceCounts,
  systemActor,
} from '@yawar/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  loginAs,
  withSession,
  type TestApp,
  type TestSession,
} from '../testing/test-app.js';

/**
 * The microred as a level of the health network, on the Cajamarca data loaded at first start
 * (RENAES: 69 microredes in 14 reds, 822 establishments with a microred).
 */

let testApp: TestApp;
let planner: TestSession;
let chotaLab: TestSession;
const PASSWORD = 'microred-pass-2026';
const PATRONA_DE_CHOTA = '00004660'; // microred CHOTA, red CHOTA
const LLANGUAT = '00004467'; // microred CELENDIN, red CELENDIN
let conchanEstablishment = '';

beforeAll(async () => {
  testApp = await createTestApp();
  const { db } = testApp.database;
  await loadSimulatedScreenings(db, {
    department: '06',
    children: 3000,
    seed: 11,
    from: '2024-01-01',
    to: '2025-12-31',
  });
  await loadSimulatedSupplyHistory(db, { ...DEMO_SUPPLY_HISTORY, from: '2025-11' });
  const users = [
    { username: 'plan.06', role: 'regional_planner', scope: { kind: 'department', code: '06' } },
    {
      username: 'lab.mr.chota',
      role: 'lab_coordinator',
      scope: { kind: 'microred', code: '06/CHOTA/CHOTA' },
    },
  ] as const;
  for (const u of users)
    await createUser(db, systemActor('test'), {
      ...u,
      displayName: u.username,
      password: PASSWORD,
    });
  planner = await loginAs(testApp.app, 'plan.06', PASSWORD);
  chotaLab = await loginAs(testApp.app, 'lab.mr.chota', PASSWORD);
  const conchan = await db
    .selectFrom('establishment as e')
    .innerJoin('microred as m', 'm.id', 'e.microred_id')
    .select('e.code')
    .where('m.name', '=', 'CONCHAN')
    .orderBy('e.code')
    .executeTakeFirstOrThrow();
  conchanEstablishment = conchan.code;
});

afterAll(() => testApp.close());

async function get(url: string, session: TestSession | null = planner) {
  const response = await testApp.app.inject({
    method: 'GET',
    url,
    headers: session ? withSession(session) : {},
  });
  return response;
}

interface MicroredItem {
  code: string;
  name: string;
  network: string;
  networkCode: string;
  registryCode: string | null;
  establishmentCount: number;
  withCoordinates: number;
}

describe('GET /api/microreds', () => {
  it('lists the 69 microredes of Cajamarca with their red, codes and counts', async () => {
    const response = await get('/api/microreds?department=06', null);
    expect(response.statusCode).toBe(200);
    const body = response.json<{ items: MicroredItem[]; withoutMicrored: number }>();
    expect(body.items).toHaveLength(69);
    // RENAES: 14 reds hold microredes (SOCOTA and BAMBAMARCA besides the 12 province reds).
    expect(new Set(body.items.map((m) => m.network)).size).toBe(14);
    const total = body.items.reduce((sum, m) => sum + m.establishmentCount, 0);
    expect(total).toBe(822);
    const establishments = (await get('/api/establishments?department=06', null)).json<{
      features: unknown[];
    }>();
    expect(total + body.withoutMicrored).toBe(establishments.features.length);
    const chota = body.items.find((m) => m.code === '06/CHOTA/CHOTA');
    expect(chota).toMatchObject({ name: 'CHOTA', network: 'CHOTA', networkCode: '06/CHOTA' });
    expect(chota?.establishmentCount).toBeGreaterThan(30);
    // Accents restored from the establishment list (RENAES writes them as lost characters).
    expect(body.items.map((m) => m.name)).toContain('BAÑOS DEL INCA');
  });
});

describe('GET /api/microreds/outlines.geojson', () => {
  it('gives each microred an outline that holds every establishment it was built on, and says what it is', async () => {
    const outlines = (await get('/api/microreds/outlines.geojson?department=06', null)).json<{
      features: {
        id: string;
        geometry: PolygonGeometry | null;
        properties: { method: string; withCoordinates: number };
      }[];
    }>();
    expect(outlines.features).toHaveLength(69);
    expect(outlines.features[0]?.properties.method).toMatch(/aproximado.*No es un límite oficial/);
    const byCode = new Map(outlines.features.map((f) => [f.id, f]));
    const establishments = (await get('/api/establishments?department=06', null)).json<{
      features: {
        geometry: { coordinates: [number, number] } | null;
        properties: { network: string | null; microred: string | null; coordinateStatus: string };
      }[];
    }>();
    let checked = 0;
    for (const e of establishments.features) {
      const { network, microred, coordinateStatus } = e.properties;
      if (!network || !microred || !e.geometry || coordinateStatus !== 'ok') continue;
      const outline = byCode.get(`06/${network}/${microred}`);
      expect(outline?.geometry, `${network}/${microred}`).toBeTruthy();
      const [lon, lat] = e.geometry.coordinates;
      expect(geometryContains(outline!.geometry!, { lon, lat })).toBe(true);
      checked++;
    }
    expect(checked).toBe(
      outlines.features.reduce((sum, f) => sum + f.properties.withCoordinates, 0),
    );
    expect(checked).toBeGreaterThan(700);
  });
});

describe('prevalence by microred', () => {
  it('adds up to the department, row by row of the database and in the API', async () => {
    const { db } = testApp.database;
    const query = { department: '06', period: 'all' as const };
    const [department] = await prevalenceCounts(db, DEFAULT_HB_RULE_SET, {
      ...query,
      area: 'department',
    });
    const microreds = await prevalenceCounts(db, DEFAULT_HB_RULE_SET, {
      ...query,
      area: 'microred',
    });
    for (const key of ['n', 'mild', 'moderate', 'severe', 'simulated'] as const)
      expect(microreds.reduce((sum, r) => sum + r[key], 0)).toBe(department?.[key]);
    expect(microreds.some((r) => r.areaCode === '06/CHOTA/CHOTA')).toBe(true);

    const response = await get('/api/surveillance/prevalence?area=microred&period=all');
    expect(response.statusCode).toBe(200);
    const items = response.json<{
      items: { areaCode: string; n: number; network: string | null; microred: string | null }[];
    }>().items;
    expect(items.reduce((sum, i) => sum + i.n, 0)).toBe(department?.n);
    expect(items.find((i) => i.areaCode === '06/CHOTA/CHOTA')).toMatchObject({
      network: 'CHOTA',
      microred: 'CHOTA',
    });
  });

  it('narrows the establishments to one microred, which add up to its row', async () => {
    const byMicrored = (await get('/api/surveillance/prevalence?area=microred&period=all')).json<{
      items: { areaCode: string; n: number }[];
    }>().items;
    const response = await get(
      '/api/surveillance/prevalence?area=establishment&period=all&microred=06/CHOTA/CHOTA',
    );
    const items = response.json<{ items: { n: number; microredCode: string | null }[] }>().items;
    expect(items.length).toBeGreaterThan(1);
    expect(new Set(items.map((i) => i.microredCode))).toEqual(new Set(['06/CHOTA/CHOTA']));
    expect(items.reduce((sum, i) => sum + i.n, 0)).toBe(
      byMicrored.find((i) => i.areaCode === '06/CHOTA/CHOTA')?.n,
    );
    const bad = await get('/api/surveillance/prevalence?area=establishment&microred=CHOTA');
    expect(bad.statusCode).toBe(400);
  });

  it('exports the red and microred of every establishment row', async () => {
    const response = await get(
      '/api/surveillance/export?format=csv&area=establishment&microred=06/CHOTA/CHOTA',
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toMatch(
      /yawar-anemia-SIMULADO-06-nts-213-2024-establishment-06-CHOTA-CHOTA-all\.csv/,
    );
    const table = parseCsv(response.body);
    const red = table.header.indexOf('red');
    const microred = table.header.indexOf('microrred');
    expect(red).toBeGreaterThan(-1);
    expect(microred).toBeGreaterThan(-1);
    expect(table.records.length).toBeGreaterThan(1);
    for (const { values } of table.records)
      expect([values[red], values[microred]]).toEqual(['CHOTA', 'CHOTA']);
  });
});

describe('stock status by microred', () => {
  it('groups the real microredes, with their red, and exports both columns', async () => {
    const microreds = (await get('/api/microreds?department=06', null)).json<{
      items: MicroredItem[];
    }>().items;
    const response = await get('/api/supply/stock-status?department=06&level=microred');
    expect(response.statusCode).toBe(200);
    const items = response.json<{ items: { areaCode: string; establishments: number }[] }>().items;
    const chota = items.find((i) => i.areaCode === '06/CHOTA/CHOTA');
    const listed = microreds.find((m) => m.code === '06/CHOTA/CHOTA');
    expect(chota?.establishments).toBeGreaterThan(0);
    expect(chota?.establishments).toBeLessThanOrEqual(listed?.establishmentCount ?? 0);
    const known = new Set(microreds.map((m) => m.code));
    for (const item of items) expect(item.areaCode === '' || known.has(item.areaCode)).toBe(true);

    const csv = parseCsv(
      (await get('/api/supply/stock-status/export?department=06&level=microred&format=csv')).body,
    );
    const red = csv.header.indexOf('red');
    const microred = csv.header.indexOf('microrred');
    const row = csv.records.find((r) => r.values[0] === '06/CHOTA/CHOTA');
    expect([row?.values[red], row?.values[microred]]).toEqual(['CHOTA', 'CHOTA']);
  });

  it('answers a microred coordinator with its own microred only', async () => {
    const items = (await get('/api/supply/stock-status?department=06&level=microred', chotaLab))
      .json<{ items: { areaCode: string }[] }>()
      .items.map((i) => i.areaCode);
    expect(items).toEqual(['06/CHOTA/CHOTA']);
  });
});

describe('GET /api/executing-units/:code', () => {
  it('gives each establishment of the unit its microred', async () => {
    const response = await get('/api/executing-units/786');
    expect(response.statusCode).toBe(200);
    const { establishments } = response.json<{
      establishments: { code: string; network: string | null; microred: string | null }[];
    }>();
    expect(establishments.find((e) => e.code === PATRONA_DE_CHOTA)).toMatchObject({
      network: 'CHOTA',
      microred: 'CHOTA',
    });
    expect(establishments.filter((e) => e.microred !== null).length).toBeGreaterThan(50);
  });
});

describe('a laboratory coordinator of one microred', () => {
  it('sees the follow-up list of its establishments, with their red and microred', async () => {
    const response = await get(`/api/establishments/${PATRONA_DE_CHOTA}/follow-up`, chotaLab);
    expect(response.statusCode).toBe(200);
    expect(response.json<{ establishment: unknown }>().establishment).toEqual({
      code: PATRONA_DE_CHOTA,
      name: expect.any(String) as string,
      network: 'CHOTA',
      microred: 'CHOTA',
    });
  });

  it('sees no individual record of another microred, even of its own red', async () => {
    for (const code of [conchanEstablishment, LLANGUAT]) {
      const response = await get(`/api/establishments/${code}/follow-up`, chotaLab);
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ error: { code: 'forbidden' } });
    }
  });

  it('sees the aggregated figures of its department', async () => {
    const response = await get('/api/surveillance/prevalence?area=microred', chotaLab);
    expect(response.statusCode).toBe(200);
  });
});
