import {
  parameterProblems,
  PROGRAMME_STATUSES,
  type ProgrammeStatus,
  type ProgrammingParameters,
} from '@yawar/core';
import { sql, type Kysely } from 'kysely';
import { recordAudit } from '../audit/audit-trail.js';
import type { Actor } from '../audit/actor.js';
import type { Database } from '../schema.js';
import { jsonb } from '../upsert.js';
import { ProgrammingError } from './errors.js';

export interface NewRound {
  readonly name: string;
  readonly fiscalYear: number;
  readonly opensOn: string;
  readonly closesOn: string;
  /** YYYY-MM: first month the programmed quantities cover. */
  readonly horizonStart: string;
  /** YYYY-MM: last month of consumption history the computation uses. */
  readonly historyEnd: string;
  readonly regionalReview: boolean;
  readonly parameters: ProgrammingParameters;
}

export interface RoundSummary extends NewRound {
  readonly id: number;
  readonly status: 'open' | 'consolidated';
  readonly consolidatedAt: string | null;
  readonly counts: Record<ProgrammeStatus, number>;
}

const monthStart = (month: string) => `${month}-01`;

/**
 * Opens a round and gives every executing unit a draft programme (empty until computed). The
 * parameters are stored with the round: each line's computation says which ones it used.
 */
export async function createRound(
  db: Kysely<Database>,
  actor: Actor,
  round: NewRound,
  unitCodes?: readonly string[],
): Promise<number> {
  const problems = parameterProblems(round.parameters);
  if (round.closesOn < round.opensOn) problems.push('closesOn: must not be before opensOn');
  if (round.historyEnd >= round.horizonStart)
    problems.push('historyEnd: must be before horizonStart');
  if (problems.length > 0)
    throw new ProgrammingError('invalid_parameters', problems.join('; '), { problems });
  return db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom('programming_round')
      .select('id')
      .where('name', '=', round.name)
      .executeTakeFirst();
    if (taken) throw new ProgrammingError('round_name_taken', `a round "${round.name}" exists`);
    const { id } = await trx
      .insertInto('programming_round')
      .values({
        name: round.name,
        fiscal_year: round.fiscalYear,
        opens_on: round.opensOn,
        closes_on: round.closesOn,
        horizon_start: monthStart(round.horizonStart),
        history_end: monthStart(round.historyEnd),
        parameters: jsonb(round.parameters) as never,
        regional_review: round.regionalReview,
        status: 'open',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    let units = trx.selectFrom('executing_unit').select('code');
    if (unitCodes) units = units.where('code', 'in', unitCodes.length ? unitCodes : ['']);
    const codes = (await units.execute()).map((u) => u.code);
    if (codes.length > 0) {
      await trx
        .insertInto('programme')
        .values(
          codes.map((code) => ({
            round_id: id,
            executing_unit_code: code,
            status: 'draft' as const,
            updated_by: actor.label,
          })),
        )
        .execute();
    }
    await recordAudit(trx, actor, {
      action: 'round.create',
      entity: 'programming_round',
      entityId: String(id),
      after: { ...round, programmes: codes.length },
    });
    return id;
  });
}

/** Rounds, newest first, with the number of programmes per status among `unitCodes` (null: all). */
export async function listRounds(
  db: Kysely<Database>,
  unitCodes: readonly string[] | null,
): Promise<RoundSummary[]> {
  const rounds = await roundRows(db)
    .orderBy('r.fiscal_year', 'desc')
    .orderBy('r.id', 'desc')
    .execute();
  const counts = await statusCounts(db, null, unitCodes);
  return rounds.map((r) => toSummary(r, counts.get(r.id)));
}

export async function getRound(
  db: Kysely<Database>,
  id: number,
  unitCodes: readonly string[] | null,
): Promise<RoundSummary | null> {
  const row = await roundRows(db).where('r.id', '=', id).executeTakeFirst();
  if (!row) return null;
  const counts = await statusCounts(db, id, unitCodes);
  return toSummary(row, counts.get(id));
}

function roundRows(db: Kysely<Database>) {
  return db
    .selectFrom('programming_round as r')
    .select([
      'r.id',
      'r.name',
      'r.fiscal_year as fiscalYear',
      sql<string>`to_char(r.opens_on, 'YYYY-MM-DD')`.as('opensOn'),
      sql<string>`to_char(r.closes_on, 'YYYY-MM-DD')`.as('closesOn'),
      sql<string>`to_char(r.horizon_start, 'YYYY-MM')`.as('horizonStart'),
      sql<string>`to_char(r.history_end, 'YYYY-MM')`.as('historyEnd'),
      'r.regional_review as regionalReview',
      'r.parameters',
      'r.status',
      'r.consolidated_at as consolidatedAt',
    ]);
}

type RoundRow = Awaited<ReturnType<ReturnType<typeof roundRows>['executeTakeFirstOrThrow']>>;

function toSummary(
  row: RoundRow,
  counts: Record<ProgrammeStatus, number> | undefined,
): RoundSummary {
  return {
    ...row,
    parameters: row.parameters as ProgrammingParameters,
    consolidatedAt: row.consolidatedAt ? row.consolidatedAt.toISOString() : null,
    counts: counts ?? emptyCounts(),
  };
}

const emptyCounts = () =>
  Object.fromEntries(PROGRAMME_STATUSES.map((s) => [s, 0])) as Record<ProgrammeStatus, number>;

async function statusCounts(
  db: Kysely<Database>,
  roundId: number | null,
  unitCodes: readonly string[] | null,
): Promise<Map<number, Record<ProgrammeStatus, number>>> {
  let query = db
    .selectFrom('programme')
    .select(['round_id', 'status', sql<number>`count(*)::int`.as('n')])
    .groupBy(['round_id', 'status']);
  if (roundId !== null) query = query.where('round_id', '=', roundId);
  if (unitCodes)
    query = query.where('executing_unit_code', 'in', unitCodes.length ? unitCodes : ['']);
  const byRound = new Map<number, Record<ProgrammeStatus, number>>();
  for (const row of await query.execute()) {
    const counts = byRound.get(row.round_id) ?? emptyCounts();
    counts[row.status] = row.n;
    byRound.set(row.round_id, counts);
  }
  return byRound;
}
