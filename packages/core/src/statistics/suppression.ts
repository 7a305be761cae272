import { StatisticsError } from './errors.js';
import type { PrevalenceCell, SuppressedCell } from './prevalence-cell.js';

/**
 * A versioned small-number rule. Never edit a published rule: add a new id, so every stored cell
 * still says which rule hid or showed it (`PrevalenceCell.ruleId`).
 */
export interface SuppressionRule {
  readonly id: string;
  /** Suppress when the unweighted denominator n < minDenominator (reliability). Integer ≥ 1. */
  readonly minDenominator: number;
  /** Also suppress when 1 ≤ cases < minCases (disclosure of identifiable individuals). Integer ≥ 1. */
  readonly minCases?: number;
  /** Why the rule exists, for the methods page and tooltips. */
  readonly reason: string;
  readonly sources: readonly string[];
}

/**
 * Stable codes a UI can translate. `complementary`: the cell is large enough, but hidden so that a
 * small cell beside it cannot be recovered by subtraction (disclosure.ts, `protectTable`).
 */
export type SuppressionReason = 'small_denominator' | 'small_numerator' | 'complementary';

/**
 * DHS/ENDES convention for survey tables: a percentage based on fewer than 25 unweighted cases is
 * replaced by an asterisk (25–49 are shown in parentheses: "use with caution").
 */
export const DHS_UNWEIGHTED_25 = {
  id: 'dhs-unweighted-25',
  minDenominator: 25,
  reason: 'Survey estimate on fewer than 25 unweighted cases: too unreliable to publish.',
  sources: [
    'DHS Program final-report table footnotes ("An asterisk indicates that a figure is based on fewer than 25 unweighted cases and has been suppressed")',
    'DHS Program, "Reading and Understanding" guides to the key tables (e.g. Malawi 2015-16 FR319)',
  ],
} as const satisfies SuppressionRule;

/**
 * Yawar's rule for administrative counts (HIS, SIEN) published by district or establishment.
 * n < 20: local choice, a little below the survey conventions (DHS 25, NCHS 30) because these are
 * censuses of attended children, not samples; a Wilson interval on n = 20 at p = 0.4 is still
 * ±0.2 wide. 1–4 cases: the common "fewer than 5" disclosure threshold (stricter agencies use
 * 1–9 or 1–10); a local choice pending the data-protection officer's review (Ley 29733).
 */
export const YAWAR_2026_N20_C5 = {
  id: 'yawar-2026-n20-c5',
  minDenominator: 20,
  minCases: 5,
  reason:
    'Fewer than 20 children measured, or 1 to 4 cases that could identify children in a small area.',
  sources: [
    'Local choice (Yawar 2026); see docs/methods/prevalence.md',
    'NCHS Data Presentation Standards for Proportions, Vital Health Stat 2(175), 2017 (n ≥ 30 for surveys)',
    'CDC WONDER suppresses sub-national counts of 1–9; CMS cell-size suppression policy, 1–10',
  ],
} as const satisfies SuppressionRule;

export const SUPPRESSION_RULES: Readonly<Record<string, SuppressionRule>> = Object.freeze({
  [DHS_UNWEIGHTED_25.id]: DHS_UNWEIGHTED_25,
  [YAWAR_2026_N20_C5.id]: YAWAR_2026_N20_C5,
});

/** Which reason (if any) the rule gives for hiding a cell with these unweighted counts. */
export function suppressionReason(
  cases: number,
  n: number,
  rule: SuppressionRule,
): Exclude<SuppressionReason, 'complementary'> | null {
  assertRule(rule);
  if (n < rule.minDenominator) return 'small_denominator';
  if (rule.minCases !== undefined && cases >= 1 && cases < rule.minCases) return 'small_numerator';
  return null;
}

/**
 * Applies a small-number rule to a cell: a cell the rule hides comes back with `suppressed: true`,
 * its estimate, interval and case count removed (cases plus n would give the estimate back) and
 * the reason; one it allows comes back unchanged except for `ruleId`. Suppression is one-way: an
 * already suppressed cell is returned as it is.
 */
export function suppressSmallCells(cell: PrevalenceCell, rule: SuppressionRule): PrevalenceCell {
  if (cell.suppressed) return cell;
  const reason = suppressionReason(cell.cases, cell.n, rule);
  if (reason === null) return { ...cell, ruleId: rule.id };
  return suppressedCell(cell, rule.id, reason);
}

export function suppressedCell(
  cell: Pick<PrevalenceCell, 'n' | 'method' | 'confidence' | 'source'>,
  ruleId: string,
  reason: SuppressionReason,
): SuppressedCell {
  const { n, method, confidence, source } = cell;
  return {
    ...{ n, method, confidence, source, ruleId },
    cases: null,
    estimate: null,
    lower: null,
    upper: null,
    suppressed: true,
    suppressionReason: reason,
  };
}

function assertRule(rule: SuppressionRule): void {
  const valid = (value: number) => Number.isSafeInteger(value) && value >= 1;
  if (!valid(rule.minDenominator) || (rule.minCases !== undefined && !valid(rule.minCases))) {
    throw new StatisticsError(
      'invalid_rule',
      `rule ${rule.id}: minDenominator and minCases must be integers ≥ 1`,
    );
  }
}
