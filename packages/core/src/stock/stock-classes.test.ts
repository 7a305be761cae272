import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AVAILABILITY_LEVELS,
  DEFAULT_STOCK_RULE_SET,
  DIGEMID_FICHA28_2024,
  DIGEMID_FICHA28_2025,
  DIGEMID_FICHA28_UNROUNDED,
  STOCK_RULE_SETS,
  availabilityIndicator,
  classifyStock,
  meanAvailability,
  monthsOfStock,
  stockRuleSet,
  type StockClass,
} from './stock-classes.js';

const rounded = (stock: number, cpma: number) =>
  classifyStock({ stock, cpma }, DIGEMID_FICHA28_2024);
const unrounded = (stock: number, cpma: number) =>
  classifyStock({ stock, cpma }, DIGEMID_FICHA28_UNROUNDED);

describe('rule sets', () => {
  it('are data with ids, sources and their evidence status', () => {
    expect(STOCK_RULE_SETS.map((r) => r.id)).toEqual([
      'digemid-ficha28-2025',
      'digemid-ficha28-2024',
      'digemid-ficha28-unrounded',
    ]);
    // The Ficha 28 signed 18/12/2025 is the default; the earlier readings stay selectable.
    expect(DEFAULT_STOCK_RULE_SET).toBe(DIGEMID_FICHA28_2025);
    expect(DIGEMID_FICHA28_2025).toMatchObject({
      sinRotacion: 'vital_only',
      largeVolume: { fromLitres: 1, availableFromMonths: 1 },
      medDecimals: 1,
    });
    expect(DIGEMID_FICHA28_2025.source).toContain('1288-2018');
    expect(DIGEMID_FICHA28_2024).toMatchObject({ sinRotacion: 'all', largeVolume: null });
    for (const r of STOCK_RULE_SETS) {
      expect(r.status).toBe('transcription');
      expect(r.source).toContain('Ficha');
      expect(r.cpma).toEqual({ windowMonths: 12, divisor: 'months_with_consumption' });
    }
    expect(stockRuleSet('digemid-ficha28-2024')).toBe(DIGEMID_FICHA28_2024);
    expect(stockRuleSet('nope')).toBeUndefined();
  });
});

describe('DIGEMID classes (Ficha técnica N.° 28 [T])', () => {
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

  it('sin rotación counts in the denominator under the earlier reading, and only when vital under the Ficha of 18/12/2025', () => {
    const list = classes({ normostock: 9, sin_rotacion: 1 });
    const earlier = { sinRotacion: DIGEMID_FICHA28_2024.sinRotacion };
    const ficha2025 = { sinRotacion: DIGEMID_FICHA28_2025.sinRotacion };
    // Earlier reading: the non-vital sin-rotación item stays in the denominator, 9 ÷ 10.
    expect(availabilityIndicator(list, earlier)).toMatchObject({
      evaluated: 10,
      ratio: 0.9,
      level: 'optimo',
    });
    // Ficha 28 of 18/12/2025: a non-vital sin-rotación item leaves the denominator, 9 ÷ 9.
    expect(availabilityIndicator(list, ficha2025)).toMatchObject({ evaluated: 9, ratio: 1 });
    expect(availabilityIndicator(list)).toMatchObject({ evaluated: 9, ratio: 1 });
    // A vital one (RM 1288-2018/MINSA) stays in, not available, under both.
    const withVital = [...list.slice(0, 9), { stockClass: 'sin_rotacion' as const, vital: true }];
    expect(availabilityIndicator(withVital, ficha2025)).toMatchObject({
      evaluated: 10,
      ratio: 0.9,
    });
    expect(availabilityIndicator(withVital, earlier)).toMatchObject({ evaluated: 10, ratio: 0.9 });
    expect(availabilityIndicator(list, { sinRotacion: 'none' })).toMatchObject({ evaluated: 9 });
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

  it('a liquid of 1 L or more is available from one month of stock under the Ficha of 18/12/2025 only', () => {
    // Stock 12, CPMA 10: MED 1.2 months.
    const litre = { stock: 12, cpma: 10, liquidLitres: 1 };
    expect(classifyStock(litre, DIGEMID_FICHA28_2025).stockClass).toBe('normostock');
    expect(classifyStock(litre).stockClass).toBe('normostock');
    expect(classifyStock(litre, DIGEMID_FICHA28_2024).stockClass).toBe('substock');
    // Below 1 L, or below one month, the usual threshold of 2 months applies.
    expect(
      classifyStock({ stock: 12, cpma: 10, liquidLitres: 0.5 }, DIGEMID_FICHA28_2025).stockClass,
    ).toBe('substock');
    expect(
      classifyStock({ stock: 9, cpma: 10, liquidLitres: 1 }, DIGEMID_FICHA28_2025).stockClass,
    ).toBe('substock');
    // Exactly one month (rounded): available.
    expect(
      classifyStock({ stock: 10, cpma: 10, liquidLitres: 1.5 }, DIGEMID_FICHA28_2025).stockClass,
    ).toBe('normostock');
    const facility = (r: typeof DIGEMID_FICHA28_2025) =>
      availabilityIndicator([classifyStock(litre, r).stockClass, 'normostock'], r);
    expect(facility(DIGEMID_FICHA28_2025)).toMatchObject({ evaluated: 2, available: 2 });
    expect(facility(DIGEMID_FICHA28_2024)).toMatchObject({ evaluated: 2, available: 1 });
  });

  it('property: the large-volume rule only ever turns substock into normostock', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 1_000 }),
        fc.double({ min: 0, max: 20, noNaN: true }),
        (stock, cpma, litres) => {
          const plain = classifyStock({ stock, cpma }, DIGEMID_FICHA28_2025).stockClass;
          const liquid = classifyStock(
            { stock, cpma, liquidLitres: litres },
            DIGEMID_FICHA28_2025,
          ).stockClass;
          return liquid === plain || (plain === 'substock' && liquid === 'normostock');
        },
      ),
    );
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
