/**
 * Adjusted consumption and order quantities as OpenLMIS v3, open mSupply and ForLAB compute them,
 * re-implemented from their documentation and data definitions (OpenLMIS and ForLAB are AGPL-3.0:
 * formulas only, no code). Sources: OpenLMIS/openlmis-requisition@8879ae60
 * `src/main/java/org/openlmis/requisition/domain/requisition/LineItemFieldsCalculator.java`
 * (columns N, P, H, I); msupply-foundation/open-msupply issue #9517 (configurable AMC) and
 * `server/service/src/requisition/request_requisition/suggested_quantity.rs` @d6deb0c5;
 * forlab/ForLAB@f2a5e552 `LQT.GUI/LqtUtil.cs` (GetAdjustedVolume).
 */
import { nonNegative, positive, wholeAtLeast } from './guards.js';

/** OpenLMIS counts every month as 30 days. */
const OPENLMIS_DAYS_PER_MONTH = 30;

/**
 * OpenLMIS requisition column N (adjusted consumption): N = ⌈C × 30M ÷ (30M − X)⌉ with X capped at
 * 30M; N = C when X = 0 or X covers the whole period; 0 when C = 0
 * (OpenLMIS/openlmis-requisition@8879ae60 `LineItemFieldsCalculator.java`, column N).
 * The product C × 30M is formed first so an exact quotient stays exact before the ceiling.
 * @example adjustedConsumptionOpenLmis({ consumed: 100, periods: 1, stockoutDays: 10 }) // 150
 */
export function adjustedConsumptionOpenLmis(input: {
  /** C: total consumed in the period. */
  readonly consumed: number;
  /** M: months in the period (1 for a monthly requisition). */
  readonly periods: number;
  /** X: stock-out days in the period. */
  readonly stockoutDays: number;
}): number {
  const consumed = nonNegative('consumed', input.consumed);
  const totalDays = OPENLMIS_DAYS_PER_MONTH * positive('periods', input.periods);
  const out = Math.min(nonNegative('stockoutDays', input.stockoutDays), totalDays);
  if (consumed === 0) return 0;
  if (out === 0 || out === totalDays) return consumed;
  return Math.ceil((consumed * totalDays) / (totalDays - out));
}

/**
 * OpenLMIS column P (average consumption) = ⌈mean of N over the last n periods⌉,
 * `numberOfPeriodsToAverage` n ≥ 2; with fewer periods available, the mean of those there are;
 * 0 with none.
 * @example averageConsumptionOpenLmis([90, 100, 121], 2) // 111 (⌈110.5⌉)
 */
export function averageConsumptionOpenLmis(values: readonly number[], n: number): number {
  wholeAtLeast('numberOfPeriodsToAverage', n, 2);
  const last = values.slice(-n);
  if (last.length === 0) return 0;
  let sum = 0;
  for (const value of last) sum += nonNegative('adjusted consumption', value);
  return Math.ceil(sum / last.length);
}

/**
 * OpenLMIS column H (maximum stock) = round-half-up(P × maxPeriodsOfStock), maxPeriodsOfStock from
 * the facility-type approved product.
 * @example maxStockOpenLmis(150, 3) // 450
 */
export function maxStockOpenLmis(averageConsumption: number, maxPeriodsOfStock: number): number {
  const product =
    nonNegative('averageConsumption', averageConsumption) *
    nonNegative('maxPeriodsOfStock', maxPeriodsOfStock);
  return Math.floor(product + 0.5);
}

/**
 * OpenLMIS column I (calculated order quantity) = max(0, H − E), E the stock on hand.
 * @example calculatedOrderOpenLmis(450, 200) // 250
 */
export function calculatedOrderOpenLmis(maxStock: number, stockOnHand: number): number {
  return Math.max(0, nonNegative('maxStock', maxStock) - nonNegative('stockOnHand', stockOnHand));
}

/**
 * open mSupply configurable AMC (issue #9517, displayed formula fixed in PR #9823):
 * AMC = ((consumption − transfers) ÷ lookBackMonths) × (lookbackDays ÷ (lookbackDays − DOS)),
 * lookbackDays = daysInMonth × lookBackMonths. The days-out-of-stock factor is optional; when DOS
 * covers the whole look-back it cannot be applied and the unadjusted mean is returned. Net
 * consumption below 0 (more transferred than consumed) counts as 0.
 * @example amcMsupply({ consumption: 300, lookBackMonths: 3, daysOutOfStock: 9 }) // 111.1…
 */
export function amcMsupply(input: {
  readonly consumption: number;
  readonly transfers?: number;
  readonly lookBackMonths: number;
  /** Days per month in the look-back (mSupply setting; default 30). */
  readonly daysInMonth?: number;
  readonly daysOutOfStock?: number;
  readonly adjustForDaysOutOfStock?: boolean;
}): number {
  const months = wholeAtLeast('lookBackMonths', input.lookBackMonths, 1);
  const net = Math.max(
    0,
    nonNegative('consumption', input.consumption) - nonNegative('transfers', input.transfers ?? 0),
  );
  const base = net / months;
  if (input.adjustForDaysOutOfStock === false) return base;
  const lookbackDays = positive('daysInMonth', input.daysInMonth ?? 30) * months;
  const dos = nonNegative('daysOutOfStock', input.daysOutOfStock ?? 0);
  if (dos === 0 || dos >= lookbackDays) return base;
  return base * (lookbackDays / (lookbackDays - dos));
}

/**
 * ForLAB adjusted volume = reported × Y ÷ (Y − (stock-out days + instrument downtime days)),
 * Y = working days per month × months (22 working days a month by default) (ForLAB
 * forlab/ForLAB@f2a5e552 `LQT.GUI/LqtUtil.cs` GetAdjustedVolume). When the lost days cover the whole
 * period the factor is undefined and the reported volume is returned.
 * @example adjustedVolumeForLab({ reported: 1000, stockoutDays: 2, downtimeDays: 2 }) // 1222.2…
 */
export function adjustedVolumeForLab(input: {
  readonly reported: number;
  readonly stockoutDays: number;
  readonly downtimeDays?: number;
  readonly workingDaysPerMonth?: number;
  readonly months?: number;
}): number {
  const reported = nonNegative('reported', input.reported);
  const y =
    positive('workingDaysPerMonth', input.workingDaysPerMonth ?? 22) *
    positive('months', input.months ?? 1);
  const lost =
    nonNegative('stockoutDays', input.stockoutDays) +
    nonNegative('downtimeDays', input.downtimeDays ?? 0);
  if (lost === 0 || lost >= y) return reported;
  return (reported * y) / (y - lost);
}

/**
 * ForLAB's second step in GetAdjustedVolume: a period with zero volume is replaced by the mean of
 * the non-zero periods (a zero is read as a missing report, not as no testing). All zeros stay zeros.
 * @example fillZeroPeriodsForLab([100, 0, 200]) // [100, 150, 200]
 */
export function fillZeroPeriodsForLab(values: readonly number[]): number[] {
  let sum = 0;
  let count = 0;
  for (const value of values) {
    if (nonNegative('volume', value) > 0) {
      sum += value;
      count++;
    }
  }
  if (count === 0) return values.slice();
  const mean = sum / count;
  return values.map((value) => (value > 0 ? value : mean));
}
