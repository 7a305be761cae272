import { DEFAULT_HB_RULE_SET } from '@yawar/core';
import { z } from 'zod';
import { calendarDate } from './inputs.js';
import { anemiaLevelSchema, hbRuleIdSchema } from './surveillance.js';

/**
 * GET /api/establishments/{code}/follow-up: children found anemic and the control tests the
 * schedule expects after the diagnosis (docs/methods/follow-up.md). Individual, pseudonymised
 * records: `children:read` within the caller's scope. Every date is `YYYY-MM-DD`.
 */
export const followUpStatusSchema = z.enum(['on_track', 'overdue', 'lost', 'completed']);

export const followUpQuery = z.object({
  rule: hbRuleIdSchema.default(DEFAULT_HB_RULE_SET.id),
  status: followUpStatusSchema.optional(),
  today: calendarDate.optional().describe('Evaluate as of this date (default today)'),
});

const followUpControlSchema = z.object({
  dueDate: z.string(),
  doneOn: z.string().nullable(),
  level: anemiaLevelSchema.nullable().describe('Null when not done or not classifiable'),
});

/** In the order the server builds it (the episode, then who the child is). */
const followUpItemSchema = z.object({
  diagnosisDate: z.string(),
  diagnosisLevel: anemiaLevelSchema.describe('The level of the diagnostic test (never none)'),
  controls: z
    .array(followUpControlSchema)
    .readonly()
    .describe('One per control of the schedule (`schedule.controlsAfterDays` after diagnosis)'),
  nextDue: z.string().nullable(),
  status: followUpStatusSchema,
  treatmentRecorded: z
    .boolean()
    .describe('Inferred from the supplementation code of the tests; deliveries are not imported'),
  lastLevel: anemiaLevelSchema,
  childRef: z
    .string()
    .describe("The start of the child's pseudonym (12 characters at most): never a document"),
  sex: z.enum(['F', 'M']),
  birthDate: z.string(),
  establishmentCode: z.string(),
  simulated: z.boolean(),
});

/** The schedule the server applied: versioned data, chosen per deployment. */
const followUpScheduleSchema = z.object({
  id: z.string(),
  version: z.number(),
  title: z.string(),
  source: z.string(),
  validation: z.enum(['pending_clinical_validation', 'validated']),
  controlsAfterDays: z
    .array(z.number())
    .readonly()
    .describe('Days after the diagnostic test of each control'),
  toleranceDays: z.number().describe('A control counts if done within this many days of its date'),
  lostAfterMissed: z.number(),
});

export const followUpResponseSchema = z.object({
  establishment: z.object({
    code: z.string(),
    name: z.string(),
    network: z.string().nullable().describe('Its red (RENAES), null when it has none'),
    microred: z.string().nullable(),
  }),
  rule: hbRuleIdSchema,
  schedule: followUpScheduleSchema,
  today: z.string().describe('The as-of date of the statuses'),
  counts: z
    .object({ on_track: z.number(), overdue: z.number(), lost: z.number(), completed: z.number() })
    .describe('Counts of the whole list, whatever `status` narrows the items to'),
  simulated: z.boolean().describe('Some returned item is simulated demo data'),
  items: z
    .array(followUpItemSchema)
    .describe('Lost first, then overdue, on track and completed; by next due date within each'),
});

export type FollowUpStatus = z.infer<typeof followUpStatusSchema>;
export type FollowUpControl = z.infer<typeof followUpControlSchema>;
export type FollowUpItem = z.infer<typeof followUpItemSchema>;
export type FollowUpSchedule = z.infer<typeof followUpScheduleSchema>;
export type FollowUpResponse = z.infer<typeof followUpResponseSchema>;
