import { z } from 'zod';

/**
 * One step of a computation as shown to users: the formula, the same with its live values, the
 * result and the rule's source (the core's FormulaStep). The programming sheet explains each line
 * with these, the stock status each product.
 */
export const formulaStepSchema = z.object({
  /** Stable key (`cpma`, `demand`, `med`, `class`, …) the web app translates. */
  key: z.string(),
  /** The formula in symbols, e.g. `Σ consumo ÷ meses con consumo`. */
  formula: z.string(),
  /** The same formula with numbers, e.g. `1 200 ÷ 10`. */
  substituted: z.string(),
  value: z.number().nullable(),
  /** Source of the rule (document and section). */
  source: z.string(),
});

export type FormulaStep = z.infer<typeof formulaStepSchema>;
