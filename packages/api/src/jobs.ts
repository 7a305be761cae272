import { PROGRAMME_STATUSES } from '@yawar/core';
import { z } from 'zod';
import { fileResponse, MEDIA_TYPES } from './common.js';
import {
  importIssueCountSchema,
  importIssueSchema,
  importPhaseSchema,
  screeningImportResultSchema,
} from './imports.js';

/**
 * /api/jobs/:id: long tasks (imports, the programming computation) run as jobs the client polls.
 * One route reports every kind of job, so every kind's result is described here, each under its
 * `kind`: a client that checks the kind gets the right result type.
 */
export const jobIdParams = z.object({ id: z.string().uuid() });

/** The answer (202) of a route that starts a job. */
export const jobStartedSchema = z.object({ jobId: z.string() });

export const jobStatusSchema = z.enum(['queued', 'running', 'succeeded', 'failed']);

/** A supply history import's result (supply-history-import). */
export const supplyHistoryJobResultSchema = z.object({
  batchId: z.number(),
  rows: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  /** Establishments, warehouses (rows of a unit with no establishment) and products covered. */
  establishments: z.number(),
  warehouses: z.number(),
  products: z.number(),
  /** The first and last month of the file (YYYY-MM); null when it had none. */
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** Rows accepted but worth a look (an establishment with no executing unit on record). */
  warnings: z.array(importIssueSchema),
});

/** The programming computation's result (programming-compute). */
export const programmingComputeJobResultSchema = z.object({
  programmes: z.number(),
  lines: z.number(),
  /** Programmes left as they were, counted by the status that kept each one out. */
  skipped: z.number(),
  skippedByStatus: z.partialRecord(z.enum(PROGRAMME_STATUSES), z.number()),
});

/**
 * A job as its owner sees it. `done` restarts at each phase (bytes while reading, rows after);
 * `errors` holds the first 100 problems only, `errorSummary` counts them all by column and kind
 * of reason, and the full list is GET /api/jobs/:id/errors.csv.
 */
const jobReportOf = <Kind extends string, Phase extends z.ZodType, Result extends z.ZodType>(
  kind: Kind,
  phase: Phase,
  result: Result,
) =>
  z.object({
    id: z.string(),
    kind: z.literal(kind),
    status: jobStatusSchema,
    phase,
    done: z.number(),
    total: z.number(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    /** Set once the job has succeeded. */
    result: result.nullable(),
    errorCount: z.number(),
    errors: z.array(importIssueSchema),
    errorSummary: z.array(importIssueCountSchema),
    /** Why it failed: the refusal, or that the server failed (the logs say why). */
    message: z.string().nullable(),
  });

export const screeningImportJobSchema = jobReportOf(
  'screening-import',
  importPhaseSchema,
  screeningImportResultSchema,
);
export const supplyHistoryImportJobSchema = jobReportOf(
  'supply-history-import',
  importPhaseSchema,
  supplyHistoryJobResultSchema,
);
// A queued job's phase is the registry's first, `reading`, whatever its kind.
export const programmingComputeJobSchema = jobReportOf(
  'programming-compute',
  z.enum(['reading', 'computing', 'done']),
  programmingComputeJobResultSchema,
);

export const jobReportSchema = z.discriminatedUnion('kind', [
  screeningImportJobSchema,
  supplyHistoryImportJobSchema,
  programmingComputeJobSchema,
]);

export const jobErrorsResponse = fileResponse(
  MEDIA_TYPES.csv,
  'Every problem of a refused import: file,row,column,reason (UTF-8 with BOM)',
);

export type JobStarted = z.infer<typeof jobStartedSchema>;
export type JobStatus = z.infer<typeof jobStatusSchema>;
export type JobKind = JobReport['kind'];
export type JobReport = z.infer<typeof jobReportSchema>;
/** A file import's job (screening records or supply history): what the upload pages follow. */
export type ImportJob = Extract<JobReport, { kind: 'screening-import' | 'supply-history-import' }>;
export type SupplyHistoryJobResult = z.infer<typeof supplyHistoryJobResultSchema>;
export type ProgrammingComputeJob = z.infer<typeof programmingComputeJobSchema>;
export type ProgrammingComputeJobResult = z.infer<typeof programmingComputeJobResultSchema>;
