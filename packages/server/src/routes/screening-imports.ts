import { parseCsv, scopeCovers } from '@yawar/core';
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
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServerContext } from '../context.js';
import { ApiError } from '../errors.js';
import { JobInputError } from '../jobs/job-registry.js';
import { departmentAggregate } from '../security/access.js';
import { departmentParam } from './query-params.js';

const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

/** Upload of screening records (CSV or XLSX) as a job with progress; its errors as a CSV report. */
export const screeningImportRoutes =
  (context: ServerContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = context.connection.db;
    const jobs = context.jobs;
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
  };

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
