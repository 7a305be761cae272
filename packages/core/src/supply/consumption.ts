/**
 * Consumption as recorded vs consumption as it would have been: QAT's stock-out and reporting
 * adjustment, QAT's unmet demand, DIGEMID's CPMA and QAT's interpolation of missing months.
 * OpenLMIS, mSupply and ForLAB variants live in `consumption-lmis.ts`.
 * Specification: docs/methods/supply-quantification.md; sources: QAT user guide
 * (FASP-QAT/qat-documentation@0028c1e8 `docs/user/11-forecasting-module-forecasting.md` §A2,
 * `docs/user/14-annex-2-business-rules.md` §B) and DIGEMID Ficha técnica N.° 28 as transcribed in
 * jchaconv94/ToolkitSISMED@d0a6fa17 `services/stockStatus.ts` [T].
 */
import { nonNegative, positive, rate } from './guards.js';

/**
 * QAT stock-out rate = days stocked out ÷ days in month (QAT user guide, Forecasting module §A2,
 * "Adjust for stockouts"). Days beyond the month count as the whole month (rate 1).
 */
export function stockoutRate(stockoutDays: number, daysInMonth: number): number {
  nonNegative('stockoutDays', stockoutDays);
  positive('daysInMonth', daysInMonth);
  return Math.min(stockoutDays, daysInMonth) / daysInMonth;
}

export interface QatAdjustmentInput {
  /** Consumption recorded in the month (dispensing units). */
  readonly actual: number;
  /** Share of sites that reported, (0, 1]. */
  readonly reportingRate: number;
  readonly stockoutDays: number;
  readonly daysInMonth: number;
}

export interface QatAdjustment {
  /** Adjusted consumption, unrounded. */
  readonly value: number;
  readonly stockoutRate: number;
  /**
   * The product was out of stock every day: the stock-out factor 1 ÷ (1 − 1) is undefined, so only
   * the reporting adjustment is applied and the month should be reviewed (or treated as missing).
   */
  readonly wholeMonthStockedOut: boolean;
}

/**
 * QAT adjusted consumption = actual ÷ reporting rate ÷ (1 − stock-out rate)
 * (QAT user guide, Forecasting module §A2: 1 000 units, 98 % reporting, 5 of 31 days out → 1 217).
 * Assumes non-reporting sites and stocked-out days consumed at the observed rate. Unrounded.
 * @example adjustedConsumptionQat({ actual: 1000, reportingRate: 0.98, stockoutDays: 5, daysInMonth: 31 }).value // 1216.59…
 */
export function adjustedConsumptionQat(input: QatAdjustmentInput): QatAdjustment {
  const actual = nonNegative('actual', input.actual);
  const reporting = rate('reportingRate', input.reportingRate);
  const outRate = stockoutRate(input.stockoutDays, input.daysInMonth);
  const byReporting = actual / reporting;
  if (outRate >= 1) return { value: byReporting, stockoutRate: 1, wholeMonthStockedOut: true };
  return { value: byReporting / (1 - outRate), stockoutRate: outRate, wholeMonthStockedOut: false };
}

/**
 * QAT unmet demand = actual × stock-out days ÷ (days in month − stock-out days) (QAT user guide,
 * Annex 2 Business rules §B, AMC). Null when every day was stocked out: the observed rate of
 * consumption is then unknown.
 * @example unmetDemandQat({ actual: 1000, stockoutDays: 5, daysInMonth: 31 }) // 192.3…
 */
export function unmetDemandQat(input: {
  readonly actual: number;
  readonly stockoutDays: number;
  readonly daysInMonth: number;
}): number | null {
  const actual = nonNegative('actual', input.actual);
  const days = positive('daysInMonth', input.daysInMonth);
  const out = nonNegative('stockoutDays', input.stockoutDays);
  if (out >= days) return null;
  return (actual * out) / (days - out);
}

/**
 * DIGEMID CPMA (consumo promedio mensual ajustado) = Σ consumption ÷ number of months with
 * consumption > 0; 0 when no month had consumption. Months without consumption are assumed to be
 * stock-outs or non-reports and leave the divisor (DIGEMID Ficha N.° 28, convenios de gestión,
 * as transcribed by jchaconv94/ToolkitSISMED@d0a6fa17 `services/stockStatus.ts` [T]). The window (12 months) is the caller's:
 * pass the months to average.
 * @example cpmaDigemid([100, 0, 200]) // 150 (÷ 2, not ÷ 3)
 */
export function cpmaDigemid(consumption: readonly number[]): number {
  let sum = 0;
  let months = 0;
  for (const value of consumption) {
    nonNegative('consumption', value);
    if (value > 0) {
      sum += value;
      months++;
    }
  }
  return months === 0 ? 0 : sum / months;
}

/**
 * QAT interpolation of missing months (QAT user guide, Forecasting module §A2, "Adjust for missing
 * values"): a run of nulls with a known value on both sides is filled on the straight line between
 * those two points; leading and trailing nulls stay null (nothing to draw a line to); zero is a
 * value, never interpolated. Returns a new array.
 * @example interpolateMissingMonths([null, 10, null, null, 40, null]) // [null, 10, 20, 30, 40, null]
 */
export function interpolateMissingMonths(values: readonly (number | null)[]): (number | null)[] {
  const out = values.slice();
  let previous = -1; // index of the last known value
  for (let i = 0; i < out.length; i++) {
    const value = out[i];
    if (value === null || value === undefined) continue;
    if (previous >= 0 && i - previous > 1) {
      const start = out[previous] as number;
      const slope = (value - start) / (i - previous);
      for (let j = previous + 1; j < i; j++) out[j] = start + slope * (j - previous);
    }
    previous = i;
  }
  return out;
}

/** Number of nulls `interpolateMissingMonths` fills (the inner gaps). */
export function countInterpolable(values: readonly (number | null)[]): number {
  let first = -1;
  let last = -1;
  let nulls = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] === null) continue;
    if (first < 0) first = i;
    last = i;
  }
  for (let i = first + 1; i < last; i++) if (values[i] === null) nulls++;
  return nulls;
}
