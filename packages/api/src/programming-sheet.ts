import { z } from 'zod';
import { fileResponse, MEDIA_TYPES } from './common.js';
import { formulaStepSchema } from './formula-steps.js';
import { safeText, visibleText } from './inputs.js';
import {
  forecastMethodSchema,
  observationCriticalitySchema,
  programmeActionSchema,
  programmeStatusSchema,
  programmeSummarySchema,
  programmeVersionField,
  programmingIdParams,
  roundSummarySchema,
} from './programming.js';

/**
 * /api/programming/programmes/:id and /api/programming/observations/:id: one unit's programming
 * sheet, its line edits, workflow actions, review observations, and the sheet out to Excel and
 * back. Every write names the version read and answers with the whole sheet again.
 */
export const programmeLineParams = programmingIdParams.extend({
  resourceCode: z.string().min(1).max(40),
});

/** In-sample fit of a forecast method (one-step-ahead); null when not computable (e.g. cpma). */
export const forecastErrorsSchema = z
  .object({
    mape: z.number().nullable(),
    wape: z.number().nullable(),
    rmse: z.number(),
    mse: z.number(),
    rSquared: z.number().nullable(),
    n: z.number(),
  })
  .nullable();

// The core's codes (LineNotice): a code added there and not here fails the server's type check.
const lineNoticeSchema = z.object({
  code: z.enum([
    'months_interpolated',
    'whole_month_stockout',
    'no_history',
    'intervention_without_tree',
    'method_short_of_data',
    'stock_unreported',
    'horizon_gap',
    'horizon_before_history_end',
  ]),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

const monthValue = z.object({ month: z.string(), value: z.number() });

/** The computation of a line, redone from the history on every read. */
export const lineComputationSchema = z.object({
  method: forecastMethodSchema,
  adjustedHistory: z.array(monthValue).readonly(),
  cpma: z.number(),
  monthlyForecast: z.array(monthValue).readonly(),
  demand: z.number(),
  safetyStock: z.number(),
  stockAvailable: z.number(),
  inTransit: z.number(),
  netRequirement: z.number(),
  packs: z.number(),
  quantity: z.number(),
  cost: z.number().nullable(),
  errors: forecastErrorsSchema,
  steps: z.array(formulaStepSchema).readonly(),
  warnings: z.array(z.string()).readonly(),
  /** The warnings as codes and values, said in the user's language by the web app. */
  notices: z.array(lineNoticeSchema).readonly(),
});

export const programmeLineSchema = z.object({
  resourceCode: z.string(),
  resourceName: z.string(),
  dispensingUnit: z.string(),
  packSize: z.number(),
  packDescription: z.string(),
  unitPrice: z.number().nullable(),
  priceSimulated: z.boolean(),
  method: forecastMethodSchema,
  /** What the system computed (dispensing units, a multiple of the pack size). */
  prefillQuantity: z.number(),
  /** What the unit programmes instead, or null to keep the prefill. */
  unitQuantity: z.number().nullable(),
  /** unitQuantity ?? prefillQuantity */
  finalQuantity: z.number(),
  finalPacks: z.number(),
  finalCost: z.number().nullable(),
  justification: z.string().nullable(),
  /** The unit departs from the prefill without a justification of ≥ 10 characters. */
  justificationMissing: z.boolean(),
  /** Consumption history per month (raw, dispensing units) for the sheet's month columns. */
  history: z.array(
    z.object({
      month: z.string(),
      consumption: z.number(),
      stockEnd: z.number().nullable(),
      stockoutDays: z.number(),
    }),
  ),
  computation: lineComputationSchema,
  /**
   * Every method on the same history (QAT Compare-and-Select): the quantity it would give, the
   * method actually used (one short of data falls back to cpma) and its in-sample fit.
   */
  alternatives: z
    .array(
      z.object({
        method: forecastMethodSchema,
        usedMethod: forecastMethodSchema,
        quantity: z.number(),
        errors: forecastErrorsSchema,
      }),
    )
    .readonly(),
  /** The stored prefill no longer matches a recomputation (history changed since). */
  stale: z.boolean(),
});

export const observationStatusSchema = z.enum(['open', 'addressed', 'resolved']);

export const observationSchema = z.object({
  id: z.number(),
  /** Null: on the whole programme. */
  resourceCode: z.string().nullable(),
  criticality: observationCriticalitySchema,
  note: z.string(),
  status: observationStatusSchema,
  response: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  addressedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  /** Programme version when it was made (which review round). */
  programmeVersion: z.number(),
});

export const programmeEventSchema = z.object({
  id: z.number(),
  version: z.number(),
  // Text in the db: a workflow action or `consolidate` (the web app names those it knows).
  action: z.string(),
  fromStatus: programmeStatusSchema,
  toStatus: programmeStatusSchema,
  note: z.string().nullable(),
  actor: z.string(),
  at: z.string(),
});

export const programmeSheetSchema = z.object({
  programme: programmeSummarySchema,
  round: roundSummarySchema,
  /** Actions the caller may take now (permission and status; preconditions checked on POST). */
  availableActions: z.array(programmeActionSchema),
  /** The caller may edit lines now (programming:edit and status draft/returned). */
  editable: z.boolean(),
  /** The caller may add and resolve observations now (programming:review, status in_review). */
  canReview: z.boolean(),
  /** History months shown as columns, oldest first (YYYY-MM). */
  months: z.array(z.string()),
  lines: z.array(programmeLineSchema),
  observations: z.array(observationSchema),
  events: z.array(programmeEventSchema),
  simulatedHistory: z.boolean(),
});

/** PATCH …/lines/:resourceCode (draft or returned): 409 version_conflict, 409 not_editable. */
export const lineUpdateBody = z.object({
  version: programmeVersionField,
  unitQuantity: z.number().min(0).max(1e12).nullable(),
  justification: safeText(2000).nullable(),
  method: forecastMethodSchema,
});

/**
 * POST …/{submit|validate|return|approve}: 409 version_conflict or invalid_transition, 422
 * transition_blocked with details.problems (the core's TransitionProblem).
 */
export const transitionBody = z.object({
  version: programmeVersionField,
  note: safeText(2000).nullable().optional(),
});

/** POST …/observations (programming:review); resourceCode null: on the whole programme. */
export const newObservationBody = z.object({
  version: programmeVersionField,
  resourceCode: z.string().min(1).max(40).nullable(),
  criticality: observationCriticalitySchema,
  note: visibleText(3, 2000),
});

export const addressObservationBody = z.object({
  version: programmeVersionField,
  response: visibleText(3, 2000),
});
export const resolveObservationBody = z.object({ version: programmeVersionField });

/** POST …/import?version=N: the sheet's Excel layout back; all rows or none (422 import_invalid). */
export const sheetImportQuery = z.object({ version: z.coerce.number().int().positive() });

export const sheetExportResponse = fileResponse(
  MEDIA_TYPES.xlsx,
  'The programming sheet in the layout POST …/import reads back, with a sheet saying whose figures these are',
);

export type ForecastErrors = NonNullable<z.infer<typeof forecastErrorsSchema>>;
export type LineNotice = z.infer<typeof lineNoticeSchema>;
export type LineComputation = z.infer<typeof lineComputationSchema>;
export type ProgrammeLine = z.infer<typeof programmeLineSchema>;
export type ObservationStatus = z.infer<typeof observationStatusSchema>;
export type Observation = z.infer<typeof observationSchema>;
export type ProgrammeEvent = z.infer<typeof programmeEventSchema>;
export type ProgrammeSheet = z.infer<typeof programmeSheetSchema>;
export type LineUpdate = z.input<typeof lineUpdateBody>;
export type TransitionRequest = z.input<typeof transitionBody>;
export type NewObservation = z.input<typeof newObservationBody>;
