/**
 * Establishment categories of NTS 021-MINSA/DGSP-V.03 (RM 546-2011/MINSA) and the rule that says
 * which have a clinical laboratory. See docs/methods/laboratory-capability.md.
 *
 * The rule is versioned data: NTS 021 V.03's full text was not available when this was written,
 * so the rule may need a new version once it is read, without touching code that uses it.
 */

export const ESTABLISHMENT_CATEGORIES = [
  'I-1',
  'I-2',
  'I-3',
  'I-4',
  'II-1',
  'II-2',
  'II-E',
  'III-1',
  'III-2',
  'III-E',
  'SD',
] as const;

export type EstablishmentCategory = (typeof ESTABLISHMENT_CATEGORIES)[number];

export function isEstablishmentCategory(value: string): value is EstablishmentCategory {
  return (ESTABLISHMENT_CATEGORIES as readonly string[]).includes(value);
}

export interface LaboratoryRule {
  readonly id: string;
  readonly source: string;
  readonly categoriesWithLaboratory: readonly EstablishmentCategory[];
}

/**
 * I-3 and above have the UPSS Patología Clínica (clinical laboratory); I-1 and I-2 refer samples.
 * "SD" (sin dato, uncategorised) is treated as having none until a planner overrides it.
 */
export const LABORATORY_RULE_NTS_021_V03: LaboratoryRule = Object.freeze<LaboratoryRule>({
  id: 'nts-021-v03',
  source: 'NTS 021-MINSA/DGSP-V.03, RM 546-2011/MINSA: UPSS Patología Clínica from category I-3',
  categoriesWithLaboratory: ['I-3', 'I-4', 'II-1', 'II-2', 'II-E', 'III-1', 'III-2', 'III-E'],
});

export function hasLaboratoryByRule(
  category: string,
  rule: LaboratoryRule = LABORATORY_RULE_NTS_021_V03,
): boolean {
  return (rule.categoriesWithLaboratory as readonly string[]).includes(category);
}

export interface LaboratoryCapability {
  readonly hasLaboratory: boolean;
  readonly source: 'category_rule' | 'override';
  readonly reason: string;
}

/** A planner's override wins over the category rule; the reason says which applied and why. */
export function laboratoryCapability(
  category: string,
  override: { hasLaboratory: boolean; reason: string } | null,
  rule: LaboratoryRule = LABORATORY_RULE_NTS_021_V03,
): LaboratoryCapability {
  if (override)
    return { hasLaboratory: override.hasLaboratory, source: 'override', reason: override.reason };
  return {
    hasLaboratory: hasLaboratoryByRule(category, rule),
    source: 'category_rule',
    reason: rule.source,
  };
}
