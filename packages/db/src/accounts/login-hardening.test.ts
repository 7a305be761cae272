import { LOGIN_POLICY } from '@yawar/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemActor } from '../audit/actor.js';
import { openPreparedDatabase, type PreparedDatabase } from '../bootstrap.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { authenticate, type LoginOptions } from './login.js';
import type * as passwords from './passwords.js';
import { DUMMY_HASH, verifyPassword } from './passwords.js';
import { DEMO_PASSWORD } from './seed.js';
import { createSession, resolveSession } from './sessions.js';
import { createUser, resetPassword } from './users.js';

// Every Argon2id verification that login.ts makes, with the hash it checked against.
vi.mock('./passwords.js', async (importOriginal) => {
  const original = await importOriginal<typeof passwords>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});
const verifications = vi.mocked(verifyPassword);

/** Issue 10, findings 1–3, on the engine under test (YAWAR_TEST_ENGINE). */
let testDb: TestDatabase;
let database: PreparedDatabase;
const PASSWORD = 'la-clave-correcta-2026';

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = await openPreparedDatabase(testDb.config);
  for (const username of ['lucia', 'mario', 'nora', 'olga']) {
    await createUser(database.db, systemActor('test'), {
      username,
      displayName: username,
      role: 'regional_planner',
      scope: { kind: 'department', code: '06' },
      password: PASSWORD,
    });
  }
});

afterAll(async () => {
  await database.close();
  await testDb.drop();
});

beforeEach(() => verifications.mockClear());

const options = (ip: string, now = new Date()): LoginOptions => ({
  now,
  demoAccountsEnabled: true,
  requestId: null,
  ip,
});

describe('demo sessions and the demo switch (finding 1)', () => {
  it('a demo session opened while demo accounts were on dies when they are switched off', async () => {
    const demo = await authenticate(database.db, 'demo.admin', DEMO_PASSWORD, options('10.1.0.1'));
    if (!demo.ok) throw new Error('demo login failed');
    const now = new Date();
    const session = await createSession(database.db, demo.user.id, now);
    const on = await resolveSession(database.db, session.token, now, { demoAccountsEnabled: true });
    expect(on?.user.username).toBe('demo.admin');
    // "Restart" with YAWAR_DEMO_ACCOUNTS=off: the same cookie no longer resolves …
    expect(
      await resolveSession(database.db, session.token, now, { demoAccountsEnabled: false }),
    ).toBeNull();
    // … and the session is gone for good, even if the switch is turned back on.
    expect(
      await resolveSession(database.db, session.token, now, { demoAccountsEnabled: true }),
    ).toBeNull();
  });

  it('a non-demo account is not affected by the demo switch', async () => {
    const login = await authenticate(database.db, 'olga', PASSWORD, options('10.1.0.2'));
    if (!login.ok) throw new Error('login failed');
    const session = await createSession(database.db, login.user.id, new Date());
    expect(
      await resolveSession(database.db, session.token, new Date(), { demoAccountsEnabled: false }),
    ).not.toBeNull();
  });
});

