import { aggregateSiteHistory, mulberry32, type SupplyHistoryRow } from '@yawar/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../audit/actor.js';
import { openPreparedDatabase, type PreparedDatabase } from '../bootstrap.js';
import { loadSupplyHistory } from '../supply/history-load.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { loadUnitSeries } from './history-series.js';

/**
 * One definition of a unit's monthly series: the database's (kept on every load, read by the
 * programming) and the core's (the offline `yawar programming compute`) must agree on any rows.
 */

let testDb: TestDatabase;
let database: PreparedDatabase;
const SITES = [null, '00004466', '00004467', '00011153'] as const;
const MONTHS = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
let unitIndex = 0;

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = await openPreparedDatabase(testDb.config);
});

afterAll(async () => {
  await database.close();
  await testDb.drop();
});

/** Random site rows of unit 785 for one product: sites and months missing at random. */
function randomRows(seed: number, product: string): SupplyHistoryRow[] {
  const random = mulberry32(seed);
  const rows: SupplyHistoryRow[] = [];
  for (const site of SITES)
    for (const month of MONTHS) {
      if (random() < 0.25) continue;
      rows.push({
        executingUnitCode: '785',
        establishmentCode: site,
        resourceCode: product,
        month,
        consumption: site === null ? 0 : Math.round(random() * 200),
        stockEnd: random() < 0.2 ? null : Math.round(random() * 500),
        stockoutDays: random() < 0.3 ? Math.floor(random() * 30) : 0,
        losses: Math.round(random() * 5),
        inTransit: random() < 0.2 ? 25 : 0,
      });
    }
  return rows;
}

describe('the unit series', () => {
  it('equals the core aggregation of the same site rows', async () => {
    const products = ['FE-SF-GOT-30', 'FE-SF-JBE-180', 'FE-POL-GOT-30', 'MMN-SOB-1G'];
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1_000_000 }), async (seed) => {
        const product = products[unitIndex++ % products.length] as string;
        await database.db
          .deleteFrom('supply_history')
          .where('resource_code', '=', product)
          .execute();
        const rows = randomRows(seed, product);
        await loadSupplyHistory(database.db, rows, {
          fileName: 'property',
          origin: 'import',
          actor: systemActor('test'),
        });
        const series = await loadUnitSeries(database.db, '785', '2026-01', '2026-12');
        const [expected] = aggregateSiteHistory(
          rows.map((r) => ({
            executingUnit: r.executingUnitCode,
            establishment: r.establishmentCode,
            product: r.resourceCode,
            month: r.month,
            consumption: r.consumption,
            stockEnd: r.stockEnd,
            stockoutDays: r.stockoutDays,
            losses: r.losses,
            inTransit: r.inTransit,
          })),
        );
        const actual = series.byResource.get(product) ?? [];
        expect(actual.map((r) => r.month)).toEqual(expected?.history.map((r) => r.month) ?? []);
        actual.forEach((record, i) => {
          const want = expected?.history[i];
          expect(record.consumption).toBeCloseTo(want?.consumption ?? NaN, 9);
          expect(record.stockEnd).toEqual(want?.stockEnd);
          expect(record.stockoutDays).toBeCloseTo(want?.stockoutDays ?? NaN, 9);
          expect(record.reportingRate).toBeCloseTo(want?.reportingRate ?? NaN, 9);
          expect(record.inTransit).toBeCloseTo(want?.inTransit ?? NaN, 9);
          expect(record.losses).toBeCloseTo(want?.losses ?? NaN, 9);
        });
      }),
      { numRuns: 12 },
    );
  });
});
