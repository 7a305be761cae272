import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeArrayBuffer } from 'geotiff';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../audit/actor.js';
import { openPreparedDatabase, type PreparedDatabase } from '../bootstrap.js';
import { CAJAMARCA_DIR } from '../paths.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { importDem } from './import-dem.js';
import { DemImportError } from './read-dem.js';

const ACTOR = systemActor('test');
const SHIPPED = join(CAJAMARCA_DIR, 'dem');
let testDb: TestDatabase;
let database: PreparedDatabase;
let dir: string;

/** A 3″ HGT tile holding one altitude everywhere. */
function hgtTile(altitude: number): Buffer {
  const bytes = Buffer.alloc(1201 * 1201 * 2);
  for (let k = 0; k < 1201 * 1201; k++) bytes.writeInt16BE(altitude, k * 2);
  return bytes;
}

/** A small GeoTIFF over lon −79…−78.5, lat −6…−5.5 (4 × 4 pixels of 0.125°). */
function geoTiff(options: { bands?: number; epsg?: number; value?: number } = {}): Buffer {
  const bands = options.bands ?? 1;
  const values = new Float32Array(16 * bands).fill(options.value ?? 1234.4);
  const crs: Record<string, number> =
    options.epsg === undefined || options.epsg === 4326
      ? { GTModelTypeGeoKey: 2, GeographicTypeGeoKey: 4326 }
      : { GTModelTypeGeoKey: 1, ProjectedCSTypeGeoKey: options.epsg };
  return Buffer.from(
    writeArrayBuffer(values, {
      width: 4,
      height: 4,
      ModelPixelScale: [0.125, 0.125, 0],
      ModelTiepoint: [0, 0, 0, -79, -5.5, 0],
      GTRasterTypeGeoKey: 1,
      ...crs,
    }),
  );
}

interface Snapshot {
  places: string;
  establishments: string;
  runs: number;
  events: number;
}

/** Every altitude and source of department 06, and the import/audit row counts. */
async function snapshot(): Promise<Snapshot> {
  const digest = (table: 'populated_place' | 'establishment') =>
    sql<{ digest: string }>`
      select md5(string_agg(code || ':' || coalesce(altitude_m::text, '-') || ':' ||
        coalesce(altitude_source, '-'), ',' order by code)) as digest
      from ${sql.table(table)} where district_ubigeo like '06%'`.execute(database.db);
  const count = (table: 'import_run' | 'audit_event') =>
    sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(database.db);
  return {
    places: (await digest('populated_place')).rows[0]?.digest ?? '',
    establishments: (await digest('establishment')).rows[0]?.digest ?? '',
    runs: Number((await count('import_run')).rows[0]?.n),
    events: Number((await count('audit_event')).rows[0]?.n),
  };
}

async function sourceCounts(table: 'populated_place' | 'establishment') {
  const rows = await database.db
    .selectFrom(table)
    .select(['altitude_source', (eb) => eb.fn.countAll<string>().as('n')])
    .where('district_ubigeo', 'like', '06%')
    .groupBy('altitude_source')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.altitude_source ?? 'none', Number(r.n)]));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yawar-dem-'));
  testDb = await createTestDatabase();
  database = await openPreparedDatabase(testDb.config);
});

afterAll(async () => {
  await database.close();
  await testDb.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the DEM shipped with data/cajamarca on first start', () => {
  it('gives every populated place an altitude from the DEM', async () => {
    expect(database.seeded?.dem?.counts['06']?.places).toMatchObject({
      dem: 6513,
      outside: 0,
      void: 0,
      updated: 6513,
    });
    expect(await sourceCounts('populated_place')).toEqual({ dem: 6513 });
    const cajamarca = await database.db
      .selectFrom('populated_place')
      .select(['altitude_m', 'altitude_source'])
      .where('code', '=', '0601010001')
      .executeTakeFirstOrThrow();
    // INEI's Cajamarca city point (−7.1546, −78.5107); the capital's official altitude is 2,731 m.
    expect(cajamarca.altitude_source).toBe('dem');
    expect(Math.abs((cajamarca.altitude_m ?? 0) - 2731)).toBeLessThan(60);
  });

  it('keeps RENAES altitudes and gives the other establishments a DEM or capital altitude', async () => {
    const counts = await sourceCounts('establishment');
    const renaes = await database.db
      .selectFrom('establishment')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('district_ubigeo', 'like', '06%')
      .where('altitude_source', '=', 'renaes')
      .executeTakeFirstOrThrow();
    expect(counts['renaes']).toBe(Number(renaes.n));
    expect(counts['renaes']).toBeGreaterThan(800);
    expect((counts['dem'] ?? 0) + (counts['district_capital'] ?? 0)).toBeGreaterThan(400);
    expect(counts['none'] ?? 0).toBe(0);
  });

  it('writes nothing and records nothing when the same DEM is imported again', async () => {
    const before = await snapshot();
    const result = await importDem(database.db, [SHIPPED], { department: '06' }, ACTOR);
    expect(result.unchanged).toBe(true);
    expect(result.counts['06']?.places.updated).toBe(0);
    expect(await snapshot()).toEqual(before);
  });
});

