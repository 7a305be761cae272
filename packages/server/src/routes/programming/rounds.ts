import {
  computeRound,
  createRound,
  getRound,
  listRounds,
  programmeSummaries,
  type ComputeReport,
} from '@yawar/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  computeRoundBody,
  jobStartedSchema,
  newRoundBody,
  programmingIdParams,
  roundListSchema,
  roundProgrammesSchema,
  roundSummarySchema,
} from '@yawar/api';
import type { ServerContext } from '../../context.js';
import { notFound } from '../../errors.js';
import { permission, scopedList } from '../../security/access.js';
import { actorOf, sessionUser, unitsOf } from './common.js';

const TAGS = ['programming'];

/** Programming rounds: list, open one (CENARES), its programmes, and the prefill computation. */
export const roundRoutes =
  (context: ServerContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = context.connection.db;

    app.get(
      '/api/programming/rounds',
      {
        config: { access: scopedList('programming:read') },
        schema: {
          summary: 'Programming rounds, with the programmes in your scope counted by status',
          tags: TAGS,
          response: { 200: roundListSchema },
        },
      },
      async (request) => ({ rounds: await listRounds(db, await unitsOf(db, request)) }),
    );

    app.post(
      '/api/programming/rounds',
      {
        config: { access: permission('programming:review') },
        schema: {
          summary: 'Open a round: every executing unit gets a draft programme (compute it next)',
          tags: TAGS,
          body: newRoundBody,
          response: { 201: roundSummarySchema },
        },
      },
      async (request, reply) => {
        const id = await createRound(db, actorOf(request), request.body);
        const round = await getRound(db, id, null);
        if (!round) throw notFound(`round ${id}`);
        return reply.status(201).send(round);
      },
    );

    app.get(
      '/api/programming/rounds/:id/programmes',
      {
        config: { access: scopedList('programming:read') },
        schema: {
          summary: 'The programmes of a round in your scope',
          tags: TAGS,
          params: programmingIdParams,
          response: { 200: roundProgrammesSchema },
        },
      },
      async (request) => {
        const unitCodes = await unitsOf(db, request);
        const round = await getRound(db, request.params.id, unitCodes);
        if (!round) throw notFound(`round ${request.params.id}`);
        return {
          round,
          programmes: await programmeSummaries(db, { roundId: round.id, unitCodes }),
        };
      },
    );

    app.post(
      '/api/programming/rounds/:id/compute',
      {
        config: { access: permission('programming:review') },
        schema: {
          summary:
            'Prefill the programmes still in draft or returned from the consumption history (a job to poll)',
          tags: TAGS,
          params: programmingIdParams,
          body: computeRoundBody,
          response: { 202: jobStartedSchema },
        },
      },
      async (request, reply) => {
        const round = await getRound(db, request.params.id, null);
        if (!round) throw notFound(`round ${request.params.id}`);
        const actor = actorOf(request);
        const unitCodes = request.body.unitCodes;
        const job = context.jobs.start<ComputeReport>(
          'programming-compute',
          sessionUser(request).id,
          async (report) => {
            report.phase('computing', 0);
            return computeRound(db, actor, round.id, {
              ...(unitCodes ? { unitCodes } : {}),
              progress: (done, total) => report.progress(done, total),
            });
          },
          (error) => request.log.error({ err: error }, 'programming compute job failed'),
        );
        return reply.status(202).send({ jobId: job.id });
      },
    );
  };
