import { FOLLOW_UP_NTS_134_1_3_6 } from '@yawar/core';
import {
  createUser,
  followUpScheduleFromEnv,
  loadSimulatedScreenings,
  systemActor,
} from '@yawar/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, withSession, type TestApp } from '../testing/test-app.js';

describe('YAWAR_FOLLOW_UP_SCHEDULE', () => {
  it('defaults to the NTS 213 30/60/90/180-day schedule and accepts every versioned id', () => {
    expect(followUpScheduleFromEnv({}).id).toBe('nts-213-2024-treatment');
    expect(
      followUpScheduleFromEnv({ YAWAR_FOLLOW_UP_SCHEDULE: ' nts-134-2017-treatment-1-3-6 ' }),
    ).toBe(FOLLOW_UP_NTS_134_1_3_6);
  });

  it('refuses an unknown schedule at start, naming the valid ones', () => {
    expect(() => followUpScheduleFromEnv({ YAWAR_FOLLOW_UP_SCHEDULE: 'monthly' })).toThrow(
      'YAWAR_FOLLOW_UP_SCHEDULE must be one of nts-213-2024-treatment, nts-134-2017-treatment-1-3-6, not "monthly"',
    );
  });
});

describe('the follow-up API applies and returns the deployment schedule', () => {
  let testApp: TestApp;
  let cookie: Record<string, string>;

  beforeAll(async () => {
    testApp = await createTestApp({}, { followUpSchedule: FOLLOW_UP_NTS_134_1_3_6 });
    await loadSimulatedScreenings(testApp.database.db, {
      department: '06',
      children: 1500,
      seed: 5,
      from: '2024-01-01',
      to: '2025-12-31',
    });
    await createUser(testApp.database.db, systemActor('test'), {
      username: 'plan.fu',
      role: 'regional_planner',
      scope: { kind: 'department', code: '06' },
      displayName: 'plan.fu',
      password: 'follow-up-pass',
    });
    cookie = withSession(await loginAs(testApp.app, 'plan.fu', 'follow-up-pass'));
  });

  afterAll(() => testApp.close());

  it('answers with the 1–3–6-month schedule: its id, source, validation status and three controls', async () => {
    const busiest = await testApp.database.db
      .selectFrom('screening')
      .select(['establishment_code', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('establishment_code')
      .orderBy('n', 'desc')
      .executeTakeFirstOrThrow();
    const response = await testApp.app.inject({
      method: 'GET',
      url: `/api/establishments/${busiest.establishment_code}/follow-up?today=2026-01-15`,
      headers: cookie,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      schedule: Record<string, unknown>;
      items: { controls: { dueDate: string }[]; diagnosisDate: string }[];
    }>();
    expect(body.schedule).toMatchObject({
      id: 'nts-134-2017-treatment-1-3-6',
      version: 1,
      validation: 'pending_clinical_validation',
      controlsAfterDays: [30, 90, 180],
      toleranceDays: 15,
      lostAfterMissed: 2,
    });
    expect(String(body.schedule['source'])).toContain('RM N.° 250-2017/MINSA');
    expect(body.items.length).toBeGreaterThan(0);
    for (const item of body.items) {
      expect(item.controls).toHaveLength(3);
      const days = item.controls.map(
        (c) => (Date.parse(c.dueDate) - Date.parse(item.diagnosisDate)) / 86_400_000,
      );
      expect(days).toEqual([30, 90, 180]);
    }
  });
});
