import fs from 'node:fs';
import path from 'node:path';
import { parseCsv } from '@yawar/core';
import { describe, expect, it } from 'vitest';
import { cliOnTestDatabase } from '../testing/cli-on-test-database.js';

// Finding 5 of issue 10: the import keeps only its first 1,000 errors in memory; --errors must
// still get every one (streamed as found), and the count printed is the total.
const { dir, yawar } = cliOnTestDatabase('yawar-hb-import-errors-cli-');

const HEADER = 'tipo_doc,num_doc,fecha_nacimiento,sexo,fecha_dosaje,hemoglobina,codigo_renipress';

describe('yawar hb import with many errors', () => {
  it('writes all 2,400 errors of 1,200 bad rows to --errors', async () => {
    const lines = Array.from(
      { length: 1200 },
      (_, i) => `DNI,${String(46000000 + i)},2024-01-15,Z,2025-03-20,99,4612`,
    );
    fs.writeFileSync(path.join(dir, 'malo.csv'), [HEADER, ...lines].join('\n'));
    const { code, err } = await yawar('hb', 'import', 'malo.csv', '--errors', 'errores.csv');
    expect(code).toBe(1);
    expect(err).toContain('Import rejected: 2400 error(s). The database was not changed.');
    expect(err).toContain('… and 2370 more');
    const written = parseCsv(fs.readFileSync(path.join(dir, 'errores.csv'), 'utf8'));
    expect(written.records).toHaveLength(2400);
    expect(written.records.at(-1)?.values.slice(1)).toEqual([
      '1201',
      'hemoglobina',
      '99 is outside 3…25',
    ]);
  });
});
