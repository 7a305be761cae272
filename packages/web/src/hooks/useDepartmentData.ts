import { useCallback, useEffect, useState } from 'react';
import { ApiError, api } from '../api/client';
import type {
  CategoryItem,
  EstablishmentFeature,
  DistrictCollection,
  EstablishmentCollection,
  NetworkItem,
  ProvinceCollection,
  SummaryResponse,
} from '@yawar/api';

export interface DepartmentData {
  summary: SummaryResponse;
  provinces: ProvinceCollection;
  districts: DistrictCollection;
  /** Every establishment of the department; filtered client-side. */
  establishments: EstablishmentCollection;
  networks: NetworkItem[];
  categories: CategoryItem[];
}

export type LoadState<T> =
  { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; data: T };

function toApiError(cause: unknown): ApiError {
  if (cause instanceof ApiError) return cause;
  return new ApiError(
    cause instanceof Error ? cause.message : String(cause),
    0,
    'unexpected_error',
  );
}

/**
 * Loads everything the map page needs for one department, in parallel, exactly once per
 * department (and again on `retry`). All of it is needed before the map is useful, so the page
 * shows a single loading state rather than popping layers in one by one.
 */
export function useDepartmentData(department: string) {
  const [state, setState] = useState<LoadState<DepartmentData>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    setState({ status: 'loading' });
    Promise.all([
      api.summary(department, signal),
      api.provinces(department, signal),
      api.districts(department, signal),
      api.establishments(department, signal),
      api.networks(department, signal),
      api.categories(department, signal),
    ]).then(
      ([summary, provinces, districts, establishments, networks, categories]) =>
        setState({
          status: 'ready',
          data: {
            summary,
            provinces,
            districts,
            establishments,
            networks: networks.items,
            categories: categories.items,
          },
        }),
      (cause: unknown) => {
        if (!signal.aborted) setState({ status: 'error', error: toApiError(cause) });
      },
    );
    return () => controller.abort();
  }, [department, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  /** Swaps in an establishment the server just changed (a laboratory override), without a reload. */
  const replaceEstablishment = useCallback((feature: EstablishmentFeature) => {
    setState((previous) => {
      if (previous.status !== 'ready') return previous;
      const { establishments } = previous.data;
      return {
        status: 'ready',
        data: {
          ...previous.data,
          establishments: {
            ...establishments,
            features: establishments.features.map((item) =>
              item.properties.code === feature.properties.code ? feature : item,
            ),
          },
        },
      };
    });
  }, []);
  return { state, retry, replaceEstablishment };
}
