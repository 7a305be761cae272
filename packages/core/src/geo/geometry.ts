/**
 * Minimal GeoJSON geometry types and point-in-polygon, enough to check that an establishment lies
 * in the district it declares. Coordinates are WGS84 [longitude, latitude] as in RFC 7946.
 */

export type Position = readonly [number, number] | readonly number[];
export type LinearRing = readonly Position[];

export interface PolygonGeometry {
  readonly type: 'Polygon';
  readonly coordinates: readonly LinearRing[];
}

export interface MultiPolygonGeometry {
  readonly type: 'MultiPolygon';
  readonly coordinates: readonly (readonly LinearRing[])[];
}

export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

export interface LonLat {
  readonly lon: number;
  readonly lat: number;
}

export interface BBox {
  readonly minLon: number;
  readonly minLat: number;
  readonly maxLon: number;
  readonly maxLat: number;
}

export function isAreaGeometry(value: unknown): value is AreaGeometry {
  if (typeof value !== 'object' || value === null) return false;
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  return (type === 'Polygon' || type === 'MultiPolygon') && Array.isArray(coordinates);
}

function polygonsOf(geometry: AreaGeometry): readonly (readonly LinearRing[])[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Even-odd ray casting; a point in a hole is outside. Points exactly on an edge may go either way. */
function ringContains(ring: LinearRing, { lon, lat }: LonLat): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function geometryContains(geometry: AreaGeometry, point: LonLat): boolean {
  return polygonsOf(geometry).some((rings) => {
    const [outer, ...holes] = rings;
    return (
      outer !== undefined &&
      ringContains(outer, point) &&
      !holes.some((hole) => ringContains(hole, point))
    );
  });
}

/** Distance in degrees from a point to the nearest edge of the geometry (planar, for tolerances). */
export function degreesToBoundary(geometry: AreaGeometry, point: LonLat): number {
  let best = Infinity;
  for (const rings of polygonsOf(geometry)) {
    for (const ring of rings) {
      for (let i = 1; i < ring.length; i++) {
        best = Math.min(
          best,
          segmentDistance(point, ring[i - 1] as [number, number], ring[i] as [number, number]),
        );
      }
    }
  }
  return best;
}

function segmentDistance(
  p: LonLat,
  [ax, ay]: [number, number],
  [bx, by]: [number, number],
): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t =
    lengthSquared === 0
      ? 0
      : Math.max(0, Math.min(1, ((p.lon - ax) * dx + (p.lat - ay) * dy) / lengthSquared));
  return Math.hypot(p.lon - (ax + t * dx), p.lat - (ay + t * dy));
}

export function boundingBox(geometries: readonly AreaGeometry[]): BBox | null {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const geometry of geometries) {
    for (const rings of polygonsOf(geometry)) {
      for (const ring of rings) {
        for (const [lon, lat] of ring as [number, number][]) {
          minLon = Math.min(minLon, lon);
          maxLon = Math.max(maxLon, lon);
          minLat = Math.min(minLat, lat);
          maxLat = Math.max(maxLat, lat);
        }
      }
    }
  }
  return minLon === Infinity ? null : { minLon, minLat, maxLon, maxLat };
}
