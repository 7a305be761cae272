// Establishment search: by RENIPRESS code prefix (leading zeros optional) or by name fragment.
// Names in RENIPRESS mix accents and case inconsistently ("CAJABAMBA", "Cajabamba", "JOSÉ GÁLVEZ"…), so both sides are
// normalised before comparing.

export function normaliseForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const withoutLeadingZeros = (digits: string): string => digits.replace(/^0+/, '');

/**
 * RENIPRESS codes are 8 digits with leading zeros (`00004612`), but people and the imports write
 * them as numbers (`4612`). The query's significant digits are a prefix of the code's, and the
 * zeros typed are a minimum: `4612`, `04612` and `00004612` all find `00004612`; `4612` also
 * finds `00046120`, `00004612` does not.
 */
export function matchesCode(code: string, digits: string): boolean {
  const significant = withoutLeadingZeros(digits);
  if (significant === '') return code.startsWith(digits);
  const codeSignificant = withoutLeadingZeros(code);
  const zeros = (text: string, rest: string) => text.length - rest.length;
  return (
    zeros(code, codeSignificant) >= zeros(digits, significant) &&
    codeSignificant.startsWith(significant)
  );
}

/** What the search reads of an establishment feature (no import, so Node tests can load this file). */
interface Searchable {
  readonly properties: { readonly code: string; readonly name: string };
}

export interface SearchResult<T extends Searchable> {
  results: T[];
  /** How many matches were left out of `results` because of `limit`. */
  omitted: number;
}

export function searchEstablishments<T extends Searchable>(
  features: readonly T[],
  query: string,
  limit = 8,
): SearchResult<T> {
  const needle = normaliseForSearch(query);
  if (needle.length === 0) return { results: [], omitted: 0 };
  const isCodeQuery = /^\d+$/.test(needle);

  const codeMatches: T[] = [];
  const nameStartMatches: T[] = [];
  const nameMatches: T[] = [];
  for (const feature of features) {
    const { code, name } = feature.properties;
    if (isCodeQuery && matchesCode(code, needle)) {
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
