/**
 * Additive Holt-Winters (triple exponential smoothing, TES) as QAT offers it for trend + season
 * (QAT user guide, Forecasting module §A3d: α = β = γ = 0.2 by default, at least 24 months).
 * One pass over the series, O(n) time and O(season) memory.
 *
 * Recurrences for t ≥ m (m = season length, y the series, L level, T trend, S seasonal):
 *   fitted ŷ_t = L_{t−1} + T_{t−1} + S_{t−m}
 *   L_t = α (y_t − S_{t−m}) + (1 − α)(L_{t−1} + T_{t−1})
 *   T_t = β (L_t − L_{t−1}) + (1 − β) T_{t−1}
 *   S_t = γ (y_t − L_t) + (1 − γ) S_{t−m}
 *   forecast ŷ_{n−1+h} = L_{n−1} + h T_{n−1} + S of the same month in the last season
 *
 * Initialisation (QAT does not publish its own; documented in docs/methods/supply-quantification.md):
 *   trend T = (mean of season 2 − mean of season 1) ÷ m;
 *   level at the last month of season 1 = mean of season 1 + T × (m − 1) ÷ 2;
 *   seasonal index i = y_i − (mean of season 1 + T × (i − (m − 1) ÷ 2)), i = 0..m−1.
 * The season mean sits at the middle of the season, so it is moved to the season's last month
 * along the trend, and the first season is detrended before giving the seasonal indices; without
 * this centring a series with trend starts with the level m/2 months behind and indices that carry
 * the trend (a bias of ~5 % after 36 months on a test series). A series that is exactly trend +
 * season is reproduced exactly.
 * Smoothing starts at t = m. The trend uses season two, so the in-sample fitted values of season
 * two have seen a little of their own data; fitted values start at t = m all the same, as in
 * common software. Forecasts and fitted values are clamped at 0.
 */
import { nonNegative, wholeAtLeast } from './guards.js';

export const HOLT_WINTERS_SEASONS_REQUIRED = 2;

export interface HoltWintersParams {
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
  /** Months per season; 12 for monthly data with a yearly pattern. */
  readonly seasonLength?: number;
}

export interface HoltWintersFit {
  readonly level: number;
  readonly trend: number;
  /** Seasonal index of each phase (index = month position modulo the season length). */
  readonly seasonal: readonly number[];
  /** One-step-ahead in-sample values; null for the first season. */
  readonly fitted: readonly (number | null)[];
}

function smoothing(name: string, value: number): number {
  if (!(value >= 0 && value <= 1)) throw new RangeError(`${name} must be in [0, 1], got ${value}`);
  return value;
}

export function holtWintersFit(
  series: readonly number[],
  params: HoltWintersParams,
): HoltWintersFit {
  const m = wholeAtLeast('seasonLength', params.seasonLength ?? 12, 1);
  const alpha = smoothing('alpha', params.alpha);
  const beta = smoothing('beta', params.beta);
  const gamma = smoothing('gamma', params.gamma);
  const n = series.length;
  if (n < HOLT_WINTERS_SEASONS_REQUIRED * m)
    throw new RangeError(
      `holt_winters needs at least ${HOLT_WINTERS_SEASONS_REQUIRED * m} months of data, got ${n}`,
    );
  let first = 0;
  let second = 0;
  for (let i = 0; i < m; i++) {
    first += nonNegative('series value', series[i] as number);
    second += nonNegative('series value', series[m + i] as number);
  }
  const firstMean = first / m;
  let trend = (second - first) / m / m;
  const middle = (m - 1) / 2;
  let level = firstMean + trend * middle;
  const seasonal = new Array<number>(m);
  for (let i = 0; i < m; i++)
    seasonal[i] = (series[i] as number) - (firstMean + trend * (i - middle));
  const fitted = new Array<number | null>(n).fill(null);
  for (let t = m; t < n; t++) {
    const y = nonNegative('series value', series[t] as number);
    const phase = t % m;
    const s = seasonal[phase] as number;
    fitted[t] = Math.max(0, level + trend + s);
    const nextLevel = alpha * (y - s) + (1 - alpha) * (level + trend);
    trend = beta * (nextLevel - level) + (1 - beta) * trend;
    seasonal[phase] = gamma * (y - nextLevel) + (1 - gamma) * s;
    level = nextLevel;
  }
  return { level, trend, seasonal, fitted };
}

/**
 * Additive Holt-Winters forecast for `horizon` months after the series.
 * @example holtWintersForecast(history36, { alpha: 0.2, beta: 0.2, gamma: 0.2 }, 12)
 */
export function holtWintersForecast(
  series: readonly number[],
  params: HoltWintersParams,
  horizon: number,
): number[] {
  wholeAtLeast('horizon', horizon, 0);
  const fit = holtWintersFit(series, params);
  const m = fit.seasonal.length;
  const last = series.length - 1;
  const forecast = new Array<number>(horizon);
  for (let h = 1; h <= horizon; h++) {
    const s = fit.seasonal[(last + h) % m] as number;
    forecast[h - 1] = Math.max(0, fit.level + h * fit.trend + s);
  }
  return forecast;
}
