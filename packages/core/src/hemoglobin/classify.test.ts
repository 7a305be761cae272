import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { altitudeAdjustmentTenths } from './altitude.js';
import { classifyHb, type HbInput } from './classify.js';
import { HB_RULE_SETS, NTS_213_2024, WHO_2011, WHO_2024, type AnemiaLevel } from './rule-sets.js';

const child = (ageMonths: number, hbGdl: number, altitudeM: number): HbInput => ({
  ageMonths,
  hbGdl,
  altitudeM,
});
const levelOf = (input: HbInput, rule = NTS_213_2024) => {
  const result = classifyHb(input, rule);
  if (!result.ok) throw new Error(result.message);
  return result;
};

describe('altitude adjustment (NTS 213 Table 1; WHO 2024 recommendation 2; CDC 1989 as DHS applies it)', () => {
  it('NTS 213 Table 1: band edges inclusive at the low end, nothing below 500 m', () => {
    const table = NTS_213_2024.altitude;
    expect(altitudeAdjustmentTenths(table, 499)).toBe(0); // fixture 3
    expect(
      [500, 999, 1000, 1499, 1500, 1999, 2000, 2499].map((m) => altitudeAdjustmentTenths(table, m)),
    ).toEqual([4, 4, 8, 8, 11, 11, 14, 14]);
    expect([2500, 2999, 3000].map((m) => altitudeAdjustmentTenths(table, m))).toEqual([18, 18, 21]); // fixture 2
    expect(
      [3499, 3500, 3999, 4000, 4499, 4500, 5500].map((m) => altitudeAdjustmentTenths(table, m)),
    ).toEqual([21, 25, 25, 29, 29, 33, 33]);
  });

  it('codes the table, not the equation printed beside it in the NTS (fixture 4)', () => {
    const printedEquation = (0.0056384 * 3250 + 0.0000003 * 3250) / 10; // 1.83 g/dL
    expect(printedEquation).toBeCloseTo(1.83, 2);
    expect(altitudeAdjustmentTenths(NTS_213_2024.altitude, 3250) / 10).toBe(2.1);
  });

  it('WHO 2024 quadratic: 17.77 g/L at 2,750 m (fixture 1), and matches the NTS table at band midpoints', () => {
    expect(altitudeAdjustmentTenths(WHO_2024.altitude, 2750)).toBeCloseTo(17.77435, 5);
    for (const [mid, table] of [
      [750, 4],
      [1250, 8],
      [1750, 11],
      [2250, 14],
      [2750, 18],
      [3250, 21],
      [3750, 25],
      [4250, 29],
    ] as const) {
      expect(Math.round(altitudeAdjustmentTenths(WHO_2024.altitude, mid))).toBe(table);
    }
    expect(altitudeAdjustmentTenths(WHO_2024.altitude, 0)).toBe(0);
  });

  it('CDC 1989 as DHS applies it: ×3.3 ft/m, nothing below 1,000 m, never negative (§4.3, §4.4)', () => {
    const cdc = WHO_2011.altitude;
    expect(altitudeAdjustmentTenths(cdc, 999)).toBe(0);
    expect(altitudeAdjustmentTenths(cdc, 1000) / 10).toBeCloseTo(0.13398, 5);
    expect(altitudeAdjustmentTenths(cdc, 2000) / 10).toBeCloseTo(0.74712, 5);
    expect(altitudeAdjustmentTenths(cdc, 2750) / 10).toBeCloseTo(1.52, 2);
    expect(altitudeAdjustmentTenths(cdc, 3500) / 10).toBeCloseTo(2.57, 2);
  });
});

