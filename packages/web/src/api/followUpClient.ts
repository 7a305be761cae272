// The follow-up list of one establishment. Individual (pseudonymised) records: the server checks
// `children:read` and the user's scope, and answers 403 outside it.
import type { FollowUpResponse, RuleId } from '@yawar/api';
import { getJson } from './client';

export const followUpApi = {
  /**
   * Always the whole list, without `status`: the tabs filter it client-side, which makes them
   * instant (the server's `counts` are of the whole list either way).
   */
  list: (code: string, query: { rule: RuleId | null; today: string }, signal?: AbortSignal) => {
    // The date is always sent: the server's default is its UTC day, not the user's.
    const params = new URLSearchParams({ today: query.today });
    if (query.rule) params.set('rule', query.rule);
    return getJson<FollowUpResponse>(
      `/api/establishments/${encodeURIComponent(code)}/follow-up?${params.toString()}`,
      signal,
    );
  },
};
