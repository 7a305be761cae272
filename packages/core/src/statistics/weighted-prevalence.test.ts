import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weightedPrevalence } from './weighted-prevalence.js';
import type { SurveyRecord } from './weighted-prevalence.js';

const record = (
  weight: number,
  isCase: boolean,
  cluster: string,
  stratum?: string,
): SurveyRecord =>
  stratum === undefined ? { weight, isCase, cluster } : { weight, isCase, cluster, stratum };

describe('weightedPrevalence: hand-worked example, 2 strata', () => {
  /*
   * Stratum A: PSU a1 = {w 1 case, w 1 non-case}, a2 = {w 2 case}, a3 = {w 2 non-case}
   * Stratum B: PSU b1 = {w 3 case, w 3 case},     b2 = {w 3 non-case}
   * Σw = 15, Σwy = 1 + 2 + 3 + 3 = 9, p = 9/15 = 0.6.
   * zᵢ = wᵢ(yᵢ − 0.6)/15; PSU totals, in units of 1/15:
   *   a1 = 0.4 − 0.6 = −0.2, a2 = 0.8, a3 = −1.2        mean −0.2
   *   b1 = 2.4,              b2 = −1.8                   mean  0.3
   * A: Σ(dev²) = 0² + 1² + (−1)² = 2,        × 3/2 = 3
   * B: Σ(dev²) = 2.1² + (−2.1)² = 8.82,      × 2/1 = 17.64
   * V = (3 + 17.64)/15² = 20.64/225 = 0.0917333…, SE = 0.302875
   * V_srs = 0.6·0.4/(7 − 1) = 0.04, deff = 2.293333
   * logit: ln(1.5) = 0.405465 ± 1.959964 · 0.302875/0.24 (= 2.473435)
   *        → expit(−2.067970) = 0.112249, expit(2.878900) = 0.946793
   * Without strata (5 PSUs, mean 0): Σ = 0.04 + 0.64 + 1.44 + 5.76 + 3.24 = 11.12, × 5/4 = 13.9,
   *   V = 13.9/225 = 0.0617778, SE = 0.248551, deff = 1.544444.
   */
  const records = [
    record(1, true, 'a1', 'A'),
    record(1, false, 'a1', 'A'),
    record(2, true, 'a2', 'A'),
    record(2, false, 'a3', 'A'),
    record(3, true, 'b1', 'B'),
    record(3, true, 'b1', 'B'),
    record(3, false, 'b2', 'B'),
  ];

  it('matches the hand computation to 6 decimals', () => {
    const result = weightedPrevalence(records);
    expect(result.estimate).toBeCloseTo(0.6, 12);
    expect(result.standardError).toBeCloseTo(Math.sqrt(20.64 / 225), 12);
    expect(result.standardError).toBeCloseTo(0.302875, 6);
    expect(result.designEffect).toBeCloseTo(2.293333, 6);
    expect(result.lower).toBeCloseTo(0.112249, 6);
    expect(result.upper).toBeCloseTo(0.946793, 6);
    expect(result).toMatchObject({
      unweightedN: 7,
      unweightedCases: 4,
      weightedN: 15,
      clusters: 5,
      strata: 2,
      degreesOfFreedom: 3,
      interval: 'logit',
      confidence: 0.95,
    });
  });

  it('without strata matches the hand computation', () => {
    const result = weightedPrevalence(records.map(({ stratum: _s, ...rest }) => rest));
    expect(result.standardError).toBeCloseTo(0.248551, 6);
    expect(result.designEffect).toBeCloseTo(1.544444, 6);
    expect(result).toMatchObject({ clusters: 5, strata: 1, degreesOfFreedom: 4 });
  });

  it('wald gives p ± z·SE clipped to [0, 1]', () => {
    const result = weightedPrevalence(records, 0.95, { interval: 'wald' });
    expect(result.lower).toBeCloseTo(0.6 - 1.959963984540054 * 0.3028751117760146, 12);
    expect(result.upper).toBe(1);
  });
});

