import { ROLES, SCOPE_KINDS } from '@yawar/core';
import { z } from 'zod';
import { safeText, visibleText } from './inputs.js';

/** /api/users and /api/scopes: the administrator's accounts page (permission users:manage). */
export const userScopeSchema = z.object({
  kind: z.enum(SCOPE_KINDS),
  code: z.string().max(120),
});

/** A scope with the name people read (a department's, a network's…), as the server shows it. */
export const labelledScopeSchema = userScopeSchema.extend({ label: z.string() });

export const userIdParams = z.object({ id: z.coerce.number().int().positive() });

/** An account as the administrator sees it. */
export const userSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  scope: labelledScopeSchema,
  isDemo: z.boolean(),
  disabled: z.boolean(),
  /** Only while the lock lasts: a lock that has run out is shown as null. */
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});

export const userListSchema = z.object({ items: z.array(userSchema) });
export const scopeListSchema = z.object({ items: z.array(labelledScopeSchema) });

export const newUserBody = z.object({
  username: safeText(40),
  displayName: visibleText(1, 120),
  role: z.enum(ROLES),
  scope: userScopeSchema,
});

export const userPatchBody = z.object({
  displayName: visibleText(1, 120).optional(),
  role: z.enum(ROLES).optional(),
  scope: userScopeSchema.optional(),
  disabled: z.boolean().optional(),
});

/** The generated password is sent this once and never stored in clear. */
export const createdUserSchema = z.object({ user: userSchema, password: z.string() });
export const updatedUserSchema = z.object({ user: userSchema });
export const passwordResetSchema = z.object({ password: z.string() });

export type LabelledScope = z.infer<typeof labelledScopeSchema>;
export type User = z.infer<typeof userSchema>;
export type UserList = z.infer<typeof userListSchema>;
export type ScopeList = z.infer<typeof scopeListSchema>;
export type CreatedUser = z.infer<typeof createdUserSchema>;
export type UpdatedUser = z.infer<typeof updatedUserSchema>;
export type PasswordReset = z.infer<typeof passwordResetSchema>;
/** What a client sends (before the server trims names). */
export type NewUser = z.input<typeof newUserBody>;
export type UserPatch = z.input<typeof userPatchBody>;
