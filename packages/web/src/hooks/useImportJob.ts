import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/client';
import { importApi } from '../api/importClient';
import type { ImportJob } from '@yawar/api';
import { useAuth } from '../auth/AuthProvider';

const POLL_MS = 1_000;
/** After a network failure or a 5xx: slower, so a struggling server is not hammered. */
const RETRY_MS = 5_000;

export interface ImportJobState {
  job: ImportJob | null;
  /** A refusal (4xx): polling has stopped until `retry`. */
  error: ApiError | null;
  /** The last poll failed in a way that may pass (offline, 5xx); polling goes on. */
  reconnecting: boolean;
}

const EMPTY: ImportJobState = { job: null, error: null, reconnecting: false };

export const isActive = (job: ImportJob | null) =>
  job !== null && (job.status === 'queued' || job.status === 'running');

function toApiError(cause: unknown): ApiError {
  if (cause instanceof ApiError) return cause;
  return new ApiError(
    cause instanceof Error ? cause.message : String(cause),
    0,
    'unexpected_error',
  );
}

/**
 * Follows an import job: polls every second while it is queued or running, and stops when it is
 * over, when the page goes away or when the job changes. A large file takes minutes on the server,
 * so a dropped connection only slows polling down: the job goes on without us.
 */
export function useImportJob(jobId: string | null): ImportJobState & { retry: () => void } {
  const { sessionExpired } = useAuth();
  const [state, setState] = useState<{ jobId: string | null } & ImportJobState>({
    jobId: null,
    ...EMPTY,
  });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!jobId) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = (next: Partial<ImportJobState>) =>
      setState((previous) => ({
        ...(previous.jobId === jobId ? previous : { jobId, ...EMPTY }),
        ...next,
      }));

    const poll = async () => {
      try {
        const job = await importApi.job(jobId, controller.signal);
        update({ job, error: null, reconnecting: false });
        if (isActive(job)) timer = setTimeout(() => void poll(), POLL_MS);
      } catch (cause) {
        if (controller.signal.aborted) return;
        const error = toApiError(cause);
        if (error.status === 401) {
          sessionExpired();
        } else if (error.status === 0 || error.status >= 500) {
          update({ reconnecting: true });
          timer = setTimeout(() => void poll(), RETRY_MS);
        } else {
          update({ error, reconnecting: false });
        }
      }
    };
    void poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [jobId, attempt, sessionExpired]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  // A state left over from the previous job must not show under the new one.
  const current = state.jobId === jobId ? state : EMPTY;
  return {
    job: current.job,
    error: current.error,
    reconnecting: current.reconnecting,
    retry,
  };
}
