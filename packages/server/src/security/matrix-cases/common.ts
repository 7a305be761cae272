import type { Role, Scope } from '@yawar/core';

/** Shared by the authorization matrix and its per-area route cases. */

/** Per role: a user whose scope covers the resources below ("in") and one whose scope does not ("out"). */
export const SCOPES: Record<Role, { in: Scope; out: Scope }> = {
  admin: { in: { kind: 'national', code: '' }, out: { kind: 'network', code: '06/JAEN' } },
  national_analyst: {
    in: { kind: 'national', code: '' },
    out: { kind: 'executing_unit', code: '787' },
  },
  regional_planner: {
    in: { kind: 'department', code: '06' },
    out: { kind: 'network', code: '06/JAEN' },
  },
  unit_programmer: {
    in: { kind: 'executing_unit', code: '785' },
    out: { kind: 'executing_unit', code: '787' },
  },
  lab_coordinator: {
    in: { kind: 'department', code: '06' },
    out: { kind: 'network', code: '06/JAEN' },
  },
  viewer: { in: { kind: 'department', code: '06' }, out: { kind: 'network', code: '06/JAEN' } },
};
export const ROLES = Object.keys(SCOPES) as Role[];

/**
 * The microred scope kind, for every role: microred CHOTA of the red CHOTA holds the resources
 * a case marks `inMicrored` (PATRONA DE CHOTA); CONCHAN, a microred of the same red, holds none.
 * The names are RENAES's (data/cajamarca/ipress_minsa_renaes.csv).
 */
export const MICRORED_SCOPES: { in: Scope; out: Scope } = {
  in: { kind: 'microred', code: '06/CHOTA/CHOTA' },
  out: { kind: 'microred', code: '06/CHOTA/CONCHAN' },
};
export const EVERYONE = ROLES;
export const ADMIN = ['admin'] as Role[];
export const UNIT_READERS: Role[] = [
  'admin',
  'national_analyst',
  'regional_planner',
  'unit_programmer',
  'lab_coordinator',
];
export const LAB_EDITORS: Role[] = ['admin', 'regional_planner', 'lab_coordinator'];
/** Roles whose "in" scope lies in department 06 (the unit programmer's executing-unit scope does not). */
export const SURVEILLANCE: Role[] = [
  'admin',
  'national_analyst',
  'regional_planner',
  'lab_coordinator',
  'viewer',
];

/** Roles holding surveillance:read, whatever their scope. */
export const SURVEILLANCE_PERMITTED: Role[] = [...SURVEILLANCE, 'unit_programmer'];

export interface RouteCase {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The route as Fastify declares it, to check coverage. */
  readonly route: string;
  readonly url: string;
  readonly body?: () => unknown;
  /** A non-JSON body (file uploads) with its content type. */
  readonly raw?: { readonly contentType: string; readonly body: string };
  /** Roles allowed (within scope); null = public, no session needed. */
  readonly roles: readonly Role[] | null;
  /** Whether the scope matters: then the "out" user of an allowed role gets 403. */
  readonly scoped: boolean;
  /** Aggregates of department 06: any scope inside it may see them (scopeOverlapsDepartment). */
  readonly aggregate?: boolean;
  /**
   * Roles with the permission when `roles` is narrowed by the "in" scopes (the unit programmer
   * may read surveillance, but its executing-unit scope lies in no department); default `roles`.
   */
  readonly permitted?: readonly Role[];
  /** A scoped resource that lies in microred 06/CHOTA/CHOTA (MICRORED_SCOPES.in). */
  readonly inMicrored?: boolean;
  readonly ok: number;
}
