import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema.js';

/**
 * The life of a screening batch while a load writes it (migration 0008). A load commits in short
 * steps so that, on the embedded database's one session, other requests run between them; readers
 * skip a `loading` batch (visible.ts), so the file still appears whole or not at all.
 *
 *   claim    insert the batch as `loading`: one load at a time, on any number of processes
 *   step     each short transaction first renews the heartbeat, and stops if the load was taken
 *   publish  one short transaction marks the batch `complete` and records the audit entry
 *   remove   a failed load, or one whose heartbeat stopped, is deleted with the children it created
 */

/** A load whose heartbeat is older than this is taken to be dead and is removed. */
export const ABANDONED_AFTER_SECONDS = 120;
/** How long a second load waits before looking again whether the first has finished. */
const CLAIM_RETRY_MS = 200;
/** Rows per delete when a load is removed: short statements, as the load's own. */
const DELETE_CHUNK = 5000;

export interface BatchFields {
  readonly file_name: string;
  readonly origin: 'import' | 'simulated';
  readonly rows: number;
  readonly actor: string;
}

/** The load's batch was removed as abandoned while it ran: it stops, and nothing of it remains. */
export class LoadAbandonedError extends Error {
  constructor(readonly batchId: number) {
    super(`screening batch ${batchId} was removed as abandoned while it was loading`);
    this.name = 'LoadAbandonedError';
  }
}

/**
 * Inserts the batch as `loading`, waiting while another load holds the one `loading` slot (the
 * partial unique index `screening_batch_one_loading`). Waiting, rather than refusing, keeps the
 * old behaviour of two identical imports started together: the second sees the first's rows and
 * says "already imported". Before each try it removes loads whose process died.
 */
export async function claimLoad(db: Kysely<Database>, batch: BatchFields): Promise<number> {
  for (;;) {
    await removeAbandonedLoads(db, ABANDONED_AFTER_SECONDS);
    try {
      const row = await db
        .insertInto('screening_batch')
        .values({ ...batch, state: 'loading', heartbeat_at: sql<Date>`now()` })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    } catch (error) {
      if ((error as { code?: string }).code !== '23505') throw error;
      await new Promise((resolve) => setTimeout(resolve, CLAIM_RETRY_MS));
    }
  }
}

/**
 * Runs one short step of the load in its own transaction, after renewing the heartbeat. The
 * renewal locks the batch row, so a remover cannot take the load in the middle of a step; if a
 * remover took it before, the step writes nothing and the load stops.
 */
export async function loadStep<T>(
  db: Kysely<Database>,
  batchId: number,
  step: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await renewHeartbeat(trx, batchId);
    return step(trx);
  });
}

/** Marks the batch `complete` (readers see it from the commit on), with `audit` in the same step. */
export async function publishLoad(
  db: Kysely<Database>,
  batchId: number,
  audit: (trx: Transaction<Database>) => Promise<void>,
): Promise<void> {
  await loadStep(db, batchId, async (trx) => {
    await trx
      .updateTable('screening_batch')
      .set({ state: 'complete', heartbeat_at: null })
      .where('id', '=', batchId)
      .execute();
    await audit(trx);
  });
}

async function renewHeartbeat(trx: Transaction<Database>, batchId: number): Promise<void> {
  // A remover sets the heartbeat to -infinity when it takes a load (takeLoad below).
  const renewed = await trx
    .updateTable('screening_batch')
    .set({ heartbeat_at: sql<Date>`now()` })
    .where('id', '=', batchId)
    .where('state', '=', 'loading')
    .where('heartbeat_at', '>', sql<Date>`'-infinity'::timestamptz`)
    .returning('id')
    .executeTakeFirst();
  if (!renewed) throw new LoadAbandonedError(batchId);
}

/**
 * Removes loads whose heartbeat is older than `olderThanSeconds` (0: every load, as the embedded
 * server does when it starts, since no other process can be loading). Returns the batches removed.
 */
export async function removeAbandonedLoads(
  db: Kysely<Database>,
  olderThanSeconds: number,
): Promise<number[]> {
  const stale = await db
    .selectFrom('screening_batch')
    .select('id')
    .where('state', '=', 'loading')
    .where(staleFor(olderThanSeconds))
    .execute();
  const removed: number[] = [];
  for (const { id } of stale) {
    if (!(await takeLoad(db, id, olderThanSeconds))) continue;
    await removeLoad(db, id);
    removed.push(id);
  }
  return removed;
}

/**
 * Takes a stale load for removal in one statement: if its own step renewed the heartbeat
 * meanwhile, the condition fails and the load goes on; otherwise its next step finds the
 * heartbeat at -infinity and stops.
 */
async function takeLoad(db: Kysely<Database>, batchId: number, olderThanSeconds: number) {
  const taken = await db
    .updateTable('screening_batch')
    .set({ heartbeat_at: sql<Date>`'-infinity'::timestamptz` })
    .where('id', '=', batchId)
    .where('state', '=', 'loading')
    .where(staleFor(olderThanSeconds))
    .returning('id')
    .executeTakeFirst();
  return taken !== undefined;
}

function staleFor(olderThanSeconds: number) {
  return sql<boolean>`(heartbeat_at is null
    or heartbeat_at < now() - make_interval(secs => ${olderThanSeconds}::float8))`;
}

/**
 * Deletes a loading batch: its screenings, the children it created (none can have screenings of
 * another batch, since only one load runs at a time), then the batch. In short statements, like
 * the load; a remover that dies midway leaves a stale batch that the next one finishes.
 */
export async function removeLoad(db: Kysely<Database>, batchId: number): Promise<void> {
  await deleteInChunks(
    db,
    sql`delete from screening where id in (
      select id from screening where batch_id = ${batchId} limit ${DELETE_CHUNK})`,
  );
  await deleteInChunks(
    db,
    sql`delete from child where id in (
      select c.id from child c where c.created_by_batch = ${batchId}
        and not exists (select 1 from screening s where s.child_id = c.id)
      limit ${DELETE_CHUNK})`,
  );
  await db
    .deleteFrom('screening_batch')
    .where('id', '=', batchId)
    .where('state', '=', 'loading')
    .execute();
}

async function deleteInChunks(
  db: Kysely<Database>,
  statement: ReturnType<typeof sql>,
): Promise<void> {
  for (;;) {
    const result = await statement.execute(db);
    if (Number(result.numAffectedRows ?? 0) < DELETE_CHUNK) return;
  }
}
