import {
  permittedAgeWindows,
  protectAgeWindows,
  windowKey,
  type AggregateQueryPolicy,
  type AnemiaCounts,
  type HbRuleSet,
  type ProtectionReason,
  type SuppressionRule,
} from '@yawar/core';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { adjustmentSql, levelSql } from './rule-sql.js';
import { inCompleteBatch } from './visible.js';

export type AreaLevel =
  'department' | 'province' | 'district' | 'network' | 'microred' | 'establishment';
export type PeriodLevel = 'month' | 'quarter' | 'year' | 'all';

export interface PrevalenceQuery {
  readonly department: string;
  readonly area: AreaLevel;
  readonly period: PeriodLevel;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly ageFromMonths?: number | undefined;
  readonly ageToMonths?: number | undefined;
  /**
   * Count by these age bands too (rows carry `ageBand` "from-to"): bands must not overlap. A child
   * counts in the band of their age at their first test in the period, so the bands add up to the
   * whole range exactly (used for complementary suppression, packages/core disclosure.ts).
   */
  readonly ageBands?: readonly { readonly from: number; readonly to: number }[] | undefined;
}

/** The widest age range prevalence covers (months): the child bands of every rule set. */
const AGE_RANGE = { from: 6, to: 59 } as const;

export interface PrevalenceRow {
  areaCode: string;
  areaName: string;
  period: string;
  /** Children classified (first test of each child in the period). */
  n: number;
  mild: number;
  moderate: number;
  severe: number;
  /** How many of those tests are simulated demo data. */
  simulated: number;
  /** The red and microred the area belongs to (levels network, microred, establishment), else null. */
  network: string | null;
  microred: string | null;
  /** The microred's scope code `<department>/<RED>/<MICRORED>`, to filter by microred. */
  microredCode: string | null;
  /** The age band ("6-11") when the query asked for `ageBands`, else null. */
  ageBand: string | null;
}

const PERIOD: Record<PeriodLevel, string> = {
  month: `to_char(s.test_date, 'YYYY-MM')`,
  quarter: `to_char(s.test_date, 'YYYY-"T"Q')`,
  year: `to_char(s.test_date, 'YYYY')`,
  all: `'all'`,
};

/** The area a test counts in: where the child lives, else where the test was done. */
export const AREA: Record<
  AreaLevel,
  {
    code: string;
    name: string;
    join: string;
    /** The area's red, microred name and microred scope code (SQL, 'null' when not one). */
    network?: string;
    microred?: string;
    microredCode?: string;
  }
> = {
  department: {
    code: 'left(x.district, 2)',
    name: 'dep.name',
    join: 'join department dep on dep.ubigeo = left(x.district, 2)',
  },
  province: {
    code: 'left(x.district, 4)',
    name: 'p.name',
    join: 'join province p on p.ubigeo = left(x.district, 4)',
  },
  district: {
    code: 'x.district',
    name: 'd.name',
    join: 'join district d on d.ubigeo = x.district',
  },
  // A microred's code is its scope code `<department>/<RED>/<MICRORED>` (names repeat across reds:
  // a microred is often named after its red's capital). Tests at establishments with no microred
  // count under "(sin microrred)", so the rows still add up to the department.
  microred: {
    code: `coalesce(nm.department_ubigeo || '/' || nm.name || '/' || m.name, '(sin microrred)')`,
    name: `coalesce(m.name, '(sin microrred)')`,
    join: 'left join microred m on m.id = x.microred_id left join health_network nm on nm.id = m.network_id',
    network: 'nm.name',
    microred: 'm.name',
    microredCode: `nm.department_ubigeo || '/' || nm.name || '/' || m.name`,
  },
  network: {
    code: `coalesce(n.name, '(sin red)')`,
    name: `coalesce(n.name, '(sin red)')`,
    join: 'left join health_network n on n.id = x.network_id',
    network: 'n.name',
  },
  establishment: {
    code: 'x.establishment_code',
    name: 'e2.name',
    join: `join establishment e2 on e2.code = x.establishment_code
      left join health_network en on en.id = e2.network_id
      left join microred em on em.id = e2.microred_id`,
    network: 'en.name',
    microred: 'em.name',
    microredCode: `en.department_ubigeo || '/' || en.name || '/' || em.name`,
  },
};

