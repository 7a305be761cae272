import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../audit/actor.js';
import { openPreparedDatabase, type PreparedDatabase } from '../bootstrap.js';
import {
  createPseudonymiser,
  loadPseudonymKey,
  PSEUDONYM_KEY_FILE,
} from '../privacy/pseudonymiser.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { generatePassword, hashPassword, verifyPassword } from './passwords.js';
import { DEMO_ACCOUNTS, seedAccounts } from './seed.js';
import { createSession, resolveSession } from './sessions.js';
import { AccountError, createUser } from './users.js';

let testDb: TestDatabase;
let database: PreparedDatabase;
const actor = systemActor('test');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yawar-accounts-'));

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = await openPreparedDatabase(testDb.config);
});

afterAll(async () => {
  await database.close();
  await testDb.drop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('first run', () => {
  it('creates the administrator with a random password and one demo account per role', async () => {
    expect(database.accounts.adminPassword).toMatch(/^[\w]{4}-[\w]{4}-[\w]{4}-[\w]{4}$/);
    const users = await database.db
      .selectFrom('app_user')
      .select(['username', 'role', 'is_demo', 'password_hash'])
      .orderBy('username')
      .execute();
    expect(users.map((u) => u.username)).toEqual([
      'admin',
      ...DEMO_ACCOUNTS.map((d) => d.username).sort(),
    ]);
    expect(new Set(users.filter((u) => u.is_demo).map((u) => u.role)).size).toBe(6);
    const admin = users.find((u) => u.username === 'admin');
    expect(admin?.password_hash.startsWith('$argon2id$')).toBe(true);
    expect(
      await verifyPassword(admin?.password_hash ?? '', database.accounts.adminPassword ?? ''),
    ).toBe(true);
  });

  it('does not create a second administrator on the next start', async () => {
    expect(await seedAccounts(database.db)).toEqual({ adminPassword: null });
    const admins = await database.db
      .selectFrom('app_user')
      .select('id')
      .where('role', '=', 'admin')
      .execute();
    expect(admins).toHaveLength(2); // admin and demo.admin
  });
});

describe('passwords', () => {
  it('hashes with Argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse batterY')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });

  it('generates distinct passwords without ambiguous characters', () => {
    const passwords = new Set(Array.from({ length: 200 }, generatePassword));
    expect(passwords.size).toBe(200);
    for (const password of passwords) expect(password).not.toMatch(/[0O1lIoi5S]/);
  });
});

describe('accounts', () => {
  it('rejects bad usernames and scopes that do not exist', async () => {
    const base = { displayName: 'x', role: 'viewer', password: 'a-long-password' };
    await expect(
      createUser(database.db, actor, {
        ...base,
        username: 'A B',
        scope: { kind: 'national', code: '' },
      }),
    ).rejects.toMatchObject({ code: 'invalid_username' });
    await expect(
      createUser(database.db, actor, {
        ...base,
        username: 'x.1',
        scope: { kind: 'department', code: '99' },
      }),
    ).rejects.toMatchObject({ code: 'invalid_scope' });
    await expect(
      createUser(database.db, actor, {
        ...base,
        username: 'x.2',
        scope: { kind: 'network', code: '06' },
      }),
    ).rejects.toBeInstanceOf(AccountError);
    const ok = await createUser(database.db, actor, {
      ...base,
      username: 'x.3',
      scope: { kind: 'microred', code: '06/CUTERVO/CUTERVO' },
    });
    expect(ok.user.scope).toEqual({ kind: 'microred', code: '06/CUTERVO/CUTERVO' });
  });
});

describe('sessions', () => {
  it('expire after the idle limit and after the absolute limit', async () => {
    const { user } = await createUser(database.db, actor, {
      username: 'sess',
      displayName: 's',
      role: 'viewer',
      scope: { kind: 'national', code: '' },
      password: 'a-long-password',
    });
    const t0 = new Date('2026-01-01T08:00:00Z');
    const policy = { absoluteHours: 12, idleMinutes: 120 };
    const on = { demoAccountsEnabled: true };
    const idle = await createSession(database.db, user.id, t0, policy);
    expect(
      await resolveSession(database.db, idle.token, new Date('2026-01-01T09:59:00Z'), on, policy),
    ).not.toBeNull();
    expect(
      await resolveSession(database.db, idle.token, new Date('2026-01-01T12:00:00Z'), on, policy),
    ).toBeNull();

    const busy = await createSession(database.db, user.id, t0, policy);
    for (let hour = 1; hour < 12; hour++) {
      expect(
        await resolveSession(
          database.db,
          busy.token,
          new Date(t0.getTime() + hour * 3_600_000),
          on,
          policy,
        ),
      ).not.toBeNull();
    }
    expect(
      await resolveSession(
        database.db,
        busy.token,
        new Date(t0.getTime() + 12 * 3_600_000),
        on,
        policy,
      ),
    ).toBeNull();
    expect(await resolveSession(database.db, 'forged-token', t0, on, policy)).toBeNull();
  });
});

describe('the pseudonymisation key', () => {
  it('is created once outside the database, readable by its owner only, and reused', () => {
    const dir = path.join(tmp, 'secrets');
    const key = loadPseudonymKey(dir, {});
    const file = path.join(dir, PSEUDONYM_KEY_FILE);
    expect(key).toHaveLength(32);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadPseudonymKey(dir, {}).equals(key)).toBe(true);
    const pseudonymise = createPseudonymiser(key);
    expect(pseudonymise('CNV', '1234567890')).toBe(
      createPseudonymiser(loadPseudonymKey(dir, {}))('CNV', '1234567890'),
    );
  });

  it('can come from YAWAR_PSEUDONYM_KEY, and a malformed one is refused', () => {
    const hex = 'ab'.repeat(32);
    expect(
      loadPseudonymKey(path.join(tmp, 'unused'), { YAWAR_PSEUDONYM_KEY: hex }).toString('hex'),
    ).toBe(hex);
    expect(fs.existsSync(path.join(tmp, 'unused'))).toBe(false);
    expect(() => loadPseudonymKey(tmp, { YAWAR_PSEUDONYM_KEY: 'short' })).toThrow(/64 hexadecimal/);
  });
});
