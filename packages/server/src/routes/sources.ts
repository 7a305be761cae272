import { REFERENCE_SOURCES } from '@yawar/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { REGISTRY } from '../security/access.js';

const sourceSchema = z.object({
  id: z.string(),
  publisher: z.string(),
  dataset: z.string(),
  vintage: z.string(),
  provides: z.string(),
  files: z.array(z.string()).readonly(),
});

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
        response: { 200: z.object({ items: z.array(sourceSchema) }) },
      },
    },
    () => ({ items: [...REFERENCE_SOURCES] }),
  );
};
