import { LOGIN_POLICY } from '@yawar/core';
import { sql, type Kysely } from 'kysely';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/audit-trail.js';
import type { Database } from '../schema.js';
import { accountRefusal } from './account-switches.js';
import { DUMMY_HASH, verifyPassword } from './passwords.js';
import { toUserRecord, type UserRecord } from './users.js';

/**
 * `account_locked` is for the audit trail and the CLI only: the API answers it exactly like
 * `invalid_credentials` (issue 10, finding 3), so a lock does not reveal that an account exists.
 */
export type LoginResult =
  | { readonly ok: true; readonly user: UserRecord }
  | {
      readonly ok: false;
      readonly reason: 'invalid_credentials' | 'account_disabled' | 'account_locked';
    };

export interface LoginOptions {
  readonly now: Date;
  /** Demo accounts refuse to log in when the deployment switched them off. */
  readonly demoAccountsEnabled: boolean;
  /** Request id and address for the audit trail (the actor is the account, or anonymous). */
  readonly requestId: string | null;
  /** The client address; failed logins are counted per (username, address). */
  readonly ip: string | null;
}

/** Counters untouched for this long (and not locked) are forgotten: the table stays small. */
const FORGET_AFTER_MS = 24 * 3_600_000;

/**
 * Checks a password with lockout (core LOGIN_POLICY), counted per (username as typed, client
 * address) in `login_throttle`:
 * - Each attempt first CLAIMS a slot with one atomic upsert (`attempts = attempts + 1 … returning`),
 *   before the password is checked, so parallel attempts cannot share a count: of any number of
 *   simultaneous guesses from one address exactly `maxFailedLogins` are checked (finding 2).
 * - The claim that reaches the limit starts a `lockoutMinutes` lock; later claims are refused
 *   until it ends; a success clears the counter of that address only.
 * - Unknown names, wrong passwords and refused (locked) attempts run the same statements and
 *   exactly one Argon2id verification (against a dummy hash when there is nothing to check), so
 *   neither the answer nor its cost tells them apart (finding 3).
 * - Other addresses keep their own counters: nobody can lock `admin` out from everywhere.
 * Every attempt is audited (username only; never the password).
 */
export async function authenticate(
  db: Kysely<Database>,
  username: string,
  password: string,
  options: LoginOptions,
): Promise<LoginResult> {
  const name = username.toLowerCase();
  const address = options.ip ?? '';
  const row = await db
    .selectFrom('app_user')
    .selectAll()
    .where('username', '=', name)
    .executeTakeFirst();
  const user = row ? toUserRecord(row) : null;
  const attempt = await claimAttempt(db, name, address, options.now);
  const allowed = attempt <= LOGIN_POLICY.maxFailedLogins;
  // Exactly one verification whatever happens; the dummy hash has the same Argon2id cost.
  const passwordOk = await verifyPassword(
    allowed && row ? row.password_hash : DUMMY_HASH,
    password,
  );

  const actor: Actor = {
    label: user ? `user:${user.username}` : 'anonymous',
    userId: user?.id ?? null,
    requestId: options.requestId,
    ip: options.ip,
  };
  const audit = (action: string, after?: unknown) =>
    recordAudit(db, actor, {
      action,
      entity: 'session',
      entityId: user ? String(user.id) : null,
      after: { username: username.slice(0, 60), ...(after ?? {}) },
    });

  if (!allowed) {
    await audit('login.refused', { reason: 'account_locked' });
    return { ok: false, reason: 'account_locked' };
  }
  if (!user || !passwordOk) {
    if (attempt === LOGIN_POLICY.maxFailedLogins) {
      await noteLock(db, name, options.now); // same statement for unknown names (0 rows)
      await audit('login.locked', {
        reason: 'account_locked',
        minutes: LOGIN_POLICY.lockoutMinutes,
      });
    } else {
      await audit('login.failure', { reason: 'invalid_credentials' });
    }
    return { ok: false, reason: 'invalid_credentials' };
  }
  await clearAttempts(db, name, address, options.now);
  if (accountRefusal(user, { demoAccountsEnabled: options.demoAccountsEnabled })) {
    await audit('login.refused', { reason: 'account_disabled' });
    return { ok: false, reason: 'account_disabled' };
  }
  await db
    .updateTable('app_user')
    .set({ last_login_at: options.now })
    .where('id', '=', user.id)
    .execute();
  await audit('login.success');
  return { ok: true, user: { ...user, lastLoginAt: options.now } };
}

/**
 * Claims one login attempt for (username, address) and returns its number since the last success
 * or expired lock: one statement, so concurrent claims get distinct numbers on PGlite and
 * PostgreSQL alike. The claim that reaches the limit sets the lock; an expired lock starts over.
 */
async function claimAttempt(
  db: Kysely<Database>,
  username: string,
  address: string,
  now: Date,
): Promise<number> {
  const max = LOGIN_POLICY.maxFailedLogins;
  const lockUntil = new Date(now.getTime() + LOGIN_POLICY.lockoutMinutes * 60_000);
  const result = await sql<{ attempts: number }>`
    insert into login_throttle as t (username, address, attempts, locked_until, last_attempt_at)
    values (${username}, ${address}, 1, ${max <= 1 ? lockUntil : null}, ${now})
    on conflict (username, address) do update set
      attempts = case when t.locked_until <= ${now} then 1 else t.attempts + 1 end,
      locked_until = case
        when t.locked_until <= ${now} then null
        when t.attempts + 1 >= ${max} then coalesce(t.locked_until, ${lockUntil})
        else t.locked_until
      end,
      last_attempt_at = ${now}
    returning attempts`.execute(db);
  const attempts = result.rows[0]?.attempts;
  if (attempts === undefined) throw new Error('login_throttle upsert returned no row');
  return Number(attempts);
}

async function clearAttempts(
  db: Kysely<Database>,
  username: string,
  address: string,
  now: Date,
): Promise<void> {
  await db
    .deleteFrom('login_throttle')
    .where('username', '=', username)
    .where('address', '=', address)
    .execute();
  // Housekeeping: counters nobody touched for a day and not locked.
  await db
    .deleteFrom('login_throttle')
    .where('last_attempt_at', '<', new Date(now.getTime() - FORGET_AFTER_MS))
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .execute();
}

/** Shows administrators (user list, `yawar user list`) that some address locked the account. */
async function noteLock(db: Kysely<Database>, username: string, now: Date): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ locked_until: new Date(now.getTime() + LOGIN_POLICY.lockoutMinutes * 60_000) })
    .where('username', '=', username)
    .execute();
}
