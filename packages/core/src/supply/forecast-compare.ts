/**
 * Forecast error metrics and QAT's Compare-and-Select (QAT user guide, Forecasting module §A3.4
 * "How do I interpret errors?" and Reports §9a: FASP-QAT/qat-documentation@0028c1e8
 * `docs/user/11-forecasting-module-forecasting.md`). Errors are in-sample and
 * one-step-ahead: the value fitted for month t uses months before t only (Holt-Winters excepted
 * for its initial trend, see holt-winters.ts).
 */
import type { ForecastErrors } from './types.js';
import {
  EXTRAPOLATION_METHODS,
  hasEnoughData,
  linearRegressionForecast,
  minimumDataPoints,
  movingAverageForecast,
  semiAverageForecast,
  semiAverageLine,
  type ExtrapolationMethod,
} from './forecast.js';
import { holtWintersFit, holtWintersForecast, type HoltWintersParams } from './holt-winters.js';

export interface ExtrapolationParams {
  readonly movingAverageWindow: number;
  readonly holtWinters: HoltWintersParams;
}

export const DEFAULT_EXTRAPOLATION_PARAMS: ExtrapolationParams = Object.freeze({
  movingAverageWindow: 12,
  holtWinters: Object.freeze({ alpha: 0.2, beta: 0.2, gamma: 0.2, seasonLength: 12 }),
});

/**
 * MAPE (mean of |a − f| ÷ a over months with a > 0), WAPE (Σ|a − f| ÷ Σa), MSE, RMSE = √MSE and
 * R² = 1 − SS_res ÷ SS_tot, over the months with a fitted value (null entries are skipped).
 * MAPE and WAPE are fractions (0.15 = 15 %). Null when no month can be compared; MAPE, WAPE and R²
 * are null when their denominators are 0.
 */
export function errorMetrics(
  actual: readonly number[],
  fitted: readonly (number | null)[],
): ForecastErrors | null {
  let n = 0;
  let absSum = 0;
  let actualSum = 0;
  let squareSum = 0;
  let apeSum = 0;
  let apeCount = 0;
  let sumSq = 0;
  for (let i = 0; i < actual.length; i++) {
    const f = fitted[i];
    if (f === null || f === undefined) continue;
    const a = actual[i] as number;
    const error = a - f;
    n++;
    absSum += Math.abs(error);
    actualSum += a;
    sumSq += a * a;
    squareSum += error * error;
    if (a > 0) {
      apeSum += Math.abs(error) / a;
      apeCount++;
    }
  }
  if (n === 0) return null;
  const mse = squareSum / n;
  const total = sumSq - (actualSum * actualSum) / n;
  return {
    mape: apeCount === 0 ? null : apeSum / apeCount,
    wape: actualSum === 0 ? null : absSum / actualSum,
    rmse: Math.sqrt(mse),
    mse,
    rSquared: total <= 1e-9 * Math.max(1, sumSq) ? null : 1 - squareSum / total,
    n,
  };
}

/**
 * In-sample one-step-ahead values of a method: entry t is what the method forecast for month t
 * from months 0..t−1, null while it lacks data (moving average: the first `window` months; others:
 * their minimum data). Moving average, linear regression (running sums) and Holt-Winters take one
 * O(n) pass; semi-averages refit each prefix, O(n²), fine for the comparison screen.
 */
