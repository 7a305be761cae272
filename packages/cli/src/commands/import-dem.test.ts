import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cliOnTestDatabase } from '../testing/cli-on-test-database.js';

const { dir, yawar } = cliOnTestDatabase('yawar-dem-cli-');
const SHIPPED = path.resolve(import.meta.dirname, '../../../../data/cajamarca/dem');

function tile(altitude: number, length = 1201 * 1201): Buffer {
  const bytes = Buffer.alloc(length * 2);
  for (let k = 0; k < length; k++) bytes.writeInt16BE(altitude, k * 2);
  return bytes;
}

describe('yawar import dem', () => {
  it('finds the shipped DEM already applied on first start, and changes nothing on a rerun', async () => {
    const { code, out } = await yawar('import', 'dem', SHIPPED, '--department', '06');
    expect(code).toBe(0);
    expect(out).toContain('cajamarca-srtm3.tif (geotiff, 2161 × 3865)');
    expect(out).toContain('Department 06: already up to date, nothing changed.');
    expect(out).toMatch(/populated places\s+6513\s+0\s+0\s+0\s+0/);
  });

  it('yawar import reference applies the folder’s dem/ after the reference load', async () => {
    const { code, out } = await yawar('import', 'reference', path.dirname(SHIPPED));
    expect(code).toBe(0);
    // A second load of the same folder: the DEM step finds every altitude already in place.
    expect(out).toMatch(
      /Altitudes from the folder's DEM \(dem\/\): 6513 populated places and \d+ establishments from the DEM, \d+ from the district capital, \d+ RENAES altitudes kept; 0 rows written\./,
    );
  });

  it('applies a gzip-compressed tile to the department whose places it covers', async () => {
    fs.writeFileSync(path.join(dir, 'S06W079.hgt.gz'), gzipSync(tile(1500)));
    const { code, out } = await yawar('import', 'dem', 'S06W079.hgt.gz');
    expect(code).toBe(0);
    expect(out).toContain('S06W079.hgt.gz (hgt, gzip, 1201 × 1201)');
    expect(out).toContain('Department 06: altitudes updated.');
  });

  it('refuses a malformed tile with file, tile and reason, and changes nothing', async () => {
    fs.writeFileSync(path.join(dir, 'S07W079.hgt'), tile(100, 1201 * 1000));
    const { code, err } = await yawar('import', 'dem', 'S07W079.hgt', 'S06W079.hgt.gz');
    expect(code).toBe(1);
    expect(err).toContain(
      'S07W079.hgt [S07W079]: 2,402,000 bytes; an SRTM HGT tile has 2,884,802 (3″, 1,201 × 1,201)',
    );
    expect(err).toContain('Import rejected: 1 problem(s). The database was not changed.');
    // The earlier tile is still what the database holds: a rerun of it changes nothing.
    const rerun = await yawar('import', 'dem', 'S06W079.hgt.gz');
    expect(rerun.out).toContain('already up to date, nothing changed');
  });
});
