/**
 * DIGEMID stock classes (desabastecido, sin rotación, substock, normostock, sobrestock) and the
 * availability indicator (DME), with the thresholds and the MED rounding as versioned data.
 * Source [T]: DIGEMID "Ficha N.° 28" (convenios de gestión) as implemented by DIRESA San Martín's
 * ToolkitSISMED (`services/stockStatus.ts`, `services/availabilityConfig.ts` @d0a6fa17) — a
 * third-party transcription, the Ficha itself was not read (domain-supply.md §8).
 * Method: docs/methods/stock-status.md.
 */
import { nonNegative } from './guards.js';

export type StockClass =
  'desabastecido' | 'sin_rotacion' | 'substock' | 'normostock' | 'sobrestock';

export interface StockRuleSet {
  readonly id: 'digemid-ficha28-2024' | 'digemid-ficha28-unrounded';
  readonly title: string;
  readonly source: string;
  /** Evidence: a third-party transcription of the norm [T]. */
  readonly status: 'transcription';
  /** Decimals MED is rounded to before comparing (half up); null compares it unrounded. */
  readonly medDecimals: number | null;
  /** Substock when 0 < MED < this. */
  readonly substockBelow: number;
  /** Sobrestock when MED > this; normostock from `substockBelow` to this, both included. */
  readonly sobrestockAbove: number;
  /** CPMA: months looked at, and the divisor (months with consumption > 0). */
  readonly cpma: { readonly windowMonths: number; readonly divisor: 'months_with_consumption' };
}

const FICHA_28_SOURCE =
  'DIGEMID Ficha N.° 28 (convenios de gestión), transcribed by jchaconv94/ToolkitSISMED@d0a6fa17 services/stockStatus.ts; domain-supply.md §8 [T]';

export const DIGEMID_FICHA28_2024: StockRuleSet = Object.freeze<StockRuleSet>({
  id: 'digemid-ficha28-2024',
  title: 'DIGEMID Ficha 28: MED rounded to 1 decimal (as displayed), 2–6 months normostock',
  source: FICHA_28_SOURCE,
  status: 'transcription',
  medDecimals: 1,
  substockBelow: 2,
  sobrestockAbove: 6,
  cpma: { windowMonths: 12, divisor: 'months_with_consumption' },
});

export const DIGEMID_FICHA28_UNROUNDED: StockRuleSet = Object.freeze<StockRuleSet>({
  id: 'digemid-ficha28-unrounded',
  title: 'DIGEMID Ficha 28 with MED compared unrounded (earlier ToolkitSISMED modules)',
  source: FICHA_28_SOURCE,
  status: 'transcription',
  medDecimals: null,
  substockBelow: 2,
  sobrestockAbove: 6,
  cpma: { windowMonths: 12, divisor: 'months_with_consumption' },
});

export const STOCK_RULE_SETS: readonly StockRuleSet[] = Object.freeze([
  DIGEMID_FICHA28_2024,
  DIGEMID_FICHA28_UNROUNDED,
]);

export function stockRuleSet(id: string): StockRuleSet | undefined {
  return STOCK_RULE_SETS.find((r) => r.id === id);
}

/**
 * MED (meses de existencia disponible) = stock ÷ CPMA; null when CPMA is 0 (no rotation: the
 * months are infinite with stock and undefined without).
 * @example monthsOfStock(59, 30) // 1.9666…
 */
export function monthsOfStock(stock: number, cpma: number): number | null {
  nonNegative('stock', stock);
  return nonNegative('cpma', cpma) === 0 ? null : stock / cpma;
}

export interface StockClassification {
  readonly stockClass: StockClass;
  /** MED unrounded; null when CPMA is 0. */
  readonly med: number | null;
  /** MED as compared with the thresholds (rounded when the rule set says so). */
  readonly medCompared: number | null;
  readonly ruleSetId: StockRuleSet['id'];
}

/**
 * DIGEMID class of an item. Order of the tests, which decides the corner cases:
 * stock = 0 → desabastecido, whatever the CPMA (so stock 0 with CPMA 0 is desabastecido, not sin
 * rotación — unlike mSupply, where "out of stock" needs AMC > 0); CPMA = 0 with stock → sin
 * rotación; then MED: < 2 substock, 2–6 normostock, > 6 sobrestock. MED is rounded half-up as
 * `round(stock × 10 ÷ CPMA) ÷ 10`, one division, so 59 ÷ 30 rounds to 2.0 exactly. A rounded MED
 * of 0.0 with stock > 0 is substock.
 * @example classifyStock({ stock: 59, cpma: 30 }, DIGEMID_FICHA28_2024).stockClass // 'normostock'
 */
