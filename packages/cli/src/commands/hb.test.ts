import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseCsv, recordToObject } from '@yawar/core';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../io.js';
import { runCli } from '../program.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yawar-hb-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function yawar(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { env: {}, cwd: dir, out: (l) => out.push(l), err: (l) => err.push(l) };
  return { code: await runCli(args, io), out: out.join('\n'), err: err.join('\n') };
}

const INPUT = [
  'id,age_months,hb_g_dl,altitude_m,note',
  'a,8,11.6,1900,"fixture 5, ENDES 2018"',
  'b,10,10.7,2686,fixture 6',
  'c,34,12.0,2708,fixture 7',
  'd,12,30,2700,implausible Hb',
  'e,x,11,2700,bad age',
].join('\n');

describe('yawar hb classify', () => {
  it('adds the adjusted Hb, level and rule, passes other columns through, and rejects bad rows', async () => {
    fs.writeFileSync(path.join(dir, 'in.csv'), INPUT);
    const { code, err } = await yawar(
      'hb',
      'classify',
      '--rule',
      'nts-213-2024',
      'in.csv',
      '-o',
      'out.csv',
    );
    expect(code).toBe(0);
    const table = parseCsv(fs.readFileSync(path.join(dir, 'out.csv'), 'utf8'));
    expect(table.header).toEqual([
      'id',
      'age_months',
      'hb_g_dl',
      'altitude_m',
      'note',
      'hb_adjusted',
      'anemia_level',
      'rule',
      'rejection',
    ]);
    const rows = table.records.map((r) => recordToObject(table.header, r));
    expect(rows.map((r) => [r['id'], r['hb_adjusted'], r['anemia_level']])).toEqual([
      ['a', '10.50', 'none'],
      ['b', '8.90', 'moderate'],
      ['c', '10.20', 'mild'],
      ['d', '', ''],
      ['e', '', ''],
    ]);
    expect(rows[0]?.['note']).toBe('fixture 5, ENDES 2018');
    expect(rows[3]?.['rejection']).toContain('outside 3–25 g/dL');
    expect(rows[4]?.['rejection']).toContain('age_months "x" is not a number');
    expect(err).toContain(
      '5 rows with nts-213-2024: none 1, mild 1, moderate 1, severe 0, rejected 2',
    );
  });

  it('applies the legacy rule when asked', async () => {
    fs.writeFileSync(path.join(dir, 'in.csv'), INPUT);
    const { out } = await yawar('hb', 'classify', '--rule', 'who-2011', 'in.csv');
    expect(out.split('\n')[1]).toMatch(/^a,.*,10\.94,mild,who-2011,$/);
  });

  it('explains a missing column or an unknown rule', async () => {
    fs.writeFileSync(path.join(dir, 'bad.csv'), 'age,hb\n8,11\n');
    expect((await yawar('hb', 'classify', 'bad.csv')).err).toContain(
      'bad.csv:1 missing column(s): age_months, hb_g_dl, altitude_m',
    );
    expect((await yawar('hb', 'classify', '--rule', 'who-1999', 'bad.csv')).err).toContain(
      '--rule must be one of',
    );
  });
});
