import { STOCK_AREA_LEVELS } from '@yawar/core';
import { z } from 'zod';
import { fileResponse, MEDIA_TYPES } from './common.js';
import { formulaStepSchema } from './formula-steps.js';
import { departmentParam, renipressParam } from './params.js';
import { stockRuleSetParam } from './supply.js';

/**
 * /api/supply/stock-status(/export|/establishments/:code): availability and DIGEMID stock
 * classes of a department's establishments as of a month, within the caller's scope, with every
 * formula behind the figures (docs/methods/stock-status.md).
 */
const stockMonthParam = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM')
  .describe('Month evaluated, YYYY-MM (default: the latest month with data)');

export const stockAreaLevelSchema = z.enum(STOCK_AREA_LEVELS);

/** The filters of the stock status; the department's default is the server's configuration. */
export const stockStatusQuery = (defaultDepartment: string) =>
  z.object({
    department: departmentParam(defaultDepartment),
    month: stockMonthParam.optional(),
    ruleSet: stockRuleSetParam,
    level: stockAreaLevelSchema.default('network'),
  });

export const stockExportQuery = (defaultDepartment: string) =>
  stockStatusQuery(defaultDepartment).extend({
    format: z.enum(['xlsx', 'csv']).default('xlsx'),
  });

export const stockEstablishmentParams = z.object({ code: renipressParam });
export const stockEstablishmentQuery = z.object({
  month: stockMonthParam.optional(),
  ruleSet: stockRuleSetParam,
});

export const stockClassSchema = z.enum([
  'desabastecido',
  'sin_rotacion',
  'substock',
  'normostock',
  'sobrestock',
  'sin_dato',
]);
export const availabilityLevelSchema = z.enum(['optimo', 'alto', 'regular', 'bajo']);
/** Every class is counted (0 when none): the core's countClasses starts from all of them. */
const classCounts = z.record(stockClassSchema, z.number());
const namedArea = z.object({ code: z.string(), name: z.string() });

/** A rule set as the API presents it (the core's, with its CPMA window flattened). */
export const stockRuleSetSchema = z.object({
  id: stockRuleSetParam.unwrap(),
  title: z.string(),
  source: z.string(),
  // Every rule set so far is a third party's transcription of the norm [T].
  status: z.literal('transcription'),
  /** Decimals MED is rounded to before comparing; null compares it unrounded. */
  medDecimals: z.number().nullable(),
  substockBelow: z.number(),
  sobrestockAbove: z.number(),
  cpmaWindowMonths: z.number(),
  /** Which sin-rotación items count in the availability denominator. */
  sinRotacion: z.enum(['all', 'vital_only', 'none']),
  /** Liquids of `fromLitres` or more are available from `availableFromMonths` of stock. */
  largeVolume: z.object({ fromLitres: z.number(), availableFromMonths: z.number() }).nullable(),
  isDefault: z.boolean(),
});

/** An area at the chosen level; `areaCode` '' gathers establishments with none assigned. */
export const stockAreaItemSchema = z.object({
  areaCode: z.string(),
  areaName: z.string(),
  establishments: z.number(),
  /** Establishments with at least one product evaluated (those the mean is taken over). */
  establishmentsEvaluated: z.number(),
  evaluated: z.number(),
  available: z.number(),
  /** Mean of its establishments' availability (0–1); null when none was evaluated. */
  ratio: z.number().nullable(),
  level: availabilityLevelSchema.nullable(),
  counts: classCounts,
  simulated: z.boolean(),
});

const establishmentPlace = z.object({
  code: z.string(),
  name: z.string(),
  category: z.string(),
  districtName: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  network: namedArea.nullable(),
  microred: namedArea.nullable(),
  executingUnit: namedArea,
});

export const stockEstablishmentPointSchema = establishmentPlace.extend({
  evaluated: z.number(),
  available: z.number(),
  ratio: z.number().nullable(),
  level: availabilityLevelSchema.nullable(),
  counts: classCounts,
  simulated: z.boolean(),
});

/** The formulas behind every figure, in the users' language (tooltips and exports). */
const stockFormulasSchema = z.object({
  cpma: z.string(),
  med: z.string(),
  classes: z.string(),
  availability: z.string(),
  aggregation: z.string(),
  levels: z.string(),
});

export const stockStatusSchema = z.object({
  department: z.string(),
  /** Null when the department has no history at all. */
  month: z.string().nullable(),
  latestMonth: z.string().nullable(),
  level: stockAreaLevelSchema,
  ruleSet: stockRuleSetSchema,
  ruleSets: z.array(stockRuleSetSchema),
  /** DME levels, highest first: a ratio at or above `from` has that level. */
  availabilityLevels: z.array(z.object({ level: availabilityLevelSchema, from: z.number() })),
  simulated: z.boolean(),
  dataSource: z.string(),
  formula: stockFormulasSchema,
  total: stockAreaItemSchema,
  items: z.array(stockAreaItemSchema),
  establishments: z.array(stockEstablishmentPointSchema),
});

export const productStockSchema = z.object({
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
  stockClass: stockClassSchema,
  /** Vital medicine (RM 1288-2018/MINSA). */
  vital: z.boolean(),
  /** Under the large-volume rule (solutions of 1 L or more, Ficha 28). */
  largeVolume: z.boolean(),
  /** Counts in the availability denominator under the rule set. */
  evaluated: z.boolean(),
  simulated: z.boolean(),
  steps: z.array(formulaStepSchema),
});

/** An establishment's products as of a month (no history: the same shape, nothing evaluated). */
export const establishmentStockSchema = z.object({
  establishment: establishmentPlace,
  month: z.string().nullable(),
  latestMonth: z.string().nullable(),
  ruleSet: stockRuleSetSchema,
  simulated: z.boolean(),
  dataSource: z.string(),
  formula: stockFormulasSchema,
  evaluated: z.number(),
  available: z.number(),
  ratio: z.number().nullable(),
  level: availabilityLevelSchema.nullable(),
  counts: classCounts,
  products: z.array(productStockSchema),
});

export const stockExportResponse = fileResponse(
  [MEDIA_TYPES.xlsx, MEDIA_TYPES.csv],
  'The table of a level: XLSX with a sheet saying where every number comes from, or CSV (UTF-8 with BOM), as `format` asks',
);

export type StockAreaLevel = z.infer<typeof stockAreaLevelSchema>;
export type StockClass = z.infer<typeof stockClassSchema>;
export type AvailabilityLevel = z.infer<typeof availabilityLevelSchema>;
export type ClassCounts = z.infer<typeof classCounts>;
export type NamedArea = z.infer<typeof namedArea>;
export type StockRuleSet = z.infer<typeof stockRuleSetSchema>;
export type StockFormulas = z.infer<typeof stockFormulasSchema>;
export type StockAreaItem = z.infer<typeof stockAreaItemSchema>;
export type StockEstablishmentPoint = z.infer<typeof stockEstablishmentPointSchema>;
export type StockStatusResponse = z.infer<typeof stockStatusSchema>;
export type ProductStock = z.infer<typeof productStockSchema>;
export type EstablishmentStockResponse = z.infer<typeof establishmentStockSchema>;
/** The stock-status filters once the server has applied its defaults. */
export type StockStatusFilters = z.output<ReturnType<typeof stockStatusQuery>>;
