/**
 * The one error shape of the statistics module: a stable snake_case `code` that callers (the API,
 * the CLI) can map to a translated message, plus an English message for logs.
 */
export type StatisticsErrorCode =
  /** A count is negative, not an integer, or cases > n. */
  | 'invalid_count'
  /** n = 0: no proportion exists. */
  | 'empty_denominator'
  /** Confidence level not strictly between 0 and 1. */
  | 'invalid_confidence'
  /** A weight is negative, NaN or infinite. */
  | 'invalid_weight'
  /** Every weight is zero, so the weighted proportion is 0/0. */
  | 'zero_total_weight'
  /** Some records name a stratum and others do not. */
  | 'mixed_strata'
  /** A stratum has a single PSU and the caller asked to fail (the default). */
  | 'single_psu_stratum'
  /** A suppression rule whose thresholds make no sense. */
  | 'invalid_rule';

export class StatisticsError extends Error {
  constructor(
    readonly code: StatisticsErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StatisticsError';
  }
}
