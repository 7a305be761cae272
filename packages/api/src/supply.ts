import {
  DEFAULT_STOCK_RULE_SET,
  STOCK_RULE_SETS,
  type StockRuleSet as CoreRuleSet,
} from '@yawar/core';
import { z } from 'zod';
import { safeText } from './inputs.js';

/**
 * /api/supply: the strategic-resource catalogue and the upload of consumption and stock history
 * (its job is reported at /api/jobs/:id, jobs.ts). The stock status is supply-stock.ts.
 */
export const strategicResourceSchema = z.object({
  code: z.string(),
  name: z.string(),
  form: z.string(),
  concentration: z.string().nullable(),
  dispensingUnit: z.string(),
  packSize: z.number(),
  packDescription: z.string(),
  unitPrice: z.number().nullable(),
  priceSimulated: z.boolean(),
  priceSource: z.string(),
  intervention: z.string(),
  kind: z.string(),
  digemidCode: z.string().nullable(),
  /** In the vital-medicines list (RM 1288-2018/MINSA): a sin-rotación item counts in the DME only then. */
  vital: z.boolean(),
  contentAmount: z.number().nullable(),
  contentUnit: z.string().nullable(),
});

export const strategicResourceListSchema = z.object({ items: z.array(strategicResourceSchema) });

/** POST /api/supply/history/imports: the CSV or XLSX file is the body, its name a parameter. */
export const supplyHistoryImportQuery = z.object({
  fileName: safeText(200).default('historial'),
});

/** The core's rule-set ids as a tuple, for z.enum. */
const ruleSetIds = STOCK_RULE_SETS.map((rules) => rules.id) as [
  CoreRuleSet['id'],
  ...CoreRuleSet['id'][],
];
/** A DIGEMID rule set (versions of Ficha 28) by id; absent: the default, the latest signed. */
export const stockRuleSetParam = z.enum(ruleSetIds).default(DEFAULT_STOCK_RULE_SET.id);

export type StrategicResource = z.infer<typeof strategicResourceSchema>;
export type StrategicResourceList = z.infer<typeof strategicResourceListSchema>;
export type StockRuleSetId = z.output<typeof stockRuleSetParam>;
