import type { MonthlyRecord } from '@yawar/core';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface UnitSeries {
  /** Per resource, the unit's monthly records, oldest first. */
  readonly byResource: Map<string, MonthlyRecord[]>;
  /** Whether any row behind them is simulated demo data. */
  readonly simulated: boolean;
}

/**
 * An executing unit's monthly series per product, summed over its sites (its warehouse and its
 * establishments): consumption, stock (warehouse + establishments, domain-supply §9 "stock
 * disponible"), losses and in transit are sums. Stock-out days are the mean over the
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
  const rows = await db
    .selectFrom('supply_history')
    .select([
      'resource_code as resource',
      sql<string>`to_char(month, 'YYYY-MM')`.as('month'),
      sql<number>`sum(consumption)::float8`.as('consumption'),
      sql<number | null>`sum(stock_end)::float8`.as('stockEnd'),
      sql<number>`coalesce(avg(stockout_days) filter (where establishment_code is not null), avg(stockout_days))::float8`.as(
        'stockoutDays',
      ),
      sql<number>`sum(losses)::float8`.as('losses'),
      sql<number>`sum(in_transit)::float8`.as('inTransit'),
      sql<number>`(count(*) filter (where establishment_code is not null))::int`.as('sites'),
      sql<boolean>`bool_or(simulated)`.as('simulated'),
    ])
    .where('executing_unit_code', '=', unitCode)
    .where(sql<boolean>`month between ${`${fromMonth}-01`}::date and ${`${toMonth}-01`}::date`)
    .groupBy(['resource_code', 'month'])
    .orderBy('resource_code')
    .orderBy('month')
    .execute();
  const grouped = new Map<string, typeof rows>();
  let simulated = false;
  for (const row of rows) {
    simulated ||= row.simulated;
    const list = grouped.get(row.resource) ?? [];
    list.push(row);
    grouped.set(row.resource, list);
  }
  const byResource = new Map<string, MonthlyRecord[]>();
  for (const [resource, list] of grouped) {
    const expectedSites = Math.max(...list.map((r) => r.sites));
    byResource.set(
      resource,
      list.map((r) => ({
        month: r.month,
        consumption: r.consumption,
        stockEnd: r.stockEnd,
        stockoutDays: Math.round(r.stockoutDays * 10) / 10,
        losses: r.losses,
        inTransit: r.inTransit,
        reportingRate: expectedSites === 0 ? 1 : Math.max(r.sites, 1) / expectedSites,
      })),
    );
  }
  return { byResource, simulated };
}
