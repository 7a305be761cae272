/**
 * From demand to an order: QAT's National View gap, mSupply's population forecast and suggested
 * quantity, the old SISMED substock rule, and the programming requirement of a CENARES-style line.
 * Sources: QAT user guide, reports §C2 (FASP-QAT/qat-documentation@0028c1e8
 * `docs/user/12-forecasting-module-reports-and-outputs.md`); open mSupply
 * `server/service/src/requisition/request_requisition/suggested_quantity.rs` @d6deb0c5 and
 * `generate_population_forecast.rs` @6d55d610; DIGEMID, Indicadores de gestión de stock
 * (https://es.scribd.com/document/372755802/Indicadores-de-Gestion-de-Estoc). Quantities are dispensing units until `packsFor`, which
 * rounds up once, at the end.
 */
import { fraction, nonNegative, positive, wastage as wastageShare } from '../supply/guards.js';

/**
 * QAT National View (QAT user guide, Forecasting reports §C2):
 * projected stock = starting stock + existing shipments − forecast;
 * desired stock = forecast × desired MOS ÷ months in the forecast period;
 * gap = projected − desired (negative: quantity to procure);
 * cost = gap × unit price × (1 + freight), signed like the gap (null without a price).
 * @example nationalViewGap({ startingStock: 5000, shipments: 20000, forecast: 360000, forecastMonths: 36, desiredMonthsOfStock: 5 }) // gap −385 000
 */
export function nationalViewGap(input: {
  readonly startingStock: number;
  readonly shipments: number;
  readonly forecast: number;
  readonly forecastMonths: number;
  readonly desiredMonthsOfStock: number;
  readonly unitPrice?: number | null;
  /** Freight as a share of the product cost (0.1 = 10 %). */
  readonly freight?: number;
}): { projectedStock: number; desiredStock: number; gap: number; cost: number | null } {
  const forecast = nonNegative('forecast', input.forecast);
  const projectedStock =
    nonNegative('startingStock', input.startingStock) +
    nonNegative('shipments', input.shipments) -
    forecast;
  const desiredStock =
    (forecast * nonNegative('desiredMonthsOfStock', input.desiredMonthsOfStock)) /
    positive('forecastMonths', input.forecastMonths);
  const gap = projectedStock - desiredStock;
  const price = input.unitPrice ?? null;
  const cost =
    price === null
      ? null
      : gap * nonNegative('unitPrice', price) * (1 + nonNegative('freight', input.freight ?? 0));
  return { projectedStock, desiredStock, gap, cost };
}

/**
 * open mSupply population forecast (`generate_population_forecast.rs`, issue #7371):
 * target = population served × target share; loss factor = 1 ÷ (1 − wastage);
 * annual doses = target × doses in schedule × coverage × loss factor;
 * doses for the period = annual ÷ 12 × (supply interval + buffer months);
 * units = doses for the period ÷ doses per unit (unrounded; round up when ordering).
 * @example populationForecast({ populationServed: 2500, dosesInSchedule: 3, coverage: 0.6, wastage: 0.5, supplyIntervalMonths: 3, bufferMonths: 2, dosesPerUnit: 2 }).units // 1875
 */
export function populationForecast(input: {
  readonly populationServed: number;
  /** Share of the population served that is targeted (default 1). */
  readonly targetShare?: number;
  readonly dosesInSchedule: number;
  readonly coverage: number;
  readonly wastage: number;
  readonly supplyIntervalMonths: number;
  readonly bufferMonths: number;
  readonly dosesPerUnit: number;
}): {
  target: number;
  lossFactor: number;
  annualDoses: number;
  periodDoses: number;
  units: number;
} {
  const target =
    nonNegative('populationServed', input.populationServed) *
    fraction('targetShare', input.targetShare ?? 1);
  const lossFactor = 1 / (1 - wastageShare('wastage', input.wastage));
  const annualDoses =
    target *
    nonNegative('dosesInSchedule', input.dosesInSchedule) *
    fraction('coverage', input.coverage) *
    lossFactor;
  const months =
    nonNegative('supplyIntervalMonths', input.supplyIntervalMonths) +
    nonNegative('bufferMonths', input.bufferMonths);
  const periodDoses = (annualDoses / 12) * months;
  return {
    target,
    lossFactor,
    annualDoses,
    periodDoses,
    units: periodDoses / positive('dosesPerUnit', input.dosesPerUnit),
  };
}

