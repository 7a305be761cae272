import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  boundingBox,
  degreesToBoundary,
  geometryContains,
  isAreaGeometry,
  type AreaGeometry,
  type LinearRing,
  type MultiPolygonGeometry,
  type PolygonGeometry,
} from './geometry.js';

/** Closed counter-clockwise ring of an axis-aligned rectangle, [lon, lat] as in GeoJSON. */
function rectangle(minLon: number, minLat: number, maxLon: number, maxLat: number): LinearRing {
  return [
    [minLon, minLat],
    [maxLon, minLat],
    [maxLon, maxLat],
    [minLon, maxLat],
    [minLon, minLat],
  ];
}

const unitSquare: PolygonGeometry = { type: 'Polygon', coordinates: [rectangle(0, 0, 1, 1)] };

/** A 10 × 10 square with a 2 × 2 hole in its middle. */
const squareWithHole: PolygonGeometry = {
  type: 'Polygon',
  coordinates: [rectangle(0, 0, 10, 10), rectangle(4, 4, 6, 6)],
};

/** Two separate squares, the second with a hole. */
const twoSquares: MultiPolygonGeometry = {
  type: 'MultiPolygon',
  coordinates: [[rectangle(0, 0, 1, 1)], [rectangle(5, 5, 8, 8), rectangle(6, 6, 7, 7)]],
};

describe('geometryContains', () => {
  it('contains a point inside a polygon and not one outside it', () => {
    expect(geometryContains(unitSquare, { lon: 0.5, lat: 0.5 })).toBe(true);
    expect(geometryContains(unitSquare, { lon: 1.5, lat: 0.5 })).toBe(false);
    expect(geometryContains(unitSquare, { lon: 0.5, lat: -0.1 })).toBe(false);
    expect(geometryContains(unitSquare, { lon: -3, lat: 7 })).toBe(false);
  });

  it('treats a point in a hole as outside and a point between hole and shell as inside', () => {
    expect(geometryContains(squareWithHole, { lon: 5, lat: 5 })).toBe(false);
    expect(geometryContains(squareWithHole, { lon: 2, lat: 5 })).toBe(true);
    expect(geometryContains(squareWithHole, { lon: 5, lat: 8 })).toBe(true);
    expect(geometryContains(squareWithHole, { lon: 11, lat: 5 })).toBe(false);
  });

  it('does not depend on ring orientation', () => {
    const clockwise: PolygonGeometry = {
      type: 'Polygon',
      coordinates: [[...rectangle(0, 0, 1, 1)].reverse()],
    };
    expect(geometryContains(clockwise, { lon: 0.5, lat: 0.5 })).toBe(true);
    expect(geometryContains(clockwise, { lon: 1.5, lat: 0.5 })).toBe(false);
  });

  it('handles a concave polygon', () => {
    // An L shape: the notch (upper right) is outside.
    const l: PolygonGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [2, 0],
          [2, 1],
          [1, 1],
          [1, 2],
          [0, 2],
          [0, 0],
        ],
      ],
    };
    expect(geometryContains(l, { lon: 0.5, lat: 1.5 })).toBe(true);
    expect(geometryContains(l, { lon: 1.5, lat: 0.5 })).toBe(true);
    expect(geometryContains(l, { lon: 1.5, lat: 1.5 })).toBe(false);
  });

  it('checks every part of a MultiPolygon, with its own holes', () => {
    expect(geometryContains(twoSquares, { lon: 0.5, lat: 0.5 })).toBe(true);
    expect(geometryContains(twoSquares, { lon: 5.5, lat: 7.5 })).toBe(true);
    expect(geometryContains(twoSquares, { lon: 6.5, lat: 6.5 })).toBe(false);
    expect(geometryContains(twoSquares, { lon: 3, lat: 3 })).toBe(false);
  });

  it('contains nothing when a polygon has no rings', () => {
    expect(geometryContains({ type: 'Polygon', coordinates: [] }, { lon: 0, lat: 0 })).toBe(false);
    expect(geometryContains({ type: 'MultiPolygon', coordinates: [] }, { lon: 0, lat: 0 })).toBe(
      false,
    );
  });
});

