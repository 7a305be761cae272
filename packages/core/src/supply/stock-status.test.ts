import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AVAILABILITY_LEVELS,
  DIGEMID_FICHA28_2024,
  DIGEMID_FICHA28_UNROUNDED,
  STOCK_RULE_SETS,
  availabilityIndicator,
  classifyStock,
  meanAvailability,
  monthsOfStock,
  stockRuleSet,
  type StockClass,
} from './stock-status.js';

const rounded = (stock: number, cpma: number) =>
  classifyStock({ stock, cpma }, DIGEMID_FICHA28_2024);
const unrounded = (stock: number, cpma: number) =>
  classifyStock({ stock, cpma }, DIGEMID_FICHA28_UNROUNDED);

describe('rule sets', () => {
  it('are data with ids, sources and their evidence status', () => {
    expect(STOCK_RULE_SETS.map((r) => r.id)).toEqual([
      'digemid-ficha28-2024',
      'digemid-ficha28-unrounded',
    ]);
    for (const r of STOCK_RULE_SETS) {
      expect(r.status).toBe('transcription');
      expect(r.source).toContain('Ficha');
      expect(r.cpma).toEqual({ windowMonths: 12, divisor: 'months_with_consumption' });
    }
    expect(stockRuleSet('digemid-ficha28-2024')).toBe(DIGEMID_FICHA28_2024);
    expect(stockRuleSet('nope')).toBeUndefined();
  });
});

describe('DIGEMID classes (domain-supply.md §8)', () => {
  it('S11: stock 59, CPMA 30 → MED 1.967; rounded 2.0 normostock, unrounded substock', () => {
    expect(monthsOfStock(59, 30)).toBeCloseTo(1.967, 3);
    expect(rounded(59, 30)).toEqual({
      stockClass: 'normostock',
      med: 59 / 30,
      medCompared: 2,
      ruleSetId: 'digemid-ficha28-2024',
    });
    expect(unrounded(59, 30).stockClass).toBe('substock');
    expect(unrounded(59, 30).ruleSetId).toBe('digemid-ficha28-unrounded');
  });

  it('S12: the five classes and the 6.02 edge', () => {
    expect(rounded(0, 0).stockClass).toBe('desabastecido');
    expect(rounded(0, 25).stockClass).toBe('desabastecido');
    expect(rounded(10, 0)).toMatchObject({ stockClass: 'sin_rotacion', med: null });
    expect(rounded(60, 10).stockClass).toBe('normostock'); // MED 6.0
    expect(rounded(62, 10).stockClass).toBe('sobrestock'); // MED 6.2
    expect(rounded(301, 50).stockClass).toBe('normostock'); // MED 6.02 → 6.0
    expect(unrounded(301, 50).stockClass).toBe('sobrestock');
    expect(rounded(30, 30).stockClass).toBe('substock'); // MED 1.0
    expect(rounded(1, 1000).stockClass).toBe('substock'); // MED 0.001 → 0.0 with stock
    expect(rounded(20, 10).stockClass).toBe('normostock'); // MED 2.0, lower edge included
  });

  it('rejects negative stock or CPMA', () => {
    expect(() => rounded(-1, 10)).toThrow(RangeError);
    expect(() => rounded(1, -10)).toThrow(RangeError);
  });

  const order: Record<StockClass, number> = {
    desabastecido: 0,
    sin_rotacion: -1,
    substock: 1,
    normostock: 2,
    sobrestock: 3,
  };
  it('property: for a fixed CPMA > 0, the class never goes down as stock grows', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1e5, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (cpma, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          for (const rule of STOCK_RULE_SETS) {
            const x = classifyStock({ stock: low, cpma }, rule).stockClass;
            const y = classifyStock({ stock: high, cpma }, rule).stockClass;
            expect(order[y]).toBeGreaterThanOrEqual(order[x]);
          }
        },
      ),
    );
  });
});

describe('availability (DME)', () => {
  const classes = (counts: Partial<Record<StockClass, number>>): StockClass[] =>
    Object.entries(counts).flatMap(([c, n]) => new Array<StockClass>(n).fill(c as StockClass));

  it('S13: 60 normo + 8 sobre + 12 sub of 80 → 68/80 = 85 % → alto', () => {
    expect(availabilityIndicator(classes({ normostock: 60, sobrestock: 8, substock: 12 }))).toEqual(
      { evaluated: 80, available: 68, ratio: 0.85, level: 'alto' },
    );
  });

  it('sin rotación counts in the denominator unless configured out', () => {
    const list = classes({ normostock: 9, sin_rotacion: 1 });
    expect(availabilityIndicator(list)).toMatchObject({
      evaluated: 10,
      ratio: 0.9,
      level: 'optimo',
    });
    expect(availabilityIndicator(list, { countSinRotacion: false })).toMatchObject({
      evaluated: 9,
      ratio: 1,
    });
    expect(availabilityIndicator([])).toEqual({
      evaluated: 0,
      available: 0,
      ratio: null,
      level: null,
    });
  });

  it('levels at their edges: ≥ 90 óptimo, ≥ 80 alto, ≥ 70 regular, below bajo', () => {
    expect(AVAILABILITY_LEVELS.map((l) => [l.level, l.from])).toEqual([
      ['optimo', 0.9],
      ['alto', 0.8],
      ['regular', 0.7],
      ['bajo', 0],
    ]);
    const level = (available: number) =>
      availabilityIndicator(classes({ normostock: available, substock: 100 - available })).level;
    expect([90, 89, 80, 79, 70, 69, 0].map(level)).toEqual([
      'optimo',
      'alto',
      'alto',
      'regular',
      'regular',
      'bajo',
      'bajo',
    ]);
  });

  it('a microred scores the unweighted mean of its facilities', () => {
    expect(meanAvailability([0.9, 0.7, null])).toEqual({
      ratio: 0.8,
      level: 'alto',
      facilities: 2,
    });
    expect(meanAvailability([])).toEqual({ ratio: null, level: null, facilities: 0 });
  });
});
