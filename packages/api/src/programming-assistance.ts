import { z } from 'zod';
import { calendarDate, safeText, visibleText } from './inputs.js';
import { programmeStatusSchema, programmingIdParams } from './programming.js';

/**
 * /api/programming/rounds/:id/meetings and /api/programming/meetings/:id/participants/:unitCode:
 * technical-assistance meetings of a round, groups of units, attendance and feedback.
 */
// An executing unit's SIAF code.
const unitCode = z.string().regex(/^[1-9]\d{0,5}$/);
export const meetingModalitySchema = z.enum(['in_person', 'virtual']);

export const meetingParticipantSchema = z.object({
  unit: z.object({ code: z.string(), name: z.string() }),
  attended: z.boolean().nullable(),
  feedback: z.string().nullable(),
  programmeId: z.number().nullable(),
  programmeStatus: programmeStatusSchema.nullable(),
  /** Observations on the unit's programme, and how many were addressed before approval. */
  observations: z.number(),
  addressedBeforeApproval: z.number(),
});

export const meetingSchema = z.object({
  id: z.number(),
  roundId: z.number(),
  groupName: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  modality: meetingModalitySchema,
  place: z.string().nullable(),
  participants: z.array(meetingParticipantSchema),
});

export const meetingListSchema = z.object({ meetings: z.array(meetingSchema) });

export const newMeetingBody = z.object({
  groupName: visibleText(2, 120),
  startsOn: calendarDate,
  endsOn: calendarDate,
  modality: meetingModalitySchema,
  place: safeText(200).nullable(),
  unitCodes: z.array(unitCode).min(1).max(500),
});

export const meetingParticipantParams = programmingIdParams.extend({ unitCode });
export const meetingParticipantPatchBody = z.object({
  attended: z.boolean().nullable(),
  feedback: safeText(4000).nullable(),
});

export type MeetingModality = z.infer<typeof meetingModalitySchema>;
export type MeetingParticipant = z.infer<typeof meetingParticipantSchema>;
export type Meeting = z.infer<typeof meetingSchema>;
export type MeetingList = z.infer<typeof meetingListSchema>;
export type NewMeeting = z.input<typeof newMeetingBody>;
export type ParticipantPatch = z.input<typeof meetingParticipantPatchBody>;
