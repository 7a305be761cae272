import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { haversineKm } from './distance.js';
import { geometryContains, type LonLat } from './geometry.js';
import { convexHull, OUTLINE_SEGMENTS, pointsOutline } from './outline.js';

/** Every point is left of or on each edge of a counter-clockwise ring (with a float tolerance). */
function insideOrOnConvex(ring: readonly (readonly number[])[], p: LonLat): boolean {
  for (let i = 0; i + 1 < ring.length; i++) {
    const [ax = 0, ay = 0] = ring[i] ?? [];
    const [bx = 0, by = 0] = ring[i + 1] ?? [];
    const cross = (bx - ax) * (p.lat - ay) - (by - ay) * (p.lon - ax);
    if (cross < -1e-9) return false;
  }
  return true;
}

/** Cajamarca's extent, where microred establishments lie. */
const cajamarcaPoint = fc.record({
  lon: fc.double({ min: -79.5, max: -77.6, noNaN: true }),
  lat: fc.double({ min: -7.8, max: -4.6, noNaN: true }),
});

describe('convexHull', () => {
  it('keeps the corners of a square and drops interior and edge points', () => {
    const hull = convexHull([
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0.5, 0.5],
      [0.5, 0],
      [0, 0],
    ]);
    expect(hull).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
    ]);
  });

  it('returns fewer than three distinct points unchanged', () => {
    expect(convexHull([])).toEqual([]);
    expect(
      convexHull([
        [2, 3],
        [2, 3],
      ]),
    ).toEqual([[2, 3]]);
  });
});

describe('pointsOutline', () => {
  it('gives nothing for no point', () => {
    expect(pointsOutline([])).toBeNull();
  });

  it('widens a lone establishment into a closed polygon about 2 km around it', () => {
    const chota = { lon: -78.6483, lat: -6.5604 };
    const outline = pointsOutline([chota]);
    expect(outline?.type).toBe('Polygon');
    const ring = outline?.coordinates[0] ?? [];
    expect(ring).toHaveLength(OUTLINE_SEGMENTS + 1);
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    for (const [lon = 0, lat = 0] of ring.slice(0, -1)) {
      const km = haversineKm(chota, { lon, lat });
      // Circumscribed 16-gon of radius 2 km: vertices at 2 / cos(π/16) ≈ 2.04 km.
      expect(km).toBeGreaterThan(1.99);
      expect(km).toBeLessThan(2.06);
    }
    expect(geometryContains(outline!, chota)).toBe(true);
  });

  it('refuses a negative widening', () => {
    expect(() => pointsOutline([{ lon: -78, lat: -7 }], { bufferKm: -1 })).toThrow(RangeError);
  });

  it('property: every point lies strictly inside its widened outline', () => {
    fc.assert(
      fc.property(fc.array(cajamarcaPoint, { minLength: 1, maxLength: 40 }), (points) => {
        const outline = pointsOutline(points);
        expect(outline).not.toBeNull();
        for (const p of points) {
          expect(geometryContains(outline!, p)).toBe(true);
          expect(insideOrOnConvex(outline!.coordinates[0] ?? [], p)).toBe(true);
        }
      }),
    );
  });

  it('property: without widening every point lies inside or on the hull, a vertex of it or within', () => {
    fc.assert(
      fc.property(fc.array(cajamarcaPoint, { minLength: 3, maxLength: 40 }), (points) => {
        const outline = pointsOutline(points, { bufferKm: 0 });
        if (outline === null) return; // all points collinear or equal: no area
        const ring = outline.coordinates[0] ?? [];
        expect(ring[0]).toEqual(ring[ring.length - 1]);
        for (const p of points) expect(insideOrOnConvex(ring, p)).toBe(true);
      }),
    );
  });

  it('property: the ring is counter-clockwise (RFC 7946 exterior ring)', () => {
    fc.assert(
      fc.property(fc.array(cajamarcaPoint, { minLength: 1, maxLength: 20 }), (points) => {
        const ring = pointsOutline(points)?.coordinates[0] ?? [];
        let twiceArea = 0;
        for (let i = 0; i + 1 < ring.length; i++) {
          const [ax = 0, ay = 0] = ring[i] ?? [];
          const [bx = 0, by = 0] = ring[i + 1] ?? [];
          twiceArea += ax * by - bx * ay;
        }
        expect(twiceArea).toBeGreaterThan(0);
      }),
    );
  });
});
