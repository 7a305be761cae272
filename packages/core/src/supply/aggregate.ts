/**
 * From site rows (one establishment or warehouse, product and month, as in
 * docs/formats/supply-history.md) to the monthly series of a programming line (an executing unit
 * and a product). Sites are added up month by month:
 * - consumption, losses and in transit: Σ over the sites that reported;
 * - stock at month end: Σ of the stocks reported; null when no site reported one;
 * - stock-out days: the largest among the sites (a conservative choice: one post out of stock the
 *   whole month makes the line's month "stocked out", and QAT's adjustment then inflates the whole
 *   line's consumption; docs/methods/supply-quantification.md);
 * - reporting rate: Σ site reporting rates (1 for a plain site) ÷ number of sites of the line,
 *   the sites being those with a row for the product in any month.
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
  stockoutDays: number;
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
        stockoutDays: 0,
        losses: 0,
        inTransit: 0,
        reporting: 0,
      };
      line.months.set(row.month, totals);
    }
    totals.consumption += row.consumption;
    if (row.stockEnd !== null) totals.stockEnd = (totals.stockEnd ?? 0) + row.stockEnd;
    totals.stockoutDays = Math.max(totals.stockoutDays, row.stockoutDays);
    totals.losses += row.losses;
    totals.inTransit += row.inTransit;
    totals.reporting += row.reportingRate ?? 1;
  }
  const result: AggregatedLine[] = [];
  for (const line of lines.values()) {
    const sites = line.sites.size;
    const history = [...line.months.values()]
      .sort((a, b) => monthIndex(a.month) - monthIndex(b.month))
      .map((t): MonthlyRecord => ({
        month: t.month,
        consumption: t.consumption,
        stockEnd: t.stockEnd,
        stockoutDays: t.stockoutDays,
        losses: t.losses,
        inTransit: t.inTransit,
        reportingRate: Math.min(1, t.reporting / sites),
      }));
    result.push({ executingUnit: line.unit, product: line.product, sites, history });
  }
  return result.sort((a, b) =>
    a.executingUnit === b.executingUnit
      ? a.product.localeCompare(b.product)
      : a.executingUnit.localeCompare(b.executingUnit, undefined, { numeric: true }),
  );
}
