import { sql, type Kysely, type RawBuilder } from 'kysely';

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export type SqlValue = string | number | boolean | null | RawBuilder<unknown>;

/** A jsonb parameter that serialises the same way on PGlite and on node-postgres. */
export function jsonb(value: unknown): RawBuilder<unknown> {
  return sql`${value === null ? null : JSON.stringify(value)}::jsonb`;
}

const ROWS_PER_STATEMENT = 500;

/**
 * Inserts new rows and updates changed ones, leaving identical rows untouched, so re-importing the
 * same file writes nothing and reports it. `IS DISTINCT FROM` treats NULLs as values; `xmax = 0`
 * tells an inserted row from an updated one in PostgreSQL's RETURNING.
 */
export async function upsertRows(
  db: Kysely<any>, // eslint-disable-line @typescript-eslint/no-explicit-any -- the table is dynamic
  table: string,
  keys: readonly string[],
  rows: readonly Record<string, SqlValue>[],
): Promise<UpsertCounts> {
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
  const first = rows[0];
  if (!first) return counts;
  const columns = Object.keys(first);
  const updatable = columns.filter((column) => !keys.includes(column));
  const ref = (name: string) => sql.ref(name);
  const current = sql.join(updatable.map((c) => sql.ref(`${table}.${c}`)));
  const incoming = sql.join(updatable.map((c) => sql.ref(`excluded.${c}`)));
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    const values = sql.join(
      chunk.map((row) => sql`(${sql.join(columns.map((c) => row[c] ?? null))})`),
    );
    const onConflict =
      updatable.length === 0
        ? sql`do nothing`
        : sql`do update set ${sql.join(updatable.map((c) => sql`${ref(c)} = ${sql.ref(`excluded.${c}`)}`))}
              where (${current}) is distinct from (${incoming})`;
    const result = await sql<{ inserted: boolean }>`
      insert into ${sql.table(table)} (${sql.join(columns.map(ref))}) values ${values}
      on conflict (${sql.join(keys.map(ref))}) ${onConflict}
      returning (xmax = 0) as inserted`.execute(db);
    const inserted = result.rows.filter((row) => row.inserted).length;
    counts.inserted += inserted;
    counts.updated += result.rows.length - inserted;
    counts.unchanged += chunk.length - result.rows.length;
  }
  return counts;
}
