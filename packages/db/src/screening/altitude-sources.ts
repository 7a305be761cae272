import { ALTITUDE_SOURCES, type AltitudeSource } from '@yawar/core';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { AREA, type PrevalenceQuery } from './prevalence.js';
import { inCompleteBatch } from './visible.js';

export interface AltitudeSourceRow {
  readonly areaCode: string;
  readonly areaName: string;
  /** Children counted (first test of each child in the filters, as in the prevalence). */
  readonly n: number;
  /** Children whose first test was adjusted with each source (`screening.altitude_source`). */
  readonly counts: Readonly<Record<AltitudeSource, number>>;
  /** How many of those tests are simulated demo data. */
  readonly simulated: number;
}

/**
 * Where the altitude behind each child's classification came from, per area: the record itself,
 * the populated place of residence, the establishment or the district capital (core's
 * altitude-chain.ts). Same children as the prevalence (first test per child within the filters,
 * counted where the child lives), so a planner reads how much of a figure rests on fallbacks.
 */
export async function altitudeSourceShares(
  db: Kysely<Database>,
  query: Omit<PrevalenceQuery, 'period'>,
): Promise<AltitudeSourceRow[]> {
  const area = AREA[query.area];
  const result = await sql<{
    areaCode: string;
    areaName: string;
    n: number;
    record: number;
    populated_place: number;
    establishment: number;
    district_capital: number;
    simulated: number;
  }>`
    with firsts as (
      select distinct on (s.child_id)
        s.altitude_source as source, s.simulated, s.establishment_code, e.network_id, e.microred_id,
        coalesce(s.residence_ubigeo, e.district_ubigeo) as district
      from screening s
      join establishment e on e.code = s.establishment_code
      where coalesce(s.residence_ubigeo, e.district_ubigeo) like ${`${query.department}%`}
        and ${inCompleteBatch('s')}
        and (${query.from ?? null}::date is null or s.test_date >= ${query.from ?? null}::date)
        and (${query.to ?? null}::date is null or s.test_date <= ${query.to ?? null}::date)
        and s.age_months between ${query.ageFromMonths ?? 6}::int and ${query.ageToMonths ?? 59}::int
      order by s.child_id, s.test_date, s.id
    )
    select ${sql.raw(area.code)} as "areaCode", ${sql.raw(area.name)} as "areaName",
      count(*)::int as n,
      ${sql.raw(
        ALTITUDE_SOURCES.map(
          (source) => `count(*) filter (where x.source = '${source}')::int as ${source}`,
        ).join(',\n      '),
      )},
      count(*) filter (where x.simulated)::int as simulated
    from firsts x ${sql.raw(area.join)}
    group by 1, 2
    order by 1`.execute(db);
  return result.rows.map((row) => ({
    areaCode: row.areaCode,
    areaName: row.areaName,
    n: row.n,
    counts: Object.fromEntries(ALTITUDE_SOURCES.map((s) => [s, row[s]])) as Record<
      AltitudeSource,
      number
    >,
    simulated: row.simulated,
  }));
}
