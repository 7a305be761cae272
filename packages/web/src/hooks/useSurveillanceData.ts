// Data of the surveillance page, in independent requests so that changing one filter reloads only
// what depends on it (the area level of the table does not redraw the map, the comparison rule
// does not reload the prevalences).
import { useRef } from 'react';
import { ApiError, api } from '../api/client';
import { SURVEILLANCE_DEPARTMENT, surveillanceApi } from '../api/surveillanceClient';
import { withDepartmentPopulation, withPopulationFigures } from '../domain/surveillanceFigures';
import type {
  AreaLevel,
  DistrictCollection,
  EndesResponse,
  HbRule,
  PeriodLevel,
  PrevalenceResponse,
  ReclassificationResponse,
} from '@yawar/api';
import type { SurveillanceFilters } from '../domain/surveillanceFilters';
import { useAuthedResource, type ResourceState } from './useAuthedResource';

export interface SurveillanceBase {
  rules: HbRule[];
  districts: DistrictCollection;
  /** Null when the ENDES comparison could not be loaded: the page still works without it. */
  endes: EndesResponse | null;
}

/** What never changes with the filters: rule sets, district outlines and the ENDES series. */
export function useSurveillanceBase() {
  return useAuthedResource<SurveillanceBase>(async (signal) => {
    const [rules, districts, endes] = await Promise.all([
      surveillanceApi.rules(signal),
      api.districts(SURVEILLANCE_DEPARTMENT, signal),
      surveillanceApi.endes(signal).catch((cause: unknown) => {
        // Session and permission problems concern the whole page; anything else only the comparison.
        if (signal.aborted || (cause instanceof ApiError && [401, 403].includes(cause.status))) {
          throw cause;
        }
        console.warn('ENDES comparison unavailable', cause);
        return null;
      }),
    ]);
    return { rules: rules.items, districts, endes };
  }, 'base');
}

export interface Overview {
  /** One row per district, whole date range: the choropleth. */
  districts: PrevalenceResponse;
  /** One row for the department, whole date range: the key figures. */
  department: PrevalenceResponse;
}

const populationKey = (filters: SurveillanceFilters) =>
  [filters.rule, filters.from, filters.to, filters.ageFrom, filters.ageTo].join('|');

export function useSurveillanceData(
  filters: SurveillanceFilters,
  districtOutlines: DistrictCollection,
) {
  const key = populationKey(filters);
  const { ageFrom, ageTo } = filters;
  const prevalence = async (area: AreaLevel, period: PeriodLevel, signal: AbortSignal) =>
    withPopulationFigures(
      await surveillanceApi.prevalence(filters, area, period, signal),
      ageFrom,
      ageTo,
    );
  const overview = useAuthedResource<Overview>(async (signal) => {
    const [districts, department] = await Promise.all([
      prevalence('district', 'all', signal),
      prevalence('department', 'all', signal),
    ]);
    return {
      districts,
      department: withDepartmentPopulation(department, districtOutlines, ageFrom, ageTo),
    };
  }, key);
  const trend = useAuthedResource(
    (signal) => prevalence('department', filters.granularity, signal),
    `${key}|${filters.granularity}`,
  );
  const table = useAuthedResource(
    (signal) => prevalence(filters.area, 'all', signal),
    `${key}|${filters.area}|${filters.microred ?? ''}`,
  );
  const reclassification = useAuthedResource<ReclassificationResponse>(
    (signal) => surveillanceApi.reclassification(filters, filters.compare, signal),
    `${key}|${filters.compare}`,
  );
  return { overview, trend, table, reclassification };
}

/**
 * The last data a resource had, kept while it reloads: the map and chart stay on screen (dimmed)
 * instead of flashing a spinner on every filter change.
 */
export function useLastReady<T>(state: ResourceState<T>): T | null {
  const last = useRef<T | null>(null);
  if (state.status === 'ready') last.current = state.data;
  return last.current;
}
