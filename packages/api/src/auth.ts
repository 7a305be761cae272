import { PERMISSIONS, ROLES } from '@yawar/core';
import { z } from 'zod';
import { labelledScopeSchema } from './users.js';

/** /api/auth: logging in and out, and who is logged in. */
export const loginBody = z.object({
  username: z.string().min(1).max(60),
  password: z.string().min(1).max(200),
});

/** The logged-in user: what the menus and pages decide by (the server decides again). */
export const meSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  scope: labelledScopeSchema,
  isDemo: z.boolean(),
  /** Its role's permissions, from the core's table. */
  permissions: z.array(z.enum(PERMISSIONS)),
});

/** The session itself is an HTTP-only cookie; the CSRF token goes with every later write. */
export const sessionSchema = z.object({ user: meSchema, csrfToken: z.string() });

export const demoAccountSchema = z.object({
  username: z.string(),
  role: z.enum(ROLES),
  scopeLabel: z.string(),
});

/** No accounts and no password when the deployment has demo accounts off. */
export const demoAccountsSchema = z.object({
  items: z.array(demoAccountSchema),
  password: z.string().nullable(),
});

/** Logging out answers 204 with no body. */
export const logoutResponse = z.null();

export type LoginRequest = z.input<typeof loginBody>;
export type Me = z.infer<typeof meSchema>;
export type SessionResponse = z.infer<typeof sessionSchema>;
export type DemoAccount = z.infer<typeof demoAccountSchema>;
export type DemoAccountsResponse = z.infer<typeof demoAccountsSchema>;
