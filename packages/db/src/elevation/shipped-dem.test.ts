import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { demBounds, parseCsv, sampleDem, type Dem } from '@yawar/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CAJAMARCA_DIR } from '../paths.js';
import { readDemFiles } from './read-dem.js';

const DEM_DIR = join(CAJAMARCA_DIR, 'dem');
let dem: Dem;

beforeAll(async () => {
  ({ dem } = await readDemFiles([DEM_DIR]));
});

function altitude(lat: number, lon: number): number {
  const sample = sampleDem(dem, lat, lon);
  if (!sample.ok) throw new Error(`no altitude at ${lat}, ${lon}: ${sample.reason}`);
  return sample.altitudeM;
}

describe('the Cajamarca DEM shipped in data/cajamarca/dem', () => {
  it('is one compact file covering the department with a margin', () => {
    expect(dem.grids).toHaveLength(1);
    expect(statSync(join(DEM_DIR, 'cajamarca-srtm3.tif')).size).toBeLessThan(10_000_000);
    // Department bounding box: lon −79.453…−77.741, lat −7.759…−4.624 (departamento.geojson).
    const bounds = demBounds(dem);
    const expected = { west: -79.5, south: -7.8, east: -77.7, north: -4.58 };
    for (const [side, value] of Object.entries(expected))
      expect(bounds?.[side as keyof typeof expected]).toBeCloseTo(value, 9);
    const [grid] = dem.grids;
    expect(grid).toMatchObject({ rows: 3865, cols: 2161, nodata: -32768 });
    expect(grid?.latStep).toBeCloseTo(1 / 1200, 15);
  });

  it('gives the main squares of Cajamarca and Jaén their known altitudes', () => {
    // Plaza de Armas de Cajamarca (−7.1566, −78.5175): 2,724 m in SRTM, ±30 m.
    expect(Math.abs(altitude(-7.1566, -78.5175) - 2724)).toBeLessThanOrEqual(30);
    // Plaza de Armas de Jaén (−5.7075, −78.8085): 731 m, ±30 m.
    expect(Math.abs(altitude(-5.7075, -78.8085) - 731)).toBeLessThanOrEqual(30);
  });

  it('agrees within 30 m with INEI’s altitude of the province capitals at INEI’s coordinates', () => {
    // data/cajamarca/ubigeo_distrito.csv (INEI via ubigeo-peru-aumentado): capital, altitude, lat, lon.
    const text = readFileSync(join(CAJAMARCA_DIR, 'ubigeo_distrito.csv'), 'utf8');
    const { header, records } = parseCsv(text);
    const col = (name: string) => header.indexOf(name);
    const capitals: Record<string, number> = {};
    for (const { values: row } of records) {
      const code = row[col('inei')] ?? '';
      if (!['060101', '060301', '060401', '060601', '060801'].includes(code)) continue;
      const official = Number(row[col('altitude')]);
      const dem = altitude(Number(row[col('latitude')]), Number(row[col('longitude')]));
      capitals[row[col('capital')] ?? code] = Math.round(dem - official);
    }
    // Cajamarca 2,731, Celendín 2,629, Chota 2,430, Cutervo 2,665, Jaén 728 (INEI).
    expect(Object.keys(capitals).sort()).toEqual([
      'Cajamarca',
      'Celendín',
      'Chota',
      'Cutervo',
      'Jaén',
    ]);
    for (const difference of Object.values(capitals))
      expect(Math.abs(difference)).toBeLessThanOrEqual(30);
  });

  it('has no void where the department has populated places', () => {
    const text = readFileSync(join(CAJAMARCA_DIR, 'centros_poblados.csv'), 'utf8');
    const rows = parseCsv(text).records.map((r) => r.values);
    const missing = rows.filter((row) => !sampleDem(dem, Number(row[7]), Number(row[8])).ok);
    expect(rows.length).toBe(6513);
    expect(missing).toEqual([]);
  });
});
