import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseCsv } from '@yawar/core';
import { afterAll, describe, expect, it } from 'vitest';
import { ErrorFile } from './error-file.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yawar-error-file-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a job error file', () => {
  it('holds every error as the CSV users download, quoted so it reads back unchanged', () => {
    const file = new ErrorFile(path.join(dir, 'a.csv'));
    for (let row = 2; row < 20_002; row++)
      file.add({ file: 'f.csv', row, column: 'sexo', reason: `"Z${row}", is not F or M` });
    expect(file.close()).toBe(true);
    const text = fs.readFileSync(file.path, 'utf8');
    expect(text.startsWith('\uFEFFfile,row,column,reason\n')).toBe(true);
    const table = parseCsv(text.slice(1));
    expect(table.records).toHaveLength(20_000);
    expect(table.records[0]?.values).toEqual(['f.csv', '2', 'sexo', '"Z2", is not F or M']);
    expect((fs.statSync(file.path).mode & 0o777).toString(8)).toBe('600');
    file.remove();
    expect(fs.existsSync(file.path)).toBe(false);
  });

  it('gives up quietly when the disk refuses (the job then keeps its first errors only)', () => {
    const file = new ErrorFile(path.join(dir, 'gone', 'b.csv'));
    for (let row = 2; row < 5000; row++) file.add({ file: 'f', row, column: null, reason: 'x' });
    expect(file.close()).toBe(false);
  });

  it('creates nothing for a job without errors', () => {
    const file = new ErrorFile(path.join(dir, 'c.csv'));
    expect(file.close()).toBe(false);
    expect(fs.existsSync(file.path)).toBe(false);
  });
});