/**
 * Anemia counts by area and period under a rule set. Each child counts once per period, with their
 * first test in it (6–59 months): later tests of the same child are mostly controls of anemic
 * children and would inflate the rate. The age filter (and the age bands) apply to the age at that
 * first test, so disjoint age windows partition the children. Ages the rule does not cover are left
 * out.
 */
export async function prevalenceCounts(
  db: Kysely<Database>,
  rule: HbRuleSet,
  query: PrevalenceQuery,
): Promise<PrevalenceRow[]> {
  const area = AREA[query.area];
  const period = PERIOD[query.period];
  // One first test per child and period; a constant period cannot appear in DISTINCT ON.
  const perChild = query.period === 'all' ? 's.child_id' : `s.child_id, ${period}`;
  const bands = query.ageBands ?? [];
  for (const band of bands) {
    if (!Number.isSafeInteger(band.from) || !Number.isSafeInteger(band.to) || band.from > band.to)
      throw new RangeError(`age band ${band.from}-${band.to} is not a range of whole months`);
  }
  // Integers checked above: safe to inline.
  const ageBand =
    bands.length === 0
      ? 'null'
      : `case ${bands
          .map((b) => `when x.age_months between ${b.from} and ${b.to} then '${b.from}-${b.to}'`)
          .join(' ')} end`;
  const result = await sql<PrevalenceRow>`
    with firsts as (
      select distinct on (${sql.raw(perChild)})
        s.hb_tenths, s.age_months, s.altitude_m, s.simulated, s.establishment_code, e.network_id, e.microred_id,
        coalesce(s.residence_ubigeo, e.district_ubigeo) as district, ${sql.raw(period)} as period
      from screening s
      join establishment e on e.code = s.establishment_code
      where coalesce(s.residence_ubigeo, e.district_ubigeo) like ${`${query.department}%`}
        and ${inCompleteBatch('s')}
        and (${query.from ?? null}::date is null or s.test_date >= ${query.from ?? null}::date)
        and (${query.to ?? null}::date is null or s.test_date <= ${query.to ?? null}::date)
        and s.age_months between ${AGE_RANGE.from}::int and ${AGE_RANGE.to}::int
      order by ${sql.raw(perChild)}, s.test_date, s.id
    ), classified as (
      select *, ${sql.raw(levelSql(rule))} as level
      from (select *, hb_tenths - ${sql.raw(adjustmentSql(rule))} as adjusted_tenths from firsts) as a
    )
    select ${sql.raw(area.code)} as "areaCode", ${sql.raw(area.name)} as "areaName", x.period,
      count(*) filter (where x.level is not null)::int as n,
      count(*) filter (where x.level = 'mild')::int as mild,
      count(*) filter (where x.level = 'moderate')::int as moderate,
      count(*) filter (where x.level = 'severe')::int as severe,
      count(*) filter (where x.simulated)::int as simulated,
      ${sql.raw(area.network ?? 'null')}::text as network,
      ${sql.raw(area.microred ?? 'null')}::text as microred,
      ${sql.raw(area.microredCode ?? 'null')}::text as "microredCode",
      ${sql.raw(ageBand)}::text as "ageBand"
    from classified x ${sql.raw(area.join)}
    where x.age_months between ${query.ageFromMonths ?? AGE_RANGE.from}::int and ${query.ageToMonths ?? AGE_RANGE.to}::int
      and (${sql.raw(String(bands.length === 0))} or ${sql.raw(ageBand)} is not null)
    group by 1, 2, 3, 9, 10, 11, 12
    order by 3, 1, 12`.execute(db);
  return result.rows;
}

/** A row of a permitted age window with the suppression it must get, beyond its own rule. */
export interface ProtectedPrevalenceRow {
  readonly row: PrevalenceRow;
  /** Null, or why the cell is hidden (complementary suppression included). */
  readonly protection: ProtectionReason | null;
}

