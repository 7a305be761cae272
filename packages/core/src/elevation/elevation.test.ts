import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gridProblems, sampleDem, sampleGrid, type ElevationGrid } from './grid.js';
import { HGT_VOID, parseHgt, parseHgtTileName } from './hgt.js';
import { gridFromGeoRaster } from './raster.js';

/** A 3″ HGT tile whose value at (row, col) is given by `value`, big-endian as on disk. */
function hgtBytes(value: (row: number, col: number) => number, side = 1201): Uint8Array {
  const bytes = new Uint8Array(side * side * 2);
  const view = new DataView(bytes.buffer);
  for (let r = 0; r < side; r++)
    for (let c = 0; c < side; c++) view.setInt16((r * side + c) * 2, value(r, c), false);
  return bytes;
}

function grid(values: number[], rows: number, cols: number, nodata: number | null = -32768) {
  return {
    name: 'test',
    north: 0,
    west: 0,
    rows,
    cols,
    latStep: 1,
    lonStep: 1,
    values,
    nodata,
  } satisfies ElevationGrid;
}

describe('SRTM HGT tiles', () => {
  it('reads the south-west corner from the name', () => {
    expect(parseHgtTileName('S07W079.hgt')).toEqual({ south: -7, west: -79, tile: 'S07W079' });
    expect(parseHgtTileName('/data/s05w080.HGT.gz')).toEqual({
      south: -5,
      west: -80,
      tile: 'S05W080',
    });
    expect(parseHgtTileName('N45E006.hgt')).toEqual({ south: 45, west: 6, tile: 'N45E006' });
    expect(parseHgtTileName('cajamarca.hgt')).toBeNull();
  });

  it('places rows north to south and columns west to east, big-endian', () => {
    // Value encodes its position: 10·row + col (row 0 = north edge, lat −6 for S07W079).
    const parsed = parseHgt(
      'S07W079.hgt',
      hgtBytes((r, c) => (r % 100) * 10 + (c % 10)),
    );
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.arcSeconds).toBe(3);
    const { grid: g } = parsed;
    expect(g.north).toBe(-6);
    expect(g.west).toBe(-79);
    expect(sampleGrid(g, -6, -79)).toMatchObject({ ok: true, altitudeM: 0 });
    // Row 3 (3 × 3″ south of −6°), column 7.
    expect(sampleGrid(g, -6 - 3 / 1200, -79 + 7 / 1200)).toMatchObject({ altitudeM: 37 });
    // The south-east corner is the last sample: row 1200, column 1200.
    expect(sampleGrid(g, -7, -78)).toMatchObject({ altitudeM: 0 * 10 + 0 });
    expect(sampleGrid(g, -7.0001, -78.5)).toEqual({ ok: false, reason: 'outside' });
  });

  it('tells 1″ from 3″ by the byte length and refuses any other length', () => {
    const one = parseHgt('S07W079.hgt', new Uint8Array(3601 * 3601 * 2));
    expect(one.ok && one.arcSeconds).toBe(1);
    const bad = parseHgt('S07W079.hgt', new Uint8Array(1201 * 1200 * 2));
    expect(bad).toMatchObject({ ok: false, tile: 'S07W079' });
    expect(!bad.ok && bad.reason).toMatch(/2,882,400 bytes; an SRTM HGT tile has 2,884,802/);
    expect(parseHgt('dem.hgt', new Uint8Array(8))).toMatchObject({ ok: false, tile: null });
  });

  it('samples across tiles that share their edges', () => {
    const west = parseHgt(
      'S07W079.hgt',
      hgtBytes(() => 100),
    );
    const east = parseHgt(
      'S07W078.hgt',
      hgtBytes(() => 200),
    );
    if (!west.ok || !east.ok) throw new Error('tiles');
    const dem = { grids: [west.grid, east.grid] };
    expect(sampleDem(dem, -6.5, -78.5)).toMatchObject({ altitudeM: 100, grid: 'S07W079.hgt' });
    expect(sampleDem(dem, -6.5, -77.5)).toMatchObject({ altitudeM: 200, grid: 'S07W078.hgt' });
    expect(sampleDem(dem, -5.5, -78.5)).toEqual({ ok: false, reason: 'outside' });
  });
});

