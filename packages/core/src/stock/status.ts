import { cpmaDigemid } from '../supply/consumption.js';
import { addMonths } from '../supply/months.js';
import {
  availabilityIndicator,
  classifyStock,
  isEvaluated,
  isLargeVolume,
  meanAvailability,
  type AvailabilityConfig,
  type AvailabilityLevel,
  type StockClass,
  type StockClassification,
  type StockRuleSet,
} from './stock-classes.js';

/**
 * Stock status of establishments as of a month, and its aggregation by area. The formulas are
 * stock/stock-classes.ts (DIGEMID classes, availability) and supply/consumption.ts (CPMA); this
 * module only feeds them each establishment's history and adds the results up:
 *
 *   per product:        CPMA over the rule set's window up to the month → class of the month's stock
 *   per establishment:  availability = (normostock + sobrestock) ÷ products evaluated (a
 *                       sin-rotación product is evaluated per the rule set: under the Ficha 28 of
 *                       18/12/2025 only when it is vital, RM 1288-2018/MINSA)
 *   per area:           availability = mean of its establishments' availability (DIGEMID: a
 *                       microred's or UNGET's score is the mean of its facilities'), class counts summed
 */

export const STOCK_CLASSES: readonly StockClass[] = Object.freeze([
  'desabastecido',
  'sin_rotacion',
  'substock',
  'normostock',
  'sobrestock',
]);

/** A product with no stock reported for the month cannot be classified: "sin dato". */
export type StockClassOrMissing = StockClass | 'sin_dato';

export interface MonthConsumption {
  /** `YYYY-MM`. */
  readonly month: string;
  readonly consumption: number;
}

export interface ProductStockInput {
  readonly resourceCode: string;
  /** Stock at the end of the month evaluated; null when not reported (or no row). */
  readonly stock: number | null;
  /** Consumption by month; months outside the window are ignored, missing months count as 0. */
  readonly history: readonly MonthConsumption[];
  readonly simulated: boolean;
  /** Vital medicine (RM 1288-2018/MINSA), from the catalogue; default false. */
  readonly vital?: boolean;
  /** Volume of one dispensing unit when it is a liquid (litres), from the catalogue. */
  readonly liquidLitres?: number | null;
}

export interface ProductStockStatus {
  readonly resourceCode: string;
  readonly vital: boolean;
  /** Under the rule set's large-volume rule (normostock from 1 month). */
  readonly largeVolume: boolean;
  /** Counts in the availability denominator under the rule set (false for "sin dato"). */
  readonly evaluated: boolean;
  readonly stock: number | null;
  readonly cpma: number;
  /** The window's months, oldest first, with their consumption (0 where nothing was recorded). */
  readonly window: readonly MonthConsumption[];
  readonly monthsWithConsumption: number;
  readonly consumptionTotal: number;
  /** Null when the stock is unknown ("sin dato"). */
  readonly classification: StockClassification | null;
  readonly stockClass: StockClassOrMissing;
  readonly simulated: boolean;
}

/** The months of a rule set's CPMA window ending at `month`, oldest first. */
export function cpmaWindow(month: string, ruleSet: StockRuleSet): string[] {
  const size = ruleSet.cpma.windowMonths;
  return Array.from({ length: size }, (_, i) => addMonths(month, i - size + 1));
}

export function productStockStatus(
  input: ProductStockInput,
  month: string,
  ruleSet: StockRuleSet,
): ProductStockStatus {
  const byMonth = new Map(input.history.map((h) => [h.month, h.consumption]));
  const window = cpmaWindow(month, ruleSet).map((m) => ({
    month: m,
    consumption: byMonth.get(m) ?? 0,
  }));
  const values = window.map((w) => w.consumption);
  const cpma = cpmaDigemid(values);
  const classification =
    input.stock === null
      ? null
      : classifyStock({ stock: input.stock, cpma, liquidLitres: input.liquidLitres }, ruleSet);
  const vital = input.vital ?? false;
  return {
    resourceCode: input.resourceCode,
    vital,
    largeVolume: isLargeVolume(input.liquidLitres, ruleSet),
    evaluated:
      classification !== null &&
      isEvaluated({ stockClass: classification.stockClass, vital }, ruleSet.sinRotacion),
    stock: input.stock,
    cpma,
    window,
    monthsWithConsumption: values.filter((v) => v > 0).length,
    consumptionTotal: values.reduce((sum, v) => sum + v, 0),
    classification,
    stockClass: classification?.stockClass ?? 'sin_dato',
    simulated: input.simulated,
  };
}

export type ClassCounts = Readonly<Record<StockClassOrMissing, number>>;

export function countClasses(classes: readonly StockClassOrMissing[]): ClassCounts {
  const counts: Record<StockClassOrMissing, number> = {
    desabastecido: 0,
    sin_rotacion: 0,
    substock: 0,
    normostock: 0,
    sobrestock: 0,
    sin_dato: 0,
  };
  for (const c of classes) counts[c]++;
  return counts;
}

