import { ESTABLISHMENT_CATEGORIES } from '@yawar/core';
import { z } from 'zod';

/** /api/executing-units/:code: one executing unit (SIAF) with its establishments, within scope. */
export const executingUnitCodeParams = z.object({
  code: z.string().regex(/^[1-9]\d{0,5}$/, 'an executing unit code (SIAF)'),
});

export const executingUnitResponseSchema = z.object({
  unit: z.object({
    code: z.string(),
    name: z.string(),
    parentDirectorate: z.string().nullable(),
    /** Where the unit and its name come from (a MEF or MINSA document). */
    evidence: z.string(),
    departmentUbigeo: z.string(),
  }),
  establishments: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      // The column is text, but every import admits only NTS 021's codes (a missing one is SD).
      category: z.enum(ESTABLISHMENT_CATEGORIES).describe('NTS 021 category; SD = sin dato'),
      network: z.string().nullable(),
      microred: z.string().nullable(),
      districtName: z.string(),
      /** By the category rule, or by an administrator's override. */
      hasLaboratory: z.boolean(),
    }),
  ),
  /** The NTS 021 categories present, with how many establishments each (none with zero). */
  categories: z.array(z.object({ code: z.enum(ESTABLISHMENT_CATEGORIES), count: z.number() })),
});

export type ExecutingUnitResponse = z.infer<typeof executingUnitResponseSchema>;
