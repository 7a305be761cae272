import { programmeSummaries, roundContext, unitIntervention } from '@yawar/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServerContext } from '../../context.js';
import { notFound } from '../../errors.js';
import { permission } from '../../security/access.js';
import { idParam, locateProgramme } from './common.js';

const nodeSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  kind: z.enum(['number', 'percent', 'factor', 'product', 'sum']),
  label: z.string(),
  unit: z.string(),
  value: z.number(),
  formula: z.string(),
  substituted: z.string(),
  productCode: z.string().nullable(),
});

const interventionSchema = z.object({
  unitCode: z.string(),
  parameters: z.object({
    treatmentCoverage: z.number(),
    preventionCoverage: z.number(),
    wastage: z.number(),
  }),
  children: z.number(),
  from: z.string(),
  to: z.string(),
  simulatedScreenings: z.boolean(),
  bands: z.array(
    z.object({
      band: z.string(),
      children: z.number(),
      tested: z.number(),
      anemic: z.number(),
      prevalence: z.number().nullable(),
    }),
  ),
  tree: z
    .object({
      regimenSetId: z.string(),
      pendingClinicalValidation: z.boolean(),
      tests: z.number(),
      /** Children starting a course in a year, by band: children in it × 12 ÷ its width in months. */
      entrants: z.record(z.string(), z.number()),
      nodes: z.array(nodeSchema),
      products: z.array(
        z.object({
          productCode: z.string(),
          label: z.string(),
          unit: z.string(),
          quantity: z.number(),
        }),
      ),
    })
    .nullable(),
  demand: z.array(z.object({ resourceCode: z.string(), quantity: z.number() })),
  warnings: z.array(z.string()),
  notices: z.array(z.object({ code: z.string(), params: z.record(z.string(), z.string()) })),
});

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
          params: z.object({ id: idParam }),
          response: { 200: interventionSchema },
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
