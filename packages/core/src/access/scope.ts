/**
 * Where in the health hierarchy a user may act, and whether that covers a resource.
 *
 *   national ⊃ department (DIRESA/GERESA) ⊃ network (red) ⊃ microred ⊃ establishment
 *   national ⊃ department ⊃ executing unit (its own establishments)
 *
 * Codes: department = ubigeo ("06"); network = "06/CHOTA"; microred = "06/CHOTA/<name>";
 * establishment = RENIPRESS ("00004612"); executing unit = SIAF code ("785"). The sub-region
 * level (DSRS Chota, Cutervo, Jaén) is not modelled: no public source maps networks to it yet.
 */

export const SCOPE_KINDS = [
  'national',
  'department',
  'network',
  'microred',
  'establishment',
  'executing_unit',
] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

export interface Scope {
  readonly kind: ScopeKind;
  /** Empty for national. */
  readonly code: string;
}

/** Where a resource sits; absent levels are unknown or do not apply. */
export interface ResourceLocation {
  readonly department: string;
  readonly network?: string | null;
  readonly microred?: string | null;
  readonly establishment?: string | null;
  readonly executingUnits?: readonly string[];
}

export function isScopeKind(value: string): value is ScopeKind {
  return (SCOPE_KINDS as readonly string[]).includes(value);
}

export function scopeCovers(scope: Scope, location: ResourceLocation): boolean {
  switch (scope.kind) {
    case 'national':
      return true;
    case 'department':
      return location.department === scope.code;
    case 'network':
      return location.network === scope.code;
    case 'microred':
      return location.microred === scope.code;
    case 'establishment':
      return location.establishment === scope.code;
    case 'executing_unit':
      return location.executingUnits?.includes(scope.code) ?? false;
  }
}

export const networkCode = (department: string, network: string): string =>
  `${department}/${network}`;
export const microredCode = (department: string, network: string, microred: string): string =>
  `${department}/${network}/${microred}`;

/** Checks a scope's code has the right form for its kind (existence is the database's to check). */
export function scopeCodeProblem(scope: Scope): string | null {
  const patterns: Record<ScopeKind, RegExp> = {
    national: /^$/,
    department: /^\d{2}$/,
    network: /^\d{2}\/[^/]+$/,
    microred: /^\d{2}\/[^/]+\/[^/]+$/,
    establishment: /^\d{8}$/,
    executing_unit: /^[1-9]\d{0,5}$/,
  };
  return patterns[scope.kind].test(scope.code)
    ? null
    : `"${scope.code}" is not a ${scope.kind} code`;
}

/**
 * Aggregated figures of a department (prevalence maps, never individual records) may be seen by
 * anyone whose scope lies in that department, not only by those whose scope covers all of it: a
 * network's coordinator sees the department map its network is part of. Establishment and
 * executing-unit scopes carry no department in their code and see none.
 */
export function scopeOverlapsDepartment(scope: Scope, department: string): boolean {
  switch (scope.kind) {
    case 'national':
      return true;
    case 'department':
      return scope.code === department;
    case 'network':
    case 'microred':
      return scope.code.startsWith(`${department}/`);
    case 'establishment':
    case 'executing_unit':
      return false;
  }
}
