import { NTS_213_2024 } from '@yawar/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPreparedDatabase, type PreparedDatabase } from '../bootstrap.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { prevalenceCounts, type PrevalenceRow } from './prevalence.js';
import { loadSimulatedScreenings } from './simulated.js';

// Complementary suppression (docs/methods/prevalence.md §4) needs age bands that add up to the
// whole range exactly: a child counts in the band of their age at their first test in the period.
let testDb: TestDatabase;
let database: PreparedDatabase;
const BANDS = [
  { from: 6, to: 11 },
  { from: 12, to: 23 },
  { from: 24, to: 35 },
  { from: 36, to: 59 },
];

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = await openPreparedDatabase(testDb.config);
  await loadSimulatedScreenings(database.db, {
    department: '06',
    children: 600,
    seed: 11,
    from: '2024-01-01',
    to: '2025-12-31',
  });
});

afterAll(async () => {
  await database.close();
  await testDb.drop();
});

const key = (r: PrevalenceRow) => `${r.areaCode}|${r.period}`;
const fields = (r: PrevalenceRow) => [r.n, r.mild, r.moderate, r.severe, r.simulated];

describe('prevalenceCounts by age band', () => {
  it.each(['all', 'quarter'] as const)(
    'partitions the 6–59 month counts of every area and period (%s)',
    async (period) => {
      const query = { department: '06', area: 'province' as const, period };
      const whole = await prevalenceCounts(database.db, NTS_213_2024, query);
      const banded = await prevalenceCounts(database.db, NTS_213_2024, {
        ...query,
        ageBands: BANDS,
      });
      expect(whole.every((r) => r.ageBand === null)).toBe(true);
      const seen = new Set(banded.map((r) => r.ageBand));
      expect(seen.size).toBeGreaterThan(1);
      for (const band of seen) expect(['6-11', '12-23', '24-35', '36-59']).toContain(band);
      const sums = new Map<string, number[]>();
      for (const row of banded) {
        const sum = sums.get(key(row)) ?? [0, 0, 0, 0, 0];
        sums.set(
          key(row),
          sum.map((v, i) => v + (fields(row)[i] ?? 0)),
        );
      }
      expect(whole.length).toBeGreaterThan(3);
      for (const row of whole) expect(sums.get(key(row))).toEqual(fields(row));
    },
  );

  it('filters by the age at the first test, so one band equals its banded rows', async () => {
    const query = { department: '06', area: 'department' as const, period: 'year' as const };
    const band = await prevalenceCounts(database.db, NTS_213_2024, {
      ...query,
      ageFromMonths: 12,
      ageToMonths: 23,
    });
    const banded = (
      await prevalenceCounts(database.db, NTS_213_2024, { ...query, ageBands: BANDS })
    ).filter((r) => r.ageBand === '12-23');
    expect(band.map(fields)).toEqual(banded.map(fields));
    expect(band[0]?.n).toBeGreaterThan(0);
  });

  it('refuses a band that is not a range of whole months', async () => {
    await expect(
      prevalenceCounts(database.db, NTS_213_2024, {
        department: '06',
        area: 'department',
        period: 'all',
        ageBands: [{ from: 6, to: 1.5 }],
      }),
    ).rejects.toThrow(RangeError);
  });
});
