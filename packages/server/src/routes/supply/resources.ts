import { listResources } from '@yawar/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { strategicResourceListSchema } from '@yawar/api';
import type { ServerContext } from '../../context.js';
import { SESSION } from '../../security/access.js';

/**
 * The strategic-resource catalogue. Any logged-in user: it describes products, not anyone's
 * data, and the supply pages (supply:read) and the programming pages (programming:read) both
 * need it, two sets of roles that differ.
 */
export const supplyResourceRoutes =
  (context: ServerContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = context.connection.db;
    app.get(
      '/api/supply/resources',
      {
        config: { access: SESSION },
        schema: {
          summary: 'The strategic-resource catalogue (active products)',
          tags: ['supply'],
          response: { 200: strategicResourceListSchema },
        },
      },
      async () => ({ items: await listResources(db) }),
    );
  };
