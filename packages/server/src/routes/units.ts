import {
  ESTABLISHMENT_CATEGORIES,
  laboratoryCapability,
  type EstablishmentCategory,
} from '@yawar/core';
import { executingUnitDetail, executingUnitLocation } from '@yawar/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { executingUnitCodeParams, executingUnitResponseSchema } from '@yawar/api';
import type { AppContext } from '../context.js';
import { notFound } from '../errors.js';
import { permission } from '../security/access.js';

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
          params: executingUnitCodeParams,
          response: { 200: executingUnitResponseSchema },
        },
      },
      async (request) => {
        const detail = await executingUnitDetail(db, request.params.code);
        if (!detail) throw notFound(`executing unit ${request.params.code}`);
        const establishments = detail.establishments.map(({ labOverride, ...e }) => ({
          ...e,
          // The column is text, but every import admits only NTS 021's categories (SD if none).
          category: e.category as EstablishmentCategory,
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
