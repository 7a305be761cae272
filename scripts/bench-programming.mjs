// Programming benchmark (issue #5): a national round of UNITS executing units × PRODUCTS products
// with 36 months of history each (default 200 × 500 = 100 000 lines, 3.6 M history rows),
// computed (prefill of every line from its history) and consolidated, on PGlite and, with
// DATABASE_URL, PostgreSQL. The target: computed in under 10 s and consolidated.
// Loading the synthetic history is set-up and is not timed. Figures, not pass/fail.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { DEFAULT_PROGRAMMING_PARAMETERS } from '@yawar/core';
import {
  computeRound,
  connect,
  consolidateRound,
  consolidatedProducts,
  createRound,
  importReference,
  CAJAMARCA_DIR,
  migrateToLatest,
  refreshSupplySeries,
  systemActor,
} from '@yawar/db';
import { createTestDatabase } from '@yawar/db/testing';
import { sql } from 'kysely';

const UNITS = Number(process.env.YAWAR_BENCH_UNITS ?? 200);
const PRODUCTS = Number(process.env.YAWAR_BENCH_PRODUCTS ?? 500);
const MONTHS = 36;
const TARGET_SECONDS = 10;
const actor = systemActor('bench');

/** Synthetic units, products and history, generated inside the database (fast on both engines). */
async function seed(db) {
  await importReference(db, { dir: CAJAMARCA_DIR }, actor);
  await sql`insert into executing_unit (code, name, parent_directorate, department_ubigeo, evidence)
    select (90000 + u)::text, 'UE de prueba ' || u, null, '06', 'benchmark'
    from generate_series(1, ${UNITS}) as u`.execute(db);
  await sql`insert into strategic_resource (code, name, form, dispensing_unit, pack_size,
      pack_description, unit_price, price_source, price_simulated, intervention, kind, source)
    select 'BENCH-' || lpad(p::text, 4, '0'), 'Producto ' || p, 'Tableta', 'tableta',
      (array[1, 10, 25, 100])[1 + p % 4], 'Caja', 0.1 + (p % 50) / 10.0, 'benchmark', true,
      'benchmark', 'medicine', 'benchmark'
    from generate_series(1, ${PRODUCTS}) as p`.execute(db);
  await sql`update strategic_resource set active = false where code not like 'BENCH-%'`.execute(db);
  const { id: batch } = await db
    .insertInto('supply_batch')
    .values({ file_name: 'bench', origin: 'simulated', rows: 0, actor: 'bench' })
    .returning('id')
    .executeTakeFirstOrThrow();
  // One unit at a time keeps each statement's memory small on the embedded engine.
  for (let u = 1; u <= UNITS; u++) {
    await sql`insert into supply_history (executing_unit_code, establishment_code, resource_code,
        month, consumption, stock_end, stockout_days, losses, in_transit, batch_id, simulated)
      select ${String(90000 + u)}, null, 'BENCH-' || lpad(p::text, 4, '0'),
        (date '2023-11-01' + (m || ' months')::interval)::date,
        round(50 + 40 * sin(m * 0.52 + p) + (p % 7) * m * 0.3 + ${u} % 13),
        round(120 + (p * 7 + m * 13 + ${u}) % 200), ((p + m + ${u}) % 17 = 0)::int * 3, 0,
        case when m = ${MONTHS - 1} then (p % 5) * 10 else 0 end, ${batch}, true
      from generate_series(1, ${PRODUCTS}) as p, generate_series(0, ${MONTHS - 1}) as m`.execute(
      db,
    );
  }
  await refreshSupplySeries(db, null);
}

async function measure(engine, config) {
  const connection = connect(config);
  const db = connection.db;
  try {
    await migrateToLatest(db);
    const seedStarted = performance.now();
    await seed(db);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const units = Array.from({ length: UNITS }, (_, i) => String(90001 + i));
    const started = performance.now();
    const roundId = await createRound(
      db,
      actor,
      {
        name: 'Benchmark',
        fiscalYear: 2027,
        opensOn: '2026-11-02',
        closesOn: '2026-12-18',
        horizonStart: '2027-01',
        historyEnd: '2026-10',
        regionalReview: false,
        parameters: DEFAULT_PROGRAMMING_PARAMETERS,
      },
      units,
    );
    const report = await computeRound(db, actor, roundId);
    const computeSeconds = (performance.now() - started) / 1000;
    await sql`update programme set status = 'approved' where round_id = ${roundId}`.execute(db);
    const consolidateStarted = performance.now();
    await consolidateRound(db, actor, roundId);
    const products = await consolidatedProducts(db, roundId, null);
    const consolidateSeconds = (performance.now() - consolidateStarted) / 1000;
    if (report.lines !== UNITS * PRODUCTS || products.length !== PRODUCTS)
      throw new Error(`expected ${UNITS * PRODUCTS} lines, got ${report.lines}`);
    const total = computeSeconds + consolidateSeconds;
    return [
      { measure: 'history set-up (not timed by the target)', engine, seconds: seedSeconds },
      {
        measure: `compute ${report.lines} lines (${UNITS} units × ${PRODUCTS} products × ${MONTHS} months)`,
        engine,
        seconds: computeSeconds,
      },
      {
        measure: 'consolidate (freeze totals + national view per product)',
        engine,
        seconds: consolidateSeconds,
      },
      {
        measure: `compute + consolidate vs ${TARGET_SECONDS} s target`,
        engine,
        seconds: total,
        ratio: (total / TARGET_SECONDS).toFixed(2),
      },
    ].map((r) => ({ ...r, seconds: Number(r.seconds.toFixed(2)) }));
  } finally {
    await connection.close();
  }
}

export async function benchProgramming() {
  const rows = await measure('pglite', { engine: 'pglite', url: null, dataDir: null });
  if (process.env.DATABASE_URL) {
    const testDb = await createTestDatabase({ ...process.env, YAWAR_TEST_ENGINE: 'postgres' });
    try {
      rows.push(...(await measure('postgres', testDb.config)));
    } finally {
      await testDb.drop();
    }
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table(await benchProgramming());
}
