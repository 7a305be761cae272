import { ESTABLISHMENT_CATEGORIES, laboratoryCapability } from '@yawar/core';
import { executingUnitDetail, executingUnitLocation } from '@yawar/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { notFound } from '../errors.js';
import { permission } from '../security/access.js';

const unitParams = z.object({
  code: z.string().regex(/^[1-9]\d{0,5}$/, 'an executing unit code (SIAF)'),
});

/** An executing unit's page: scoped, so a unit programmer sees its own unit and no other. */
export const unitRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = context.connection.db;

    app.get(
      '/api/executing-units/:code',
      {
        config: {
          access: permission('units:read', (request) =>
            executingUnitLocation(db, (request.params as { code: string }).code),
          ),
        },
        schema: {
          summary: 'One executing unit with its establishments (within your scope)',
          tags: ['establishments'],
          params: unitParams,
          response: {
            200: z.object({
              unit: z.object({
                code: z.string(),
                name: z.string(),
                parentDirectorate: z.string().nullable(),
                evidence: z.string(),
                departmentUbigeo: z.string(),
              }),
              establishments: z.array(
                z.object({
                  code: z.string(),
                  name: z.string(),
                  category: z.string(),
                  network: z.string().nullable(),
                  microred: z.string().nullable(),
                  districtName: z.string(),
                  hasLaboratory: z.boolean(),
                }),
              ),
              categories: z.array(z.object({ code: z.string(), count: z.number() })),
            }),
          },
        },
      },
      async (request) => {
        const detail = await executingUnitDetail(db, request.params.code);
        if (!detail) throw notFound(`executing unit ${request.params.code}`);
        const establishments = detail.establishments.map(({ labOverride, ...e }) => ({
          ...e,
          hasLaboratory: laboratoryCapability(
            e.category,
            labOverride === null ? null : { hasLaboratory: labOverride, reason: '' },
          ).hasLaboratory,
        }));
        const categories = ESTABLISHMENT_CATEGORIES.map((code) => ({
          code,
          count: establishments.filter((e) => e.category === code).length,
        })).filter((c) => c.count > 0);
        return { unit: detail.unit, establishments, categories };
      },
    );
  };
