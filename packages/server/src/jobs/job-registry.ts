import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  KEPT_IMPORT_ERRORS,
  summariseIssues,
  type ImportIssue,
  type IssueLogOptions,
  type IssueSummary,
} from '@yawar/core';
import { ErrorFile } from './error-file.js';

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
  /**
   * The first problems found (at most KEPT_IMPORT_ERRORS): a file of 300,000 bad rows must not
   * keep millions of objects in memory for a day. Every problem is in `errorFile`, all counted in
   * `errorSummary`.
   */
  errors: readonly ImportIssue[];
  /** Every problem found, kept or not. */
  errorCount: number;
  /** Problems counted by column and kind of reason. */
  errorSummary: IssueSummary | null;
  /** The full error report (CSV) on disk, deleted when the job is. */
  errorFile: string | null;
  message: string | null;
}

export interface JobReporter {
  phase(name: string, total: number): void;
  progress(done: number, total: number): void;
  /** For importers: keep the first errors, stream every one to the job's error file. */
  readonly issues: IssueLogOptions;
}

/** A failure whose problems are the user's to fix (shown as such, not as a server error). */
export class JobInputError extends Error {
  constructor(
    message: string,
    readonly errors: readonly ImportIssue[],
    readonly summary: IssueSummary = summariseIssues(errors),
  ) {
    super(message);
    this.name = 'JobInputError';
  }
}

const KEEP_MS = 24 * 3_600_000;
/** Finished jobs kept at most (a queued or running one is always kept). */
export const MAX_JOBS = 200;

export class JobRegistry {
  private readonly jobs = new Map<string, JobState<unknown>>();
  private directory: string | null = null;

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
      errorCount: 0,
      errorSummary: null,
      errorFile: null,
      message: null,
    };
    this.jobs.set(job.id, job as JobState<unknown>);
    const errorFile = new ErrorFile(path.join(this.errorDirectory(), `${job.id}.csv`));
    const reporter: JobReporter = {
      phase: (name, total) => Object.assign(job, { phase: name, total, done: 0 }),
      progress: (done, total) => Object.assign(job, { done, total }),
      issues: { keep: KEPT_IMPORT_ERRORS, onError: (issue) => errorFile.add(issue) },
    };
    // Started on the next turn, so the request that created the job answers first.
    setImmediate(() => {
      job.status = 'running';
      run(reporter).then(
        (result) => {
          errorFile.remove();
          Object.assign(job, {
            status: 'succeeded',
            phase: 'done',
            result,
            finishedAt: new Date(),
            done: job.total,
          });
        },
        (error: unknown) => {
          Object.assign(job, { status: 'failed', finishedAt: new Date() });
          if (error instanceof JobInputError) {
            // Refusals found outside an IssueLog (an unreadable file) reach the file here.
            if (errorFile.count === 0) for (const issue of error.errors) errorFile.add(issue);
            Object.assign(job, {
              errors: error.errors.slice(0, KEPT_IMPORT_ERRORS),
              errorCount: Math.max(error.summary.total, errorFile.count),
              errorSummary: error.summary,
              errorFile: errorFile.close() ? errorFile.path : null,
              message: error.message,
            });
          } else {
            errorFile.remove();
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

  /** Deletes every error file (on server shutdown). */
  close(): void {
    for (const id of [...this.jobs.keys()]) this.remove(id);
    if (this.directory) fs.rmSync(this.directory, { recursive: true, force: true });
    this.directory = null;
  }

  private prune(): void {
    const cutoff = Date.now() - KEEP_MS;
    for (const [id, job] of this.jobs)
      if (job.finishedAt && job.finishedAt.getTime() < cutoff) this.remove(id);
    // Beyond the cap, the oldest finished jobs go first. A queued or running job is never dropped:
    // its submitter is still polling it, and the work goes on whether or not anyone can see it.
    for (const [id, job] of this.jobs) {
      if (this.jobs.size < MAX_JOBS) break;
      if (job.finishedAt) this.remove(id);
    }
  }

  private remove(id: string): void {
    const file = this.jobs.get(id)?.errorFile;
    if (file) fs.rmSync(file, { force: true });
    this.jobs.delete(id);
  }

  /** A private directory for this server's error files, made on first use. */
  private errorDirectory(): string {
    this.directory ??= fs.mkdtempSync(path.join(os.tmpdir(), 'yawar-job-errors-'));
    return this.directory;
  }
}
