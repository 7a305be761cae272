import type { ProgrammeStatus } from '@yawar/core';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../audit/actor.js';
import type { Database } from '../schema.js';
import { ProgrammingError } from './errors.js';

export interface LockedProgramme {
  readonly id: number;
  readonly roundId: number;
  readonly unitCode: string;
  readonly status: ProgrammeStatus;
  readonly version: number;
  readonly regionalReview: boolean;
}

/**
 * Optimistic locking: every write names the version its author read. The row is locked first
 * (FOR UPDATE), so of two writers holding the same version the second waits for the first to
 * commit, then sees the new version and gets `version_conflict` instead of overwriting it.
 */
export async function lockProgramme(
  trx: Transaction<Database>,
  programmeId: number,
  expectedVersion: number,
): Promise<LockedProgramme> {
  const row = await trx
    .selectFrom('programme')
    .select(['id', 'round_id', 'executing_unit_code', 'status', 'version'])
    .where('id', '=', programmeId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new ProgrammingError('not_found', `programme ${programmeId} was not found`);
  if (row.version !== expectedVersion) {
    throw new ProgrammingError(
      'version_conflict',
      `programme ${programmeId} is at version ${row.version}, not ${expectedVersion}: someone saved first; reload it`,
      { currentVersion: row.version },
    );
  }
  const round = await trx
    .selectFrom('programming_round')
    .select('regional_review')
    .where('id', '=', row.round_id)
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    roundId: row.round_id,
    unitCode: row.executing_unit_code,
    status: row.status,
    version: row.version,
    regionalReview: round.regional_review,
  };
}

/** Moves the version on (and the status, when given): the write's commit point. */
export async function bumpVersion(
  trx: Kysely<Database>,
  programme: LockedProgramme,
  actor: Actor,
  status?: ProgrammeStatus,
): Promise<number> {
  const row = await trx
    .updateTable('programme')
    .set({
      version: sql`version + 1`,
      updated_at: sql`now()`,
      updated_by: actor.label,
      ...(status ? { status } : {}),
    })
    .where('id', '=', programme.id)
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}
