import { StatisticsError } from './errors.js';

/** Throws `invalid_count` unless cases and n are integers with 0 ≤ cases ≤ n (n = 0 allowed). */
export function assertCounts(cases: number, n: number): void {
  if (!Number.isSafeInteger(cases) || !Number.isSafeInteger(n) || cases < 0 || cases > n) {
    throw new StatisticsError(
      'invalid_count',
      `cases ${cases} and n ${n} must be integers with 0 ≤ cases ≤ n`,
    );
  }
}
