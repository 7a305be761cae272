import { ALTITUDE_SOURCES, type AltitudeSource } from '@yawar/core';
import { z } from 'zod';
import { calendarDate } from './inputs.js';
import { departmentParam } from './params.js';

/**
 * /api/surveillance/endes and /api/surveillance/altitude-sources: the ENDES and INEI series by
 * method, and where the altitude behind each classification came from. Re-exported by
 * surveillance.ts (this file imports nothing from it, so there is no import cycle).
 */

/** Whether figures rest on imported records, simulated demo records, or both. */
export const dataSourceKindSchema = z.enum(['simulated', 'records', 'mixed']);

export const endesRuleIdSchema = z.enum(['nts-213-2024', 'who-2011']);
/** INEI's two published methods: RM 251-2024/MINSA (since the 2024 report) and the previous one. */
export const ineiMethodSchema = z.enum(['rm-251-2024', 'previous']);
const endesScopeSchema = z.enum(['national', 'department']);

/** A year of the ENDES subsample under one rule: a validation of the rules, not an estimate. */
const endesItemSchema = z.object({
  year: z.number(),
  scope: endesScopeSchema,
  rule: endesRuleIdSchema,
  n: z.number(),
  estimate: z
    .number()
    .nullable()
    .describe('Null when suppressed (fewer than 25 unweighted cases, the DHS convention)'),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
  suppressed: z.boolean(),
  designEffect: z.number().nullable(),
});

/** A figure as INEI published it (official), with its source. */
const ineiFigureSchema = z.object({
  year: z.number(),
  scope: endesScopeSchema,
  areaName: z.string(),
  method: ineiMethodSchema,
  methodLabel: z.string(),
  rule: endesRuleIdSchema,
  value: z.number().describe('Proportion (0–1)'),
  decimals: z
    .union([z.literal(0), z.literal(1)])
    .describe('Decimals of the percentage as published: 0 where only a whole percent is known'),
  publisher: z.string(),
  report: z.string(),
  tablePage: z.string(),
  citedVia: z.string(),
  note: z.string(),
});

export const endesResponseSchema = z.object({
  source: z.string(),
  note: z.string(),
  role: z
    .literal('validation')
    .describe(
      'The subsample validates the rules; it is not an estimate (national or departmental)',
    ),
  series: z.array(
    z.object({ rule: endesRuleIdSchema, method: ineiMethodSchema, label: z.string() }),
  ),
  items: z.array(endesItemSchema),
  officialSource: z.string(),
  official: z.array(ineiFigureSchema),
});

export const altitudeSourcesQuery = (defaultDepartment: string) =>
  z.object({
    department: departmentParam(defaultDepartment),
    area: z
      .enum(['department', 'province', 'district', 'network', 'establishment'])
      .default('district'),
    from: calendarDate.optional(),
    to: calendarDate.optional(),
    // Months of age, as the prevalence's (surveillance.ts).
    ageFrom: z.coerce.number().int().min(6).max(59).default(6),
    ageTo: z.coerce.number().int().min(6).max(59).default(59),
  });

const altitudeSourceSchema = z.enum(ALTITUDE_SOURCES);
/** One number per altitude source, in the core's order (screening/altitude-chain.ts). */
const perSource = z.object(
  Object.fromEntries(ALTITUDE_SOURCES.map((s) => [s, z.number()])) as Record<
    AltitudeSource,
    z.ZodNumber
  >,
);

const altitudeSourcesItemSchema = z.object({
  areaCode: z.string(),
  areaName: z.string(),
  n: z.number(),
  counts: perSource,
  shares: perSource.describe('Proportions (0–1) of `n`; they add up to 1'),
  simulatedShare: z.number(),
});

export const altitudeSourcesResponseSchema = z.object({
  area: z.enum(['department', 'province', 'district', 'network', 'establishment']),
  dataSource: dataSourceKindSchema,
  sources: z.array(altitudeSourceSchema),
  note: z.string(),
  items: z.array(altitudeSourcesItemSchema),
});

export type DataSourceKind = z.infer<typeof dataSourceKindSchema>;
export type EndesRuleId = z.infer<typeof endesRuleIdSchema>;
export type IneiMethod = z.infer<typeof ineiMethodSchema>;
export type EndesItem = z.infer<typeof endesItemSchema>;
export type IneiFigure = z.infer<typeof ineiFigureSchema>;
export type EndesResponse = z.infer<typeof endesResponseSchema>;
export type AltitudeSourcesItem = z.infer<typeof altitudeSourcesItemSchema>;
export type AltitudeSourcesResponse = z.infer<typeof altitudeSourcesResponseSchema>;
