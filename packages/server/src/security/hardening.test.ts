import { createUser, DEMO_PASSWORD, systemActor } from '@yawar/db';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import {
  createTestApp,
  loginAs,
  testSecurity,
  withSession,
  type TestApp,
  type TestSession,
} from '../testing/test-app.js';

/** Issue 10 (hardening), findings 1 and 12, through the API on the engine under test. */
const PASSWORD = 'una-clave-larga-2026';
let testApp: TestApp;
let admin: TestSession;
let planner: TestSession;

beforeAll(async () => {
  testApp = await createTestApp();
  for (const [username, role, scope] of [
    ['root.h', 'admin', { kind: 'national', code: '' }],
    ['plan.h', 'regional_planner', { kind: 'department', code: '06' }],
  ] as const) {
    await createUser(testApp.database.db, systemActor('test'), {
      username,
      displayName: username,
      role,
      scope,
      password: PASSWORD,
    });
  }
  admin = await loginAs(testApp.app, 'root.h', PASSWORD);
  planner = await loginAs(testApp.app, 'plan.h', PASSWORD);
});

afterAll(() => testApp.close());

const newUser = {
  username: 'intruso',
  displayName: 'Intruso',
  role: 'admin',
  scope: { kind: 'national', code: '' },
};

describe('demo sessions after YAWAR_DEMO_ACCOUNTS=off (finding 1)', () => {
  let restarted: FastifyInstance | null = null;
  afterAll(async () => {
    await restarted?.close();
  });

  it('a demo admin cookie from before the restart can no longer do anything', async () => {
    const demo = await loginAs(testApp.app, 'demo.admin', DEMO_PASSWORD);
    // Same database, restarted with demo accounts off.
    restarted = await buildApp({
      connection: testApp.database,
      defaultDepartment: '06',
      version: 'test',
      security: { ...testSecurity('/nonexistent'), demoAccounts: false },
      webDir: null,
      logger: false,
    });
    const created = await restarted.inject({
      method: 'POST',
      url: '/api/users',
      headers: withSession(demo),
      payload: newUser,
    });
    expect(created.statusCode).toBe(401);
    expect(created.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    expect(
      (await restarted.inject({ method: 'GET', url: '/api/auth/me', headers: withSession(demo) }))
        .statusCode,
    ).toBe(401);
    expect(
      await testApp.database.db
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', 'intruso')
        .executeTakeFirst(),
    ).toBeUndefined();
    // A regular account's session survives the same restart.
    const me = await restarted.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: withSession(admin),
    });
    expect(me.statusCode).toBe(200);
  });
});

describe('minor findings (finding 12)', () => {
  it('a 429 has the API error shape: stable code and a message', async () => {
    // Same database, an app with a limit of one login a minute.
    const limited = await buildApp({
      connection: testApp.database,
      defaultDepartment: '06',
      version: 'test',
      security: { ...testSecurity('/nonexistent'), loginAttemptsPerMinute: 1 },
      webDir: null,
      logger: false,
    });
    try {
      const attempt = () =>
        limited.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress: '198.51.100.4',
          payload: { username: 'nobody', password: 'x' },
        });
      expect((await attempt()).statusCode).toBe(401);
      const refused = await attempt();
      expect(refused.statusCode).toBe(429);
      const body = refused.json() as { error: { code: string; message: unknown } };
      expect(body.error.code).toBe('too_many_requests');
      expect(body.error.message).toEqual(
        expect.stringMatching(/^too many attempts: try again in \d+ s$/),
      );
      expect(Object.keys(body)).toEqual(['error']);
      expect(Object.keys(body.error).sort()).toEqual(['code', 'details', 'message']);
    } finally {
      await limited.close();
    }
  });

  it('personal-data responses are Cache-Control: no-store', async () => {
    for (const url of [
      '/api/users',
      '/api/audit',
      '/api/auth/me',
      '/api/establishments/00004612/follow-up',
    ]) {
      const response = await testApp.app.inject({
        method: 'GET',
        url,
        headers: withSession(admin),
      });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe('no-store');
    }
    const login = await testApp.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'plan.h', password: PASSWORD },
    });
    expect(login.headers['cache-control']).toBe('no-store');
  });

  it('schema errors are shown only to callers allowed to make the request', async () => {
    const invalid = { username: 'x', role: 'emperor' }; // several schema errors
    const as = (headers: Record<string, string>) =>
      testApp.app.inject({ method: 'POST', url: '/api/users', headers, payload: invalid });
    // Anonymous: 401, not the schema.
    const anonymous = await as({});
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ error: { code: 'unauthenticated', details: null } });
    // Logged in without the permission: 403, not the schema.
    const forbidden = await as(withSession(planner));
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json()).toMatchObject({ error: { code: 'forbidden', details: null } });
    // Without the CSRF header: 403 csrf_failed, not the schema.
    const noCsrf = await as({ cookie: planner.cookie });
    expect(noCsrf.json()).toMatchObject({ error: { code: 'csrf_failed' } });
    // Allowed: the schema errors, so the caller can fix the request.
    const allowed = await as(withSession(admin));
    expect(allowed.statusCode).toBe(400);
    expect(allowed.json()).toMatchObject({ error: { code: 'invalid_request' } });
    expect(
      (allowed.json() as { error: { details: unknown[] } }).error.details.length,
    ).toBeGreaterThan(0);
    // Same for a query string: a planner asking the audit trail with a bad date gets 403.
    const audit = await testApp.app.inject({
      method: 'GET',
      url: '/api/audit?from=not-a-date&limit=-4',
      headers: withSession(planner),
    });
    expect(audit.statusCode).toBe(403);
  });
});
