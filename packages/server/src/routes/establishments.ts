import { ESTABLISHMENT_CATEGORIES, hasLaboratoryByRule } from '@yawar/core';
import { countByCategory, countByNetwork, listEstablishments, listExecutingUnits } from '@yawar/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { safeText } from '@yawar/api';
import type { AppContext } from '../context.js';
import { notFound } from '../errors.js';
import { featureCollection, featureCollectionSchema } from '../presenters/geojson.js';
import { establishmentFeatureSchema, presentEstablishment } from '../presenters/establishment.js';
import { categoriesParam, departmentParam, districtParam, renipressParam } from '@yawar/api';
import { REGISTRY } from '../security/access.js';

const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const establishmentRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = context.connection.db;
    const department = departmentParam(context.defaultDepartment);

    app.get(
      '/api/establishments',
      {
        config: { access: REGISTRY },
        schema: {
          summary:
            'Health establishments (IPRESS) as GeoJSON; geometry is null where coordinates are missing',
          tags: ['establishments'],
          querystring: z.object({
            department,
            category: categoriesParam.optional(),
            network: safeText(100).optional().describe('Health network (red) name'),
            district: districtParam.optional(),
            q: safeText(100).optional().describe('Name (any part) or RENIPRESS code'),
          }),
          response: { 200: featureCollectionSchema(establishmentFeatureSchema) },
        },
      },
      async (request) => {
        const { category, ...filter } = request.query;
        const rows = await listEstablishments(db, { ...filter, categories: category });
        return featureCollection(rows.map(presentEstablishment));
      },
    );

    app.get(
      '/api/establishments/:code',
      {
        config: { access: REGISTRY },
        schema: {
          summary: 'One establishment by RENIPRESS code',
          tags: ['establishments'],
          params: z.object({ code: renipressParam }),
          response: { 200: establishmentFeatureSchema },
        },
      },
      async (request) => {
        const { code } = request.params;
        const [row] = await listEstablishments(db, { code });
        if (!row) throw notFound(`establishment ${code}`);
        return presentEstablishment(row);
      },
    );

    app.get(
      '/api/networks',
      {
        config: { access: REGISTRY },
        schema: {
          summary: 'Health networks (redes) of a department with their establishment counts',
          tags: ['establishments'],
          querystring: z.object({ department }),
          response: { 200: items(z.object({ name: z.string(), establishmentCount: z.number() })) },
        },
      },
      async (request) => ({
        items: (await countByNetwork(db, request.query.department)).map(({ name, count }) => ({
          name,
          establishmentCount: count,
        })),
      }),
    );

    app.get(
      '/api/categories',
      {
        config: { access: REGISTRY },
        schema: {
          summary:
            'Establishment categories present in a department, with counts and the laboratory rule',
          tags: ['establishments'],
          querystring: z.object({ department }),
          response: {
            200: items(
              z.object({ code: z.string(), count: z.number(), hasLaboratoryByRule: z.boolean() }),
            ),
          },
        },
      },
      async (request) => ({
        items: (await countByCategory(db, request.query.department))
          .map(({ name, count }) => ({
            code: name,
            count,
            hasLaboratoryByRule: hasLaboratoryByRule(name),
          }))
          .sort((a, b) => categoryOrder(a.code) - categoryOrder(b.code)),
      }),
    );

    app.get(
      '/api/executing-units',
      {
        config: { access: REGISTRY },
        schema: {
          summary:
            'Executing units (unidades ejecutoras) known for a department, with the evidence for each',
          tags: ['establishments'],
          querystring: z.object({ department }),
          response: {
            200: items(
              z.object({
                code: z.string(),
                name: z.string(),
                parentDirectorate: z.string().nullable(),
                evidence: z.string(),
                establishmentCount: z.number(),
              }),
            ),
          },
        },
      },
      async (request) => ({ items: await listExecutingUnits(db, request.query.department) }),
    );
  };

const categoryOrder = (code: string): number =>
  (ESTABLISHMENT_CATEGORIES as readonly string[]).indexOf(code);
