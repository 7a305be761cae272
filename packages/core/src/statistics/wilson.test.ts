import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wilsonInterval } from './wilson.js';

describe('wilsonInterval: golden values', () => {
  // Newcombe RG. Two-sided confidence intervals for the single proportion: comparison of seven
  // methods. Stat Med 1998;17:857–872, Table I (illustrative examples), method 3 (Wilson score
  // without continuity correction), 95 %. Checked against this implementation to 4 decimals.
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0.0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i/%i → %d–%d (Newcombe 1998, Table I, method 3)', (cases, n, lower, upper) => {
    const interval = wilsonInterval(cases, n);
    expect(interval.estimate).toBe(cases / n);
    expect(interval.lower).toBeCloseTo(lower, 4);
    expect(interval.upper).toBeCloseTo(upper, 4);
  });

  it('gives exactly 0 and 1 at the edges and mirrors them', () => {
    expect(wilsonInterval(0, 20).lower).toBe(0);
    expect(wilsonInterval(20, 20).upper).toBe(1);
    expect(wilsonInterval(20, 20).lower).toBeCloseTo(1 - 0.1611, 4);
  });

  it('throws typed errors for n = 0, bad counts and bad levels', () => {
    expect(() => wilsonInterval(0, 0)).toThrow(
      expect.objectContaining({ code: 'empty_denominator' }),
    );
    for (const [cases, n] of [
      [-1, 10],
      [11, 10],
      [1.5, 10],
      [1, Number.NaN],
    ] as const) {
      expect(() => wilsonInterval(cases, n)).toThrow(
        expect.objectContaining({ code: 'invalid_count' }),
      );
    }
    expect(() => wilsonInterval(1, 10, 1)).toThrow(
      expect.objectContaining({ code: 'invalid_confidence' }),
    );
  });
});

const counts = fc
  .integer({ min: 1, max: 100_000 })
  .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));

describe('wilsonInterval: properties', () => {
  it('0 ≤ lower ≤ estimate ≤ upper ≤ 1', () => {
    fc.assert(
      fc.property(counts, fc.constantFrom(0.9, 0.95, 0.99), ([cases, n], confidence) => {
        const { estimate, lower, upper } = wilsonInterval(cases, n, confidence);
        expect(0).toBeLessThanOrEqual(lower);
        expect(lower).toBeLessThanOrEqual(estimate);
        expect(estimate).toBeLessThanOrEqual(upper);
        expect(upper).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('narrows as n grows at a fixed proportion (k·a / k·b, k = 1 → 2)', () => {
    fc.assert(
      fc.property(counts, ([cases, n]) => {
        const small = wilsonInterval(cases, n);
        const large = wilsonInterval(2 * cases, 2 * n);
        expect(large.upper - large.lower).toBeLessThan(small.upper - small.lower);
      }),
    );
  });

  it('is symmetric under cases ↔ n − cases', () => {
    fc.assert(
      fc.property(counts, ([cases, n]) => {
        const a = wilsonInterval(cases, n);
        const b = wilsonInterval(n - cases, n);
        expect(a.lower).toBeCloseTo(1 - b.upper, 12);
        expect(a.upper).toBeCloseTo(1 - b.lower, 12);
      }),
    );
  });

  it('the 99 % interval contains the 95 % one, which contains the 90 % one', () => {
    fc.assert(
      fc.property(counts, ([cases, n]) => {
        const [i90, i95, i99] = [0.9, 0.95, 0.99].map((c) => wilsonInterval(cases, n, c));
        expect(i99!.lower).toBeLessThanOrEqual(i95!.lower);
        expect(i99!.upper).toBeGreaterThanOrEqual(i95!.upper);
        expect(i95!.lower).toBeLessThanOrEqual(i90!.lower);
        expect(i95!.upper).toBeGreaterThanOrEqual(i90!.upper);
      }),
    );
  });
});
