import type { ProgrammeStatus } from '@yawar/core';
import { sql, type Kysely } from 'kysely';
import { recordAudit } from '../audit/audit-trail.js';
import type { Actor } from '../audit/actor.js';
import type { Database } from '../schema.js';
import { ProgrammingError } from './errors.js';

const INCLUDED: ProgrammeStatus[] = ['approved', 'consolidated'];

export interface ConsolidatedProduct {
  readonly resourceCode: string;
  readonly resourceName: string;
  readonly dispensingUnit: string;
  readonly packSize: number;
  readonly quantity: number;
  readonly packs: number;
  readonly cost: number | null;
  readonly units: number;
}

const inUnits = (codes: readonly string[] | null) => (codes && codes.length === 0 ? [''] : codes);

/**
 * The requirement per product over the approved (and already consolidated) programmes of a round
 * among `unitCodes` (null: national). Final quantity = the unit's ?? the prefill; packs are
 * rounded up per unit, since each unit receives whole packs.
 */
export async function consolidatedProducts(
  db: Kysely<Database>,
  roundId: number,
  unitCodes: readonly string[] | null,
): Promise<ConsolidatedProduct[]> {
  let query = db
    .selectFrom('programme_line as l')
    .innerJoin('programme as p', 'p.id', 'l.programme_id')
    .innerJoin('strategic_resource as r', 'r.code', 'l.resource_code')
    .select([
      'l.resource_code as resourceCode',
      'r.name as resourceName',
      'r.dispensing_unit as dispensingUnit',
      'r.pack_size as packSize',
      sql<number>`sum(coalesce(l.unit_quantity, l.prefill_quantity))::float8`.as('quantity'),
      sql<number>`sum(ceil(coalesce(l.unit_quantity, l.prefill_quantity) / l.pack_size))::float8`.as(
        'packs',
      ),
      sql<
        number | null
      >`sum(coalesce(l.unit_quantity, l.prefill_quantity) * l.unit_price)::float8`.as('cost'),
      sql<number>`count(distinct p.id)::int`.as('units'),
    ])
    .where('p.round_id', '=', roundId)
    .where('p.status', 'in', INCLUDED)
    .groupBy(['l.resource_code', 'r.name', 'r.dispensing_unit', 'r.pack_size'])
    .orderBy('l.resource_code');
  const units = inUnits(unitCodes);
  if (units) query = query.where('p.executing_unit_code', 'in', units);
  return query.execute();
}

/** One product of the consolidation, unit by unit (every programme in scope, any status). */
export async function consolidationByUnit(
  db: Kysely<Database>,
  roundId: number,
  resourceCode: string,
  unitCodes: readonly string[] | null,
) {
  let query = db
    .selectFrom('programme_line as l')
    .innerJoin('programme as p', 'p.id', 'l.programme_id')
    .innerJoin('executing_unit as u', 'u.code', 'p.executing_unit_code')
    .select([
      'p.id as programmeId',
      'u.code',
      'u.name',
      'p.status',
      'l.prefill_quantity as prefillQuantity',
      sql<number>`coalesce(l.unit_quantity, l.prefill_quantity)::float8`.as('finalQuantity'),
      sql<number>`ceil(coalesce(l.unit_quantity, l.prefill_quantity) / l.pack_size)::float8`.as(
        'packs',
      ),
      sql<number | null>`(coalesce(l.unit_quantity, l.prefill_quantity) * l.unit_price)::float8`.as(
        'cost',
      ),
      'l.justification',
    ])
    .where('p.round_id', '=', roundId)
    .where('l.resource_code', '=', resourceCode)
    // Numerically: unit 785 before 1047 (issue #10).
    .orderBy(sql`u.code::int`);
  const units = inUnits(unitCodes);
  if (units) query = query.where('p.executing_unit_code', 'in', units);
  const rows = await query.execute();
  return rows.map(({ code, name, ...rest }) => ({ ...rest, unit: { code, name } }));
}

/**
 * CENARES consolidates: every approved programme becomes consolidated (with an event each), and
 * the national totals per product are frozen in round_consolidation. Programmes approved later
 * join at the next consolidation; the round is closed once none is left outside.
 */
