import { sql, type Kysely } from 'kysely';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/audit-trail.js';
import type { RegistryDiscrepancy } from '@yawar/core';
import type { Database } from '../schema.js';

export interface EstablishmentRow {
  code: string;
  name: string;
  category: string;
  institution: string | null;
  network: string | null;
  networkCode: string | null;
  microred: string | null;
  microredCode: string | null;
  districtUbigeo: string;
  districtName: string;
  provinceName: string;
  executingUnitCode: string | null;
  executingUnitName: string | null;
  altitudeM: number | null;
  /** Mirrors schema.ts EstablishmentAltitudeSource, spelled out so the API's types can name it. */
  altitudeSource: 'renaes' | 'dem' | 'district_capital' | null;
  address: string | null;
  lat: number | null;
  lon: number | null;
  coordinateStatus: 'ok' | 'missing' | 'outside_district';
  source: string;
  inRenaes: boolean | null;
  registryDiscrepancies: RegistryDiscrepancy[];
  labOverride: boolean | null;
  labOverrideReason: string | null;
}

export interface EstablishmentFilter {
  readonly department?: string | undefined;
  readonly categories?: readonly string[] | undefined;
  readonly network?: string | undefined;
  readonly district?: string | undefined;
  /** Name (accent- and case-insensitive, any part) or RENIPRESS code (prefix, leading zeros optional). */
  readonly q?: string | undefined;
  readonly code?: string | undefined;
}

const ACCENTED = 'áéíóúüñàèìòù';
const PLAIN = 'aeiouunaeiou';

export function listEstablishments(
  db: Kysely<Database>,
  filter: EstablishmentFilter,
): Promise<EstablishmentRow[]> {
  let query = db
    .selectFrom('establishment as e')
    .innerJoin('district as d', 'd.ubigeo', 'e.district_ubigeo')
    .innerJoin('province as p', 'p.ubigeo', 'd.province_ubigeo')
    .leftJoin('health_network as n', 'n.id', 'e.network_id')
    .leftJoin('microred as m', 'm.id', 'e.microred_id')
    .leftJoin('executing_unit as u', 'u.code', 'e.executing_unit_code')
    .leftJoin('establishment_lab_override as o', 'o.establishment_code', 'e.code')
    .select([
      'e.code',
      'e.name',
      'e.category',
      'e.institution',
      'n.name as network',
      'n.code as networkCode',
      'm.name as microred',
      'm.code as microredCode',
      'e.district_ubigeo as districtUbigeo',
      'd.name as districtName',
      'p.name as provinceName',
      'e.executing_unit_code as executingUnitCode',
      'u.name as executingUnitName',
      'e.altitude_m as altitudeM',
      'e.altitude_source as altitudeSource',
      'e.address',
      'e.lat',
      'e.lon',
      'e.coordinate_status as coordinateStatus',
      'e.source',
      'e.in_renaes as inRenaes',
      'e.registry_discrepancies as registryDiscrepancies',
      'o.has_laboratory as labOverride',
      'o.reason as labOverrideReason',
    ])
    .where('e.in_registry', '=', true);
  if (filter.department) query = query.where('e.district_ubigeo', 'like', `${filter.department}%`);
  if (filter.categories?.length) query = query.where('e.category', 'in', filter.categories);
  if (filter.network) query = query.where('n.name', '=', filter.network.toUpperCase());
  if (filter.district) query = query.where('e.district_ubigeo', '=', filter.district);
  if (filter.code) query = query.where('e.code', '=', filter.code);
  if (filter.q) {
    const text = filter.q.trim().toLowerCase();
    const digits = /^\d+$/.test(text) ? text : null;
    query = query.where((eb) =>
      eb.or([
        eb(sql`translate(lower(e.name), ${ACCENTED}, ${PLAIN})`, 'like', `%${stripAccents(text)}%`),
        ...(digits ? [eb('e.code', 'like', `%${digits}%`)] : []),
      ]),
    );
  }
  return query.orderBy('e.code').execute() as Promise<EstablishmentRow[]>;
}

function stripAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[%_\\]/g, (c) => `\\${c}`);
}

export interface CountRow {
  name: string;
  count: number;
}

export function countByNetwork(db: Kysely<Database>, department: string): Promise<CountRow[]> {
  return db
    .selectFrom('health_network as n')
    .leftJoin('establishment as e', (join) =>
      join.onRef('e.network_id', '=', 'n.id').on('e.in_registry', '=', true),
    )
    .select(['n.name', sql<number>`count(e.code)::int`.as('count')])
    .where('n.department_ubigeo', '=', department)
    .groupBy('n.name')
    .orderBy('n.name')
    .execute();
}

export function countByCategory(db: Kysely<Database>, department: string): Promise<CountRow[]> {
  return db
    .selectFrom('establishment')
    .select(['category as name', sql<number>`count(*)::int`.as('count')])
    .where('in_registry', '=', true)
    .where('district_ubigeo', 'like', `${department}%`)
    .groupBy('category')
    .execute();
}

export interface ExecutingUnitRow {
  code: string;
  name: string;
  parentDirectorate: string | null;
  evidence: string;
  establishmentCount: number;
}

export function listExecutingUnits(
  db: Kysely<Database>,
  department: string,
): Promise<ExecutingUnitRow[]> {
  return db
    .selectFrom('executing_unit as u')
    .leftJoin('establishment as e', (join) =>
      join.onRef('e.executing_unit_code', '=', 'u.code').on('e.in_registry', '=', true),
    )
    .select([
      'u.code',
      'u.name',
      'u.parent_directorate as parentDirectorate',
      'u.evidence',
      sql<number>`count(e.code)::int`.as('establishmentCount'),
    ])
    .where('u.department_ubigeo', '=', department)
    .groupBy(['u.code', 'u.name', 'u.parent_directorate', 'u.evidence'])
    .orderBy(sql`u.code::int`)
    .execute();
}

/** Sets (or with null clears) a planner's laboratory override, audited; false if the code is unknown. */
export async function setLaboratoryOverride(
  db: Kysely<Database>,
  actor: Actor,
  code: string,
  override: { hasLaboratory: boolean; reason: string } | null,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const exists = await trx
      .selectFrom('establishment')
      .select('code')
      .where('code', '=', code)
      .executeTakeFirst();
    if (!exists) return false;
    const before = await trx
      .selectFrom('establishment_lab_override')
      .select(['has_laboratory as hasLaboratory', 'reason', 'origin'])
      .where('establishment_code', '=', code)
      .executeTakeFirst();
    if (override === null) {
      await trx
        .deleteFrom('establishment_lab_override')
        .where('establishment_code', '=', code)
        .execute();
    } else {
      const values = {
        has_laboratory: override.hasLaboratory,
        reason: override.reason,
        origin: 'manual' as const,
        updated_at: new Date(),
      };
      await trx
        .insertInto('establishment_lab_override')
        .values({ establishment_code: code, ...values })
        .onConflict((oc) => oc.column('establishment_code').doUpdateSet(values))
        .execute();
    }
    await recordAudit(trx, actor, {
      action: override === null ? 'laboratory.clear_override' : 'laboratory.set_override',
      entity: 'establishment',
      entityId: code,
      before: before ?? null,
      after: override === null ? null : { ...override, origin: 'manual' },
    });
    return true;
  });
}
