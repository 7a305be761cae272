import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../../context.js';
import { assistanceRoutes } from './assistance.js';
import { consolidationRoutes } from './consolidation.js';
import { programmeFileRoutes } from './files.js';
import { interventionRoutes } from './intervention.js';
import { programmeRoutes } from './programmes.js';
import { roundRoutes } from './rounds.js';

/** Everything under /api/programming. */
export async function registerProgrammingRoutes(
  app: FastifyInstance,
  context: ServerContext,
): Promise<void> {
  await app.register(roundRoutes(context));
  await app.register(programmeRoutes(context));
  await app.register(programmeFileRoutes(context));
  await app.register(interventionRoutes(context));
  await app.register(consolidationRoutes(context));
  await app.register(assistanceRoutes(context));
}
