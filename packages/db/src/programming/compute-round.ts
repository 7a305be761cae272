import {
  isForecastMethod,
  type ForecastMethod,
  type ProgrammeStatus,
  type ProgrammingLineResult,
} from '@yawar/core';
import { sql, type Kysely, type Transaction } from 'kysely';
import { recordAudit } from '../audit/audit-trail.js';
import type { Actor } from '../audit/actor.js';
import type { Database } from '../schema.js';
import {
  activeResources,
  computeLine,
  historyWindow,
  roundContext,
  storedComputation,
  type ComputeProgress,
  type ComputeReport,
  type ResourceFacts,
  type RoundContext,
} from './compute.js';
import { ProgrammingError } from './errors.js';
import { loadSeries } from './history-series.js';
import { unitIntervention } from './intervention.js';

/** Units computed together: one read of their series, one transaction for their lines. */
const UNITS_PER_BATCH = 20;

interface OpenProgramme {
  readonly id: number;
  readonly unit: string;
}

interface ComputedLine {
  readonly resource: ResourceFacts;
  readonly method: ForecastMethod;
  readonly result: ProgrammingLineResult;
}

/**
 * Prefills (or refreshes) the lines of every programme of the round the unit may still change
 * (draft or returned), by batches of units. A line keeps the unit's own quantity, justification
 * and method; only the system's prefill and computation are replaced, and each programme's
 * version moves on so an open sheet notices. A programme submitted meanwhile is left alone.
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
    .orderBy(sql`executing_unit_code::int`);
  if (options.unitCodes)
    query = query.where(
      'executing_unit_code',
      'in',
      options.unitCodes.length ? options.unitCodes : [''],
    );
  const programmes = await query.execute();
  const open = programmes.filter((p) => p.status === 'draft' || p.status === 'returned');
  let programmesDone = 0;
  let lines = 0;
  let done = 0;
  const computedIds = new Set<number>();
  const settle = async (writing: Promise<{ programmes: number; lines: number; ids: number[] }>) => {
    const written = await writing;
    programmesDone += written.programmes;
    for (const id of written.ids) computedIds.add(id);
    lines += written.lines;
    done = Math.min(done + UNITS_PER_BATCH, open.length);
    options.progress?.(done, open.length);
  };
  // Pipelined: while one batch is written, the next is read and computed. On PostgreSQL the
  // server writes while this process computes; the embedded engine simply runs them in turn.
  let writing: Promise<{ programmes: number; lines: number; ids: number[] }> | null = null;
  for (let start = 0; start < open.length; start += UNITS_PER_BATCH) {
    const prepared = await prepareBatch(
      db,
      round,
      open.slice(start, start + UNITS_PER_BATCH),
      resources,
    );
    if (writing) await settle(writing);
    writing = persistBatch(db, actor, prepared);
    // Awaited on the next turn or after the loop; a failure is not left unhandled meanwhile.
    writing.catch(() => undefined);
  }
  if (writing) await settle(writing);
  // Why the others were left alone: their status now (issue #10: "5 programmes" said nothing of
  // the 2 already submitted).
  const skippedIds = programmes.filter((p) => !computedIds.has(p.id)).map((p) => p.id);
  const skippedByStatus: Partial<Record<ProgrammeStatus, number>> = {};
  if (skippedIds.length > 0) {
    const statuses = await db
      .selectFrom('programme')
      .select('status')
      .where('id', 'in', skippedIds)
      .execute();
    for (const { status } of statuses) {
      skippedByStatus[status] = (skippedByStatus[status] ?? 0) + 1;
    }
  }
  return {
    programmes: programmesDone,
    lines,
    skipped: programmes.length - programmesDone,
    skippedByStatus,
  };
}

interface PreparedBatch {
  readonly batch: readonly OpenProgramme[];
  readonly computed: Map<number, ComputedLine[]>;
  readonly simulated: Map<string, boolean>;
}

/** Reads a batch's series and methods and computes its lines (no write). */
async function prepareBatch(
  db: Kysely<Database>,
  round: RoundContext,
  batch: readonly OpenProgramme[],
  resources: readonly ResourceFacts[],
): Promise<PreparedBatch> {
  const window = historyWindow(round);
  const series = await loadSeries(
    db,
    batch.map((p) => p.unit),
    window.from,
    window.to,
  );
  const methods = await chosenMethods(db, batch, round);
  const computed = new Map<number, ComputedLine[]>();
  for (const programme of batch) {
    const unitSeries = series.get(programme.unit) ?? { byResource: new Map(), simulated: false };
    const chosen = resources.map(
      (r) => methods.get(`${programme.id}/${r.code}`) ?? round.parameters.defaultMethod,
    );
    const tree = chosen.includes('intervention')
      ? await unitIntervention(db, round, programme.unit)
      : null;
    computed.set(
      programme.id,
      resources.map((resource, i) => {
        const method = chosen[i] as ForecastMethod;
        const demand = tree?.demand.get(resource.code) ?? null;
        return {
          resource,
          method,
          result: computeLine(round, resource, unitSeries, method, demand, false),
        };
      }),
    );
  }
  const simulated = new Map(batch.map((p) => [p.unit, series.get(p.unit)?.simulated ?? false]));
  return { batch, computed, simulated };
}

