import { describe, expect, it } from 'vitest';
import { NTS_213_2024 } from '../hemoglobin/rule-sets.js';
import {
  DEFAULT_FOLLOW_UP_SCHEDULE,
  FOLLOW_UP_NTS_134_1_3_6,
  FOLLOW_UP_SCHEDULES,
  ageInMonths,
  followUpOf,
  inFollowUpAge,
  followUpSchedule,
  type ChildTest,
} from './follow-up.js';

// A child of 12 months at sea level: 9.8 g/dL is mild anemia (NTS 213: 9.5–10.4), 11.0 is none.
const test = (
  testDate: string,
  hb: number,
  supplementationCode: string | null = null,
): ChildTest => ({
  testDate,
  ageMonths: 12,
  hbTenths: Math.round(hb * 10),
  altitudeM: 0,
  supplementationCode,
});

describe('follow-up of an anemic child (controls at 30, 60, 90 and 180 days, ±15)', () => {
  it('is on track while the next control is not yet due', () => {
    const result = followUpOf([test('2025-01-10', 9.8, '99199.17')], NTS_213_2024, '2025-02-01');
    expect(result).toMatchObject({
      diagnosisDate: '2025-01-10',
      diagnosisLevel: 'mild',
      status: 'on_track',
      nextDue: '2025-02-09',
      treatmentRecorded: true,
    });
    expect(result?.controls.map((c) => c.dueDate)).toEqual([
      '2025-02-09',
      '2025-03-11',
      '2025-04-10',
      '2025-07-09',
    ]);
  });

  it('is overdue when a control was missed, lost after two in a row, completed when all were done', () => {
    const diagnosed = [test('2025-01-10', 9.8)];
    expect(followUpOf(diagnosed, NTS_213_2024, '2025-02-25')?.status).toBe('overdue');
    expect(followUpOf(diagnosed, NTS_213_2024, '2025-03-27')?.status).toBe('lost');
    const all = [
      ...diagnosed,
      test('2025-02-12', 10.2),
      test('2025-03-10', 10.6),
      test('2025-04-12', 10.9),
      test('2025-07-01', 11.3),
    ];
    const done = followUpOf(all, NTS_213_2024, '2025-08-01');
    expect(done).toMatchObject({
      status: 'completed',
      lastLevel: 'none',
      nextDue: null,
      treatmentRecorded: false,
    });
    expect(done?.controls.map((c) => c.doneOn)).toEqual([
      '2025-02-12',
      '2025-03-10',
      '2025-04-12',
      '2025-07-01',
    ]);
  });

  it('a control done late still resets the run of missed ones', () => {
    const tests = [test('2025-01-10', 9.8), test('2025-03-12', 10.4)]; // 1st missed, 2nd done
    expect(followUpOf(tests, NTS_213_2024, '2025-04-30')?.status).toBe('overdue');
  });

  it('is null for a child never found anemic, and starts a new episode after the window', () => {
    expect(followUpOf([test('2025-01-10', 11.5)], NTS_213_2024, '2025-06-01')).toBeNull();
    const later = followUpOf(
      [test('2024-01-10', 9.8), test('2024-02-09', 11.2), test('2025-03-01', 9.9)],
      NTS_213_2024,
      '2025-03-15',
    );
    expect(later?.diagnosisDate).toBe('2025-03-01');
  });
});

