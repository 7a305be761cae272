import { ageRelations, disclosedCells, parseCsv, YAWAR_2026_NTS213_BANDS } from '@yawar/core';
import { createPseudonymiser, createUser, importScreeningFile, systemActor } from '@yawar/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  loginAs,
  withSession,
  type TestApp,
  type TestSession,
} from '../testing/test-app.js';

// Findings 11 and 19 of issue 10 (docs/methods/prevalence.md §4, docs/methods/security.md): a
// viewer asked for ages 6–59, 6–8 and 10–59 on one establishment and day and got the hidden age-9
// cell (2 children, 1 case) by subtraction. Here the same records, the same questions.

const ESTABLISHMENT = '00004612';
const DAY = '2025-03-20';
const HEADER = 'tipo_doc,num_doc,fecha_nacimiento,sexo,fecha_dosaje,hemoglobina,codigo_renipress';
const ANEMIC = '8.5';
const HEALTHY = '14.0';

/** [birth date, how many children, how many of them anemic]: ages in completed months on DAY. */
const GROUPS: readonly [string, number, number][] = [
  ['2024-08-01', 3, 0], // 7 months: with the next line, ages 6–8 of the finding
  ['2024-06-10', 2, 1], // 9 months: the cell to protect (n = 2, 1 case)
  ['2023-06-10', 30, 8], // 21 months
  ['2022-06-10', 25, 6], // 33 months
  ['2021-01-10', 30, 7], // 50 months
];

let testApp: TestApp;
let viewer: TestSession;
let planner: TestSession;

beforeAll(async () => {
  testApp = await createTestApp();
  let document = 40_000_000;
  const lines: string[] = [];
  for (const [birth, count, anemic] of GROUPS) {
    for (let i = 0; i < count; i++) {
      document += 1;
      lines.push(
        `DNI,${document},${birth},${i % 2 ? 'F' : 'M'},${DAY},${i < anemic ? ANEMIC : HEALTHY},${ESTABLISHMENT}`,
      );
    }
  }
  await importScreeningFile(
    testApp.database.db,
    { file: 'differencing.csv', table: parseCsv([HEADER, ...lines].join('\n')) },
    {
      pseudonymise: createPseudonymiser(Buffer.alloc(32, 7)),
      actor: systemActor('test'),
      today: '2025-12-31',
    },
  );
  const users = [
    { username: 'viewer.06', role: 'viewer', scope: { kind: 'department', code: '06' } },
    { username: 'planner.06', role: 'regional_planner', scope: { kind: 'department', code: '06' } },
  ] as const;
  for (const u of users)
    await createUser(testApp.database.db, systemActor('test'), {
      ...u,
      displayName: u.username,
      password: 'differencing-pass',
    });
  viewer = await loginAs(testApp.app, 'viewer.06', 'differencing-pass');
  planner = await loginAs(testApp.app, 'planner.06', 'differencing-pass');
});

afterAll(() => testApp.close());

interface Item {
  areaCode: string;
  n: number;
  cases: number | null;
  mild: number | null;
  suppressed: boolean;
  suppressionReason: string | null;
}

const get = async (session: TestSession, query: string, path = 'prevalence') => {
  const response = await testApp.app.inject({
    method: 'GET',
    url: `/api/surveillance/${path}?department=06&${query}`,
    headers: withSession(session),
  });
  return { status: response.statusCode, body: response.body, json: () => response.json() };
};

/** The establishment's cell for ages `from`–`to`, as a caller sees it. */
const cell = async (session: TestSession, from: number, to: number, dates: string) => {
  const response = await get(
    session,
    `area=establishment&period=all&ageFrom=${from}&ageTo=${to}&${dates}`,
  );
  expect(response.status).toBe(200);
  const items = (response.json() as { items: Item[] }).items;
  return items.find((i) => i.areaCode === ESTABLISHMENT);
};

