// Released migrations never change (issue 11): a database migrated by an earlier version has
// already run a migration and will never run it again, so an edit to it reaches new databases
// only and the two silently differ. `released.json` pins each migration's text by its SHA-256;
// a change needs a new migration instead. A new migration is added to `released.json` in the
// commit that adds it (the hash this test prints).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { migrationProvider } from './index.js';

const dir = path.dirname(fileURLToPath(import.meta.url));
const released: Record<string, string> = JSON.parse(
  fs.readFileSync(path.join(dir, 'released.json'), 'utf8'),
);

/** The hash of a migration's source, line endings normalised (a Windows checkout is the same). */
function sourceHash(name: string): string {
  const text = fs.readFileSync(path.join(dir, `${name}.ts`), 'utf8').replace(/\r\n/g, '\n');
  return crypto.createHash('sha256').update(text).digest('hex');
}

describe('released migrations', () => {
  it('lists every migration file and pins each one', async () => {
    const listed = Object.keys(await migrationProvider.getMigrations());
    const files = fs
      .readdirSync(dir)
      .filter((f) => /^\d{4}-[\w-]+\.ts$/.test(f) && !f.endsWith('.test.ts'))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(listed).toEqual(files);
    const unpinned = listed
      .filter((name) => !(name in released))
      .map((name) => `"${name}": "${sourceHash(name)}"`);
    expect(unpinned, 'add these lines to released.json').toEqual([]);
  });

  it('has not changed a released migration', () => {
    const changed = Object.keys(released).filter((name) => sourceHash(name) !== released[name]);
    expect(changed, 'write a new migration instead of editing these').toEqual([]);
  });
});