describe('degreesToBoundary', () => {
  it('measures the planar distance to the nearest edge of a unit square', () => {
    expect(degreesToBoundary(unitSquare, { lon: 0.5, lat: 0.5 })).toBeCloseTo(0.5, 12);
    expect(degreesToBoundary(unitSquare, { lon: 0.5, lat: 0.9 })).toBeCloseTo(0.1, 12);
    expect(degreesToBoundary(unitSquare, { lon: 3, lat: 0.5 })).toBeCloseTo(2, 12);
    expect(degreesToBoundary(unitSquare, { lon: 0.5, lat: -0.25 })).toBeCloseTo(0.25, 12);
  });

  it('measures to the corner when the nearest point of the boundary is a vertex', () => {
    expect(degreesToBoundary(unitSquare, { lon: 4, lat: 5 })).toBeCloseTo(5, 12);
    expect(degreesToBoundary(unitSquare, { lon: -1, lat: -1 })).toBeCloseTo(Math.SQRT2, 12);
  });

  it('is zero on an edge or a vertex', () => {
    expect(degreesToBoundary(unitSquare, { lon: 1, lat: 0.3 })).toBe(0);
    expect(degreesToBoundary(unitSquare, { lon: 0, lat: 0 })).toBe(0);
  });

  it('counts hole edges and every part of a MultiPolygon as boundary', () => {
    expect(degreesToBoundary(squareWithHole, { lon: 5, lat: 5 })).toBeCloseTo(1, 12);
    expect(degreesToBoundary(twoSquares, { lon: 6.5, lat: 6.6 })).toBeCloseTo(0.4, 12);
    expect(degreesToBoundary(twoSquares, { lon: 3, lat: 0.5 })).toBeCloseTo(2, 12);
  });

  it('is infinite for a geometry without edges', () => {
    expect(degreesToBoundary({ type: 'Polygon', coordinates: [] }, { lon: 0, lat: 0 })).toBe(
      Infinity,
    );
  });
});

describe('boundingBox', () => {
  it('spans every ring of every geometry', () => {
    expect(boundingBox([unitSquare])).toEqual({ minLon: 0, minLat: 0, maxLon: 1, maxLat: 1 });
    expect(boundingBox([twoSquares])).toEqual({ minLon: 0, minLat: 0, maxLon: 8, maxLat: 8 });
    const far: PolygonGeometry = {
      type: 'Polygon',
      coordinates: [rectangle(-79.5, -7.5, -78.2, -4.9)],
    };
    expect(boundingBox([unitSquare, far])).toEqual({
      minLon: -79.5,
      minLat: -7.5,
      maxLon: 1,
      maxLat: 1,
    });
  });

  it('is null when there are no coordinates', () => {
    expect(boundingBox([])).toBeNull();
    expect(boundingBox([{ type: 'Polygon', coordinates: [] }])).toBeNull();
  });
});

describe('isAreaGeometry', () => {
  it('accepts Polygons and MultiPolygons only', () => {
    expect(isAreaGeometry(unitSquare)).toBe(true);
    expect(isAreaGeometry(twoSquares)).toBe(true);
    expect(isAreaGeometry({ type: 'Point', coordinates: [0, 0] })).toBe(false);
    expect(isAreaGeometry({ type: 'Polygon' })).toBe(false);
    expect(isAreaGeometry(null)).toBe(false);
    expect(isAreaGeometry('Polygon')).toBe(false);
  });
});

/** Three strictly increasing finite numbers: two rectangle sides and something between them. */
const between = fc
  .tuple(
    fc.double({ min: -180, max: 180, noNaN: true }),
    fc.double({ min: -180, max: 180, noNaN: true }),
    fc.double({ min: -180, max: 180, noNaN: true }),
  )
  .map((values) => [...values].sort((a, b) => a - b) as [number, number, number])
  .filter(([low, middle, high]) => low < middle && middle < high);

