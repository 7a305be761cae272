// Calls of the supply pages: stock status, an establishment's products, the export, and the
// history upload (a job polled at /api/jobs/{id}, like the screening import).
import type {
  EstablishmentStockResponse,
  ImportJob,
  ImportStarted,
  StockStatusResponse,
  StrategicResourceList,
  SupplyHistoryJobResult,
} from '@yawar/api';
import type { StockFilters } from '../domain/stockFilters';
import { getJson, uploadFile } from './client';

/** The department the supply pages show (the pilot's). */
export const SUPPLY_DEPARTMENT = '06';

const segment = encodeURIComponent;

function query(filters: Partial<StockFilters>, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ department: SUPPLY_DEPARTMENT });
  if (filters.month) params.set('month', filters.month);
  if (filters.ruleSet) params.set('ruleSet', filters.ruleSet);
  if (filters.level) params.set('level', filters.level);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}

export const supplyApi = {
  resources: (signal?: AbortSignal) =>
    getJson<StrategicResourceList>('/api/supply/resources', signal),
  stockStatus: (filters: StockFilters, signal?: AbortSignal) =>
    getJson<StockStatusResponse>(`/api/supply/stock-status?${query(filters)}`, signal),
  establishment: (
    code: string,
    filters: Pick<StockFilters, 'month' | 'ruleSet'>,
    signal?: AbortSignal,
  ) => {
    const params = new URLSearchParams();
    if (filters.month) params.set('month', filters.month);
    if (filters.ruleSet) params.set('ruleSet', filters.ruleSet);
    const search = params.toString();
    return getJson<EstablishmentStockResponse>(
      `/api/supply/stock-status/establishments/${segment(code)}${search ? `?${search}` : ''}`,
      signal,
    );
  },
  /** For an `<a download>`: the session cookie goes along on its own. */
  exportUrl: (filters: StockFilters, format: 'csv' | 'xlsx') =>
    `/api/supply/stock-status/export?${query(filters, { format })}`,
  startImport: (file: Blob, fileName: string, contentType: string, signal?: AbortSignal) =>
    uploadFile<ImportStarted>(
      `/api/supply/history/imports?fileName=${segment(fileName)}`,
      file,
      contentType,
      signal,
    ),
};

/** The result of a history import job once it has succeeded (GET /api/jobs/{id} names its kind). */
export function supplyImportResult(job: ImportJob): SupplyHistoryJobResult | null {
  return job.kind === 'supply-history-import' && job.status === 'succeeded' ? job.result : null;
}
