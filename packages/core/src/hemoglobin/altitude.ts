import type { AltitudeAdjustment } from './rule-sets.js';

/**
 * How much to subtract from measured Hb, in tenths of g/dL (g/L), for the altitude of residence.
 * Never negative: below the rule's threshold nothing is subtracted.
 */
export function altitudeAdjustmentTenths(rule: AltitudeAdjustment, altitudeM: number): number {
  switch (rule.kind) {
    case 'table': {
      let subtract = 0;
      for (const band of rule.bands) if (altitudeM >= band.fromM) subtract = band.subtract;
      return subtract;
    }
    case 'who-2024-quadratic':
      return altitudeM > 0 ? 0.0056384 * altitudeM + 0.0000003 * altitudeM * altitudeM : 0;
    case 'cdc-1989': {
      if (altitudeM < rule.minAltitudeM) return 0;
      const thousandsOfFeet = (altitudeM / 1000) * rule.feetPerMetre;
      const gramsPerDl = -0.032 * thousandsOfFeet + 0.022 * thousandsOfFeet * thousandsOfFeet;
      return gramsPerDl > 0 ? gramsPerDl * 10 : 0;
    }
  }
}
