import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../../context.js';
import { supplyHistoryImportRoutes } from './history-imports.js';
import { supplyResourceRoutes } from './resources.js';
import { stockStatusRoutes } from './stock-status.js';

/** Everything under /api/supply: the catalogue, history imports and stock status. */
export async function registerSupplyRoutes(
  app: FastifyInstance,
  context: ServerContext,
): Promise<void> {
  await app.register(supplyResourceRoutes(context));
  await app.register(supplyHistoryImportRoutes(context));
  await app.register(stockStatusRoutes(context));
}
