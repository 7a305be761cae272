import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig, Engine } from './config.js';
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
  const db = new Kysely<Database>({
    dialect: config.engine === 'postgres' ? postgresDialect(config) : pgliteDialect(config),
  });
  return { db, engine: config.engine, close: () => db.destroy() };
}

function postgresDialect(config: DatabaseConfig): PostgresDialect {
  return new PostgresDialect({
    pool: new pg.Pool({ connectionString: config.url ?? undefined, max: 10 }),
  });
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
