import { ESTABLISHMENT_CATEGORIES } from '@yawar/core';
import { z } from 'zod';
import { safeText } from './inputs.js';
import { categoriesParam, departmentParam, districtParam, renipressParam } from './params.js';
import { geoFeatureCollectionSchema, geoFeatureSchema, pointGeometrySchema } from './territory.js';

/**
 * /api/establishments (IPRESS), /api/networks, /api/categories and /api/executing-units. An establishment is a GeoJSON Feature whose geometry is null where
 * RENIPRESS has no coordinates.
 */
export const establishmentListQuery = (defaultDepartment: string) =>
  z.object({
    department: departmentParam(defaultDepartment),
    category: categoriesParam.optional(),
    network: safeText(100).optional().describe('Health network (red) name'),
    district: districtParam.optional(),
    q: safeText(100).optional().describe('Name (any part) or RENIPRESS code'),
  });

/** `/api/establishments/{code}/…`: a RENIPRESS code, leading zeros optional. */
export const establishmentCodeParams = z.object({ code: renipressParam });

/** NTS 021's categories; the imports refuse any other, a missing one is SD (sin dato). */
export const establishmentCategorySchema = z
  .enum(ESTABLISHMENT_CATEGORIES)
  .describe('NTS 021 category; SD = sin dato');

const registryDiscrepancySchema = z.object({
  field: z.string(),
  chosen: z.string().nullable(),
  chosenSource: z.string(),
  other: z.string().nullable(),
  otherSource: z.string(),
});

const coordinateStatusSchema = z.enum(['ok', 'missing', 'outside_district']);

const establishmentPropertiesSchema = z.object({
  code: z.string().describe('RENIPRESS code, 8 digits'),
  name: z.string(),
  category: establishmentCategorySchema,
  institution: z.string().nullable(),
  network: z.string().nullable(),
  networkCode: z.string().nullable().describe('RENAES Código Red'),
  microred: z.string().nullable(),
  microredCode: z.string().nullable().describe('RENAES Código Microrred (within its red)'),
  districtUbigeo: z.string(),
  districtName: z.string(),
  provinceName: z.string(),
  executingUnitCode: z.string().nullable(),
  executingUnitName: z.string().nullable(),
  altitudeM: z.number().nullable(),
  altitudeSource: z
    .enum(['renaes', 'dem', 'district_capital'])
    .nullable()
    .describe('Where the altitude comes from: RENAES COTA, the DEM, or the district capital'),
  address: z.string().nullable(),
  coordinateStatus: coordinateStatusSchema,
  hasLaboratory: z.boolean(),
  laboratorySource: z.enum(['category_rule', 'override']),
  laboratoryReason: z.string().nullable(),
  source: z.string().describe('Files the record was imported from'),
  inRenaes: z
    .boolean()
    .nullable()
    .describe(
      'Listed in MINSA RENAES (government establishments); null when no RENAES file was read',
    ),
  registryDiscrepancies: z
    .array(registryDiscrepancySchema)
    .describe(
      'Fields on which RENAES and the establishment list disagree: both values, and which was used',
    ),
});

export const establishmentFeatureSchema = geoFeatureSchema(
  pointGeometrySchema,
  establishmentPropertiesSchema,
);
export const establishmentCollectionSchema = geoFeatureCollectionSchema(establishmentFeatureSchema);

const networkSchema = z.object({ name: z.string(), establishmentCount: z.number() });
export const networkListSchema = z.object({ items: z.array(networkSchema) });

const categoryCountSchema = z.object({
  code: establishmentCategorySchema,
  count: z.number(),
  hasLaboratoryByRule: z.boolean(),
});
export const categoryListSchema = z.object({ items: z.array(categoryCountSchema) });

const executingUnitItemSchema = z.object({
  code: z.string(),
  name: z.string(),
  parentDirectorate: z.string().nullable(),
  evidence: z.string(),
  establishmentCount: z.number(),
});
export const executingUnitListSchema = z.object({ items: z.array(executingUnitItemSchema) });

export type CategoryCode = z.infer<typeof establishmentCategorySchema>;
export type CoordinateStatus = z.infer<typeof coordinateStatusSchema>;
/** A field on which MINSA's RENAES and the establishment list disagree, and which value won. */
export type RegistryDiscrepancy = z.infer<typeof registryDiscrepancySchema>;
export type EstablishmentProperties = z.infer<typeof establishmentPropertiesSchema>;
/** Geometry is null when RENIPRESS has no coordinates for the establishment. */
export type EstablishmentFeature = z.infer<typeof establishmentFeatureSchema>;
export type EstablishmentCollection = z.infer<typeof establishmentCollectionSchema>;
export type NetworkItem = z.infer<typeof networkSchema>;
export type NetworkList = z.infer<typeof networkListSchema>;
export type CategoryItem = z.infer<typeof categoryCountSchema>;
export type CategoryList = z.infer<typeof categoryListSchema>;
export type ExecutingUnitItem = z.infer<typeof executingUnitItemSchema>;
export type ExecutingUnitList = z.infer<typeof executingUnitListSchema>;
