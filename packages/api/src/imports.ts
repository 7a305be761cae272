import { z } from 'zod';
import { safeText } from './inputs.js';
import { departmentParam } from './params.js';
import type { JobStarted } from './jobs.js';

/**
 * /api/screenings/imports: a CSV or XLSX file of screening records is the request body itself (no
 * multipart); the answer is a job to poll at /api/jobs/:id (see jobs.ts for its report).
 */
export const screeningImportQuery = (defaultDepartment: string) =>
  z.object({
    department: departmentParam(defaultDepartment),
    fileName: safeText(200).default('dosajes'),
  });

/** What a screening import wrote, in its job's `result` once it has succeeded. */
export const screeningImportResultSchema = z.object({
  batchId: z.number(),
  screenings: z.number(),
  /** Children first seen in this file, and those already on record (matched by pseudonym). */
  newChildren: z.number(),
  knownChildren: z.number(),
});

/** The phases of an import job, in order; `done` once it has succeeded. */
export const importPhaseSchema = z.enum(['reading', 'validating', 'writing', 'done']);

/**
 * One problem in a file, located for a planner to fix it in Excel. Never carries a document
 * number: the importers leave them out of every reason.
 */
export const importIssueSchema = z.object({
  file: z.string(),
  /** 1-based line (the header is line 1); 0 when the problem is the file as a whole. */
  row: z.number(),
  /** Null when the problem is not tied to one column (e.g. a test already imported). */
  column: z.string().nullable(),
  reason: z.string(),
});

/** How many problems share one column and one kind of reason, with the first as an example. */
export const importIssueCountSchema = z.object({
  column: z.string().nullable(),
  reason: z.string(),
  example: z.string(),
  count: z.number(),
});

export type ImportResult = z.infer<typeof screeningImportResultSchema>;
export type ImportPhase = z.infer<typeof importPhaseSchema>;
export type ImportRowError = z.infer<typeof importIssueSchema>;
export type ImportIssueCount = z.infer<typeof importIssueCountSchema>;
/** The answer to an upload (202): the job that imports the file. */
export type ImportStarted = JobStarted;
