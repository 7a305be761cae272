import type { Geometry, Position } from 'geojson';

export type Bounds = [west: number, south: number, east: number, north: number];

function visitPositions(geometry: Geometry, visit: (position: Position) => void): void {
  switch (geometry.type) {
    case 'Point':
      visit(geometry.coordinates);
      break;
    case 'MultiPoint':
    case 'LineString':
      geometry.coordinates.forEach(visit);
      break;
    case 'MultiLineString':
    case 'Polygon':
      geometry.coordinates.forEach((ring) => ring.forEach(visit));
      break;
    case 'MultiPolygon':
      geometry.coordinates.forEach((polygon) => polygon.forEach((ring) => ring.forEach(visit)));
      break;
    case 'GeometryCollection':
      geometry.geometries.forEach((child) => visitPositions(child, visit));
      break;
  }
}

/** Bounding box of a set of geometries, or null if there is none (empty department). */
export function boundsOf(geometries: Iterable<Geometry | null>): Bounds | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const geometry of geometries) {
    if (!geometry) continue;
    visitPositions(geometry, ([x, y]) => {
      if (x === undefined || y === undefined) return;
      west = Math.min(west, x);
      east = Math.max(east, x);
      south = Math.min(south, y);
      north = Math.max(north, y);
    });
  }
  return Number.isFinite(west) ? [west, south, east, north] : null;
}

/**
 * The features that have a geometry, as a map source takes them. The API sends `geometry: null`
 * where no boundary (or no coordinates) was loaded; MapLibre draws nothing for those, so leaving
 * them out changes nothing on screen and gives MapLibre the GeoJSON type it expects.
 */
export function drawable<F extends { readonly geometry: Geometry | null }>(collection: {
  readonly features: readonly F[];
}) {
  return {
    type: 'FeatureCollection' as const,
    features: collection.features.filter(
      (feature): feature is F & { geometry: NonNullable<F['geometry']> } =>
        feature.geometry !== null,
    ),
  };
}
