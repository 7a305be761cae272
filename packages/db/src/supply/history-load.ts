import {
  summariseIssues,
  type ImportIssue,
  type IssueLog,
  type IssueSummary,
  type SupplyHistoryRow,
} from '@yawar/core';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/audit-trail.js';
import type { Database } from '../schema.js';
import { refreshSupplySeries } from '../programming/history-series.js';

/** The file's refusal: its first errors (`errors`), and every error counted (`summary`). */
export class SupplyHistoryImportError extends Error {
  constructor(
    readonly errors: readonly ImportIssue[],
    readonly summary: IssueSummary = summariseIssues(errors),
  ) {
    super(`the supply history file has ${summary.total} error(s); nothing was imported`);
    this.name = 'SupplyHistoryImportError';
  }

  static of(log: IssueLog): SupplyHistoryImportError {
    return new SupplyHistoryImportError(log.errors, log.summary());
  }
}

export interface SupplyHistoryLoadOptions {
  readonly fileName: string;
  readonly origin: 'import' | 'simulated';
  readonly actor: Actor;
  /** Called as rows are written: done of total. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface SupplyHistoryLoadReport {
  readonly batchId: number;
  readonly rows: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Establishments, products and months the file covered. */
  readonly establishments: number;
  readonly warehouses: number;
  readonly products: number;
  readonly from: string | null;
  readonly to: string | null;
}

/** Rows per statement: one json parameter each, so PGlite parses one statement, not 5,000 rows of SQL. */
const CHUNK = 5000;

/** The foreign keys of supply_history, checked once per load when the per-row checks are off. */
const REFERENCES = [
  { column: 'executing_unit_code', table: 'executing_unit', key: 'code' },
  { column: 'establishment_code', table: 'establishment', key: 'code' },
  { column: 'resource_code', table: 'strategic_resource', key: 'code' },
] as const;

/**
 * Writes validated rows in one transaction: a supply_batch row, then an upsert on (unit,
 * establishment, product, month) that inserts new months, overwrites changed ones and leaves
 * identical ones untouched — re-importing the same file changes no history row — and an audit
 * event. A row keeps the batch that last changed it.
 */
