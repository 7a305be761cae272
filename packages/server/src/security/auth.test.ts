import { createPseudonymiser, createUser, systemActor } from '@yawar/db';
import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, withSession, type TestApp } from '../testing/test-app.js';

const PASSWORD = 'una-clave-larga-2026';
let testApp: TestApp;
/** Every secret the scenario handles; none may appear in a log line. */
const secrets: string[] = [PASSWORD];

beforeAll(async () => {
  testApp = await createTestApp();
  for (const username of ['ana', 'beto', 'carla']) {
    await createUser(testApp.database.db, systemActor('test'), {
      username,
      displayName: username,
      role: 'regional_planner',
      scope: { kind: 'department', code: '06' },
      password: PASSWORD,
    });
  }
});

afterAll(() => testApp.close());

const inject = (options: InjectOptions) => testApp.app.inject(options);
const login = (username: string, password: string) =>
  inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('login and sessions', () => {
  it('sets an HTTP-only, SameSite=Strict cookie and returns the user with a CSRF token', async () => {
    const response = await login('ana', PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'yawar_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie?.secure).toBeFalsy(); // plain HTTP here; Secure is set behind TLS
    const body = response.json() as {
      user: { username: string; permissions: string[]; scope: { label: string } };
      csrfToken: string;
    };
    expect(body.user).toMatchObject({
      username: 'ana',
      permissions: [
        'units:read',
        'laboratory:edit',
        'surveillance:read',
        'children:read',
        'screenings:import',
        'programming:read',
        'programming:validate',
        'supply:read',
        'supply:import',
      ],
      scope: { label: 'DIRESA CAJAMARCA' },
    });
    secrets.push(cookie?.value ?? '', body.csrfToken);
    const me = await inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `yawar_session=${cookie?.value}` },
    });
    expect(me.json()).toMatchObject({ user: { username: 'ana' }, csrfToken: body.csrfToken });
  });

  it('stores only a hash of the session token', async () => {
    const session = await loginAs(testApp.app, 'ana', PASSWORD);
    secrets.push(session.cookie.split('=')[1] ?? '', session.csrfToken);
    const token = session.cookie.split('=')[1] ?? '';
    const rows = await testApp.database.db.selectFrom('session').select('token_hash').execute();
    expect(rows.some((r) => r.token_hash === token)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });

  it('gives the same answer for a wrong password and an unknown user', async () => {
    const wrong = await login('ana', 'not-the-password');
    const unknown = await login('nobody', 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json()).toMatchObject({ error: { code: 'invalid_credentials' } });
  });

  it('ends the session on logout', async () => {
    const session = await loginAs(testApp.app, 'ana', PASSWORD);
    const out = await inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: withSession(session),
    });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'yawar_session')?.value).toBe('');
    expect(
      (await inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session.cookie } }))
        .statusCode,
    ).toBe(401);
  });
});

describe('brute force', () => {
  it('locks an account after 5 failed logins from an address, answering exactly like a wrong password', async () => {
    const from = (username: string, password: string, remoteAddress: string) =>
      inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress,
        payload: { username, password },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await from('beto', `wrong-${i}`, '192.0.2.7')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    // Locked: even the right password gets the wrong-password answer, byte for byte, like a
    // wrong password and an unknown name (issue 10, finding 3).
    const locked = await from('beto', PASSWORD, '192.0.2.7');
    const wrong = await from('ana', 'not-the-password', '192.0.2.8');
    const unknown = await from('nobody', 'not-the-password', '192.0.2.9');
    for (const response of [locked, wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toBe(wrong.headers['content-type']);
    }
    expect(locked.body).toBe(wrong.body);
    expect(unknown.body).toBe(wrong.body);
    expect(wrong.json()).toEqual({
      error: {
        code: 'invalid_credentials',
        message: 'wrong username or password',
        details: null,
      },
    });
    // The lock is keyed by address: beto still logs in from his own.
    expect((await from('beto', PASSWORD, '192.0.2.70')).statusCode).toBe(200);
    // Fifteen minutes later (moved in the database rather than waited for):
    await testApp.database.db
      .updateTable('login_throttle')
      .set({ locked_until: new Date(Date.now() - 1000) })
      .where('username', '=', 'beto')
      .execute();
    expect((await from('beto', PASSWORD, '192.0.2.7')).statusCode).toBe(200);
  });

  it('counts 20 parallel wrong passwords one by one: the right one is refused afterwards', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress: '192.0.2.20',
          payload: { username: 'ana', password: `parallel-${i}` },
        }),
      ),
    );
    expect(attempts.every((a) => a.statusCode === 401)).toBe(true);
    const throttle = await testApp.database.db
      .selectFrom('login_throttle')
      .select('attempts')
      .where('username', '=', 'ana')
      .where('address', '=', '192.0.2.20')
      .executeTakeFirstOrThrow();
    expect(throttle.attempts).toBe(20);
    const right = await inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '192.0.2.20',
      payload: { username: 'ana', password: PASSWORD },
    });
    expect(right.statusCode).toBe(401);
  });

  it('refuses a disabled account and ends its open sessions', async () => {
    const admin = await adminSession();
    const carla = await loginAs(testApp.app, 'carla', PASSWORD);
    const id = (
      await testApp.database.db
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', 'carla')
        .executeTakeFirstOrThrow()
    ).id;
    const patch = await inject({
      method: 'PATCH',
      url: `/api/users/${id}`,
      headers: withSession(admin),
      payload: { disabled: true },
    });
    expect(patch.statusCode).toBe(200);
    expect(
      (await inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: carla.cookie } }))
        .statusCode,
    ).toBe(401);
    expect((await login('carla', PASSWORD)).json()).toMatchObject({
      error: { code: 'account_disabled' },
    });
  });
});

