import type { ElevationGrid } from './grid.js';

/**
 * SRTM HGT tiles (NASA/USGS Shuttle Radar Topography Mission, "SRTM Topography" format note,
 * https://dds.cr.usgs.gov/srtm/version2_1/Documentation/SRTM_Topo.pdf): a file named after the
 * latitude and longitude of its south-west corner (`S07W079` covers 7°–6° S, 79°–78° W) holds a
 * square of big-endian signed 16-bit altitudes in metres, rows from north to south, columns
 * from west to east; 1,201 × 1,201 samples at 3 arc-seconds or 3,601 × 3,601 at 1 arc-second.
 * Neighbouring tiles share their edge row and column. −32768 marks a void.
 */
export const HGT_VOID = -32768;

/** Samples per side for each resolution, told apart by the file's byte length. */
export const HGT_SIZES = Object.freeze([
  { arcSeconds: 3, side: 1201 },
  { arcSeconds: 1, side: 3601 },
]);

export interface HgtTileName {
  /** Latitude of the south-west corner, degrees (negative south). */
  readonly south: number;
  /** Longitude of the south-west corner, degrees (negative west). */
  readonly west: number;
  /** Canonical name, e.g. `S07W079`. */
  readonly tile: string;
}

/** Reads `S07W079` (any case, inside any file name such as `S07W079.hgt.gz`); null if absent. */
export function parseHgtTileName(fileName: string): HgtTileName | null {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const match = /^([NS])(\d{2})([EW])(\d{3})(?:\.|$)/i.exec(base);
  if (!match) return null;
  const [, ns, lat, ew, lon] = match as unknown as [string, string, string, string, string];
  const south = (ns.toUpperCase() === 'S' ? -1 : 1) * Number(lat);
  const west = (ew.toUpperCase() === 'W' ? -1 : 1) * Number(lon);
  if (south < -90 || south > 89 || west < -180 || west > 179) return null;
  return { south, west, tile: `${ns.toUpperCase()}${lat}${ew.toUpperCase()}${lon}` };
}

export type HgtResult =
  | { readonly ok: true; readonly grid: ElevationGrid; readonly arcSeconds: number }
  | { readonly ok: false; readonly tile: string | null; readonly reason: string };

/**
 * Parses one HGT tile. `fileName` gives the position (the tile name); the byte length gives the
 * resolution. Values are copied into an Int16Array; voids stay −32768 and are skipped by sampling.
 */
export function parseHgt(fileName: string, bytes: Uint8Array): HgtResult {
  const name = parseHgtTileName(fileName);
  if (!name)
    return {
      ok: false,
      tile: null,
      reason:
        'the file name does not name an SRTM tile (e.g. S07W079.hgt: latitude and longitude of its south-west corner)',
    };
  const size = HGT_SIZES.find((s) => s.side * s.side * 2 === bytes.byteLength);
  if (!size)
    return {
      ok: false,
      tile: name.tile,
      reason: `${bytes.byteLength.toLocaleString('en')} bytes; an SRTM HGT tile has ${(1201 * 1201 * 2).toLocaleString('en')} (3″, 1,201 × 1,201) or ${(3601 * 3601 * 2).toLocaleString('en')} (1″, 3,601 × 3,601)`,
    };
  const values = new Int16Array(size.side * size.side);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let k = 0; k < values.length; k++) values[k] = view.getInt16(k * 2, false);
  const step = size.arcSeconds / 3600;
  return {
    ok: true,
    arcSeconds: size.arcSeconds,
    grid: {
      name: `${name.tile}.hgt`,
      north: name.south + 1,
      west: name.west,
      rows: size.side,
      cols: size.side,
      latStep: step,
      lonStep: step,
      values,
      nodata: HGT_VOID,
    },
  };
}
