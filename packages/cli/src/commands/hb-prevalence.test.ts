import fs from 'node:fs';
import path from 'node:path';
import { parseCsv, recordToObject } from '@yawar/core';
import { describe, expect, it } from 'vitest';
import { cliOnTestDatabase } from '../testing/cli-on-test-database.js';

// Finding 19 of issue 10: `yawar hb prevalence` printed a cell of 3 children with one case that
// the web suppresses. The CLI now goes through the API's suppression (docs/methods/prevalence.md §4).
const { dir, yawar } = cliOnTestDatabase('yawar-hb-prevalence-cli-');

const HEADER = 'tipo_doc,num_doc,fecha_nacimiento,sexo,fecha_dosaje,hemoglobina,codigo_renipress';

interface Row {
  area_code: string;
  n: number;
  cases: number | null;
  prevalence: number | null;
  ci95_lower: number | null;
  suppressed: boolean;
  suppression_reason: string | null;
}

describe('yawar hb prevalence', () => {
  it('suppresses a cell of 3 children with one case, as the API does', async () => {
    const file = path.join(dir, 'tres.csv');
    fs.writeFileSync(
      file,
      [
        HEADER,
        'DNI,45000001,2024-01-15,F,2025-03-20,8.5,4612',
        'DNI,45000002,2024-01-15,M,2025-03-20,14.0,4612',
        'DNI,45000003,2023-02-10,F,2025-03-21,14.0,4612',
      ].join('\n'),
    );
    expect((await yawar('hb', 'import', file)).code).toBe(0);

    const json = await yawar('hb', 'prevalence', '--by', 'establishment', '--format', 'json');
    expect(json.code).toBe(0);
    const rows = JSON.parse(json.out) as Row[];
    expect(rows).toEqual([
      expect.objectContaining({
        area_code: '00004612',
        n: 3,
        cases: null,
        prevalence: null,
        ci95_lower: null,
        suppressed: true,
        suppression_reason: 'small_denominator',
      }),
    ]);
    expect(json.err).toContain('suppressed (rule yawar-2026-n20-c5)');

    const csv = await yawar('hb', 'prevalence', '--by', 'establishment');
    const table = parseCsv(csv.out);
    const [record] = table.records;
    expect(record).toBeDefined();
    const row = record ? recordToObject(table.header, record) : {};
    expect(row).toMatchObject({ area_code: '00004612', n: '3', cases: '', prevalence: '' });
    expect(row['suppressed']).toBe('yes');
    // The case count appears nowhere in what was printed.
    expect(csv.out.split('\n')[1]).not.toMatch(/,1,/);
  });

  it('asks only for the fixed age bands the API permits', async () => {
    const free = await yawar('hb', 'prevalence', '--ages', '6-8');
    expect(free.code).toBe(1);
    expect(free.err).toContain('--ages must be one of 6-11, 12-23, 24-35, 36-59, 6-35, 6-59');
    const band = await yawar('hb', 'prevalence', '--by', 'establishment', '--ages', '12-23');
    expect(band.code).toBe(0);
    expect(band.out).toContain('12-23');
  });
});
