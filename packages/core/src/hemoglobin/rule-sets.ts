/**
 * Hemoglobin rule sets as versioned data: cut-offs and severity bands by population group, and the
 * altitude adjustment. Nothing about a rule lives in code branches; `classify.ts` only reads this.
 * Values are in tenths of g/dL (10.5 g/dL = 105) so band edges compare exactly.
 *
 * Primary sources:
 * - WHO (2024), Guideline on haemoglobin cutoffs to define anaemia in individuals and populations,
 *   ISBN 9789240088542, https://www.who.int/publications/i/item/9789240088542 — Table 1
 *   (cut-offs and severity by population group) and recommendation 2 (elevation adjustment).
 * - MINSA, NTS N.° 213-MINSA/DGIESP-2024, approved by RM N.° 251-2024/MINSA (modified by
 *   RM N.° 429-2024/MINSA), https://www.gob.pe/institucion/minsa/normas-legales/5440166-251-2024-minsa
 *   — Table 1 (altitude adjustment) and its Hb table (adapts WHO 2024).
 * - WHO (2011), Haemoglobin concentrations for the diagnosis of anaemia and assessment of severity,
 *   WHO/NMH/NHD/MNM/11.1, https://iris.who.int/handle/10665/85839 — Table 1.
 * - CDC (1989), MMWR 38(22):400–404, https://www.cdc.gov/mmwr/preview/mmwrhtml/00051880.htm, and
 *   the DHS Guide to DHS Statistics (DHS-7), "Anemia Status",
 *   https://dhsprogram.com/data/Guide-to-DHS-Statistics/ — the altitude formula as DHS/ENDES apply it.
 * Caveats and the reasoning behind each choice: docs/methods/hemoglobin-rules.md.
 *
 * Versions: `id` names the rule (what a series and a stored figure refer to), `version` counts
 * corrections of its data. A correction that changes any figure Yawar has published (children's
 * bands, altitude) gets a new id; one that touches only bands Yawar never applies to stored data
 * (pregnancy: the screening module holds children 6–59 months only) bumps `version`.
 */

export type AnemiaLevel = 'none' | 'mild' | 'moderate' | 'severe';

export type PopulationGroup =
  | 'child_6_23m'
  | 'child_24_59m'
  | 'child_6_59m'
  | 'child_5_11y'
  | 'adolescent_12_14y'
  | 'woman_15y_plus'
  | 'man_15y_plus'
  | 'pregnant_t1'
  | 'pregnant_t2'
  | 'pregnant_t3';

/** Anemia when adjusted Hb < cutoff; mild when ≥ mildFrom; moderate when ≥ moderateFrom; else severe. */
export interface SeverityBand {
  readonly group: PopulationGroup;
  /** Completed months of age, inclusive; pregnancy bands apply at any age within the rule. */
  readonly fromMonths: number;
  readonly toMonths: number;
  readonly cutoff: number;
  readonly mildFrom: number;
  readonly moderateFrom: number;
}

export type AltitudeAdjustment =
  /** Subtract the amount of the band the altitude falls in (lower bound inclusive). */
  | {
      readonly kind: 'table';
      readonly bands: readonly { readonly fromM: number; readonly subtract: number }[];
    }
  /** WHO 2024: g/L = 0.0056384·e + 0.0000003·e² (g/L equals tenths of g/dL). */
  | { readonly kind: 'who-2024-quadratic' }
  /** CDC 1989: g/dL = −0.032·A + 0.022·A², A = altitude in thousands of feet, only when positive. */
  | { readonly kind: 'cdc-1989'; readonly feetPerMetre: number; readonly minAltitudeM: number };

export interface HbRuleSet {
  readonly id: 'nts-213-2024' | 'who-2024' | 'who-2011';
  /** Data version within the id; `changes` says what each version changed. */
  readonly version: number;
  readonly changes: readonly string[];
  readonly title: string;
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
  readonly source: string;
  readonly bands: readonly SeverityBand[];
  readonly pregnancy: readonly SeverityBand[];
  readonly altitude: AltitudeAdjustment;
}

const MONTHS_MAX = 1200; // 100 years
const ADULT = 180; // 15 years in completed months

const band = (
  group: PopulationGroup,
  fromMonths: number,
  toMonths: number,
  cutoff: number,
  mildFrom: number,
  moderateFrom: number,
): SeverityBand => ({ group, fromMonths, toMonths, cutoff, mildFrom, moderateFrom });

/**
 * From 5 years of age WHO 2011 (Table 1) and WHO 2024 (Table 1), and so NTS 213, agree: mild from
 * 110 g/L, moderate 80–109 g/L, severe < 80 g/L.
 */
const FROM_5_YEARS: readonly SeverityBand[] = [
  band('child_5_11y', 60, 143, 115, 110, 80),
  band('adolescent_12_14y', 144, ADULT - 1, 120, 110, 80),
  band('woman_15y_plus', ADULT, MONTHS_MAX, 120, 110, 80),
  band('man_15y_plus', ADULT, MONTHS_MAX, 130, 110, 80),
];

/** WHO 2024 Table 1 cut-offs and severity (also NTS 213's Hb table, which adapts WHO 2024). */
const WHO_2024_BANDS: readonly SeverityBand[] = [
  band('child_6_23m', 6, 23, 105, 95, 70),
  band('child_24_59m', 24, 59, 110, 100, 70),
  ...FROM_5_YEARS,
];

