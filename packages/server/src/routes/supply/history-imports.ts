import {
  importSupplyHistory,
  supplySiteScopeCheck,
  SupplyHistoryImportError,
  userActor,
  type SupplyHistoryImportReport,
} from '@yawar/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { jobStartedSchema, supplyHistoryImportQuery } from '@yawar/api';
import type { ServerContext } from '../../context.js';
import { ApiError } from '../../errors.js';
import { scopedList } from '../../security/access.js';
import { acceptUploads, MAX_UPLOAD_BYTES, uploadImportTask, uploadOf } from '../uploads.js';

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
    acceptUploads(app);

    app.post(
      '/api/supply/history/imports',
      {
        config: { access: scopedList('supply:import') },
        bodyLimit: MAX_UPLOAD_BYTES,
        schema: {
          summary:
            'Import monthly consumption and stock history (the CSV or XLSX file is the body); all rows or none; answers with a job to poll',
          tags: ['supply'],
          querystring: supplyHistoryImportQuery,
          response: { 202: jobStartedSchema },
        },
      },
      async (request, reply) => {
        const session = request.session;
        if (!session) throw new ApiError(401, 'unauthenticated', 'log in to use this resource');
        const upload = uploadOf(request, request.query.fileName);
        const actor = userActor(session.user, request.id, request.ip);
        const isInScope = await supplySiteScopeCheck(db, session.user.scope);
        const job = context.jobs.start<SupplyHistoryImportReport>(
          'supply-history-import',
          session.user.id,
          uploadImportTask(upload, SupplyHistoryImportError, (source, progress) =>
            importSupplyHistory(db, source, { actor, isInScope, ...progress }),
          ),
          (error) => request.log.error({ err: error }, 'supply history import job failed'),
        );
        return reply.status(202).send({ jobId: job.id });
      },
    );
  };
