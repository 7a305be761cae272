/**
 * DIGEMID stock classes (desabastecido, sin rotación, substock, normostock, sobrestock) and the
 * availability indicator (DME), with the thresholds, the MED rounding, the sin-rotación rule and
 * the large-volume rule as versioned data.
 * Sources [T]: DIGEMID, ficha técnica N.° 28 of the availability indicator (convenios de gestión;
 * the version signed 18/12/2025), as quoted and implemented by DIRESA San Martín's ToolkitSISMED:
 * jchaconv94/ToolkitSISMED@d0a6fa170ec9368b9d7af03e47119958cf7f84dd `services/stockStatus.ts`,
 * `services/availabilityConfig.ts` (DEFAULT_AVAILABILITY_FORMULA, `sinRotacion: "vital"`,
 * `largeVolumeMonths: 1`) and `docs/DISPONIBILIDAD_AUDITORIA.md` §I (the Ficha's text: sin
 * rotación "solo se considera a los medicamentos vitales" (RM 1288-2018); consideración a: "una
 * solución de gran volumen (igual o mayor 1 litro) la disponibilidad se considera con un mes de
 * existencia disponible"). The Ficha's PDF is not public; the quotes are a third party's.
 * Vital medicines: Listado Nacional de Productos Farmacéuticos Vitales, RM N.° 1288-2018/MINSA.
 * Method: docs/methods/stock-status.md.
 */
import { nonNegative } from '../supply/guards.js';

export type StockClass =
  'desabastecido' | 'sin_rotacion' | 'substock' | 'normostock' | 'sobrestock';

/**
 * Which sin-rotación items count in the DME denominator (they are never available):
 * `all` (earlier versions), `vital_only` (Ficha 28 of 18/12/2025: only vital medicines,
 * RM 1288-2018/MINSA; the others are not evaluated), `none`.
 */
export type SinRotacionRule = 'all' | 'vital_only' | 'none';

export interface StockRuleSet {
  readonly id: 'digemid-ficha28-2025' | 'digemid-ficha28-2024' | 'digemid-ficha28-unrounded';
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
  /** Which sin-rotación items count in the availability denominator. */
  readonly sinRotacion: SinRotacionRule;
  /**
   * Liquid presentations of at least `fromLitres` are normostock (available) from
   * `availableFromMonths` of MED instead of `substockBelow`; null when the rule set has no such rule.
   */
  readonly largeVolume: {
    readonly fromLitres: number;
    readonly availableFromMonths: number;
  } | null;
}

const TOOLKIT = 'jchaconv94/ToolkitSISMED@d0a6fa17';

export const DIGEMID_FICHA28_2025: StockRuleSet = Object.freeze<StockRuleSet>({
  id: 'digemid-ficha28-2025',
  title:
    'DIGEMID Ficha 28 (18/12/2025): sin rotación only for vital medicines (RM 1288-2018), solutions ≥ 1 L available from 1 month, MED rounded to 1 decimal',
  source: `DIGEMID Ficha técnica N.° 28, indicador de disponibilidad (firmada 18/12/2025): sin rotación solo medicamentos vitales (RM N.° 1288-2018/MINSA); consideración a, soluciones ≥ 1 L con 1 mes de existencia; as quoted in ${TOOLKIT} docs/DISPONIBILIDAD_AUDITORIA.md §I and services/availabilityConfig.ts [T]`,
  status: 'transcription',
  medDecimals: 1,
  substockBelow: 2,
  sobrestockAbove: 6,
  cpma: { windowMonths: 12, divisor: 'months_with_consumption' },
  sinRotacion: 'vital_only',
  largeVolume: { fromLitres: 1, availableFromMonths: 1 },
});

const FICHA_28_EARLIER_SOURCE = `DIGEMID Ficha técnica N.° 28 (convenios de gestión), earlier reading: every sin-rotación item in the denominator, no large-volume rule; transcribed by ${TOOLKIT} services/stockStatus.ts [T]`;

export const DIGEMID_FICHA28_2024: StockRuleSet = Object.freeze<StockRuleSet>({
  id: 'digemid-ficha28-2024',
  title:
    'DIGEMID Ficha 28, earlier reading: every sin-rotación item in the denominator, MED rounded to 1 decimal, 2–6 months normostock',
  source: FICHA_28_EARLIER_SOURCE,
  status: 'transcription',
  medDecimals: 1,
  substockBelow: 2,
  sobrestockAbove: 6,
  cpma: { windowMonths: 12, divisor: 'months_with_consumption' },
  sinRotacion: 'all',
  largeVolume: null,
});

export const DIGEMID_FICHA28_UNROUNDED: StockRuleSet = Object.freeze<StockRuleSet>({
  id: 'digemid-ficha28-unrounded',
  title:
    'DIGEMID Ficha 28, earlier reading with MED compared unrounded (earlier ToolkitSISMED modules)',
  source: FICHA_28_EARLIER_SOURCE,
  status: 'transcription',
  medDecimals: null,
  substockBelow: 2,
  sobrestockAbove: 6,
  cpma: { windowMonths: 12, divisor: 'months_with_consumption' },
  sinRotacion: 'all',
  largeVolume: null,
});