export function oneStepAheadFitted(
  method: ExtrapolationMethod,
  series: readonly number[],
  params: ExtrapolationParams = DEFAULT_EXTRAPOLATION_PARAMS,
): (number | null)[] {
  const n = series.length;
  const fitted = new Array<number | null>(n).fill(null);
  if (method === 'holt_winters') {
    const season = params.holtWinters.seasonLength ?? 12;
    return hasEnoughData(method, n, season)
      ? holtWintersFit(series, params.holtWinters).fitted.slice()
      : fitted;
  }
  const min = minimumDataPoints(method);
  if (method === 'moving_average') {
    const w = Math.max(1, Math.min(params.movingAverageWindow, n));
    let sum = 0;
    for (let t = 0; t < n; t++) {
      if (t >= w) fitted[t] = Math.max(0, sum / w); // a running sum can drift below 0 by ~1e-300
      sum += (series[t] as number) - (t >= w ? (series[t - w] as number) : 0);
    }
    if (w < min) fitted.fill(null, 0, Math.min(min, n));
    return fitted;
  }
  if (method === 'linear_regression') {
    let sy = 0;
    let sty = 0;
    for (let t = 0; t < n; t++) {
      if (t >= min) {
        const sx = (t * (t - 1)) / 2;
        const sxx = ((t - 1) * t * (2 * t - 1)) / 6;
        const slope = (t * sty - sx * sy) / (t * sxx - sx * sx);
        fitted[t] = Math.max(0, (sy - slope * sx) / t + slope * t);
      }
      sy += series[t] as number;
      sty += t * (series[t] as number);
    }
    return fitted;
  }
  for (let t = min; t < n; t++) {
    const { slope, x2, y2 } = semiAverageLine(series.slice(0, t));
    fitted[t] = Math.max(0, y2 + slope * (t - x2));
  }
  return fitted;
}

/** Forecast with any extrapolation method (throws when the series is too short). */
export function extrapolate(
  method: ExtrapolationMethod,
  series: readonly number[],
  params: ExtrapolationParams,
  horizon: number,
): number[] {
  switch (method) {
    case 'moving_average':
      return movingAverageForecast(series, { window: params.movingAverageWindow }, horizon);
    case 'semi_average':
      return semiAverageForecast(series, horizon);
    case 'linear_regression':
      return linearRegressionForecast(series, horizon);
    case 'holt_winters':
      return holtWintersForecast(series, params.holtWinters, horizon);
  }
}

export interface ForecastCandidate {
  readonly method: ExtrapolationMethod;
  /** 1 = lowest WAPE. */
  readonly rank: number;
  readonly forecast: readonly number[];
  readonly fitted: readonly (number | null)[];
  readonly errors: ForecastErrors | null;
}

/**
 * QAT Compare-and-Select: every method with enough data forecasts the series, and the candidates
 * are ranked by WAPE (lowest first; a method without a WAPE comes last; ties keep the order of
 * EXTRAPOLATION_METHODS). Each method's errors cover the months it can fit, so a moving average is
 * judged on more months than Holt-Winters; read `errors.n`. QAT highlights the best fit but the
 * user selects; so does Yawar.
 */
export function compareForecastMethods(
  series: readonly number[],
  horizon: number,
  params: ExtrapolationParams = DEFAULT_EXTRAPOLATION_PARAMS,
): {
  ranked: ForecastCandidate[];
  skipped: { method: ExtrapolationMethod; reason: string }[];
} {
  const candidates: Omit<ForecastCandidate, 'rank'>[] = [];
  const skipped: { method: ExtrapolationMethod; reason: string }[] = [];
  const season = params.holtWinters.seasonLength ?? 12;
  for (const method of EXTRAPOLATION_METHODS) {
    const min = minimumDataPoints(method, season);
    if (series.length < min) {
      skipped.push({ method, reason: `needs ${min} months, has ${series.length}` });
      continue;
    }
    const fitted = oneStepAheadFitted(method, series, params);
    const forecast = extrapolate(method, series, params, horizon);
    candidates.push({ method, forecast, fitted, errors: errorMetrics(series, fitted) });
  }
  const wape = (c: Omit<ForecastCandidate, 'rank'>) => c.errors?.wape ?? Number.POSITIVE_INFINITY;
  const ranked = candidates
    .map((c, order) => ({ c, order }))
    .sort((a, b) => wape(a.c) - wape(b.c) || a.order - b.order)
    .map(({ c }, i) => ({ ...c, rank: i + 1 }));
  return { ranked, skipped };
}
