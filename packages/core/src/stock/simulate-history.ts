import { mulberry32 } from '../screening/simulate.js';
import { daysInMonth, monthIndex, monthRange } from '../supply/months.js';
import type { SupplyHistoryRow } from './history-records.js';

/**
 * SIMULATED monthly logistics history for demonstrations — never real SISMED data, which is not
 * public per establishment. For every establishment × product × month it draws a consumption
 * shaped by the establishment's category (a hospital dispenses more than a health post), a mild
 * trend and a yearly season, and replays a simple order-up-to replenishment so stock, stock-outs
 * and losses stay consistent month to month:
 *
 *   available = stock at the start + received;  consumption = min(demand, available);
 *   stock_end = available − consumption − losses
 *
 * Each site and product gets a replenishment profile (most keep 2–6 months of stock; some run
 * short, some pile up, a few hold stock that nobody dispenses), and supply interruptions of one
 * to three months now and then leave the shelf empty with stock-out days. Each executing unit's
 * warehouse (establishment null) dispenses nothing: its consumption is 0 and its stock covers a few
 * months of its establishments' demand. Deterministic for a seed; each site and product draws
 * from its own stream, so adding an establishment does not change the others' history.
 */
export interface SupplySimulationEstablishment {
  readonly code: string;
  readonly executingUnitCode: string;
  /** NTS 021 category ("I-1" … "III-2"); drives the volume. */
  readonly category: string;
}

export interface SupplySimulationProduct {
  readonly code: string;
  /** Mean monthly consumption at a health post (I-1), in dispensing units. */
  readonly baseMonthly: number;
}

export interface SupplySimulationOptions {
  readonly seed: number;
  readonly establishments: readonly SupplySimulationEstablishment[];
  /** Executing units whose warehouse gets a row per product and month. */
  readonly executingUnits: readonly string[];
  readonly products: readonly SupplySimulationProduct[];
  /** First and last month, `YYYY-MM`, both included. */
  readonly from: string;
  readonly to: string;
}

/**
 * Assumed monthly consumption of the anemia catalogue at a health post (I-1), in dispensing units:
 * orders of magnitude for a post serving a few dozen children 6–35 months, not measurements.
 */
export const SIMULATED_BASE_MONTHLY: Readonly<Record<string, number>> = Object.freeze({
  'FE-SF-GOT-30': 18,
  'FE-SF-JBE-180': 8,
  'FE-POL-GOT-30': 7,
  'FE-POL-JBE-100': 4,
  'FE-SF-TAB-300': 240,
  'MMN-SOB-1G': 360,
  'HB-MICROCUB': 40,
  'HB-LANCETA': 44,
  'HB-CONTROL': 0.4,
});

/** How many times a health post's volume each category dispenses. */
const CATEGORY_FACTOR: Readonly<Record<string, number>> = {
  'I-1': 1,
  'I-2': 1.6,
  'I-3': 2.6,
  'I-4': 4,
  'II-1': 6,
  'II-2': 9,
  'II-E': 5,
  'III-1': 12,
  'III-2': 10,
  'III-E': 8,
};

/** Target months of stock after a delivery, by profile, and how often each profile occurs. */
const PROFILES = [
  { share: 0.68, target: [3.2, 7] },
  { share: 0.15, target: [1.3, 2.7] },
  { share: 0.12, target: [8.5, 14] },
  { share: 0.05, target: [3, 6] }, // idle: stock on the shelf, nothing dispensed
] as const;
const IDLE_PROFILE = 3;
/** Chance per month that deliveries stop, and for how long (months). */
const INTERRUPTION_CHANCE = 0.025;
const INTERRUPTION_MONTHS = [1, 3] as const;
const WAREHOUSE_MONTHS = [1.5, 4] as const;

