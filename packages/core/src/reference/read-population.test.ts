import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../csv/parse-csv.js';
import {
  CHILDREN_6_35_METHOD,
  CHILDREN_6_35_SINGLE_AGE_METHOD,
  children6to35FromSingleAge,
} from './children-estimate.js';
import { IssueLog } from './issues.js';
import { readPopulationSingleAge } from './read-population.js';

// TEST FIXTURES: the layout of INEI's Census 2017 Tomo I, Cuadro N.° 1 transcribed as
// docs/formats/population-single-age.md says, with made-up figures (not census counts).
const SOURCE = 'FIXTURE DE PRUEBA: cifras inventadas que no son del censo';

const read = (text: string, file = 'poblacion.csv') => {
  const log = new IssueLog();
  const districts = readPopulationSingleAge({ file, table: parseCsv(text) }, log);
  return { districts, errors: log.errors };
};

describe('children6to35FromSingleAge', () => {
  it('Cajamarca, REUNIS 2020 single ages (25,806 / 26,737 / 28,458) → 12,903 + 26,737 + 28,458 = 68,098', () => {
    // MINSA REUNIS, Población estimada 2020, department row 06 (data/peru/poblacion_reunis_2020_departamentos.csv):
    // the same formula on the department's single ages is 1,159 below the REUNIS "6–11 meses"
    // column sum (69,257), as docs/methods/children-6-35-months.md notes.
    expect(children6to35FromSingleAge({ age0: 25_806, age1: 26_737, age2: 28_458 })).toBe(68_098);
  });

  it('Tumbes, Census 2017 Tomo I Cuadro N.° 1, department row: 3,932 / 4,117 / 4,420 → 1,966 + 4,117 + 4,420 = 10,503', () => {
    // INEI, Censos Nacionales 2017, Resultados Definitivos, Tumbes, Tomo I, Cuadro N.° 1 ("Menores
    // de 1 año", "1 año", "2 años", column Total), as shown in https://es.scribd.com/document/493244981/24TOMO-01.
    expect(children6to35FromSingleAge({ age0: 3_932, age1: 4_117, age2: 4_420 })).toBe(10_503);
  });

  it('rounds half of an odd age 0 up, and names its method apart from the fallback', () => {
    expect(children6to35FromSingleAge({ age0: 1201, age1: 1180, age2: 1150 })).toBe(2931);
    expect(CHILDREN_6_35_SINGLE_AGE_METHOD).not.toBe(CHILDREN_6_35_METHOD);
  });

  it('property: lies between age 1 + age 2 and age 0 + age 1 + age 2, and grows with each age', () => {
    const count = fc.integer({ min: 0, max: 1_000_000 });
    fc.assert(
      fc.property(count, count, count, (age0, age1, age2) => {
        const value = children6to35FromSingleAge({ age0, age1, age2 });
        const more = children6to35FromSingleAge({ age0: age0 + 2, age1, age2 });
        return (
          value >= age1 + age2 &&
          value <= age0 + age1 + age2 &&
          Number.isInteger(value) &&
          more === value + 1
        );
      }),
    );
  });
});

