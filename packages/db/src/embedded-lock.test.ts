import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DatabaseInUseError, lockEmbeddedDatabase } from './embedded-lock.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yawar-lock-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the embedded database lock', () => {
  it('refuses a data folder held by another live process, and frees it on release', async () => {
    const dataDir = path.join(dir, 'held');
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], {
      stdio: 'ignore',
    });
    try {
      fs.writeFileSync(`${dataDir}.lock`, String(other.pid));
      expect(() => lockEmbeddedDatabase(dataDir)).toThrow(DatabaseInUseError);
    } finally {
      other.kill();
      await new Promise((resolve) => other.once('exit', resolve));
    }
    const release = lockEmbeddedDatabase(dataDir); // the holder is gone: its lock is stale
    expect(fs.readFileSync(`${dataDir}.lock`, 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
  });
});
