// What the follow-up page needs before any establishment is chosen: the department's
// establishments for the picker and the rule sets for the rule selector and the note.
import { ApiError, api } from '../api/client';
import { SURVEILLANCE_DEPARTMENT, surveillanceApi } from '../api/surveillanceClient';
import type { EstablishmentFeature, HbRule } from '@yawar/api';
import { useAuthedResource } from './useAuthedResource';

export interface FollowUpBase {
  establishments: EstablishmentFeature[];
  /** Null when the rule sets could not be loaded: the list still works with the default rule. */
  rules: HbRule[] | null;
}

export function useFollowUpBase() {
  return useAuthedResource<FollowUpBase>(async (signal) => {
    const [establishments, rules] = await Promise.all([
      api.establishments(SURVEILLANCE_DEPARTMENT, signal),
      surveillanceApi.rules(signal).then(
        (response) => response.items,
        (cause: unknown) => {
          // An expired session concerns the whole page; anything else only the rule selector.
          if (signal.aborted || (cause instanceof ApiError && cause.status === 401)) throw cause;
          console.warn('Rule sets unavailable', cause);
          return null;
        },
      ),
    ]);
    return { establishments: establishments.features, rules };
  }, 'follow-up-base');
}