describe('classification golden cases (ENDES records of data/anemia, WHO 2024 Table 1)', () => {
  it('fixture 5: 8 months, 11.6 g/dL at 1,900 m — mild under WHO 2011, not anemic under NTS 213', () => {
    expect(levelOf(child(8, 11.6, 1900), WHO_2011)).toMatchObject({ level: 'mild' });
    expect(levelOf(child(8, 11.6, 1900), WHO_2011).adjustedHbGdl).toBeCloseTo(10.94, 2);
    // 11.6 − 1.1 = 10.5 exactly: not below the 10.5 cut-off (floating point would say 10.4999…).
    expect(levelOf(child(8, 11.6, 1900))).toMatchObject({
      adjustedHbGdl: 10.5,
      level: 'none',
      group: 'child_6_23m',
    });
  });

  it('fixture 6: 10 months, 10.7 g/dL at 2,686 m — moderate under both', () => {
    expect(levelOf(child(10, 10.7, 2686), WHO_2011).adjustedHbGdl).toBeCloseTo(9.26, 2);
    expect(levelOf(child(10, 10.7, 2686), WHO_2011).level).toBe('moderate');
    expect(levelOf(child(10, 10.7, 2686))).toMatchObject({ adjustedHbGdl: 8.9, level: 'moderate' });
  });

  it('fixture 7: 34 months, 12.0 g/dL at 2,708 m — mild under both', () => {
    expect(levelOf(child(34, 12.0, 2708), WHO_2011).adjustedHbGdl).toBeCloseTo(10.53, 2);
    expect(levelOf(child(34, 12.0, 2708), WHO_2011).level).toBe('mild');
    expect(levelOf(child(34, 12.0, 2708))).toMatchObject({
      adjustedHbGdl: 10.2,
      level: 'mild',
      group: 'child_24_59m',
    });
  });

  it('switches from the 6–23 to the 24–59 month band at 24 completed months', () => {
    expect(levelOf(child(23, 10.7, 0)).level).toBe('none'); // 10.7 ≥ 10.5
    expect(levelOf(child(24, 10.7, 0)).level).toBe('mild'); // 10.7 < 11.0
  });

  it('NTS 213 severity band edges for 6–23 months: 10.5 / 9.5 / 7.0', () => {
    const levels = [10.5, 10.4, 9.5, 9.4, 7.0, 6.9].map((hb) => levelOf(child(12, hb, 0)).level);
    expect(levels).toEqual<AnemiaLevel[]>([
      'none',
      'mild',
      'mild',
      'moderate',
      'moderate',
      'severe',
    ]);
  });

  it('NTS 213 and WHO 2011 severity band edges for 24–59 months: 11.0 / 10.0 / 7.0', () => {
    for (const rule of [NTS_213_2024, WHO_2011]) {
      const levels = [11.0, 10.9, 10.0, 9.9, 7.0, 6.9].map(
        (hb) => levelOf(child(30, hb, 0), rule).level,
      );
      expect(levels).toEqual<AnemiaLevel[]>([
        'none',
        'mild',
        'mild',
        'moderate',
        'moderate',
        'severe',
      ]);
    }
  });

  it('WHO 2011 uses 11.0 for all of 6–59 months', () => {
    expect(levelOf(child(8, 10.7, 0), WHO_2011).level).toBe('mild');
    expect(levelOf(child(8, 10.7, 0), WHO_2011).cutoffGdl).toBe(11);
  });

  it('adults and pregnancy: cut-offs by sex and trimester', () => {
    expect(levelOf({ ageMonths: 300, sex: 'F', hbGdl: 11.9, altitudeM: 0 }).level).toBe('mild');
    expect(levelOf({ ageMonths: 300, sex: 'M', hbGdl: 12.9, altitudeM: 0 }).level).toBe('mild');
    expect(
      levelOf({ ageMonths: 300, sex: 'F', hbGdl: 10.6, altitudeM: 0, pregnancyTrimester: 2 }).level,
    ).toBe('none');
    expect(
      levelOf({ ageMonths: 300, sex: 'F', hbGdl: 10.6, altitudeM: 0, pregnancyTrimester: 1 }).level,
    ).toBe('mild');
    expect(
      levelOf(
        { ageMonths: 300, sex: 'F', hbGdl: 10.6, altitudeM: 0, pregnancyTrimester: 2 },
        WHO_2011,
      ).level,
    ).toBe('mild');
  });

  it('pregnancy, second trimester (WHO 2024 Table 1): mild 9.5–10.4, moderate 7.0–9.4, severe < 7.0', () => {
    const t2 = (hbGdl: number) => ({
      ageMonths: 300,
      sex: 'F' as const,
      hbGdl,
      altitudeM: 0,
      pregnancyTrimester: 2 as const,
    });
    for (const rule of [NTS_213_2024, WHO_2024]) {
      expect([10.5, 10.4, 9.5, 9.4, 7.0, 6.9].map((hb) => levelOf(t2(hb), rule).level)).toEqual([
        'none',
        'mild',
        'mild',
        'moderate',
        'moderate',
        'severe',
      ]);
      expect(rule.version).toBe(2);
    }
  });

  it('every band of every rule set: mild starts 1.0 g/dL below the cut-off under 5 years and in pregnancy', () => {
    for (const rule of HB_RULE_SETS) {
      for (const band of [...rule.bands, ...rule.pregnancy].filter(
        (b) => b.fromMonths < 60 || b.group.startsWith('pregnant'),
      )) {
        expect({ group: band.group, gap: band.cutoff - band.mildFrom }).toEqual({
          group: band.group,
          gap: 10,
        });
      }
    }
  });
});

