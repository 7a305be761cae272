import {
  addMonths,
  computeProgrammingLine,
  type ForecastMethod,
  type ProgrammingLineResult,
  type ProgrammeStatus,
  type ProgrammingParameters,
} from '@yawar/core';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { ProgrammingError } from './errors.js';
import type { UnitSeries } from './history-series.js';

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
  /** Programmes of the round (or of the units asked for) left as they were. */
  readonly skipped: number;
  /**
   * Why, by the status that kept each one out: only draft and returned programmes are the unit's
   * to change, so submitted, in_review, approved and consolidated ones keep their quantities.
   * A programme submitted while the computation ran counts under its new status.
   */
  readonly skippedByStatus: Readonly<Partial<Record<ProgrammeStatus, number>>>;
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
  interventionDemand: number | null = null,
  explain = true,
): ProgrammingLineResult {
  return computeProgrammingLine({
    explain,
    product: resource,
    history: series.byResource.get(resource.code) ?? [],
    parameters: round.parameters,
    method,
    interventionDemand,
    horizonStart: round.horizonStart,
  });
}

/**
 * What a line stores of its computation: the figures and the codes of its warnings, not the
 * formula text — the sheet recomputes that from the history on every read.
 */
export function storedComputation(result: ProgrammingLineResult) {
  return {
    computed_method: result.method,
    cpma: result.cpma,
    demand: result.demand,
    safety_stock: result.safetyStock,
    stock_available: result.stockAvailable,
    in_transit: result.inTransit,
    net_requirement: result.netRequirement,
    notices: result.notices.map((n) => n.code).join(','),
  };
}
