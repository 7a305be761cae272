/**
 * One line of an annual programming round (a product at an executing unit): history → adjusted
 * consumption → CPMA and forecast → demand, safety stock, stock, in transit → requirement in packs
 * and soles, each step with its formula and live values (programme-line-steps.ts).
 *
 * The skeleton is a RECONSTRUCTION [R] on QAT's National View (QAT user guide, reports §C2): no
 * CENARES programming directive was found, so
 * the default safety months and horizon, and the choice not to project stock to the start of the
 * horizon, must be validated against the current directive. Method: docs/methods/supply-quantification.md.
 */
import { adjustedConsumptionQat, interpolateMissingMonths } from '../supply/consumption.js';
import { errorMetrics, extrapolate, oneStepAheadFitted } from '../supply/forecast-compare.js';
import { minimumDataPoints, type ExtrapolationMethod } from '../supply/forecast.js';
import { daysInMonthIndex, monthFromIndex, monthIndex, monthRange } from '../supply/months.js';
import { buildSteps } from './programme-line-steps.js';
import { programmingRequirement } from './requirement.js';
import { MAX_MOVING_AVERAGE_WINDOW, parameterProblems } from '../supply/parameters.js';
import {
  isForecastMethod,
  type ForecastErrors,
  type ForecastMethod,
  type LineNotice,
  type MonthlyRecord,
  type ProgrammingLineInput,
  type ProgrammingLineResult,
} from '../supply/types.js';

/** History sorted by month, as month indices; throws on a duplicate or malformed month. */
function sortedHistory(history: readonly MonthlyRecord[]) {
  const indices = history.map((r) => monthIndex(r.month));
  let sorted = true;
  for (let i = 1; i < indices.length; i++) if (indices[i]! <= indices[i - 1]!) sorted = false;
  if (sorted) return { records: history, indices };
  const order = indices.map((_, i) => i).sort((a, b) => indices[a]! - indices[b]!);
  const records = order.map((i) => history[i]!);
  const sortedIdx = order.map((i) => indices[i]!);
  for (let i = 1; i < sortedIdx.length; i++)
    if (sortedIdx[i] === sortedIdx[i - 1])
      throw new RangeError(`month ${records[i]!.month} appears twice in the history`);
  return { records, indices: sortedIdx };
}

/**
 * Computes a programming line. Steps:
 * 1. sort the history; months missing inside it are interpolated (QAT) and reported;
 * 2. each month is adjusted for reporting rate and stock-out days (QAT §A2);
 * 3. CPMA (DIGEMID) on the raw consumption of the last `historyWindowMonths` calendar months;
 * 4. forecast over the horizon: `cpma` flat; `moving_average` (window = min(history window, 12)),
 *    `linear_regression`, `holt_winters` on the whole adjusted history; `intervention` spreads the
 *    tree's demand evenly. A method without enough data falls back to `cpma`, with a warning;
 * 5. demand = Σ forecast × (1 + growth); safety = mean monthly forecast × safety months;
 *    stock = last month's end stock (0 when not reported, with a warning); in transit = last month's;
 * 6. requirement, packs (rounded up), quantity and cost (`programmingRequirement`).
 * Pure and deterministic; O(history + horizon) per line.
 */
