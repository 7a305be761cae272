import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { accountRefusal, type AccountSwitches } from './account-switches.js';
import { toUserRecord, type UserRecord } from './users.js';

export interface SessionPolicy {
  /** A session ends this long after login, however active. */
  readonly absoluteHours: number;
  /** … or after this long without a request. */
  readonly idleMinutes: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = Object.freeze({
  absoluteHours: 12,
  idleMinutes: 120,
});

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export interface NewSession {
  /** Goes to the cookie and nowhere else: not stored, not logged. */
  readonly token: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

export async function createSession(
  db: Kysely<Database>,
  userId: number,
  now: Date,
  policy = DEFAULT_SESSION_POLICY,
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + policy.absoluteHours * 3_600_000);
  await db
    .insertInto('session')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

export interface ActiveSession {
  readonly user: UserRecord;
  readonly csrfToken: string;
}

/**
 * The session's user if the token is live, not idle too long, and the account may still act
 * (`accountRefusal`: not disabled, not a demo account while demo accounts are off); else null,
 * and the dead session is deleted. Runs on every request, so a switch takes effect at once.
 */
export async function resolveSession(
  db: Kysely<Database>,
  token: string,
  now: Date,
  switches: AccountSwitches,
  policy = DEFAULT_SESSION_POLICY,
): Promise<ActiveSession | null> {
  const tokenHash = hashToken(token);
  const row = await db
    .selectFrom('session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .selectAll('u')
    .select(['s.csrf_token', 's.last_seen_at', 's.expires_at'])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return null;
  const idleLimit = row.last_seen_at.getTime() + policy.idleMinutes * 60_000;
  if (
    row.expires_at.getTime() <= now.getTime() ||
    idleLimit <= now.getTime() ||
    accountRefusal({ disabled: row.disabled, isDemo: row.is_demo }, switches) !== null
  ) {
    await db.deleteFrom('session').where('token_hash', '=', tokenHash).execute();
    return null;
  }
  // Touch at most once a minute: a map page fires many requests at once.
  if (now.getTime() - row.last_seen_at.getTime() > 60_000) {
    await db
      .updateTable('session')
      .set({ last_seen_at: now })
      .where('token_hash', '=', tokenHash)
      .execute();
  }
  const { csrf_token: csrfToken, last_seen_at: _seen, expires_at: _expires, ...user } = row;
  return { user: toUserRecord(user), csrfToken };
}

export async function deleteSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('session').where('token_hash', '=', hashToken(token)).execute();
}

export async function deleteUserSessions(db: Kysely<Database>, userId: number): Promise<void> {
  await db.deleteFrom('session').where('user_id', '=', userId).execute();
}

export async function purgeExpiredSessions(db: Kysely<Database>, now: Date): Promise<void> {
  await db.deleteFrom('session').where('expires_at', '<=', now).execute();
}
