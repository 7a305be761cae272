/**
 * A digital elevation model as regular grids of altitude samples in geographic coordinates
 * (WGS 84 / EPSG:4326 degrees), and bilinear sampling at a point. Pure: the bytes of a file are
 * turned into grids by `hgt.ts` (SRTM tiles) or by the database package (GeoTIFF, gzip).
 *
 * Method and sources: docs/methods/elevation.md.
 */

/** One regular grid of samples; row 0 is the northernmost, column 0 the westernmost. */
export interface ElevationGrid {
  /** The tile or file it came from, for messages and provenance (e.g. `S07W079.hgt`). */
  readonly name: string;
  /** Latitude of the samples of row 0 (degrees, the northern edge of the sample grid). */
  readonly north: number;
  /** Longitude of the samples of column 0 (degrees). */
  readonly west: number;
  readonly rows: number;
  readonly cols: number;
  /** Degrees between two rows (positive; rows run north → south). */
  readonly latStep: number;
  /** Degrees between two columns (positive). */
  readonly lonStep: number;
  /** Row-major altitudes in metres, `rows × cols` values. */
  readonly values: ArrayLike<number>;
  /** The value that marks a void (no data), e.g. −32768 in SRTM; NaN is always a void. */
  readonly nodata: number | null;
}

/** Several grids (tiles that share edges, or one cropped raster) sampled as one surface. */
export interface Dem {
  readonly grids: readonly ElevationGrid[];
}

export type ElevationSample =
  | {
      readonly ok: true;
      /** Metres above the grid's vertical datum (EGM96 geoid for SRTM), not rounded. */
      readonly altitudeM: number;
      /** The grid the value came from. */
      readonly grid: string;
      /** How many of the four surrounding samples were valid (< 4: voids were skipped). */
      readonly validNeighbours: number;
    }
  | {
      readonly ok: false;
      /** `outside`: no grid covers the point; `void`: every sample that would weigh is a void. */
      readonly reason: 'outside' | 'void';
    };

/** A row or column position this close to a grid line is taken as on it (floating-point noise). */
const SNAP = 1e-9;

/** Checks a grid's shape; returns the reasons it cannot be used (empty when it is fine). */
export function gridProblems(grid: ElevationGrid): string[] {
  const problems: string[] = [];
  if (
    !Number.isInteger(grid.rows) ||
    !Number.isInteger(grid.cols) ||
    grid.rows < 2 ||
    grid.cols < 2
  )
    problems.push(`the grid must have at least 2 × 2 samples (has ${grid.cols} × ${grid.rows})`);
  else if (grid.values.length !== grid.rows * grid.cols)
    problems.push(
      `${grid.values.length} values for a ${grid.cols} × ${grid.rows} grid (${grid.rows * grid.cols} expected)`,
    );
  if (!(grid.latStep > 0) || !(grid.lonStep > 0) || grid.latStep > 1 || grid.lonStep > 1)
    problems.push(
      `cell size ${grid.lonStep} × ${grid.latStep} degrees is not a positive size of at most 1°`,
    );
  const south = grid.north - (grid.rows - 1) * grid.latStep;
  const east = grid.west + (grid.cols - 1) * grid.lonStep;
  if (!(grid.north <= 90 && south >= -90 && grid.west >= -180 && east <= 180))
    problems.push(
      `extent lon ${grid.west}…${east}, lat ${south}…${grid.north} is not within WGS 84 degrees`,
    );
  return problems;
}

/** Extent of the sample grid (the outermost sample positions), degrees. */
export function gridBounds(grid: ElevationGrid): {
  west: number;
  south: number;
  east: number;
  north: number;
} {
  return {
    west: grid.west,
    south: grid.north - (grid.rows - 1) * grid.latStep,
    east: grid.west + (grid.cols - 1) * grid.lonStep,
    north: grid.north,
  };
}

function isVoid(value: number, nodata: number | null): boolean {
  return Number.isNaN(value) || value === nodata;
}

function snap(position: number): number {
  const nearest = Math.round(position);
  return Math.abs(position - nearest) < SNAP ? nearest : position;
}

/**
 * Bilinear interpolation at (lat, lon) in one grid. With r and c the fractional row and column of
 * the point, i = ⌊r⌋, j = ⌊c⌋, u = r − i, v = c − j and z the four surrounding samples:
 *
 *   z = (1−u)(1−v)·z[i][j] + (1−u)v·z[i][j+1] + u(1−v)·z[i+1][j] + uv·z[i+1][j+1]
 *
 * Voids: a void sample is dropped and the remaining weights are renormalised (the value is the
 * weighted mean of the valid samples that weigh), so a void is never read as an altitude and the
 * result stays within the valid neighbours. A sample with weight 0 (the point lies on a grid line)
 * does not count. When every weighing sample is a void the answer is `void`.
 */
export function sampleGrid(grid: ElevationGrid, lat: number, lon: number): ElevationSample {
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return { ok: false, reason: 'outside' };
  const r = snap((grid.north - lat) / grid.latStep);
  const c = snap((lon - grid.west) / grid.lonStep);
  if (r < 0 || c < 0 || r > grid.rows - 1 || c > grid.cols - 1)
    return { ok: false, reason: 'outside' };
  const i = Math.min(Math.floor(r), grid.rows - 2);
  const j = Math.min(Math.floor(c), grid.cols - 2);
  const u = r - i;
  const v = c - j;
  const at = i * grid.cols + j;
  const samples = [
    [grid.values[at] as number, (1 - u) * (1 - v)],
    [grid.values[at + 1] as number, (1 - u) * v],
    [grid.values[at + grid.cols] as number, u * (1 - v)],
    [grid.values[at + grid.cols + 1] as number, u * v],
  ] as const;
  let sum = 0;
  let weight = 0;
  let valid = 0;
  for (const [value, w] of samples) {
    if (isVoid(value, grid.nodata)) continue;
    valid += 1;
    if (w === 0) continue;
    sum += w * value;
    weight += w;
  }
  if (weight === 0) return { ok: false, reason: 'void' };
  return { ok: true, altitudeM: sum / weight, grid: grid.name, validNeighbours: valid };
}

/**
 * Samples a DEM: the first grid that covers the point and has a valid value there answers
 * (neighbouring SRTM tiles repeat their shared edge, so either tile gives the same value).
 */
export function sampleDem(dem: Dem, lat: number, lon: number): ElevationSample {
  let covered = false;
  for (const grid of dem.grids) {
    const sample = sampleGrid(grid, lat, lon);
    if (sample.ok) return sample;
    if (sample.reason === 'void') covered = true;
  }
  return { ok: false, reason: covered ? 'void' : 'outside' };
}

/** The smallest box holding every grid of the DEM (degrees), or null for an empty DEM. */
export function demBounds(
  dem: Dem,
): { west: number; south: number; east: number; north: number } | null {
  if (dem.grids.length === 0) return null;
  const all = dem.grids.map(gridBounds);
  return {
    west: Math.min(...all.map((b) => b.west)),
    south: Math.min(...all.map((b) => b.south)),
    east: Math.max(...all.map((b) => b.east)),
    north: Math.max(...all.map((b) => b.north)),
  };
}
