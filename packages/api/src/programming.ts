import {
  FORECAST_METHODS,
  OBSERVATION_CRITICALITIES,
  PROGRAMME_ACTIONS,
  PROGRAMME_STATUSES,
} from '@yawar/core';
import { z } from 'zod';
import { calendarDate, visibleText } from './inputs.js';

/**
 * /api/programming: the annual programming of strategic resources. This file holds what the
 * other programming modules share (statuses, methods, a round's parameters) and the rounds
 * themselves; the sheet, the intervention tree, the consolidation and the assistance meetings
 * have a file each (programming-*.ts).
 */
export const programmeStatusSchema = z.enum(PROGRAMME_STATUSES);
export const programmeActionSchema = z.enum(PROGRAMME_ACTIONS);
export const forecastMethodSchema = z.enum(FORECAST_METHODS);
export const observationCriticalitySchema = z.enum(OBSERVATION_CRITICALITIES);

/** A programme, round, observation or meeting id in a path. */
export const programmingIdParams = z.object({ id: z.coerce.number().int().positive() });
export const programmingMonthParam = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM');
/** The programme version the client read: a write names it, a stale one is 409 version_conflict. */
export const programmeVersionField = z.number().int().positive();

/** A round's parameters, as a client sends them (the core re-checks them: parameterProblems). */
export const programmingParametersSchema = z.object({
  horizonMonths: z.number().int().min(1).max(120),
  safetyStockMonths: z.number().min(0).max(60),
  historyWindowMonths: z.number().int().min(1).max(120),
  growthRate: z.number().gt(-1).max(10),
  defaultMethod: forecastMethodSchema,
  holtWinters: z.object({
    alpha: z.number().min(0).max(1),
    beta: z.number().min(0).max(1),
    gamma: z.number().min(0).max(1),
  }),
  /** Intervention-tree targets for lines with method `intervention` (absent: the core's defaults). */
  intervention: z
    .object({
      treatmentCoverage: z.number().min(0).max(1),
      preventionCoverage: z.number().min(0).max(1),
      wastage: z.number().min(0).lt(1),
    })
    .optional(),
});

/** POST /api/programming/rounds: every executing unit gets a draft programme. */
export const newRoundBody = z.object({
  name: visibleText(3, 120),
  fiscalYear: z.number().int().min(2000).max(2100),
  opensOn: calendarDate,
  closesOn: calendarDate,
  /** First month the programmed quantities cover. */
  horizonStart: programmingMonthParam,
  /** Last month of consumption history the computation uses. */
  historyEnd: programmingMonthParam,
  regionalReview: z.boolean(),
  parameters: programmingParametersSchema,
});

export const roundSummarySchema = z.object({
  id: z.number(),
  name: z.string(),
  fiscalYear: z.number(),
  opensOn: z.string().describe('YYYY-MM-DD'),
  closesOn: z.string().describe('YYYY-MM-DD'),
  horizonStart: z.string().describe('YYYY-MM'),
  historyEnd: z.string().describe('YYYY-MM'),
  regionalReview: z.boolean(),
  status: z.enum(['open', 'consolidated']),
  /** The last consolidation; a round stays open while approved programmes may still join. */
  consolidatedAt: z.string().nullable(),
  parameters: programmingParametersSchema,
  // Every status is present (0 when none): the db starts each round's counts from all of them.
  counts: z
    .record(programmeStatusSchema, z.number())
    .describe("Programmes in the caller's scope, by status"),
});

export const programmeSummarySchema = z.object({
  id: z.number(),
  roundId: z.number(),
  unit: z.object({ code: z.string(), name: z.string(), departmentUbigeo: z.string() }),
  status: programmeStatusSchema,
  version: z.number(),
  lineCount: z.number(),
  /** Σ final quantity × price (soles); null when no line has a price. */
  totalCost: z.number().nullable(),
  costSimulated: z.boolean(),
  openObservations: z.number(),
  computedAt: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});

export const roundListSchema = z.object({ rounds: z.array(roundSummarySchema) });
export const roundProgrammesSchema = z.object({
  round: roundSummarySchema,
  programmes: z.array(programmeSummarySchema),
});

/** POST /api/programming/rounds/:id/compute: all draft or returned programmes, or these units. */
export const computeRoundBody = z.object({ unitCodes: z.array(z.string()).optional() }).default({});

export type ProgrammingParameters = z.infer<typeof programmingParametersSchema>;
export type RoundSummary = z.infer<typeof roundSummarySchema>;
export type ProgrammeSummary = z.infer<typeof programmeSummarySchema>;
export type RoundList = z.infer<typeof roundListSchema>;
export type RoundProgrammes = z.infer<typeof roundProgrammesSchema>;
/** The body of POST /api/programming/rounds as a client sends it. */
export type NewRound = z.input<typeof newRoundBody>;
