import {
  DEFAULT_FOLLOW_UP_SCHEDULE,
  followUpOf,
  inFollowUpAge,
  type FollowUp,
  type FollowUpSchedule,
  type FollowUpStatus,
  type HbRuleSet,
} from '@yawar/core';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { inCompleteBatch } from './visible.js';

export interface FollowUpEntry extends FollowUp {
  readonly childId: number;
  /** The start of the pseudonym: enough to tell children apart on a list, useless to anyone else. */
  readonly childRef: string;
  readonly sex: 'F' | 'M';
  readonly birthDate: string;
  readonly establishmentCode: string;
  readonly simulated: boolean;
}

/**
 * Children of one establishment (their latest test was there) whose latest anemia episode needs or
 * needed follow-up, with the status of each expected control as of `today`.
 */
export async function followUpList(
  db: Kysely<Database>,
  rule: HbRuleSet,
  options: {
    establishment: string;
    today: string;
    /** The deployment's schedule (YAWAR_FOLLOW_UP_SCHEDULE); default NTS 213 30/60/90/180 days. */
    schedule?: FollowUpSchedule;
  },
): Promise<FollowUpEntry[]> {
  const rows = await db
    .selectFrom('screening as s')
    .innerJoin('child as c', 'c.id', 's.child_id')
    .select([
      's.child_id',
      'c.pseudonym',
      'c.sex',
      sql<string>`to_char(c.birth_date, 'YYYY-MM-DD')`.as('birthDate'),
      sql<string>`to_char(s.test_date, 'YYYY-MM-DD')`.as('testDate'),
      's.age_months',
      's.hb_tenths',
      's.altitude_m',
      's.supplementation_code',
      's.establishment_code',
      's.simulated',
    ])
    .where('s.child_id', 'in', (eb) =>
      eb
        .selectFrom('screening')
        .select('child_id')
        .where('establishment_code', '=', options.establishment)
        .where(inCompleteBatch('screening')),
    )
    .where(inCompleteBatch('s'))
    .orderBy('s.child_id')
    .orderBy('s.test_date')
    .execute();
  const byChild = new Map<number, typeof rows>();
  for (const row of rows) byChild.set(row.child_id, [...(byChild.get(row.child_id) ?? []), row]);
  const entries: FollowUpEntry[] = [];
  for (const [childId, allTests] of byChild) {
    // As of `today`: later tests have not happened yet.
    const tests = allTests.filter((t) => t.testDate <= options.today);
    const last = tests.at(-1);
    if (!last || last.establishment_code !== options.establishment) continue;
    // A list of children 6–59 months: one who has turned 60 by `today` is no longer on it.
    if (!inFollowUpAge(last.birthDate, options.today)) continue;
    const followUp = followUpOf(
      tests.map((t) => ({
        testDate: t.testDate,
        ageMonths: t.age_months,
        hbTenths: t.hb_tenths,
        altitudeM: t.altitude_m,
        supplementationCode: t.supplementation_code,
      })),
      rule,
      options.today,
      options.schedule ?? DEFAULT_FOLLOW_UP_SCHEDULE,
    );
    if (!followUp) continue;
    entries.push({
      ...followUp,
      childId,
      childRef: last.pseudonym.slice(0, 12),
      sex: last.sex,
      birthDate: last.birthDate,
      establishmentCode: last.establishment_code,
      simulated: last.simulated,
    });
  }
  const urgency: Record<FollowUpStatus, number> = {
    lost: 0,
    overdue: 1,
    on_track: 2,
    completed: 3,
  };
  return entries.sort(
    (a, b) =>
      urgency[a.status] - urgency[b.status] || (a.nextDue ?? '').localeCompare(b.nextDue ?? ''),
  );
}
