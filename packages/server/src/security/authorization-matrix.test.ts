import { scopeOverlapsDepartment, type Role } from '@yawar/core';
import { createUser, systemActor } from '@yawar/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  loginAs,
  withSession,
  type TestApp,
  type TestSession,
} from '../testing/test-app.js';
import {
  ADMIN,
  EVERYONE,
  LAB_EDITORS,
  MICRORED_SCOPES,
  ROLES,
  SCOPES,
  SURVEILLANCE,
  SURVEILLANCE_PERMITTED,
  UNIT_READERS,
  type RouteCase,
} from './matrix-cases/common.js';
import { PROGRAMMING_ROUTE_CASES, setupProgrammingCases } from './matrix-cases/programming.js';
import { SUPPLY_ROUTE_CASES } from './matrix-cases/supply.js';

/**
 * For every API route and every role: what an allowed caller gets, and that the same request is
 * refused without a session (401), with a role that lacks the permission (403) or from outside
 * the scope (403). A route added without a row here fails the coverage test at the end.
 */

const PASSWORD = 'matrix-password-2026';
const CHOTA_ESTABLISHMENT = '00004660'; // PATRONA DE CHOTA, I-3

let createdUserId = 0;
/** `{name}` in a case's URL → an id made in beforeAll (programming round, programme …). */
let placeholders: Record<string, string> = {};
let jobId = '';
let seq = 0;

const ROUTES: RouteCase[] = [
  ...SUPPLY_ROUTE_CASES,
  ...PROGRAMMING_ROUTE_CASES,
  { method: 'GET', route: '/api/health', url: '/api/health', roles: null, scoped: false, ok: 200 },
  {
    method: 'POST',
    route: '/api/screenings/imports',
    url: '/api/screenings/imports?fileName=matrix.csv',
    raw: {
      contentType: 'text/csv',
      body: 'tipo_doc,num_doc,fecha_nacimiento,sexo,fecha_dosaje,hemoglobina,codigo_renipress\n',
    },
    roles: ['admin', 'regional_planner'],
    scoped: true,
    aggregate: true,
    ok: 202,
  },
  {
    method: 'GET',
    route: '/api/jobs/:id',
    url: '/api/jobs/{job}',
    roles: ADMIN,
    scoped: false,
    ok: 200,
  },
  {
    method: 'GET',
    route: '/api/jobs/:id/errors.csv',
    url: '/api/jobs/{job}/errors.csv',
    roles: ADMIN,
    scoped: false,
    ok: 200,
  },
  {
    method: 'GET',
    route: '/api/establishments/:code/follow-up',
    url: `/api/establishments/${CHOTA_ESTABLISHMENT}/follow-up`,
    roles: LAB_EDITORS,
    scoped: true,
    inMicrored: true,
    ok: 200,
  },
  {
    method: 'GET',
    route: '/api/auth/demo-accounts',
    url: '/api/auth/demo-accounts',
    roles: null,
    scoped: false,
    ok: 200,
  },
  {
    method: 'POST',
    route: '/api/auth/login',
    url: '/api/auth/login',
    body: () => ({ username: 'matrix.viewer.in', password: PASSWORD }),
    roles: null,
    scoped: false,
    ok: 200,
  },
  {
    method: 'GET',
    route: '/api/auth/me',
    url: '/api/auth/me',
    roles: EVERYONE,
    scoped: false,
    ok: 200,
  },
  {
    method: 'GET',
    route: '/api/summary',
    url: '/api/summary',
    roles: null,
    scoped: false,
    ok: 200,
  },
  {
    method: 'GET',
    route: '/api/departments',
    url: '/api/departments',
    roles: null,
    scoped: false,
    ok: 200,
  },
  {
    method: 'GET',
    route: '/api/provinces',
    url: '/api/provinces',
    roles: null,
    scoped: false,
    ok: 200,
  },
  {
    method: 'GET',
    route: '/api/districts',
    url: '/api/districts?province=0601',
    roles: null,
    scoped: false,
    ok: 200,
  },
  {
    method: 'GET',
    route: '/api/districts/:ubigeo',
    url: '/api/districts/060101',
    roles: null,
    scoped: false,
    ok: 200,
  },
  {
    method: 'GET',
    route: '/api/populated-places',
    url: '/api/populated-places?district=060101',
    roles: null,
    scoped: false,
    ok: 200,
  },
  {
    method: 'GET',
    route: '/api/establishments',
    url: '/api/establishments?category=I-4',
    roles: null,
    scoped: false,
    ok: 200,
  },
  {
    method: 'GET',
    route: '/api/establishments/:code',
    url: '/api/establishments/4612',
    roles: null,
    scoped: false,
    ok: 200,
  },
  {
    method: 'GET',
    route: '/api/networks',
    url: '/api/networks',
    roles: null,
    scoped: false,
    ok: 200,
  },
  {
    method: 'GET',
    route: '/api/microreds',
    url: '/api/microreds?department=06',
    roles: null,
    scoped: false,
    ok: 200,
  },
  {
    method: 'GET',
    route: '/api/microreds/outlines.geojson',
    url: '/api/microreds/outlines.geojson?department=06',
    roles: null,
    scoped: false,
    ok: 200,
  },
  {
    method: 'GET',
    route: '/api/categories',
    url: '/api/categories',
    roles: null,
    scoped: false,
    ok: 200,
  },
  {
    method: 'GET',
    route: '/api/executing-units',
    url: '/api/executing-units',
    roles: null,
    scoped: false,
    ok: 200,
  },
  {
    method: 'GET',
    route: '/api/sources',
    url: '/api/sources',
    roles: null,
    scoped: false,
    ok: 200,
  },
  {
    method: 'GET',
    route: '/api/executing-units/:code',
    url: '/api/executing-units/785',
    roles: UNIT_READERS,
    scoped: true,
    ok: 200,
  },
  {
    method: 'PUT',
    route: '/api/establishments/:code/laboratory',
    url: `/api/establishments/${CHOTA_ESTABLISHMENT}/laboratory`,
    body: () => ({ hasLaboratory: true, reason: 'matriz de autorización' }),
    roles: LAB_EDITORS,
    scoped: true,
    inMicrored: true,
    ok: 200,
  },
  { method: 'GET', route: '/api/users', url: '/api/users', roles: ADMIN, scoped: true, ok: 200 },
  {
    method: 'POST',
    route: '/api/users',
    url: '/api/users',
    body: () => ({
      username: `matrix.new${++seq}`,
      displayName: 'Nueva',
      role: 'viewer',
      scope: { kind: 'department', code: '06' },
    }),
    roles: ADMIN,
    scoped: true,
    ok: 201,
  },
  {
    method: 'PATCH',
    route: '/api/users/:id',
    url: '/api/users/{created}',
    body: () => ({ displayName: `Cambiada ${++seq}` }),
    roles: ADMIN,
    scoped: true,
    ok: 200,
  },
  {
    method: 'POST',
    route: '/api/users/:id/reset-password',
    url: '/api/users/{created}/reset-password',
    roles: ADMIN,
    scoped: true,
    ok: 200,
  },
  { method: 'GET', route: '/api/scopes', url: '/api/scopes', roles: ADMIN, scoped: true, ok: 200 },
  { method: 'GET', route: '/api/audit', url: '/api/audit', roles: ADMIN, scoped: true, ok: 200 },
  {
    method: 'GET',
    route: '/api/audit/export',
    url: '/api/audit/export',
    roles: ADMIN,
    scoped: true,
    ok: 200,
  },
  {
    method: 'GET',
    route: '/api/surveillance/rules',
    url: '/api/surveillance/rules',
    roles: null,
    scoped: false,
    ok: 200,
  },
  ...[
    'prevalence?area=province',
    'reclassification?from=who-2011&to=nts-213-2024',
    'export?format=csv&area=province',
    'endes',
    'altitude-sources?area=province',
  ].map((path): RouteCase => ({
    method: 'GET',
    route: `/api/surveillance/${path.split('?')[0] ?? ''}`,
    url: `/api/surveillance/${path}`,
    roles: SURVEILLANCE,
    permitted: SURVEILLANCE_PERMITTED,
    scoped: true,
    aggregate: true,
    ok: 200,
  })),
  {
    method: 'POST',
    route: '/api/auth/logout',
    url: '/api/auth/logout',
    roles: EVERYONE,
    scoped: false,
    ok: 204,
  },
];

