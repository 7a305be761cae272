import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DatabaseConfig, Engine } from '../config.js';

/**
 * Database tests run once per engine: YAWAR_TEST_ENGINE=pglite (default, in memory) or postgres,
 * where DATABASE_URL names a server on which each test file gets a fresh database of its own,
 * dropped afterwards, so files can run in parallel and nothing leaks between them.
 */
export function testEngine(env: NodeJS.ProcessEnv = process.env): Engine {
  const engine = env['YAWAR_TEST_ENGINE'] ?? 'pglite';
  if (engine !== 'pglite' && engine !== 'postgres')
    throw new Error(`YAWAR_TEST_ENGINE must be pglite or postgres, not ${engine}`);
  return engine;
}

export interface TestDatabase {
  readonly config: DatabaseConfig;
  drop(): Promise<void>;
}

export async function createTestDatabase(
  env: NodeJS.ProcessEnv = process.env,
): Promise<TestDatabase> {
  if (testEngine(env) === 'pglite') {
    return {
      config: { engine: 'pglite', url: null, dataDir: null },
      drop: () => Promise.resolve(),
    };
  }
  const adminUrl = env['DATABASE_URL'];
  if (!adminUrl) throw new Error('YAWAR_TEST_ENGINE=postgres needs DATABASE_URL');
  const name = `yawar_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    config: { engine: 'postgres', url: url.toString(), dataDir: null },
    drop: () =>
      withAdmin(adminUrl, (client) =>
        client.query(`drop database if exists ${name} with (force)`),
      ).then(() => undefined),
  };
}

async function withAdmin<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
