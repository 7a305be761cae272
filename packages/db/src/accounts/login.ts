import { afterFailedLogin, afterSuccessfulLogin, isLocked, LOGIN_POLICY } from '@yawar/core';
import type { Kysely } from 'kysely';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/audit-trail.js';
import type { Database } from '../schema.js';
import { DUMMY_HASH, verifyPassword } from './passwords.js';
import { findUser, type UserRecord } from './users.js';

export type LoginResult =
  | { readonly ok: true; readonly user: UserRecord }
  | { readonly ok: false; readonly reason: 'invalid_credentials' | 'account_disabled' }
  | { readonly ok: false; readonly reason: 'account_locked'; readonly lockedUntil: Date };

export interface LoginOptions {
  readonly now: Date;
  /** Demo accounts refuse to log in when the deployment switched them off. */
  readonly demoAccountsEnabled: boolean;
  /** Request id and address for the audit trail (the actor is the account, or anonymous). */
  readonly requestId: string | null;
  readonly ip: string | null;
}

/**
 * Checks a password with lockout (core LOGIN_POLICY). Unknown users cost the same hash check, and
 * say the same "invalid credentials", so neither timing nor message tells which accounts exist.
 * Every attempt is audited (username only; never the password).
 */
export async function authenticate(
  db: Kysely<Database>,
  username: string,
  password: string,
  options: LoginOptions,
): Promise<LoginResult> {
  const user = await findUser(db, { username });
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

  if (!user) {
    await verifyPassword(DUMMY_HASH, password);
    await audit('login.failure', { reason: 'invalid_credentials' });
    return { ok: false, reason: 'invalid_credentials' };
  }
  if (isLocked(user, options.now)) {
    await audit('login.refused', { reason: 'account_locked' });
    return { ok: false, reason: 'account_locked', lockedUntil: user.lockedUntil ?? options.now };
  }
  if (!(await verifyPassword(await passwordHashOf(db, user.id), password))) {
    const next = afterFailedLogin(user, options.now);
    await db
      .updateTable('app_user')
      .set({ failed_logins: next.failedLogins, locked_until: next.lockedUntil })
      .where('id', '=', user.id)
      .execute();
    if (next.lockedUntil && isLocked(next, options.now)) {
      await audit('login.locked', {
        reason: 'account_locked',
        minutes: LOGIN_POLICY.lockoutMinutes,
      });
      return { ok: false, reason: 'account_locked', lockedUntil: next.lockedUntil };
    }
    await audit('login.failure', { reason: 'invalid_credentials' });
    return { ok: false, reason: 'invalid_credentials' };
  }
  if (user.disabled || (user.isDemo && !options.demoAccountsEnabled)) {
    await audit('login.refused', { reason: 'account_disabled' });
    return { ok: false, reason: 'account_disabled' };
  }
  const next = afterSuccessfulLogin();
  await db
    .updateTable('app_user')
    .set({ failed_logins: next.failedLogins, locked_until: null, last_login_at: options.now })
    .where('id', '=', user.id)
    .execute();
  await audit('login.success');
  return {
    ok: true,
    user: { ...user, failedLogins: 0, lockedUntil: null, lastLoginAt: options.now },
  };
}

async function passwordHashOf(db: Kysely<Database>, id: number): Promise<string> {
  const row = await db
    .selectFrom('app_user')
    .select('password_hash')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.password_hash;
}
