/**
 * Roles and what they may do. Data, not scattered checks: the server's single access hook and the
 * web app's navigation both read this table (the web through GET /api/auth/me `permissions`).
 */

export const ROLES = [
  'admin',
  'national_analyst',
  'regional_planner',
  'unit_programmer',
  'lab_coordinator',
  'viewer',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'users:manage',
  'audit:read',
  'laboratory:edit',
  'units:read',
  'surveillance:read',
  'children:read',
  'screenings:import',
  'programming:read',
  'programming:edit',
  'programming:validate',
  'programming:review',
  'supply:read',
  'supply:import',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * - admin: manages accounts and reads the audit trail, everywhere in its scope.
 * - national_analyst (CENARES): reviews executing units nationally.
 * - regional_planner (DIRESA): plans in its region, may correct laboratory capability.
 * - unit_programmer: its own executing unit only.
 * - lab_coordinator: laboratories and campaigns in its scope.
 * - viewer: public maps and aggregate dashboards only, never unit pages or individual records.
 *
 * children:read is individual (pseudonymised) records of children: follow-up lists, within scope.
 * Programming (annual needs of strategic resources): programming:edit is the unit's own sheet
 * and its submission; programming:validate the regional (DIRESA/GERESA) review; programming:review
 * CENARES' review, approval, rounds, assistance meetings and the national consolidation.
 * supply:read is stock status and availability; supply:import loads consumption and stock.
 *
 * surveillance:read is aggregates (prevalence, never a child); its scope check is by department
 * (see scopeOverlapsDepartment).
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: PERMISSIONS,
  national_analyst: [
    'units:read',
    'surveillance:read',
    'programming:read',
    'programming:review',
    'supply:read',
  ],
  regional_planner: [
    'units:read',
    'laboratory:edit',
    'surveillance:read',
    'children:read',
    'screenings:import',
    'programming:read',
    'programming:validate',
    'supply:read',
    'supply:import',
  ],
  unit_programmer: [
    'units:read',
    'surveillance:read',
    'programming:read',
    'programming:edit',
    'supply:read',
    'supply:import',
  ],
  lab_coordinator: [
    'units:read',
    'laboratory:edit',
    'surveillance:read',
    'children:read',
    'supply:read',
  ],
  viewer: ['surveillance:read'],
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
