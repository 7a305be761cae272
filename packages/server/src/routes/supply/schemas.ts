import { STOCK_AREA_LEVELS, STOCK_RULE_SETS } from '@yawar/core';
import { z } from 'zod';

/** Response shapes of /api/supply (the web app's copy: packages/web/src/api/supplyTypes.ts). */

export const ruleSetIds = STOCK_RULE_SETS.map((r) => r.id) as [
  (typeof STOCK_RULE_SETS)[number]['id'],
  ...(typeof STOCK_RULE_SETS)[number]['id'][],
];
export const monthParam = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM')
  .describe('Month evaluated, YYYY-MM (default: the latest month with data)');

export const resourceSchema = z.object({
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

const stockClass = z.enum([
  'desabastecido',
  'sin_rotacion',
  'substock',
  'normostock',
  'sobrestock',
  'sin_dato',
]);
const level = z.enum(['optimo', 'alto', 'regular', 'bajo']).nullable();
const counts = z.object({
  desabastecido: z.number(),
  sin_rotacion: z.number(),
  substock: z.number(),
  normostock: z.number(),
  sobrestock: z.number(),
  sin_dato: z.number(),
});
const area = z.object({ code: z.string(), name: z.string() });

export const ruleSetSchema = z.object({
  id: z.enum(ruleSetIds),
  title: z.string(),
  source: z.string(),
  status: z.string(),
  medDecimals: z.number().nullable(),
  substockBelow: z.number(),
  sobrestockAbove: z.number(),
  cpmaWindowMonths: z.number(),
  sinRotacion: z.enum(['all', 'vital_only', 'none']),
  largeVolume: z.object({ fromLitres: z.number(), availableFromMonths: z.number() }).nullable(),
  isDefault: z.boolean(),
});

export const areaItemSchema = z.object({
  areaCode: z.string(),
  areaName: z.string(),
  establishments: z.number(),
  establishmentsEvaluated: z.number(),
  evaluated: z.number(),
  available: z.number(),
  ratio: z.number().nullable(),
  level,
  counts,
  simulated: z.boolean(),
});

export const establishmentPointSchema = z.object({
  code: z.string(),
  name: z.string(),
  category: z.string(),
  districtName: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  network: area.nullable(),
  microred: area.nullable(),
  executingUnit: area,
  evaluated: z.number(),
  available: z.number(),
  ratio: z.number().nullable(),
  level,
  counts,
  simulated: z.boolean(),
});

const formulas = z.object({
  cpma: z.string(),
  med: z.string(),
  classes: z.string(),
  availability: z.string(),
  aggregation: z.string(),
  levels: z.string(),
});

export const stockStatusSchema = z.object({
  department: z.string(),
  month: z.string().nullable(),
  latestMonth: z.string().nullable(),
  level: z.enum(STOCK_AREA_LEVELS),
  ruleSet: ruleSetSchema,
  ruleSets: z.array(ruleSetSchema),
  availabilityLevels: z.array(z.object({ level: z.string(), from: z.number() })),
  simulated: z.boolean(),
  dataSource: z.string(),
  formula: formulas,
  total: areaItemSchema,
  items: z.array(areaItemSchema),
  establishments: z.array(establishmentPointSchema),
});

const step = z.object({
  key: z.string(),
  formula: z.string(),
  substituted: z.string(),
  value: z.number().nullable(),
  source: z.string(),
});

export const establishmentStockSchema = z.object({
  establishment: establishmentPointSchema.omit({
    evaluated: true,
    available: true,
    ratio: true,
    level: true,
    counts: true,
    simulated: true,
  }),
  month: z.string().nullable(),
  latestMonth: z.string().nullable(),
  ruleSet: ruleSetSchema,
  simulated: z.boolean(),
  dataSource: z.string(),
  formula: formulas,
  evaluated: z.number(),
  available: z.number(),
  ratio: z.number().nullable(),
  level,
  counts,
  products: z.array(
    z.object({
      resourceCode: z.string(),
      name: z.string(),
      dispensingUnit: z.string(),
      stock: z.number().nullable(),
      cpma: z.number(),
      monthsWithConsumption: z.number(),
      consumptionTotal: z.number(),
      window: z.array(z.object({ month: z.string(), consumption: z.number() })),
      med: z.number().nullable(),
      medCompared: z.number().nullable(),
      stockClass,
      /** Vital medicine (RM 1288-2018/MINSA). */
      vital: z.boolean(),
      /** Under the large-volume rule (solutions of 1 L or more, Ficha 28). */
      largeVolume: z.boolean(),
      /** Counts in the availability denominator under the rule set. */
      evaluated: z.boolean(),
      simulated: z.boolean(),
      steps: z.array(step),
    }),
  ),
});

export const importStartedSchema = z.object({ jobId: z.string() });
