import { isAreaGeometry } from '@yawar/core';
import type { MultiPolygon, Polygon } from 'geojson';
import { z } from 'zod';
import { departmentParam, districtParam, provinceParam } from './params.js';

/**
 * /api/summary, /api/departments, /api/provinces, /api/districts, /api/populated-places: the
 * reference territory, as GeoJSON (RFC 7946) where it has a shape. The GeoJSON building blocks
 * here serve the microred outlines and the establishments too.
 */

/** A point [longitude, latitude]: two numbers, cheap to check, so it is checked. */
export const pointGeometrySchema = z.object({
  type: z.literal('Point'),
  coordinates: z.tuple([z.number(), z.number()]),
});

/**
 * A boundary (Polygon or MultiPolygon) of the given types. Its thousands of points are not checked
 * one by one: the serializer would walk every district's outline on every request. Only the type
 * and that the coordinates are an array are checked (as before); the web app gets the GeoJSON
 * types, and the OpenAPI document says the same in JSON Schema.
 */
export function boundaryGeometrySchema<G extends Polygon | MultiPolygon>(
  types: readonly G['type'][],
  description: string,
) {
  return z
    .custom<G>(
      (value) => isAreaGeometry(value) && types.includes(value.type),
      `a GeoJSON ${types.join(' or ')}`,
    )
    .meta({
      description,
      type: 'object',
      required: ['type', 'coordinates'],
      properties: {
        type: { type: 'string', enum: [...types] },
        coordinates: { type: 'array', description: 'RFC 7946 positions, [longitude, latitude]' },
      },
    });
}

export const areaGeometrySchema = boundaryGeometrySchema<Polygon | MultiPolygon>(
  ['Polygon', 'MultiPolygon'],
  'GeoJSON Polygon or MultiPolygon (WGS84)',
);

/** A GeoJSON Feature: its id is the area's or establishment's code; geometry may be missing. */
export function geoFeatureSchema<G extends z.ZodType, P extends z.ZodType>(
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

export function geoFeatureCollectionSchema<F extends z.ZodType>(feature: F) {
  return z.object({ type: z.literal('FeatureCollection'), features: z.array(feature) });
}

/** `?department=06`, the query of every route that lists one department's data. */
export const departmentScopedQuery = (defaultDepartment: string) =>
  z.object({ department: departmentParam(defaultDepartment) });

export const districtListQuery = (defaultDepartment: string) =>
  z.object({ department: departmentParam(defaultDepartment), province: provinceParam.optional() });

export const populatedPlaceListQuery = (defaultDepartment: string) =>
  z.object({ department: departmentParam(defaultDepartment), district: districtParam.optional() });

export const districtParams = z.object({ ubigeo: districtParam });

export const summarySchema = z.object({
  department: z.object({ ubigeo: z.string(), name: z.string() }),
  provinces: z.number(),
  districts: z.number(),
  establishments: z.number(),
  establishmentsWithCoordinates: z.number(),
  populatedPlaces: z.number(),
  networks: z.number(),
});

const n = z.number().nullable();

const departmentPropertiesSchema = z.object({
  ubigeo: z.string(),
  name: z.string(),
  capital: z.string().nullable(),
  areaKm2: n,
});
const provincePropertiesSchema = departmentPropertiesSchema.extend({
  departmentUbigeo: z.string(),
});

const districtPropertiesSchema = z.object({
  ubigeo: z.string(),
  name: z.string(),
  provinceUbigeo: z.string(),
  provinceName: z.string(),
  departmentUbigeo: z.string(),
  capital: z.string().nullable(),
  capitalAltitudeM: n.describe(
    'Altitude of the district capital, m a.s.l. (INEI via ubigeo tables)',
  ),
  areaKm2: n,
  povertyPct: n.describe('Total poverty %, INEI 2018'),
  extremePovertyPct: n.describe('Extreme poverty %, INEI 2013'),
  idh: n.describe('Human development index 2019 (PNUD)'),
  population2017: n.describe('Population, INEI 2017 census (with omission)'),
  population2022: n.describe('Population, INEI 2022 estimate'),
  children6to35Months: n.describe(
    'Estimated children aged 6–35 months; see docs/methods/children-6-35-months.md',
  ),
  children6to35MonthsMethod: z.string().nullable(),
  establishmentCount: z.number(),
});

const populatedPlacePropertiesSchema = z.object({
  code: z.string(),
  name: z.string(),
  areaType: z.enum(['urban', 'rural']),
  districtUbigeo: z.string(),
  altitudeM: z.number().nullable().describe('Metres above sea level (whole metres)'),
  altitudeSource: z
    .enum(['dem', 'record', 'district_capital'])
    .nullable()
    .describe(
      'Where the altitude comes from: the SRTM DEM, a recorded value, or the district capital (docs/methods/elevation.md)',
    ),
});

export const departmentFeatureSchema = geoFeatureSchema(
  areaGeometrySchema,
  departmentPropertiesSchema,
);
export const departmentCollectionSchema = geoFeatureCollectionSchema(departmentFeatureSchema);
export const provinceCollectionSchema = geoFeatureCollectionSchema(
  geoFeatureSchema(areaGeometrySchema, provincePropertiesSchema),
);
export const districtFeatureSchema = geoFeatureSchema(areaGeometrySchema, districtPropertiesSchema);
export const districtCollectionSchema = geoFeatureCollectionSchema(districtFeatureSchema);
export const populatedPlaceCollectionSchema = geoFeatureCollectionSchema(
  geoFeatureSchema(pointGeometrySchema, populatedPlacePropertiesSchema),
);

/** A Polygon or MultiPolygon boundary (GeoJSON types). */
export type AreaBoundary = z.infer<typeof areaGeometrySchema>;
export type SummaryResponse = z.infer<typeof summarySchema>;
export type ProvinceProperties = z.infer<typeof provincePropertiesSchema>;
export type DistrictProperties = z.infer<typeof districtPropertiesSchema>;
export type PopulatedPlaceProperties = z.infer<typeof populatedPlacePropertiesSchema>;
export type DepartmentCollection = z.infer<typeof departmentCollectionSchema>;
export type ProvinceCollection = z.infer<typeof provinceCollectionSchema>;
/** A district; its geometry is null where no boundary was loaded. */
export type DistrictFeature = z.infer<typeof districtFeatureSchema>;
export type DistrictCollection = z.infer<typeof districtCollectionSchema>;
export type PopulatedPlaceCollection = z.infer<typeof populatedPlaceCollectionSchema>;
