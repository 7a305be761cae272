import { parseCsv, scopeCovers, toCsv } from '@yawar/core';
import {
  allEstablishmentLocations,
  createPseudonymiser,
  importScreeningFile,
  loadPseudonymKey,
  readSpreadsheetBuffer,
  ScreeningImportError,
  SourceFileError,
  userActor,
  type ScreeningLoadReport,
} from '@yawar/db';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { ApiError } from '../errors.js';
import { JobInputError, JobRegistry, type JobState } from '../jobs/job-registry.js';
import { departmentAggregate, SESSION } from '../security/access.js';
import { departmentParam } from './query-params.js';

const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
const ERRORS_SHOWN = 100;

/** Upload of screening records (CSV or XLSX) as a job with progress; its errors as a CSV report. */
export const screeningImportRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = context.connection.db;
    const jobs = new JobRegistry();
    const pseudonymise = createPseudonymiser(loadPseudonymKey(context.security.secretDir));
    // The file is the body itself (no multipart): simple for fetch(), streamed into one buffer.
    app.addContentTypeParser(
      [CSV, XLSX],
      { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES },
      (_request, body, done) => done(null, body),
    );

    app.post(
      '/api/screenings/imports',
      {
        config: {
          access: departmentAggregate(
            'screenings:import',
            (r) => (r.query as { department?: string }).department ?? context.defaultDepartment,
          ),
        },
        bodyLimit: MAX_UPLOAD_BYTES,
        schema: {
          summary:
            'Import screening records (the CSV or XLSX file is the body); answers with a job to poll',
          tags: ['surveillance'],
          querystring: z.object({
            department: departmentParam(context.defaultDepartment),
            fileName: z.string().max(200).default('dosajes'),
          }),
          response: { 202: z.object({ jobId: z.string() }) },
        },
      },
      async (request, reply) => {
        const session = request.session;
        if (!session) throw new ApiError(401, 'unauthenticated', 'log in to use this resource');
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
        const body = request.body;
        const fileName = request.query.fileName.replace(/[^\w .-]/g, '_');
        const actor = userActor(session.user, request.id, request.ip);
        const locations = await allEstablishmentLocations(db);
        const isInScope = (code: string) => {
          const location = locations.get(code);
          return location !== undefined && scopeCovers(session.user.scope, location);
        };
        const job = jobs.start<ScreeningLoadReport>(
          'screening-import',
          session.user.id,
          async (report) => {
            report.phase('reading', body.length);
            const source = await readUpload(body, type, fileName);
            try {
              return await importScreeningFile(db, source, {
                pseudonymise,
                actor,
                isInScope,
                onPhase: (phase, total) => report.phase(phase, total),
                onProgress: (done, total) => report.progress(done, total),
              });
            } catch (error) {
              if (error instanceof ScreeningImportError)
                throw new JobInputError(error.message, error.errors);
              throw error;
            }
          },
          (error) => request.log.error({ err: error }, 'screening import job failed'),
        );
        return reply.status(202).send({ jobId: job.id });
      },
    );

    const jobParams = z.object({ id: z.string().uuid() });

    app.get(
      '/api/jobs/:id',
      {
        config: { access: SESSION },
        schema: {
          summary: 'Progress and result of a job you started',
          tags: ['jobs'],
          params: jobParams,
        },
      },
      async (request) => {
        const job = ownJob(jobs, request, request.params.id);
        return {
          id: job.id,
          kind: job.kind,
          status: job.status,
          phase: job.phase,
          done: job.done,
          total: job.total,
          startedAt: job.startedAt.toISOString(),
          finishedAt: job.finishedAt?.toISOString() ?? null,
          result: job.result,
          errorCount: job.errors.length,
          errors: job.errors.slice(0, ERRORS_SHOWN),
          message: job.message,
        };
      },
    );

    app.get(
      '/api/jobs/:id/errors.csv',
      {
        config: { access: SESSION },
        schema: {
          summary: 'Every error of a failed import, as CSV (file,row,column,reason)',
          tags: ['jobs'],
          params: jobParams,
        },
      },
      async (request, reply) => {
        const job = ownJob(jobs, request, request.params.id);
        const csv = toCsv(
          ['file', 'row', 'column', 'reason'],
          job.errors.map((e) => [e.file, e.row, e.column, e.reason]),
        );
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="errores-${job.id.slice(0, 8)}.csv"`)
          .send(`\uFEFF${csv}`);
      },
    );
  };

/** Jobs are private to whoever started them (and administrators). */
function ownJob(jobs: JobRegistry, request: FastifyRequest, id: string): JobState<unknown> {
  const job = jobs.get(id);
  if (!job) throw new ApiError(404, 'not_found', 'no such job (jobs are kept for a day)');
  const user = request.session?.user;
  if (!user || (job.ownerId !== user.id && user.role !== 'admin'))
    throw new ApiError(403, 'forbidden', 'this job is not yours');
  return job;
}

async function readUpload(body: Buffer, type: string, fileName: string) {
  try {
    return type === XLSX
      ? await readSpreadsheetBuffer(body, fileName)
      : { file: fileName, table: parseCsv(body.toString('utf8')) };
  } catch (error) {
    if (error instanceof SourceFileError) throw new JobInputError(error.message, error.issues);
    if (error instanceof Error && error.name === 'CsvSyntaxError') {
      throw new JobInputError(error.message, [
        {
          file: fileName,
          row: (error as Error & { line: number }).line,
          column: null,
          reason: `is not valid CSV: ${error.message}`,
        },
      ]);
    }
    throw error;
  }
}
