import fs from 'node:fs';
import { toCsv } from '@yawar/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { jobErrorsResponse, jobIdParams, jobReportSchema, type JobReport } from '@yawar/api';
import type { ServerContext } from '../context.js';
import { ApiError } from '../errors.js';
import type { JobRegistry, JobState } from '../jobs/job-registry.js';
import { SESSION } from '../security/access.js';

const ERRORS_SHOWN = 100;

/** Progress, result and error report of any job (imports, computations) its owner started. */
export const jobRoutes =
  (context: ServerContext): FastifyPluginAsyncZod =>
  async (app) => {
    const jobs = context.jobs;
    // The error files of jobs still held go with the server.
    app.addHook('onClose', async () => jobs.close());

    app.get(
      '/api/jobs/:id',
      {
        config: { access: SESSION },
        schema: {
          summary: 'Progress and result of a job you started',
          tags: ['jobs'],
          params: jobIdParams,
          response: { 200: jobReportSchema },
        },
      },
      async (request) => {
        const job = ownJob(jobs, request, request.params.id);
        // The registry holds every kind's result as unknown; the serialiser checks the report
        // against its kind's schema (a result of another shape is a 500, never sent as it is).
        const report = {
          id: job.id,
          kind: job.kind,
          status: job.status,
          phase: job.phase,
          done: job.done,
          total: job.total,
          startedAt: job.startedAt.toISOString(),
          finishedAt: job.finishedAt?.toISOString() ?? null,
          result: job.result,
          errorCount: job.errorCount,
          errors: job.errors.slice(0, ERRORS_SHOWN),
          // Every error counted by column and kind of reason, however many the file had.
          errorSummary: job.errorSummary?.byReason ?? [],
          message: job.message,
        };
        return report as JobReport;
      },
    );

    app.get(
      '/api/jobs/:id/errors.csv',
      {
        config: { access: SESSION },
        schema: {
          summary:
            'Every error of a failed import, as CSV (file,row,column,reason), read from the job’s error file',
          tags: ['jobs'],
          params: jobIdParams,
          response: { 200: jobErrorsResponse },
        },
      },
      async (request, reply) => {
        const job = ownJob(jobs, request, request.params.id);
        reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="errores-${job.id.slice(0, 8)}.csv"`,
          );
        // Streamed from disk: the full list is never held in memory (issue 10, finding 5). Fastify
        // pipes a stream as it is; the reply's type knows only the schema's body, a string.
        if (job.errorFile && fs.existsSync(job.errorFile))
          return (reply as FastifyReply).send(fs.createReadStream(job.errorFile));
        const csv = toCsv(
          ['file', 'row', 'column', 'reason'],
          job.errors.map((e) => [e.file, e.row, e.column, e.reason]),
        );
        return reply.send(`\uFEFF${csv}`);
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