describe('bilinear sampling', () => {
  it('interpolates the textbook case', () => {
    // 10 20 / 30 40: the centre is 25; a quarter of the way east on the top row is 12.5.
    const g = grid([10, 20, 30, 40], 2, 2);
    expect(sampleGrid(g, -0.5, 0.5)).toMatchObject({ altitudeM: 25 });
    expect(sampleGrid(g, 0, 0.25)).toMatchObject({ altitudeM: 12.5 });
    expect(sampleGrid(g, -0.25, 0.75)).toMatchObject({ altitudeM: 22.5 });
  });

  it('skips a void neighbour and renormalises the others', () => {
    const g = grid([10, -32768, 30, 40], 2, 2);
    // Centre: (10 + 30 + 40) / 3.
    expect(sampleGrid(g, -0.5, 0.5)).toMatchObject({ altitudeM: 80 / 3, validNeighbours: 3 });
    // On the void node itself: nothing that weighs is valid.
    expect(sampleGrid(g, 0, 1)).toEqual({ ok: false, reason: 'void' });
    // On the edge between 10 and the void: only 10 weighs among the valid ones.
    expect(sampleGrid(g, 0, 0.5)).toMatchObject({ altitudeM: 10 });
    const nan = grid([Number.NaN, Number.NaN, Number.NaN, Number.NaN], 2, 2, null);
    expect(sampleGrid(nan, -0.5, 0.5)).toEqual({ ok: false, reason: 'void' });
  });

  it('refuses grids of the wrong shape', () => {
    expect(gridProblems(grid([1, 2, 3], 2, 2))).toEqual(['3 values for a 2 × 2 grid (4 expected)']);
    expect(gridProblems({ ...grid([1, 2, 3, 4], 2, 2), latStep: 0 })[0]).toMatch(/cell size/);
    expect(gridProblems({ ...grid([1, 2, 3, 4], 2, 2), north: 95 })[0]).toMatch(/WGS 84/);
    expect(gridProblems(grid([1, 2, 3, 4], 2, 2))).toEqual([]);
  });

  it('puts pixel-is-area samples at pixel centres and pixel-is-point samples at the origin', () => {
    const raster = {
      name: 'r.tif',
      width: 2,
      height: 2,
      originLon: -79,
      originLat: -6,
      resolutionLon: 0.5,
      resolutionLat: 0.5,
      values: [1, 2, 3, 4],
      nodata: null,
    };
    expect(gridFromGeoRaster({ ...raster, rasterType: 'area' })).toMatchObject({
      north: -6.25,
      west: -78.75,
    });
    expect(gridFromGeoRaster({ ...raster, rasterType: 'point' })).toMatchObject({
      north: -6,
      west: -79,
    });
  });
});

describe('bilinear sampling properties', () => {
  const side = 6;
  const cells = fc.array(
    fc.oneof(
      { weight: 5, arbitrary: fc.integer({ min: -500, max: 6800 }) },
      { weight: 1, arbitrary: fc.constant(HGT_VOID) },
    ),
    { minLength: side * side, maxLength: side * side },
  );
  const position = fc.record({
    r: fc.double({ min: 0, max: side - 1, noNaN: true }),
    c: fc.double({ min: 0, max: side - 1, noNaN: true }),
  });
  const step = 1 / 1200;
  const make = (values: number[]): ElevationGrid => ({
    name: 'p',
    north: -6,
    west: -79,
    rows: side,
    cols: side,
    latStep: step,
    lonStep: step,
    values,
    nodata: HGT_VOID,
  });
  const neighbours = (values: number[], r: number, c: number) => {
    const i = Math.min(Math.floor(r), side - 2);
    const j = Math.min(Math.floor(c), side - 2);
    return [i * side + j, i * side + j + 1, (i + 1) * side + j, (i + 1) * side + j + 1]
      .map((k) => values[k] as number)
      .filter((v) => v !== HGT_VOID);
  };

  it('returns a value within the min and max of the valid surrounding samples, never a void', () => {
    fc.assert(
      fc.property(cells, position, (values, { r, c }) => {
        const sample = sampleGrid(make(values), -6 - r * step, -79 + c * step);
        if (!sample.ok) {
          expect(sample.reason).toBe('void');
          return;
        }
        const valid = neighbours(values, r, c);
        expect(valid.length).toBeGreaterThan(0);
        expect(sample.altitudeM).not.toBe(HGT_VOID);
        expect(sample.altitudeM).toBeGreaterThanOrEqual(Math.min(...valid) - 1e-9);
        expect(sample.altitudeM).toBeLessThanOrEqual(Math.max(...valid) + 1e-9);
      }),
    );
  });

  it('returns a node’s own value when sampled exactly at a grid node, and void on a void node', () => {
    const node = fc.record({
      i: fc.integer({ min: 0, max: side - 1 }),
      j: fc.integer({ min: 0, max: side - 1 }),
    });
    fc.assert(
      fc.property(cells, node, (values, { i, j }) => {
        const sample = sampleGrid(make(values), -6 - i * step, -79 + j * step);
        const own = values[i * side + j] as number;
        if (own === HGT_VOID) expect(sample).toEqual({ ok: false, reason: 'void' });
        else expect(sample).toMatchObject({ ok: true, altitudeM: own });
      }),
    );
  });

  it('says outside for any point beyond the grid', () => {
    const beyond = fc.oneof(
      fc.double({ min: -90, max: -6 - (side - 1) * step - 1e-6, noNaN: true }),
      fc.double({ min: -5.999999, max: 90, noNaN: true }),
    );
    fc.assert(
      fc.property(cells, beyond, (values, lat) => {
        expect(sampleGrid(make(values), lat, -79 + step)).toEqual({ ok: false, reason: 'outside' });
      }),
    );
  });
});
