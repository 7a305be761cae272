import { ROLE_PERMISSIONS } from '@yawar/core';
import { scopeLabel, type Connection, type UserRecord } from '@yawar/db';
import type { LabelledScope, Me, User } from '@yawar/api';

async function labelled(connection: Connection, user: UserRecord): Promise<LabelledScope> {
  return { ...user.scope, label: (await scopeLabel(connection.db, user.scope)) ?? user.scope.code };
}

/** What both the logged-in user and the admin's user list show. */
async function presentIdentity(connection: Connection, user: UserRecord) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    scope: await labelled(connection, user),
    isDemo: user.isDemo,
  };
}

/** The logged-in user (@yawar/api's meSchema), with its role's permissions. */
export async function presentMe(connection: Connection, user: UserRecord): Promise<Me> {
  return {
    ...(await presentIdentity(connection, user)),
    permissions: [...ROLE_PERMISSIONS[user.role]],
  };
}

/** An account as the administrator sees it (@yawar/api's userSchema). */
export async function presentUser(connection: Connection, user: UserRecord): Promise<User> {
  const locked =
    user.lockedUntil && user.lockedUntil.getTime() > Date.now() ? user.lockedUntil : null;
  return {
    ...(await presentIdentity(connection, user)),
    disabled: user.disabled,
    lockedUntil: locked?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
  };
}
