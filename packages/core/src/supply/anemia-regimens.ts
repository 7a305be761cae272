/**
 * Iron regimens for children 4–35 months and the products that deliver them, as versioned data.
 * NTS N.° 213-MINSA/DGIESP-2024, "Prevención y control de la anemia por deficiencia de hierro en el
 * niño y la niña, adolescentes, mujeres en edad fértil, gestantes y puérperas", approved by
 * RM 251-2024/MINSA (https://www.gob.pe/institucion/minsa/normas-legales/5440166-251-2024-minsa)
 * and modified by RM 429-2024/MINSA
 * (https://www.gob.pe/institucion/minsa/normas-legales/5670414-429-2024-minsa), AS TRANSCRIBED by
 * third parties [T]: the norm's PDF was not read, so the set carries
 * `pendingClinicalValidation: true` and its tables must be checked against the PDF before clinical
 * or purchasing use.
 */

export const AGE_BANDS = ['6-11', '12-23', '24-35'] as const;
/** Completed months of age. */
export type AgeBand = (typeof AGE_BANDS)[number];

/**
 * Width of each band in months of age: a child spends this long in it, so the children who ENTER
 * a band in a year are the children in it × 12 ÷ width (6–11: × 2). A per-course quantity (one
 * 6-month course, the tests of its follow-up schedule) is driven by those entrants, not by the
 * children present on a given day [I, cohort arithmetic: a steady population of C children spread
 * evenly over W months of age has C ÷ W children turning each month of age a month].
 */
export const BAND_WIDTH_MONTHS: Readonly<Record<AgeBand, number>> = Object.freeze({
  '6-11': 6,
  '12-23': 12,
  '24-35': 12,
});

/** Daily elemental-iron dose and duration. */
export type IronDose =
  | { readonly kind: 'mg_per_kg_day'; readonly mg: number; readonly days: number }
  | { readonly kind: 'mg_per_day'; readonly mg: number; readonly days: number };

export interface IronProduct {
  readonly code: string;
  readonly label: string;
  /** Dispensing unit: `mL`, `sobre`, … */
  readonly unit: string;
  /** Elemental iron per dispensing unit (mg). */
  readonly mgIronPerUnit: number;
  /**
   * Set for products dosed by the unit rather than by the mg (MMN: one sachet a day): units per
   * child = unitsPerDay × days, whatever the mg dose.
   */
  readonly unitsPerDay?: number;
}

export interface BandRegimen {
  readonly treatment: IronDose;
  readonly prevention: IronDose;
  /** Mean weight used for mg/kg doses (kg). */
  readonly meanWeightKg: number;
  readonly weightSource: string;
}

/**
 * Preventive iron before 6 months: NTS 213 starts term, adequate-weight infants on iron drops at
 * 4 months (2 mg/kg/day until they turn 6 months, where the 6–11 scheme takes over). Low-birth-weight
 * and premature infants start at 30 days; they are not modelled separately [I].
 */
export interface InfantPrevention {
  /** Age band in completed months: from 4 to 5 (4 months 0 days to 5 months 29 days). */
  readonly fromMonths: number;
  readonly toMonths: number;
  readonly dose: IronDose;
  readonly meanWeightKg: number;
  readonly weightSource: string;
}

export interface AnemiaRegimenSet {
  readonly id: 'nts-213-2024-transcribed';
  readonly title: string;
  readonly source: string;
  readonly status: 'transcription';
  readonly pendingClinicalValidation: true;
  readonly bands: Readonly<Record<AgeBand, BandRegimen>>;
  readonly infantPrevention: InfantPrevention;
}

/**
 * WHO Child Growth Standards (2006), weight-for-age medians (kg) at each band's midpoint in months
 * (9, 18, 30), boys and girls: WHO weight-for-age tables, 0–5 years, column M / P50 rounded to
 * 0.1 kg (https://www.who.int/tools/child-growth-standards/standards/weight-for-age). The band
 * mean weight is the mean of the two sexes at the midpoint — an inference [I]: it ignores the age
 * distribution within the band and the lower weights of stunted children, which would make the
 * mg/kg quantities smaller.
 */
