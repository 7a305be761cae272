import { classifyHb, HB_RULE_SETS, mulberry32 } from '@yawar/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Connection } from '../connect.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { adjustmentSql, levelSql } from './rule-sql.js';

let testDb: TestDatabase;
let connection: Connection;

beforeAll(async () => {
  testDb = await createTestDatabase();
  connection = connect(testDb.config);
});

afterAll(async () => {
  await connection.close();
  await testDb.drop();
});

/** Random children's tests, with band edges and the altitudes where rules switch over-represented. */
function inputs(count: number) {
  const random = mulberry32(42);
  const altitudes = [0, 443, 499, 500, 999, 1000, 1900, 2500, 2686, 2999, 3000, 4500];
  return Array.from({ length: count }, (_, i) => ({
    ageMonths: 6 + Math.floor(random() * 54),
    hbTenths:
      i % 3 === 0 ? ([70, 95, 100, 105, 110][i % 5] ?? 100) : 50 + Math.floor(random() * 120),
    altitudeM: i % 2 === 0 ? (altitudes[i % altitudes.length] ?? 0) : Math.round(random() * 4800),
  }));
}

describe.each(HB_RULE_SETS)('$id rendered as SQL', (rule) => {
  it('classifies 2,000 tests exactly as core classifyHb does', async () => {
    const rows = inputs(2000);
    const values = sql.join(
      rows.map(
        (r, i) => sql`(${i}::int, ${r.hbTenths}::int, ${r.ageMonths}::int, ${r.altitudeM}::float8)`,
      ),
    );
    const result = await sql<{ i: number; level: string | null }>`
      select i, ${sql.raw(levelSql(rule))} as level
      from (select *, hb_tenths - ${sql.raw(adjustmentSql(rule))} as adjusted_tenths
            from (values ${values}) as t(i, hb_tenths, age_months, altitude_m)) as x
      order by i`.execute(connection.db);
    const mismatches = result.rows.filter((row) => {
      const input = rows[row.i];
      if (!input) return true;
      const expected = classifyHb(
        { ageMonths: input.ageMonths, hbGdl: input.hbTenths / 10, altitudeM: input.altitudeM },
        rule,
      );
      return !expected.ok || expected.level !== row.level;
    });
    expect(mismatches).toEqual([]);
  });
});
