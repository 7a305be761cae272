import { SIMULATED_BASE_MONTHLY, simulateSupplyHistory } from '@yawar/core';
import type { Kysely } from 'kysely';
import { systemActor } from '../audit/actor.js';
import type { Database } from '../schema.js';
import { loadSupplyHistory, type SupplyHistoryLoadReport } from './history-load.js';

export interface SimulatedSupplyOptions {
  readonly department: string;
  readonly seed: number;
  /** First and last month, `YYYY-MM`. */
  readonly from: string;
  readonly to: string;
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * The demo history: Cajamarca, 36 months to October 2026, every establishment with an executing
 * unit in RENAES (829) and the warehouse of every unit (10), all nine catalogue products — about
 * 272,000 rows. Fixed seed: the same every time.
 */
export const DEMO_SUPPLY_HISTORY = Object.freeze({
  department: '06',
  seed: 2026,
  from: '2023-11',
  to: '2026-10',
});

/** Assumed consumption for a product the simulation table does not know (a catalogue addition). */
const FALLBACK_BASE_MONTHLY = 10;

/**
 * Loads SIMULATED history (batch origin 'simulated', every row `simulated`) for the department's
 * establishments that have an executing unit on record, and the warehouses of its units.
 */
export async function loadSimulatedSupplyHistory(
  db: Kysely<Database>,
  options: SimulatedSupplyOptions,
): Promise<SupplyHistoryLoadReport> {
  const establishments = await db
    .selectFrom('establishment')
    .select(['code', 'category', 'executing_unit_code'])
    .where('in_registry', '=', true)
    .where('district_ubigeo', 'like', `${options.department}%`)
    .where('executing_unit_code', 'is not', null)
    .orderBy('code')
    .execute();
  const units = await db
    .selectFrom('executing_unit')
    .select('code')
    .where('department_ubigeo', '=', options.department)
    .orderBy('code')
    .execute();
  const products = await db
    .selectFrom('strategic_resource')
    .select('code')
    .where('active', '=', true)
    .orderBy('code')
    .execute();
  const rows = simulateSupplyHistory({
    seed: options.seed,
    establishments: establishments.map((e) => ({
      code: e.code,
      executingUnitCode: e.executing_unit_code ?? '',
      category: e.category,
    })),
    executingUnits: units.map((u) => u.code),
    products: products.map((p) => ({
      code: p.code,
      baseMonthly: SIMULATED_BASE_MONTHLY[p.code] ?? FALLBACK_BASE_MONTHLY,
    })),
    from: options.from,
    to: options.to,
  });
  return loadSupplyHistory(db, rows, {
    fileName: `SIMULATED demo supply history (seed ${options.seed})`,
    origin: 'simulated',
    actor: systemActor('demo-data'),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
}

/** First-run demo seed: simulated history when demo data is on and the history is empty. */
export async function seedDemoSupplyHistory(
  db: Kysely<Database>,
): Promise<SupplyHistoryLoadReport | null> {
  const any = await db.selectFrom('supply_history').select('id').limit(1).executeTakeFirst();
  return any ? null : loadSimulatedSupplyHistory(db, DEMO_SUPPLY_HISTORY);
}
