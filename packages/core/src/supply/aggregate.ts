/**
 * From site rows (one establishment or warehouse, product and month, as in
 * docs/formats/supply-history.md) to the monthly series of a programming line (an executing unit
 * and a product). The database keeps the same series (db `refreshSupplySeries`, same rules, and a
 * test holds the two together). Sites are added up month by month:
 * - consumption, losses and in transit: Σ over the sites that reported;
 * - stock at month end: Σ of the stocks reported (warehouse + establishments: the "stock
 *   disponible" of the reconstructed CENARES line [R], docs/methods/supply-quantification.md);
 *   null when no site reported one;
 * - stock-out days: the mean over the establishments that reported (the warehouse's own when only
 *   it reported), to one decimal — so QAT's adjustment of the total approximates adjusting each
 *   site; the largest would let one post out of stock inflate the whole unit's month;
 * - reporting rate: establishments reporting that month (each weighted by its own `reportingRate`,
 *   1 by default; at least 1) ÷ the most establishments that reported in any month of the line;
 *   1 for a warehouse alone (a hospital unit).
 */
import { monthIndex } from './months.js';
import type { MonthlyRecord } from './types.js';

export interface SiteMonthRecord {
  readonly executingUnit: string;
  /** Null for the executing unit's own warehouse. */
  readonly establishment: string | null;
  readonly product: string;
  readonly month: string;
  readonly consumption: number;
  readonly stockEnd: number | null;
  readonly stockoutDays: number;
  readonly losses: number;
  readonly inTransit: number;
  /** Share of the site's own sub-sites that reported; 1 (default) for a plain site. */
  readonly reportingRate?: number;
}

export interface AggregatedLine {
  readonly executingUnit: string;
  readonly product: string;
  /** Sites with a row for the product in any month. */
  readonly sites: number;
  /** Oldest first; months no site reported are absent. */
  readonly history: readonly MonthlyRecord[];
}

interface MonthTotals {
  month: string;
  consumption: number;
  stockEnd: number | null;
  /** Σ stock-out days and count of the establishments, and the warehouse's own. */
  establishmentStockout: number;
  establishments: number;
  warehouseStockout: number | null;
  losses: number;
  inTransit: number;
  reporting: number;
}

/** Lines sorted by executing unit, then product; one per pair that has rows. */
export function aggregateSiteHistory(rows: readonly SiteMonthRecord[]): AggregatedLine[] {
  const lines = new Map<
    string,
    { unit: string; product: string; sites: Set<string>; months: Map<string, MonthTotals> }
  >();
  for (const row of rows) {
    const key = `${row.executingUnit}\u0000${row.product}`;
    let line = lines.get(key);
    if (!line) {
      line = { unit: row.executingUnit, product: row.product, sites: new Set(), months: new Map() };
      lines.set(key, line);
    }
    line.sites.add(row.establishment ?? '');
    let totals = line.months.get(row.month);
    if (!totals) {
      totals = {
        month: row.month,
        consumption: 0,
        stockEnd: null,
        establishmentStockout: 0,
        establishments: 0,
        warehouseStockout: null,
        losses: 0,
        inTransit: 0,
        reporting: 0,
      };
      line.months.set(row.month, totals);
    }
    totals.consumption += row.consumption;
    if (row.stockEnd !== null) totals.stockEnd = (totals.stockEnd ?? 0) + row.stockEnd;
    if (row.establishment === null) totals.warehouseStockout = row.stockoutDays;
    else {
      totals.establishmentStockout += row.stockoutDays;
      totals.establishments += 1;
      totals.reporting += row.reportingRate ?? 1;
    }
    totals.losses += row.losses;
    totals.inTransit += row.inTransit;
  }
  const result: AggregatedLine[] = [];
  for (const line of lines.values()) {
    const sites = line.sites.size;
    const months = [...line.months.values()];
    const expected = Math.max(0, ...months.map((t) => t.reporting));
    const history = months
      .sort((a, b) => monthIndex(a.month) - monthIndex(b.month))
      .map((t): MonthlyRecord => ({
        month: t.month,
        consumption: t.consumption,
        stockEnd: t.stockEnd,
        stockoutDays: Math.round(meanStockout(t) * 10) / 10,
        losses: t.losses,
        inTransit: t.inTransit,
        reportingRate: expected === 0 ? 1 : Math.min(1, Math.max(t.reporting, 1) / expected),
      }));
    result.push({ executingUnit: line.unit, product: line.product, sites, history });
  }
  return result.sort((a, b) =>
    a.executingUnit === b.executingUnit
      ? a.product.localeCompare(b.product)
      : a.executingUnit.localeCompare(b.executingUnit, undefined, { numeric: true }),
  );
}

function meanStockout(t: MonthTotals): number {
  if (t.establishments > 0) return t.establishmentStockout / t.establishments;
  return t.warehouseStockout ?? 0;
}
