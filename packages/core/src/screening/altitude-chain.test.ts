import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALTITUDE_SOURCES, resolveAltitude, type AltitudeCandidates } from './altitude-chain.js';

const none: AltitudeCandidates = {
  record: null,
  populatedPlace: null,
  establishment: null,
  districtCapital: null,
};

describe('altitude chain: record → populated place → establishment → district capital', () => {
  it('takes each step only when the ones before it are unknown', () => {
    const all = { record: 3100, populatedPlace: 1650, establishment: 729, districtCapital: 740 };
    expect(resolveAltitude(all)).toEqual({ altitudeM: 3100, altitudeSource: 'record' });
    expect(resolveAltitude({ ...all, record: null })).toEqual({
      altitudeM: 1650,
      altitudeSource: 'populated_place',
    });
    expect(resolveAltitude({ ...all, record: null, populatedPlace: null })).toEqual({
      altitudeM: 729,
      altitudeSource: 'establishment',
    });
    expect(resolveAltitude({ ...none, districtCapital: 740 })).toEqual({
      altitudeM: 740,
      altitudeSource: 'district_capital',
    });
    expect(resolveAltitude(none)).toBeNull();
  });

  it('an altitude of 0 m (the coast) is a known altitude, not a missing one', () => {
    expect(resolveAltitude({ ...none, populatedPlace: 0, establishment: 40 })).toEqual({
      altitudeM: 0,
      altitudeSource: 'populated_place',
    });
  });

  it('property: the source is the first known step and the altitude is its value', () => {
    const altitude = fc.option(fc.integer({ min: -100, max: 6000 }), { nil: null });
    fc.assert(
      fc.property(altitude, altitude, altitude, altitude, (a, b, c, d) => {
        const candidates = { record: a, populatedPlace: b, establishment: c, districtCapital: d };
        const values = [a, b, c, d];
        const first = values.findIndex((v) => v !== null);
        const result = resolveAltitude(candidates);
        if (first < 0) return result === null;
        return (
          result !== null &&
          result.altitudeSource === ALTITUDE_SOURCES[first] &&
          result.altitudeM === values[first]
        );
      }),
    );
  });
});
