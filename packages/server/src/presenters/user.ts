import { ROLE_PERMISSIONS, ROLES, SCOPE_KINDS } from '@yawar/core';
import { scopeLabel, type Connection, type UserRecord } from '@yawar/db';
import { z } from 'zod';

export const scopeSchema = z.object({ kind: z.enum(SCOPE_KINDS), code: z.string().max(120) });
export const labelledScopeSchema = scopeSchema.extend({ label: z.string() });

export const meSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  scope: labelledScopeSchema,
  isDemo: z.boolean(),
  permissions: z.array(z.string()),
});

export const userSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  scope: labelledScopeSchema,
  isDemo: z.boolean(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});

async function labelled(connection: Connection, user: UserRecord) {
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

export async function presentMe(connection: Connection, user: UserRecord) {
  return {
    ...(await presentIdentity(connection, user)),
    permissions: [...ROLE_PERMISSIONS[user.role]],
  };
}

export async function presentUser(connection: Connection, user: UserRecord) {
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
