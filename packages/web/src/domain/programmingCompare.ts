// The per-line comparison of forecast methods (QAT "Compare and Select"): every method run on the
// same history, ranked by WAPE. The server computes the quantities and errors; this only picks the
// best fit and says why a method did not run as itself.
import type { ProgrammeLine } from '@yawar/api';
import type { ForecastMethod } from '@yawar/core';

export type Alternative = ProgrammeLine['alternatives'][number];

/**
 * The methods with the lowest WAPE (ties all marked). A method that fell back to another (too
 * little history) is left out: its errors are the fallback's, not its own.
 */
export function lowestWape(alternatives: readonly Alternative[]): ReadonlySet<ForecastMethod> {
  const ranked = alternatives.flatMap((item) => {
    const wape = item.errors?.wape;
    return item.usedMethod === item.method && typeof wape === 'number'
      ? [{ method: item.method, wape }]
      : [];
  });
  if (ranked.length === 0) return new Set();
  const best = Math.min(...ranked.map((item) => item.wape));
  return new Set(ranked.filter((item) => item.wape === best).map((item) => item.method));
}

export { packsOf } from './programming';

/** Why a method ran as another: Holt-Winters lacks 24 months, the tree lacks screenings, … */
export type FallbackReason = 'holt_winters' | 'intervention' | 'history';

export function fallbackReason(alternative: Alternative): FallbackReason | null {
  if (alternative.usedMethod === alternative.method) return null;
  if (alternative.method === 'holt_winters') return 'holt_winters';
  if (alternative.method === 'intervention') return 'intervention';
  return 'history';
}
