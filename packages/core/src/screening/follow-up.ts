import { classifyHb } from '../hemoglobin/classify.js';
import type { AnemiaLevel, HbRuleSet } from '../hemoglobin/rule-sets.js';

/**
 * Follow-up of children found anemic: the control tests the norm expects after the diagnosis and
 * whether they happened. Schedules are versioned data, like the hemoglobin rule sets: a deployment
 * picks one (YAWAR_FOLLOW_UP_SCHEDULE), every response names the one it applied, and a correction
 * is a new id or version, never an edit of published numbers. Both schedules below are PENDING
 * CLINICAL VALIDATION: their numbers are transcriptions, to be checked against the norm's PDF by
 * the DIRESA's nutrition lead before the lists are used to call children back.
 * Sources and reasoning: docs/methods/follow-up.md.
 */
export interface FollowUpSchedule {
  readonly id: string;
  readonly version: number;
  readonly title: string;
  /** The norm, article or table, and the publisher's URL. */
  readonly source: string;
  readonly validation: 'pending_clinical_validation' | 'validated';
  /** Days after the diagnostic test when a control is due. */
  readonly controlsAfterDays: readonly number[];
  /** A control counts for a due date if done within this many days either side of it. */
  readonly toleranceDays: number;
  /** With this many consecutive controls missed, the child is lost to follow-up. */
  readonly lostAfterMissed: number;
}

const NTS_213 =
  'NTS N.° 213-MINSA/DGIESP-2024, approved by RM N.° 251-2024/MINSA (https://www.gob.pe/institucion/minsa/normas-legales/5440166-251-2024-minsa; PDF mirror https://www.diresapuno.gob.pe/wp-content/uploads/2025/06/NTS-N°-213-MINSA-DGIESP-2024.pdf)';

/**
 * NTS 213 as transcribed: control Hb one month after starting iron treatment, monthly to month 3,
 * and at month 6 (30, 60, 90, 180 days). The schedule Yawar has applied since its first version.
 */
export const FOLLOW_UP_NTS_213: FollowUpSchedule = Object.freeze({
  id: 'nts-213-2024-treatment',
  version: 1,
  title: 'NTS 213, tratamiento: control de Hb a 1, 2, 3 y 6 meses',
  source: `${NTS_213}, treatment of anemia in children 6–59 months, Hb controls during iron treatment: one month after the start, monthly to month 3, and at month 6 (as transcribed; the article and table are to be confirmed against the PDF).`,
  validation: 'pending_clinical_validation',
  controlsAfterDays: [30, 60, 90, 180],
  toleranceDays: 15,
  lostAfterMissed: 2,
});

/**
 * Controls at 1, 3 and 6 months after starting treatment (30, 90 and 180 days): the schedule of
 * the repealed NTS N.° 134-MINSA/2017/DGIESP (RM N.° 250-2017/MINSA), which historical HIS/SIEN
 * records follow and the simulated data imitates. For deployments that read the controls this way.
 */
export const FOLLOW_UP_NTS_134_1_3_6: FollowUpSchedule = Object.freeze({
  id: 'nts-134-2017-treatment-1-3-6',
  version: 1,
  title: 'NTS 134 (histórica), tratamiento: control de Hb a 1, 3 y 6 meses',
  source:
    'NTS N.° 134-MINSA/2017/DGIESP, approved by RM N.° 250-2017/MINSA and repealed by RM N.° 251-2024/MINSA: treatment of anemia in children, Hb at 1, 3 and 6 months of treatment (not yet checked against the PDF).',
  validation: 'pending_clinical_validation',
  controlsAfterDays: [30, 90, 180],
  toleranceDays: 15,
  lostAfterMissed: 2,
});

export const FOLLOW_UP_SCHEDULES: readonly FollowUpSchedule[] = [
  FOLLOW_UP_NTS_213,
  FOLLOW_UP_NTS_134_1_3_6,
];
export const DEFAULT_FOLLOW_UP_SCHEDULE = FOLLOW_UP_NTS_213;

/**
 * The follow-up lists are of children 6 to 59 months old (NTS 213's population for anemia
 * treatment, see NTS_213 above): a child who has turned 60 months by the list's date leaves it.
 */
export const FOLLOW_UP_AGE_MONTHS = Object.freeze({ min: 6, max: 59 });

/** Whole months from birth to `asOf` (both YYYY-MM-DD), as a calendar reads them. */
export function ageInMonths(birthDate: string, asOf: string): number {
  const [by = 0, bm = 0, bd = 0] = birthDate.split('-').map(Number);
  const [ty = 0, tm = 0, td = 0] = asOf.split('-').map(Number);
  return Math.max(0, (ty - by) * 12 + (tm - bm) - (td < bd ? 1 : 0));
}