export function computeProgrammingLine(input: ProgrammingLineInput): ProgrammingLineResult {
  const { parameters: p, product } = input;
  const problems = parameterProblems(p);
  if (!isForecastMethod(input.method))
    problems.push(`method: unknown method ${String(input.method)}`);
  if (problems.length > 0) throw new RangeError(problems.join('; '));
  const warnings: string[] = [];
  const notices: LineNotice[] = [];
  const warn = (code: LineNotice['code'], params: LineNotice['params'], message: string) => {
    notices.push({ code, params });
    warnings.push(message);
  };
  const { records, indices } = sortedHistory(input.history);
  const n = records.length === 0 ? 0 : indices[indices.length - 1]! - indices[0]! + 1;
  const first = indices[0] ?? 0;

  // 1–2. Fill the calendar, interpolate gaps, adjust each month.
  const raw = new Array<number | null>(n).fill(null);
  const byPosition = new Array<MonthlyRecord | undefined>(n);
  for (let i = 0; i < records.length; i++) {
    raw[indices[i]! - first] = records[i]!.consumption;
    byPosition[indices[i]! - first] = records[i];
  }
  const missing = n - records.length;
  const filled = missing > 0 ? interpolateMissingMonths(raw) : raw;
  if (missing > 0) {
    const months = [];
    for (let i = 0; i < n; i++) if (!byPosition[i]) months.push(monthFromIndex(first + i));
    warn(
      'months_interpolated',
      { count: missing, months: months.join(', ') },
      `${missing} month(s) missing from the history, interpolated: ${months.join(', ')}`,
    );
  }
  const adjustedHistory = new Array<{ month: string; value: number }>(n);
  const series = new Array<number>(n);
  const stockedOut: string[] = [];
  for (let i = 0; i < n; i++) {
    const record = byPosition[i];
    const month = record?.month ?? monthFromIndex(first + i);
    const adjusted = adjustedConsumptionQat({
      actual: filled[i] as number,
      reportingRate: record?.reportingRate ?? 1,
      stockoutDays: record?.stockoutDays ?? 0,
      daysInMonth: daysInMonthIndex(first + i),
    });
    if (adjusted.wholeMonthStockedOut) stockedOut.push(month);
    series[i] = adjusted.value;
    adjustedHistory[i] = { month, value: adjusted.value };
  }
  if (stockedOut.length > 0)
    warn(
      'whole_month_stockout',
      { months: stockedOut.join(', ') },
      `stocked out the whole month, consumption adjusted for reporting only: ${stockedOut.join(', ')}`,
    );

  // 3. CPMA over the last calendar months of the window (missing months count as no consumption).
  const windowStart = Math.max(0, n - p.historyWindowMonths);
  let cpmaSum = 0;
  let cpmaMonths = 0;
  for (let i = windowStart; i < n; i++) {
    const c = byPosition[i]?.consumption ?? 0;
    if (c > 0) {
      cpmaSum += c;
      cpmaMonths++;
    }
  }
  const cpma = cpmaMonths === 0 ? 0 : cpmaSum / cpmaMonths;
  if (n === 0) warn('no_history', {}, 'no history: CPMA and consumption forecasts are 0');

  // 4. Forecast.
  const horizon = p.horizonMonths;
  const extrapolation = {
    movingAverageWindow: Math.min(p.historyWindowMonths, MAX_MOVING_AVERAGE_WINDOW),
    holtWinters: { ...p.holtWinters, seasonLength: 12 },
  };
  let method: ForecastMethod = input.method;
  let forecast: number[] | null = null;
  let errors: ForecastErrors | null = null;
  if (method === 'intervention') {
    const demand = input.interventionDemand;
    if (typeof demand === 'number' && demand >= 0 && Number.isFinite(demand))
      forecast = new Array<number>(horizon).fill(demand / horizon);
    else {
      warn(
        'intervention_without_tree',
        {},
        'intervention: no demand from the intervention tree; fell back to cpma',
      );
      method = 'cpma';
    }
  } else if (method !== 'cpma') {
    const need = minimumDataPoints(method as ExtrapolationMethod);
    if (n < need) {
      warn(
        'method_short_of_data',
        { method, need, has: n },
        `${method} needs ${need} months of history, has ${n}; fell back to cpma`,
      );
      method = 'cpma';
    } else {
      forecast = extrapolate(method, series, extrapolation, horizon);
      errors = errorMetrics(series, oneStepAheadFitted(method, series, extrapolation));
    }
  }
  if (forecast === null) forecast = new Array<number>(horizon).fill(cpma);
  const months = monthRange(input.horizonStart, horizon);
  const monthlyForecast = months.map((month, i) => ({ month, value: forecast[i] as number }));

  // 5. Demand, safety stock, stock and in transit.
  let forecastSum = 0;
  for (const value of forecast) forecastSum += value;
  const demand = forecastSum * (1 + p.growthRate);
  const safetyStock = (forecastSum / horizon) * p.safetyStockMonths;
  const last = records[records.length - 1];
  if (last && last.stockEnd === null)
    warn(
      'stock_unreported',
      { month: last.month },
      `stock at the end of ${last.month} not reported; taken as 0`,
    );
  const stockAvailable = last?.stockEnd ?? 0;
  const inTransit = last?.inTransit ?? 0;
  if (last) {
    const gap = monthIndex(input.horizonStart) - monthIndex(last.month) - 1;
    if (gap > 0)
      warn(
        'horizon_gap',
        { count: gap, last: last.month, start: input.horizonStart },
        `${gap} month(s) between the last history month (${last.month}) and the horizon start (${input.horizonStart}): stock is not projected over them`,
      );
    else if (gap < 0)
      warn(
        'horizon_before_history_end',
        { last: last.month, start: input.horizonStart },
        `the horizon starts (${input.horizonStart}) before the history ends (${last.month})`,
      );
  }

  // 6. Requirement.
  const requirement = programmingRequirement({
    demand,
    safetyStock,
    stockAvailable,
    inTransit,
    packSize: product.packSize,
    unitPrice: product.unitPrice,
  });
  const result = {
    method,
    adjustedHistory,
    cpma,
    monthlyForecast,
    demand,
    safetyStock,
    stockAvailable,
    inTransit,
    ...requirement,
    errors,
    warnings,
    notices,
  };
  // Bulk prefills skip the formula text: the sheet recomputes each line with it on every read.
  const steps =
    input.explain === false
      ? []
      : buildSteps({ input, result, last, cpmaSum, cpmaMonths, forecastSum });
  return { ...result, steps };
}
