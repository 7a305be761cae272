import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig, Engine } from './config.js';
import { lockEmbeddedDatabase } from './embedded-lock.js';
import type { Database } from './schema.js';

export interface Connection {
  readonly db: Kysely<Database>;
  readonly engine: Engine;
  close(): Promise<void>;
}

// PostgreSQL returns bigint (count(*)) and numeric as strings; Yawar's counts fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

export function connect(config: DatabaseConfig): Connection {
  if (config.engine === 'postgres') {
    const db = new Kysely<Database>({ dialect: postgresDialect(config) });
    return { db, engine: 'postgres', close: () => db.destroy() };
  }
  if (config.dataDir) fs.mkdirSync(path.dirname(config.dataDir), { recursive: true });
  const release = config.dataDir ? lockEmbeddedDatabase(config.dataDir) : () => undefined;
  const db = new Kysely<Database>({ dialect: pgliteDialect(config) });
  return { db, engine: 'pglite', close: () => db.destroy().finally(release) };
}

function postgresDialect(config: DatabaseConfig): PostgresDialect {
  const pool = new pg.Pool({ connectionString: config.url ?? undefined, max: 10 });
  // node-postgres emits 'error' when an idle client's connection dies (a server restart, an
  // administrator terminating it); with no listener that would crash the process. The pool drops
  // the client and the next query opens a new connection, so a warning is all it needs.
  pool.on('error', (error) =>
    process.emitWarning(`an idle PostgreSQL connection was closed: ${error.message}`),
  );
  return new PostgresDialect({ pool });
}

function pgliteDialect(config: DatabaseConfig): PGliteDialect {
  return new PGliteDialect({
    pglite: async () => {
      if (config.dataDir) fs.mkdirSync(config.dataDir, { recursive: true });
      const pglite = new PGlite(config.dataDir ?? undefined, {
        parsers: { 20: (value: string) => Number(value) },
      });
      await pglite.waitReady;
      return pglite;
    },
  });
}
