import type { Polygon } from 'geojson';
import { z } from 'zod';
import {
  boundaryGeometrySchema,
  geoFeatureCollectionSchema,
  geoFeatureSchema,
} from './territory.js';

/** /api/microreds and their outlines: red → microred → establishment, from MINSA's RENAES. */
export const microredSchema = z.object({
  code: z.string().describe('Scope code <department>/<RED>/<MICRORED>, e.g. 06/CHOTA/CHOTA'),
  name: z.string(),
  registryCode: z.string().nullable().describe('MINSA microred code within its red (RENAES)'),
  network: z.string(),
  networkCode: z.string().describe('Scope code of its red, e.g. 06/CHOTA'),
  networkRegistryCode: z.string().nullable(),
  departmentUbigeo: z.string(),
  establishmentCount: z.number(),
  withCoordinates: z
    .number()
    .describe(
      'Establishments whose coordinates lie in their district: the outline is built on them',
    ),
});

export const microredListSchema = z.object({
  source: z.string(),
  items: z.array(microredSchema),
  withoutMicrored: z
    .number()
    .describe('Registry establishments of the department with no microred'),
});

/**
 * The outline is always one polygon (a widened convex envelope, core `pointsOutline`), null when
 * no establishment of the microred has usable coordinates.
 */
const outlineGeometrySchema = boundaryGeometrySchema<Polygon>(
  ['Polygon'],
  'GeoJSON Polygon (WGS84): an approximate outline, not an official boundary',
);

const microredOutlinePropertiesSchema = microredSchema.extend({
  method: z.string().describe('What the outline is (not an official boundary), in Spanish'),
});

export const microredOutlineCollectionSchema = geoFeatureCollectionSchema(
  geoFeatureSchema(outlineGeometrySchema, microredOutlinePropertiesSchema),
);

/** A microred's approximate outline: one Polygon. */
export type OutlineBoundary = z.infer<typeof outlineGeometrySchema>;
export type MicroredItem = z.infer<typeof microredSchema>;
export type MicroredList = z.infer<typeof microredListSchema>;
export type MicroredOutlineProperties = z.infer<typeof microredOutlinePropertiesSchema>;
export type MicroredOutlineCollection = z.infer<typeof microredOutlineCollectionSchema>;
export type MicroredOutlineFeature = MicroredOutlineCollection['features'][number];
