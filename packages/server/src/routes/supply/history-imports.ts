import { parseCsv, type CsvSource } from '@yawar/core';
import {
  importSupplyHistory,
  readSpreadsheetBuffer,
  SourceFileError,
  supplySiteScopeCheck,
  SupplyHistoryImportError,
  userActor,
  type SupplyHistoryImportReport,
} from '@yawar/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServerContext } from '../../context.js';
import { ApiError } from '../../errors.js';
import { JobInputError } from '../../jobs/job-registry.js';
import { scopedList } from '../../security/access.js';
import { importStartedSchema } from './schemas.js';

const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

/**
 * Upload of consumption and stock history (CSV or XLSX, docs/formats/supply-history.md) as a job
 * with progress, polled at /api/jobs/:id, its errors at /api/jobs/:id/errors.csv. The permission
 * is enough to send a file: every row's site is checked against the sender's scope in the job,
 * and one row outside it refuses the file.
 */
export const supplyHistoryImportRoutes =
  (context: ServerContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = context.connection.db;
    // The file is the body itself (no multipart), as for screening imports.
    app.addContentTypeParser(
      [CSV, XLSX],
      { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES },
      (_request, body, done) => done(null, body),
    );

    app.post(
      '/api/supply/history/imports',
      {
        config: { access: scopedList('supply:import') },
        bodyLimit: MAX_UPLOAD_BYTES,
        schema: {
          summary:
            'Import monthly consumption and stock history (the CSV or XLSX file is the body); all rows or none; answers with a job to poll',
          tags: ['supply'],
          querystring: z.object({ fileName: z.string().max(200).default('historial') }),
          response: { 202: importStartedSchema },
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
        const isInScope = await supplySiteScopeCheck(db, session.user.scope);
        const job = context.jobs.start<SupplyHistoryImportReport>(
          'supply-history-import',
          session.user.id,
          async (report) => {
            report.phase('reading', body.length);
            const source = await readUpload(body, type, fileName);
            try {
              return await importSupplyHistory(db, source, {
                actor,
                isInScope,
                onPhase: (phase, total) => report.phase(phase, total),
                onProgress: (done, total) => report.progress(done, total),
              });
            } catch (error) {
              if (error instanceof SupplyHistoryImportError)
                throw new JobInputError(error.message, error.errors);
              throw error;
            }
          },
          (error) => request.log.error({ err: error }, 'supply history import job failed'),
        );
        return reply.status(202).send({ jobId: job.id });
      },
    );
  };

async function readUpload(body: Buffer, type: string, fileName: string): Promise<CsvSource> {
  try {
    return type === XLSX
      ? await readSpreadsheetBuffer(body, fileName)
      : { file: fileName, table: parseCsv(body.toString('utf8')) };
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