describe('weightedPrevalence: reduces to the simple proportion', () => {
  /*
   * Equal weights w, one record per PSU, no strata, n records, x cases, p = x/n:
   *   z_c = (y_c − p)/n, mean 0, Σ z_c² = Σ(y_c − p)²/n² = n·p(1 − p)/n² = p(1 − p)/n
   *   V = n/(n − 1) · p(1 − p)/n = p(1 − p)/(n − 1)
   * so SE = √(p(1 − p)/(n − 1)) — the SRS with-replacement SE with the unbiased (n − 1) variance —
   * and deff = 1 exactly.
   */
  it('SE = √(p(1 − p)/(n − 1)) and deff = 1', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 400 })
          .chain((n) => fc.tuple(fc.integer({ min: 1, max: n - 1 }), fc.constant(n))),
        fc.double({ min: 0.01, max: 1e6, noNaN: true }),
        ([cases, n], weight) => {
          const records = Array.from({ length: n }, (_, i) => record(weight, i < cases, `c${i}`));
          const result = weightedPrevalence(records);
          const p = cases / n;
          expect(result.estimate).toBeCloseTo(p, 12);
          expect(result.standardError).toBeCloseTo(Math.sqrt((p * (1 - p)) / (n - 1)), 12);
          expect(result.designEffect).toBeCloseTo(1, 9);
        },
      ),
    );
  });
});

const surveys = fc
  .array(
    fc.record({
      weight: fc.double({ min: 0.001, max: 1000, noNaN: true }),
      isCase: fc.boolean(),
      cluster: fc.constantFrom('1', '2', '3', '4', '5', '6'),
      stratum: fc.constantFrom('A', 'B'),
    }),
    { minLength: 1, maxLength: 60 },
  )
  // Each stratum needs two PSUs: add a fixed pair to both.
  .map((rows) => [
    ...rows,
    record(1, true, 'x', 'A'),
    record(1, false, 'y', 'A'),
    record(1, true, 'x', 'B'),
    record(1, false, 'y', 'B'),
  ]);

describe('weightedPrevalence: properties', () => {
  it('scaling all weights by a constant changes nothing', () => {
    fc.assert(
      fc.property(surveys, fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (records, k) => {
        const a = weightedPrevalence(records);
        const b = weightedPrevalence(records.map((r) => ({ ...r, weight: r.weight * k })));
        expect(b.estimate).toBeCloseTo(a.estimate, 10);
        expect(b.standardError).toBeCloseTo(a.standardError, 10);
        expect(b.lower).toBeCloseTo(a.lower, 10);
        expect(b.upper).toBeCloseTo(a.upper, 10);
        expect(b.designEffect!).toBeCloseTo(a.designEffect!, 8);
      }),
    );
  });

  it('0 ≤ lower ≤ estimate ≤ upper ≤ 1 and the order of records does not matter', () => {
    fc.assert(
      fc.property(surveys, (records) => {
        const result = weightedPrevalence(records);
        expect(0).toBeLessThanOrEqual(result.lower);
        expect(result.lower).toBeLessThanOrEqual(result.estimate);
        expect(result.estimate).toBeLessThanOrEqual(result.upper);
        expect(result.upper).toBeLessThanOrEqual(1);
        const reversed = weightedPrevalence([...records].reverse());
        expect(reversed.standardError).toBeCloseTo(result.standardError, 12);
      }),
    );
  });

  it('design effect > 1 when cases cluster together', () => {
    // 10 PSUs of 10 children; PSUs 0–3 all cases, 4–9 none: p = 0.4, between-PSU variance only.
    const records = Array.from({ length: 100 }, (_, i) =>
      record(1, Math.floor(i / 10) < 4, `psu${Math.floor(i / 10)}`),
    );
    const result = weightedPrevalence(records);
    // PSU totals (y − 0.4)·10/100 = ±0.06/−0.04: V = 10/9 · (4·0.06² + 6·0.04²) = 0.0266…;
    // V_srs = 0.24/99; deff = 11.
    expect(result.standardError).toBeCloseTo(Math.sqrt(0.024 / 0.9), 12);
    expect(result.designEffect).toBeCloseTo(11, 9);
  });

  it('zero-weight records keep their PSU in the design (domain estimation)', () => {
    const inDomain = [record(1, true, 'a'), record(1, false, 'b'), record(1, true, 'c')];
    const result = weightedPrevalence([...inDomain, record(0, true, 'd')]);
    expect(result).toMatchObject({ unweightedN: 3, unweightedCases: 2, clusters: 4 });
    expect(result.estimate).toBeCloseTo(2 / 3, 12);
    // 4 PSU totals (1/3, −2/3, 1/3, 0)/3, mean 0: V = 4/3 · (6/9)/9 = 8/81.
    expect(result.standardError).toBeCloseTo(Math.sqrt(8 / 81), 12);
  });
});

