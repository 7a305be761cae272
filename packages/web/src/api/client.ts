// Thin Fetch wrapper. URLs are relative so the same build works behind the Vite dev proxy and
// when the Fastify server serves the bundle at `/`.
import type {
  ApiErrorBody,
  CategoryItem,
  DistrictCollection,
  EstablishmentCollection,
  HealthResponse,
  ListResponse,
  NetworkItem,
  ProvinceCollection,
  SummaryResponse,
  DataSourceItem,
} from './types';

/** An API failure carrying the server's `{error:{code,message,details}}` when there was one. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly details: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'message' in error && 'code' in error;
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { accept: 'application/json' }, signal });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    // fetch only rejects on network failure (offline, server down, DNS…).
    throw new ApiError(cause instanceof Error ? cause.message : String(cause), 0, 'network_error');
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    if (isApiErrorBody(body)) {
      throw new ApiError(body.error.message, response.status, body.error.code, body.error.details);
    }
    throw new ApiError(
      response.statusText || `HTTP ${response.status}`,
      response.status,
      'http_error',
    );
  }
  if (body === null)
    throw new ApiError('Invalid JSON response', response.status, 'invalid_response');
  return body as T;
}

const withDepartment = (path: string, department: string) =>
  `${path}?department=${encodeURIComponent(department)}`;

export const api = {
  health: (signal?: AbortSignal) => getJson<HealthResponse>('/api/health', signal),
  summary: (department: string, signal?: AbortSignal) =>
    getJson<SummaryResponse>(withDepartment('/api/summary', department), signal),
  provinces: (department: string, signal?: AbortSignal) =>
    getJson<ProvinceCollection>(withDepartment('/api/provinces', department), signal),
  districts: (department: string, signal?: AbortSignal) =>
    getJson<DistrictCollection>(withDepartment('/api/districts', department), signal),
  /** The whole department at once: filtering happens client-side so it is instant. */
  establishments: (department: string, signal?: AbortSignal) =>
    getJson<EstablishmentCollection>(withDepartment('/api/establishments', department), signal),
  networks: (department: string, signal?: AbortSignal) =>
    getJson<ListResponse<NetworkItem>>(withDepartment('/api/networks', department), signal),
  categories: (department: string, signal?: AbortSignal) =>
    getJson<ListResponse<CategoryItem>>(withDepartment('/api/categories', department), signal),
  sources: (signal?: AbortSignal) => getJson<ListResponse<DataSourceItem>>('/api/sources', signal),
};
