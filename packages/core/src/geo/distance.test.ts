import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { haversineKm } from './distance.js';

describe('haversine distance', () => {
  it('gives one degree of latitude as about 111.2 km', () => {
    expect(haversineKm({ lat: -7, lon: -78 }, { lat: -6, lon: -78 })).toBeCloseTo(111.19, 1);
  });

  it('is symmetric and zero only between equal points', () => {
    const point = fc.record({
      lat: fc.double({ min: -18, max: 0, noNaN: true }),
      lon: fc.double({ min: -81, max: -68, noNaN: true }),
    });
    fc.assert(
      fc.property(point, point, (a, b) => {
        expect(haversineKm(a, b)).toBeCloseTo(haversineKm(b, a), 9);
        expect(haversineKm(a, a)).toBe(0);
      }),
    );
  });
});
