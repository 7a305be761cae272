import { sql, type Kysely } from 'kysely';

/**
 * Issue 10, finding 6 (docs/methods/security.md, "Threats considered"): a screening load no longer
 * writes its file in one long transaction, which on the embedded database held its one session, so
 * every other request (login, pages, job polls) waited for the whole import. The load now commits
 * in short steps, and its batch stays `loading`, so readers skip its rows, until one last short
 * transaction marks it `complete`. A load that fails, or whose process died (no heartbeat for a
 * while), is removed with the children it created (`child.created_by_batch`).
 * Batches written before this migration were whole when committed: they are `complete`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('screening_batch')
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .defaultTo('complete')
        .check(sql`state in ('loading', 'complete')`),
    )
    .execute();
  // Set while loading, so a load whose process died is recognised as abandoned.
  await db.schema.alterTable('screening_batch').addColumn('heartbeat_at', 'timestamptz').execute();
  // One load at a time, on any number of processes: a second load waits for this row to go.
  await db.schema
    .createIndex('screening_batch_one_loading')
    .on('screening_batch')
    .expression(sql`(state)`)
    .unique()
    .where(sql.ref('state'), '=', 'loading')
    .execute();
  await db.schema
    .alterTable('child')
    .addColumn('created_by_batch', 'integer', (c) => c.references('screening_batch.id'))
    .execute();
  await db.schema
    .createIndex('child_created_by_batch_idx')
    .on('child')
    .column('created_by_batch')
    .execute();
  // Removing an abandoned load deletes its screenings by batch.
  await db.schema.createIndex('screening_batch_idx').on('screening').column('batch_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('screening_batch_idx').execute();
  await db.schema.dropIndex('child_created_by_batch_idx').execute();
  await db.schema.alterTable('child').dropColumn('created_by_batch').execute();
  await db.schema.dropIndex('screening_batch_one_loading').execute();
  await db.schema.alterTable('screening_batch').dropColumn('heartbeat_at').execute();
  await db.schema.alterTable('screening_batch').dropColumn('state').execute();
}
