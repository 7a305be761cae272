import { isRole, isScopeKind, scopeCodeProblem, type Role, type Scope } from '@yawar/core';
import type { Kysely, Selectable } from 'kysely';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/audit-trail.js';
import type { AppUserTable, Database } from '../schema.js';
import { microredNamesOf } from '../queries/microreds.js';
import { generatePassword, hashPassword } from './passwords.js';
import { deleteUserSessions } from './sessions.js';

export interface UserRecord {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  scope: Scope;
  isDemo: boolean;
  disabled: boolean;
  failedLogins: number;
  lockedUntil: Date | null;
  createdAt: Date;
  lastLoginAt: Date | null;
}

/** A user-facing problem with an account change (bad username, unknown scope …). */
export class AccountError extends Error {
  constructor(
    readonly code:
      'invalid_username' | 'username_taken' | 'invalid_role' | 'invalid_scope' | 'user_not_found',
    message: string,
  ) {
    super(message);
    this.name = 'AccountError';
  }
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,39}$/;

export function toUserRecord(row: Selectable<AppUserTable>): UserRecord {
  if (!isRole(row.role) || !isScopeKind(row.scope_kind))
    throw new Error(`user ${row.id} has an unknown role or scope`);
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    scope: { kind: row.scope_kind, code: row.scope_code },
    isDemo: row.is_demo,
    disabled: row.disabled,
    failedLogins: row.failed_logins,
    lockedUntil: row.locked_until,
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
  };
}

/** What the audit trail keeps of a user: never the password hash. */
const auditView = (user: UserRecord) => ({
  username: user.username,
  displayName: user.displayName,
  role: user.role,
  scope: user.scope,
  disabled: user.disabled,
});

export async function listUsers(db: Kysely<Database>): Promise<UserRecord[]> {
  return (await db.selectFrom('app_user').selectAll().orderBy('username').execute()).map(
    toUserRecord,
  );
}

export async function findUser(
  db: Kysely<Database>,
  by: { id: number } | { username: string },
): Promise<UserRecord | null> {
  let query = db.selectFrom('app_user').selectAll();
  query =
    'id' in by
      ? query.where('id', '=', by.id)
      : query.where('username', '=', by.username.toLowerCase());
  const row = await query.executeTakeFirst();
  return row ? toUserRecord(row) : null;
}

export interface NewUser {
  readonly username: string;
  readonly displayName: string;
  readonly role: string;
  readonly scope: Scope;
  readonly password?: string;
  readonly isDemo?: boolean;
}

/** Creates an account; returns the password (generated unless given) to be shown once. */
export async function createUser(
  db: Kysely<Database>,
  actor: Actor,
  input: NewUser,
): Promise<{ user: UserRecord; password: string }> {
  const username = input.username.trim().toLowerCase();
  if (!USERNAME.test(username)) {
    throw new AccountError(
      'invalid_username',
      'username: 3–40 lowercase letters, digits, dots, dashes or underscores',
    );
  }
  if (!isRole(input.role)) throw new AccountError('invalid_role', `"${input.role}" is not a role`);
  await assertScopeExists(db, input.scope);
  const password = input.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirst();
    if (taken) throw new AccountError('username_taken', `the username ${username} is taken`);
    const row = await trx
      .insertInto('app_user')
      .values({
        username,
        display_name: input.displayName.trim() || username,
        password_hash: passwordHash,
        role: input.role,
        scope_kind: input.scope.kind,
        scope_code: input.scope.code,
        is_demo: input.isDemo ?? false,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const user = toUserRecord(row);
    await recordAudit(trx, actor, {
      action: 'user.create',
      entity: 'user',
      entityId: String(user.id),
      after: auditView(user),
    });
    return { user, password };
  });
}

export interface UserChanges {
  readonly displayName?: string | undefined;
  readonly role?: string | undefined;
  readonly scope?: Scope | undefined;
  readonly disabled?: boolean | undefined;
}