let testApp: TestApp;
const sessions = new Map<string, TestSession>();

beforeAll(async () => {
  testApp = await createTestApp();
  const { db } = testApp.database;
  const establishment = await db
    .selectFrom('establishment as e')
    .innerJoin('health_network as n', 'n.id', 'e.network_id')
    .select('n.name')
    .where('e.code', '=', CHOTA_ESTABLISHMENT)
    .executeTakeFirstOrThrow();
  expect(establishment.name).toBe('CHOTA');
  const microred = await db
    .selectFrom('establishment as e')
    .innerJoin('microred as m', 'm.id', 'e.microred_id')
    .select('m.name')
    .where('e.code', '=', CHOTA_ESTABLISHMENT)
    .executeTakeFirstOrThrow();
  expect(`06/CHOTA/${microred.name}`).toBe(MICRORED_SCOPES.in.code);
  for (const role of ROLES) {
    for (const side of ['in', 'out'] as const) {
      const username = `matrix.${role.replace('_', '-')}.microred-${side}`;
      await createUser(db, systemActor('test'), {
        username,
        displayName: username,
        role,
        scope: MICRORED_SCOPES[side],
        password: PASSWORD,
      });
      sessions.set(`${role}.microred-${side}`, await loginAs(testApp.app, username, PASSWORD));
    }
    for (const side of ['in', 'out'] as const) {
      const username = `matrix.${role.replace('_', '-')}.${side}`;
      await createUser(db, systemActor('test'), {
        username,
        displayName: username,
        role,
        scope: SCOPES[role][side],
        password: PASSWORD,
      });
      sessions.set(`${role}.${side}`, await loginAs(testApp.app, username, PASSWORD));
    }
  }
  const target = await createUser(db, systemActor('test'), {
    username: 'matrix.target',
    displayName: 'Target',
    role: 'viewer',
    scope: { kind: 'department', code: '06' },
    password: PASSWORD,
  });
  createdUserId = target.user.id;
  // A job started by the national administrator: only it (and other administrators) may read it.
  const upload = await testApp.app.inject({
    method: 'POST',
    url: '/api/screenings/imports?fileName=seed.csv',
    headers: {
      ...withSession(sessions.get('admin.in') as TestSession),
      'content-type': 'text/csv',
    },
    payload: 'tipo_doc,num_doc,fecha_nacimiento,sexo,fecha_dosaje,hemoglobina,codigo_renipress\n',
  });
  jobId = (upload.json() as { jobId: string }).jobId;
  placeholders = await setupProgrammingCases(db);
});

