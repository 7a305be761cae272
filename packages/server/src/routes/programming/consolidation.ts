import {
  consolidateRound,
  consolidatedProducts,
  consolidationByUnit,
  getRound,
  programmeSummaries,
  type YawarDatabase,
} from '@yawar/db';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServerContext } from '../../context.js';
import { notFound } from '../../errors.js';
import { permission, scopedList } from '../../security/access.js';
import { consolidationWorkbook } from './workbook.js';
import { actorOf, idParam, unitsOf } from './common.js';
import { consolidationSchema, statusSchema } from './schemas.js';

const TAGS = ['programming'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The requirement of a round per product (national for CENARES, your units otherwise). */
export async function consolidationFor(
  db: YawarDatabase,
  request: FastifyRequest,
  roundId: number,
) {
  const unitCodes = await unitsOf(db, request);
  const round = await getRound(db, roundId, unitCodes);
  if (!round) throw notFound(`round ${roundId}`);
  const products = await consolidatedProducts(db, roundId, unitCodes);
  const programmes = await programmeSummaries(db, { roundId, unitCodes });
  const included = programmes.filter((p) => p.status === 'approved' || p.status === 'consolidated');
  const costs = products.map((p) => p.cost).filter((c): c is number => c !== null);
  return {
    round,
    products,
    unitsIncluded: included.length,
    unitsPending: programmes
      .filter((p) => !included.includes(p))
      .map((p) => ({ code: p.unit.code, name: p.unit.name, status: p.status })),
    totalCost: costs.length ? costs.reduce((a, b) => a + b, 0) : null,
    costSimulated: included.some((p) => p.costSimulated),
  };
}

export const consolidationRoutes =
  (context: ServerContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = context.connection.db;
    const params = z.object({ id: idParam });

    app.get(
      '/api/programming/rounds/:id/consolidation',
      {
        config: { access: scopedList('programming:read') },
        schema: {
          summary: 'Requirement per product over the approved programmes in your scope',
          tags: TAGS,
          params,
          response: { 200: consolidationSchema },
        },
      },
      async (request) => consolidationFor(db, request, request.params.id),
    );

    app.get(
      '/api/programming/rounds/:id/consolidation.xlsx',
      {
        config: { access: scopedList('programming:read') },
        schema: { summary: 'The consolidation as an Excel workbook', tags: TAGS, params },
      },
      async (request, reply) => {
        const consolidation = await consolidationFor(db, request, request.params.id);
        const body = await consolidationWorkbook(consolidation);
        return reply
          .header('content-type', XLSX)
          .header(
            'content-disposition',
            `attachment; filename="consolidado-ronda-${request.params.id}.xlsx"`,
          )
          .send(body);
      },
    );

    app.get(
      '/api/programming/rounds/:id/consolidation/:resourceCode',
      {
        config: { access: scopedList('programming:read') },
        schema: {
          summary: 'One product of the consolidation, unit by unit',
          tags: TAGS,
          params: params.extend({ resourceCode: z.string().min(1).max(40) }),
          response: {
            200: z.object({
              resourceCode: z.string(),
              units: z.array(
                z.object({
                  programmeId: z.number(),
                  unit: z.object({ code: z.string(), name: z.string() }),
                  status: statusSchema,
                  prefillQuantity: z.number(),
                  finalQuantity: z.number(),
                  packs: z.number(),
                  cost: z.number().nullable(),
                  justification: z.string().nullable(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const { id, resourceCode } = request.params;
        const units = await consolidationByUnit(db, id, resourceCode, await unitsOf(db, request));
        return { resourceCode, units };
      },
    );

    app.post(
      '/api/programming/rounds/:id/consolidate',
      {
        config: { access: permission('programming:review') },
        schema: {
          summary:
            'Consolidate the approved programmes of the round (CENARES, national). With units still pending it answers 409 units_pending, listing them, unless allowPending is true',
          tags: TAGS,
          params,
          // Optional: a bare POST (as before this option existed) means "not confirmed".
          body: z
            .object({
              /** The caller has shown the pending units and the user confirmed. */
              allowPending: z.boolean().optional(),
            })
            .nullish(),
          response: { 200: consolidationSchema },
        },
      },
      async (request) => {
        await consolidateRound(db, actorOf(request), request.params.id, {
          allowPending: request.body?.allowPending === true,
        });
        return consolidationFor(db, request, request.params.id);
      },
    );
  };