/**
 * Pregnancy (any age from 10 years): trimesters 1, 2, 3. WHO 2024 Table 1: first and third
 * trimester anaemia < 110 g/L, mild 100–109, moderate 70–99, severe < 70; second trimester
 * anaemia < 105 g/L, mild 95–104, moderate 70–94, severe < 70 (the second-trimester haemodilution
 * lowers the whole scale by 5 g/L, not only the cut-off). Version 1 had mild from 100 g/L in the
 * second trimester, which left 100–104 g/L inside "mild" but made 95–99 g/L "moderate".
 */
const WHO_2024_PREGNANCY: readonly SeverityBand[] = [
  band('pregnant_t1', 120, MONTHS_MAX, 110, 100, 70),
  band('pregnant_t2', 120, MONTHS_MAX, 105, 95, 70),
  band('pregnant_t3', 120, MONTHS_MAX, 110, 100, 70),
];

const PREGNANCY_T2_CORRECTION =
  'v2 (2026-12): pregnancy, second trimester: mild from 9.5 g/dL (was 10.0), moderate 7.0–9.4, as WHO 2024 Table 1; children unchanged';

export const NTS_213_2024: HbRuleSet = Object.freeze<HbRuleSet>({
  id: 'nts-213-2024',
  version: 2,
  changes: ['v1: first transcription', PREGNANCY_T2_CORRECTION],
  title: 'NTS N° 213-MINSA/DGIESP-2024 (RM 251-2024/MINSA, modified by RM 429-2024/MINSA)',
  effectiveFrom: '2024-04-01',
  effectiveTo: null,
  source:
    'NTS 213 Tables 1 (altitude) and 13 (Hb), as transcribed; WHO 2024 cut-offs. Pending check against the RM 251-2024 and RM 429-2024 PDFs.',
  bands: WHO_2024_BANDS,
  pregnancy: WHO_2024_PREGNANCY,
  // NTS 213 Table 1: applies from 500 m; the table, not the equation printed beside it, is normative.
  altitude: {
    kind: 'table',
    bands: [
      { fromM: 500, subtract: 4 },
      { fromM: 1000, subtract: 8 },
      { fromM: 1500, subtract: 11 },
      { fromM: 2000, subtract: 14 },
      { fromM: 2500, subtract: 18 },
      { fromM: 3000, subtract: 21 },
      { fromM: 3500, subtract: 25 },
      { fromM: 4000, subtract: 29 },
      { fromM: 4500, subtract: 33 },
    ],
  },
});

export const WHO_2024: HbRuleSet = Object.freeze<HbRuleSet>({
  id: 'who-2024',
  version: 2,
  changes: ['v1: first transcription', PREGNANCY_T2_CORRECTION],
  title:
    'WHO 2024 Guideline on haemoglobin cutoffs to define anaemia in individuals and populations',
  effectiveFrom: '2024-03-01',
  effectiveTo: null,
  source:
    'WHO 2024 guideline: cut-offs, severity, and the continuous elevation adjustment 0.0056384·e + 0.0000003·e² g/L',
  bands: WHO_2024_BANDS,
  pregnancy: WHO_2024_PREGNANCY,
  altitude: { kind: 'who-2024-quadratic' },
});

/**
 * WHO 2011 (WHO/NMH/NHD/MNM/11.1) cut-offs with the CDC 1989 altitude formula as DHS applies it
 * (feet = m ÷ 1000 × 3.3; no adjustment below 1,000 m: DHS Guide to Statistics, Anemia Status).
 * This is INEI's "previous method" for ENDES (the one its HC57 variable follows), which Yawar
 * reproduces on ENDES microdata; since its 2024 report INEI also publishes the RM 251-2024 method,
 * which `nts-213-2024` implements (docs/methods/hemoglobin-rules.md).
 */
export const WHO_2011: HbRuleSet = Object.freeze<HbRuleSet>({
  id: 'who-2011',
  version: 1,
  changes: ['v1: first transcription'],
  title: 'WHO 2011 cut-offs with the CDC 1989 altitude formula (DHS/ENDES convention)',
  effectiveFrom: '2011-01-01',
  effectiveTo: '2024-03-31',
  source:
    'WHO/NMH/NHD/MNM/11.1 (2011); CDC MMWR 1989;38:400-4; DHS Guide to DHS Statistics, Anemia Status',
  bands: [band('child_6_59m', 6, 59, 110, 100, 70), ...FROM_5_YEARS],
  pregnancy: [
    band('pregnant_t1', 120, MONTHS_MAX, 110, 100, 70),
    band('pregnant_t2', 120, MONTHS_MAX, 110, 100, 70),
    band('pregnant_t3', 120, MONTHS_MAX, 110, 100, 70),
  ],
  altitude: { kind: 'cdc-1989', feetPerMetre: 3.3, minAltitudeM: 1000 },
});

export const HB_RULE_SETS: readonly HbRuleSet[] = [NTS_213_2024, WHO_2024, WHO_2011];
export const DEFAULT_HB_RULE_SET = NTS_213_2024;
export type HbRuleId = HbRuleSet['id'];

export function hbRuleSet(id: string): HbRuleSet | null {
  return HB_RULE_SETS.find((rule) => rule.id === id) ?? null;
}
