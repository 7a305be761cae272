import { parseCsv } from '@yawar/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../audit/actor.js';
import { openPreparedDatabase, type PreparedDatabase } from '../bootstrap.js';
import { createPseudonymiser } from '../privacy/pseudonymiser.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { altitudeSourceShares } from './altitude-sources.js';
import { importScreeningFile } from './import-file.js';
import { loadSimulatedScreenings } from './simulated.js';

let testDb: TestDatabase;
let database: PreparedDatabase;
const options = {
  pseudonymise: createPseudonymiser(Buffer.alloc(32, 5)),
  actor: systemActor('test'),
  today: '2025-12-31',
};

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = await openPreparedDatabase(testDb.config);
  const db = database.db;
  // Known altitudes for the test, whatever the DEM or RENAES gave: a place on the puna above the
  // city, a place with no altitude, and the city's health centre.
  await db
    .updateTable('populated_place')
    .set({ altitude_m: 3350, altitude_source: 'dem' })
    .where('code', '=', '0601010002')
    .execute();
  await db
    .updateTable('populated_place')
    .set({ altitude_m: null, altitude_source: null })
    .where('code', '=', '0601010001')
    .execute();
  await db
    .updateTable('establishment')
    .set({ altitude_m: 2700 })
    .where('code', '=', '00004612')
    .execute();
});

afterAll(async () => {
  await database.close();
  await testDb.drop();
});

const HEADER =
  'tipo_doc,num_doc,fecha_nacimiento,sexo,fecha_dosaje,hemoglobina,codigo_renipress,altitud_msnm,ubigeo_residencia,codigo_ccpp';

describe('the altitude chain on import (record → populated place → establishment → district capital)', () => {
  it("uses the named populated place's altitude and stores 'populated_place'", async () => {
    const report = await importScreeningFile(
      database.db,
      {
        file: 'dosajes-ccpp.csv',
        table: parseCsv(
          [
            HEADER,
            'DNI,40000001,2024-01-15,F,2024-09-20,11.8,4612,,,0601010002', // place at 3,350 m
            'DNI,40000002,2024-01-15,M,2024-09-20,11.8,4612,,,0601010001', // place without altitude
            'DNI,40000003,2024-01-15,F,2024-09-20,11.8,4612,,,', // no place named
            'DNI,40000004,2024-01-15,M,2024-09-20,11.8,4612,2950,,0601010002', // record's own
          ].join('\n'),
        ),
      },
      options,
    );
    expect(report.screenings).toBe(4);
    const stored = await database.db
      .selectFrom('screening')
      .select(['altitude_m', 'altitude_source', 'populated_place_code', 'residence_ubigeo'])
      .orderBy('id')
      .execute();
    expect(stored).toEqual([
      {
        altitude_m: 3350,
        altitude_source: 'populated_place',
        populated_place_code: '0601010002',
        residence_ubigeo: '060101',
      },
      {
        altitude_m: 2700,
        altitude_source: 'establishment',
        populated_place_code: '0601010001',
        residence_ubigeo: '060101',
      },
      {
        altitude_m: 2700,
        altitude_source: 'establishment',
        populated_place_code: null,
        residence_ubigeo: null,
      },
      {
        altitude_m: 2950,
        altitude_source: 'record',
        populated_place_code: '0601010002',
        residence_ubigeo: '060101',
      },
    ]);
  });

  it('gives the shares of each source per area, over the children of the prevalence', async () => {
    const rows = await altitudeSourceShares(database.db, { department: '06', area: 'district' });
    expect(rows).toEqual([
      {
        areaCode: '060101',
        areaName: 'CAJAMARCA',
        n: 4,
        counts: { record: 1, populated_place: 1, establishment: 2, district_capital: 0 },
        simulated: 0,
      },
    ]);
    const department = await altitudeSourceShares(database.db, {
      department: '06',
      area: 'department',
      from: '2025-01-01',
    });
    expect(department).toEqual([]);
  });
});

describe('simulated screenings exercise the chain', () => {
  it('name a populated place with an altitude for about 60 % of children, labelled simulated', async () => {
    // Every place of the province of Cajamarca has an altitude (as the DEM import gives them);
    // elsewhere none has, whatever the bootstrap loaded.
    await database.db
      .updateTable('populated_place')
      .set({ altitude_m: 2500, altitude_source: 'dem' })
      .where('district_ubigeo', 'like', '0601%')
      .execute();
    await database.db
      .updateTable('populated_place')
      .set({ altitude_m: null, altitude_source: null })
      .where('district_ubigeo', 'not like', '0601%')
      .execute();
    await loadSimulatedScreenings(database.db, {
      department: '06',
      children: 2000,
      seed: 3,
      from: '2024-01-01',
      to: '2025-12-31',
    });
    const rows = await altitudeSourceShares(database.db, { department: '06', area: 'province' });
    const cajamarca = rows.find((r) => r.areaCode === '0601');
    expect(cajamarca).toBeDefined();
    if (!cajamarca) return;
    // Four imported (real-record) children live there too; the rest are simulated.
    expect(cajamarca.simulated).toBe(cajamarca.n - 4);
    const share = cajamarca.counts.populated_place / cajamarca.n;
    expect(share).toBeGreaterThan(0.45);
    expect(share).toBeLessThan(0.75);
    // Elsewhere no place has an altitude here: nothing rests on a populated place.
    const others = rows.filter((r) => r.areaCode !== '0601');
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((r) => r.counts.populated_place === 0)).toBe(true);
    const stored = await database.db
      .selectFrom('screening')
      .select(['altitude_m', 'populated_place_code'])
      .where('simulated', '=', true)
      .where('altitude_source', '=', 'populated_place')
      .execute();
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.every((s) => s.altitude_m === 2500 && s.populated_place_code !== null)).toBe(
      true,
    );
  });
});
