import { SCREENING_SITE_RULE, simulateScreenings } from '@yawar/core';
import { sql, type Kysely } from 'kysely';
import { systemActor } from '../audit/actor.js';
import type { Database } from '../schema.js';
import { loadScreenings, type ScreeningLoadReport } from './load.js';

export interface SimulatedLoadOptions {
  readonly department: string;
  readonly children: number;
  readonly seed: number;
  readonly from: string;
  readonly to: string;
  /** Called as rows are written: done of total. The load waits for a promise it returns. */
  readonly onProgress?: (done: number, total: number) => void | Promise<void>;
}

/**
 * Loads SIMULATED screening records (marked `simulated` on every child and test, and as batch
 * origin) for a department's government first-level establishments, weighted by the district's estimated
 * children 6–35 months shared among its establishments. Each child lives in one of the district's
 * populated places that has an altitude (`populated_place.altitude_m`); about 60 % of the records
 * name it, the others fall back to the establishment's altitude or the district capital's, exactly
 * as an import does (core's simulate.ts and altitude-chain.ts).
 */
export async function loadSimulatedScreenings(
  db: Kysely<Database>,
  options: SimulatedLoadOptions,
): Promise<ScreeningLoadReport> {
  const rows = await db
    .selectFrom('establishment as e')
    .innerJoin('district as d', 'd.ubigeo', 'e.district_ubigeo')
    .select([
      'e.code',
      'e.district_ubigeo',
      'e.altitude_m as establishment_altitude_m',
      'd.capital_altitude_m',
      sql<number>`coalesce(d.children_6_35m, 0)::float / count(*) over (partition by e.district_ubigeo)`.as(
        'weight',
      ),
    ])
    .where('e.in_registry', '=', true)
    // Only where screening happens: government first-level establishments (SCREENING_SITE_RULE).
    .where('e.category', 'in', [...SCREENING_SITE_RULE.categories])
    .where('e.institution', 'in', [...SCREENING_SITE_RULE.institutions])
    .where('e.district_ubigeo', 'like', `${options.department}%`)
    .where('d.capital_altitude_m', 'is not', null)
    .execute();
  const homes = new Map<string, { code: string; altitudeM: number }[]>();
  for (const place of await db
    .selectFrom('populated_place')
    .select(['code', 'district_ubigeo', 'altitude_m'])
    .where('in_registry', '=', true)
    .where('altitude_m', 'is not', null)
    .where('district_ubigeo', 'like', `${options.department}%`)
    .orderBy('code')
    .execute()) {
    const list = homes.get(place.district_ubigeo) ?? [];
    list.push({ code: place.code, altitudeM: place.altitude_m ?? 0 });
    homes.set(place.district_ubigeo, list);
  }
  const places = rows.map((r) => ({
    establishmentCode: r.code,
    districtUbigeo: r.district_ubigeo,
    altitudeM: r.capital_altitude_m ?? 0,
    establishmentAltitudeM: r.establishment_altitude_m,
    populatedPlaces: homes.get(r.district_ubigeo) ?? [],
    weight: r.weight,
  }));
  const records = simulateScreenings({
    seed: options.seed,
    children: options.children,
    places,
    from: options.from,
    to: options.to,
  });
  return loadScreenings(db, records, {
    fileName: `SIMULATED demo data (seed ${options.seed})`,
    origin: 'simulated',
    actor: systemActor('demo-data'),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
}
