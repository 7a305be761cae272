import { microredCode, networkCode, pointsOutline, type PolygonGeometry } from '@yawar/core';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

/**
 * Microredes as a level of the health network (red → microred → establishment). Their names and
 * MINSA codes come from the RENAES registry (see reference/load.ts); they have no official
 * boundary, so their outline is computed from their establishments (core `pointsOutline`).
 */
export interface MicroredRow {
  /** The scope code, `<department>/<RED>/<MICRORED>`, as accounts and filters use it. */
  code: string;
  name: string;
  /** MINSA's microred code within its red (RENAES "Código Microrred"), when known. */
  registryCode: string | null;
  network: string;
  networkCode: string;
  networkRegistryCode: string | null;
  departmentUbigeo: string;
  /** Establishments in the registry that belong to it. */
  establishmentCount: number;
  /** Of those, how many have coordinates that lie in their district (used for the outline). */
  withCoordinates: number;
}

export interface MicroredOutline extends MicroredRow {
  /** Null when none of its establishments has usable coordinates. */
  geometry: PolygonGeometry | null;
}

/** The microredes of a department, by red then name, with their establishment counts. */
export async function listMicroreds(
  db: Kysely<Database>,
  department: string,
): Promise<MicroredRow[]> {
  const rows = await db
    .selectFrom('microred as m')
    .innerJoin('health_network as n', 'n.id', 'm.network_id')
    .leftJoin('establishment as e', (join) =>
      join.onRef('e.microred_id', '=', 'm.id').on('e.in_registry', '=', true),
    )
    .select([
      'm.name',
      'm.code as registryCode',
      'n.name as network',
      'n.code as networkRegistryCode',
      'n.department_ubigeo as departmentUbigeo',
      sql<number>`count(e.code)::int`.as('establishmentCount'),
      sql<number>`count(e.code) filter (where e.coordinate_status = 'ok')::int`.as(
        'withCoordinates',
      ),
    ])
    .where('n.department_ubigeo', '=', department)
    .groupBy(['m.id', 'm.name', 'm.code', 'n.name', 'n.code', 'n.department_ubigeo'])
    .orderBy('n.name')
    .orderBy('m.name')
    .execute();
  return rows.map((row) => ({
    code: microredCode(row.departmentUbigeo, row.network, row.name),
    name: row.name,
    registryCode: row.registryCode,
    network: row.network,
    networkCode: networkCode(row.departmentUbigeo, row.network),
    networkRegistryCode: row.networkRegistryCode,
    departmentUbigeo: row.departmentUbigeo,
    establishmentCount: row.establishmentCount,
    withCoordinates: row.withCoordinates,
  }));
}

/**
 * Each microred of a department with its approximate outline: the convex envelope of its
 * establishments whose coordinates lie in their own district, widened by 2 km. Establishments
 * with missing or misplaced coordinates are left out, so one wrong point cannot stretch the
 * outline across the department.
 */
export async function microredOutlines(
  db: Kysely<Database>,
  department: string,
): Promise<MicroredOutline[]> {
  const microreds = await listMicroreds(db, department);
  const points = await db
    .selectFrom('establishment as e')
    .innerJoin('microred as m', 'm.id', 'e.microred_id')
    .innerJoin('health_network as n', 'n.id', 'm.network_id')
    .select(['n.name as network', 'm.name as microred', 'e.lon', 'e.lat'])
    .where('n.department_ubigeo', '=', department)
    .where('e.in_registry', '=', true)
    .where('e.coordinate_status', '=', 'ok')
    .execute();
  const byMicrored = new Map<string, { lon: number; lat: number }[]>();
  for (const p of points) {
    if (p.lon === null || p.lat === null) continue;
    const key = microredCode(department, p.network, p.microred);
    const list = byMicrored.get(key) ?? [];
    list.push({ lon: p.lon, lat: p.lat });
    byMicrored.set(key, list);
  }
  return microreds.map((m) => ({ ...m, geometry: pointsOutline(byMicrored.get(m.code) ?? []) }));
}

/**
 * Microred names of a red that resemble a name given (accent- and case-insensitive), for the
 * error when a scope names a microred that does not exist ("BANOS DEL INCA" → "BAÑOS DEL INCA").
 */
export async function microredNamesOf(
  db: Kysely<Database>,
  department: string,
  network: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('microred as m')
    .innerJoin('health_network as n', 'n.id', 'm.network_id')
    .select('m.name')
    .where('n.department_ubigeo', '=', department)
    .where('n.name', '=', network)
    .orderBy('m.name')
    .execute();
  return rows.map((r) => r.name);
}

/** Registry establishments of a department that belong to no microred (EsSalud, private, …). */
export async function countWithoutMicrored(
  db: Kysely<Database>,
  department: string,
): Promise<number> {
  const row = await db
    .selectFrom('establishment')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('in_registry', '=', true)
    .where('microred_id', 'is', null)
    .where('district_ubigeo', 'like', `${department}%`)
    .executeTakeFirstOrThrow();
  return row.n;
}