/** Writes a prepared batch in one transaction: lines, versions, audit. */
async function persistBatch(
  db: Kysely<Database>,
  actor: Actor,
  { batch, computed, simulated }: PreparedBatch,
): Promise<{ programmes: number; lines: number; ids: number[] }> {
  return db.transaction().execute(async (trx) => {
    // Still open? Lock them; one submitted since the batch was read keeps its prefill.
    const stillOpen = await trx
      .selectFrom('programme')
      .select('id')
      .where(
        'id',
        'in',
        batch.map((p) => p.id),
      )
      .where('status', 'in', ['draft', 'returned'])
      .forUpdate()
      .execute();
    const ids = stillOpen.map((p) => p.id);
    if (ids.length === 0) return { programmes: 0, lines: 0, ids };
    const bulk = await referenceChecksDeferred(trx);
    const rows = ids.flatMap((id) => (computed.get(id) ?? []).map((line) => ({ id, line })));
    await writeLines(trx, rows);
    const lines = rows.length;
    if (bulk) await checkLineReferences(trx, ids);
    await trx
      .updateTable('programme')
      .set({
        version: sql`version + 1`,
        computed_at: sql`now()`,
        updated_at: sql`now()`,
        updated_by: actor.label,
      })
      .where('id', 'in', ids)
      .execute();
    for (const programme of batch.filter((p) => ids.includes(p.id))) {
      await recordAudit(trx, actor, {
        action: 'programme.compute',
        entity: 'programme',
        entityId: String(programme.id),
        after: {
          lines: computed.get(programme.id)?.length ?? 0,
          simulatedHistory: simulated.get(programme.unit) ?? false,
        },
      });
    }
    return { programmes: ids.length, lines, ids };
  });
}

/** The method each existing line chose (a new line takes the round's default). */
async function chosenMethods(
  db: Kysely<Database>,
  batch: readonly OpenProgramme[],
  round: RoundContext,
): Promise<Map<string, ForecastMethod>> {
  const rows = await db
    .selectFrom('programme_line')
    .select(['programme_id', 'resource_code', 'method'])
    .where(
      'programme_id',
      'in',
      batch.map((p) => p.id),
    )
    .execute();
  const methods = new Map<string, ForecastMethod>();
  for (const row of rows)
    methods.set(
      `${row.programme_id}/${row.resource_code}`,
      isForecastMethod(row.method) ? row.method : round.parameters.defaultMethod,
    );
  return methods;
}

/**
 * Foreign keys are checked once for the batch instead of row by row (a large share of the write
 * time on the embedded engine): session_replication_role = replica skips the per-row triggers for
 * this transaction, where the role may set it; checkLineReferences then checks the batch.
 */
async function referenceChecksDeferred(trx: Transaction<Database>): Promise<boolean> {
  await sql`savepoint line_checks`.execute(trx);
  try {
    await sql`set local session_replication_role = replica`.execute(trx);
    await sql`release savepoint line_checks`.execute(trx);
    return true;
  } catch {
    await sql`rollback to savepoint line_checks`.execute(trx);
    return false;
  }
}

async function checkLineReferences(
  trx: Transaction<Database>,
  ids: readonly number[],
): Promise<void> {
  await sql`set local session_replication_role = origin`.execute(trx);
  const missing = await sql<{ code: string }>`
    select distinct l.resource_code as code from programme_line l
    where l.programme_id in (${sql.join(ids)})
      and not exists (select 1 from strategic_resource r where r.code = l.resource_code)
    limit 5`.execute(trx);
  if (missing.rows.length > 0)
    throw new ProgrammingError(
      'unknown_resource',
      `lines name resources not in the catalogue: ${missing.rows.map((r) => r.code).join(', ')}`,
    );
}

/**
 * One statement for the batch with the columns as arrays (unnest): on the embedded engine this
 * writes lines several times faster than VALUES lists with seven parameters a line.
 */
async function writeLines(
  trx: Kysely<Database>,
  rows: readonly { id: number; line: ComputedLine }[],
): Promise<void> {
  if (rows.length === 0) return;
  const lines = rows.map((r) => r.line);
  const figures = lines.map((l) => storedComputation(l.result));
  const column = <K extends keyof (typeof figures)[number]>(key: K) => figures.map((f) => f[key]);
  await sql`
    insert into programme_line (programme_id, resource_code, method, prefill_quantity,
      unit_price, pack_size, computed_method, cpma, demand, safety_stock, stock_available,
      in_transit, net_requirement, notices)
    select * from unnest(${rows.map((r) => r.id)}::int[],
                ${lines.map((l) => l.resource.code)}::text[],
                ${lines.map((l) => l.method)}::text[],
                ${lines.map((l) => l.result.quantity)}::float8[],
                ${lines.map((l) => l.resource.unitPrice)}::float8[],
                ${lines.map((l) => l.resource.packSize)}::int[],
                ${column('computed_method')}::text[],
                ${column('cpma')}::float8[],
                ${column('demand')}::float8[],
                ${column('safety_stock')}::float8[],
                ${column('stock_available')}::float8[],
                ${column('in_transit')}::float8[],
                ${column('net_requirement')}::float8[],
                ${column('notices')}::text[])
    on conflict (programme_id, resource_code) do update set
      prefill_quantity = excluded.prefill_quantity,
      unit_price = excluded.unit_price,
      pack_size = excluded.pack_size,
      computed_method = excluded.computed_method,
      cpma = excluded.cpma,
      demand = excluded.demand,
      safety_stock = excluded.safety_stock,
      stock_available = excluded.stock_available,
      in_transit = excluded.in_transit,
      net_requirement = excluded.net_requirement,
      notices = excluded.notices,
      updated_at = now()`.execute(trx);
}
