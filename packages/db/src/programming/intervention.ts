import {
  AGE_BANDS,
  addMonths,
  anemiaInterventionTree,
  DEFAULT_INTERVENTION_PARAMETERS,
  DEFAULT_SCREENING_TESTS_PER_CHILD,
  infantsFourToFiveMonths,
  interventionDemandByResource,
  NTS_213_2024,
  splitChildren,
  type AgeBand,
  type AnemiaTreeResult,
  type InterventionParameters,
} from '@yawar/core';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { adjustmentSql, levelSql } from '../screening/rule-sql.js';
import { inCompleteBatch } from '../screening/visible.js';
import type { RoundContext } from './compute.js';

export interface BandPrevalence {
  readonly band: AgeBand;
  readonly children: number;
  readonly tested: number;
  readonly anemic: number;
  /** anemic ÷ tested, or the unit's all-band rate when the band has no test; null without tests. */
  readonly prevalence: number | null;
}

export interface UnitIntervention {
  readonly unitCode: string;
  readonly parameters: InterventionParameters;
  /** Children 6–35 months of the districts where the unit has establishments (estimate). */
  readonly children: number;
  readonly bands: readonly BandPrevalence[];
  /** Surveillance window (first test per child): the 12 months up to the round's history end. */
  readonly from: string;
  readonly to: string;
  readonly simulatedScreenings: boolean;
  readonly tree: AnemiaTreeResult | null;
  /** Demand over the horizon per catalogue resource (dispensing units). */
  readonly demand: Map<string, number>;
  readonly warnings: string[];
  /** The same as codes and values, for the web app to say in the user's language. */
  readonly notices: { code: InterventionNoticeCode; params: Record<string, string> }[];
}

export type InterventionNoticeCode =
  'band_without_screening' | 'no_children_estimate' | 'no_screening';

const BAND_OF = `case when age_months < 12 then '6-11' when age_months < 24 then '12-23' else '24-35' end`;

/**
 * The anemia intervention tree of an executing unit, prefilled from Yawar's own data: children
 * from the district estimates of the districts it serves, prevalence by age band from its
 * establishments' screenings under NTS 213 (first test of each child in the last 12 months of
 * history), regimens and products from the core's transcribed NTS 213 (pending validation).
 */
export async function unitIntervention(
  db: Kysely<Database>,
  round: RoundContext,
  unitCode: string,
): Promise<UnitIntervention> {
  const parameters = round.parameters.intervention ?? DEFAULT_INTERVENTION_PARAMETERS;
  const from = `${addMonths(round.historyEnd, -11)}-01`;
  const to = sql`(${`${round.historyEnd}-01`}::date + interval '1 month' - interval '1 day')`;
  const children = await db
    .selectFrom('district')
    .select(sql<number>`coalesce(sum(children_6_35m), 0)::float8`.as('n'))
    .where(
      'ubigeo',
      'in',
      db
        .selectFrom('establishment')
        .select('district_ubigeo')
        .where('executing_unit_code', '=', unitCode),
    )
    .executeTakeFirstOrThrow();
  const counts = await sql<{ band: AgeBand; tested: number; anemic: number; simulated: number }>`
    with firsts as (
      select distinct on (s.child_id) s.hb_tenths, s.age_months, s.altitude_m, s.simulated
      from screening s join establishment e on e.code = s.establishment_code
      where e.executing_unit_code = ${unitCode}
        and ${inCompleteBatch('s')}
        and s.test_date between ${from}::date and ${to} and s.age_months between 6 and 35
      order by s.child_id, s.test_date, s.id
    ), classified as (
      select *, ${sql.raw(levelSql(NTS_213_2024))} as level
      from (select *, hb_tenths - ${sql.raw(adjustmentSql(NTS_213_2024))} as adjusted_tenths
            from firsts) as a
    )
    select ${sql.raw(BAND_OF)} as band,
      count(*) filter (where level is not null)::int as tested,
      count(*) filter (where level in ('mild', 'moderate', 'severe'))::int as anemic,
      count(*) filter (where simulated)::int as simulated
    from classified group by 1`.execute(db);
  return buildIntervention(db, round, unitCode, parameters, children.n, counts.rows, from);
}

async function buildIntervention(
  db: Kysely<Database>,
  round: RoundContext,
  unitCode: string,
  parameters: InterventionParameters,
  children: number,
  rows: readonly { band: AgeBand; tested: number; anemic: number; simulated: number }[],
  from: string,
): Promise<UnitIntervention> {
  const warnings: string[] = [];
  const notices: UnitIntervention['notices'] = [];
  const warn = (code: InterventionNoticeCode, params: Record<string, string>, message: string) => {
    notices.push({ code, params });
    warnings.push(message);
  };
  const tested = rows.reduce((s, r) => s + r.tested, 0);
  const anemic = rows.reduce((s, r) => s + r.anemic, 0);
  const overall = tested > 0 ? anemic / tested : null;
  const split = splitChildren(children);
  const bands = AGE_BANDS.map((band): BandPrevalence => {
    const row = rows.find((r) => r.band === band);
    const own = row && row.tested > 0 ? row.anemic / row.tested : null;
    if (own === null && overall !== null)
      warn(
        'band_without_screening',
        { band },
        `no screening of ${band} months: the unit's overall prevalence is used`,
      );
    return {
      band,
      children: split[band],
      tested: row?.tested ?? 0,
      anemic: row?.anemic ?? 0,
      prevalence: own ?? overall,
    };
  });
  if (children === 0)
    warn('no_children_estimate', {}, 'no children estimate for the districts this unit serves');
  if (overall === null)
    warn('no_screening', {}, 'no screening at this unit in the window: no tree');
  const tree =
    overall === null || children === 0
      ? null
      : anemiaInterventionTree({
          bands: Object.fromEntries(
            bands.map((b) => [
              b.band,
              {
                children: b.children,
                screeningTestsPerChild: DEFAULT_SCREENING_TESTS_PER_CHILD[b.band],
                anemiaPrevalence: b.prevalence ?? 0,
              },
            ]),
          ) as Record<
            AgeBand,
            { children: number; screeningTestsPerChild: number; anemiaPrevalence: number }
          >,
          infantsFourToFiveMonths: infantsFourToFiveMonths(children),
          treatmentCoverage: parameters.treatmentCoverage,
          preventionCoverage: parameters.preventionCoverage,
          wastage: parameters.wastage,
        });
  const contents = await db
    .selectFrom('strategic_resource')
    .select(['code', 'content_amount'])
    .execute();
  const content = new Map(contents.map((c) => [c.code, c.content_amount]));
  return {
    unitCode,
    parameters,
    children,
    bands,
    from: from.slice(0, 7),
    to: round.historyEnd,
    simulatedScreenings: rows.some((r) => r.simulated > 0),
    tree,
    demand: tree
      ? interventionDemandByResource(
          tree,
          (code) => content.get(code) ?? null,
          round.parameters.horizonMonths,
        )
      : new Map(),
    warnings,
    notices,
  };
}
