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
  microred: z.string().nullable(),
  districtUbigeo: z.string(),
  districtName: z.string(),
  provinceName: z.string(),
  executingUnitCode: z.string().nullable(),
  executingUnitName: z.string().nullable(),
  altitudeM: z.number().nullable(),
  address: z.string().nullable(),
  coordinateStatus: z.enum(['ok', 'missing', 'outside_district']),
  hasLaboratory: z.boolean(),
  laboratorySource: z.enum(['category_rule', 'override']),
  laboratoryReason: z.string().nullable(),
  source: z.string().describe('Files the record was imported from'),
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
