// Establishment search: by RENIPRESS code prefix or by name fragment. Names in RENIPRESS mix
// accents and case inconsistently ("CAJABAMBA", "Cajabamba", "JOSÉ GÁLVEZ"…), so both sides are
// normalised before comparing.
import type { EstablishmentFeature } from '../api/types';

export function normaliseForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export interface SearchResult {
  results: EstablishmentFeature[];
  /** How many matches were left out of `results` because of `limit`. */
  omitted: number;
}

export function searchEstablishments(
  features: readonly EstablishmentFeature[],
  query: string,
  limit = 8,
): SearchResult {
  const needle = normaliseForSearch(query);
  if (needle.length === 0) return { results: [], omitted: 0 };
  const isCodeQuery = /^\d+$/.test(needle);

  const codeMatches: EstablishmentFeature[] = [];
  const nameStartMatches: EstablishmentFeature[] = [];
  const nameMatches: EstablishmentFeature[] = [];
  for (const feature of features) {
    const { code, name } = feature.properties;
    if (isCodeQuery && code.startsWith(needle)) {
      codeMatches.push(feature);
      continue;
    }
    const normalisedName = normaliseForSearch(name);
    const index = normalisedName.indexOf(needle);
    if (index === 0) nameStartMatches.push(feature);
    else if (index > 0) nameMatches.push(feature);
  }
  // Exact-code and name-prefix hits first: they are what a planner typing a known name expects.
  const all = [...codeMatches, ...nameStartMatches, ...nameMatches];
  return { results: all.slice(0, limit), omitted: Math.max(0, all.length - limit) };
}
