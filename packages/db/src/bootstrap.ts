import { seedAccounts, type AccountSeed } from './accounts/seed.js';
import { systemActor } from './audit/actor.js';
import { connect, type Connection } from './connect.js';
import type { DatabaseConfig } from './config.js';
import { migrateToLatest } from './migrate.js';
import { CAJAMARCA_DIR } from './paths.js';
import { importReference, type ReferenceImportResult } from './reference/import-reference.js';
import type { ScreeningLoadReport } from './screening/load.js';
import { ABANDONED_AFTER_SECONDS, removeAbandonedLoads } from './screening/load-state.js';
import { loadSimulatedScreenings } from './screening/simulated.js';
import type { ComputeReport } from './programming/compute.js';
import { seedDemoRound } from './programming/demo-round.js';
import { loadCatalogue, readCatalogueFile } from './supply/catalogue.js';
import type { SupplyHistoryLoadReport } from './supply/history-load.js';
import { seedDemoSupplyHistory } from './supply/history-simulated.js';

export interface PreparedDatabase extends Connection {
  /** The reference import done because the database was empty, if any. */
  readonly seeded: ReferenceImportResult | null;
  /** Accounts created because there were none (the admin password is to be printed once). */
  readonly accounts: AccountSeed;
  /** SIMULATED screening records loaded because there were none and demo data is on. */
  readonly demoScreenings: ScreeningLoadReport | null;
  /** SIMULATED consumption and stock history loaded because there was none and demo data is on. */
  readonly demoSupplyHistory: SupplyHistoryLoadReport | null;
  /** The demo programming round opened and computed because there was no round. */
  readonly demoRound: ComputeReport | null;
}

export interface PrepareOptions {
  readonly referenceDir?: string;
  /** Load simulated screening records into an empty screening table (YAWAR_DEMO_DATA, default on). */
  readonly demoData?: boolean;
}

/** The demo data set: Cajamarca, 2024–2025, about 26,000 simulated tests. Fixed seed: same every time. */
export const DEMO_SCREENINGS = Object.freeze({
  department: '06',
  children: 20_000,
  seed: 2026,
  from: '2024-01-01',
  to: '2025-12-31',
});

export function demoDataFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env['YAWAR_DEMO_DATA']?.trim().toLowerCase();
  return !value || !['0', 'off', 'false', 'no'].includes(value);
}

/**
 * What `npm start` and every CLI command do first: connect, migrate, and on an empty database load
 * the Cajamarca reference data, so any entry point finds the same ready database.
 */
export async function openPreparedDatabase(
  config: DatabaseConfig,
  options: PrepareOptions = {},
): Promise<PreparedDatabase> {
  const connection = connect(config);
  try {
    await migrateToLatest(connection.db);
    // A screening load cut off by a stop or crash is removed. The embedded database has no other
    // process, so every load still marked loading is dead; on PostgreSQL, only those whose
    // heartbeat stopped (another process may be loading now).
    await removeAbandonedLoads(
      connection.db,
      connection.engine === 'pglite' ? 0 : ABANDONED_AFTER_SECONDS,
    );
    const existing = await connection.db
      .selectFrom('department')
      .select('ubigeo')
      .limit(1)
      .executeTakeFirst();
    const seeded = existing
      ? null
      : await importReference(
          connection.db,
          { dir: options.referenceDir ?? CAJAMARCA_DIR },
          systemActor('first-run'),
        );
    await loadCatalogue(connection.db, systemActor('first-run'), readCatalogueFile());
    const accounts = await seedAccounts(connection.db);
    const demoScreenings = options.demoData ? await seedDemoScreenings(connection) : null;
    const demoSupplyHistory = options.demoData ? await seedDemoSupplyHistory(connection.db) : null;
    // After the history: the demo round is computed from it.
    const demoRound = options.demoData ? await seedDemoRound(connection.db) : null;
    return { ...connection, seeded, accounts, demoScreenings, demoSupplyHistory, demoRound };
  } catch (error) {
    await connection.close();
    throw error;
  }
}

async function seedDemoScreenings(connection: Connection): Promise<ScreeningLoadReport | null> {
  const any = await connection.db.selectFrom('screening').select('id').limit(1).executeTakeFirst();
  return any ? null : loadSimulatedScreenings(connection.db, DEMO_SCREENINGS);
}
