import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import type { ProgrammingComputeJob } from '@yawar/api';
import { programmingApi } from '../api/programmingClient';
import { useAuth } from '../auth/AuthProvider';

const POLL_MS = 1_000;
/** After a network failure or a 5xx: slower, so a struggling server is not hammered. */
const RETRY_MS = 5_000;

export const isJobActive = (job: ProgrammingComputeJob | null) =>
  job !== null && (job.status === 'queued' || job.status === 'running');

export interface ProgrammingJobState {
  job: ProgrammingComputeJob | null;
  /** A refusal (4xx): polling has stopped. */
  error: ApiError | null;
  /** The last poll failed in a way that may pass (offline, 5xx); polling goes on. */
  reconnecting: boolean;
}

const EMPTY: ProgrammingJobState = { job: null, error: null, reconnecting: false };

/**
 * Follows the compute job of a round as the import page follows an import: a poll a second while
 * it runs, slower after a failure that may pass, and `onFinished` once when it is over, saying
 * whether this page saw it running (the page then reloads the programmes, whose prefills changed).
 */
export function useProgrammingJob(
  jobId: string | null,
  onFinished: (job: ProgrammingComputeJob, sawRunning: boolean) => void,
): ProgrammingJobState {
  const { sessionExpired } = useAuth();
  const [state, setState] = useState<{ jobId: string | null } & ProgrammingJobState>({
    jobId: null,
    ...EMPTY,
  });
  // A ref, so an inline callback does not restart the polling at every render.
  const finished = useRef(onFinished);
  finished.current = onFinished;

  useEffect(() => {
    if (!jobId) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = (next: Partial<ProgrammingJobState>) =>
      setState((previous) => ({
        ...(previous.jobId === jobId ? previous : { jobId, ...EMPTY }),
        ...next,
      }));
    // Whether this page saw the job run: one found already over (the page reloaded after the
    // job) loaded its data after it, so the caller has nothing to refresh.
    let sawActive = false;
    const poll = async () => {
      try {
        const job = await programmingApi.job(jobId, controller.signal);
        update({ job, error: null, reconnecting: false });
        if (isJobActive(job)) {
          sawActive = true;
          timer = setTimeout(() => void poll(), POLL_MS);
        } else finished.current(job, sawActive);
      } catch (cause) {
        if (controller.signal.aborted) return;
        const error =
          cause instanceof ApiError ? cause : new ApiError(String(cause), 0, 'unexpected_error');
        if (error.status === 401) sessionExpired();
        else if (error.status === 0 || error.status >= 500) {
          update({ reconnecting: true });
          timer = setTimeout(() => void poll(), RETRY_MS);
        } else update({ error, reconnecting: false });
      }
    };
    void poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [jobId, sessionExpired]);

  return state.jobId === jobId ? state : EMPTY;
}
