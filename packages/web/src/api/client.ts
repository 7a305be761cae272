// Thin Fetch wrapper. URLs are relative so the same build works behind the Vite dev proxy and
// when the Fastify server serves the bundle at `/`.
import type {
  ApiErrorBody,
  CategoryList,
  DataSourceList,
  DistrictCollection,
  EstablishmentCollection,
  HealthResponse,
  NetworkList,
  ProvinceCollection,
  SummaryResponse,
} from '@yawar/api';

/** An `{items}` answer, for the calls whose contract names no list type of its own. */
export interface ListResponse<T> {
  items: T[];
}

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

// The session itself is an HttpOnly cookie the browser sends on its own (same-origin fetch); the
// CSRF token is the only secret JavaScript holds, and only in memory. The auth provider sets it
// after login and after GET /api/auth/me.
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * A file sent as the request body byte for byte (imports), not wrapped in JSON: a 200 MB file
 * read into a string would double the browser's memory, a Blob is streamed from disk.
 */
class RawBody {
  constructor(
    readonly data: Blob,
    readonly contentType: string,
  ) {}
}

async function send(
  method: Method,
  path: string,
  body: unknown,
  signal: AbortSignal | undefined,
): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const raw = body instanceof RawBody;
  if (body !== undefined) headers['content-type'] = raw ? body.contentType : 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : raw ? body.data : JSON.stringify(body),
      signal,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    // fetch only rejects on network failure (offline, server down, DNS…).
    throw new ApiError(cause instanceof Error ? cause.message : String(cause), 0, 'network_error');
  }
}

async function parse<T>(response: Response): Promise<T> {
  // 204 No Content (logout) has no body to parse.
  if (response.status === 204) return undefined as T;
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

export async function request<T>(
  method: Method,
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  let response = await send(method, path, body, signal);
  // The token can rotate under us (another tab logged in again): fetch the current one from
  // /me and try once more rather than failing a form the user just filled in.
  if (method !== 'GET' && response.status === 403) {
    const failure = (await response
      .clone()
      .json()
      .catch(() => null)) as unknown;
    if (isApiErrorBody(failure) && failure.error.code === 'csrf_failed') {
      const session = await send('GET', '/api/auth/me', undefined, signal);
      if (session.ok) {
        const fresh = (await session.json()) as { csrfToken?: string };
        if (fresh.csrfToken) {
          setCsrfToken(fresh.csrfToken);
          response = await send(method, path, body, signal);
        }
      }
    }
  }
  return parse<T>(response);
}

export function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return request<T>('GET', path, undefined, signal);
}

/** POSTs a file as it is, with the session's CSRF header (and the same retry as `request`). */
export function uploadFile<T>(
  path: string,
  data: Blob,
  contentType: string,
  signal?: AbortSignal,
): Promise<T> {
  return request<T>('POST', path, new RawBody(data, contentType), signal);
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
    getJson<NetworkList>(withDepartment('/api/networks', department), signal),
  categories: (department: string, signal?: AbortSignal) =>
    getJson<CategoryList>(withDepartment('/api/categories', department), signal),
  sources: (signal?: AbortSignal) => getJson<DataSourceList>('/api/sources', signal),
};
