import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPreparedDatabase, type PreparedDatabase } from '../bootstrap.js';
import { CAJAMARCA_DIR } from '../paths.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { systemActor } from '../audit/actor.js';
import { importReference } from './import-reference.js';

const TEST_ACTOR = systemActor('test');
let testDb: TestDatabase;
let database: PreparedDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = await openPreparedDatabase(testDb.config);
});

afterAll(async () => {
  await database.close();
  await testDb.drop();
});

describe('Cajamarca reference import', () => {
  it('loads every district, establishment and populated place on first run', () => {
    const seeded = database.seeded;
    expect(seeded).not.toBeNull();
    expect(seeded?.totals).toMatchObject({
      provinces: 13,
      districts: 127,
      populatedPlaces: 6513,
      establishments: 1298,
      establishmentsInRenaes: 845,
      establishmentsWithMicrored: 822,
      establishmentsWithExecutingUnit: 829,
      establishmentsWithAltitude: 817,
    });
    expect(seeded?.counts['district']?.inserted).toBe(127);
    expect(seeded?.counts['establishment']?.inserted).toBe(1298);
  });

  it('stores the 10 executing units RENAES names, each with its establishments', async () => {
    const units = await database.db
      .selectFrom('executing_unit')
      .leftJoin('establishment', 'establishment.executing_unit_code', 'executing_unit.code')
      .select(['executing_unit.code', (eb) => eb.fn.count<string>('establishment.code').as('n')])
      .where('executing_unit.department_ubigeo', '=', '06')
      .groupBy('executing_unit.code')
      .execute();
    expect(Object.fromEntries(units.map((u) => [u.code, Number(u.n)]))).toEqual({
      '785': 233,
      '786': 159,
      '787': 183,
      '788': 78,
      '999': 1,
      '1047': 1,
      '1539': 1,
      '1654': 84,
      '1662': 50,
      '1671': 39,
    });
  });

  it('stores red and microred codes, RENAES altitudes with their source, and both values of a disagreement', async () => {
    const ambato = await database.db
      .selectFrom('establishment')
      .innerJoin('microred', 'microred.id', 'establishment.microred_id')
      .innerJoin('health_network', 'health_network.id', 'establishment.network_id')
      .select([
        'health_network.code as networkCode',
        'microred.code as microredCode',
        'microred.name as microred',
        'establishment.altitude_m',
        'establishment.altitude_source',
        'establishment.in_renaes',
      ])
      .where('establishment.code', '=', '00007050')
      .executeTakeFirstOrThrow();
    expect(ambato).toEqual({
      networkCode: '13',
      microredCode: '3',
      microred: 'CHIPLE',
      altitude_m: 1724,
      altitude_source: 'renaes',
      in_renaes: true,
    });
    const chota = await database.db
      .selectFrom('establishment')
      .select(['registry_discrepancies', 'lat'])
      .where('code', '=', '00004660')
      .executeTakeFirstOrThrow();
    expect(chota.lat).toBe(-6.4657);
    expect(chota.registry_discrepancies).toEqual([
      expect.objectContaining({ field: 'coordinates', otherSource: 'TB_EESS ≈2021' }),
    ]);
  });

  it('changes nothing when the same folder is imported again', async () => {
    const again = await importReference(database.db, { dir: CAJAMARCA_DIR }, TEST_ACTOR);
    expect(again.unchanged).toBe(true);
    expect(again.counts['establishment']).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 1298,
      retired: 0,
    });
    const count = await database.db
      .selectFrom('establishment')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1298);
  });
});
