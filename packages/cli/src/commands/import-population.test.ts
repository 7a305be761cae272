import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliOnTestDatabase } from '../testing/cli-on-test-database.js';

// TEST FIXTURE: the layout of docs/formats/population-single-age.md with made-up figures, not
// INEI census counts.
const SOURCE = 'FIXTURE DE PRUEBA: cifras inventadas que no son del censo';

const { dir, yawar } = cliOnTestDatabase('yawar-population-cli-');

describe('yawar import population', () => {
  it('loads a table, says what changed, and changes nothing on a rerun', async () => {
    fs.writeFileSync(
      path.join(dir, 'edades.csv'),
      ['ubigeo,edad_0,edad_1,edad_2,fuente,anio', `060101,2400,2300,2250,${SOURCE},2017`].join(
        '\n',
      ),
    );
    const first = await yawar('import', 'population', 'edades.csv');
    expect(first.code).toBe(0);
    expect(first.out).toContain('Population edades.csv: 1 district(s), imported.');
    expect(first.out).toContain('Children 6–35 months (half of age 0 + ages 1 and 2): 5,750.');
    const again = await yawar('import', 'population', 'edades.csv');
    expect(again.out).toContain('already up to date, nothing changed');
  });

  it('refuses a bad file with file, row, column and reason', async () => {
    fs.writeFileSync(
      path.join(dir, 'mala.csv'),
      ['ubigeo,edad_0,edad_1,edad_2,fuente,anio', `060101,2400,x,2250,${SOURCE},2017`].join('\n'),
    );
    const { code, err } = await yawar('import', 'population', 'mala.csv');
    expect(code).not.toBe(0);
    expect(err).toContain('mala.csv:2 [edad_1] "x" is not a number');
    expect(err).toContain('Import rejected: 1 error(s). The database was not changed.');
  });
});
