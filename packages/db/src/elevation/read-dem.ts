import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  gridFromGeoRaster,
  gridProblems,
  parseHgt,
  parseHgtTileName,
  type Dem,
  type ElevationGrid,
} from '@yawar/core';
import { fromArrayBuffer } from 'geotiff';

/** One refused DEM file: which file, which tile (HGT name or GeoTIFF image), and why. */
export interface DemFileIssue {
  readonly file: string;
  /** The SRTM tile (e.g. `S07W079`) or `image 1` of a GeoTIFF; null when not known. */
  readonly tile: string | null;
  readonly reason: string;
}

export class DemImportError extends Error {
  constructor(readonly issues: readonly DemFileIssue[]) {
    super(
      `${issues.length} DEM file problem(s); nothing was imported:\n` +
        issues.map((i) => `  ${i.file}${i.tile ? ` [${i.tile}]` : ''}: ${i.reason}`).join('\n'),
    );
    this.name = 'DemImportError';
  }
}

export interface DemFileSummary {
  readonly file: string;
  readonly format: 'hgt' | 'geotiff';
  readonly gzip: boolean;
  readonly grid: string;
  readonly cols: number;
  readonly rows: number;
}

export interface DemRead {
  readonly dem: Dem;
  readonly files: readonly DemFileSummary[];
}

/** GeoTIFFs larger than this many samples are refused rather than read into memory. */
const MAX_SAMPLES = 400_000_000;
const EPSG_WGS84 = 4326;
/** GeoTIFF 1.1 (OGC 19-008r4) §7.4: GTModelTypeGeoKey 2 = geographic latitude-longitude. */
const MODEL_GEOGRAPHIC = 2;

const isGzip = (b: Uint8Array) => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;
const isTiff = (b: Uint8Array) =>
  b.length >= 4 &&
  ((b[0] === 0x49 && b[1] === 0x49 && (b[2] === 42 || b[2] === 43) && b[3] === 0) ||
    (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && (b[3] === 42 || b[3] === 43)));

/**
 * Reads DEM files — SRTM `.hgt` tiles (3″ or 1″), the same gzip-compressed (`.hgt.gz`), and
 * single-band GeoTIFFs in EPSG:4326 (also gzip-compressed) — or folders of them. Every file is
 * checked before anything is returned; any problem throws a DemImportError listing all of them.
 */
export async function readDemFiles(paths: readonly string[]): Promise<DemRead> {
  const issues: DemFileIssue[] = [];
  const grids: ElevationGrid[] = [];
  const files: DemFileSummary[] = [];
  const expanded = expand(paths, issues);
  if (expanded.length === 0 && issues.length === 0)
    issues.push({ file: paths.join(', ') || '(none)', tile: null, reason: 'no DEM file given' });
  for (const file of expanded) {
    const result = await readDemFile(file);
    if ('issue' in result) {
      issues.push(result.issue);
      continue;
    }
    const problems = gridProblems(result.grid);
    if (problems.length > 0) {
      for (const reason of problems) issues.push({ file, tile: result.grid.name, reason });
      continue;
    }
    grids.push(result.grid);
    files.push(result.summary);
  }
  if (issues.length > 0) throw new DemImportError(issues);
  return { dem: { grids }, files };
}

/** Folders stand for the DEM files they hold (not recursive); missing paths are issues. */
function expand(paths: readonly string[], issues: DemFileIssue[]): string[] {
  const out: string[] = [];
  for (const path of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      issues.push({ file: path, tile: null, reason: 'no such file or folder' });
      continue;
    }
    if (!isDir) out.push(path);
    else
      out.push(
        ...readdirSync(path)
          .filter((name) => /\.(hgt|tif|tiff)(\.gz)?$/i.test(name))
          .sort()
          .map((name) => join(path, name)),
      );
  }
  return out;
}

type FileResult = { grid: ElevationGrid; summary: DemFileSummary } | { issue: DemFileIssue };

