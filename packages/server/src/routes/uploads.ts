import {
  parseCsvInSlices,
  type CsvSource,
  type ImportIssue,
  type IssueLogOptions,
  type IssueSummary,
} from '@yawar/core';
import { readSpreadsheetBuffer, runInTurns, SourceFileError } from '@yawar/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../errors.js';
import { JobInputError, type JobReporter } from '../jobs/job-registry.js';

const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The largest file an import accepts as its body. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

/** A CSV or XLSX file sent as a request body, with a name safe to print in reports. */
export interface Upload {
  readonly body: Buffer;
  readonly type: typeof CSV | typeof XLSX;
  readonly fileName: string;
}

/** An importer's all-or-nothing refusal: its first row errors and every error counted; nothing written. */
type Refusal = abstract new (
  ...args: never[]
) => Error & { readonly errors: readonly ImportIssue[]; readonly summary: IssueSummary };

/** The callbacks through which an importer reports its phases, progress and errors to the job. */
export interface ImportProgress {
  readonly onPhase: (phase: string, total: number) => void;
  readonly onProgress: (done: number, total: number) => void;
  /** Keep the first errors only; every one goes to the job's error file. */
  readonly issues: IssueLogOptions;
}

/**
 * Lets the routes of this plugin take a CSV or XLSX file as the body itself (no multipart): simple
 * for fetch(), streamed into one buffer. Fastify keeps parsers to the plugin that adds them.
 */
export function acceptUploads(app: FastifyInstance): void {
  app.addContentTypeParser(
    [CSV, XLSX],
    { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES },
    (_request, body, done) => done(null, body),
  );
}

/** The file in the request's body, or a 400 `unsupported_file` when it is not CSV or XLSX. */
export function uploadOf(request: FastifyRequest, fileName: string): Upload {
  const type = String(request.headers['content-type'] ?? '')
    .split(';')[0]
    ?.trim();
  if ((type !== CSV && type !== XLSX) || !Buffer.isBuffer(request.body)) {
    throw new ApiError(
      400,
      'unsupported_file',
      'send a CSV (text/csv) or XLSX file as the request body',
    );
  }
  return { body: request.body, type, fileName: fileName.replace(/[^\w .-]/g, '_') };
}

/**
 * The job that imports an upload: reads it as a table, then hands it to `load`. A file that cannot
 * be read and the importer's `refusal` both become the job's row errors (the user's to fix), not a
 * server failure.
 */
export function uploadImportTask<R>(
  upload: Upload,
  refusal: Refusal,
  load: (source: CsvSource, progress: ImportProgress) => Promise<R>,
): (report: JobReporter) => Promise<R> {
  return async (report) => {
    report.phase('reading', upload.body.length);
    const source = await readUpload(upload);
    try {
      return await load(source, {
        onPhase: (phase, total) => report.phase(phase, total),
        onProgress: (done, total) => report.progress(done, total),
        issues: report.issues,
      });
    } catch (error) {
      if (error instanceof refusal)
        throw new JobInputError(error.message, error.errors, error.summary);
      throw error;
    }
  };
}

async function readUpload({ body, type, fileName }: Upload): Promise<CsvSource> {
  try {
    return type === XLSX
      ? await readSpreadsheetBuffer(body, fileName)
      : // In slices, so a large file does not hold up the server's other requests.
        { file: fileName, table: await runInTurns(parseCsvInSlices(body.toString('utf8'))) };
  } catch (error) {
    if (error instanceof SourceFileError) throw new JobInputError(error.message, error.issues);
    if (error instanceof Error && error.name === 'CsvSyntaxError') {
      const line = (error as Error & { line: number }).line;
      throw new JobInputError(error.message, [
        { file: fileName, row: line, column: null, reason: `is not valid CSV: ${error.message}` },
      ]);
    }
    throw error;
  }
}
