// Shapes of the accounts, executing-unit and audit endpoints (see the API contract).
import type { CategoryCode } from './types';

// Roles, scope kinds and permissions are the core's (access/roles.ts, access/scope.ts).
import type { Permission, Role, ScopeKind } from '@yawar/core';
export { ROLES, SCOPE_KINDS } from '@yawar/core';
export type { Permission, Role, ScopeKind } from '@yawar/core';

export interface Scope {
  kind: ScopeKind;
  code: string;
  label: string;
}

/** The logged-in user (GET /api/auth/me). */
export interface Me {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  scope: Scope;
  isDemo: boolean;
  permissions: Permission[];
}

export interface SessionResponse {
  user: Me;
  csrfToken: string;
}

export interface DemoAccount {
  username: string;
  role: Role;
  scopeLabel: string;
}

export interface DemoAccountsResponse {
  items: DemoAccount[];
  password: string | null;
}

/** A user as the administrator sees it (GET /api/users). */
export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  scope: Scope;
  isDemo: boolean;
  disabled: boolean;
  lockedUntil: string | null;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  scope: { kind: ScopeKind; code: string };
}

export type UserPatch = Partial<{
  displayName: string;
  role: Role;
  scope: { kind: ScopeKind; code: string };
  disabled: boolean;
}>;

export interface ExecutingUnitResponse {
  unit: {
    code: string;
    name: string;
    parentDirectorate: string | null;
    evidence: string | null;
    departmentUbigeo: string | null;
  };
  establishments: {
    code: string;
    name: string;
    category: CategoryCode;
    network: string | null;
    microred?: string | null;
    districtName: string | null;
    hasLaboratory: boolean;
  }[];
  categories: { code: CategoryCode; count: number }[];
}
