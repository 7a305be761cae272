import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@yawar/db/testing';
import { afterAll, beforeAll } from 'vitest';
import type { CliIo } from '../io.js';
import { runCli } from '../program.js';

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/**
 * For one CLI test file: a fresh database on the engine under test (dropped afterwards), a work
 * folder, and `yawar …` run in-process against them with demo data off, capturing what it prints.
 * Call it at the top of the file: it registers the file's beforeAll and afterAll.
 */
export function cliOnTestDatabase(prefix: string): {
  readonly dir: string;
  yawar(...args: string[]): Promise<CliRun>;
} {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await testDb.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  async function yawar(...args: string[]): Promise<CliRun> {
    const out: string[] = [];
    const err: string[] = [];
    const database =
      testDb.config.engine === 'postgres'
        ? { DATABASE_URL: testDb.config.url ?? '' }
        : { YAWAR_DATA_DIR: path.join(dir, 'db') };
    const env = {
      ...database,
      YAWAR_DEMO_DATA: 'off',
      YAWAR_SECRET_DIR: path.join(dir, 'secrets'),
    };
    const io: CliIo = { env, cwd: dir, out: (l) => out.push(l), err: (l) => err.push(l) };
    return { code: await runCli(args, io), out: out.join('\n'), err: err.join('\n') };
  }
  return { dir, yawar };
}
