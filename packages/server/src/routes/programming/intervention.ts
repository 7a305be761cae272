import { programmeSummaries, roundContext, unitIntervention } from '@yawar/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { interventionTreeSchema, programmingIdParams } from '@yawar/api';
import type { ServerContext } from '../../context.js';
import { notFound } from '../../errors.js';
import { permission } from '../../security/access.js';
import { locateProgramme } from './common.js';

/** The anemia intervention tree behind the lines programmed by method `intervention`. */
export const interventionRoutes =
  (context: ServerContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = context.connection.db;
    app.get(
      '/api/programming/programmes/:id/intervention',
      {
        config: { access: permission('programming:read', locateProgramme(db)) },
        schema: {
          summary:
            "The unit's anemia intervention tree: children entering each age band a year × prevalence × coverage × regimen × loss factor, per product",
          tags: ['programming'],
          params: programmingIdParams,
          response: { 200: interventionTreeSchema },
        },
      },
      async (request) => {
        const [programme] = await programmeSummaries(db, {
          programmeId: request.params.id,
          unitCodes: null,
        });
        if (!programme) throw notFound(`programme ${request.params.id}`);
        const round = await roundContext(db, programme.roundId);
        const result = await unitIntervention(db, round, programme.unit.code);
        return {
          ...result,
          bands: [...result.bands],
          tree: result.tree
            ? {
                regimenSetId: result.tree.regimenSetId,
                pendingClinicalValidation: result.tree.pendingClinicalValidation,
                tests: result.tree.tests,
                entrants: { ...result.tree.entrants },
                nodes: [...result.tree.tree.nodes],
                products: [...result.tree.products],
              }
            : null,
          demand: [...result.demand].map(([resourceCode, quantity]) => ({
            resourceCode,
            quantity,
          })),
        };
      },
    );
  };
