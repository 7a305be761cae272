import type { ProgrammeStatus, ResourceLocation } from '@yawar/core';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface ProgrammeSummary {
  readonly id: number;
  readonly roundId: number;
  readonly unit: {
    readonly code: string;
    readonly name: string;
    readonly departmentUbigeo: string;
  };
  readonly status: ProgrammeStatus;
  readonly version: number;
  readonly lineCount: number;
  readonly totalCost: number | null;
  readonly costSimulated: boolean;
  readonly openObservations: number;
  readonly computedAt: string | null;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

export interface SummaryFilter {
  readonly roundId?: number;
  readonly programmeId?: number;
  /** Null: every unit. */
  readonly unitCodes: readonly string[] | null;
}

/** Programmes with their totals: cost is Σ final quantity × price (final = unit's ?? prefill). */
export async function programmeSummaries(
  db: Kysely<Database>,
  filter: SummaryFilter,
): Promise<ProgrammeSummary[]> {
  let query = db
    .selectFrom('programme as p')
    .innerJoin('executing_unit as u', 'u.code', 'p.executing_unit_code')
    .select([
      'p.id',
      'p.round_id as roundId',
      'u.code as unitCode',
      'u.name as unitName',
      'u.department_ubigeo as departmentUbigeo',
      'p.status',
      'p.version',
      'p.computed_at as computedAt',
      'p.updated_at as updatedAt',
      'p.updated_by as updatedBy',
      sql<number>`(select count(*)::int from programme_line l where l.programme_id = p.id)`.as(
        'lineCount',
      ),
      sql<
        number | null
      >`(select sum(coalesce(l.unit_quantity, l.prefill_quantity) * l.unit_price)::float8
        from programme_line l where l.programme_id = p.id)`.as('totalCost'),
      sql<boolean>`coalesce((select bool_or(r.price_simulated) from programme_line l
        join strategic_resource r on r.code = l.resource_code
        where l.programme_id = p.id and l.unit_price is not null), false)`.as('costSimulated'),
      sql<number>`(select count(*)::int from programme_observation o
        where o.programme_id = p.id and o.status = 'open')`.as('openObservations'),
    ])
    // Numerically: unit 785 before 1047 (issue #10).
    .orderBy(sql`u.code::int`);
  if (filter.roundId !== undefined) query = query.where('p.round_id', '=', filter.roundId);
  if (filter.programmeId !== undefined) query = query.where('p.id', '=', filter.programmeId);
  if (filter.unitCodes)
    query = query.where(
      'p.executing_unit_code',
      'in',
      filter.unitCodes.length ? filter.unitCodes : [''],
    );
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    roundId: r.roundId,
    unit: { code: r.unitCode, name: r.unitName, departmentUbigeo: r.departmentUbigeo },
    status: r.status,
    version: r.version,
    lineCount: r.lineCount,
    totalCost: r.totalCost,
    costSimulated: r.costSimulated,
    openObservations: r.openObservations,
    computedAt: r.computedAt ? r.computedAt.toISOString() : null,
    updatedAt: r.updatedAt.toISOString(),
    updatedBy: r.updatedBy,
  }));
}

/** Where a programme sits, for the access check: its unit and the unit's department. */
export async function programmeLocation(
  db: Kysely<Database>,
  programmeId: number,
): Promise<ResourceLocation | null> {
  const row = await db
    .selectFrom('programme as p')
    .innerJoin('executing_unit as u', 'u.code', 'p.executing_unit_code')
    .select(['u.code', 'u.department_ubigeo'])
    .where('p.id', '=', programmeId)
    .executeTakeFirst();
  return row ? { department: row.department_ubigeo, executingUnits: [row.code] } : null;
}

/** Where an observation's programme sits. */
export async function observationLocation(
  db: Kysely<Database>,
  observationId: number,
): Promise<ResourceLocation | null> {
  const row = await db
    .selectFrom('programme_observation')
    .select('programme_id')
    .where('id', '=', observationId)
    .executeTakeFirst();
  return row ? programmeLocation(db, row.programme_id) : null;
}

export interface LineRow {
  readonly resourceCode: string;
  readonly resourceName: string;
  readonly dispensingUnit: string;
  readonly packSize: number;
  readonly packDescription: string;
  readonly unitPrice: number | null;
  readonly priceSimulated: boolean;
  readonly method: string;
  readonly prefillQuantity: number;
  readonly unitQuantity: number | null;
  readonly justification: string | null;
}

export async function programmeLines(
  db: Kysely<Database>,
  programmeId: number,
): Promise<LineRow[]> {
  return db
    .selectFrom('programme_line as l')
    .innerJoin('strategic_resource as r', 'r.code', 'l.resource_code')
    .select([
      'l.resource_code as resourceCode',
      'r.name as resourceName',
      'r.dispensing_unit as dispensingUnit',
      'l.pack_size as packSize',
      'r.pack_description as packDescription',
      'l.unit_price as unitPrice',
      'r.price_simulated as priceSimulated',
      'l.method',
      'l.prefill_quantity as prefillQuantity',
      'l.unit_quantity as unitQuantity',
      'l.justification',
    ])
    .where('l.programme_id', '=', programmeId)
    .orderBy('l.resource_code')
    .execute();
}

export async function programmeObservations(db: Kysely<Database>, programmeId: number) {
  const rows = await db
    .selectFrom('programme_observation')
    .select([
      'id',
      'resource_code as resourceCode',
      'criticality',
      'note',
      'status',
      'response',
      'created_by as createdBy',
      'created_at as createdAt',
      'addressed_at as addressedAt',
      'resolved_at as resolvedAt',
      'programme_version as programmeVersion',
    ])
    .where('programme_id', '=', programmeId)
    .orderBy('id')
    .execute();
  return rows.map((o) => ({
    ...o,
    createdAt: o.createdAt.toISOString(),
    addressedAt: o.addressedAt ? o.addressedAt.toISOString() : null,
    resolvedAt: o.resolvedAt ? o.resolvedAt.toISOString() : null,
  }));
}

export async function programmeEvents(db: Kysely<Database>, programmeId: number) {
  const rows = await db
    .selectFrom('programme_event')
    .select(['id', 'version', 'action', 'from_status', 'to_status', 'note', 'actor', 'at'])
    .where('programme_id', '=', programmeId)
    .orderBy('id')
    .execute();
  return rows.map((e) => ({
    id: e.id,
    version: e.version,
    action: e.action,
    fromStatus: e.from_status as ProgrammeStatus,
    toStatus: e.to_status as ProgrammeStatus,
    note: e.note,
    actor: e.actor,
    at: e.at.toISOString(),
  }));
}