/** Where an establishment sits, for aggregation; null network or microred is "not assigned". */
export interface StockEstablishmentPlace {
  readonly code: string;
  readonly name: string;
  readonly network: { readonly code: string; readonly name: string } | null;
  readonly microred: { readonly code: string; readonly name: string } | null;
  readonly executingUnit: { readonly code: string; readonly name: string };
}

export interface EstablishmentStockStatus extends StockEstablishmentPlace {
  readonly products: readonly ProductStockStatus[];
  readonly counts: ClassCounts;
  readonly evaluated: number;
  readonly available: number;
  readonly ratio: number | null;
  readonly level: AvailabilityLevel | null;
  readonly simulated: boolean;
}

export function establishmentStockStatus(
  place: StockEstablishmentPlace,
  products: readonly ProductStockInput[],
  month: string,
  ruleSet: StockRuleSet,
  config: AvailabilityConfig = { sinRotacion: ruleSet.sinRotacion },
): EstablishmentStockStatus {
  const statuses = products.map((p) => productStockStatus(p, month, ruleSet));
  const classified = statuses.flatMap((s) =>
    s.classification ? [{ stockClass: s.classification.stockClass, vital: s.vital }] : [],
  );
  const availability = availabilityIndicator(classified, config);
  return {
    ...place,
    products: statuses,
    counts: countClasses(statuses.map((s) => s.stockClass)),
    ...availability,
    simulated: statuses.some((s) => s.simulated),
  };
}

export const STOCK_AREA_LEVELS = [
  'establishment',
  'microred',
  'network',
  'executing_unit',
] as const;
export type StockAreaLevel = (typeof STOCK_AREA_LEVELS)[number];

export interface AreaStockStatus {
  /** Establishment RENIPRESS, microred or network scope code ("06/CHOTA"), or unit SIAF code; '' when not assigned. */
  readonly areaCode: string;
  readonly areaName: string;
  readonly establishments: number;
  /** Establishments with at least one product evaluated (those the mean is taken over). */
  readonly establishmentsEvaluated: number;
  readonly counts: ClassCounts;
  readonly evaluated: number;
  readonly available: number;
  /** Mean of the establishments' availability; for one establishment, its own. */
  readonly ratio: number | null;
  readonly level: AvailabilityLevel | null;
  readonly simulated: boolean;
  /** The red and microred the area lies in (names; levels establishment, microred, network), else null. */
  readonly network: string | null;
  readonly microred: string | null;
}

export function aggregateStockStatus(
  establishments: readonly EstablishmentStockStatus[],
  level: StockAreaLevel,
): AreaStockStatus[] {
  const groups = new Map<string, { name: string; members: EstablishmentStockStatus[] }>();
  for (const e of establishments) {
    const area = areaOf(e, level);
    const group = groups.get(area.code) ?? { name: area.name, members: [] };
    group.members.push(e);
    groups.set(area.code, group);
  }
  return [...groups].map(([code, { name, members }]) => ({
    ...summarise(code, name, members),
    ...parentsOf(members[0], level),
  }));
}

/** The red and microred of an area, from one of its establishments (all share them). */
function parentsOf(
  e: EstablishmentStockStatus | undefined,
  level: StockAreaLevel,
): { network: string | null; microred: string | null } {
  if (!e || level === 'executing_unit' || (level === 'microred' && !e.microred))
    return { network: null, microred: null };
  return {
    network: e.network?.name ?? null,
    microred: level === 'network' ? null : (e.microred?.name ?? null),
  };
}

/** All the establishments as one area (the department's key figures). */
export function totalStockStatus(
  code: string,
  name: string,
  establishments: readonly EstablishmentStockStatus[],
): AreaStockStatus {
  return summarise(code, name, establishments);
}

function areaOf(e: EstablishmentStockStatus, level: StockAreaLevel) {
  switch (level) {
    case 'establishment':
      return { code: e.code, name: e.name };
    case 'microred':
      return e.microred ?? { code: '', name: '' };
    case 'network':
      return e.network ?? { code: '', name: '' };
    case 'executing_unit':
      return e.executingUnit;
  }
}

function summarise(
  code: string,
  name: string,
  members: readonly EstablishmentStockStatus[],
): AreaStockStatus {
  const mean = meanAvailability(members.map((m) => m.ratio));
  const counts = countClasses([]) as Record<StockClassOrMissing, number>;
  for (const m of members)
    for (const c of Object.keys(counts) as StockClassOrMissing[]) counts[c] += m.counts[c];
  return {
    areaCode: code,
    areaName: name,
    establishments: members.length,
    establishmentsEvaluated: mean.facilities,
    counts,
    evaluated: members.reduce((sum, m) => sum + m.evaluated, 0),
    available: members.reduce((sum, m) => sum + m.available, 0),
    ratio: mean.ratio,
    level: mean.level,
    simulated: members.some((m) => m.simulated),
    network: null,
    microred: null,
  };
}
