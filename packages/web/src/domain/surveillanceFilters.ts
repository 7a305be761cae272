// The page's filters live in the URL (like the audit page), so a view can be bookmarked, shared
// with a colleague or reloaded without losing the rule set and period that produced its numbers.
import type { AreaLevel, HbRule, PeriodLevel, RuleId } from '@yawar/api';
import { permittedAgeWindows, YAWAR_2026_NTS213_BANDS } from '@yawar/core';

/** What the page's filters select; everything a prevalence request needs except area and period. */
export interface SurveillanceFilters {
  rule: RuleId;
  /** Granularity of the trend chart. */
  granularity: Exclude<PeriodLevel, 'all'>;
  /** `YYYY-MM-DD` or ''. */
  from: string;
  to: string;
  ageFrom: number;
  ageTo: number;
  /** Area level of the table (and of the export). */
  area: Exclude<AreaLevel, 'department'>;
  /** A microred's scope code (`06/CHOTA/CHOTA`) narrowing the microred and establishment rows; '' for all. */
  microred?: string;
  /** The rule the reclassification box compares against. */
  compare: RuleId;
}

/**
 * Age bands in months: the fixed windows the API gives every caller who may not see individual
 * records (core YAWAR_2026_NTS213_BANDS; docs/methods/prevalence.md §4). 6–35 is the national
 * indicator (anemia in children 6 to 35 months).
 */
export const AGE_BANDS: readonly (readonly [number, number])[] = permittedAgeWindows(
  YAWAR_2026_NTS213_BANDS,
).map((window) => [window.from, window.to] as const);
export const DEFAULT_AGE_BAND = [6, 35] as const;

export const GRANULARITIES = ['year', 'quarter', 'month'] as const;
export const TABLE_AREAS = [
  'district',
  'province',
  'network',
  'microred',
  'establishment',
] as const;

/** The levels whose rows a microred filter narrows. */
export const MICRORED_FILTERED_AREAS: readonly string[] = ['microred', 'establishment'];

const isMicroredCode = (value: string | null): value is string =>
  value !== null && /^\d{2}\/[^/]+\/[^/]+$/.test(value);

const isOneOf = <T extends string>(list: readonly T[], value: string | null): value is T =>
  value !== null && (list as readonly string[]).includes(value);

/**
 * Date filters are whole months (the API refuses other windows to aggregate-only callers, so that
 * no two questions differ by a few days): a month or a day in the URL becomes the month's first
 * day (`from`) or last day (`to`); anything else, no bound.
 */
const monthOf = (value: string | null): [number, number] | null => {
  const match = value === null ? null : /^(\d{4})-(\d{2})(?:-\d{2})?$/.exec(value);
  if (!match) return null;
  const [year, month] = [Number(match[1]), Number(match[2])];
  return month >= 1 && month <= 12 ? [year, month] : null;
};
const pad = (value: number) => String(value).padStart(2, '0');

/** `2025-03` or `2025-03-17` → `2025-03-01`; '' when not a month. */
export function monthStart(value: string | null): string {
  const month = monthOf(value);
  return month ? `${month[0]}-${pad(month[1])}-01` : '';
}

/** `2025-02` or `2025-02-03` → `2025-02-28`; '' when not a month. */
export function monthEnd(value: string | null): string {
  const month = monthOf(value);
  if (!month) return '';
  const last = new Date(Date.UTC(month[0], month[1], 0)).getUTCDate();
  return `${month[0]}-${pad(month[1])}-${pad(last)}`;
}

/** The rule to compare against by default: one that differs, preferring the WHO 2011 convention. */
export function defaultCompareRule(rules: readonly HbRule[], rule: RuleId): RuleId {
  const others = rules.map((item) => item.id).filter((id) => id !== rule);
  return others.includes('who-2011') ? 'who-2011' : (others[0] ?? rule);
}

/** Filters from the query string, falling back to the defaults for anything missing or invalid. */
export function readFilters(search: string, rules: readonly HbRule[]): SurveillanceFilters {
  const params = new URLSearchParams(search);
  const ids = rules.map((item) => item.id);
  const fallbackRule = rules.find((item) => item.isDefault)?.id ?? ids[0] ?? 'nts-213-2024';
  const rawRule = params.get('rule');
  const rule = isOneOf(ids, rawRule) ? rawRule : fallbackRule;
  const rawCompare = params.get('compare');
  const compare =
    isOneOf(ids, rawCompare) && rawCompare !== rule ? rawCompare : defaultCompareRule(rules, rule);
  const band =
    AGE_BANDS.find(([from, to]) => params.get('age') === `${from}-${to}`) ?? DEFAULT_AGE_BAND;
  const granularity = params.get('period');
  const area = params.get('area');
  const from = params.get('from');
  const to = params.get('to');
  const microred = params.get('microred');
  return {
    rule,
    compare,
    granularity: isOneOf(GRANULARITIES, granularity) ? granularity : 'year',
    area: isOneOf(TABLE_AREAS, area) ? area : 'district',
    microred: isMicroredCode(microred) ? microred : '',
    from: monthStart(from),
    to: monthEnd(to),
    ageFrom: band[0],
    ageTo: band[1],
  };
}

/** Query string for the filters; defaults are left out so the plain page keeps a plain URL. */
export function writeFilters(filters: SurveillanceFilters, rules: readonly HbRule[]): string {
  const defaults = readFilters('', rules);
  const params = new URLSearchParams();
  if (filters.rule !== defaults.rule) params.set('rule', filters.rule);
  // Comparing a rule with itself says nothing: the default comparison takes over.
  if (
    filters.compare !== filters.rule &&
    filters.compare !== defaultCompareRule(rules, filters.rule)
  ) {
    params.set('compare', filters.compare);
  }
  if (filters.granularity !== defaults.granularity) params.set('period', filters.granularity);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.ageFrom !== defaults.ageFrom || filters.ageTo !== defaults.ageTo) {
    params.set('age', `${filters.ageFrom}-${filters.ageTo}`);
  }
  if (filters.area !== defaults.area) params.set('area', filters.area);
  if (filters.microred) params.set('microred', filters.microred);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/**
 * Where a period sits on a time axis, in fractional years at its middle: `2024` → 2024.5,
 * `2024-T2` → 2024.375, `2024-03` → 2024.208. Null for `all` or anything unrecognised.
 */
export function periodMidpoint(period: string): number | null {
  const match = /^(\d{4})(?:-(T)?(\d{1,2}))?$/.exec(period);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[3] === undefined) return year + 0.5;
  const part = Number(match[3]);
  const parts = match[2] ? 4 : 12;
  if (part < 1 || part > parts) return null;
  return year + (part - 0.5) / parts;
}
