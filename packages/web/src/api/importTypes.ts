// Shapes of the screening import endpoints (POST /api/screenings/imports, GET /api/jobs/{id}).

export interface ImportStarted {
  jobId: string;
}

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';
export type ImportPhase = 'reading' | 'validating' | 'writing' | 'done';

/** One row the server refused. Never carries a document number: the server drops them first. */
export interface ImportRowError {
  file: string;
  row: number;
  /** Null when the error concerns the whole row (e.g. a test already imported). */
  column: string | null;
  reason: string;
}

export interface ImportResult {
  batchId: number | string;
  screenings: number;
  newChildren: number;
  knownChildren: number;
}

export interface ImportJob {
  id: string;
  kind: 'screening-import';
  status: JobStatus;
  phase: ImportPhase;
  done: number;
  total: number;
  startedAt: string;
  finishedAt: string | null;
  result: ImportResult | null;
  errorCount: number;
  /** The first errors only (at most 100); the full list is the CSV report. */
  errors: ImportRowError[];
  message: string | null;
}
