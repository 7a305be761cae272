import { zForConfidence } from './normal-quantile.js';
import { suppressedCell, suppressionReason } from './suppression.js';
import type { SuppressionReason, SuppressionRule } from './suppression.js';
import type { WeightedPrevalence } from './weighted-prevalence.js';
import { assertCounts } from './validate.js';
import { wilsonInterval } from './wilson.js';

export type PrevalenceMethod = 'wilson' | 'survey-linearised';

interface CellBase {
  /** Unweighted denominator (children measured). */
  readonly n: number;
  readonly method: PrevalenceMethod;
  /** Two-sided confidence level of [lower, upper]. */
  readonly confidence: number;
  /** Where the counts come from, e.g. 'ENDES 2024' or 'HIS-MINSA 2025-06, rule DHS-ENDES-2019'. */
  readonly source: string;
  /** The suppression rule applied (`SuppressionRule.id`). */
  readonly ruleId: string;
}

/** A figure that may be shown. Proportions on the 0–1 scale. */
export interface PublishedCell extends CellBase {
  readonly suppressed: false;
  /** Unweighted cases. */
  readonly cases: number;
  /** Wilson: cases/n. Survey: the weighted estimate (not cases/n). */
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
  readonly suppressionReason: null;
}

/** A figure hidden by a small-number rule: only the denominator remains. */
export interface SuppressedCell extends CellBase {
  readonly suppressed: true;
  readonly cases: null;
  readonly estimate: null;
  readonly lower: null;
  readonly upper: null;
  readonly suppressionReason: SuppressionReason;
}

/** The shape every prevalence figure in Yawar carries, discriminated by `suppressed`. */
export type PrevalenceCell = PublishedCell | SuppressedCell;

export interface CountCellInput {
  readonly cases: number;
  readonly n: number;
  readonly source: string;
  readonly rule: SuppressionRule;
  readonly confidence?: number;
}

/**
 * A cell for simple counts (administrative data, or any census): Wilson interval, then the
 * small-number rule. n = 0 gives a suppressed cell (every rule has minDenominator ≥ 1), not an error.
 *
 * @example prevalenceCell({ cases: 81, n: 263, source: 'example', rule: YAWAR_2026_N20_C5 })
 */
export function prevalenceCell(input: CountCellInput): PrevalenceCell {
  const { cases, n, source, rule, confidence = 0.95 } = input;
  const base = { n, method: 'wilson', confidence, source } as const;
  // Validate before applying the rule so that bad input never hides behind suppression.
  assertCounts(cases, n);
  zForConfidence(confidence);
  const reason = suppressionReason(cases, n, rule);
  if (reason !== null) return suppressedCell(base, rule.id, reason);
  const { estimate, lower, upper } = wilsonInterval(cases, n, confidence);
  return {
    ...base,
    ruleId: rule.id,
    cases,
    estimate,
    lower,
    upper,
    suppressed: false,
    suppressionReason: null,
  };
}

/** A cell for a survey estimate; the rule is applied to the unweighted counts (DHS practice). */
export function surveyPrevalenceCell(
  result: WeightedPrevalence,
  source: string,
  rule: SuppressionRule,
): PrevalenceCell {
  const { unweightedN: n, unweightedCases: cases, confidence } = result;
  const base = { n, method: 'survey-linearised', confidence, source } as const;
  const reason = suppressionReason(cases, n, rule);
  if (reason !== null) return suppressedCell(base, rule.id, reason);
  const { estimate, lower, upper } = result;
  return {
    ...base,
    ruleId: rule.id,
    cases,
    estimate,
    lower,
    upper,
    suppressed: false,
    suppressionReason: null,
  };
}