describe('rejections: out-of-range inputs are never classified', () => {
  it.each([
    [{ ageMonths: 12, hbGdl: 2.9, altitudeM: 0 }, 'hb_out_of_range'],
    [{ ageMonths: 12, hbGdl: 25.1, altitudeM: 0 }, 'hb_out_of_range'],
    [{ ageMonths: 12, hbGdl: Number.NaN, altitudeM: 0 }, 'hb_out_of_range'],
    [{ ageMonths: 12, hbGdl: 11, altitudeM: -101 }, 'altitude_out_of_range'],
    [{ ageMonths: 12, hbGdl: 11, altitudeM: 6001 }, 'altitude_out_of_range'],
    [{ ageMonths: 5, hbGdl: 11, altitudeM: 0 }, 'age_out_of_range'],
    [{ ageMonths: 12.5, hbGdl: 11, altitudeM: 0 }, 'age_out_of_range'],
    [{ ageMonths: 300, hbGdl: 11, altitudeM: 0 }, 'sex_required'],
    [
      { ageMonths: 300, sex: 'M', hbGdl: 11, altitudeM: 0, pregnancyTrimester: 1 },
      'pregnancy_not_applicable',
    ],
  ] as [HbInput, string][])('%o → %s', (input, reason) => {
    for (const rule of HB_RULE_SETS)
      expect(classifyHb(input, rule)).toMatchObject({ ok: false, reason });
  });
});

describe('properties', () => {
  const inputs = fc.record({
    ageMonths: fc.integer({ min: 6, max: 59 }),
    hbTenths: fc.integer({ min: 30, max: 250 }),
    altitudeM: fc.integer({ min: -100, max: 6000 }),
  });

  it('adjusted Hb is never above measured Hb, and is below it above 500 m under NTS 213', () => {
    fc.assert(
      fc.property(inputs, ({ ageMonths, hbTenths, altitudeM }) => {
        for (const rule of HB_RULE_SETS) {
          const result = classifyHb(child(ageMonths, hbTenths / 10, altitudeM), rule);
          if (!result.ok) return false;
          if (result.adjustedHbGdl > hbTenths / 10 + 1e-9) return false;
        }
        const nts = classifyHb(child(ageMonths, hbTenths / 10, altitudeM), NTS_213_2024);
        return !nts.ok || altitudeM < 500 || nts.adjustedHbGdl < hbTenths / 10;
      }),
    );
  });

  it('the level is monotone in Hb: more hemoglobin is never a worse level', () => {
    const rank: Record<AnemiaLevel, number> = { severe: 0, moderate: 1, mild: 2, none: 3 };
    fc.assert(
      fc.property(
        inputs,
        fc.integer({ min: 1, max: 50 }),
        ({ ageMonths, hbTenths, altitudeM }, step) => {
          for (const rule of HB_RULE_SETS) {
            const low = classifyHb(child(ageMonths, hbTenths / 10, altitudeM), rule);
            const high = classifyHb(
              child(ageMonths, Math.min(250, hbTenths + step) / 10, altitudeM),
              rule,
            );
            if (!low.ok || !high.ok || rank[high.level] < rank[low.level]) return false;
          }
          return true;
        },
      ),
    );
  });

  it('the adjustment never decreases with altitude', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100, max: 5999 }),
        fc.integer({ min: 1, max: 500 }),
        (m, step) =>
          HB_RULE_SETS.every(
            (rule) =>
              altitudeAdjustmentTenths(rule.altitude, Math.min(6000, m + step)) >=
              altitudeAdjustmentTenths(rule.altitude, m),
          ),
      ),
    );
  });
});
