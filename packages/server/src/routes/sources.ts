import { REFERENCE_SOURCES } from '@yawar/core';
import { dataSourceListSchema } from '@yawar/api';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { REGISTRY } from '../security/access.js';

/** The catalogue of public sources behind the reference data, for the "source" of every figure. */
export const sourceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/sources',
    {
      config: { access: REGISTRY },
      schema: {
        summary:
          'Public sources of the reference data (publisher, dataset, vintage, what each provides)',
        tags: ['territory'],
        response: { 200: dataSourceListSchema },
      },
    },
    () => ({ items: [...REFERENCE_SOURCES] }),
  );
};
