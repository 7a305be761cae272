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
      establishments: 1297,
    });
    expect(seeded?.counts['district']?.inserted).toBe(127);
    expect(seeded?.counts['establishment']?.inserted).toBe(1297);
  });

  it('changes nothing when the same folder is imported again', async () => {
    const again = await importReference(database.db, { dir: CAJAMARCA_DIR }, TEST_ACTOR);
    expect(again.unchanged).toBe(true);
    expect(again.counts['establishment']).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 1297,
      retired: 0,
    });
    const count = await database.db
      .selectFrom('establishment')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1297);
  });
});
