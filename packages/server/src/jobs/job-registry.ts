import { randomUUID } from 'node:crypto';
import type { ImportIssue } from '@yawar/core';

/**
 * Long tasks (imports of up to a million rows) run as jobs so a request never waits on them: the
 * client gets an id and polls progress. Jobs run in this process and are kept in memory for a day;
 * a PostgreSQL-backed queue spread over worker processes is the planned next step (see the notes
 * in docs/ARCHITECTURE.md), and would keep this interface.
 */
export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface JobState<R> {
  readonly id: string;
  readonly kind: string;
  readonly ownerId: number;
  status: JobStatus;
  phase: string;
  done: number;
  total: number;
  readonly startedAt: Date;
  finishedAt: Date | null;
  result: R | null;
  /** Every problem found (all-or-nothing imports report them all). */
  errors: readonly ImportIssue[];
  message: string | null;
}

export interface JobReporter {
  phase(name: string, total: number): void;
  progress(done: number, total: number): void;
}

/** A failure whose problems are the user's to fix (shown as such, not as a server error). */
export class JobInputError extends Error {
  constructor(
    message: string,
    readonly errors: readonly ImportIssue[],
  ) {
    super(message);
    this.name = 'JobInputError';
  }
}

const KEEP_MS = 24 * 3_600_000;
const MAX_JOBS = 200;

export class JobRegistry {
  private readonly jobs = new Map<string, JobState<unknown>>();

  start<R>(
    kind: string,
    ownerId: number,
    run: (reporter: JobReporter) => Promise<R>,
    onError: (error: unknown) => void,
  ): JobState<R> {
    this.prune();
    const job: JobState<R> = {
      id: randomUUID(),
      kind,
      ownerId,
      status: 'queued',
      phase: 'reading',
      done: 0,
      total: 0,
      startedAt: new Date(),
      finishedAt: null,
      result: null,
      errors: [],
      message: null,
    };
    this.jobs.set(job.id, job as JobState<unknown>);
    const reporter: JobReporter = {
      phase: (name, total) => Object.assign(job, { phase: name, total, done: 0 }),
      progress: (done, total) => Object.assign(job, { done, total }),
    };
    // Started on the next turn, so the request that created the job answers first.
    setImmediate(() => {
      job.status = 'running';
      run(reporter).then(
        (result) =>
          Object.assign(job, {
            status: 'succeeded',
            phase: 'done',
            result,
            finishedAt: new Date(),
            done: job.total,
          }),
        (error: unknown) => {
          Object.assign(job, { status: 'failed', finishedAt: new Date() });
          if (error instanceof JobInputError)
            Object.assign(job, { errors: error.errors, message: error.message });
          else {
            job.message =
              'the job failed on the server; the administrators can see why in the logs';
            onError(error);
          }
        },
      );
    });
    return job;
  }

  get(id: string): JobState<unknown> | null {
    return this.jobs.get(id) ?? null;
  }

  private prune(): void {
    const cutoff = Date.now() - KEEP_MS;
    for (const [id, job] of this.jobs)
      if (job.finishedAt && job.finishedAt.getTime() < cutoff) this.jobs.delete(id);
    while (this.jobs.size >= MAX_JOBS) {
      const oldest = this.jobs.keys().next().value;
      if (oldest === undefined) break;
      this.jobs.delete(oldest);
    }
  }
}
