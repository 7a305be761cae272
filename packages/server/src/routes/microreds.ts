import { DEFAULT_OUTLINE_BUFFER_KM } from '@yawar/core';
import { countWithoutMicrored, listMicroreds, microredOutlines } from '@yawar/db';
import {
  departmentScopedQuery,
  microredListSchema,
  microredOutlineCollectionSchema,
} from '@yawar/api';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { feature, featureCollection, outline } from '../presenters/geojson.js';
import { REGISTRY } from '../security/access.js';

/** What the outline is, said with the data so no client presents it as an official boundary. */
export const OUTLINE_METHOD = `Contorno aproximado: envolvente convexa de los establecimientos de la microrred con coordenadas válidas, ampliada ${DEFAULT_OUTLINE_BUFFER_KM} km. No es un límite oficial (MINSA no publica polígonos de microrredes). Ver docs/methods/health-network.md.`;

/** Microredes (red → microred → establishment): a public registry, like the networks. */
export const microredRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = context.connection.db;
    const byDepartment = departmentScopedQuery(context.defaultDepartment);

    app.get(
      '/api/microreds',
      {
        config: { access: REGISTRY },
        schema: {
          summary: 'Microredes of a department with their red, codes and establishment counts',
          tags: ['territory'],
          querystring: byDepartment,
          response: { 200: microredListSchema },
        },
      },
      async (request) => {
        const items = await listMicroreds(db, request.query.department);
        return {
          source:
            'MINSA, RENAES (ipress_minsa_renaes.csv): red y microrred de cada establecimiento',
          items,
          withoutMicrored: await countWithoutMicrored(db, request.query.department),
        };
      },
    );

    app.get(
      '/api/microreds/outlines.geojson',
      {
        config: { access: REGISTRY },
        schema: {
          summary:
            'Approximate outlines of the microredes (convex envelope of their establishments, widened); not official boundaries',
          tags: ['territory'],
          querystring: byDepartment,
          response: { 200: microredOutlineCollectionSchema },
        },
      },
      async (request) => {
        const rows = await microredOutlines(db, request.query.department);
        return featureCollection(
          rows.map(({ geometry, ...p }) =>
            feature(p.code, outline(geometry), { ...p, method: OUTLINE_METHOD }),
          ),
        );
      },
    );
  };