export async function loadSupplyHistory(
  db: Kysely<Database>,
  rows: readonly SupplyHistoryRow[],
  options: SupplyHistoryLoadOptions,
): Promise<SupplyHistoryLoadReport> {
  return db.transaction().execute(async (trx) => {
    const batch = await trx
      .insertInto('supply_batch')
      .values({
        file_name: options.fileName,
        origin: options.origin,
        rows: rows.length,
        actor: options.actor.label,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // One load at a time (readers go on): the row counts below then tell inserts from updates.
    await sql`lock table supply_history in share row exclusive mode`.execute(trx);
    const before = await countRows(trx);
    const setBased = await perRowChecksOff(trx);
    let written = 0;
    try {
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = rows.slice(i, i + CHUNK);
        written += await upsertChunk(trx, chunk, batch.id, options.origin === 'simulated');
        options.onProgress?.(Math.min(rows.length, i + CHUNK), rows.length);
      }
    } catch (error) {
      throw danglingReference(error) ?? error;
    }
    if (setBased) await checkReferences(trx, batch.id);
    // The programming reads units' monthly series, not the rows: rebuild those this load touched.
    await refreshSupplySeries(trx, [...new Set(rows.map((r) => r.executingUnitCode))]);
    const inserted = (await countRows(trx)) - before;
    const counts = { inserted, updated: written - inserted, unchanged: rows.length - written };
    const months = rows.map((r) => r.month).sort();
    const report: SupplyHistoryLoadReport = {
      batchId: batch.id,
      rows: rows.length,
      ...counts,
      establishments: new Set(rows.flatMap((r) => r.establishmentCode ?? [])).size,
      warehouses: new Set(
        rows.filter((r) => r.establishmentCode === null).map((r) => r.executingUnitCode),
      ).size,
      products: new Set(rows.map((r) => r.resourceCode)).size,
      from: months[0] ?? null,
      to: months.at(-1) ?? null,
    };
    await recordAudit(trx, options.actor, {
      action: 'supply_history.import',
      entity: 'supply_batch',
      entityId: String(batch.id),
      after: { file: options.fileName, origin: options.origin, ...report },
    });
    return report;
  });
}

async function upsertChunk(
  trx: Transaction<Database>,
  rows: readonly SupplyHistoryRow[],
  batchId: number,
  simulated: boolean,
): Promise<number> {
  const json = JSON.stringify(
    rows.map((r) => ({
      u: r.executingUnitCode,
      e: r.establishmentCode,
      p: r.resourceCode,
      m: `${r.month}-01`,
      c: r.consumption,
      s: r.stockEnd,
      d: r.stockoutDays,
      l: r.losses,
      t: r.inTransit,
    })),
  );
  // The comparison leaves batch_id out: an unchanged row keeps the batch that wrote it. No
  // RETURNING: on PGlite it costs a third of the time; the affected count is enough.
  const result = await sql`
    insert into supply_history as h (executing_unit_code, establishment_code, resource_code, month,
      consumption, stock_end, stockout_days, losses, in_transit, batch_id, simulated)
    select r.u, r.e, r.p, r.m, r.c, r.s, r.d, r.l, r.t, ${batchId}::int, ${simulated}::boolean
    from json_to_recordset(${json}::json)
      as r(u text, e text, p text, m date, c float8, s float8, d smallint, l float8, t float8)
    on conflict (executing_unit_code, establishment_code, resource_code, month) do update set
      consumption = excluded.consumption, stock_end = excluded.stock_end,
      stockout_days = excluded.stockout_days, losses = excluded.losses,
      in_transit = excluded.in_transit, batch_id = excluded.batch_id, simulated = excluded.simulated
    where (h.consumption, h.stock_end, h.stockout_days, h.losses, h.in_transit, h.simulated)
      is distinct from (excluded.consumption, excluded.stock_end, excluded.stockout_days,
        excluded.losses, excluded.in_transit, excluded.simulated)`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

async function countRows(trx: Transaction<Database>): Promise<number> {
  const row = await trx
    .selectFrom('supply_history')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * PostgreSQL checks a foreign key with one locked lookup per row and key: on PGlite that is two
 * thirds of the time of a 66,000-row load. Where the session may (a superuser, as PGlite's always
 * is), the per-row checks are switched off for this transaction only and `checkReferences` does
 * the same check once, as three anti-joins, before the transaction commits; elsewhere the per-row
 * checks stay on. Either way a row naming a missing unit, establishment or product is never kept.
 */
async function perRowChecksOff(trx: Transaction<Database>): Promise<boolean> {
  await sql`savepoint bulk_checks`.execute(trx);
  try {
    await sql`set local session_replication_role = replica`.execute(trx);
    await sql`release savepoint bulk_checks`.execute(trx);
    return true;
  } catch {
    await sql`rollback to savepoint bulk_checks`.execute(trx);
    return false;
  }
}

/**
 * Where the role may not defer foreign keys, PostgreSQL checks them row by row and stops at the
 * first: said the same way as checkReferences says it, with the value that is missing.
 */
function danglingReference(error: unknown): Error | null {
  const e = error as { code?: string; detail?: string };
  if (e.code !== '23503' || !e.detail) return null;
  const match = /Key \((\w+)\)=\(([^)]*)\) is not present in table "(\w+)"/.exec(e.detail);
  return match
    ? new Error(`supply_history.${match[1]} names ${match[2]}, not in ${match[3]}`)
    : new Error(`supply_history names a row not in the database: ${e.detail}`);
}

async function checkReferences(trx: Transaction<Database>, batchId: number): Promise<void> {
  await sql`set local session_replication_role = origin`.execute(trx);
  for (const ref of REFERENCES) {
    const missing = await sql<{ value: string }>`
      select distinct h.${sql.ref(ref.column)} as value from supply_history h
      where h.batch_id = ${batchId} and h.${sql.ref(ref.column)} is not null
        and not exists (select 1 from ${sql.table(ref.table)} r
                        where r.${sql.ref(ref.key)} = h.${sql.ref(ref.column)})
      limit 5`.execute(trx);
    if (missing.rows.length > 0) {
      throw new Error(
        `supply_history.${ref.column} names ${missing.rows.map((r) => r.value).join(', ')}, not in ${ref.table}`,
      );
    }
  }
}