export const WHO_WEIGHT_FOR_AGE_MEDIAN_KG: Readonly<
  Record<
    AgeBand | '4-5',
    { readonly midpointMonths: number; readonly boys: number; readonly girls: number }
  >
> = Object.freeze({
  '4-5': { midpointMonths: 5, boys: 7.5, girls: 6.9 },
  '6-11': { midpointMonths: 9, boys: 8.9, girls: 8.2 },
  '12-23': { midpointMonths: 18, boys: 10.9, girls: 10.2 },
  '24-35': { midpointMonths: 30, boys: 13.3, girls: 12.7 },
});

const meanWeight = (band: AgeBand | '4-5') => {
  const w = WHO_WEIGHT_FOR_AGE_MEDIAN_KG[band];
  return (w.boys + w.girls) / 2;
};
const weightSource = (band: AgeBand | '4-5') => {
  const w = WHO_WEIGHT_FOR_AGE_MEDIAN_KG[band];
  return `WHO Child Growth Standards, weight-for-age median at ${w.midpointMonths} months: boys ${w.boys} kg, girls ${w.girls} kg, mean of sexes [I]`;
};

const TREATMENT: IronDose = { kind: 'mg_per_kg_day', mg: 3, days: 180 };
const PREVENTION_UNDER_24: IronDose = { kind: 'mg_per_kg_day', mg: 2, days: 180 };

export const NTS_213_2024_TRANSCRIBED: AnemiaRegimenSet = Object.freeze<AnemiaRegimenSet>({
  id: 'nts-213-2024-transcribed',
  title:
    'NTS 213-MINSA/DGIESP-2024 as transcribed: treatment 3 mg/kg/day × 6 months; prevention 2 mg/kg/day from 4 to 6 months, 2 mg/kg/day × 6 months (6–23 m), 30 mg/day × 6 months (24–35 m)',
  source:
    'NTS N.° 213-MINSA/DGIESP-2024 (RM 251-2024/MINSA, RM 429-2024/MINSA), preventive and therapeutic iron schemes for children, as transcribed by third parties [T]; table numbers to be confirmed against the PDF. Daily caps (70 mg for 6–35 m in one transcription) not applied.',
  status: 'transcription',
  pendingClinicalValidation: true,
  bands: Object.freeze({
    '6-11': {
      treatment: TREATMENT,
      prevention: PREVENTION_UNDER_24,
      meanWeightKg: meanWeight('6-11'),
      weightSource: weightSource('6-11'),
    },
    '12-23': {
      treatment: TREATMENT,
      prevention: PREVENTION_UNDER_24,
      meanWeightKg: meanWeight('12-23'),
      weightSource: weightSource('12-23'),
    },
    '24-35': {
      treatment: TREATMENT,
      prevention: { kind: 'mg_per_day', mg: 30, days: 180 },
      meanWeightKg: meanWeight('24-35'),
      weightSource: weightSource('24-35'),
    },
  }),
  infantPrevention: Object.freeze({
    fromMonths: 4,
    toMonths: 5,
    // From 4 months (day 120) until the child turns 6 months: 2 months, taken as 60 days [T].
    dose: { kind: 'mg_per_kg_day', mg: 2, days: 60 } as IronDose,
    meanWeightKg: meanWeight('4-5'),
    weightSource: weightSource('4-5'),
  }),
});

export const ANEMIA_REGIMEN_SETS: readonly AnemiaRegimenSet[] = Object.freeze([
  NTS_213_2024_TRANSCRIBED,
]);

/** Ferrous sulfate drops, 25 mg elemental iron per mL (20 drops/mL) [T, NTS 213 as transcribed]. */
export const FERROUS_SULFATE_DROPS_25: IronProduct = Object.freeze({
  code: 'sulfato-ferroso-gotas-25mg-ml',
  label: 'Sulfato ferroso gotas 25 mg Fe/mL',
  unit: 'mL',
  mgIronPerUnit: 25,
});

