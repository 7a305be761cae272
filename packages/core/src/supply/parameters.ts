/**
 * Parameters of a programming round: defaults and validation. Which values a line used is stored
 * with it (the round's parameters are versioned with the round).
 */
import { isForecastMethod, type ProgrammingParameters } from './types.js';

/**
 * Defaults of a round. Horizon 12 and 3 safety months are a reconstruction [R] ("months of safety
 * stock" is an open question until the CENARES directive is obtained); the 12-month window
 * is DIGEMID's CPMA window [T]; α = β = γ = 0.2 are QAT's defaults [C].
 */
export const DEFAULT_PROGRAMMING_PARAMETERS: ProgrammingParameters = Object.freeze({
  horizonMonths: 12,
  safetyStockMonths: 3,
  historyWindowMonths: 12,
  growthRate: 0,
  defaultMethod: 'cpma',
  holtWinters: Object.freeze({ alpha: 0.2, beta: 0.2, gamma: 0.2 }),
});

/** The longest moving-average window a line uses, whatever the history window. */
export const MAX_MOVING_AVERAGE_WINDOW = 12;

/** Every problem with a set of parameters, as `field: reason`; empty when valid. */
export function parameterProblems(p: ProgrammingParameters): string[] {
  const problems: string[] = [];
  const whole = (name: string, v: number, min: number, max: number) => {
    if (!Number.isInteger(v) || v < min || v > max)
      problems.push(`${name}: must be a whole number from ${min} to ${max}, got ${v}`);
  };
  whole('horizonMonths', p.horizonMonths, 1, 120);
  whole('historyWindowMonths', p.historyWindowMonths, 1, 120);
  if (!(p.safetyStockMonths >= 0 && p.safetyStockMonths <= 60))
    problems.push(`safetyStockMonths: must be from 0 to 60, got ${p.safetyStockMonths}`);
  if (!(p.growthRate > -1 && p.growthRate <= 10))
    problems.push(`growthRate: must be above −1 (−100 %) and at most 10, got ${p.growthRate}`);
  if (!isForecastMethod(p.defaultMethod))
    problems.push(`defaultMethod: unknown method ${String(p.defaultMethod)}`);
  for (const key of ['alpha', 'beta', 'gamma'] as const) {
    const v = p.holtWinters?.[key];
    if (!(typeof v === 'number' && v >= 0 && v <= 1))
      problems.push(`holtWinters.${key}: must be from 0 to 1, got ${v}`);
  }
  const t = p.intervention;
  if (t) {
    if (!(t.treatmentCoverage >= 0 && t.treatmentCoverage <= 1))
      problems.push(
        `intervention.treatmentCoverage: must be from 0 to 1, got ${t.treatmentCoverage}`,
      );
    if (!(t.preventionCoverage >= 0 && t.preventionCoverage <= 1))
      problems.push(
        `intervention.preventionCoverage: must be from 0 to 1, got ${t.preventionCoverage}`,
      );
    if (!(t.wastage >= 0 && t.wastage < 1))
      problems.push(`intervention.wastage: must be from 0 to less than 1, got ${t.wastage}`);
  }
  return problems;
}