/**
 * Prevalence counts of one of `policy`'s permitted age windows, each row with the suppression
 * decided across all the policy's windows of its area and period (primary rule, then complementary
 * cells: packages/core disclosure.ts). Every output path (API, exports, CLI) uses this, so a cell
 * hidden in one is hidden in all, and no permitted window gives back a hidden one by subtraction.
 */
export async function protectedPrevalenceCounts(
  db: Kysely<Database>,
  rule: HbRuleSet,
  query: Omit<PrevalenceQuery, 'ageFromMonths' | 'ageToMonths' | 'ageBands'> & {
    readonly ageFromMonths: number;
    readonly ageToMonths: number;
  },
  policy: AggregateQueryPolicy,
  suppression: SuppressionRule,
): Promise<ProtectedPrevalenceRow[]> {
  const window = permittedAgeWindows(policy).find(
    (w) => w.from === query.ageFromMonths && w.to === query.ageToMonths,
  );
  if (!window) {
    throw new RangeError(
      `ages ${query.ageFromMonths}-${query.ageToMonths} are not a window of policy ${policy.id}`,
    );
  }
  const banded = await prevalenceCounts(db, rule, {
    ...query,
    ageFromMonths: undefined,
    ageToMonths: undefined,
    ageBands: policy.bands,
  });
  const groups = new Map<string, { first: PrevalenceRow; bands: Record<string, AnemiaCounts> }>();
  for (const row of banded) {
    const key = `${row.period}\u0000${row.areaCode}`;
    const group = groups.get(key) ?? { first: row, bands: {} };
    group.bands[row.ageBand ?? ''] = row;
    groups.set(key, group);
  }
  const result: ProtectedPrevalenceRow[] = [];
  for (const { first, bands } of groups.values()) {
    const cell = protectAgeWindows(bands, policy, suppression)[windowKey(window)];
    if (!cell || cell.counts.n === 0) continue; // no child of this window here: no row, as before
    const { n, mild, moderate, severe, simulated } = cell.counts;
    result.push({
      row: { ...first, n, mild, moderate, severe, simulated, ageBand: null },
      protection: cell.reason,
    });
  }
  return result;
}

export interface ReclassificationRow {
  from: string;
  to: string;
  children: number;
}

/** How many children change level when one rule set is replaced by another (first tests in the filter). */
export async function reclassification(
  db: Kysely<Database>,
  fromRule: HbRuleSet,
  toRule: HbRuleSet,
  query: Omit<PrevalenceQuery, 'area' | 'period'>,
): Promise<ReclassificationRow[]> {
  const result = await sql<ReclassificationRow>`
    with firsts as (
      select distinct on (s.child_id) s.hb_tenths, s.age_months, s.altitude_m
      from screening s join establishment e on e.code = s.establishment_code
      where coalesce(s.residence_ubigeo, e.district_ubigeo) like ${`${query.department}%`}
        and ${inCompleteBatch('s')}
        and (${query.from ?? null}::date is null or s.test_date >= ${query.from ?? null}::date)
        and (${query.to ?? null}::date is null or s.test_date <= ${query.to ?? null}::date)
        and s.age_months between ${query.ageFromMonths ?? 6}::int and ${query.ageToMonths ?? 59}::int
      order by s.child_id, s.test_date, s.id
    )
    select ${sql.raw(levelSql(fromRule, 'adjusted_from'))} as "from", ${sql.raw(levelSql(toRule, 'adjusted_to'))} as "to", count(*)::int as children
    from (select *, hb_tenths - ${sql.raw(adjustmentSql(fromRule))} as adjusted_from, hb_tenths - ${sql.raw(adjustmentSql(toRule))} as adjusted_to from firsts) as x
    group by 1, 2 having ${sql.raw(levelSql(fromRule, 'adjusted_from'))} is not null and ${sql.raw(levelSql(toRule, 'adjusted_to'))} is not null
    order by 1, 2`.execute(db);
  return result.rows;
}
