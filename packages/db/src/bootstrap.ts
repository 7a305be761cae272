import { seedAccounts, type AccountSeed } from './accounts/seed.js';
import { systemActor } from './audit/actor.js';
import { connect, type Connection } from './connect.js';
import type { DatabaseConfig } from './config.js';
import { migrateToLatest } from './migrate.js';
import { CAJAMARCA_DIR } from './paths.js';
import { importReference, type ReferenceImportResult } from './reference/import-reference.js';

export interface PreparedDatabase extends Connection {
  /** The reference import done because the database was empty, if any. */
  readonly seeded: ReferenceImportResult | null;
  /** Accounts created because there were none (the admin password is to be printed once). */
  readonly accounts: AccountSeed;
}

/**
 * What `npm start` and every CLI command do first: connect, migrate, and on an empty database load
 * the Cajamarca reference data, so any entry point finds the same ready database.
 */
export async function openPreparedDatabase(
  config: DatabaseConfig,
  referenceDir = CAJAMARCA_DIR,
): Promise<PreparedDatabase> {
  const connection = connect(config);
  try {
    await migrateToLatest(connection.db);
    const existing = await connection.db
      .selectFrom('department')
      .select('ubigeo')
      .limit(1)
      .executeTakeFirst();
    const seeded = existing
      ? null
      : await importReference(connection.db, { dir: referenceDir }, systemActor('first-run'));
    const accounts = await seedAccounts(connection.db);
    return { ...connection, seeded, accounts };
  } catch (error) {
    await connection.close();
    throw error;
  }
}
