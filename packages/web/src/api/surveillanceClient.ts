// Calls for the anemia surveillance page. Every call is a GET with the session cookie, so the
// shared client's 401/403 handling applies as on any other page.
import type {
  AltitudeSourcesResponse,
  AreaLevel,
  EndesResponse,
  HbRuleList,
  PeriodLevel,
  PrevalenceResponse,
  ReclassificationResponse,
  RuleId,
} from '@yawar/api';
import type { SurveillanceFilters } from '../domain/surveillanceFilters';
import { getJson } from './client';

/** The pilot department, as on the map page. */
export const SURVEILLANCE_DEPARTMENT = '06';

/** Query string for a prevalence request (and for the export, which returns the same rows). */
export function prevalenceQuery(
  filters: SurveillanceFilters,
  area: AreaLevel,
  period: PeriodLevel,
): URLSearchParams {
  const params = new URLSearchParams({
    department: SURVEILLANCE_DEPARTMENT,
    rule: filters.rule,
    area,
    period,
  });
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  // A microred narrows only the levels that carry one (its own row, its establishments).
  if (filters.microred && (area === 'microred' || area === 'establishment'))
    params.set('microred', filters.microred);
  params.set('ageFrom', String(filters.ageFrom));
  params.set('ageTo', String(filters.ageTo));
  return params;
}

export const surveillanceApi = {
  rules: (signal?: AbortSignal) => getJson<HbRuleList>('/api/surveillance/rules', signal),
  prevalence: (
    filters: SurveillanceFilters,
    area: AreaLevel,
    period: PeriodLevel,
    signal?: AbortSignal,
  ) =>
    getJson<PrevalenceResponse>(
      `/api/surveillance/prevalence?${prevalenceQuery(filters, area, period).toString()}`,
      signal,
    ),
  reclassification: (filters: SurveillanceFilters, to: RuleId, signal?: AbortSignal) => {
    const params = new URLSearchParams({
      department: SURVEILLANCE_DEPARTMENT,
      from: filters.rule,
      to,
    });
    // `from`/`to` name the rules here, so the dates travel under other names.
    if (filters.from) params.set('fromDate', filters.from);
    if (filters.to) params.set('toDate', filters.to);
    params.set('ageFrom', String(filters.ageFrom));
    params.set('ageTo', String(filters.ageTo));
    return getJson<ReclassificationResponse>(
      `/api/surveillance/reclassification?${params.toString()}`,
      signal,
    );
  },
  endes: (signal?: AbortSignal) =>
    getJson<EndesResponse>(`/api/surveillance/endes?department=${SURVEILLANCE_DEPARTMENT}`, signal),
  /** Where the altitude behind each child's classification came from, per area. */
  altitudeSources: (
    filters: SurveillanceFilters,
    area: 'department' | 'district',
    signal?: AbortSignal,
  ) => {
    const params = new URLSearchParams({ department: SURVEILLANCE_DEPARTMENT, area });
    if (filters.from) params.set('from', filters.from);
    if (filters.to) params.set('to', filters.to);
    params.set('ageFrom', String(filters.ageFrom));
    params.set('ageTo', String(filters.ageTo));
    return getJson<AltitudeSourcesResponse>(
      `/api/surveillance/altitude-sources?${params.toString()}`,
      signal,
    );
  },
  /** The table as a file: same area level and filters, every period merged (period=all). */
  exportUrl: (filters: SurveillanceFilters, format: 'xlsx' | 'csv') =>
    `/api/surveillance/export?format=${format}&${prevalenceQuery(filters, filters.area, 'all').toString()}`,
};
