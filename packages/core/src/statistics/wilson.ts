import { StatisticsError } from './errors.js';
import { zForConfidence } from './normal-quantile.js';
import { assertCounts } from './validate.js';

/** A proportion and its confidence interval, all on the 0–1 scale. */
export interface ProportionInterval {
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
}

/**
 * Wilson score interval for a binomial proportion (Wilson, JASA 22:209–212, 1927), without
 * continuity correction: method 3 of Newcombe (Stat Med 17:857–872, 1998), recommended for small
 * n and proportions near 0 or 1 by Brown, Cai & DasGupta (Stat Sci 16:101–133, 2001).
 *
 *   centre    = (x + z²/2) / (n + z²)
 *   halfWidth = z · √(x(n − x)/n + z²/4) / (n + z²)
 *
 * with x = cases and z = Φ⁻¹(1 − α/2). Unlike the Wald interval it never leaves [0, 1] and does not
 * collapse to a point at x = 0 or x = n (0/20 → 0–0.1611).
 *
 * n = 0 throws `StatisticsError('empty_denominator')` rather than returning nulls: a proportion of
 * nothing is a caller's data state, and `prevalenceCell` handles it by suppressing the cell.
 *
 * @param cases integer, 0 ≤ cases ≤ n
 * @param n integer denominator, > 0
 * @param confidence two-sided level, default 0.95
 * @example wilsonInterval(81, 263) // { estimate: 0.3080, lower: 0.2553, upper: 0.3662 } (rounded)
 */
export function wilsonInterval(cases: number, n: number, confidence = 0.95): ProportionInterval {
  assertCounts(cases, n);
  if (n === 0) throw new StatisticsError('empty_denominator', 'n is 0: there is no proportion');
  const z = zForConfidence(confidence);
  const z2 = z * z;
  const centre = (cases + z2 / 2) / (n + z2);
  const halfWidth = (z * Math.sqrt((cases * (n - cases)) / n + z2 / 4)) / (n + z2);
  // At x = 0 (or n) the bound is 0 (or 1) exactly in algebra; rounding could leave ±1e-17.
  return {
    estimate: cases / n,
    lower: cases === 0 ? 0 : Math.max(0, centre - halfWidth),
    upper: cases === n ? 1 : Math.min(1, centre + halfWidth),
  };
}
