// The follow-up list of one establishment. Individual (pseudonymised) records: the server checks
// `children:read` and the user's scope, and answers 403 outside it.
import { getJson } from './client';
import type { FollowUpResponse } from './followUpTypes';
import type { RuleId } from './surveillanceTypes';

export const followUpApi = {
  /**
   * Always the whole list, without `status`: the server counts only what it returns, and the
   * status tabs need all four counts (filtering client-side also makes the tabs instant).
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
