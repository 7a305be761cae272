import type { Migration, MigrationProvider } from 'kysely/migration';
import * as reference from './0001-reference.js';
import * as accountsAudit from './0002-accounts-audit.js';
import * as screening from './0003-screening.js';
import * as supply from './0004-supply.js';
import * as network from './0005-network.js';
import * as supplyPopulation from './0006-supply-population.js';
import * as hardeningAuth from './0007-hardening-auth.js';
import * as screeningLoadState from './0008-screening-load-state.js';

/**
 * Migrations are listed here rather than read from a folder so the built package carries them and
 * their order is explicit. Names sort in order; Kysely refuses to run if the applied ones are not
 * a prefix of this list, and takes a lock so two processes cannot migrate at once.
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001-reference': reference,
  '0002-accounts-audit': accountsAudit,
  '0003-screening': screening,
  '0004-supply': supply,
  '0005-network': network,
  '0006-supply-population': supplyPopulation,
  '0007-hardening-auth': hardeningAuth,
  '0008-screening-load-state': screeningLoadState,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
};
