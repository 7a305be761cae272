import { z } from 'zod';
import { fileResponse, MEDIA_TYPES } from './common.js';
import { programmeStatusSchema, programmingIdParams, roundSummarySchema } from './programming.js';

/**
 * /api/programming/rounds/:id/consolidation(.xlsx|/:resourceCode) and …/consolidate: the
 * requirement of a round per product over its approved (and consolidated) programmes, national
 * for CENARES and over the caller's units otherwise.
 */
export const consolidatedProductSchema = z.object({
  resourceCode: z.string(),
  resourceName: z.string(),
  dispensingUnit: z.string(),
  packSize: z.number(),
  quantity: z.number(),
  /** Packs are rounded up per unit: each unit receives whole packs. */
  packs: z.number(),
  cost: z.number().nullable(),
  /** Programmes that programme the product. */
  units: z.number(),
});

export const consolidationSchema = z.object({
  round: roundSummarySchema,
  /** Per product: Σ over approved and consolidated programmes in the caller's scope. */
  products: z.array(consolidatedProductSchema),
  unitsIncluded: z.number(),
  unitsPending: z.array(
    z.object({ code: z.string(), name: z.string(), status: programmeStatusSchema }),
  ),
  totalCost: z.number().nullable(),
  costSimulated: z.boolean(),
});

export const consolidationProductParams = programmingIdParams.extend({
  resourceCode: z.string().min(1).max(40),
});

export const consolidationUnitRowSchema = z.object({
  programmeId: z.number(),
  unit: z.object({ code: z.string(), name: z.string() }),
  status: programmeStatusSchema,
  prefillQuantity: z.number(),
  finalQuantity: z.number(),
  packs: z.number(),
  cost: z.number().nullable(),
  justification: z.string().nullable(),
});

/** One product of the consolidation, unit by unit (every programme in scope, any status). */
export const consolidationProductSchema = z.object({
  resourceCode: z.string(),
  units: z.array(consolidationUnitRowSchema),
});

/**
 * POST …/consolidate. Optional: a bare POST (as before this option existed) means "not
 * confirmed", and units still pending answer 409 units_pending.
 */
export const consolidateBody = z
  .object({
    /** The caller has shown the pending units and the user confirmed. */
    allowPending: z.boolean().optional(),
  })
  .nullish();

export const consolidationExportResponse = fileResponse(
  MEDIA_TYPES.xlsx,
  'The consolidation as an Excel workbook, with a sheet saying which units it includes',
);

export type ConsolidatedProduct = z.infer<typeof consolidatedProductSchema>;
export type Consolidation = z.infer<typeof consolidationSchema>;
export type ConsolidationUnitRow = z.infer<typeof consolidationUnitRowSchema>;
export type ConsolidationProduct = z.infer<typeof consolidationProductSchema>;
