import {
  addMonths,
  computeProgrammingLine,
  isForecastMethod,
  type ForecastMethod,
  type ProgrammingLineResult,
  type ProgrammingParameters,
} from '@yawar/core';
import { sql, type Kysely } from 'kysely';
import { recordAudit } from '../audit/audit-trail.js';
import type { Actor } from '../audit/actor.js';
import type { Database } from '../schema.js';
import { jsonb } from '../upsert.js';
import { ProgrammingError } from './errors.js';
import { loadUnitSeries, type UnitSeries } from './history-series.js';

/** Months of history read for a line: Holt-Winters needs two seasons, QAT shows three years. */
export const HISTORY_MONTHS_READ = 36;

export interface RoundContext {
  readonly id: number;
  readonly parameters: ProgrammingParameters;
  readonly horizonStart: string;
  readonly historyEnd: string;
}

export interface ResourceFacts {
  readonly code: string;
  readonly packSize: number;
  readonly unitPrice: number | null;
}

export interface ComputeProgress {
  (done: number, total: number): void;
}

export interface ComputeReport {
  readonly programmes: number;
  readonly lines: number;
  readonly skipped: number;
}

export async function roundContext(db: Kysely<Database>, roundId: number): Promise<RoundContext> {
  const row = await db
    .selectFrom('programming_round')
    .select([
      'id',
      'parameters',
      sql<string>`to_char(horizon_start, 'YYYY-MM')`.as('horizonStart'),
      sql<string>`to_char(history_end, 'YYYY-MM')`.as('historyEnd'),
    ])
    .where('id', '=', roundId)
    .executeTakeFirst();
  if (!row) throw new ProgrammingError('not_found', `round ${roundId} was not found`);
  return { ...row, parameters: row.parameters as ProgrammingParameters };
}

export function historyWindow(round: RoundContext): { from: string; to: string } {
  const months = Math.max(HISTORY_MONTHS_READ, round.parameters.historyWindowMonths);
  return { from: addMonths(round.historyEnd, -(months - 1)), to: round.historyEnd };
}

export async function activeResources(db: Kysely<Database>): Promise<ResourceFacts[]> {
  return db
    .selectFrom('strategic_resource')
    .select(['code', 'pack_size as packSize', 'unit_price as unitPrice'])
    .where('active', '=', true)
    .orderBy('code')
    .execute();
}

/** One line computed from a unit's series: the same call prefills, recomputes and explains. */
export function computeLine(
  round: RoundContext,
  resource: ResourceFacts,
  series: UnitSeries,
  method: ForecastMethod,
): ProgrammingLineResult {
  return computeProgrammingLine({
    product: resource,
    history: series.byResource.get(resource.code) ?? [],
    parameters: round.parameters,
    method,
    interventionDemand: null,
    horizonStart: round.horizonStart,
  });
}

/** What a line stores of its computation: the figures, not the steps (recomputed on read). */
export function storedComputation(result: ProgrammingLineResult) {
  return {
    method: result.method,
    cpma: result.cpma,
    demand: result.demand,
    safetyStock: result.safetyStock,
    stockAvailable: result.stockAvailable,
    inTransit: result.inTransit,
    netRequirement: result.netRequirement,
    packs: result.packs,
    quantity: result.quantity,
    cost: result.cost,
    warnings: result.warnings,
  };
}

/**
 * Prefills (or refreshes) the lines of every programme of the round the unit may still change
 * (draft or returned), one unit per transaction. A line keeps the unit's own quantity,
 * justification and method; only the system's prefill and computation are replaced, and the
 * programme's version moves on so an open sheet notices.
 */
export async function computeRound(
  db: Kysely<Database>,
  actor: Actor,
  roundId: number,
  options: { readonly unitCodes?: readonly string[]; readonly progress?: ComputeProgress } = {},
): Promise<ComputeReport> {
  const round = await roundContext(db, roundId);
  const resources = await activeResources(db);
  let query = db
    .selectFrom('programme')
    .select(['id', 'executing_unit_code as unit', 'status'])
    .where('round_id', '=', roundId)
    .orderBy('executing_unit_code');
  if (options.unitCodes)
    query = query.where(
      'executing_unit_code',
      'in',
      options.unitCodes.length ? options.unitCodes : [''],
    );
  const programmes = await query.execute();
  const window = historyWindow(round);
  let lines = 0;
  let skipped = 0;
  for (const [index, programme] of programmes.entries()) {
    if (programme.status !== 'draft' && programme.status !== 'returned') skipped++;
    else {
      const series = await loadUnitSeries(db, programme.unit, window.from, window.to);
      lines += await computeProgramme(db, actor, round, programme.id, resources, series);
    }
    options.progress?.(index + 1, programmes.length);
  }
  return { programmes: programmes.length - skipped, lines, skipped };
}

async function computeProgramme(
  db: Kysely<Database>,
  actor: Actor,
  round: RoundContext,
  programmeId: number,
  resources: readonly ResourceFacts[],
  series: UnitSeries,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('programme_line')
      .select(['resource_code', 'method'])
      .where('programme_id', '=', programmeId)
      .execute();
    const methods = new Map(existing.map((l) => [l.resource_code, l.method]));
    const rows = resources.map((resource) => {
      const chosen = methods.get(resource.code);
      const method = chosen && isForecastMethod(chosen) ? chosen : round.parameters.defaultMethod;
      const result = computeLine(round, resource, series, method);
      return {
        programme_id: programmeId,
        resource_code: resource.code,
        method,
        prefill_quantity: result.quantity,
        computation: jsonb(storedComputation(result)),
        unit_price: resource.unitPrice,
        pack_size: resource.packSize,
      };
    });
    for (let start = 0; start < rows.length; start += 500) {
      await trx
        .insertInto('programme_line')
        .values(rows.slice(start, start + 500) as never)
        .onConflict((oc) =>
          oc.columns(['programme_id', 'resource_code']).doUpdateSet((eb) => ({
            prefill_quantity: eb.ref('excluded.prefill_quantity'),
            computation: eb.ref('excluded.computation'),
            unit_price: eb.ref('excluded.unit_price'),
            pack_size: eb.ref('excluded.pack_size'),
            updated_at: sql`now()`,
          })),
        )
        .execute();
    }
    await trx
      .updateTable('programme')
      .set({
        version: sql`version + 1`,
        computed_at: sql`now()`,
        updated_at: sql`now()`,
        updated_by: actor.label,
      })
      .where('id', '=', programmeId)
      .execute();
    await recordAudit(trx, actor, {
      action: 'programme.compute',
      entity: 'programme',
      entityId: String(programmeId),
      after: { lines: rows.length, simulatedHistory: series.simulated },
    });
    return rows.length;
  });
}
