import { StatisticsError } from './errors.js';
import { zForConfidence } from './normal-quantile.js';

/** One surveyed person: sampling weight, outcome, PSU and (optionally) design stratum. */
export interface SurveyRecord {
  /** Sampling weight, finite and ≥ 0 (ENDES `PESO` = `HV005`/10⁶). Only ratios of weights matter. */
  readonly weight: number;
  readonly isCase: boolean;
  /** Primary sampling unit (ENDES `HV001`). Nested within `stratum`: the same id in two strata is two PSUs. */
  readonly cluster: string;
  /** Design stratum (ENDES `HV022`). Give it for every record or for none. */
  readonly stratum?: string;
}

/**
 * What to do with a stratum that has a single PSU, where the with-replacement variance is
 * undefined (Stata `svyset …, singleunit()`; R `options(survey.lonely.psu = …)`).
 * - `fail` (default): throw `StatisticsError('single_psu_stratum')` — Stata's default reports a
 *   missing SE and R's default stops; we never return NaN.
 * - `certainty`: the stratum contributes no variance (Stata `certainty`, R `"certainty"`).
 * - `centered`: its PSU total is centred at the mean of all PSU totals (Stata `centered`, R `"adjust"`).
 */
export type SingletonPsu = 'fail' | 'certainty' | 'centered';

/** `logit` (default): Wald interval on the logit scale, back-transformed; `wald`: p ± z·SE clipped to [0, 1]. */
export type SurveyIntervalMethod = 'logit' | 'wald';

export interface WeightedPrevalenceOptions {
  readonly singletonPsu?: SingletonPsu;
  readonly interval?: SurveyIntervalMethod;
}

export interface WeightedPrevalence {
  /** Σ w·y / Σ w. */
  readonly estimate: number;
  /** Taylor-linearised, with-replacement (ultimate-cluster) standard error. */
  readonly standardError: number;
  readonly lower: number;
  readonly upper: number;
  readonly confidence: number;
  readonly interval: SurveyIntervalMethod;
  /** Records with weight > 0. */
  readonly unweightedN: number;
  /** Σ w. */
  readonly weightedN: number;
  /** Unweighted cases among records with weight > 0. */
  readonly unweightedCases: number;
  /** V / V_srs with V_srs = p(1 − p)/(n − 1); null when V_srs is 0 or undefined (p ∈ {0, 1}, n ≤ 1). */
  readonly designEffect: number | null;
  /** Distinct PSUs (stratum × cluster), including PSUs whose records all have weight 0. */
  readonly clusters: number;
  readonly strata: number;
  /** Design degrees of freedom, PSUs − strata (what R and Stata use for t intervals). */
  readonly degreesOfFreedom: number;
}

/**
 * Survey-weighted prevalence with a design-based standard error.
 *
 * Estimator (ratio of weighted totals; Kish, *Survey Sampling*, 1965; DHS final reports, appendix
 * "Estimates of sampling errors"): p = Σ wᵢyᵢ / Σ wᵢ.
 *
 * Variance by Taylor linearisation (Wolter, *Introduction to Variance Estimation*, 2nd ed. 2007,
 * ch. 6), treating PSUs as drawn with replacement within strata — the default of Stata `svy` and
 * R `survey`, and the DHS sampling-error appendix (whose (1 − f) factor is taken as 1):
 *   zᵢ = wᵢ (yᵢ − p) / Σ w                 linearised values
 *   z_hc = Σ_{i in PSU c of stratum h} zᵢ  PSU totals, z̄_h their mean over the n_h PSUs of h
 *   V = Σ_h n_h/(n_h − 1) · Σ_c (z_hc − z̄_h)²
 *
 * Records with weight 0 add nothing to the estimate but keep their PSU in the design, so passing
 * weight 0 for people outside a sub-population gives a correct domain estimate (R survey's
 * `subset()` semantics) instead of the too-small SE of dropping their PSUs.
 *
 * Throws `StatisticsError` for no records (`empty_denominator`), a negative or non-finite weight
 * (`invalid_weight`), Σ w = 0 (`zero_total_weight`), strata given for some records only
 * (`mixed_strata`) and, unless `singletonPsu` says otherwise, a one-PSU stratum. An estimate of
 * exactly 0 or 1 has V = 0: the interval collapses to the point and designEffect is null.
 *
 * @example weightedPrevalence(records) // ENDES 2018 subsample: estimate ≈ 0.4533
 */
