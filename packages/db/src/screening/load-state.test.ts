import { NTS_213_2024, type ScreeningRecord } from '@yawar/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemActor } from '../audit/actor.js';
import { openPreparedDatabase, type PreparedDatabase } from '../bootstrap.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { followUpList } from './follow-up.js';
import { LoadAbandonedError, removeAbandonedLoads } from './load-state.js';
import { loadScreenings, ScreeningImportError } from './load.js';
import { prevalenceCounts } from './prevalence.js';

// Issue 10, finding 6: a load commits in short steps under a `loading` batch that readers skip.
let testDb: TestDatabase;
let database: PreparedDatabase;
let establishment: string;
const actor = systemActor('test');

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = await openPreparedDatabase(testDb.config, { demoData: false });
  const row = await database.db
    .selectFrom('establishment')
    .select('code')
    .where('district_ubigeo', 'like', '06%')
    .orderBy('code')
    .limit(1)
    .executeTakeFirstOrThrow();
  establishment = row.code;
});

afterAll(async () => {
  await database.close();
  await testDb.drop();
});

let fileNumber = 0;
beforeEach(() => {
  fileNumber += 1;
});

/** `n` tests of `n` new children at one establishment: more than one step of 500 rows. */
function records(n: number, prefix = `f${fileNumber}`): ScreeningRecord[] {
  return Array.from({ length: n }, (_, i) => ({
    line: i + 2,
    childKey: `${prefix}-child-${i}`,
    birthDate: '2023-01-15',
    sex: i % 2 === 0 ? 'F' : 'M',
    testDate: '2025-03-10',
    ageMonths: 25,
    hbTenths: 95 + (i % 40),
    altitudeM: 2750,
    altitudeSource: 'establishment',
    residenceUbigeo: null,
    populatedPlaceCode: null,
    establishmentCode: establishment,
    weightKg: null,
    supplementationCode: null,
  }));
}

const load = (rows: readonly ScreeningRecord[], onProgress?: () => Promise<void>) =>
  loadScreenings(database.db, rows, {
    fileName: `file-${fileNumber}.csv`,
    origin: 'import',
    actor,
    ...(onProgress ? { onProgress } : {}),
  });

const counts = async () => {
  const row = await sql<{ screenings: number; children: number; batches: number }>`
    select (select count(*) from screening)::int as screenings,
      (select count(*) from child)::int as children,
      (select count(*) from screening_batch)::int as batches`.execute(database.db);
  return row.rows[0];
};

const childrenCounted = async () => {
  const rows = await prevalenceCounts(database.db, NTS_213_2024, {
    department: '06',
    area: 'department',
    period: 'year',
  });
  return rows.reduce((sum, row) => sum + row.n, 0);
};

const followUpOf = (code: string) =>
  followUpList(database.db, NTS_213_2024, { establishment: code, today: '2025-03-20' });

