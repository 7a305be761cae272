import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { CHILDREN_6_35_METHOD, CHILDREN_6_35_SINGLE_AGE_METHOD } from '@yawar/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../audit/actor.js';
import { openPreparedDatabase, type PreparedDatabase } from '../bootstrap.js';
import { CAJAMARCA_DIR } from '../paths.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { importReference } from './import-reference.js';
import { districtSingleAge, importPopulation, PopulationImportError } from './population.js';

/**
 * `yawar import population`: a district table by single age replaces the fallback children
 * estimate of its districts. TEST FIXTURES: the layout of INEI's Census 2017 Tomo I, Cuadro N.° 1
 * (docs/formats/population-single-age.md) with made-up figures, not census counts; the real
 * table must be obtained from INEI.
 */

const SOURCE = 'FIXTURE DE PRUEBA: cifras inventadas que no son del censo';
let testDb: TestDatabase;
let database: PreparedDatabase;
const actor = systemActor('test');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yawar-population-'));

const write = (name: string, lines: readonly string[]) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, lines.join('\n'));
  return file;
};

const district = (ubigeo: string) =>
  database.db
    .selectFrom('district')
    .select(['children_6_35m as children', 'children_6_35m_method as method'])
    .where('ubigeo', '=', ubigeo)
    .executeTakeFirstOrThrow();
const auditCount = async () =>
  Number(
    (
      await database.db
        .selectFrom('audit_event')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('action', '=', 'population.import')
        .executeTakeFirstOrThrow()
    ).n,
  );
const storedRows = async () =>
  Number(
    (
      await database.db
        .selectFrom('district_population_single_age')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

// Cajamarca (060101): 2 400 + 2 300 + 2 250 → 1 200 + 2 300 + 2 250 = 5 750.
// Jaén (060801): 1 001 + 950 + 900 → 501 (½ rounded up) + 950 + 900 = 2 351.
const LONG = [
  'ubigeo,edad,poblacion,fuente,anio',
  `060101,0,2400,${SOURCE},2017`,
  `060101,1,2300,${SOURCE},2017`,
  `060101,2,2250,${SOURCE},2017`,
  `060101,3,2200,${SOURCE},2017`,
  `60801,0,1001,${SOURCE},2017`,
  `60801,1,950,${SOURCE},2017`,
  `60801,2,900,${SOURCE},2017`,
];

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = await openPreparedDatabase(testDb.config);
});

afterAll(async () => {
  await database.close();
  await testDb.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('yawar import population', () => {
  it('starts from the labelled fallback estimate', async () => {
    expect((await district('060101')).method).toBe(CHILDREN_6_35_METHOD);
  });

  it('stores the table and gives its districts their own children 6–35 months', async () => {
    const result = await importPopulation(database.db, write('poblacion.csv', LONG), actor);
    expect(result).toMatchObject({
      file: 'poblacion.csv',
      districts: 2,
      inserted: 2,
      updated: 0,
      estimatesChanged: 2,
      children6to35: 5750 + 2351,
      sources: [{ source: SOURCE, year: 2017 }],
    });
    expect(await district('060101')).toEqual({
      children: 5750,
      method: CHILDREN_6_35_SINGLE_AGE_METHOD,
    });
    expect(await district('060801')).toEqual({
      children: 2351,
      method: CHILDREN_6_35_SINGLE_AGE_METHOD,
    });
    // A district outside the table keeps the fallback.
    expect((await district('060102')).method).toBe(CHILDREN_6_35_METHOD);
    expect((await districtSingleAge(database.db, '060101'))?.ages).toHaveLength(4);
    expect(await auditCount()).toBe(1);
  });

  it('changes nothing when the same table comes again', async () => {
    const again = await importPopulation(database.db, write('poblacion.csv', LONG), actor);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 2, estimatesChanged: 0 });
    expect(await auditCount()).toBe(1);
  });

  it('refuses a bad file with every located problem and changes nothing', async () => {
    const before = await storedRows();
    const bad = write('mala.csv', [
      'ubigeo,edad,poblacion,fuente,anio',
      `060101,0,abc,${SOURCE},2017`,
      `060101,1,2300,${SOURCE},2017`,
      `060101,2,2250,${SOURCE},2017`,
    ]);
    const error = await importPopulation(database.db, bad, actor).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PopulationImportError);
    expect((error as PopulationImportError).issues).toEqual([
      { file: bad, row: 2, column: 'poblacion', reason: '"abc" is not a number' },
    ]);
    // Valid cells, but a district that is not in the database (Lima, never imported here).
    const elsewhere = write('lima.csv', [
      'ubigeo,edad_0,edad_1,edad_2,fuente,anio',
      `060101,2400,2300,2250,${SOURCE},2017`,
      `150101,5000,4900,4800,${SOURCE},2017`,
    ]);
    const unknown = await importPopulation(database.db, elsewhere, actor).catch((e: unknown) => e);
    expect((unknown as PopulationImportError).issues).toEqual([
      {
        file: elsewhere,
        row: 3,
        column: 'ubigeo',
        reason:
          'district 150101 is not in the database: import its department first (yawar import reference)',
      },
    ]);
    const missing = await importPopulation(database.db, path.join(dir, 'none.csv'), actor).catch(
      (e: unknown) => e,
    );
    expect((missing as PopulationImportError).issues[0]?.reason).toBe('file is missing');
    expect(await storedRows()).toBe(before);
    expect((await district('060101')).children).toBe(5750);
    expect(await auditCount()).toBe(1);
  });

  it('reads the wide layout from XLSX and replaces a district’s ages', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Cuadro 1');
    sheet.addRow(['ubigeo', 'edad_0', 'edad_1', 'edad_2', 'fuente', 'anio']);
    sheet.addRow([60101, 2000, 2300, 2250, SOURCE, 2017]);
    const file = path.join(dir, 'poblacion.xlsx');
    await workbook.xlsx.writeFile(file);
    const result = await importPopulation(database.db, file, actor);
    expect(result).toMatchObject({ districts: 1, updated: 1, estimatesChanged: 1 });
    expect((await district('060101')).children).toBe(1000 + 2300 + 2250);
    expect((await districtSingleAge(database.db, '060101'))?.ages).toEqual([
      { age: 0, population: 2000 },
      { age: 1, population: 2300 },
      { age: 2, population: 2250 },
    ]);
  });

  it('keeps the single-age estimate across a new reference import, which changes nothing', async () => {
    const again = await importReference(database.db, { dir: CAJAMARCA_DIR }, actor);
    expect(again.counts['district']).toMatchObject({ inserted: 0, updated: 0 });
    expect(await district('060101')).toEqual({
      children: 5550,
      method: CHILDREN_6_35_SINGLE_AGE_METHOD,
    });
    expect((await district('060102')).method).toBe(CHILDREN_6_35_METHOD);
  });
});