export function weightedPrevalence(
  records: readonly SurveyRecord[],
  confidence = 0.95,
  options: WeightedPrevalenceOptions = {},
): WeightedPrevalence {
  const z = zForConfidence(confidence);
  const { singletonPsu = 'fail', interval = 'logit' } = options;
  const { totalWeight, caseWeight, unweightedN, unweightedCases } = totals(records);
  const estimate = caseWeight / totalWeight;
  const psuTotals = linearisedPsuTotals(records, estimate, totalWeight);
  const variance = withReplacementVariance(psuTotals, singletonPsu);
  const standardError = Math.sqrt(variance);
  const clusters = [...psuTotals.values()].reduce((sum, stratum) => sum + stratum.length, 0);
  const srsVariance = unweightedN > 1 ? (estimate * (1 - estimate)) / (unweightedN - 1) : 0;
  return {
    estimate,
    standardError,
    ...(interval === 'logit'
      ? logitInterval(estimate, standardError, z)
      : waldInterval(estimate, standardError, z)),
    confidence,
    interval,
    unweightedN,
    weightedN: totalWeight,
    unweightedCases,
    designEffect: srsVariance > 0 ? variance / srsVariance : null,
    clusters,
    strata: psuTotals.size,
    degreesOfFreedom: clusters - psuTotals.size,
  };
}

function totals(records: readonly SurveyRecord[]) {
  if (records.length === 0) {
    throw new StatisticsError('empty_denominator', 'no records: there is no proportion');
  }
  let totalWeight = 0;
  let caseWeight = 0;
  let unweightedN = 0;
  let unweightedCases = 0;
  for (const { weight, isCase } of records) {
    if (!(Number.isFinite(weight) && weight >= 0)) {
      throw new StatisticsError('invalid_weight', `weight ${weight} is not a finite number ≥ 0`);
    }
    totalWeight += weight;
    if (isCase) caseWeight += weight;
    if (weight > 0) {
      unweightedN++;
      if (isCase) unweightedCases++;
    }
  }
  if (totalWeight === 0) {
    throw new StatisticsError('zero_total_weight', 'all weights are 0: the proportion is 0/0');
  }
  return { totalWeight, caseWeight, unweightedN, unweightedCases };
}

/** Stratum → PSU totals of the linearised values zᵢ = wᵢ(yᵢ − p)/Σw. */
function linearisedPsuTotals(
  records: readonly SurveyRecord[],
  estimate: number,
  totalWeight: number,
): Map<string, number[]> {
  const stratified = records[0]?.stratum !== undefined;
  const byStratum = new Map<string, Map<string, number>>();
  for (const { weight, isCase, cluster, stratum } of records) {
    if ((stratum !== undefined) !== stratified) {
      throw new StatisticsError('mixed_strata', 'give a stratum for every record or for none');
    }
    const key = stratum ?? '';
    let psus = byStratum.get(key);
    if (!psus) byStratum.set(key, (psus = new Map()));
    const z = (weight * ((isCase ? 1 : 0) - estimate)) / totalWeight;
    psus.set(cluster, (psus.get(cluster) ?? 0) + z);
  }
  return new Map([...byStratum].map(([key, psus]) => [key, [...psus.values()]]));
}

function withReplacementVariance(
  psuTotals: ReadonlyMap<string, readonly number[]>,
  singletonPsu: SingletonPsu,
): number {
  const all = [...psuTotals.values()].flat();
  const grandMean = all.reduce((a, b) => a + b, 0) / all.length;
  let variance = 0;
  for (const [stratum, totals] of psuTotals) {
    const n = totals.length;
    if (n === 1) {
      if (singletonPsu === 'fail') {
        throw new StatisticsError(
          'single_psu_stratum',
          `stratum "${stratum}" has one PSU: its variance is undefined (see singletonPsu)`,
        );
      }
      // R survey "adjust" uses scale 1 for the lonely PSU (n/(n−1) is undefined).
      if (singletonPsu === 'centered') variance += ((totals[0] ?? 0) - grandMean) ** 2;
      continue;
    }
    const mean = totals.reduce((a, b) => a + b, 0) / n;
    const squares = totals.reduce((sum, t) => sum + (t - mean) ** 2, 0);
    variance += (n / (n - 1)) * squares;
  }
  return variance;
}

/**
 * Wald interval for logit(p), back-transformed (R `svyciprop(method = "logit")`; Stata
 * `svy: proportion` default): SE on the logit scale is SE/(p(1 − p)) by the delta method.
 * Keeps the bounds inside (0, 1) and skews them away from the nearer boundary.
 */
function logitInterval(p: number, se: number, z: number) {
  if (se === 0 || p === 0 || p === 1) return { lower: p, upper: p };
  const centre = Math.log(p / (1 - p));
  const half = (z * se) / (p * (1 - p));
  return { lower: expit(centre - half), upper: expit(centre + half) };
}

function waldInterval(p: number, se: number, z: number) {
  return { lower: Math.max(0, p - z * se), upper: Math.min(1, p + z * se) };
}

function expit(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
