import { useCallback, useState } from 'react';
import { ApiError } from '../api/client';
import { programmingApi } from '../api/programmingClient';
import type { ProgrammeSheet } from '@yawar/api';
import { useAuth } from '../auth/AuthProvider';
import { useAuthedResource } from './useAuthedResource';

export type MutationResult = { ok: true; sheet: ProgrammeSheet } | { ok: false; error: unknown };

/**
 * One programme's sheet and the way to change it. Every change answers with the whole sheet (new
 * version, recomputed lines, events), which replaces the one on screen. When someone else saved
 * first (409 version_conflict) the sheet reloads and `conflict` says so: typing on over their
 * change would silently undo it.
 */
export function useProgrammingSheet(id: number) {
  const { sessionExpired } = useAuth();
  const { state, reload, setData } = useAuthedResource(
    (signal) => programmingApi.sheet(id, signal),
    String(id),
  );
  const [conflict, setConflict] = useState(false);

  const mutate = useCallback(
    async (run: () => Promise<ProgrammeSheet>): Promise<MutationResult> => {
      try {
        const sheet = await run();
        setConflict(false);
        setData(sheet);
        return { ok: true, sheet };
      } catch (error) {
        if (error instanceof ApiError) {
          if (error.status === 401) sessionExpired();
          else if (error.code === 'version_conflict') {
            setConflict(true);
            reload();
          }
        }
        return { ok: false, error };
      }
    },
    [reload, setData, sessionExpired],
  );

  const dismissConflict = useCallback(() => setConflict(false), []);
  return { state, reload, mutate, conflict, dismissConflict };
}