/** Whether a child born on `birthDate` belongs on a follow-up list dated `today`. */
export function inFollowUpAge(birthDate: string, today: string): boolean {
  const age = ageInMonths(birthDate, today);
  return age >= FOLLOW_UP_AGE_MONTHS.min && age <= FOLLOW_UP_AGE_MONTHS.max;
}

export function followUpSchedule(id: string): FollowUpSchedule | null {
  return FOLLOW_UP_SCHEDULES.find((schedule) => schedule.id === id) ?? null;
}

export interface ChildTest {
  readonly testDate: string;
  readonly ageMonths: number;
  readonly hbTenths: number;
  readonly altitudeM: number;
  readonly supplementationCode: string | null;
}

export type FollowUpStatus = 'on_track' | 'overdue' | 'lost' | 'completed';

export interface ControlDue {
  readonly dueDate: string;
  readonly doneOn: string | null;
  readonly level: AnemiaLevel | null;
}

export interface FollowUp {
  readonly diagnosisDate: string;
  readonly diagnosisLevel: AnemiaLevel;
  readonly controls: readonly ControlDue[];
  readonly nextDue: string | null;
  readonly status: FollowUpStatus;
  /** Any test of the episode carries a supplementation (treatment) code. */
  readonly treatmentRecorded: boolean;
  readonly lastLevel: AnemiaLevel;
}

const DAY = 86_400_000;
const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/**
 * The follow-up of a child's latest anemia episode: the first anemic test not already inside an
 * earlier episode's window. Null when the child was never found anemic under the rule.
 */
export function followUpOf(
  tests: readonly ChildTest[],
  rule: HbRuleSet,
  today: string,
  schedule = FOLLOW_UP_NTS_213,
): FollowUp | null {
  const sorted = [...tests].sort((a, b) => a.testDate.localeCompare(b.testDate));
  const level = (t: ChildTest): AnemiaLevel | null => {
    const result = classifyHb(
      { ageMonths: t.ageMonths, hbGdl: t.hbTenths / 10, altitudeM: t.altitudeM },
      rule,
    );
    return result.ok ? result.level : null;
  };
  const windowDays = Math.max(...schedule.controlsAfterDays) + schedule.toleranceDays;
  let diagnosis: ChildTest | null = null;
  for (const test of sorted) {
    const inWindow = diagnosis !== null && test.testDate <= addDays(diagnosis.testDate, windowDays);
    const testLevel = level(test);
    if (!inWindow && testLevel !== null && testLevel !== 'none') diagnosis = test;
  }
  if (!diagnosis) return null;
  const start = diagnosis;
  const episode = sorted.filter(
    (t) => t.testDate > start.testDate && t.testDate <= addDays(start.testDate, windowDays),
  );
  const used = new Set<ChildTest>();
  const controls = schedule.controlsAfterDays.map((days): ControlDue => {
    const dueDate = addDays(start.testDate, days);
    const match = episode.find(
      (t) =>
        !used.has(t) &&
        Math.abs(Date.parse(t.testDate) - Date.parse(dueDate)) <= schedule.toleranceDays * DAY,
    );
    if (match) used.add(match);
    return { dueDate, doneOn: match?.testDate ?? null, level: match ? level(match) : null };
  });
  // A control done later supersedes the ones missed before it: the child came back, and what
  // is owed is only what was missed since (issue #10: controls 3 and 4 done, 1 and 2 missed, is
  // completed, not overdue with a "next" control 18 months in the past).
  const lastDone = controls.reduce((at, c, index) => (c.doneOn !== null ? index : at), -1);
  const missed = controls.filter(
    (c, index) =>
      index > lastDone && c.doneOn === null && addDays(c.dueDate, schedule.toleranceDays) < today,
  );
  const consecutiveMissed = trailingMissed(controls, today, schedule.toleranceDays);
  const pending = controls.find(
    (c) => c.doneOn === null && addDays(c.dueDate, schedule.toleranceDays) >= today,
  );
  const last = [start, ...episode].at(-1) ?? start;
  const status: FollowUpStatus =
    consecutiveMissed >= schedule.lostAfterMissed
      ? 'lost'
      : missed.length > 0
        ? 'overdue'
        : pending
          ? 'on_track'
          : 'completed';
  return {
    diagnosisDate: start.testDate,
    diagnosisLevel: level(start) ?? 'mild',
    controls,
    nextDue: pending?.dueDate ?? missed[0]?.dueDate ?? null,
    status,
    treatmentRecorded: [start, ...episode].some(
      (t) => t.supplementationCode !== null && t.supplementationCode !== '',
    ),
    lastLevel: level(last) ?? 'mild',
  };
}

/** Controls missed at the end of the schedule so far (a later control resets the count). */
function trailingMissed(controls: readonly ControlDue[], today: string, tolerance: number): number {
  let count = 0;
  for (const control of controls) {
    if (addDays(control.dueDate, tolerance) >= today) break;
    count = control.doneOn === null ? count + 1 : 0;
  }
  return count;
}
