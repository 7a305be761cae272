import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  apportionByWeight,
  CHILDREN_6_35_METHOD,
  departmentChildren6to35,
} from './children-estimate.js';

describe('departmentChildren6to35', () => {
  it('gives 69,257 for Cajamarca from the REUNIS 2020 row (14,062 + 26,737 + 28,458)', () => {
    expect(departmentChildren6to35({ months6to11: 14_062, age1: 26_737, age2: 28_458 })).toBe(
      69_257,
    );
  });

  it('names its method so stored estimates say how they were made', () => {
    expect(CHILDREN_6_35_METHOD).toBe('reunis-2020-dept-6-35m-by-census-2017-share-0-14');
  });
});

describe('apportionByWeight: worked examples', () => {
  it('splits by largest remainder', () => {
    // Exact shares 3.333…, 3.333…, 3.333…: one unit left over, given to the first key on a tie.
    expect(
      Object.fromEntries(
        apportionByWeight(
          10,
          new Map([
            ['b', 1],
            ['a', 1],
            ['c', 1],
          ]),
        ),
      ),
    ).toEqual({ a: 4, b: 3, c: 3 });
    // Exact shares 1.4, 2.1, 3.5: floors 1, 2, 3 leave 1, which goes to the largest remainder (3.5).
    expect(
      Object.fromEntries(
        apportionByWeight(
          7,
          new Map([
            ['x', 2],
            ['y', 3],
            ['z', 5],
          ]),
        ),
      ),
    ).toEqual({ x: 1, y: 2, z: 4 });
  });

  it('gives null to districts without a census weight (created after 2017) or with zero children', () => {
    const result = apportionByWeight(
      100,
      new Map<string, number | null>([
        ['060101', 3],
        ['069901', null],
        ['060102', 0],
        ['060103', 1],
      ]),
    );
    expect(Object.fromEntries(result)).toEqual({
      '060101': 75,
      '069901': null,
      '060102': null,
      '060103': 25,
    });
  });

  it('gives every district null when no weight is positive', () => {
    const result = apportionByWeight(
      100,
      new Map<string, number | null>([
        ['a', null],
        ['b', 0],
      ]),
    );
    expect(Object.fromEntries(result)).toEqual({ a: null, b: null });
    expect(apportionByWeight(100, new Map()).size).toBe(0);
  });

  it('breaks remainder ties by key identically whatever the input order, even for keys collation treats as equal', () => {
    // 'a' and 'a\u0000' compare equal under localeCompare; the tie must still go to the same key.
    const forward = apportionByWeight(
      1,
      new Map([
        ['a', 1],
        ['a\u0000', 1],
      ]),
    );
    const backward = apportionByWeight(
      1,
      new Map([
        ['a\u0000', 1],
        ['a', 1],
      ]),
    );
    expect(Object.fromEntries(forward)).toEqual(Object.fromEntries(backward));
    expect(forward.get('a')).toBe(1);
  });

  it('keeps the input keys, in their input order', () => {
    const result = apportionByWeight(
      5,
      new Map([
        ['z', 1],
        ['a', 1],
        ['m', 1],
      ]),
    );
    expect([...result.keys()]).toEqual(['z', 'a', 'm']);
  });
});

/**
 * District-like keys: realistic ubigeos, arbitrary text, and short strings of characters that
 * Unicode collation ignores (so distinct keys can compare equal under localeCompare).
 */
const key = fc.oneof(
  fc.integer({ min: 60101, max: 61311 }).map((code) => String(code).padStart(6, '0')),
  fc.string({ unit: 'binary', maxLength: 4 }),
  fc.string({
    unit: fc.constantFrom('a', '\u0000', '\u00ad', '\u200b'),
    minLength: 1,
    maxLength: 3,
  }),
);

/** Census-like weights: whole numbers (children 0–14), many ties, some null or zero. */
const weight = fc.oneof(
  fc.constant(null),
  fc.constant(0),
  fc.integer({ min: 1, max: 5 }),
  fc.integer({ min: 1, max: 200_000 }),
);

const weights = fc.uniqueArray(fc.tuple(key, weight), {
  selector: ([k]) => k,
  minLength: 1,
  maxLength: 60,
});
const total = fc.integer({ min: 1, max: 5_000_000 });

function positiveSum(entries: readonly (readonly [string, number | null])[]): number {
  return entries.reduce((sum, [, w]) => sum + (w !== null && w > 0 ? w : 0), 0);
}

describe('apportionByWeight: properties', () => {
  it('adds up exactly to the total whenever some weight is positive', () => {
    fc.assert(
      fc.property(total, weights, (t, entries) => {
        fc.pre(positiveSum(entries) > 0);
        const result = apportionByWeight(t, new Map(entries));
        const values = [...result.values()];
        expect(values.every((value) => value === null || Number.isInteger(value))).toBe(true);
        expect(values.reduce<number>((sum, value) => sum + (value ?? 0), 0)).toBe(t);
      }),
      { numRuns: 1000 },
    );
  });

  it('gives each district its exact proportional share rounded down or up', () => {
    fc.assert(
      fc.property(total, weights, (t, entries) => {
        const sum = positiveSum(entries);
        fc.pre(sum > 0);
        const result = apportionByWeight(t, new Map(entries));
        for (const [k, w] of entries) {
          if (w === null || w <= 0) continue;
          const exact = (t * w) / sum;
          const value = result.get(k);
          expect(value).not.toBeNull();
          expect(value).toBeGreaterThanOrEqual(Math.floor(exact));
          expect(value).toBeLessThanOrEqual(Math.floor(exact) + 1);
          expect(Math.abs((value ?? 0) - exact)).toBeLessThan(1);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('gives null exactly to null and zero weights, and has one entry per input key', () => {
    fc.assert(
      fc.property(total, weights, (t, entries) => {
        const result = apportionByWeight(t, new Map(entries));
        expect(result.size).toBe(entries.length);
        const anyPositive = positiveSum(entries) > 0;
        for (const [k, w] of entries) {
          const hasShare = anyPositive && w !== null && w > 0;
          expect(result.get(k) === null).toBe(!hasShare);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('does not depend on the order of the input map', () => {
    fc.assert(
      fc.property(
        total,
        weights.chain((entries) =>
          fc.tuple(
            fc.constant(entries),
            fc.shuffledSubarray(entries, { minLength: entries.length }),
          ),
        ),
        (t, [entries, shuffled]) => {
          const a = apportionByWeight(t, new Map(entries));
          const b = apportionByWeight(t, new Map(shuffled));
          for (const [k] of entries) expect(b.get(k)).toBe(a.get(k));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('never gives a larger weight a smaller share', () => {
    fc.assert(
      fc.property(total, weights, (t, entries) => {
        const result = apportionByWeight(t, new Map(entries));
        const positive = entries.filter(
          (entry): entry is [string, number] => entry[1] !== null && entry[1] > 0,
        );
        for (const [ka, wa] of positive) {
          for (const [kb, wb] of positive) {
            if (wa > wb) expect(result.get(ka)).toBeGreaterThanOrEqual(result.get(kb) ?? Infinity);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});
