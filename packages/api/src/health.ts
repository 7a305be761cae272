import { z } from 'zod';

/** /api/health: liveness and the database engine, public (the footer shows the version). */
export const healthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
});

export type HealthResponse = z.infer<typeof healthSchema>;
