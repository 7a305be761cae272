import { laboratoryCapability } from '@yawar/core';
import type { EstablishmentRow } from '@yawar/db';
import { z } from 'zod';
import { feature, featureSchema, point, pointSchema } from './geojson.js';

export const establishmentProperties = z.object({
  code: z.string().describe('RENIPRESS code, 8 digits'),
  name: z.string(),
  category: z.string().describe('NTS 021 category; SD = sin dato'),
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
  coordinateStatus: z.enum(['ok', 'missing', 'outside_district']),
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
    .array(
      z.object({
        field: z.string(),
        chosen: z.string().nullable(),
        chosenSource: z.string(),
        other: z.string().nullable(),
        otherSource: z.string(),
      }),
    )
    .describe(
      'Fields on which RENAES and the establishment list disagree: both values, and which was used',
    ),
});

export const establishmentFeatureSchema = featureSchema(pointSchema, establishmentProperties);

export function presentEstablishment(row: EstablishmentRow) {
  const { lat, lon, labOverride, labOverrideReason, ...rest } = row;
  const override =
    labOverride === null ? null : { hasLaboratory: labOverride, reason: labOverrideReason ?? '' };
  const laboratory = laboratoryCapability(row.category, override);
  return feature(row.code, point(lon, lat), {
    ...rest,
    hasLaboratory: laboratory.hasLaboratory,
    laboratorySource: laboratory.source,
    laboratoryReason: laboratory.reason,
  });
}
