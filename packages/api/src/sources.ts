import { z } from 'zod';

/** /api/sources: the public sources behind the reference data, the "source" of every figure. */
export const dataSourceSchema = z.object({
  id: z.string(),
  publisher: z.string(),
  dataset: z.string(),
  vintage: z.string(),
  provides: z.string().describe('What in Yawar it provides'),
  files: z.array(z.string()).readonly().describe('Files in a department folder or data/peru'),
});

export const dataSourceListSchema = z.object({ items: z.array(dataSourceSchema) });

export type DataSourceItem = z.infer<typeof dataSourceSchema>;
export type DataSourceList = z.infer<typeof dataSourceListSchema>;