describe('readPopulationSingleAge', () => {
  it('reads the long layout, one row per district and age', () => {
    const { districts, errors } = read(
      [
        'ubigeo,edad,poblacion,fuente,anio',
        `060101,0,2400,${SOURCE},2017`,
        `060101,1,2300,${SOURCE},2017`,
        `060101,2,2250,${SOURCE},2017`,
        `060101,3,2200,${SOURCE},2017`,
        `60801,2,900,${SOURCE},2017`,
        `60801,0,1000,${SOURCE},2017`,
        `60801,1,950,${SOURCE},2017`,
      ].join('\n'),
    );
    expect(errors).toEqual([]);
    expect(districts.map((d) => [d.ubigeo, d.line, d.year])).toEqual([
      ['060101', 2, 2017],
      ['060801', 6, 2017],
    ]);
    expect(districts[1]?.ages).toEqual([
      { age: 0, population: 1000 },
      { age: 1, population: 950 },
      { age: 2, population: 900 },
    ]);
  });

  it('reads the wide layout, one column per age', () => {
    const { districts, errors } = read(
      [
        'ubigeo,edad_0,edad_1,edad_2,edad_3,fuente,anio',
        `060101,2400,2300,2250,2200,${SOURCE},2017`,
        `061309,30,28,31,29,${SOURCE},2017`,
      ].join('\n'),
    );
    expect(errors).toEqual([]);
    expect(districts.map((d) => d.ages.length)).toEqual([4, 4]);
    expect(districts[1]?.ages[2]).toEqual({ age: 2, population: 31 });
  });

  it('refuses every bad cell with its row and column, and returns nothing', () => {
    const { districts, errors } = read(
      [
        'ubigeo,edad,poblacion,fuente,anio',
        `060101,0,2400,${SOURCE},2017`,
        `060101,1,-5,${SOURCE},2017`,
        `060101,2,22.5,${SOURCE},2017`,
        `060101,2,100,${SOURCE},2017`,
        `ABC,0,10,${SOURCE},2017`,
        `270101,0,10,${SOURCE},2017`,
        `060102,0,10,,17`,
        `060103,0,10,${SOURCE},2017`,
      ].join('\n'),
    );
    expect(districts).toEqual([]);
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'poblacion'],
      [4, 'poblacion'],
      [6, 'ubigeo'],
      [7, 'ubigeo'],
      [8, 'fuente'],
      [8, 'anio'],
      [9, 'edad'],
    ]);
    expect(errors[0]?.reason).toBe('-5 is outside 0…10000000');
    expect(errors[1]?.reason).toBe('22.5 is not a whole number');
    expect(errors[6]?.reason).toContain('district 060103 lacks age 1, 2');
  });

  it('refuses a repeated age or district and a second source for one district', () => {
    const long = read(
      [
        'ubigeo,edad,poblacion,fuente,anio',
        `060101,0,1,${SOURCE},2017`,
        `060101,1,1,${SOURCE},2017`,
        `060101,2,1,${SOURCE},2017`,
        `060101,2,1,${SOURCE},2017`,
        `060101,3,1,otra fuente,2017`,
      ].join('\n'),
    );
    expect(long.errors.map((e) => [e.row, e.column, e.reason])).toEqual([
      [5, 'edad', 'age 2 of district 060101 appears twice (first on row 4)'],
      [6, 'fuente', 'district 060101 has another source or year on row 2: one per district'],
    ]);
    const wide = read(
      [
        'ubigeo,edad_0,edad_1,edad_2,fuente,anio',
        `060101,1,1,1,${SOURCE},2017`,
        `060101,1,1,1,${SOURCE},2017`,
      ].join('\n'),
    );
    expect(wide.errors.map((e) => [e.row, e.column])).toEqual([[3, 'ubigeo']]);
  });

  it('refuses a header without the columns it needs, or with both layouts', () => {
    expect(read('ubigeo,edad_1,edad_2,fuente,anio\n060101,1,1,x,2017').errors).toEqual([
      { file: 'poblacion.csv', row: 1, column: 'edad_0', reason: 'required column is missing' },
    ]);
    expect(read('ubigeo,edad,poblacion,anio\n060101,0,1,2017').errors.map((e) => e.column)).toEqual(
      ['fuente'],
    );
    expect(read('ubigeo,edad,edad_0,fuente,anio\n060101,0,1,x,2017').errors[0]?.reason).toContain(
      'mixes the long layout',
    );
    expect(read('ubigeo,fuente,anio\n060101,x,2017').errors[0]?.reason).toContain(
      'has no age columns',
    );
    expect(read('ubigeo,edad,poblacion,fuente,anio\n').errors[0]?.reason).toBe(
      'has no district rows',
    );
  });
});
