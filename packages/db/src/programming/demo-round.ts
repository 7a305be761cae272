import { DEFAULT_PROGRAMMING_PARAMETERS } from '@yawar/core';
import type { Kysely } from 'kysely';
import { systemActor } from '../audit/actor.js';
import type { Database } from '../schema.js';
import type { ComputeReport } from './compute.js';
import { computeRound } from './compute-round.js';
import { createRound, type NewRound } from './rounds.js';

/**
 * The demo round opened on first start when demo data is on: the 2027 programming, computed from
 * the simulated history (whose last month is October 2026), with regional review, so every step
 * of the workflow can be tried. Its figures are as simulated as the history behind them.
 */
export const DEMO_ROUND: NewRound = Object.freeze({
  name: 'Programación 2027',
  fiscalYear: 2027,
  opensOn: '2026-11-02',
  closesOn: '2026-12-18',
  horizonStart: '2027-01',
  historyEnd: '2026-10',
  regionalReview: true,
  parameters: DEFAULT_PROGRAMMING_PARAMETERS,
});

export async function seedDemoRound(db: Kysely<Database>): Promise<ComputeReport | null> {
  const any = await db.selectFrom('programming_round').select('id').limit(1).executeTakeFirst();
  if (any) return null;
  const actor = systemActor('first-run');
  const id = await createRound(db, actor, DEMO_ROUND);
  return computeRound(db, actor, id);
}
