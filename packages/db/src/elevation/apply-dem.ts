import { sampleDem, type Dem } from '@yawar/core';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/audit-trail.js';
import type { Database } from '../schema.js';

/**
 * Altitude sources and their precedence (docs/methods/elevation.md):
 *   populated place: record (a surveyed value) > dem > district_capital
 *   establishment:   renaes (MINSA's registry COTA) > dem > district_capital
 * A DEM import writes `dem` where the DEM has a value, and the district capital's altitude where
 * it has none (no coordinates, outside the DEM, all-void cells) — unless an earlier DEM already
 * gave that row a `dem` value, which a DEM that does not cover it keeps. It never touches
 * `record` or `renaes` altitudes; an establishment altitude without a stated source (loaded
 * before sources were recorded) is a registry value and is kept too.
 */
export interface AltitudeCounts {
  /** Rows whose altitude now comes from the DEM, from the district capital, or a kept registry value. */
  dem: number;
  district_capital: number;
  registry: number;
  /** Rows left without altitude (no DEM value and no capital altitude). */
  none: number;
  /** Rows without coordinates or outside the DEM, and rows on void cells only. */
  outside: number;
  void: number;
  /** Rows written (altitude or source changed). */
  updated: number;
}

export interface DemApplyReport {
  readonly departments: readonly string[];
  readonly counts: Readonly<
    Record<string, { places: AltitudeCounts; establishments: AltitudeCounts }>
  >;
  /** True when every altitude was already what this DEM gives: nothing written, nothing recorded. */
  readonly unchanged: boolean;
}

interface Row {
  code: string;
  lat: number | null;
  lon: number | null;
  altitude_m: number | null;
  altitude_source: string | null;
  capital_altitude_m: number | null;
}

type Target = { altitude: number | null; source: string | null };

const emptyCounts = (): AltitudeCounts => ({
  dem: 0,
  district_capital: 0,
  registry: 0,
  none: 0,
  outside: 0,
  void: 0,
  updated: 0,
});

function target(dem: Dem, row: Row, isRegistry: boolean, counts: AltitudeCounts): Target {
  const current = { altitude: row.altitude_m, source: row.altitude_source };
  if (isRegistry) {
    counts.registry += 1;
    return current;
  }
  if (row.lat !== null && row.lon !== null) {
    const sample = sampleDem(dem, row.lat, row.lon);
    if (sample.ok) {
      counts.dem += 1;
      // Whole metres: SRTM stores integer metres and its vertical error is metres to tens of metres.
      return { altitude: Math.round(sample.altitudeM), source: 'dem' };
    }
    counts[sample.reason] += 1;
  } else counts.outside += 1;
  if (row.altitude_source === 'dem' && row.altitude_m !== null) {
    counts.dem += 1;
    return current;
  }
  if (row.capital_altitude_m !== null) {
    counts.district_capital += 1;
    return { altitude: row.capital_altitude_m, source: 'district_capital' };
  }
  counts.none += 1;
  return current;
}

const ROWS_PER_STATEMENT = 1000;

async function writeChanges(
  trx: Transaction<Database>,
  table: 'populated_place' | 'establishment',
  changes: readonly (Target & { code: string })[],
): Promise<void> {
  for (let start = 0; start < changes.length; start += ROWS_PER_STATEMENT) {
    const chunk = changes.slice(start, start + ROWS_PER_STATEMENT);
    const values = sql.join(
      chunk.map((c) => sql`(${c.code}::text, ${c.altitude}::double precision, ${c.source}::text)`),
    );
    await sql`
      update ${sql.table(table)} as t
      set altitude_m = v.altitude_m, altitude_source = v.altitude_source
      from (values ${values}) as v(code, altitude_m, altitude_source)
      where t.code = v.code`.execute(trx);
  }
}

async function applyTo(
  trx: Transaction<Database>,
  dem: Dem,
  table: 'populated_place' | 'establishment',
  department: string,
): Promise<AltitudeCounts> {
  const { rows } = await sql<Row>`
    select t.code, t.lat, t.lon, t.altitude_m, t.altitude_source, d.capital_altitude_m
    from ${sql.table(table)} as t join district as d on d.ubigeo = t.district_ubigeo
    where t.district_ubigeo like ${`${department}%`}
    order by t.code`.execute(trx);
  const counts = emptyCounts();
  const changes: (Target & { code: string })[] = [];
  for (const row of rows) {
    const isRegistry =
      table === 'populated_place'
        ? row.altitude_source === 'record'
        : row.altitude_source === 'renaes' ||
          (row.altitude_source === null && row.altitude_m !== null);
    const next = target(dem, row, isRegistry, counts);
    if (next.altitude !== row.altitude_m || next.source !== row.altitude_source)
      changes.push({ code: row.code, ...next });
  }
  counts.updated = changes.length;
  await writeChanges(trx, table, changes);
  return counts;
}

/**
 * Gives every populated place and every establishment of the departments an altitude from the DEM
 * (precedence above), in one transaction. Rows already holding the same value are not written;
 * when nothing changes, no import run and no audit event are recorded.
 */
export async function applyDem(
  db: Kysely<Database>,
  dem: Dem,
  options: { readonly departments: readonly string[]; readonly sources: readonly string[] },
  actor: Actor,
): Promise<DemApplyReport> {
  const startedAt = new Date();
  return db.transaction().execute(async (trx) => {
    const counts: Record<string, { places: AltitudeCounts; establishments: AltitudeCounts }> = {};
    for (const department of options.departments) {
      const places = await applyTo(trx, dem, 'populated_place', department);
      const establishments = await applyTo(trx, dem, 'establishment', department);
      counts[department] = { places, establishments };
      if (places.updated + establishments.updated === 0) continue;
      const sources = options.sources.map((file) => file.split(/[\\/]/).pop() ?? file);
      await trx
        .insertInto('import_run')
        .values({
          kind: 'dem',
          department_ubigeo: department,
          sources: JSON.stringify(sources),
          counts: JSON.stringify({ places, establishments }),
          actor: actor.label,
          started_at: startedAt,
          finished_at: new Date(),
        })
        .execute();
      await recordAudit(trx, actor, {
        action: 'dem.import',
        entity: 'department',
        entityId: department,
        after: { places, establishments, sources },
      });
    }
    const unchanged = Object.values(counts).every(
      (c) => c.places.updated + c.establishments.updated === 0,
    );
    return { departments: options.departments, counts, unchanged };
  });
}