describe('finding 11: differencing the age bands of one establishment and day', () => {
  it('refuses the free windows and the day window to a viewer, with stable codes', async () => {
    const day = `from=${DAY}&to=${DAY}`;
    for (const [from, to, code] of [
      [6, 59, 'date_window_not_permitted'],
      [6, 8, 'age_band_not_permitted'],
      [10, 59, 'age_band_not_permitted'],
    ] as const) {
      const response = await get(viewer, `area=establishment&ageFrom=${from}&ageTo=${to}&${day}`);
      expect(response.status).toBe(400);
      expect((response.json() as { error: { code: string } }).error.code).toBe(code);
    }
    // Whole months are fine; free windows stay refused on every path of the same figures.
    expect((await get(viewer, 'ageFrom=6&ageTo=8')).status).toBe(400);
    expect((await get(viewer, 'ageFrom=6&ageTo=8&format=csv', 'export')).status).toBe(400);
    const days = await get(viewer, 'from=2025-10-06&to=2025-10-31');
    expect(days.status).toBe(400);
    expect((days.json() as { error: { code: string } }).error.code).toBe(
      'date_window_not_permitted',
    );
    expect(
      (await get(viewer, 'from=who-2011&to=nts-213-2024&ageFrom=6&ageTo=8', 'reclassification'))
        .status,
    ).toBe(400);
    expect(
      (
        await get(
          viewer,
          `from=who-2011&to=nts-213-2024&fromDate=${DAY}&toDate=${DAY}`,
          'reclassification',
        )
      ).status,
    ).toBe(400);
  });

  it('no subtraction of the permitted windows gives the hidden band back', async () => {
    const month = 'from=2025-03-01&to=2025-03-31';
    const policy = YAWAR_2026_NTS213_BANDS;
    const windows = [...policy.bands, ...policy.totals];
    const seen: Record<string, Item> = {};
    for (const w of windows) {
      const item = await cell(viewer, w.from, w.to, month);
      expect(item).toBeDefined();
      seen[`${w.from}-${w.to}`] = item as Item;
    }
    // The band holding the 9-month-olds (5 children, 1 case) is hidden by the rule…
    expect(seen['6-11']).toMatchObject({ n: 5, cases: null, mild: null, suppressed: true });
    // …and one more band with it, so 6–35 minus the published bands leaves two unknowns.
    expect(seen['24-35']).toMatchObject({ suppressed: true, suppressionReason: 'complementary' });
    expect(seen['24-35']?.cases).toBeNull();
    expect(seen['6-35']).toMatchObject({ n: 60, cases: 15, suppressed: false });
    expect(seen['6-59']).toMatchObject({ n: 90, cases: 22, suppressed: false });
    // The attack, in general: no sum or difference of what was published isolates a hidden cell.
    const hidden = new Set(Object.keys(seen).filter((k) => seen[k]?.suppressed));
    expect(disclosedCells(Object.keys(seen), ageRelations(policy), hidden)).toEqual([]);
    // Recovering 6–11 by 6–35 − 12–23 − 24–35 needs a number that is not there.
    const published = (k: string) => seen[k]?.cases ?? null;
    expect([published('6-35'), published('12-23'), published('24-35')]).toContain(null);
  });

  it('gives a caller who may read the records the same hidden cells in the permitted windows', async () => {
    const month = 'from=2025-03-01&to=2025-03-31';
    expect(await cell(planner, 6, 11, month)).toMatchObject({ suppressed: true, cases: null });
    expect(await cell(planner, 24, 35, month)).toMatchObject({
      suppressionReason: 'complementary',
      cases: null,
    });
    // A free window stays possible for them (they may see each child's record anyway).
    expect(await cell(planner, 9, 9, `from=${DAY}&to=${DAY}`)).toMatchObject({
      n: 2,
      suppressed: true,
    });
  });
});

describe('finding 19: every output path hides the same cells', () => {
  it('the CSV export carries no case count of a hidden cell', async () => {
    const response = await get(
      viewer,
      'format=csv&area=establishment&period=all&ageFrom=6&ageTo=11&from=2025-03-01&to=2025-03-31',
      'export',
    );
    expect(response.status).toBe(200);
    const row = response.body.split('\n').find((line) => line.startsWith(ESTABLISHMENT));
    expect(row).toBeDefined();
    const header = (response.body.split('\n')[0] ?? '').replace('\uFEFF', '').split(',');
    const values = (row ?? '').split(',');
    const column = (name: string) => values[header.indexOf(name)];
    expect(column('ninos_con_dosaje')).toBe('5');
    expect(column('con_anemia')).toBe('');
    expect(column('prevalencia_pct')).toBe('');
    expect(column('suprimido')).toBe('si');
  });
});
