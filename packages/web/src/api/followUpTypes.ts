// Shapes of GET /api/establishments/{code}/follow-up: children found anemic and the control tests
// the schedule expects after the diagnosis (see docs/methods/follow-up.md).
import type { RuleId } from './surveillanceTypes';

export const FOLLOW_UP_STATUSES = ['lost', 'overdue', 'on_track', 'completed'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export type AnemiaLevel = 'none' | 'mild' | 'moderate' | 'severe';

export interface FollowUpControl {
  /** `YYYY-MM-DD`, as every date of this response. */
  dueDate: string;
  doneOn: string | null;
  /** Null when not done (or the test could not be classified). */
  level: AnemiaLevel | null;
}

export interface FollowUpItem {
  /** The start of the child's pseudonym (12 characters at most): never a document number. */
  childRef: string;
  sex: 'F' | 'M';
  birthDate: string;
  establishmentCode: string;
  simulated: boolean;
  diagnosisDate: string;
  diagnosisLevel: Exclude<AnemiaLevel, 'none'>;
  lastLevel: AnemiaLevel;
  /** One per control of the schedule (`schedule.controlsAfterDays` after the diagnosis). */
  controls: FollowUpControl[];
  nextDue: string | null;
  status: FollowUpStatus;
  /** Inferred from the supplementation code of the tests; iron deliveries are not imported. */
  treatmentRecorded: boolean;
}

export interface FollowUpSchedule {
  id: string;
  version: number;
  title: string;
  source: string;
  validation: 'pending_clinical_validation' | 'validated';
  /** Days after the diagnostic test when each control is due. */
  controlsAfterDays: number[];
  /** A control counts if done within this many days either side of its due date. */
  toleranceDays: number;
  lostAfterMissed: number;
}

export interface FollowUpResponse {
  establishment: {
    code: string;
    name: string;
    /** Its red and microred (RENAES), null when it has none. */
    network?: string | null;
    microred?: string | null;
  };
  rule: RuleId;
  /** The follow-up schedule the server applied (versioned data, chosen per deployment). */
  schedule: FollowUpSchedule;
  /** The as-of date the statuses were computed for. */
  today: string;
  /** Counts of the returned items only: ask without `status` to get all four. */
  counts: Record<FollowUpStatus, number>;
  simulated: boolean;
  /** Lost first, then overdue, on track and completed; by next due date within each. */
  items: FollowUpItem[];
}
