import { monthFromIndex, type MonthlyRecord } from '@yawar/core';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface UnitSeries {
  /** Per resource, the unit's monthly records, oldest first. */
  readonly byResource: Map<string, MonthlyRecord[]>;
  /** Whether any row behind them is simulated demo data. */
  readonly simulated: boolean;
}

/**
 * An executing unit's monthly series per product (read from supply_series), summed over its sites
 * (its warehouse and its
 * establishments): consumption, stock (warehouse + establishments, the "stock disponible" of the
 * reconstructed line [R], docs/methods/supply-quantification.md), losses and in transit are sums. Stock-out days are the mean over the
 * establishments that reported, and the reporting rate is the share of the product's reporting
 * establishments (most in any month of the window) that reported that month — so the QAT
 * adjustment (÷ reporting rate ÷ (1 − stock-out rate)) applies to the unit total. A warehouse
 * alone (a hospital unit) reports at rate 1.
 */
export async function loadUnitSeries(
  db: Kysely<Database>,
  unitCode: string,
  fromMonth: string,
  toMonth: string,
): Promise<UnitSeries> {
  return (await loadSeries(db, [unitCode], fromMonth, toMonth)).get(unitCode) ?? emptySeries();
}

const emptySeries = (): UnitSeries => ({ byResource: new Map(), simulated: false });

/** The series of several units at once, cut to the months [from, to]. */
export async function loadSeries(
  db: Kysely<Database>,
  unitCodes: readonly string[],
  fromMonth: string,
  toMonth: string,
): Promise<Map<string, UnitSeries>> {
  // One text for the whole batch: the series are stored as JSON, so the embedded engine hands
  // over a single value and JavaScript parses it once.
  const result = await sql<{ series: string | null }>`
    select '[' || string_agg(series, ',') || ']' as series from supply_series
    where executing_unit_code in (${sql.join(unitCodes.length ? unitCodes : [''])})`.execute(db);
  const rows = JSON.parse(result.rows[0]?.series ?? '[]') as StoredSeries[];
  const byUnit = new Map<string, UnitSeries>();
  for (const row of rows) {
    const records = toRecords(row).filter((r) => r.month >= fromMonth && r.month <= toMonth);
    if (records.length === 0) continue;
    const series = byUnit.get(row.u) ?? emptySeries();
    series.byResource.set(row.r, records);
    byUnit.set(row.u, { byResource: series.byResource, simulated: series.simulated || row.x });
  }
  return byUnit;
}

/**
 * Rebuilds the series of `unitCodes` (null: every unit) from supply_history. Call it in the
 * transaction that loaded history, so the series never disagree with the rows behind them.
 */
export async function refreshSupplySeries(
  db: Kysely<Database>,
  unitCodes: readonly string[] | null,
): Promise<void> {
  const units = unitCodes ? (unitCodes.length ? unitCodes : ['']) : null;
  const filter = units ? sql`where executing_unit_code in (${sql.join(units)})` : sql``;
  await sql`delete from supply_series ${filter}`.execute(db);
  await sql`
    insert into supply_series (executing_unit_code, resource_code, simulated, series)
    with monthly as (
      select executing_unit_code, resource_code, month,
        sum(consumption)::float8 as consumption,
        sum(stock_end)::float8 as stock_end,
        coalesce(avg(stockout_days) filter (where establishment_code is not null),
                 avg(stockout_days))::float8 as stockout_days,
        sum(losses)::float8 as losses,
        sum(in_transit)::float8 as in_transit,
        (count(*) filter (where establishment_code is not null))::int as sites,
        bool_or(simulated) as simulated
      from supply_history ${filter}
      group by executing_unit_code, resource_code, month)
    select executing_unit_code, resource_code, bool_or(simulated),
      json_build_object(
        'u', executing_unit_code, 'r', resource_code, 'x', bool_or(simulated),
        'i', array_agg((extract(year from month) * 12 + extract(month from month) - 1)::int
                       order by month),
        'c', array_agg(consumption order by month),
        's', array_agg(stock_end order by month),
        'd', array_agg(stockout_days order by month),
        'l', array_agg(losses order by month),
        't', array_agg(in_transit order by month),
        'n', array_agg(sites order by month))::text
    from monthly group by executing_unit_code, resource_code`.execute(db);
}

/**
 * The stored JSON: unit, resource, simulated, months as indices (year × 12 + month − 1, shorter
 * than "YYYY-MM"), then one array per measure.
 */
interface StoredSeries {
  u: string;
  r: string;
  x: boolean;
  i: number[];
  c: number[];
  s: (number | null)[];
  d: number[];
  l: number[];
  t: number[];
  n: number[];
}

function toRecords(row: StoredSeries): MonthlyRecord[] {
  const expectedSites = Math.max(...row.n);
  return row.i.map((index, i) => ({
    month: monthFromIndex(index),
    consumption: row.c[i] ?? 0,
    stockEnd: row.s[i] ?? null,
    stockoutDays: Math.round((row.d[i] ?? 0) * 10) / 10,
    losses: row.l[i] ?? 0,
    inTransit: row.t[i] ?? 0,
    // A month where only the warehouse reported counts as one site, not as none.
    reportingRate: expectedSites === 0 ? 1 : Math.max(row.n[i] ?? 0, 1) / expectedSites,
  }));
}
