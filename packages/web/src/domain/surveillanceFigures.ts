// Adjustments the page makes to the server's figures before showing them. Each one is about the
// population denominator: the only population estimate there is counts children aged 6–35 months.
import type { DistrictCollection, PrevalenceResponse } from '@yawar/api';

export const POPULATION_AGE_BAND = { from: 6, to: 35 } as const;

/**
 * Coverage and "estimated anemic children" divide or multiply by the 6–35 month population, so
 * for any other age band they would mix two populations (e.g. tests of 6–11 month-olds over all
 * 6–35 month-olds): they are withdrawn rather than shown wrong.
 */
export function withPopulationFigures(
  response: PrevalenceResponse,
  ageFrom: number,
  ageTo: number,
): PrevalenceResponse {
  if (ageFrom === POPULATION_AGE_BAND.from && ageTo === POPULATION_AGE_BAND.to) return response;
  return {
    ...response,
    items: response.items.map((item) => ({
      ...item,
      coverage: null,
      estimatedAnemicChildren: null,
    })),
  };
}

/**
 * The department row comes without a population; the district outlines carry each district's
 * estimate of children aged 6–35 months, whose sum is the department's. Estimated anemic children
 * then follow the same formula as for a district: prevalence × children.
 */
export function withDepartmentPopulation(
  department: PrevalenceResponse,
  districts: DistrictCollection,
  ageFrom: number,
  ageTo: number,
): PrevalenceResponse {
  const known = districts.features
    .map((feature) => feature.properties.children6to35Months)
    .filter((value): value is number => value !== null);
  if (known.length === 0) return department;
  const children = known.reduce((sum, value) => sum + value, 0);
  const ownBand = ageFrom === POPULATION_AGE_BAND.from && ageTo === POPULATION_AGE_BAND.to;
  return {
    ...department,
    items: department.items.map((item) => ({
      ...item,
      children6to35Months: item.children6to35Months ?? children,
      estimatedAnemicChildren:
        item.estimatedAnemicChildren ??
        (ownBand && item.estimate !== null ? Math.round(item.estimate * children) : null),
    })),
  };
}
