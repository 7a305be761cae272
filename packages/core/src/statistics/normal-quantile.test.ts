import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StatisticsError } from './errors.js';
import { normalQuantile, zForConfidence } from './normal-quantile.js';

/** Relative difference, so one tolerance serves 1.96 and 9.26. */
const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe('normalQuantile (Wichura AS 241)', () => {
  // Reference quantiles as printed by R 4.x `print(qnorm(p), digits = 17)` (same algorithm) and in
  // standard tables (e.g. Abramowitz & Stegun 26.2); each branch of AS 241 is exercised.
  it.each([
    [0.975, 1.959963984540054], // central branch
    [0.95, 1.6448536269514722],
    [0.995, 2.5758293035489004], // tail, r ≤ 5
    [0.9, 1.2815515655446004],
    [0.001, -3.090232306167813],
    [1e-10, -6.361340902404056],
    [1e-20, -9.262340089798409], // far tail, r > 5
  ])('Φ⁻¹(%d) = %d to 1e-15 relative', (p, z) => {
    expect(relative(normalQuantile(p), z)).toBeLessThan(1e-15);
  });

  it('is 0 at the median', () => {
    expect(normalQuantile(0.5)).toBe(0);
  });

  it('rejects probabilities outside (0, 1)', () => {
    for (const p of [0, 1, -0.1, 1.1, Number.NaN]) {
      expect(() => normalQuantile(p)).toThrow(StatisticsError);
    }
  });

  it('is odd: Φ⁻¹(k/10⁴) = −Φ⁻¹(1 − k/10⁴)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), (k) => {
        const p = k / 10_000;
        expect(normalQuantile(p)).toBeCloseTo(-normalQuantile(1 - p), 12);
      }),
    );
  });

  it('is increasing', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-300, max: 1, noNaN: true, maxExcluded: true }),
        fc.double({ min: 1e-300, max: 1, noNaN: true, maxExcluded: true }),
        (a, b) => {
          const [lo, hi] = a < b ? [a, b] : [b, a];
          expect(normalQuantile(lo)).toBeLessThanOrEqual(normalQuantile(hi));
        },
      ),
    );
  });
});

describe('zForConfidence', () => {
  it('gives the usual two-sided critical values', () => {
    expect(relative(zForConfidence(0.9), 1.6448536269514722)).toBeLessThan(1e-15);
    expect(relative(zForConfidence(0.95), 1.959963984540054)).toBeLessThan(1e-15);
    expect(relative(zForConfidence(0.99), 2.5758293035489004)).toBeLessThan(1e-15);
  });

  it('rejects levels outside (0, 1) with a stable code', () => {
    expect(() => zForConfidence(95)).toThrow(
      expect.objectContaining({ code: 'invalid_confidence' }),
    );
  });
});
