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
import {
  consolidateBody,
  consolidationExportResponse,
  consolidationProductParams,
  consolidationProductSchema,
  consolidationSchema,
  MEDIA_TYPES,
  programmingIdParams,
} from '@yawar/api';
import type { ServerContext } from '../../context.js';
import { notFound } from '../../errors.js';
import { permission, scopedList } from '../../security/access.js';
import { consolidationWorkbook } from './workbook.js';
import { actorOf, unitsOf } from './common.js';

const TAGS = ['programming'];

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
    const params = programmingIdParams;

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
        schema: {
          summary: 'The consolidation as an Excel workbook',
          tags: TAGS,
          params,
          response: { 200: consolidationExportResponse },
        },
      },
      async (request, reply) => {
        const consolidation = await consolidationFor(db, request, request.params.id);
        const body = await consolidationWorkbook(consolidation);
        return reply
          .header('content-type', MEDIA_TYPES.xlsx)
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
          params: consolidationProductParams,
          response: { 200: consolidationProductSchema },
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
          body: consolidateBody,
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
