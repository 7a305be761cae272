// Data of the supply page: district outlines for the map (once), the stock status for the month,
// rule and level in the URL, and the products of the establishment opened, each reloading only
// when what it depends on changes.
import { api } from '../api/client';
import { SUPPLY_DEPARTMENT, supplyApi } from '../api/supplyClient';
import type { StockFilters } from '../domain/stockFilters';
import { useAuthedResource } from './useAuthedResource';

export function useSupplyDistricts() {
  return useAuthedResource((signal) => api.districts(SUPPLY_DEPARTMENT, signal), 'districts');
}

export function useSupplyStatus(filters: StockFilters) {
  return useAuthedResource(
    (signal) => supplyApi.stockStatus(filters, signal),
    [filters.month, filters.ruleSet, filters.level].join('|'),
  );
}

export function useSupplyEstablishment(
  code: string,
  filters: Pick<StockFilters, 'month' | 'ruleSet'>,
) {
  return useAuthedResource(
    (signal) => supplyApi.establishment(code, filters, signal),
    [code, filters.month, filters.ruleSet].join('|'),
  );
}

export function useSupplyResources() {
  return useAuthedResource(
    async (signal) => (await supplyApi.resources(signal)).items,
    'resources',
  );
}
