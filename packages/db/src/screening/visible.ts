import { sql, type RawBuilder } from 'kysely';

/**
 * The condition every reader of `screening` applies: the row belongs to a complete batch. A load
 * commits its rows in short steps while its batch is `loading` (migration 0008, load-state.ts), so
 * a file is seen whole or not at all, as when it was written in one transaction.
 * `alias` is how the query names the screening table (`s`, or `screening`).
 */
export function inCompleteBatch(alias: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(`${alias}.batch_id`)} not in (
    select id from screening_batch where state = 'loading')`;
}