export async function updateUser(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  changes: UserChanges,
): Promise<UserRecord> {
  if (changes.role !== undefined && !isRole(changes.role))
    throw new AccountError('invalid_role', `"${changes.role}" is not a role`);
  if (changes.scope) await assertScopeExists(db, changes.scope);
  return db.transaction().execute(async (trx) => {
    const before = await findUser(trx, { id });
    if (!before) throw new AccountError('user_not_found', `user ${id} was not found`);
    const row = await trx
      .updateTable('app_user')
      .set({
        ...(changes.displayName !== undefined
          ? { display_name: changes.displayName.trim() || before.username }
          : {}),
        ...(changes.role !== undefined ? { role: changes.role } : {}),
        ...(changes.scope
          ? { scope_kind: changes.scope.kind, scope_code: changes.scope.code }
          : {}),
        ...(changes.disabled !== undefined ? { disabled: changes.disabled } : {}),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const after = toUserRecord(row);
    // A disabled account, or one whose powers changed, must not keep an open session.
    if (
      after.disabled ||
      after.role !== before.role ||
      JSON.stringify(after.scope) !== JSON.stringify(before.scope)
    ) {
      await deleteUserSessions(trx, id);
    }
    await recordAudit(trx, actor, {
      action: 'user.update',
      entity: 'user',
      entityId: String(id),
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}

/** Sets a new random password (returned once), unlocks the account and ends its sessions. */
export async function resetPassword(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
): Promise<string> {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('app_user')
      .set({
        password_hash: passwordHash,
        password_changed_at: new Date(),
        failed_logins: 0,
        locked_until: null,
      })
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0)
      throw new AccountError('user_not_found', `user ${id} was not found`);
    await deleteUserSessions(trx, id);
    // Unlocks it from every address (failed logins are counted per address, migration 0007).
    await trx
      .deleteFrom('login_throttle')
      .where('username', '=', trx.selectFrom('app_user').select('username').where('id', '=', id))
      .execute();
    await recordAudit(trx, actor, {
      action: 'user.reset_password',
      entity: 'user',
      entityId: String(id),
    });
  });
  return password;
}

async function assertScopeExists(db: Kysely<Database>, scope: Scope): Promise<void> {
  const problem = isScopeKind(scope.kind)
    ? scopeCodeProblem(scope)
    : `"${scope.kind}" is not a scope kind`;
  if (problem) throw new AccountError('invalid_scope', problem);
  if (scope.kind !== 'national' && !(await scopeLabel(db, scope))) {
    throw new AccountError(
      'invalid_scope',
      `no ${scope.kind} has code ${scope.code}${await microredHint(db, scope)}`,
    );
  }
}

/** For a microred that does not exist: the microredes its red does have, closest names first. */
async function microredHint(db: Kysely<Database>, scope: Scope): Promise<string> {
  if (scope.kind !== 'microred') return '';
  const [department = '', network = '', name = ''] = scope.code.split('/');
  const names = await microredNamesOf(db, department, network);
  if (names.length === 0)
    return ` (the red ${network} has no microred in department ${department})`;
  const plain = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const same = names.filter((n) => plain(n) === plain(name));
  return same.length > 0
    ? ` (did you mean ${same.map((n) => `${department}/${network}/${n}`).join(', ')}?)`
    : ` (microredes of the red ${network}: ${names.join(', ')})`;
}

/** The human name of a scope ("CAJAMARCA", "Red CHOTA" …), or null when it does not exist. */
export async function scopeLabel(db: Kysely<Database>, scope: Scope): Promise<string | null> {
  switch (scope.kind) {
    case 'national':
      return 'Perú (nacional)';
    case 'department': {
      const row = await db
        .selectFrom('department')
        .select('name')
        .where('ubigeo', '=', scope.code)
        .executeTakeFirst();
      return row ? `DIRESA ${row.name}` : null;
    }
    case 'network': {
      const [department, name] = scope.code.split('/');
      const row = await db
        .selectFrom('health_network')
        .select('name')
        .where('department_ubigeo', '=', department ?? '')
        .where('name', '=', name ?? '')
        .executeTakeFirst();
      return row ? `Red ${row.name}` : null;
    }
    case 'microred': {
      const [department, network, name] = scope.code.split('/');
      const row = await db
        .selectFrom('microred as m')
        .innerJoin('health_network as n', 'n.id', 'm.network_id')
        .select('m.name')
        .where('n.department_ubigeo', '=', department ?? '')
        .where('n.name', '=', network ?? '')
        .where('m.name', '=', name ?? '')
        .executeTakeFirst();
      return row ? `Microred ${row.name}` : null;
    }
    case 'establishment': {
      const row = await db
        .selectFrom('establishment')
        .select('name')
        .where('code', '=', scope.code)
        .executeTakeFirst();
      return row ? row.name : null;
    }
    case 'executing_unit': {
      const row = await db
        .selectFrom('executing_unit')
        .select('name')
        .where('code', '=', scope.code)
        .executeTakeFirst();
      return row ? row.name : null;
    }
  }
}