describe('follow-up schedules as versioned data', () => {
  it('offers the 30/60/90/180-day and the 1–3–6-month schedules, each cited and pending validation', () => {
    expect(FOLLOW_UP_SCHEDULES.map((s) => [s.id, s.controlsAfterDays])).toEqual([
      ['nts-213-2024-treatment', [30, 60, 90, 180]],
      ['nts-134-2017-treatment-1-3-6', [30, 90, 180]],
    ]);
    for (const schedule of FOLLOW_UP_SCHEDULES) {
      expect(schedule.validation).toBe('pending_clinical_validation');
      expect(schedule.source).toMatch(/NTS N\.° \d+-MINSA/);
      expect(schedule.source).toMatch(/RM N\.° \d+-20\d\d\/MINSA/);
      expect(Object.isFrozen(schedule)).toBe(true);
    }
    expect(new Set(FOLLOW_UP_SCHEDULES.map((s) => s.id)).size).toBe(FOLLOW_UP_SCHEDULES.length);
    expect(DEFAULT_FOLLOW_UP_SCHEDULE.id).toBe('nts-213-2024-treatment');
    expect(followUpSchedule('nts-134-2017-treatment-1-3-6')).toBe(FOLLOW_UP_NTS_134_1_3_6);
    expect(followUpSchedule('monthly')).toBeNull();
  });

  it('the chosen schedule decides the due dates and the status', () => {
    const tests = [test('2025-01-10', 9.8), test('2025-02-10', 10.0), test('2025-04-10', 10.6)];
    const monthly = followUpOf(tests, NTS_213_2024, '2025-05-01');
    const oneThreeSix = followUpOf(tests, NTS_213_2024, '2025-05-01', FOLLOW_UP_NTS_134_1_3_6);
    // Day 60 (2025-03-11) has no test: overdue under the monthly schedule once its window has
    // closed, not under 1–3–6 (whose second control is day 90)...
    const beforeDay90 = tests.slice(0, 2);
    expect(followUpOf(beforeDay90, NTS_213_2024, '2025-03-30')?.status).toBe('overdue');
    expect(
      followUpOf(beforeDay90, NTS_213_2024, '2025-03-30', FOLLOW_UP_NTS_134_1_3_6)?.status,
    ).toBe('on_track');
    // ...and once day 90's control is done, the missed day 60 is behind the child (issue #10).
    expect(monthly).toMatchObject({ status: 'on_track', nextDue: '2025-07-09' });
    expect(oneThreeSix).toMatchObject({ status: 'on_track', nextDue: '2025-07-09' });
    expect(oneThreeSix?.controls.map((c) => [c.dueDate, c.doneOn])).toEqual([
      ['2025-02-09', '2025-02-10'],
      ['2025-04-10', '2025-04-10'],
      ['2025-07-09', null],
    ]);
  });
});

describe('issue #10, finding 16: a later control supersedes the missed ones; the list is 6–59 months', () => {
  // Diagnosed 2025-01-10: controls due 02-09, 03-11, 04-10 and 07-09 (±15 days).
  const diagnosed = test('2025-01-10', 9.8, '99199.17');

  it('is completed, with no next control, when controls 3 and 4 were done and 1 and 2 missed', () => {
    const tests = [diagnosed, test('2025-04-12', 10.6), test('2025-07-05', 11.2)];
    // 18 months after control 1 was due.
    const result = followUpOf(tests, NTS_213_2024, '2026-08-09');
    expect(result?.controls.map((c) => c.doneOn)).toEqual([null, null, '2025-04-12', '2025-07-05']);
    expect(result).toMatchObject({ status: 'completed', nextDue: null });
  });

  it('is on track when control 3 was done after two missed and control 4 is still ahead', () => {
    const tests = [diagnosed, test('2025-04-12', 10.6)];
    const result = followUpOf(tests, NTS_213_2024, '2025-05-01');
    expect(result).toMatchObject({ status: 'on_track', nextDue: '2025-07-09' });
  });

  it('is overdue only for a control missed after the last one done, and names that control', () => {
    const tests = [diagnosed, test('2025-02-10', 10.2)];
    // Control 2 (due 03-11) missed, its window closed on 03-26; control 3's window is still open.
    const result = followUpOf(tests, NTS_213_2024, '2025-04-01');
    expect(result).toMatchObject({ status: 'overdue', nextDue: '2025-04-10' });
    // Never a next control before the last one done.
    const late = followUpOf([diagnosed, test('2025-04-12', 10.6)], NTS_213_2024, '2025-04-20');
    expect(late?.nextDue).toBe('2025-07-09');
  });

  it('counts whole calendar months of age, and keeps children of 6 to 59 months only', () => {
    expect(ageInMonths('2021-03-15', '2026-03-14')).toBe(59);
    expect(ageInMonths('2021-03-15', '2026-03-15')).toBe(60);
    expect(ageInMonths('2021-03-15', '2026-05-20')).toBe(62);
    expect(inFollowUpAge('2021-03-15', '2026-03-14')).toBe(true);
    expect(inFollowUpAge('2021-03-15', '2026-03-15')).toBe(false);
    expect(inFollowUpAge('2021-03-15', '2026-05-20')).toBe(false);
    expect(inFollowUpAge('2025-09-01', '2026-03-01')).toBe(true);
    expect(inFollowUpAge('2025-09-02', '2026-03-01')).toBe(false);
  });
});
