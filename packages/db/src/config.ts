import path from 'node:path';

export type Engine = 'pglite' | 'postgres';

export interface DatabaseConfig {
  readonly engine: Engine;
  /** PostgreSQL connection string when engine is postgres. */
  readonly url: string | null;
  /** PGlite data folder; null keeps the embedded database in memory (tests). */
  readonly dataDir: string | null;
}

/**
 * One reading of the environment shared by the server and every CLI command, so `yawar` alone
 * sees the same database as `npm start`: DATABASE_URL selects PostgreSQL, otherwise the embedded
 * engine keeps its files in YAWAR_DATA_DIR (default ./var/db).
 */
export function databaseConfigFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): DatabaseConfig {
  const url = env['DATABASE_URL']?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url))
      throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
    return { engine: 'postgres', url, dataDir: null };
  }
  return {
    engine: 'pglite',
    url: null,
    dataDir: path.resolve(cwd, env['YAWAR_DATA_DIR']?.trim() || 'var/db'),
  };
}

/** The connection string without its password, for logs and messages. */
export function describeDatabase(config: DatabaseConfig): string {
  if (config.engine === 'pglite') return `PGlite (${config.dataDir ?? 'memory'})`;
  const url = new URL(config.url ?? '');
  if (url.password) url.password = '***';
  return `PostgreSQL (${url.toString()})`;
}
