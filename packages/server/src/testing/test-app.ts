import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { openPreparedDatabase, type PreparedDatabase, type SecurityConfig } from '@yawar/db';
import { createTestDatabase, type TestDatabase } from '@yawar/db/testing';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import type { AppContext } from '../context.js';
import { LOG_REDACT } from '../serve.js';

/** Settings for tests: demo accounts on, registries open, and a rate limit no test run reaches. */
export function testSecurity(secretDir: string): SecurityConfig {
  return {
    demoAccounts: true,
    publicRegistries: true,
    secretDir,
    trustProxy: false,
    loginAttemptsPerMinute: 1000,
  };
}

export interface TestApp {
  readonly app: FastifyInstance;
  readonly database: PreparedDatabase;
  /** Every log line the app wrote (JSON), for tests that check what must never be logged. */
  readonly logs: string[];
  close(): Promise<void>;
}

/**
 * The real app on a fresh database of the engine under test (seeded like a first run), logging
 * at debug level into memory. Build it once per test file: a database takes seconds to start.
 */
export async function createTestApp(
  security: Partial<SecurityConfig> = {},
  context: Pick<AppContext, 'followUpSchedule'> = {},
): Promise<TestApp> {
  const testDb: TestDatabase = await createTestDatabase();
  const secretDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yawar-secrets-'));
  const database = await openPreparedDatabase(testDb.config);
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const app = await buildApp({
    connection: database,
    defaultDepartment: '06',
    version: 'test',
    security: { ...testSecurity(secretDir), ...security },
    ...context,
    webDir: null,
    logger: { level: 'debug', stream, redact: LOG_REDACT },
  });
  return {
    app,
    database,
    logs,
    close: async () => {
      await app.close();
      await database.close();
      await testDb.drop();
      fs.rmSync(secretDir, { recursive: true, force: true });
    },
  };
}

export interface TestSession {
  readonly cookie: string;
  readonly csrfToken: string;
}

/** Logs in through the API, as the browser would; throws if the login is refused. */
export async function loginAs(
  app: FastifyInstance,
  username: string,
  password: string,
): Promise<TestSession> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`login as ${username} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'yawar_session');
  if (!cookie) throw new Error('login set no session cookie');
  return {
    cookie: `yawar_session=${cookie.value}`,
    csrfToken: (response.json() as { csrfToken: string }).csrfToken,
  };
}

/** Headers for a request made with a session (the CSRF header is what the web app sends). */
export const withSession = (session: TestSession): Record<string, string> => ({
  cookie: session.cookie,
  'x-csrf-token': session.csrfToken,
});