export async function consolidateRound(
  db: Kysely<Database>,
  actor: Actor,
  roundId: number,
  options: {
    /**
     * Consolidate although some units' programmes are not approved yet. Without it such a request
     * is refused with `units_pending`, listing them, so that the caller can warn and ask first.
     */
    allowPending?: boolean;
  } = {},
): Promise<{ consolidated: number; pending: PendingUnit[] }> {
  return db.transaction().execute(async (trx) => {
    const approved = await trx
      .selectFrom('programme')
      .select(['id', 'version'])
      .where('round_id', '=', roundId)
      .where('status', '=', 'approved')
      .forUpdate()
      .execute();
    if (approved.length === 0) {
      throw new ProgrammingError('nothing_to_consolidate', 'no approved programme to consolidate');
    }
    const pending = await pendingUnits(trx, roundId);
    if (pending.length > 0 && !options.allowPending) {
      const total = pending.length + (await countIncluded(trx, roundId));
      throw new ProgrammingError(
        'units_pending',
        `${pending.length} of ${total} units have no approved programme yet: ${pending
          .map((unit) => `${unit.code} (${unit.status})`)
          .join(', ')}; confirm to consolidate without them`,
        { pending },
      );
    }
    // One statement moves them all and records an event for each (200 units at once).
    await sql`
      with moved as (
        update programme set status = 'consolidated', version = version + 1,
          updated_at = now(), updated_by = ${actor.label}
        where round_id = ${roundId} and status = 'approved'
        returning id, version)
      insert into programme_event (programme_id, version, action, from_status, to_status, note,
        lines, actor)
      select id, version, 'consolidate', 'approved', 'consolidated', null, '[]'::jsonb,
        ${actor.label}
      from moved`.execute(trx);
    await freezeTotals(trx, roundId);
    const remaining = await trx
      .selectFrom('programme')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('round_id', '=', roundId)
      .where('status', '!=', 'consolidated')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('programming_round')
      .set({ consolidated_at: sql`now()`, status: remaining.n === 0 ? 'consolidated' : 'open' })
      .where('id', '=', roundId)
      .execute();
    await recordAudit(trx, actor, {
      action: 'round.consolidate',
      entity: 'programming_round',
      entityId: String(roundId),
      after: { programmes: approved.map((p) => p.id), remaining: remaining.n },
    });
    return { consolidated: approved.length, pending };
  });
}

export interface PendingUnit {
  readonly code: string;
  readonly name: string;
  readonly status: ProgrammeStatus;
}

/** The units of a round whose programme is neither approved nor consolidated, numerically. */
export async function pendingUnits(db: Kysely<Database>, roundId: number): Promise<PendingUnit[]> {
  return db
    .selectFrom('programme as p')
    .innerJoin('executing_unit as u', 'u.code', 'p.executing_unit_code')
    .select(['u.code', 'u.name', 'p.status'])
    .where('p.round_id', '=', roundId)
    .where('p.status', 'not in', INCLUDED)
    .orderBy(sql`u.code::int`)
    .execute();
}

async function countIncluded(db: Kysely<Database>, roundId: number): Promise<number> {
  const row = await db
    .selectFrom('programme')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('round_id', '=', roundId)
    .where('status', 'in', INCLUDED)
    .executeTakeFirstOrThrow();
  return row.n;
}

async function freezeTotals(trx: Kysely<Database>, roundId: number): Promise<void> {
  await trx.deleteFrom('round_consolidation').where('round_id', '=', roundId).execute();
  await sql`
    insert into round_consolidation (round_id, resource_code, units, quantity, packs, cost)
    select p.round_id, l.resource_code, count(distinct p.id),
           sum(coalesce(l.unit_quantity, l.prefill_quantity)),
           sum(ceil(coalesce(l.unit_quantity, l.prefill_quantity) / l.pack_size)),
           sum(coalesce(l.unit_quantity, l.prefill_quantity) * l.unit_price)
    from programme_line l join programme p on p.id = l.programme_id
    where p.round_id = ${roundId} and p.status = 'consolidated'
    group by p.round_id, l.resource_code`.execute(trx);
}
