import {
  DEFAULT_HB_RULE_SET,
  HB_RULE_SETS,
  type AnemiaLevel as CoreAnemiaLevel,
  type HbRuleId,
} from '@yawar/core';
import { z } from 'zod';
import { fileResponse, MEDIA_TYPES } from './common.js';
import { calendarDate } from './inputs.js';
import { departmentParam } from './params.js';
import { dataSourceKindSchema } from './surveillance-series.js';

/**
 * /api/surveillance/*: anemia surveillance, aggregated figures only. Prevalences and shares are
 * proportions (0–1); clients turn them into percentages only to show them. The ENDES and INEI
 * series and the altitude sources are in surveillance-series.ts.
 */
export * from './surveillance-series.js';

const ruleIds = HB_RULE_SETS.map((r) => r.id) as [HbRuleId, ...HbRuleId[]];
export const hbRuleIdSchema = z.enum(ruleIds).describe('Hemoglobin rule set');
export const surveillanceAreaSchema = z.enum([
  'department',
  'province',
  'district',
  'network',
  'microred',
  'establishment',
]);
export const surveillancePeriodSchema = z.enum(['all', 'year', 'quarter', 'month']);
export const anemiaLevelSchema = z.enum([
  'none',
  'mild',
  'moderate',
  'severe',
] as const satisfies readonly CoreAnemiaLevel[]);

/** Age in months, within the 6–59 months the surveillance covers. */
const ageMonths = z.coerce.number().int().min(6).max(59);

export const prevalenceQuery = (defaultDepartment: string) =>
  z.object({
    department: departmentParam(defaultDepartment),
    rule: hbRuleIdSchema.default(DEFAULT_HB_RULE_SET.id),
    area: surveillanceAreaSchema.default('district'),
    microred: z
      .string()
      .regex(/^\d{2}\/[^/]+\/[^/]+$/, 'a microred code <department>/<RED>/<MICRORED>')
      .optional()
      .describe(
        'Only the rows of this microred (areas microred and establishment), e.g. 06/CHOTA/CHOTA',
      ),
    period: surveillancePeriodSchema.default('all'),
    from: calendarDate.optional(),
    to: calendarDate.optional(),
    ageFrom: ageMonths.default(6),
    ageTo: ageMonths.default(59),
  });

export const surveillanceExportQuery = (defaultDepartment: string) =>
  prevalenceQuery(defaultDepartment).extend({
    format: z.enum(['xlsx', 'csv']).default('xlsx'),
  });

/** `from`/`to` name the two rule sets here, so the dates travel as `fromDate`/`toDate`. */
export const reclassificationQuery = (defaultDepartment: string) =>
  z.object({
    department: departmentParam(defaultDepartment),
    from: hbRuleIdSchema,
    to: hbRuleIdSchema,
    fromDate: calendarDate.optional(),
    toDate: calendarDate.optional(),
    ageFrom: ageMonths.default(6),
    ageTo: ageMonths.default(59),
  });

const hbRuleSchema = z.object({
  id: hbRuleIdSchema,
  title: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  source: z.string(),
  isDefault: z.boolean(),
});
export const hbRuleListSchema = z.object({ items: z.array(hbRuleSchema) });

const count = z.number().nullable();

/** One area and period. Every count derived from the cases is null when the cell is suppressed. */
const prevalenceItemSchema = z.object({
  areaCode: z.string(),
  areaName: z.string(),
  period: z.string().describe('`2024`, `2024-T1`, `2024-03` or `all`'),
  n: z.number().describe('Children with a first test in the period'),
  cases: count,
  mild: count,
  moderate: count,
  severe: count,
  estimate: count,
  lower: count.describe('Wilson 95 % interval'),
  upper: count,
  suppressed: z.boolean(),
  suppressionReason: z.string().nullable(),
  simulatedShare: z.number().describe('Share of the children whose record is simulated (0–1)'),
  children6to35Months: count.describe('Estimated children 6–35 months (that age window only)'),
  coverage: count.describe('Children tested ÷ estimated children (periods all and year only)'),
  estimatedAnemicChildren: count,
  network: z.string().nullable().describe('Its red (levels network, microred, establishment)'),
  microred: z.string().nullable(),
  microredCode: z.string().nullable(),
});

export const prevalenceResponseSchema = z.object({
  rule: z.object({ id: hbRuleIdSchema, title: z.string(), source: z.string() }),
  area: surveillanceAreaSchema,
  period: surveillancePeriodSchema,
  dataSource: dataSourceKindSchema,
  confidence: z.number().describe('Confidence level of the intervals'),
  suppressionRule: z.object({ id: z.string(), description: z.string() }),
  queryPolicy: z
    .object({
      id: z.string(),
      ageWindows: z.array(z.object({ from: z.number(), to: z.number() })).readonly(),
    })
    .describe('The age windows a caller who may not see individual records may ask for'),
  formula: z.object({ prevalence: z.string(), interval: z.string(), adjustment: z.string() }),
  items: z.array(prevalenceItemSchema),
});

export const reclassificationResponseSchema = z.object({
  from: hbRuleIdSchema,
  to: hbRuleIdSchema,
  total: z.number(),
  changed: z.number(),
  items: z.array(
    z.object({ from: anemiaLevelSchema, to: anemiaLevelSchema, children: z.number() }),
  ),
});

/** The prevalence table as a file: XLSX (with a sheet on sources and method) or CSV. */
export const surveillanceExportResponse = fileResponse(
  [MEDIA_TYPES.xlsx, MEDIA_TYPES.csv],
  'The prevalence table as XLSX (default) or CSV (UTF-8 with BOM), by `format`',
);

export type RuleId = z.infer<typeof hbRuleIdSchema>;
export type AreaLevel = z.infer<typeof surveillanceAreaSchema>;
export type PeriodLevel = z.infer<typeof surveillancePeriodSchema>;
export type HbRule = z.infer<typeof hbRuleSchema>;
export type HbRuleList = z.infer<typeof hbRuleListSchema>;
export type PrevalenceItem = z.infer<typeof prevalenceItemSchema>;
export type PrevalenceResponse = z.infer<typeof prevalenceResponseSchema>;
export type ReclassificationResponse = z.infer<typeof reclassificationResponseSchema>;
export type AnemiaLevel = z.infer<typeof anemiaLevelSchema>;