describe('a screening load in short steps', () => {
  it('lets other statements run between its steps, and readers see none of its rows until it is complete', async () => {
    const before = await childrenCounted();
    const seenWhileLoading: number[] = [];
    let loadingBatches = 0;
    const report = await load(records(1200), async () => {
      // Runs between two of the load's transactions: on PGlite the one session is free.
      seenWhileLoading.push(await childrenCounted());
      seenWhileLoading.push((await followUpOf(establishment)).length);
      const loading = await database.db
        .selectFrom('screening_batch')
        .select('id')
        .where('state', '=', 'loading')
        .execute();
      loadingBatches = loading.length;
    });
    expect(loadingBatches).toBe(1);
    expect(seenWhileLoading.filter((_, i) => i % 2 === 0).every((n) => n === before)).toBe(true);
    expect(seenWhileLoading.filter((_, i) => i % 2 === 1).every((n) => n === 0)).toBe(true);
    expect(await childrenCounted()).toBe(before + 1200);
    // The same reader sees the anemic children once the load is complete.
    expect((await followUpOf(establishment)).length).toBeGreaterThan(100);
    expect(report).toMatchObject({ screenings: 1200, newChildren: 1200 });
    const batch = await database.db
      .selectFrom('screening_batch')
      .select(['state', 'heartbeat_at'])
      .where('id', '=', report.batchId)
      .executeTakeFirstOrThrow();
    expect(batch).toEqual({ state: 'complete', heartbeat_at: null });
  });

  it('removes everything it wrote when a step fails, audit entry included', async () => {
    const before = await counts();
    const audits = await database.db
      .selectFrom('audit_event')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    let steps = 0;
    await expect(
      load(records(1200), () => {
        steps += 1;
        // After rows and new children of the first step were committed.
        return steps === 2 ? Promise.reject(new Error('cut off')) : Promise.resolve();
      }),
    ).rejects.toThrow('cut off');
    expect(await counts()).toEqual(before);
    const after = await database.db
      .selectFrom('audit_event')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(audits.n));
  });

  it('stops, leaving nothing, when a remover takes it as abandoned', async () => {
    const before = await counts();
    let removed: number[] = [];
    await expect(
      load(records(1200), async () => {
        if (removed.length === 0) removed = await removeAbandonedLoads(database.db, 0);
      }),
    ).rejects.toBeInstanceOf(LoadAbandonedError);
    expect(removed).toHaveLength(1);
    expect(await counts()).toEqual(before);
  });

  it('removes a load whose process died, and a new load then goes ahead', async () => {
    const before = await counts();
    // What a process killed in the middle of a load leaves: a loading batch, a child, a test.
    const dead = await database.db
      .insertInto('screening_batch')
      .values({
        file_name: 'dead.csv',
        origin: 'import',
        rows: 1,
        actor: 'test',
        state: 'loading',
        heartbeat_at: sql<Date>`now() - interval '10 minutes'`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const child = await database.db
      .insertInto('child')
      .values({ pseudonym: 'dead-child', birth_date: '2023-01-01', sex: 'F', simulated: false })
      .returning('id')
      .executeTakeFirstOrThrow();
    await database.db
      .updateTable('child')
      .set({ created_by_batch: dead.id })
      .where('id', '=', child.id)
      .execute();
    await database.db
      .insertInto('screening')
      .values({
        child_id: child.id,
        batch_id: dead.id,
        test_date: '2025-01-01',
        age_months: 24,
        hb_tenths: 100,
        altitude_m: 2750,
        altitude_source: 'establishment',
        establishment_code: establishment,
        simulated: false,
      })
      .execute();
    // A live load (heartbeat now) is not removed by the ordinary timeout.
    expect(await removeAbandonedLoads(database.db, 120)).toEqual([dead.id]);
    expect(await counts()).toEqual(before);
    const report = await load(records(10));
    expect(report.screenings).toBe(10);
  });

  it('runs two loads of one file one after the other: the second finds it already imported', async () => {
    const rows = records(700);
    const results = await Promise.allSettled([load(rows), load(rows)]);
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    const error = (rejected[0] as PromiseRejectedResult).reason as ScreeningImportError;
    expect(error).toBeInstanceOf(ScreeningImportError);
    expect(error.summary.total).toBe(700);
    expect(error.errors[0]?.reason).toMatch(/^already imported \(batch \d+\)$/);
  });

  it('is removed when the database is opened again after a stop in the middle of it', async () => {
    // The embedded engine needs a data folder to be opened twice; PostgreSQL reopens the test one.
    const folder = database.engine === 'pglite' ? mkdtempSync(join(tmpdir(), 'yawar-load-')) : null;
    const config = folder ? { ...testDb.config, dataDir: folder } : testDb.config;
    try {
      const first = folder ? await openPreparedDatabase(config, { demoData: false }) : database;
      const batch = (minutesAgo: number) =>
        first.db
          .insertInto('screening_batch')
          .values({
            file_name: `cut-${minutesAgo}.csv`,
            origin: 'import',
            rows: 1,
            actor: 'test',
            state: 'loading',
            heartbeat_at: sql<Date>`now() - make_interval(mins => ${minutesAgo})`,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
      const stale = await batch(10);
      if (folder) await first.close();
      const reopened = await openPreparedDatabase(config, { demoData: false });
      const left = await reopened.db
        .selectFrom('screening_batch')
        .select('id')
        .where('state', '=', 'loading')
        .execute();
      // No other process can be loading on the embedded engine; on PostgreSQL, the stale one.
      expect(left.map((row) => row.id)).not.toContain(stale.id);
      if (database.engine === 'postgres') {
        // A load another process is running now is left alone.
        const live = await batch(0);
        await reopened.close();
        const again = await openPreparedDatabase(config, { demoData: false });
        const kept = await again.db
          .selectFrom('screening_batch')
          .select('id')
          .where('state', '=', 'loading')
          .execute();
        expect(kept.map((row) => row.id)).toEqual([live.id]);
        await removeAbandonedLoads(again.db, 0);
        await again.close();
      } else {
        await reopened.close();
      }
    } finally {
      if (folder) rmSync(folder, { recursive: true, force: true });
    }
  });
});