describe('rectangle properties', () => {
  it('contains a point strictly inside an axis-aligned rectangle, at a positive distance from its edges', () => {
    fc.assert(
      fc.property(between, between, ([minLon, lon, maxLon], [minLat, lat, maxLat]) => {
        const geometry: AreaGeometry = {
          type: 'Polygon',
          coordinates: [rectangle(minLon, minLat, maxLon, maxLat)],
        };
        expect(geometryContains(geometry, { lon, lat })).toBe(true);
        expect(degreesToBoundary(geometry, { lon, lat })).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('never contains a point outside the bounding box of a polygon', () => {
    const ring = fc.array(
      fc.tuple(
        fc.double({ min: -80, max: -70, noNaN: true }),
        fc.double({ min: -18, max: 0, noNaN: true }),
      ),
      { minLength: 3, maxLength: 12 },
    );
    const outside = fc.oneof(
      fc.record({
        lon: fc.double({ min: -180, max: -80.0001, noNaN: true }),
        lat: fc.double({ min: -90, max: 90, noNaN: true }),
      }),
      fc.record({
        lon: fc.double({ min: -69.9999, max: 180, noNaN: true }),
        lat: fc.double({ min: -90, max: 90, noNaN: true }),
      }),
      fc.record({
        lon: fc.double({ min: -180, max: 180, noNaN: true }),
        lat: fc.double({ min: 0.0001, max: 90, noNaN: true }),
      }),
      fc.record({
        lon: fc.double({ min: -180, max: 180, noNaN: true }),
        lat: fc.double({ min: -90, max: -18.0001, noNaN: true }),
      }),
    );
    fc.assert(
      fc.property(ring, outside, (points, point) => {
        const first = points[0] as [number, number];
        const geometry: AreaGeometry = { type: 'Polygon', coordinates: [[...points, first]] };
        const box = boundingBox([geometry]);
        expect(box).not.toBeNull();
        if (!box) return;
        // The generated point is outside the region the ring may occupy, so outside its box too.
        expect(
          point.lon < box.minLon ||
            point.lon > box.maxLon ||
            point.lat < box.minLat ||
            point.lat > box.maxLat,
        ).toBe(true);
        expect(geometryContains(geometry, point)).toBe(false);
        for (const [lon, lat] of points) {
          expect(
            lon >= box.minLon && lon <= box.maxLon && lat >= box.minLat && lat <= box.maxLat,
          ).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('Cajamarca district map (INEI 2007, data/cajamarca/distritos.geojson)', () => {
  const collection = JSON.parse(
    readFileSync(new URL('../../../../data/cajamarca/distritos.geojson', import.meta.url), 'utf8'),
  ) as { features: { properties: { IDDIST: string }; geometry: unknown }[] };
  const districts = new Map(
    collection.features.map((feature) => [
      feature.properties.IDDIST,
      feature.geometry as AreaGeometry,
    ]),
  );
  const plazaDeArmas = { lat: -7.1566, lon: -78.5175 };

  it('has the 127 districts of Cajamarca, all with an area geometry', () => {
    expect(districts.size).toBe(127);
    expect([...districts.values()].every(isAreaGeometry)).toBe(true);
  });

  it('puts the Plaza de Armas of Cajamarca city in district 060101 CAJAMARCA and in no other', () => {
    const cajamarca = districts.get('060101');
    const asuncion = districts.get('060102');
    expect(cajamarca && asuncion).toBeTruthy();
    if (!cajamarca || !asuncion) return;
    expect(geometryContains(cajamarca, plazaDeArmas)).toBe(true);
    expect(geometryContains(asuncion, plazaDeArmas)).toBe(false);
    const containing = [...districts].filter(([, geometry]) =>
      geometryContains(geometry, plazaDeArmas),
    );
    expect(containing.map(([code]) => code)).toEqual(['060101']);
  });

  it('puts the plaza well inside its district, not within the 0.01° tolerance band', () => {
    const cajamarca = districts.get('060101');
    if (!cajamarca) throw new Error('060101 missing');
    expect(degreesToBoundary(cajamarca, plazaDeArmas)).toBeGreaterThan(0.01);
  });

  it('gives the department a bounding box inside Peru around Cajamarca', () => {
    const box = boundingBox([...districts.values()]);
    expect(box).not.toBeNull();
    if (!box) return;
    expect(box.minLat).toBeGreaterThan(-8);
    expect(box.maxLat).toBeLessThan(-4.5);
    expect(box.minLon).toBeGreaterThan(-79.7);
    expect(box.maxLon).toBeLessThan(-77.5);
    expect(plazaDeArmas.lat > box.minLat && plazaDeArmas.lat < box.maxLat).toBe(true);
  });
});
