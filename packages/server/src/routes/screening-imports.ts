import { scopeCovers } from '@yawar/core';
import {
  allEstablishmentLocations,
  createPseudonymiser,
  importScreeningFile,
  loadPseudonymKey,
  ScreeningImportError,
  userActor,
  type ScreeningLoadReport,
} from '@yawar/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { jobStartedSchema, screeningImportQuery } from '@yawar/api';
import type { ServerContext } from '../context.js';
import { ApiError } from '../errors.js';
import { departmentAggregate } from '../security/access.js';
import { acceptUploads, MAX_UPLOAD_BYTES, uploadImportTask, uploadOf } from './uploads.js';

/** Upload of screening records (CSV or XLSX) as a job with progress; its errors as a CSV report. */
export const screeningImportRoutes =
  (context: ServerContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = context.connection.db;
    const jobs = context.jobs;
    const pseudonymise = createPseudonymiser(loadPseudonymKey(context.security.secretDir));
    acceptUploads(app);

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
          querystring: screeningImportQuery(context.defaultDepartment),
          response: { 202: jobStartedSchema },
        },
      },
      async (request, reply) => {
        const session = request.session;
        if (!session) throw new ApiError(401, 'unauthenticated', 'log in to use this resource');
        const upload = uploadOf(request, request.query.fileName);
        const actor = userActor(session.user, request.id, request.ip);
        const locations = await allEstablishmentLocations(db);
        const isInScope = (code: string) => {
          const location = locations.get(code);
          return location !== undefined && scopeCovers(session.user.scope, location);
        };
        const job = jobs.start<ScreeningLoadReport>(
          'screening-import',
          session.user.id,
          uploadImportTask(upload, ScreeningImportError, (source, progress) =>
            importScreeningFile(db, source, { pseudonymise, actor, isInScope, ...progress }),
          ),
          (error) => request.log.error({ err: error }, 'screening import job failed'),
        );
        return reply.status(202).send({ jobId: job.id });
      },
    );
  };
