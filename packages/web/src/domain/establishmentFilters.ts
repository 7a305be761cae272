// Client-side filtering of the department's establishments. The list is fetched once and every
// filter change is recomputed here, so the counts in the header and the features drawn on the
// map come from the same predicate and can never disagree.
import type { CategoryCode, EstablishmentFeature } from '@yawar/api';

export interface EstablishmentFilters {
  categories: ReadonlySet<CategoryCode>;
  /** `null` means every network, including establishments that belong to none. */
  network: string | null;
  /** A microred's scope code (`06/CHOTA/CHOTA`); `null` or absent means every microred. */
  microred?: string | null;
}

/** The scope code of an establishment's microred (`<department>/<RED>/<MICRORED>`), if it has one. */
export function microredCodeOf(place: EstablishmentFeature['properties']): string | null {
  return place.network && place.microred
    ? `${place.districtUbigeo.slice(0, 2)}/${place.network}/${place.microred}`
    : null;
}

export interface FilteredEstablishments {
  /** Every establishment matching the filters, with or without coordinates. */
  matching: EstablishmentFeature[];
  /** The subset that can be drawn (non-null geometry). */
  drawable: EstablishmentFeature[];
  missingCoordinates: number;
}

export function matchesFilters(
  feature: EstablishmentFeature,
  filters: EstablishmentFilters,
): boolean {
  const { category, network } = feature.properties;
  if (!filters.categories.has(category)) return false;
  if (filters.microred && microredCodeOf(feature.properties) !== filters.microred) return false;
  return filters.network === null || network === filters.network;
}

export function filterEstablishments(
  features: readonly EstablishmentFeature[],
  filters: EstablishmentFilters,
): FilteredEstablishments {
  const matching = features.filter((feature) => matchesFilters(feature, filters));
  const drawable = matching.filter((feature) => feature.geometry !== null);
  return { matching, drawable, missingCoordinates: matching.length - drawable.length };
}

/** Count per category among establishments of the selected network and microred, so checkbox counts are facets. */
export function countByCategory(
  features: readonly EstablishmentFeature[],
  network: string | null,
  microred: string | null = null,
): Map<CategoryCode, number> {
  const counts = new Map<CategoryCode, number>();
  for (const feature of features) {
    if (network !== null && feature.properties.network !== network) continue;
    if (microred !== null && microredCodeOf(feature.properties) !== microred) continue;
    const category = feature.properties.category;
    counts.set(category, (counts.get(category) ?? 0) + 1);
  }
  return counts;
}