async function adminSession() {
  if (
    !(await testApp.database.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'root.test')
      .executeTakeFirst())
  ) {
    await createUser(testApp.database.db, systemActor('test'), {
      username: 'root.test',
      displayName: 'Root',
      role: 'admin',
      scope: { kind: 'national', code: '' },
      password: PASSWORD,
    });
  }
  return loginAs(testApp.app, 'root.test', PASSWORD);
}

describe('the audit trail', () => {
  it('records every write of a scenario with who, what, before/after and the request id', async () => {
    const admin = await adminSession();
    const created = await inject({
      method: 'POST',
      url: '/api/users',
      headers: { ...withSession(admin), 'x-request-id': 'req-scenario-1' },
      payload: {
        username: 'dora',
        displayName: 'Dora',
        role: 'unit_programmer',
        scope: { kind: 'executing_unit', code: '785' },
      },
    });
    expect(created.statusCode).toBe(201);
    const { user, password } = created.json() as { user: { id: number }; password: string };
    secrets.push(password);
    await inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: withSession(admin),
      payload: { role: 'viewer' },
    });
    const reset = await inject({
      method: 'POST',
      url: `/api/users/${user.id}/reset-password`,
      headers: withSession(admin),
    });
    secrets.push((reset.json() as { password: string }).password);
    await inject({
      method: 'PUT',
      url: '/api/establishments/00004660/laboratory',
      headers: withSession(admin),
      payload: { hasLaboratory: false, reason: 'equipo dado de baja' },
    });
    await inject({ method: 'POST', url: '/api/auth/logout', headers: withSession(admin) });

    // The scenario's own events: the last six of this actor (earlier tests logged in as it too).
    const audit = (
      await testApp.database.db
        .selectFrom('audit_event')
        .selectAll()
        .where('actor', '=', 'user:root.test')
        .orderBy('id')
        .execute()
    ).slice(-6);
    expect(audit.map((e) => e.action)).toEqual([
      'login.success',
      'user.create',
      'user.update',
      'user.reset_password',
      'laboratory.set_override',
      'logout',
    ]);
    expect(audit[1]).toMatchObject({
      entity: 'user',
      entity_id: String(user.id),
      request_id: 'req-scenario-1',
      after: { username: 'dora', role: 'unit_programmer' },
    });
    expect(audit[2]).toMatchObject({
      before: { role: 'unit_programmer' },
      after: { role: 'viewer' },
    });
    expect(audit[4]).toMatchObject({
      entity: 'establishment',
      entity_id: '00004660',
      after: { hasLaboratory: false, reason: 'equipo dado de baja' },
    });
    expect(JSON.stringify(audit)).not.toContain('argon2');
  });

  it('records failed and refused logins too', async () => {
    const events = await testApp.database.db
      .selectFrom('audit_event')
      .select(['action', 'after'])
      .where('entity', '=', 'session')
      .execute();
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['login.failure', 'login.locked', 'login.refused', 'logout']),
    );
  });

  it('cannot be altered through the API', async () => {
    const admin = await adminSession();
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      const response = await inject({
        method,
        url: '/api/audit/1',
        headers: withSession(admin),
        payload: {},
      });
      expect(response.statusCode).toBe(404);
    }
    const listed = await inject({
      method: 'GET',
      url: '/api/audit?entity=user',
      headers: withSession(admin),
    });
    expect((listed.json() as { total: number }).total).toBeGreaterThanOrEqual(3);
  });

  it('cannot be altered in the database either', async () => {
    const { db } = testApp.database;
    await expect(sql`update audit_event set actor = 'someone else'`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_event`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_event`.execute(db)).rejects.toThrow(/append-only/);
  });

  it('exports to CSV, neutralising cells Excel would run as formulas', async () => {
    const admin = await adminSession();
    await createUser(testApp.database.db, systemActor('test'), {
      username: 'eva',
      displayName: '=HYPERLINK("x")',
      role: 'viewer',
      scope: { kind: 'national', code: '' },
      password: PASSWORD,
    });
    const csv = await inject({
      method: 'GET',
      url: '/api/audit/export?entity=user',
      headers: withSession(admin),
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFFid,at,actor,action')).toBe(true);
    expect(csv.body).toContain('user.create');
  });
});

describe('security headers', () => {
  it('sends a CSP without inline scripts and no HSTS over plain HTTP', async () => {
    const response = await inject({ method: 'GET', url: '/api/health' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('personal data', () => {
  it('pseudonymises document numbers with a keyed HMAC, never keeping the number', () => {
    const pseudonymise = createPseudonymiser(Buffer.alloc(32, 7));
    const dni = '45871236';
    secrets.push(dni);
    const pseudonym = pseudonymise('DNI', dni);
    expect(pseudonym).toMatch(/^dni_[A-Za-z0-9_-]{43}$/);
    expect(pseudonymise('DNI', '4587 1236')).toBe(pseudonym);
    expect(pseudonym).not.toContain(dni);
    expect(createPseudonymiser(Buffer.alloc(32, 8))('DNI', dni)).not.toBe(pseudonym);
    expect(pseudonymise('DNI', '123')).toBeNull();
  });
});

describe('logs', () => {
  it('never contain a password, password hash, session token, CSRF token or document number', async () => {
    const hashes = await testApp.database.db
      .selectFrom('app_user')
      .select('password_hash')
      .execute();
    const forbidden = [...secrets, ...hashes.map((h) => h.password_hash)].filter(
      (s) => s.length >= 6,
    );
    expect(testApp.logs.length).toBeGreaterThan(20); // the scenario above was logged
    for (const line of testApp.logs) {
      for (const secret of forbidden) expect(line).not.toContain(secret);
      expect(line.toLowerCase()).not.toContain('yawar_session=');
    }
  });
});