/** Ferrous sulfate syrup, ≈ 3 mg elemental iron per mL (15 mg/5 mL) [T, NTS 213 as transcribed]. */
export const FERROUS_SULFATE_SYRUP_3: IronProduct = Object.freeze({
  code: 'sulfato-ferroso-jarabe-3mg-ml',
  label: 'Sulfato ferroso jarabe 15 mg Fe/5 mL',
  unit: 'mL',
  mgIronPerUnit: 3,
});

/**
 * Multiple-micronutrient powder, one sachet a day (Directiva Sanitaria N.° 068-MINSA/DGSP-V.01,
 * RM 055-2016/MINSA, historical [C title, T dose]);
 * 12.5 mg elemental iron per sachet is the WHO MNP formulation [I] — only informative, the
 * quantity is counted in sachets.
 */
export const MMN_SACHET: IronProduct = Object.freeze({
  code: 'multimicronutrientes-sobre',
  label: 'Multimicronutrientes en polvo (sobre)',
  unit: 'sobre',
  mgIronPerUnit: 12.5,
  unitsPerDay: 1,
});

/** Default products: drops under 24 months, syrup from 24 months [I: a planning default]. */
export const DEFAULT_ANEMIA_PRODUCTS: Readonly<
  Record<'treatment' | 'prevention', Readonly<Record<AgeBand, IronProduct>>>
> = Object.freeze({
  treatment: Object.freeze({
    '6-11': FERROUS_SULFATE_DROPS_25,
    '12-23': FERROUS_SULFATE_DROPS_25,
    '24-35': FERROUS_SULFATE_SYRUP_3,
  }),
  prevention: Object.freeze({
    '6-11': FERROUS_SULFATE_DROPS_25,
    '12-23': FERROUS_SULFATE_DROPS_25,
    '24-35': FERROUS_SULFATE_SYRUP_3,
  }),
});

/** Consumables of one capillary Hb test (portable haemoglobinometer): one of each per test. */
export const MICROCUVETTE = {
  code: 'microcubeta-hb',
  label: 'Microcubeta para hemoglobinómetro',
  unit: 'unidad',
} as const;
export const LANCET = { code: 'lanceta', label: 'Lanceta retráctil', unit: 'unidad' } as const;

/**
 * Hb tests of one child over its time in a band, from the screening calendar of NTS 213 as
 * modified by RM 429-2024/MINSA, as transcribed [T] in
 * sihsalus/sihsalus-frontend@7ee181ffbbd7980738db0a20f7bea4bb37de36a4
 * `packages/apps/esm-crecimiento-desarrollo-app/src/hooks/useAnemiaScreening.ts`: 6–23 m, at the
 * start, 3rd month and end of a supplementation course (3 per course); 24–59 m, twice a year
 * (2 over the 12 months of 24–35). Multiplied by the children who ENTER the band in a year. A
 * default for planning [I]; the caller passes its own figures.
 */
export const DEFAULT_SCREENING_TESTS_PER_CHILD: Readonly<Record<AgeBand, number>> = Object.freeze({
  '6-11': 3,
  '12-23': 3,
  '24-35': 2,
});

/** Elemental iron one child receives over a regimen (mg). */
export function ironPerChildMg(dose: IronDose, weightKg: number): number {
  const daily = dose.kind === 'mg_per_kg_day' ? dose.mg * weightKg : dose.mg;
  return daily * dose.days;
}

/**
 * Dispensing units of a product one child needs over a regimen: mg ÷ mg per unit, or units per
 * day × days for products dosed by the unit.
 * @example dispensingUnitsPerChild({ kind: 'mg_per_kg_day', mg: 3, days: 180 }, FERROUS_SULFATE_DROPS_25, 8) // 172.8 mL
 */
export function dispensingUnitsPerChild(
  dose: IronDose,
  product: IronProduct,
  weightKg: number,
): number {
  if (product.unitsPerDay !== undefined) return product.unitsPerDay * dose.days;
  return ironPerChildMg(dose, weightKg) / product.mgIronPerUnit;
}
