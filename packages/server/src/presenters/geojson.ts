import type { AreaBoundary, OutlineBoundary } from '@yawar/api';
import type { AreaGeometry, PolygonGeometry } from '@yawar/core';

/**
 * Builds the GeoJSON (RFC 7946) the API returns; the shapes are @yawar/api's
 * (`geoFeatureSchema`, `geoFeatureCollectionSchema`, `areaGeometrySchema`).
 */
export interface Feature<G, P> {
  type: 'Feature';
  id: string;
  geometry: G | null;
  properties: P;
}

export function feature<G, P>(id: string, geometry: G | null, properties: P): Feature<G, P> {
  return { type: 'Feature', id, geometry, properties };
}

export function featureCollection<F>(features: F[]): { type: 'FeatureCollection'; features: F[] } {
  return { type: 'FeatureCollection', features };
}

export function point(
  lon: number | null,
  lat: number | null,
): { type: 'Point'; coordinates: [number, number] } | null {
  return lon === null || lat === null ? null : { type: 'Point', coordinates: [lon, lat] };
}

/**
 * A boundary as the contract types it (GeoJSON's mutable arrays, for the web app's map). The core
 * and the database read geometries as readonly; the object sent is the same, only its type changes.
 */
export const boundary = (geometry: AreaGeometry | null) => geometry as AreaBoundary | null;
export const outline = (geometry: PolygonGeometry | null) => geometry as OutlineBoundary | null;
