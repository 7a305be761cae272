// Calls for accounts, executing units, laboratory overrides and the audit trail. Separate from
// the reference-data client so the map page's module stays as it was.
import { getJson, request } from './client';
import type {
  AuditPage,
  CreatedUser,
  DemoAccountsResponse,
  ExecutingUnitResponse,
  NewUser,
  PasswordReset,
  ScopeList,
  SessionResponse,
  UpdatedUser,
  UserList,
  UserPatch,
} from '@yawar/api';
import type { AuditFilters } from '../domain/auditFilters';
import type { EstablishmentFeature } from '@yawar/api';

const segment = encodeURIComponent;

/** Local midnight of a `YYYY-MM-DD` day, `days` later, as an ISO instant; '' if not a date. */
function localDayStart(day: string, days = 0): string {
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return '';
  return new Date(year, month - 1, date + days).toISOString();
}

/**
 * The server compares `from <= at < to` on instants. People pick whole days in their own time zone
 * and expect "Hasta 31/01" to include the 31st, so the days become local-midnight instants and
 * `to` moves to the next midnight.
 */
function auditApiFilters(filters: AuditFilters): AuditFilters {
  return {
    ...filters,
    from: filters.from && localDayStart(filters.from),
    to: filters.to && localDayStart(filters.to, 1),
  };
}

/** Query string with the non-empty filters (as typed: this one goes in the page's URL). */
export function auditQuery(filters: AuditFilters, page?: number, pageSize?: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value.trim()) params.set(key, value.trim());
  }
  if (page !== undefined) params.set('page', String(page));
  if (pageSize !== undefined) params.set('pageSize', String(pageSize));
  const query = params.toString();
  return query ? `?${query}` : '';
}

export const authApi = {
  me: (signal?: AbortSignal) => getJson<SessionResponse>('/api/auth/me', signal),
  login: (username: string, password: string) =>
    request<SessionResponse>('POST', '/api/auth/login', { username, password }),
  logout: () => request<void>('POST', '/api/auth/logout'),
  demoAccounts: (signal?: AbortSignal) =>
    getJson<DemoAccountsResponse>('/api/auth/demo-accounts', signal),

  executingUnit: (code: string, signal?: AbortSignal) =>
    getJson<ExecutingUnitResponse>(`/api/executing-units/${segment(code)}`, signal),
  setLaboratory: (code: string, hasLaboratory: boolean | null, reason: string) =>
    request<EstablishmentFeature>('PUT', `/api/establishments/${segment(code)}/laboratory`, {
      hasLaboratory,
      reason,
    }),

  users: (signal?: AbortSignal) => getJson<UserList>('/api/users', signal),
  createUser: (user: NewUser) => request<CreatedUser>('POST', '/api/users', user),
  updateUser: (id: number, patch: UserPatch) =>
    request<UpdatedUser>('PATCH', `/api/users/${id}`, patch),
  resetPassword: (id: number) => request<PasswordReset>('POST', `/api/users/${id}/reset-password`),
  scopes: (signal?: AbortSignal) => getJson<ScopeList>('/api/scopes', signal),

  audit: (filters: AuditFilters, page: number, pageSize: number, signal?: AbortSignal) =>
    getJson<AuditPage>(`/api/audit${auditQuery(auditApiFilters(filters), page, pageSize)}`, signal),
  auditExportUrl: (filters: AuditFilters) =>
    `/api/audit/export${auditQuery(auditApiFilters(filters))}`,
};
