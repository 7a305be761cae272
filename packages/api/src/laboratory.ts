import { z } from 'zod';
import { safeText } from './inputs.js';

/**
 * PUT /api/establishments/{code}/laboratory: a planner corrects the category rule for one
 * establishment (audited). It answers the establishment (`establishmentFeatureSchema`).
 * `hasLaboratory: null` returns to the rule; otherwise the reason is required (checked by the
 * route, which answers `reason_required`).
 */
export const laboratoryOverrideBody = z.object({
  hasLaboratory: z.boolean().nullable(),
  reason: safeText(500).default(''),
});

/** The body as a client sends it (`reason` may be left out when returning to the rule). */
export type LaboratoryOverride = z.input<typeof laboratoryOverrideBody>;
