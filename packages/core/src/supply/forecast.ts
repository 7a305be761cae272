/**
 * QAT's simple extrapolation methods on a monthly series (oldest first): moving average,
 * semi-averages and linear regression (QAT user guide, Forecasting module §A3:
 * FASP-QAT/qat-documentation@0028c1e8 `docs/user/11-forecasting-module-forecasting.md`).
 * Holt-Winters is in `holt-winters.ts`, error metrics and Compare-and-Select in
 * `forecast-compare.ts`. Every forecast is clamped at 0: consumption cannot be negative.
 * Each method needs a minimum number of points (QAT's table): moving average 3, semi-averages 3,
 * linear regression 3, Holt-Winters 24 (two seasons). Too short a series throws a RangeError;
 * `hasEnoughData` asks first.
 */
import { HOLT_WINTERS_SEASONS_REQUIRED } from './holt-winters.js';
import { nonNegative, wholeAtLeast } from './guards.js';

export const EXTRAPOLATION_METHODS = [
  'moving_average',
  'semi_average',
  'linear_regression',
  'holt_winters',
] as const;
export type ExtrapolationMethod = (typeof EXTRAPOLATION_METHODS)[number];

/** QAT's minimum data points per method (Holt-Winters: two seasons of the given length). */
export function minimumDataPoints(method: ExtrapolationMethod, seasonLength = 12): number {
  return method === 'holt_winters' ? HOLT_WINTERS_SEASONS_REQUIRED * seasonLength : 3;
}

export function hasEnoughData(method: ExtrapolationMethod, points: number, seasonLength = 12) {
  return points >= minimumDataPoints(method, seasonLength);
}

export function requirePoints(method: ExtrapolationMethod, series: readonly number[], min: number) {
  if (series.length < min)
    throw new RangeError(`${method} needs at least ${min} months of data, got ${series.length}`);
  for (const value of series) nonNegative('series value', value);
}

/**
 * Moving average (QAT §A3a): each forecast month is the mean of the preceding `window` months,
 * actual or already forecast — a rolling mean that settles on a weighted mean of the last window.
 * A window longer than the series uses the whole series.
 * @example movingAverageForecast([10, 20, 30], { window: 3 }, 2) // [20, 23.33…] (20 = mean(10, 20, 30); then mean(20, 30, 20))
 */
export function movingAverageForecast(
  series: readonly number[],
  options: { readonly window: number },
  horizon: number,
): number[] {
  requirePoints('moving_average', series, minimumDataPoints('moving_average'));
  wholeAtLeast('window', options.window, 1);
  wholeAtLeast('horizon', horizon, 0);
  const window = Math.min(options.window, series.length);
  const values = series.slice(series.length - window);
  const forecast = new Array<number>(horizon);
  for (let h = 0; h < horizon; h++) {
    // Summed afresh each month (window ≤ series length, small): no running-sum drift.
    let sum = 0;
    for (let i = h; i < h + window; i++) sum += values[i] as number;
    const next = sum / window;
    forecast[h] = next;
    values.push(next);
  }
  return forecast;
}

/** The two points of the semi-average line: (x, mean) of each half; an odd middle point is dropped. */
export function semiAverageLine(series: readonly number[]): {
  slope: number;
  x2: number;
  y2: number;
} {
  const half = Math.floor(series.length / 2);
  let first = 0;
  let second = 0;
  for (let i = 0; i < half; i++) first += series[i] as number;
  for (let i = series.length - half; i < series.length; i++) second += series[i] as number;
  const x1 = (half - 1) / 2;
  const x2 = series.length - half + x1;
  const y1 = first / half;
  const y2 = second / half;
  return { slope: (y2 - y1) / (x2 - x1), x2, y2 };
}

/**
 * Semi-averages (QAT §A3b): the series is split into two equal halves (the middle month of an odd
 * series belongs to neither), each half gives a point (its middle month, its mean), and the line
 * through the two points is extended.
 * @example semiAverageForecast([10, 12, 14, 16], 1) // [18]: points (0.5, 11) and (2.5, 15), slope 2
 */
export function semiAverageForecast(series: readonly number[], horizon: number): number[] {
  requirePoints('semi_average', series, minimumDataPoints('semi_average'));
  wholeAtLeast('horizon', horizon, 0);
  const { slope, x2, y2 } = semiAverageLine(series);
  const forecast = new Array<number>(horizon);
  for (let h = 0; h < horizon; h++)
    forecast[h] = Math.max(0, y2 + slope * (series.length + h - x2));
  return forecast;
}

/** Ordinary least squares of y on t = 0..n−1. */
export function linearRegressionFit(series: readonly number[]): {
  intercept: number;
  slope: number;
} {
  const n = series.length;
  const meanT = (n - 1) / 2;
  let meanY = 0;
  for (const y of series) meanY += y;
  meanY /= n;
  let sxy = 0;
  let sxx = 0;
  for (let t = 0; t < n; t++) {
    const dt = t - meanT;
    sxy += dt * ((series[t] as number) - meanY);
    sxx += dt * dt;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { intercept: meanY - slope * meanT, slope };
}

/**
 * Linear regression (QAT §A3c): least squares on t = 0..n−1, extended to t = n..n+horizon−1.
 * Not for seasonal data. Confidence intervals are not computed.
 * @example linearRegressionForecast([10, 12, 14], 2) // [16, 18]
 */
export function linearRegressionForecast(series: readonly number[], horizon: number): number[] {
  requirePoints('linear_regression', series, minimumDataPoints('linear_regression'));
  wholeAtLeast('horizon', horizon, 0);
  const { intercept, slope } = linearRegressionFit(series);
  const forecast = new Array<number>(horizon);
  for (let h = 0; h < horizon; h++)
    forecast[h] = Math.max(0, intercept + slope * (series.length + h));
  return forecast;
}
