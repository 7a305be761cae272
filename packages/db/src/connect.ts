import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig, Engine } from './config.js';
import { lockEmbeddedDatabase } from './embedded-lock.js';
import { startEmbeddedThread, type EmbeddedThread } from './embedded/embedded-thread.js';
import { PortDialect } from './embedded/port-dialect.js';
import type { Database } from './schema.js';

/** The query handle every db function takes; callers outside db need not import Kysely. */
export type YawarDatabase = Kysely<Database>;

export interface Connection {
  readonly db: YawarDatabase;
  readonly engine: Engine;
  /**
   * Whether the database answers. On PostgreSQL a `select 1`; on the embedded engine whether its
   * thread runs with the database open, which never waits behind another client's statement.
   */
  isAlive(): Promise<boolean>;
  close(): Promise<void>;
}

// PostgreSQL returns bigint (count(*)) and numeric as strings; Yawar's counts fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

export function connect(config: DatabaseConfig): Connection {
  if (config.engine === 'postgres') {
    const db = new Kysely<Database>({ dialect: postgresDialect(config) });
    const isAlive = () =>
      sql`select 1`.execute(db).then(
        () => true,
        () => false,
      );
    return { db, engine: 'postgres', isAlive, close: () => db.destroy() };
  }
  return embeddedConnection(config);
}

/**
 * PGlite on its own thread (started on first use), so that a long statement never stops the
 * server's event loop; see packages/db/worker/pglite-host.mjs.
 */
function embeddedConnection(config: DatabaseConfig): Connection {
  if (config.dataDir) fs.mkdirSync(path.dirname(config.dataDir), { recursive: true });
  const release = config.dataDir ? lockEmbeddedDatabase(config.dataDir) : () => undefined;
  let thread: Promise<EmbeddedThread> | null = null;
  const started = () => {
    thread ??= (async () => {
      if (config.dataDir) fs.mkdirSync(config.dataDir, { recursive: true });
      return startEmbeddedThread(config.dataDir ?? null);
    })();
    return thread;
  };
  const db = new Kysely<Database>({
    dialect: new PortDialect(async () => (await started()).client),
  });
  return {
    db,
    engine: 'pglite',
    isAlive: async () => (await started().catch(() => null))?.isAlive() ?? false,
    close: async () => {
      try {
        await db.destroy();
        if (thread) await (await thread.catch(() => null))?.close();
      } finally {
        release();
      }
    },
  };
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