describe('yawar import dem', () => {
  it('lays a gzip-compressed HGT tile over the places it covers and records the run', async () => {
    const file = join(dir, 'S06W079.hgt.gz');
    writeFileSync(file, gzipSync(hgtTile(1500)));
    const before = await snapshot();
    const renaesBefore = await database.db
      .selectFrom('establishment')
      .select(['code', 'altitude_m'])
      .where('altitude_source', '=', 'renaes')
      .orderBy('code')
      .execute();
    const result = await importDem(database.db, [file], {}, ACTOR);
    expect(result.departments).toEqual(['06']);
    const places = result.counts['06']?.places;
    // Places in lat −6…−5, lon −79…−78 now read 1,500 m; the others keep their earlier DEM value.
    const inside = await database.db
      .selectFrom('populated_place')
      .select(['altitude_m', 'altitude_source'])
      .where('district_ubigeo', 'like', '06%')
      .where('lat', '>=', -6)
      .where('lat', '<=', -5)
      .where('lon', '>=', -79)
      .where('lon', '<=', -78)
      .execute();
    expect(inside.length).toBeGreaterThan(100);
    expect(inside.every((p) => p.altitude_m === 1500 && p.altitude_source === 'dem')).toBe(true);
    expect(places?.updated).toBe(inside.length);
    expect(places?.dem).toBe(6513);
    expect(await sourceCounts('populated_place')).toEqual({ dem: 6513 });
    // RENAES altitudes are never overwritten.
    expect(
      await database.db
        .selectFrom('establishment')
        .select(['code', 'altitude_m'])
        .where('altitude_source', '=', 'renaes')
        .orderBy('code')
        .execute(),
    ).toEqual(renaesBefore);
    const after = await snapshot();
    expect(after.runs).toBe(before.runs + 1);
    expect(after.events).toBe(before.events + 1);
    const run = await database.db
      .selectFrom('import_run')
      .selectAll()
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(run).toMatchObject({ kind: 'dem', department_ubigeo: '06', actor: 'system:test' });
    expect(run.sources).toEqual(['S06W079.hgt.gz']);
    // The same tile again: nothing to write, nothing recorded.
    expect((await importDem(database.db, [file], {}, ACTOR)).unchanged).toBe(true);
    expect(await snapshot()).toEqual(after);
  });

  it('reads a single-band EPSG:4326 GeoTIFF a user brings', async () => {
    const file = join(dir, 'jaen.tif');
    writeFileSync(file, geoTiff({ value: 987.6 }));
    await importDem(database.db, [file], { department: '06' }, ACTOR);
    // Pixel centres span lon −78.9375…−78.5625, lat −5.5625…−5.9375.
    const place = await database.db
      .selectFrom('populated_place')
      .select(['altitude_m', 'altitude_source'])
      .where('district_ubigeo', 'like', '06%')
      .where('lat', '<', -5.6)
      .where('lat', '>', -5.9)
      .where('lon', '>', -78.9)
      .where('lon', '<', -78.6)
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(place).toEqual({ altitude_m: 988, altitude_source: 'dem' });
  });

  it('gives a place without coordinates its district capital’s altitude', async () => {
    await database.db
      .updateTable('populated_place')
      .set({ lat: null, lon: null, altitude_m: null, altitude_source: null })
      .where('code', '=', '0601010002')
      .execute();
    await importDem(database.db, [SHIPPED], { department: '06' }, ACTOR);
    const place = await database.db
      .selectFrom('populated_place')
      .innerJoin('district', 'district.ubigeo', 'populated_place.district_ubigeo')
      .select(['altitude_m', 'altitude_source', 'district.capital_altitude_m'])
      .where('code', '=', '0601010002')
      .executeTakeFirstOrThrow();
    expect(place.altitude_source).toBe('district_capital');
    expect(place.altitude_m).toBe(place.capital_altitude_m);
    expect(place.altitude_m).toBe(2731);
  });

  it('refuses malformed files with file, tile and reason, and changes nothing', async () => {
    const good = join(dir, 'S07W079.hgt');
    writeFileSync(good, hgtTile(100));
    const wrongSize = join(dir, 'S07W078.hgt');
    writeFileSync(wrongSize, hgtTile(100).subarray(0, 1201 * 1200 * 2));
    const truncated = join(dir, 'S08W079.hgt.gz');
    const zipped = gzipSync(hgtTile(100));
    writeFileSync(truncated, zipped.subarray(0, zipped.length >> 1));
    const utm = join(dir, 'utm.tif');
    writeFileSync(utm, geoTiff({ epsg: 32717 }));
    const rgb = join(dir, 'rgb.tif');
    writeFileSync(rgb, geoTiff({ bands: 3 }));
    const before = await snapshot();
    const error = await importDem(
      database.db,
      [good, wrongSize, truncated, utm, rgb],
      { department: '06' },
      ACTOR,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DemImportError);
    const issues = (error as DemImportError).issues;
    expect(issues).toEqual([
      {
        file: wrongSize,
        tile: 'S07W078',
        reason: expect.stringMatching(/^2,882,400 bytes; an SRTM HGT tile has 2,884,802/),
      },
      {
        file: truncated,
        tile: 'S08W079',
        reason: expect.stringMatching(/^truncated or corrupt gzip data/),
      },
      {
        file: utm,
        tile: 'image 1',
        reason: expect.stringMatching(
          /^projected coordinate system \(EPSG:32717\); only EPSG:4326/,
        ),
      },
      {
        file: rgb,
        tile: 'image 1',
        reason: '3 bands; an elevation GeoTIFF has one band of altitudes',
      },
    ]);
    expect(await snapshot()).toEqual(before);
    // A text file named like a tile, and an unknown department, are refused the same way.
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'hello');
    await expect(importDem(database.db, [text], {}, ACTOR)).rejects.toThrow(/not an SRTM tile/);
    await expect(importDem(database.db, [good], { department: '99' }, ACTOR)).rejects.toThrow(
      /department 99 is not in the database/,
    );
    expect(readFileSync(good).length).toBe(1201 * 1201 * 2);
    expect(await snapshot()).toEqual(before);
  });
});
