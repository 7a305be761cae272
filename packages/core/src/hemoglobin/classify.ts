import { altitudeAdjustmentTenths } from './altitude.js';
import type { AnemiaLevel, HbRuleSet, PopulationGroup, SeverityBand } from './rule-sets.js';

export type Sex = 'F' | 'M';

export interface HbInput {
  /** Completed months of age at the test. */
  readonly ageMonths: number;
  readonly sex?: Sex | null;
  /** Measured hemoglobin, g/dL. */
  readonly hbGdl: number;
  /** Altitude of residence, m a.s.l. */
  readonly altitudeM: number;
  readonly pregnancyTrimester?: 1 | 2 | 3 | null;
}

export type HbRejection =
  | 'hb_out_of_range'
  | 'altitude_out_of_range'
  | 'age_out_of_range'
  | 'sex_required'
  | 'pregnancy_not_applicable';

export type HbClassification =
  | {
      readonly ok: true;
      readonly ruleId: HbRuleSet['id'];
      readonly group: PopulationGroup;
      readonly adjustmentGdl: number;
      readonly adjustedHbGdl: number;
      readonly cutoffGdl: number;
      readonly level: AnemiaLevel;
    }
  | {
      readonly ok: false;
      readonly ruleId: HbRuleSet['id'];
      readonly reason: HbRejection;
      readonly message: string;
    };

/** Plausible ranges: outside them a value is a data-entry or unit error, never classified. */
export const HB_LIMITS = Object.freeze({
  minGdl: 3,
  maxGdl: 25,
  minAltitudeM: -100,
  maxAltitudeM: 6000,
});

/** Tenths of g/dL without binary noise (11.6 × 10 = 115.99999999999999 in floating point). */
const toTenths = (gdl: number): number => Math.round(gdl * 10 * 1e6) / 1e6;

/**
 * Classifies one hemoglobin result under a rule set: subtract the altitude adjustment from the
 * measured value, then compare with the group's sea-level cut-off and severity bands. The
 * adjusted value is not rounded (as INEI computes ENDES's HC57).
 */
export function classifyHb(input: HbInput, rule: HbRuleSet): HbClassification {
  const reject = (reason: HbRejection, message: string): HbClassification => ({
    ok: false,
    ruleId: rule.id,
    reason,
    message,
  });
  if (
    !Number.isFinite(input.hbGdl) ||
    input.hbGdl < HB_LIMITS.minGdl ||
    input.hbGdl > HB_LIMITS.maxGdl
  ) {
    return reject(
      'hb_out_of_range',
      `Hb ${input.hbGdl} g/dL is outside ${HB_LIMITS.minGdl}–${HB_LIMITS.maxGdl} g/dL`,
    );
  }
  if (
    !Number.isFinite(input.altitudeM) ||
    input.altitudeM < HB_LIMITS.minAltitudeM ||
    input.altitudeM > HB_LIMITS.maxAltitudeM
  ) {
    return reject(
      'altitude_out_of_range',
      `altitude ${input.altitudeM} m is outside ${HB_LIMITS.minAltitudeM}–${HB_LIMITS.maxAltitudeM} m`,
    );
  }
  const band = selectBand(input, rule);
  if (typeof band === 'string') return reject(band, bandProblem(band, input, rule));
  const measured = toTenths(input.hbGdl);
  const adjustment = altitudeAdjustmentTenths(rule.altitude, input.altitudeM);
  const adjusted = measured - adjustment;
  return {
    ok: true,
    ruleId: rule.id,
    group: band.group,
    adjustmentGdl: adjustment / 10,
    adjustedHbGdl: adjusted / 10,
    cutoffGdl: band.cutoff / 10,
    level: levelOf(adjusted, band),
  };
}

export function levelOf(adjustedTenths: number, band: SeverityBand): AnemiaLevel {
  if (adjustedTenths >= band.cutoff) return 'none';
  if (adjustedTenths >= band.mildFrom) return 'mild';
  if (adjustedTenths >= band.moderateFrom) return 'moderate';
  return 'severe';
}

function selectBand(input: HbInput, rule: HbRuleSet): SeverityBand | HbRejection {
  const age = input.ageMonths;
  if (!Number.isInteger(age)) return 'age_out_of_range';
  if (input.pregnancyTrimester) {
    if (input.sex === 'M') return 'pregnancy_not_applicable';
    const band = rule.pregnancy[input.pregnancyTrimester - 1];
    return band && age >= band.fromMonths && age <= band.toMonths ? band : 'age_out_of_range';
  }
  const candidates = rule.bands.filter((b) => age >= b.fromMonths && age <= b.toMonths);
  if (candidates.length === 0) return 'age_out_of_range';
  if (candidates.length === 1) return candidates[0] as SeverityBand;
  // From 15 years the cut-off depends on sex.
  if (!input.sex) return 'sex_required';
  return (
    candidates.find((b) => b.group === (input.sex === 'F' ? 'woman_15y_plus' : 'man_15y_plus')) ??
    'sex_required'
  );
}

function bandProblem(reason: HbRejection, input: HbInput, rule: HbRuleSet): string {
  switch (reason) {
    case 'age_out_of_range': {
      const youngest = Math.min(...rule.bands.map((b) => b.fromMonths));
      return `age ${input.ageMonths} months is not covered by ${rule.id} (from ${youngest} months, whole months)`;
    }
    case 'sex_required':
      return 'from 15 years of age the cut-off depends on sex: give F or M';
    case 'pregnancy_not_applicable':
      return 'a pregnancy trimester was given for a male';
    default:
      return reason;
  }
}