/**
 * open mSupply suggested quantity (`suggested_quantity.rs`): AMC = 0 → 0; MOS = stock ÷ AMC;
 * threshold = Min MOS, or Max MOS when Min is 0; Max MOS = 0 or MOS > threshold → 0;
 * otherwise (Max MOS − MOS) × AMC.
 * @example suggestedQuantityMsupply({ amc: 100, stockOnHand: 150, minMos: 2, maxMos: 4 }) // 250
 */
export function suggestedQuantityMsupply(input: {
  readonly amc: number;
  readonly stockOnHand: number;
  readonly minMos: number;
  readonly maxMos: number;
}): number {
  const amc = nonNegative('amc', input.amc);
  const maxMos = nonNegative('maxMos', input.maxMos);
  const minMos = nonNegative('minMos', input.minMos);
  if (amc === 0) return 0;
  const mos = nonNegative('stockOnHand', input.stockOnHand) / amc;
  const threshold = minMos > 0 ? minMos : maxMos;
  if (maxMos === 0 || mos > threshold) return 0;
  return Math.max(0, (maxMos - mos) * amc);
}

/**
 * Older DIGEMID/SISMED substock rule for tracer medicines (DIGEMID, Indicadores de Gestión de
 * Stock, https://es.scribd.com/document/372755802/Indicadores-de-Gestion-de-Estoc): average = Σ last 4 months ÷ 4; minimum stock = Σ last 4 months ÷ 2 (two
 * months of the average); substock when the last 4 months had consumption and the available
 * stock is below the minimum.
 * @example substockOldSismed([100, 100, 100, 100], 150) // { averageConsumption: 100, minimumStock: 200, substock: true }
 */
export function substockOldSismed(
  lastFourMonths: readonly number[],
  available: number,
): { averageConsumption: number; minimumStock: number; substock: boolean } {
  if (lastFourMonths.length !== 4)
    throw new RangeError(`the rule reads 4 months of consumption, got ${lastFourMonths.length}`);
  let sum = 0;
  for (const value of lastFourMonths) sum += nonNegative('consumption', value);
  const minimumStock = sum / 2;
  return {
    averageConsumption: sum / 4,
    minimumStock,
    substock: sum > 0 && nonNegative('available', available) < minimumStock,
  };
}

/** Relative slack so float noise (1 200.000000001 ÷ 100) does not cost a whole extra pack. */
const PACK_TOLERANCE = 1e-9;

/**
 * Packs needed for a quantity: ⌈quantity ÷ pack size⌉ (an order of 0.2 packs is one pack). A
 * quotient within 1e-9 (relative) above a whole number counts as that number.
 * @example packsFor(1201, 100) // 13
 */
export function packsFor(quantity: number, packSize: number): number {
  const ratio = nonNegative('quantity', quantity) / positive('packSize', packSize);
  return Math.max(0, Math.ceil(ratio - PACK_TOLERANCE * Math.max(1, ratio)));
}

export interface RequirementInput {
  /** Demand over the horizon (dispensing units). */
  readonly demand: number;
  readonly safetyStock: number;
  readonly stockAvailable: number;
  readonly inTransit: number;
  readonly packSize: number;
  readonly unitPrice: number | null;
}

export interface Requirement {
  readonly netRequirement: number;
  readonly packs: number;
  readonly quantity: number;
  readonly cost: number | null;
}

/**
 * Programming requirement [R] (a reconstruction modelled on QAT's National View, reports §C2; no
 * CENARES directive was found, so it is to be validated against it):
 * net = max(0, demand + safety stock − stock available − in transit);
 * packs = ⌈net ÷ pack size⌉; quantity = packs × pack size; cost = quantity × unit price.
 * @example programmingRequirement({ demand: 1200, safetyStock: 300, stockAvailable: 250, inTransit: 0, packSize: 100, unitPrice: 0.5 }) // net 1250, 13 packs, 1300, 650
 */
export function programmingRequirement(input: RequirementInput): Requirement {
  const netRequirement = Math.max(
    0,
    nonNegative('demand', input.demand) +
      nonNegative('safetyStock', input.safetyStock) -
      nonNegative('stockAvailable', input.stockAvailable) -
      nonNegative('inTransit', input.inTransit),
  );
  const packs = packsFor(netRequirement, input.packSize);
  const quantity = packs * input.packSize;
  const cost =
    input.unitPrice === null ? null : quantity * nonNegative('unitPrice', input.unitPrice);
  return { netRequirement, packs, quantity, cost };
}
