import { AGE_BANDS } from '@yawar/core';
import { z } from 'zod';

/**
 * GET /api/programming/programmes/:id/intervention: the unit's anemia intervention tree behind
 * the lines programmed by method `intervention`. Regimens are a transcription of NTS 213 pending
 * clinical validation (`tree.pendingClinicalValidation`); prevalence comes from the unit's own
 * screenings (simulated in the demo: `simulatedScreenings`).
 */
const interventionNodeSchema = z.object({
  id: z.string(),
  /** Depth-first order; parentId links them (null: a root). */
  parentId: z.string().nullable(),
  kind: z.enum(['number', 'percent', 'factor', 'product', 'sum']),
  label: z.string(),
  unit: z.string(),
  value: z.number(),
  formula: z.string(),
  substituted: z.string(),
  productCode: z.string().nullable(),
});

// The db's InterventionNoticeCode: a code added there and not here fails the server's type check.
const interventionNoticeSchema = z.object({
  code: z.enum(['band_without_screening', 'no_children_estimate', 'no_screening']),
  params: z.record(z.string(), z.string()),
});

export const interventionTreeSchema = z.object({
  unitCode: z.string(),
  parameters: z.object({
    treatmentCoverage: z.number(),
    preventionCoverage: z.number(),
    wastage: z.number(),
  }),
  /** Children 6–35 months of the districts the unit serves (estimate). */
  children: z.number(),
  from: z.string().describe('YYYY-MM'),
  to: z.string().describe('YYYY-MM'),
  simulatedScreenings: z.boolean(),
  bands: z.array(
    z.object({
      band: z.enum(AGE_BANDS),
      children: z.number(),
      tested: z.number(),
      anemic: z.number(),
      /** anemic ÷ tested, or the unit's all-band rate when the band has no test; null without tests. */
      prevalence: z.number().nullable(),
    }),
  ),
  tree: z
    .object({
      regimenSetId: z.string(),
      pendingClinicalValidation: z.boolean(),
      tests: z.number(),
      // The core always fills every band, and the infants of 4–5 months (preventive iron).
      /** Children starting a course in a year, by band: children in it × 12 ÷ its width in months. */
      entrants: z.record(z.enum(['4-5', ...AGE_BANDS]), z.number()),
      nodes: z.array(interventionNodeSchema),
      products: z.array(
        z.object({
          productCode: z.string(),
          label: z.string(),
          unit: z.string(),
          quantity: z.number(),
        }),
      ),
    })
    .nullable(),
  /** Demand over the round's horizon per catalogue resource, in its dispensing units. */
  demand: z.array(z.object({ resourceCode: z.string(), quantity: z.number() })),
  warnings: z.array(z.string()),
  /** The warnings as codes and values, said in the user's language by the web app. */
  notices: z.array(interventionNoticeSchema),
});

export type InterventionNode = z.infer<typeof interventionNodeSchema>;
export type InterventionNotice = z.infer<typeof interventionNoticeSchema>;
export type InterventionTree = z.infer<typeof interventionTreeSchema>;