export function simulateSupplyHistory(options: SupplySimulationOptions): SupplyHistoryRow[] {
  const months = monthRange(options.from, monthIndex(options.to) - monthIndex(options.from) + 1);
  const rows: SupplyHistoryRow[] = [];
  // Expected demand of each unit's establishments per product and month, for the warehouses.
  const unitDemand = new Map<string, number[]>();
  for (const establishment of options.establishments) {
    const factor = CATEGORY_FACTOR[establishment.category] ?? 1;
    for (const product of options.products) {
      const random = mulberry32(streamSeed(options.seed, establishment.code, product.code));
      const site = simulateSite(random, months, product.baseMonthly * factor);
      const key = `${establishment.executingUnitCode}|${product.code}`;
      const total = unitDemand.get(key) ?? months.map(() => 0);
      site.forEach((month, i) => (total[i] = (total[i] ?? 0) + month.expected));
      unitDemand.set(key, total);
      site.forEach((month, i) =>
        rows.push({
          executingUnitCode: establishment.executingUnitCode,
          establishmentCode: establishment.code,
          resourceCode: product.code,
          month: months[i] ?? '',
          ...month.row,
        }),
      );
    }
  }
  for (const unit of options.executingUnits) {
    for (const product of options.products) {
      const random = mulberry32(streamSeed(options.seed, `warehouse-${unit}`, product.code));
      const demand = unitDemand.get(`${unit}|${product.code}`) ?? months.map(() => 0);
      months.forEach((month, i) =>
        rows.push(warehouseRow(random, unit, product.code, month, demand[i] ?? 0)),
      );
    }
  }
  return rows;
}

interface SimulatedMonth {
  readonly expected: number;
  readonly row: Omit<
    SupplyHistoryRow,
    'executingUnitCode' | 'establishmentCode' | 'resourceCode' | 'month'
  >;
}

function simulateSite(
  random: () => number,
  months: readonly string[],
  base: number,
): SimulatedMonth[] {
  const profile = pickProfile(random());
  const [low, high] = (PROFILES[profile] ?? PROFILES[0]).target;
  const target = between(random, low, high);
  const trend = between(random, -0.06, 0.15); // per year
  const amplitude = between(random, 0.05, 0.2);
  const phase = random() * 12;
  const idle = profile === IDLE_PROFILE;
  let stock = Math.round(base * target * between(random, 0.6, 1.2));
  let interruption = 0;
  return months.map((month, t) => {
    const season = 1 + amplitude * Math.sin((2 * Math.PI * (t + phase)) / 12);
    const expected = idle ? 0 : base * (1 + (trend * t) / 12) * season;
    const demand = idle ? 0 : poisson(random, expected * between(random, 0.8, 1.2));
    if (interruption > 0) interruption--;
    else if (random() < INTERRUPTION_CHANCE)
      interruption = Math.round(between(random, INTERRUPTION_MONTHS[0], INTERRUPTION_MONTHS[1]));
    const received =
      interruption > 0 || idle ? 0 : Math.max(0, Math.round(expected * target - stock));
    const available = stock + received;
    const consumption = Math.min(demand, available);
    const days = daysInMonth(month);
    // Days without stock: the share of the month's demand the shelf could not meet.
    const stockoutDays =
      demand > available
        ? Math.min(days, Math.max(1, Math.round(days * (1 - available / demand))))
        : 0;
    const left = available - consumption;
    const losses =
      left > 0 && random() < 0.08
        ? Math.min(left, Math.ceil(left * between(random, 0.01, 0.05)))
        : 0;
    stock = left - losses;
    const inTransit = random() < 0.06 && !idle ? Math.round(expected * between(random, 0.5, 2)) : 0;
    return {
      expected,
      row: { consumption, stockEnd: stock, stockoutDays, losses, inTransit },
    };
  });
}

function warehouseRow(
  random: () => number,
  unit: string,
  product: string,
  month: string,
  demand: number,
): SupplyHistoryRow {
  const monthsHeld = between(random, WAREHOUSE_MONTHS[0], WAREHOUSE_MONTHS[1]);
  return {
    executingUnitCode: unit,
    establishmentCode: null,
    resourceCode: product,
    month,
    consumption: 0,
    stockEnd: Math.round(demand * monthsHeld),
    stockoutDays: 0,
    losses: 0,
    inTransit: random() < 0.15 ? Math.round(demand * between(random, 0.5, 1.5)) : 0,
  };
}

function pickProfile(draw: number): number {
  let cumulative = 0;
  for (const [index, profile] of PROFILES.entries()) {
    cumulative += profile.share;
    if (draw < cumulative) return index;
  }
  return 0;
}

const between = (random: () => number, low: number, high: number) => low + (high - low) * random();

/** A Poisson draw (Knuth for small means, a rounded normal above 30): whole units dispensed. */
function poisson(random: () => number, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 30) {
    const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal));
  }
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

/** A 32-bit seed per site and product (FNV-1a over the names, mixed with the run's seed). */
function streamSeed(seed: number, site: string, product: string): number {
  let hash = 0x811c9dc5 ^ seed;
  for (const char of `${site}|${product}`) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
