/**
 * Children aged 6–35 months per district; see docs/methods/children-6-35-months.md.
 *
 * 1. From a district table by single age, when one was imported (INEI, Censos Nacionales 2017,
 *    Resultados Definitivos, Tomo I, Cuadro N.° 1, or a later INEI/MINSA table in the same
 *    layout): children 6–35 months = age 0 × 6 ÷ 12 + age 1 + age 2 (`children6to35FromSingleAge`).
 * 2. Otherwise (the labelled fallback): department total T = REUNIS 2020 single-age estimates,
 *    (6–11 months) + (age 1) + (age 2); each district gets T × (its population aged 0–14 in the
 *    2017 census) ÷ (the department's), rounded by largest remainder so the districts add up to T.
 */

/** The fallback: REUNIS 2020 department total shared out by the census 2017 0–14 population. */
export const CHILDREN_6_35_METHOD = 'reunis-2020-dept-6-35m-by-census-2017-share-0-14';

/** From the district's own single-age table: half of age 0, plus ages 1 and 2. */
export const CHILDREN_6_35_SINGLE_AGE_METHOD = 'district-single-age-half-age-0-plus-ages-1-2';

export interface SingleAgeChildren {
  /** Population aged 0 (under 1 year, "menores de 1 año"). */
  readonly age0: number;
  readonly age1: number;
  readonly age2: number;
}

/**
 * Children 6–35 months of a district from its single-age population: 6–11 months is the second
 * half of age 0, taken as half of it (births spread evenly over the year, infant deaths in the
 * first half-year ignored [I]); 12–35 months are ages 1 and 2 whole. So
 * age 0 × 6 ÷ 12 + age 1 + age 2, rounded half up to whole children (an odd age 0 adds ½).
 * @example children6to35FromSingleAge({ age0: 1201, age1: 1180, age2: 1150 }) // 601 + 1180 + 1150 = 2931
 */
export function children6to35FromSingleAge(population: SingleAgeChildren): number {
  return Math.round((population.age0 * 6) / 12) + population.age1 + population.age2;
}

export interface DepartmentChildPopulation {
  /** MINSA REUNIS 2020: population aged 6–11 months, 1 year and 2 years. */
  readonly months6to11: number;
  readonly age1: number;
  readonly age2: number;
}

export function departmentChildren6to35(population: DepartmentChildPopulation): number {
  return population.months6to11 + population.age1 + population.age2;
}

/**
 * Splits `total` over districts in proportion to `weights` (children 0–14 in 2017). Districts with
 * no weight (created after the census) get null: an honest gap rather than a made-up number.
 */
export function apportionByWeight(
  total: number,
  weights: ReadonlyMap<string, number | null>,
): Map<string, number | null> {
  const result = new Map<string, number | null>();
  const weighted = [...weights].filter(
    (entry): entry is [string, number] => entry[1] !== null && entry[1] > 0,
  );
  const weightSum = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [key] of weights) result.set(key, null);
  if (weightSum === 0 || total <= 0) return result;

  const shares = weighted.map(([key, weight]) => {
    const exact = (total * weight) / weightSum;
    return { key, floor: Math.floor(exact), remainder: exact - Math.floor(exact) };
  });
  let leftover = total - shares.reduce((sum, share) => sum + share.floor, 0);
  // Largest remainder (Hamilton); ties broken by key so the result never depends on input order.
  // Code-unit order, not localeCompare: collation depends on the locale and calls some distinct keys equal.
  const byRemainder = [...shares].sort(
    (a, b) => b.remainder - a.remainder || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  for (const share of byRemainder) {
    result.set(share.key, share.floor + (leftover > 0 ? 1 : 0));
    leftover--;
  }
  return result;
}
