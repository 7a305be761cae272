import { ESTABLISHMENT_CATEGORIES, hasLaboratoryByRule } from '@yawar/core';
import { countByCategory, countByNetwork, listEstablishments, listExecutingUnits } from '@yawar/db';
import {
  categoryListSchema,
  departmentScopedQuery,
  establishmentCodeParams,
  establishmentCollectionSchema,
  establishmentFeatureSchema,
  establishmentListQuery,
  executingUnitListSchema,
  networkListSchema,
  type CategoryCode,
} from '@yawar/api';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { notFound } from '../errors.js';
import { presentEstablishment } from '../presenters/establishment.js';
import { featureCollection } from '../presenters/geojson.js';
import { REGISTRY } from '../security/access.js';

export const establishmentRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = context.connection.db;
    const byDepartment = departmentScopedQuery(context.defaultDepartment);

    app.get(
      '/api/establishments',
      {
        config: { access: REGISTRY },
        schema: {
          summary:
            'Health establishments (IPRESS) as GeoJSON; geometry is null where coordinates are missing',
          tags: ['establishments'],
          querystring: establishmentListQuery(context.defaultDepartment),
          response: { 200: establishmentCollectionSchema },
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
          params: establishmentCodeParams,
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
          querystring: byDepartment,
          response: { 200: networkListSchema },
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
          querystring: byDepartment,
          response: { 200: categoryListSchema },
        },
      },
      async (request) => ({
        items: (await countByCategory(db, request.query.department))
          .map(({ name, count }) => ({
            // Text in the database; the imports admit only NTS 021's categories.
            code: name as CategoryCode,
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
          querystring: byDepartment,
          response: { 200: executingUnitListSchema },
        },
      },
      async (request) => ({ items: await listExecutingUnits(db, request.query.department) }),
    );
  };

const categoryOrder = (code: string): number =>
  (ESTABLISHMENT_CATEGORIES as readonly string[]).indexOf(code);
