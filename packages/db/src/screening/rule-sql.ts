import type { HbRuleSet } from '@yawar/core';
import { sql, type RawBuilder } from 'kysely';

/**
 * A rule set (core data) rendered as SQL over the columns hb_tenths, age_months and altitude_m,
 * so prevalence over a million tests is one aggregate query. Only numbers from the versioned rule
 * data reach the SQL text; `rule-sql.test.ts` checks it classifies exactly as core's classifyHb.
 */
const num = (value: number): string => {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return String(value);
};

/** Tenths of g/dL to subtract for altitude_m. */
export function adjustmentSql(rule: HbRuleSet): string {
  const altitude = rule.altitude;
  switch (altitude.kind) {
    case 'table': {
      const bands = [...altitude.bands].sort((a, b) => b.fromM - a.fromM);
      return `(case ${bands.map((b) => `when altitude_m >= ${num(b.fromM)} then ${num(b.subtract)}`).join(' ')} else 0 end)`;
    }
    case 'who-2024-quadratic':
      return '(case when altitude_m > 0 then 0.0056384 * altitude_m + 0.0000003 * altitude_m * altitude_m else 0 end)';
    case 'cdc-1989': {
      const a = `(altitude_m / 1000.0 * ${num(altitude.feetPerMetre)})`;
      return `(case when altitude_m >= ${num(altitude.minAltitudeM)} then greatest(0, (-0.032 * ${a} + 0.022 * ${a} * ${a}) * 10) else 0 end)`;
    }
  }
}

/** The anemia level ('none', 'mild', 'moderate', 'severe'), or null for ages the rule does not cover. */
export function levelSql(rule: HbRuleSet, adjustedColumn = 'adjusted_tenths'): string {
  const children = rule.bands.filter((b) => b.toMonths < 60);
  const branches = children.map(
    (b) =>
      `when age_months between ${num(b.fromMonths)} and ${num(b.toMonths)} then (case when ${adjustedColumn} >= ${num(b.cutoff)} then 'none' ` +
      `when ${adjustedColumn} >= ${num(b.mildFrom)} then 'mild' when ${adjustedColumn} >= ${num(b.moderateFrom)} then 'moderate' else 'severe' end)`,
  );
  return `(case ${branches.join(' ')} else null end)`;
}

export const rawSql = (text: string): RawBuilder<unknown> => sql.raw(text);