async function readDemFile(file: string): Promise<FileResult> {
  const name = basename(file);
  const tileName = parseHgtTileName(name)?.tile ?? null;
  let bytes: Uint8Array = readFileSync(file);
  const gzip = isGzip(bytes);
  if (gzip) {
    try {
      bytes = gunzipSync(bytes);
    } catch (error) {
      return {
        issue: {
          file,
          tile: tileName,
          reason: `truncated or corrupt gzip data (${(error as Error).message})`,
        },
      };
    }
  }
  if (isTiff(bytes)) return readGeoTiff(file, bytes, gzip);
  if (/\.hgt(\.gz)?$/i.test(name) || (tileName && !/\.tiff?(\.gz)?$/i.test(name))) {
    const parsed = parseHgt(name, bytes);
    if (!parsed.ok) return { issue: { file, tile: parsed.tile, reason: parsed.reason } };
    return {
      grid: parsed.grid,
      summary: {
        file,
        format: 'hgt',
        gzip,
        grid: parsed.grid.name,
        cols: parsed.grid.cols,
        rows: parsed.grid.rows,
      },
    };
  }
  return {
    issue: {
      file,
      tile: tileName,
      reason:
        'not an SRTM tile (.hgt, .hgt.gz) nor a GeoTIFF (.tif): the file starts with neither TIFF bytes nor a tile name',
    },
  };
}

async function readGeoTiff(file: string, bytes: Uint8Array, gzip: boolean): Promise<FileResult> {
  const tile = 'image 1';
  const refuse = (reason: string): FileResult => ({ issue: { file, tile, reason } });
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const tiff = await fromArrayBuffer(buffer as ArrayBuffer);
    const image = await tiff.getImage(0);
    const bands = image.getSamplesPerPixel();
    if (bands !== 1)
      return refuse(`${bands} bands; an elevation GeoTIFF has one band of altitudes`);
    const keys = (image.getGeoKeys() ?? {}) as Record<string, unknown>;
    const projected = keys['ProjectedCSTypeGeoKey'];
    if (projected !== undefined || keys['GTModelTypeGeoKey'] === 1)
      return refuse(
        `projected coordinate system (EPSG:${String(projected ?? 'user-defined')}); only EPSG:4326 (WGS 84 longitude/latitude) is read — reproject it first, e.g. gdalwarp -t_srs EPSG:4326`,
      );
    const geographic = keys['GeographicTypeGeoKey'];
    if (keys['GTModelTypeGeoKey'] !== MODEL_GEOGRAPHIC || geographic !== EPSG_WGS84)
      return refuse(
        `coordinate system ${geographic === undefined ? 'not stated' : `EPSG:${String(geographic)}`}; only EPSG:4326 (WGS 84 longitude/latitude) is read`,
      );
    const width = image.getWidth();
    const height = image.getHeight();
    if (width * height > MAX_SAMPLES)
      return refuse(`${width} × ${height} samples; crop it to the area of interest first`);
    const [resX, resY] = image.getResolution();
    if (resX === undefined || resY === undefined || !(resX > 0) || !(resY < 0))
      return refuse('not a north-up raster (rotated or flipped georeferencing)');
    const [originLon, originLat] = image.getOrigin();
    const rasters = await image.readRasters({ interleave: false });
    const values = (rasters as unknown as ArrayLike<number>[])[0];
    if (!values) return refuse('the image has no samples');
    const nodata = image.getGDALNoData();
    const grid = gridFromGeoRaster({
      name: basename(file),
      width,
      height,
      originLon: originLon ?? Number.NaN,
      originLat: originLat ?? Number.NaN,
      resolutionLon: resX,
      resolutionLat: -resY,
      rasterType: keys['GTRasterTypeGeoKey'] === 2 ? 'point' : 'area',
      values,
      nodata: nodata ?? null,
    });
    return {
      grid,
      summary: { file, format: 'geotiff', gzip, grid: grid.name, cols: width, rows: height },
    };
  } catch (error) {
    return refuse(`unreadable GeoTIFF (${(error as Error).message})`);
  }
}