describe('weightedPrevalence: degenerate cases never give NaN', () => {
  it('no records, all weights zero, bad weights and mixed strata throw typed errors', () => {
    const code = (c: string) => expect.objectContaining({ code: c });
    expect(() => weightedPrevalence([])).toThrow(code('empty_denominator'));
    expect(() => weightedPrevalence([record(0, true, 'a'), record(0, false, 'b')])).toThrow(
      code('zero_total_weight'),
    );
    for (const weight of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => weightedPrevalence([record(weight, true, 'a'), record(1, false, 'b')])).toThrow(
        code('invalid_weight'),
      );
    }
    expect(() => weightedPrevalence([record(1, true, 'a', 'A'), record(1, false, 'b')])).toThrow(
      code('mixed_strata'),
    );
  });

  const lonely = [
    record(1, true, 'a1', 'A'),
    record(1, false, 'a2', 'A'),
    record(1, true, 'b1', 'B'),
    record(1, true, 'b1', 'B'),
  ];

  it('a one-PSU stratum throws by default', () => {
    expect(() => weightedPrevalence(lonely)).toThrow(
      expect.objectContaining({ code: 'single_psu_stratum' }),
    );
    expect(() => weightedPrevalence([record(1, true, 'a'), record(1, false, 'a')])).toThrow(
      expect.objectContaining({ code: 'single_psu_stratum' }),
    );
  });

  it('singletonPsu "certainty" drops it from the variance; "centered" centres it on the grand mean', () => {
    // p = 0.75; z (×4): a1 = 0.25, a2 = −0.75, b1 = 0.5. Stratum A: mean −0.25, Σdev² = 0.5, ×2 = 1.
    const certainty = weightedPrevalence(lonely, 0.95, { singletonPsu: 'certainty' });
    expect(certainty.standardError).toBeCloseTo(Math.sqrt(1 / 16), 12);
    // Grand mean of PSU totals = 0, so b1 adds 0.5² = 0.25: V = 1.25/16.
    const centered = weightedPrevalence(lonely, 0.95, { singletonPsu: 'centered' });
    expect(centered.standardError).toBeCloseTo(Math.sqrt(1.25 / 16), 12);
  });

  it('p = 0 or 1 gives SE 0, a point interval and a null design effect', () => {
    const none = weightedPrevalence([record(1, false, 'a'), record(2, false, 'b')]);
    expect(none).toMatchObject({
      estimate: 0,
      standardError: 0,
      lower: 0,
      upper: 0,
      designEffect: null,
    });
    const all = weightedPrevalence([record(1, true, 'a'), record(2, true, 'b')]);
    expect(all).toMatchObject({
      estimate: 1,
      standardError: 0,
      lower: 1,
      upper: 1,
      designEffect: null,
    });
  });
});
