import fc from 'fast-check';
import { DEFAULT_PROGRAMMING_PARAMETERS } from '@yawar/core';
import { DEMO_PASSWORD } from '@yawar/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  loginAs,
  withSession,
  type TestApp,
  type TestSession,
} from '../testing/test-app.js';
import { INVALID_INPUT_CODE, isCalendarDate } from '@yawar/api';

/**
 * Issue 10, finding 7: NUL bytes, lone surrogates and impossible dates used to reach PostgreSQL
 * (500) or be used as they were. Every route now answers 400 `invalid_request` and writes nothing.
 */

let testApp: TestApp;
let admin: TestSession;
const ESTABLISHMENT = '00004612';

beforeAll(async () => {
  testApp = await createTestApp();
  admin = await loginAs(testApp.app, 'demo.admin', DEMO_PASSWORD);
});

afterAll(() => testApp.close());

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';

async function call(
  method: Method,
  url: string,
  payload?: unknown,
  session: TestSession | null = admin,
) {
  return testApp.app.inject({
    method,
    url,
    headers: session ? withSession(session) : {},
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

async function expectRefused(method: Method, url: string, payload?: unknown, field?: string) {
  const response = await call(method, url, payload);
  const body = response.json() as { error?: { code: string; details: { path: string }[] } };
  expect(response.statusCode, `${method} ${url} ${response.body}`).toBe(400);
  expect(body.error?.code).toBe(INVALID_INPUT_CODE);
  if (field) expect(JSON.stringify(body.error?.details)).toContain(field);
}

const ROUND = {
  name: 'Ronda de prueba',
  fiscalYear: 2027,
  opensOn: '2026-11-02',
  closesOn: '2026-12-18',
  horizonStart: '2027-01',
  historyEnd: '2026-10',
  regionalReview: false,
  parameters: DEFAULT_PROGRAMMING_PARAMETERS,
};
const MEETING = {
  groupName: 'Grupo norte',
  startsOn: '2026-11-10',
  endsOn: '2026-11-11',
  modality: 'virtual',
  place: null,
  unitCodes: ['785'],
};

/** Every text input of the API, as [method, url with {} where the text goes, body maker]. */
const TEXT_INPUTS: [Method, string, ((text: string) => unknown)?][] = [
  ['GET', '/api/establishments?q={}'],
  ['GET', '/api/establishments?network={}'],
  ['GET', '/api/audit?actor={}'],
  ['GET', '/api/audit/export?action={}'],
  ['GET', '/api/surveillance/prevalence?network={}'],
  ['POST', '/api/screenings/imports?fileName={}'],
  ['POST', '/api/supply/history/imports?fileName={}'],
  ['POST', '/api/auth/login', (t) => ({ username: t, password: 'x' })],
  [
    'POST',
    '/api/users',
    (t) => ({
      username: 'ok',
      displayName: t,
      role: 'viewer',
      scope: { kind: 'national', code: '' },
    }),
  ],
  [
    'POST',
    '/api/users',
    (t) => ({
      username: t,
      displayName: 'Ok',
      role: 'viewer',
      scope: { kind: 'national', code: '' },
    }),
  ],
  ['PATCH', '/api/users/1', (t) => ({ displayName: t })],
  [
    'PUT',
    `/api/establishments/${ESTABLISHMENT}/laboratory`,
    (t) => ({ hasLaboratory: true, reason: t }),
  ],
  ['POST', '/api/programming/rounds', (t) => ({ ...ROUND, name: t })],
  ['POST', '/api/programming/rounds/1/meetings', (t) => ({ ...MEETING, place: t })],
  ['PATCH', '/api/programming/meetings/1/participants/785', (t) => ({ version: 1, feedback: t })],
  [
    'PATCH',
    '/api/programming/programmes/1/lines/FE-SF-GOT-30',
    (t) => ({ version: 1, unitQuantity: 10, justification: t }),
  ],
  [
    'POST',
    '/api/programming/programmes/1/observations',
    (t) => ({ version: 1, resourceCode: null, criticality: 'high', note: t }),
  ],
  ['POST', '/api/programming/observations/1/address', (t) => ({ version: 1, response: t })],
  ['POST', '/api/programming/programmes/1/return', (t) => ({ version: 1, note: t })],
];

function request(input: (typeof TEXT_INPUTS)[number], text: string): [Method, string, unknown] {
  const [method, url, body] = input;
  return body
    ? [method, url, body(text)]
    : [method, url.replace('{}', encodeURIComponent(text)), undefined];
}

describe('unstorable text is refused by every route', () => {
  it.each(TEXT_INPUTS.map((input) => [`${input[0]} ${input[1]}`, input] as const))(
    '%s: NUL byte and lone surrogate give 400',
    async (_name, input) => {
      await expectRefused(...request(input, 'a\u0000b'));
      // A lone surrogate cannot travel in a URL (no UTF-8 form), only as a JSON \ud800 escape.
      if (input[2]) await expectRefused(...request(input, 'nota \ud800 suelta'));
    },
  );

  it('property: any text with a NUL or a lone surrogate is refused, never a 500', async () => {
    const poison = fc.constantFrom('\u0000', '\ud800', '\udfff', '\udbff');
    const text = fc
      .tuple(fc.string({ maxLength: 20 }), poison, fc.string({ maxLength: 20 }))
      .map(([a, p, b]) => a + p + b);
    await fc.assert(
      fc.asyncProperty(
        text,
        fc.constantFrom(...TEXT_INPUTS.filter((i) => i[2])),
        async (t, input) => {
          const [method, url, body] = request(input, t);
          const response = await call(method, url, body);
          expect(response.statusCode).toBe(400);
          expect((response.json() as { error: { code: string } }).error.code).toBe(
            INVALID_INPUT_CODE,
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a NUL in the query string of a search is a 400, not a database error', async () => {
    const response = await call('GET', '/api/establishments?q=a%00b');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: { code: 'invalid_request', details: [{ path: '/q' }] },
    });
  });

  it('a caller without a session still gets 401 first, learning nothing about input', async () => {
    const response = await call('GET', '/api/audit?actor=a%00b', undefined, null);
    expect(response.statusCode).toBe(401);
  });

  it('names, notes and reasons of invisible characters only are refused', async () => {
    const blank = '\u200b\u200b\u00a0\u2060\u200b';
    await expectRefused('POST', '/api/programming/rounds', { ...ROUND, name: blank }, '/name');
    await expectRefused(
      'POST',
      '/api/programming/rounds/1/meetings',
      { ...MEETING, groupName: blank },
      '/groupName',
    );
    await expectRefused(
      'POST',
      '/api/programming/programmes/1/observations',
      { version: 1, resourceCode: null, criticality: 'high', note: blank },
      '/note',
    );
    await expectRefused(
      'POST',
      '/api/users',
      {
        username: 'nadie',
        displayName: blank,
        role: 'viewer',
        scope: { kind: 'national', code: '' },
      },
      '/displayName',
    );
    const users = (await (await call('GET', '/api/users')).json()) as {
      items?: { username: string }[];
    };
    expect(JSON.stringify(users)).not.toContain('nadie');
  });
});

describe('impossible dates are refused, never passed on nor used', () => {
  const IMPOSSIBLE = [
    '2026-02-30',
    '2026-02-29',
    '2026-13-01',
    '2026-04-31',
    '2026-00-10',
    '99999-01-01',
    '0000-01-01',
  ];

  it.each(IMPOSSIBLE)('%s is refused by every date input', async (bad) => {
    const q = encodeURIComponent(bad);
    await expectRefused('GET', `/api/surveillance/prevalence?from=${q}`);
    await expectRefused('GET', `/api/surveillance/prevalence?to=${q}`);
    await expectRefused('GET', `/api/surveillance/export?from=${q}`);
    await expectRefused('GET', `/api/surveillance/reclassification?fromDate=${q}`);
    await expectRefused('GET', `/api/surveillance/altitude-sources?to=${q}`);
    await expectRefused('GET', `/api/audit?to=${q}`);
    await expectRefused('GET', `/api/audit/export?from=${q}`);
    await expectRefused('GET', `/api/establishments/${ESTABLISHMENT}/follow-up?today=${q}`);
    await expectRefused('POST', '/api/programming/rounds', { ...ROUND, opensOn: bad }, '/opensOn');
    await expectRefused(
      'POST',
      '/api/programming/rounds/1/meetings',
      { ...MEETING, endsOn: bad },
      '/endsOn',
    );
  });

  it('real dates and the instants the web app sends are accepted', async () => {
    expect(
      (await call('GET', '/api/surveillance/prevalence?from=2024-02-29&to=2025-12-31')).statusCode,
    ).toBe(200);
    expect(
      (await call('GET', '/api/audit?from=2026-01-31T05:00:00.000Z&to=2026-02-01')).statusCode,
    ).toBe(200);
    expect(
      (await call('GET', `/api/establishments/${ESTABLISHMENT}/follow-up?today=2026-02-28`))
        .statusCode,
    ).toBe(200);
  });

  it('property: a date is accepted exactly when the day exists', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (year, month, day) => {
          const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const date = new Date(Date.UTC(year, month - 1, day));
          const exists =
            month >= 1 &&
            month <= 12 &&
            day >= 1 &&
            date.getUTCMonth() === month - 1 &&
            date.getUTCDate() === day;
          expect(isCalendarDate(text)).toBe(exists);
        },
      ),
    );
  });

  it('property: an impossible day in a prevalence filter is a 400, a real one is not', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1990, max: 2030 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 29, max: 31 }),
        async (year, month, day) => {
          const text = `${year}-${String(month).padStart(2, '0')}-${day}`;
          const response = await call('GET', `/api/surveillance/prevalence?from=${text}`);
          expect(response.statusCode).toBe(isCalendarDate(text) ? 200 : 400);
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('search by code (finding 18)', () => {
  it('the API finds an establishment by its code with or without leading zeros', async () => {
    for (const q of ['4612', '04612', '00004612']) {
      const response = await call('GET', `/api/establishments?q=${q}`);
      expect(response.statusCode).toBe(200);
      const features = (response.json() as { features: { properties: { code: string } }[] })
        .features;
      expect(
        features.map((f) => f.properties.code),
        q,
      ).toContain(ESTABLISHMENT);
    }
  });
});