afterAll(() => testApp.close());

async function call(route: RouteCase, session: TestSession | null) {
  // Logout ends the session it is given: use a fresh one so the other cases keep theirs.
  const headers = session ? withSession(session) : {};
  const response = await testApp.app.inject({
    method: route.method,
    url: Object.entries(placeholders).reduce(
      (url, [key, value]) => url.replaceAll(`{${key}}`, value),
      route.url.replace('{created}', String(createdUserId)).replace('{job}', jobId),
    ),
    headers,
    ...(route.body ? { payload: route.body() as object } : {}),
    ...(route.raw
      ? { payload: route.raw.body, headers: { ...headers, 'content-type': route.raw.contentType } }
      : {}),
  });
  return {
    status: response.statusCode,
    code:
      response.statusCode >= 400
        ? (response.json() as { error: { code: string } }).error.code
        : null,
  };
}

type Side = 'in' | 'out' | 'microred-in' | 'microred-out';

async function freshSession(role: Role, side: Side): Promise<TestSession> {
  return loginAs(testApp.app, `matrix.${role.replace('_', '-')}.${side}`, PASSWORD);
}

describe.each(ROUTES)('$method $url', (route) => {
  const sessionFor = async (role: Role, side: Side) =>
    route.route === '/api/auth/logout'
      ? freshSession(role, side)
      : (sessions.get(`${role}.${side}`) as TestSession);

  if (route.roles === null) {
    it('is open without a session', async () => {
      expect((await call(route, null)).status).toBe(route.ok);
    });
    return;
  }

  it('refuses a caller without a session with 401', async () => {
    expect(await call(route, null)).toEqual({ status: 401, code: 'unauthenticated' });
  });

  it.each(ROLES)('%s', async (role) => {
    const allowed = route.roles?.includes(role) ?? false;
    const inside = await call(route, await sessionFor(role, 'in'));
    if (!allowed) {
      expect(inside).toEqual({ status: 403, code: 'forbidden' });
      return;
    }
    expect(inside.status).toBe(route.ok);
    const outside = await call(route, await sessionFor(role, 'out'));
    const outsideAllowed = route.aggregate
      ? scopeOverlapsDepartment(SCOPES[role].out, '06')
      : !route.scoped;
    expect(outside).toEqual(
      outsideAllowed ? { status: route.ok, code: null } : { status: 403, code: 'forbidden' },
    );
  });

  // The microred scope kind: a user of microred CHOTA reaches what lies in it (and aggregates of
  // its department), one of microred CONCHAN, in the same red, none of CHOTA's records.
  it.each(ROLES)('%s with a microred scope', async (role) => {
    const allowed = (route.permitted ?? route.roles)?.includes(role) ?? false;
    for (const side of ['in', 'out'] as const) {
      const result = await call(route, await sessionFor(role, `microred-${side}`));
      const expected = !allowed
        ? false
        : route.aggregate
          ? scopeOverlapsDepartment(MICRORED_SCOPES[side], '06')
          : !route.scoped || (side === 'in' && route.inMicrored === true);
      expect({ side, ...result }).toEqual(
        expected
          ? { side, status: route.ok, code: null }
          : { side, status: 403, code: 'forbidden' },
      );
    }
  });
});

describe('the matrix', () => {
  it('covers every API route the server declares', () => {
    const declared = testApp.app.accessRules.map((r) => `${r.method} ${r.url}`).sort();
    const tested = [...new Set(ROUTES.map((r) => `${r.method} ${r.route}`))].sort();
    expect(tested).toEqual(declared);
  });

  it('refuses a write with a session but without the CSRF header', async () => {
    const session = sessions.get('admin.in') as TestSession;
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: session.cookie },
      payload: {
        username: 'matrix.csrf',
        displayName: 'x',
        role: 'viewer',
        scope: { kind: 'national', code: '' },
      },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: { code: 'csrf_failed' } });
  });
});
