import type { CategoryCode } from '@yawar/api';
import { laboratoryCapability } from '@yawar/core';
import type { EstablishmentRow } from '@yawar/db';
import { feature, point } from './geojson.js';

/**
 * A registry row → the establishment Feature of the contract (`establishmentFeatureSchema`), with
 * the laboratory the category rule or a planner's override gives it.
 */
export function presentEstablishment(row: EstablishmentRow) {
  const { lat, lon, labOverride, labOverrideReason, ...rest } = row;
  const override =
    labOverride === null ? null : { hasLaboratory: labOverride, reason: labOverrideReason ?? '' };
  const laboratory = laboratoryCapability(row.category, override);
  return feature(row.code, point(lon, lat), {
    ...rest,
    // The column is text, but every import admits only NTS 021's categories (a missing one is SD).
    category: row.category as CategoryCode,
    hasLaboratory: laboratory.hasLaboratory,
    laboratorySource: laboratory.source,
    laboratoryReason: laboratory.reason,
  });
}
