import { DEFAULT_OUTLINE_BUFFER_KM } from '@yawar/core';
import { countWithoutMicrored, listMicroreds, microredOutlines } from '@yawar/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import {
  areaSchema,
  feature,
  featureCollection,
  featureCollectionSchema,
  featureSchema,
} from '../presenters/geojson.js';
import { REGISTRY } from '../security/access.js';
import { departmentParam } from '@yawar/api';

const microredProperties = z.object({
  code: z.string().describe('Scope code <department>/<RED>/<MICRORED>, e.g. 06/CHOTA/CHOTA'),
  name: z.string(),
  registryCode: z.string().nullable().describe('MINSA microred code within its red (RENAES)'),
  network: z.string(),
  networkCode: z.string().describe('Scope code of its red, e.g. 06/CHOTA'),
  networkRegistryCode: z.string().nullable(),
  departmentUbigeo: z.string(),
  establishmentCount: z.number(),
  withCoordinates: z
    .number()
    .describe(
      'Establishments whose coordinates lie in their district: the outline is built on them',
    ),
});

/** What the outline is, said with the data so no client presents it as an official boundary. */
export const OUTLINE_METHOD = `Contorno aproximado: envolvente convexa de los establecimientos de la microrred con coordenadas válidas, ampliada ${DEFAULT_OUTLINE_BUFFER_KM} km. No es un límite oficial (MINSA no publica polígonos de microrredes). Ver docs/methods/health-network.md.`;

/** Microredes (red → microred → establishment): a public registry, like the networks. */
export const microredRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = context.connection.db;
    const department = departmentParam(context.defaultDepartment);

    app.get(
      '/api/microreds',
      {
        config: { access: REGISTRY },
        schema: {
          summary: 'Microredes of a department with their red, codes and establishment counts',
          tags: ['territory'],
          querystring: z.object({ department }),
          response: {
            200: z.object({
              source: z.string(),
              items: z.array(microredProperties),
              withoutMicrored: z
                .number()
                .describe('Registry establishments of the department with no microred'),
            }),
          },
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
          querystring: z.object({ department }),
          response: {
            200: featureCollectionSchema(
              featureSchema(areaSchema, microredProperties.extend({ method: z.string() })),
            ),
          },
        },
      },
      async (request) => {
        const rows = await microredOutlines(db, request.query.department);
        return featureCollection(
          rows.map(({ geometry, ...p }) =>
            feature(p.code, geometry, { ...p, method: OUTLINE_METHOD }),
          ),
        );
      },
    );
  };