/** The rule set used when none is chosen: the Ficha 28 signed 18/12/2025. */
export const DEFAULT_STOCK_RULE_SET: StockRuleSet = DIGEMID_FICHA28_2025;

export const STOCK_RULE_SETS: readonly StockRuleSet[] = Object.freeze([
  DIGEMID_FICHA28_2025,
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
 * of 0.0 with stock > 0 is substock. Under a rule set with a large-volume rule, a liquid
 * presentation of ≥ 1 L (`liquidLitres`) is normostock from 1 month of MED (Ficha 28,
 * consideración a).
 * @example classifyStock({ stock: 59, cpma: 30 }, DIGEMID_FICHA28_2024).stockClass // 'normostock'
 * @example classifyStock({ stock: 12, cpma: 10, liquidLitres: 1 }).stockClass // 'normostock' (1.2 months)
 */
export function classifyStock(
  item: {
    readonly stock: number;
    readonly cpma: number;
    /** Volume of one dispensing unit when it is a liquid (litres); null or absent otherwise. */
    readonly liquidLitres?: number | null;
  },
  ruleSet: StockRuleSet = DEFAULT_STOCK_RULE_SET,
): StockClassification {
  const med = monthsOfStock(item.stock, item.cpma);
  const base = { ruleSetId: ruleSet.id };
  if (item.stock === 0)
    return { ...base, stockClass: 'desabastecido', med, medCompared: med === null ? null : 0 };
  if (med === null) return { ...base, stockClass: 'sin_rotacion', med, medCompared: null };
  const factor = ruleSet.medDecimals === null ? null : 10 ** ruleSet.medDecimals;
  const medCompared =
    factor === null ? med : Math.floor((item.stock * factor) / item.cpma + 0.5) / factor;
  const normostockFrom = isLargeVolume(item.liquidLitres, ruleSet)
    ? Math.min(ruleSet.largeVolume?.availableFromMonths ?? 0, ruleSet.substockBelow)
    : ruleSet.substockBelow;
  const stockClass: StockClass =
    medCompared > ruleSet.sobrestockAbove
      ? 'sobrestock'
      : medCompared >= normostockFrom
        ? 'normostock'
        : 'substock';
  return { ...base, stockClass, med, medCompared };
}

/** Whether a liquid of this volume falls under the rule set's large-volume rule. */
export function isLargeVolume(liquidLitres: number | null | undefined, ruleSet: StockRuleSet) {
  return (
    ruleSet.largeVolume !== null &&
    liquidLitres !== null &&
    liquidLitres !== undefined &&
    liquidLitres >= ruleSet.largeVolume.fromLitres
  );
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
  /** Which sin-rotación items count in the denominator; default the default rule set's (`vital_only`). */
  readonly sinRotacion?: SinRotacionRule;
}

/** An item of a facility as the DME sees it: its class and whether it is a vital medicine. */
export interface AvailabilityItem {
  readonly stockClass: StockClass;
  /** Listed in RM 1288-2018/MINSA (Listado Nacional de Productos Farmacéuticos Vitales). */
  readonly vital?: boolean;
}

export interface Availability {
  readonly evaluated: number;
  readonly available: number;
  /** available ÷ evaluated; null when nothing was evaluated. */
  readonly ratio: number | null;
  readonly level: AvailabilityLevel | null;
}

/** Whether an item counts in the DME denominator under a sin-rotación rule. */
export function isEvaluated(item: AvailabilityItem, rule: SinRotacionRule): boolean {
  if (item.stockClass !== 'sin_rotacion') return true;
  return rule === 'all' || (rule === 'vital_only' && item.vital === true);
}

/**
 * DME (disponibilidad de medicamentos esenciales) of a facility = (normostock + sobrestock) ÷
 * items evaluated; substock and desabastecido count against it; a sin-rotación item counts in the
 * denominator per the rule (Ficha 28 of 18/12/2025: only when vital). Which items are evaluated
 * otherwise (petitorio medicines, strategy items excluded, fused codes) is the caller's selection.
 * A bare class is an item that is not vital.
 * @example availabilityIndicator([...60 normostock, ...8 sobrestock, ...12 substock]) // 68/80 = 0.85, 'alto'
 */
export function availabilityIndicator(
  items: readonly (StockClass | AvailabilityItem)[],
  config: AvailabilityConfig = {},
): Availability {
  const rule = config.sinRotacion ?? DEFAULT_STOCK_RULE_SET.sinRotacion;
  let evaluated = 0;
  let available = 0;
  for (const i of items) {
    const item = typeof i === 'string' ? { stockClass: i } : i;
    if (!isEvaluated(item, rule)) continue;
    evaluated++;
    if (item.stockClass === 'normostock' || item.stockClass === 'sobrestock') available++;
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
