import { microredCode, networkCode, type ResourceLocation, type Scope } from '@yawar/core';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** Where an establishment sits in the hierarchy, for scope checks; null if the code is unknown. */
export async function establishmentLocation(
  db: Kysely<Database>,
  code: string,
): Promise<ResourceLocation | null> {
  const row = await locatedEstablishments(db).where('e.code', '=', code).executeTakeFirst();
  return row ? locationOf(row) : null;
}

export async function executingUnitLocation(
  db: Kysely<Database>,
  code: string,
): Promise<ResourceLocation | null> {
  const row = await db
    .selectFrom('executing_unit')
    .select(['code', 'department_ubigeo'])
    .where('code', '=', code)
    .executeTakeFirst();
  return row ? { department: row.department_ubigeo, executingUnits: [row.code] } : null;
}

export interface LabelledScope extends Scope {
  readonly label: string;
}

/** Every scope an account can be given, national first, in the hierarchy's order. */
export async function listScopes(db: Kysely<Database>): Promise<LabelledScope[]> {
  const departments = await db
    .selectFrom('department')
    .select(['ubigeo', 'name'])
    .orderBy('ubigeo')
    .execute();
  const networks = await db
    .selectFrom('health_network')
    .select(['department_ubigeo', 'name'])
    .orderBy('department_ubigeo')
    .orderBy('name')
    .execute();
  const microreds = await db
    .selectFrom('microred as m')
    .innerJoin('health_network as n', 'n.id', 'm.network_id')
    .select(['n.department_ubigeo', 'n.name as network', 'm.name'])
    .orderBy('n.department_ubigeo')
    .orderBy('n.name')
    .orderBy('m.name')
    .execute();
  const units = await db
    .selectFrom('executing_unit')
    .select(['code', 'name'])
    .orderBy(sql`code::int`)
    .execute();
  const establishments = await db
    .selectFrom('establishment')
    .select(['code', 'name'])
    .where('in_registry', '=', true)
    .orderBy('code')
    .execute();
  return [
    { kind: 'national', code: '', label: 'Perú (nacional)' },
    ...departments.map((d) => ({
      kind: 'department' as const,
      code: d.ubigeo,
      label: `DIRESA ${d.name}`,
    })),
    ...networks.map((n) => ({
      kind: 'network' as const,
      code: networkCode(n.department_ubigeo, n.name),
      label: `Red ${n.name}`,
    })),
    ...microreds.map((m) => ({
      kind: 'microred' as const,
      code: microredCode(m.department_ubigeo, m.network, m.name),
      label: `Microred ${m.name}`,
    })),
    ...units.map((u) => ({
      kind: 'executing_unit' as const,
      code: u.code,
      label: `UE ${u.code} ${u.name}`,
    })),
    ...establishments.map((e) => ({
      kind: 'establishment' as const,
      code: e.code,
      label: `${e.code} ${e.name}`,
    })),
  ];
}

export interface ExecutingUnitDetail {
  unit: {
    code: string;
    name: string;
    parentDirectorate: string | null;
    evidence: string;
    departmentUbigeo: string;
  };
  establishments: {
    code: string;
    name: string;
    category: string;
    network: string | null;
    microred: string | null;
    districtName: string;
    labOverride: boolean | null;
  }[];
}

export async function executingUnitDetail(
  db: Kysely<Database>,
  code: string,
): Promise<ExecutingUnitDetail | null> {
  const unit = await db
    .selectFrom('executing_unit')
    .select([
      'code',
      'name',
      'parent_directorate as parentDirectorate',
      'evidence',
      'department_ubigeo as departmentUbigeo',
    ])
    .where('code', '=', code)
    .executeTakeFirst();
  if (!unit) return null;
  const establishments = await db
    .selectFrom('establishment as e')
    .innerJoin('district as d', 'd.ubigeo', 'e.district_ubigeo')
    .leftJoin('health_network as n', 'n.id', 'e.network_id')
    .leftJoin('microred as m', 'm.id', 'e.microred_id')
    .leftJoin('establishment_lab_override as o', 'o.establishment_code', 'e.code')
    .select([
      'e.code',
      'e.name',
      'e.category',
      'n.name as network',
      'm.name as microred',
      'd.name as districtName',
      'o.has_laboratory as labOverride',
    ])
    .where('e.executing_unit_code', '=', code)
    .where('e.in_registry', '=', true)
    .orderBy('e.code')
    .execute();
  return { unit, establishments };
}

/** Where every registered establishment sits, for checking many codes against a scope at once. */
export async function allEstablishmentLocations(
  db: Kysely<Database>,
): Promise<Map<string, ResourceLocation>> {
  const rows = await locatedEstablishments(db).where('e.in_registry', '=', true).execute();
  return new Map(rows.map((row) => [row.code, locationOf(row)]));
}

/** Establishments with the names of their network and microred: what a location is built from. */
function locatedEstablishments(db: Kysely<Database>) {
  return db
    .selectFrom('establishment as e')
    .leftJoin('health_network as n', 'n.id', 'e.network_id')
    .leftJoin('microred as m', 'm.id', 'e.microred_id')
    .select([
      'e.code',
      'e.district_ubigeo',
      'e.executing_unit_code',
      'n.name as network',
      'm.name as microred',
    ]);
}

interface LocatedRow {
  readonly code: string;
  readonly district_ubigeo: string;
  readonly executing_unit_code: string | null;
  readonly network: string | null;
  readonly microred: string | null;
}

function locationOf(row: LocatedRow): ResourceLocation {
  const department = row.district_ubigeo.slice(0, 2);
  return {
    department,
    network: row.network ? networkCode(department, row.network) : null,
    microred:
      row.network && row.microred ? microredCode(department, row.network, row.microred) : null,
    establishment: row.code,
    executingUnits: row.executing_unit_code ? [row.executing_unit_code] : [],
  };
}
