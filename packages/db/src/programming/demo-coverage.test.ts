import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPreparedDatabase, type PreparedDatabase } from '../bootstrap.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { DEMO_ROUND } from './demo-round.js';
import { DEMO_SUPPLY_HISTORY } from '../supply/history-simulated.js';

/**
 * A fresh first start with demo data on, as `npm start` does it: the simulated supply history and
 * the demo programming round must reach every executing unit that has establishments (RENAES
 * gives Cajamarca's establishments ten units), not only the few a hand list once named.
 */

let testDb: TestDatabase;
let database: PreparedDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = await openPreparedDatabase(testDb.config, { demoData: true });
}, 600_000);

afterAll(async () => {
  await database.close();
  await testDb.drop();
});

describe('demo data after a first start', () => {
  it('has a computed programme in the demo round for every executing unit with establishments', async () => {
    const { db } = database;
    const units = await db
      .selectFrom('establishment')
      .select('executing_unit_code as code')
      .distinct()
      .where('in_registry', '=', true)
      .where('district_ubigeo', 'like', `${DEMO_SUPPLY_HISTORY.department}%`)
      .where('executing_unit_code', 'is not', null)
      .orderBy('executing_unit_code')
      .execute();
    const withEstablishments = units.map((u) => u.code as string);
    // RENAES (data/cajamarca/ipress_minsa_renaes.csv, column "Código UE").
    expect(withEstablishments.map(Number).sort((a, b) => a - b)).toEqual([
      785, 786, 787, 788, 999, 1047, 1539, 1654, 1662, 1671,
    ]);

    const programmes = await db
      .selectFrom('programme as p')
      .innerJoin('programming_round as r', 'r.id', 'p.round_id')
      .leftJoin('programme_line as l', 'l.programme_id', 'p.id')
      .select([
        'p.executing_unit_code as code',
        'p.computed_at as computedAt',
        sql<number>`count(l.resource_code)::int`.as('lines'),
        sql<number>`count(l.resource_code) filter (where l.prefill_quantity > 0)::int`.as(
          'positive',
        ),
      ])
      .where('r.name', '=', DEMO_ROUND.name)
      .groupBy(['p.executing_unit_code', 'p.computed_at'])
      .execute();
    const byUnit = new Map(programmes.map((p) => [p.code, p]));
    for (const code of withEstablishments) {
      const programme = byUnit.get(code);
      expect(programme, `unit ${code} has no programme`).toBeDefined();
      expect(programme?.computedAt, `unit ${code} not computed`).not.toBeNull();
      expect(programme?.lines, `unit ${code} has no line`).toBeGreaterThan(0);
      expect(programme?.positive, `unit ${code} needs nothing`).toBeGreaterThan(0);
    }
  });

  it('has simulated history for every establishment with an executing unit, over the whole demo window', async () => {
    const { db } = database;
    const expected = await db
      .selectFrom('establishment')
      .select(['executing_unit_code as code', sql<number>`count(*)::int`.as('establishments')])
      .where('in_registry', '=', true)
      .where('district_ubigeo', 'like', `${DEMO_SUPPLY_HISTORY.department}%`)
      .where('executing_unit_code', 'is not', null)
      .groupBy('executing_unit_code')
      .execute();
    const history = await db
      .selectFrom('supply_history')
      .select([
        'executing_unit_code as code',
        sql<number>`count(distinct establishment_code)::int`.as('establishments'),
        sql<number>`count(*) filter (where establishment_code is null)::int`.as('warehouseRows'),
        sql<string>`to_char(min(month), 'YYYY-MM')`.as('first'),
        sql<string>`to_char(max(month), 'YYYY-MM')`.as('last'),
        sql<number>`count(*) filter (where not simulated)::int`.as('real'),
      ])
      .groupBy('executing_unit_code')
      .execute();
    const byUnit = new Map(history.map((h) => [h.code, h]));
    for (const unit of expected) {
      const rows = byUnit.get(unit.code ?? '');
      expect(rows, `unit ${unit.code} has no history`).toBeDefined();
      expect(rows?.establishments).toBe(unit.establishments);
      expect(rows?.warehouseRows).toBeGreaterThan(0);
      expect([rows?.first, rows?.last]).toEqual([DEMO_SUPPLY_HISTORY.from, DEMO_SUPPLY_HISTORY.to]);
      expect(rows?.real).toBe(0);
    }
  });
});