export function classifyStock(
  item: { readonly stock: number; readonly cpma: number },
  ruleSet: StockRuleSet = DIGEMID_FICHA28_2024,
): StockClassification {
  const med = monthsOfStock(item.stock, item.cpma);
  const base = { ruleSetId: ruleSet.id };
  if (item.stock === 0)
    return { ...base, stockClass: 'desabastecido', med, medCompared: med === null ? null : 0 };
  if (med === null) return { ...base, stockClass: 'sin_rotacion', med, medCompared: null };
  const factor = ruleSet.medDecimals === null ? null : 10 ** ruleSet.medDecimals;
  const medCompared =
    factor === null ? med : Math.floor((item.stock * factor) / item.cpma + 0.5) / factor;
  const stockClass: StockClass =
    medCompared > ruleSet.sobrestockAbove
      ? 'sobrestock'
      : medCompared >= ruleSet.substockBelow
        ? 'normostock'
        : 'substock';
  return { ...base, stockClass, med, medCompared };
}

export type AvailabilityLevel = 'optimo' | 'alto' | 'regular' | 'bajo';

/** DME levels, highest first: a ratio at or above `from` has that level (Óptimo ≥ 90 %, …). */
export const AVAILABILITY_LEVELS: readonly {
  readonly level: AvailabilityLevel;
  readonly from: number;
}[] = Object.freeze([
  { level: 'optimo', from: 0.9 },
  { level: 'alto', from: 0.8 },
  { level: 'regular', from: 0.7 },
  { level: 'bajo', from: 0 },
]);

export function availabilityLevel(ratio: number): AvailabilityLevel {
  for (const { level, from } of AVAILABILITY_LEVELS) if (ratio >= from) return level;
  return 'bajo';
}

export interface AvailabilityConfig {
  /**
   * Whether sin-rotación items count in the denominator (they never count as available).
   * Default true, as in the ToolkitSISMED version cited; another version counts them only for
   * vital medicines (RM 1288-2018-MINSA), which the caller expresses by filtering the list.
   */
  readonly countSinRotacion?: boolean;
}

export interface Availability {
  readonly evaluated: number;
  readonly available: number;
  /** available ÷ evaluated; null when nothing was evaluated. */
  readonly ratio: number | null;
  readonly level: AvailabilityLevel | null;
}

/**
 * DME (disponibilidad de medicamentos esenciales) of a facility = (normostock + sobrestock) ÷
 * items evaluated; substock and desabastecido count against it. Which items are evaluated
 * (petitorio medicines, strategy items excluded, fused codes) is the caller's selection.
 * @example availabilityIndicator([...60 normostock, ...8 sobrestock, ...12 substock]) // 68/80 = 0.85, 'alto'
 */
export function availabilityIndicator(
  classes: readonly StockClass[],
  config: AvailabilityConfig = {},
): Availability {
  const countSinRotacion = config.countSinRotacion ?? true;
  let evaluated = 0;
  let available = 0;
  for (const c of classes) {
    if (c === 'sin_rotacion' && !countSinRotacion) continue;
    evaluated++;
    if (c === 'normostock' || c === 'sobrestock') available++;
  }
  const ratio = evaluated === 0 ? null : available / evaluated;
  return { evaluated, available, ratio, level: ratio === null ? null : availabilityLevel(ratio) };
}

/**
 * Score of a microred, network or executing unit = unweighted mean of its facilities' ratios
 * (each facility counts once, whatever its number of items); facilities without a ratio are left out.
 */
export function meanAvailability(ratios: readonly (number | null)[]): {
  ratio: number | null;
  level: AvailabilityLevel | null;
  facilities: number;
} {
  let sum = 0;
  let facilities = 0;
  for (const r of ratios) {
    if (r === null) continue;
    sum += r;
    facilities++;
  }
  const ratio = facilities === 0 ? null : sum / facilities;
  return { ratio, level: ratio === null ? null : availabilityLevel(ratio), facilities };
}
