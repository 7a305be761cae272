import type { AreaGeometry } from '@yawar/core';
import { z } from 'zod';

/** GeoJSON (RFC 7946) shapes the API returns; coordinates are left loose to keep serialisation cheap. */
export const pointSchema = z.object({
  type: z.literal('Point'),
  coordinates: z.tuple([z.number(), z.number()]),
});
export const areaSchema = z.object({
  type: z.enum(['Polygon', 'MultiPolygon']),
  coordinates: z.array(z.any()).readonly(),
});

export function featureSchema<G extends z.ZodType, P extends z.ZodType>(
  geometry: G,
  properties: P,
) {
  return z.object({
    type: z.literal('Feature'),
    id: z.string(),
    geometry: geometry.nullable(),
    properties,
  });
}

export function featureCollectionSchema<F extends z.ZodType>(feature: F) {
  return z.object({ type: z.literal('FeatureCollection'), features: z.array(feature) });
}

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

export type Area = AreaGeometry;
