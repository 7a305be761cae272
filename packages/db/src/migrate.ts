import type { Kysely } from 'kysely';
import { Migrator, type MigrationResult } from 'kysely/migration';
import { migrationProvider } from './migrations/index.js';

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly results: readonly MigrationResult[],
  ) {
    super(message);
    this.name = 'MigrationError';
  }
}

/** Applies pending migrations, each in its own transaction, under Kysely's migration lock. */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<readonly MigrationResult[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((result) => result.status === 'Error');
    const cause = error instanceof Error ? error.message : String(error);
    throw new MigrationError(
      `migration ${failed?.migrationName ?? '(none)'} failed: ${cause}`,
      results,
    );
  }
  return results;
}
