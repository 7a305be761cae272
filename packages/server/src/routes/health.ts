import { healthSchema } from '@yawar/api';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { ApiError } from '../errors.js';
import { PUBLIC } from '../security/access.js';

export const healthRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/health',
      {
        config: { access: PUBLIC },
        schema: {
          summary: 'Liveness and database check',
          tags: ['system'],
          response: { 200: healthSchema },
        },
      },
      async () => {
        // On the embedded engine the database thread answers between statements, so a long
        // import's transaction does not make the server look dead (db/connect.ts).
        if (!(await context.connection.isAlive()))
          throw new ApiError(503, 'database_unavailable', 'the database does not answer');
        return {
          status: 'ok' as const,
          database: context.connection.engine,
          version: context.version,
        };
      },
    );
  };
