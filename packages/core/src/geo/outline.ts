/**
 * An approximate outline for a set of points: the convex hull of the points, each first widened
 * into a small circle (a regular polygon of `OUTLINE_SEGMENTS` sides) of `bufferKm` radius.
 *
 * Used for microredes, which have no official boundary: MINSA's RENAES registry
 * (https://www.minsa.gob.pe/reunis/data/renaes.asp) lists the microred of each establishment but
 * publishes no polygon. The outline is therefore honest only as "the envelope of its
 * establishments": it says where its establishments are, not which population it serves. See
 * docs/methods/health-network.md.
 *
 * The hull is Andrew's monotone chain (A. M. Andrew, "Another efficient algorithm for convex hulls
 * in two dimensions", Information Processing Letters 9(5), 1979). Distances use a local
 * equirectangular scale (1° of latitude = 110.574 km, 1° of longitude = 111.320 km × cos φ), which
 * is well within a metre per kilometre over the few tens of kilometres of a microred.
 */
import type { LonLat, PolygonGeometry } from './geometry.js';

export const OUTLINE_SEGMENTS = 16;
/** The default widening: a lone establishment still gets a visible outline (about 2 km). */
export const DEFAULT_OUTLINE_BUFFER_KM = 2;

const KM_PER_DEGREE_LAT = 110.574;
const KM_PER_DEGREE_LON_EQUATOR = 111.32;

type Point = readonly [number, number];

const cross = (o: Point, a: Point, b: Point): number =>
  (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/**
 * Convex hull of points, counter-clockwise, without repeating the first point; collinear points
 * on an edge are dropped. Fewer than three distinct points come back as they are (deduplicated).
 */
export function convexHull(points: readonly Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const unique = sorted.filter(
    (p, i) => i === 0 || p[0] !== sorted[i - 1]?.[0] || p[1] !== sorted[i - 1]?.[1],
  );
  if (unique.length < 3) return unique;
  const half = (list: readonly Point[]): Point[] => {
    const chain: Point[] = [];
    for (const p of list) {
      while (
        chain.length >= 2 &&
        cross(chain[chain.length - 2] as Point, chain[chain.length - 1] as Point, p) <= 0
      )
        chain.pop();
      chain.push(p);
    }
    chain.pop();
    return chain;
  };
  return [...half(unique), ...half([...unique].reverse())];
}

export interface OutlineOptions {
  /** Radius each point is widened by, km (default 2). */
  readonly bufferKm?: number;
}

/**
 * The outline of a set of points as a closed GeoJSON polygon (counter-clockwise exterior ring,
 * RFC 7946), or null when there is no point. Every input point lies strictly inside it when
 * bufferKm > 0, and inside or on it when bufferKm is 0 (then one or two points give a degenerate
 * ring, which is returned as null because it is no area).
 */
export function pointsOutline(
  points: readonly LonLat[],
  options: OutlineOptions = {},
): PolygonGeometry | null {
  const finite = points.filter((p) => Number.isFinite(p.lon) && Number.isFinite(p.lat));
  if (finite.length === 0) return null;
  const bufferKm = options.bufferKm ?? DEFAULT_OUTLINE_BUFFER_KM;
  if (!(bufferKm >= 0)) throw new RangeError(`bufferKm must be ≥ 0, got ${bufferKm}`);
  const meanLat = finite.reduce((sum, p) => sum + p.lat, 0) / finite.length;
  const dLat = bufferKm / KM_PER_DEGREE_LAT;
  const dLon =
    bufferKm / (KM_PER_DEGREE_LON_EQUATOR * Math.max(Math.cos((meanLat * Math.PI) / 180), 0.01));
  const widened: Point[] = [];
  for (const p of finite) {
    if (bufferKm === 0) {
      widened.push([p.lon, p.lat]);
      continue;
    }
    // A circumscribed polygon (radius / cos(π/n)) so the true circle lies inside it.
    const scale = 1 / Math.cos(Math.PI / OUTLINE_SEGMENTS);
    for (let k = 0; k < OUTLINE_SEGMENTS; k++) {
      const angle = (2 * Math.PI * k) / OUTLINE_SEGMENTS;
      widened.push([
        p.lon + dLon * scale * Math.cos(angle),
        p.lat + dLat * scale * Math.sin(angle),
      ]);
    }
  }
  const hull = convexHull(widened);
  if (hull.length < 3) return null;
  // Rounding moves a vertex by at most 5e-8°, far inside the widening; unwidened points stay exact.
  const ring = hull.map(
    ([lon, lat]) => (bufferKm === 0 ? [lon, lat] : [round(lon), round(lat)]) as [number, number],
  );
  const first = ring[0] as [number, number];
  return { type: 'Polygon', coordinates: [[...ring, first]] };
}

/** Seven decimals (~1 cm): enough for a map, and stable output for tests and caches. */
const round = (value: number): number => Math.round(value * 1e7) / 1e7;