describe('the failure counter (finding 2)', () => {
  it('20 parallel wrong passwords from one address: exactly 5 are checked, the rest refused', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        authenticate(database.db, 'lucia', `wrong-${i}`, options('10.2.0.1')),
      ),
    );
    expect(results.every((r) => !r.ok)).toBe(true);
    const reasons = results.map((r) => (r.ok ? 'ok' : r.reason));
    expect(reasons.filter((r) => r === 'invalid_credentials')).toHaveLength(
      LOGIN_POLICY.maxFailedLogins,
    );
    expect(reasons.filter((r) => r === 'account_locked')).toHaveLength(15);
    // Exactly 5 verifications against the real hash: 5 guesses, however parallel.
    const real = verifications.mock.calls.filter(([hash]) => hash !== DUMMY_HASH);
    expect(real).toHaveLength(LOGIN_POLICY.maxFailedLogins);
    const row = await database.db
      .selectFrom('login_throttle')
      .selectAll()
      .where('username', '=', 'lucia')
      .executeTakeFirstOrThrow();
    expect(row.attempts).toBe(20);
    expect(row.locked_until?.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    // The right password is refused too while the lock lasts …
    expect(await authenticate(database.db, 'lucia', PASSWORD, options('10.2.0.1'))).toMatchObject({
      ok: false,
      reason: 'account_locked',
    });
    // … and accepted once it has ended (clock moved 16 minutes on, not waited for).
    const later = new Date(Date.now() + 16 * 60_000);
    expect(
      await authenticate(database.db, 'lucia', PASSWORD, options('10.2.0.1', later)),
    ).toMatchObject({ ok: true });
  });

  it('a success clears the count: 4 failures, a success, 4 failures do not lock', async () => {
    for (let i = 0; i < 4; i++)
      await authenticate(database.db, 'mario', 'wrong-password', options('10.3.0.1'));
    expect((await authenticate(database.db, 'mario', PASSWORD, options('10.3.0.1'))).ok).toBe(true);
    for (let i = 0; i < 4; i++)
      await authenticate(database.db, 'mario', 'wrong-password', options('10.3.0.1'));
    expect((await authenticate(database.db, 'mario', PASSWORD, options('10.3.0.1'))).ok).toBe(true);
  });
});

describe('locks keyed by address, with the same work for every answer (finding 3)', () => {
  it('a lock from one address does not lock the account from another', async () => {
    for (let i = 0; i < 6; i++)
      await authenticate(database.db, 'nora', 'wrong-password', options('203.0.113.9'));
    expect(await authenticate(database.db, 'nora', PASSWORD, options('203.0.113.9'))).toMatchObject(
      { ok: false, reason: 'account_locked' },
    );
    expect((await authenticate(database.db, 'nora', PASSWORD, options('10.4.0.1'))).ok).toBe(true);
    // Administrators still see that some address locked it; a password reset unlocks everywhere.
    const user = await database.db
      .selectFrom('app_user')
      .select(['id', 'locked_until'])
      .where('username', '=', 'nora')
      .executeTakeFirstOrThrow();
    expect(user.locked_until).not.toBeNull();
    const fresh = await resetPassword(database.db, systemActor('test'), user.id);
    expect((await authenticate(database.db, 'nora', fresh, options('203.0.113.9'))).ok).toBe(true);
  });

  it('unknown name, wrong password, locked account: one Argon2id verification each', async () => {
    const cases = [
      ['nobody.here', 'wrong-password', '10.5.0.1'],
      ['olga', 'wrong-password', '10.5.0.2'],
      ['lucia', PASSWORD, '10.2.0.9'], // locked below
    ] as const;
    for (let i = 0; i < 5; i++)
      await authenticate(database.db, 'lucia', 'wrong-password', options('10.2.0.9'));
    for (const [username, password, ip] of cases) {
      verifications.mockClear();
      const result = await authenticate(database.db, username, password, options(ip));
      expect(result.ok).toBe(false);
      expect(verifications).toHaveBeenCalledTimes(1);
      // The dummy hash has the real hashes' Argon2id parameters, so the cost is the same.
      const [hash] = verifications.mock.calls[0] ?? [''];
      expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    }
  });

  it('unknown names are counted like real ones (same statements, same lock)', async () => {
    const reasons = [];
    for (let i = 0; i < 6; i++) {
      const result = await authenticate(database.db, 'ghost', 'x', options('10.6.0.1'));
      reasons.push(result.ok ? 'ok' : result.reason);
    }
    expect(reasons).toEqual([
      'invalid_credentials',
      'invalid_credentials',
      'invalid_credentials',
      'invalid_credentials',
      'invalid_credentials',
      'account_locked',
    ]);
  });
});
