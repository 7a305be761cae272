/**
 * Children aged 6–35 months per district. No public table gives this (MINSA's TB_POBLACION_INEI
 * would), so it is estimated from what exists; see docs/methods/children-6-35-months.md.
 *
 * Department total T = REUNIS 2020 single-age estimates: (6–11 months) + (age 1) + (age 2).
 * Each district gets T × (its population aged 0–14 in the 2017 census) ÷ (the department's),
 * rounded by largest remainder so the districts add up to T exactly.
 */

export const CHILDREN_6_35_METHOD = 'reunis-2020-dept-6-35m-by-census-2017-share-0-14';

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
