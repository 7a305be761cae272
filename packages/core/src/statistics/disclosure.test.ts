import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ageRelations,
  aggregateQueryProblem,
  disclosedCells,
  permittedAgeWindows,
  protectAgeWindows,
  protectedCountCell,
  protectTable,
  windowKey,
  windowsFromBands,
  YAWAR_2026_NTS213_BANDS,
  type AdditiveRelation,
  type CountCell,
} from './disclosure.js';
import { YAWAR_2026_N20_C5 } from './suppression.js';

const POLICY = YAWAR_2026_NTS213_BANDS;
const RULE = YAWAR_2026_N20_C5;

describe('aggregateQueryProblem: the fixed query space', () => {
  it.each([
    [6, 11],
    [12, 23],
    [24, 35],
    [36, 59],
    [6, 35],
    [6, 59],
  ])('permits the band or total %i–%i', (ageFrom, ageTo) => {
    expect(aggregateQueryProblem({ ageFrom, ageTo }, POLICY)).toBeNull();
  });

  it.each([
    [6, 8],
    [10, 59],
    [9, 9],
    [6, 23],
    [12, 59],
  ])('refuses the free window %i–%i (the differencing attack needs these)', (ageFrom, ageTo) => {
    expect(aggregateQueryProblem({ ageFrom, ageTo }, POLICY)?.code).toBe('age_band_not_permitted');
  });

  it.each([
    ['2026-03-01', '2026-03-31'],
    ['2024-01-01', '2024-02-29'],
    ['2025-01-01', '2025-02-28'],
    ['2025-10-01', '2025-12-31'],
    [undefined, undefined],
  ])('permits whole months %s … %s', (from, to) => {
    expect(aggregateQueryProblem({ ageFrom: 6, ageTo: 59, from, to }, POLICY)).toBeNull();
  });

  it.each([
    ['2026-03-15', '2026-03-15'],
    ['2026-03-02', undefined],
    [undefined, '2026-03-30'],
    [undefined, '2025-02-29'],
    [undefined, '2023-02-29'],
  ])('refuses the day window %s … %s', (from, to) => {
    expect(aggregateQueryProblem({ ageFrom: 6, ageTo: 59, from, to }, POLICY)?.code).toBe(
      'date_window_not_permitted',
    );
  });
});

describe('ageRelations and windowsFromBands', () => {
  it('writes each total as the sum of the bands it spans', () => {
    expect(ageRelations(POLICY)).toEqual([
      { total: '6-35', parts: ['6-11', '12-23', '24-35'] },
      { total: '6-59', parts: ['6-11', '12-23', '24-35', '36-59'] },
    ]);
  });

  it('adds the bands up into every permitted window', () => {
    const windows = windowsFromBands(
      {
        '6-11': { n: 2, cases: 1 },
        '12-23': { n: 30, cases: 12 },
        '24-35': { n: 25, cases: 6 },
      },
      POLICY,
      { n: 0, cases: 0 },
    );
    expect(windows).toEqual({
      '6-11': { n: 2, cases: 1 },
      '12-23': { n: 30, cases: 12 },
      '24-35': { n: 25, cases: 6 },
      '36-59': { n: 0, cases: 0 },
      '6-35': { n: 57, cases: 19 },
      '6-59': { n: 57, cases: 19 },
    });
  });
});

describe('disclosedCells: exact disclosure by sums and differences', () => {
  it('finds the cell the finding recovered by subtraction (6–59 − 6–8 − 10–59 = age 9)', () => {
    const relations = [{ total: '6-59', parts: ['6-8', '9', '10-59'] }];
    expect(disclosedCells(['6-59', '6-8', '9', '10-59'], relations, new Set(['9']))).toEqual(['9']);
    // Hiding one more cell of the relation leaves two unknowns and one equation.
    expect(disclosedCells(['6-59', '6-8', '9', '10-59'], relations, new Set(['9', '6-8']))).toEqual(
      [],
    );
  });

  it('follows chains of relations (a 2 × 2 table with margins: one hidden cell, then a rectangle)', () => {
    // rows r1, r2; columns c1, c2; margins R1, R2, C1, C2, T.
    const relations: AdditiveRelation[] = [
      { total: 'R1', parts: ['a', 'b'] },
      { total: 'R2', parts: ['c', 'd'] },
      { total: 'C1', parts: ['a', 'c'] },
      { total: 'C2', parts: ['b', 'd'] },
      { total: 'T', parts: ['R1', 'R2'] },
    ];
    const keys = ['a', 'b', 'c', 'd', 'R1', 'R2', 'C1', 'C2', 'T'];
    // a and b hidden: the column margins give both back.
    expect(disclosedCells(keys, relations, new Set(['a', 'b']))).toEqual(['a', 'b']);
    // The whole rectangle a, b, c, d: every relation keeps two unknowns, none is determined.
    expect(disclosedCells(keys, relations, new Set(['a', 'b', 'c', 'd']))).toEqual([]);
  });
});

describe('protectTable: complementary suppression', () => {
  const counts = (n: number, mild: number) => ({ n, mild, moderate: 0, severe: 0, simulated: 0 });
  const cells = (counts: Record<string, [number, number]>): Record<string, CountCell> =>
    Object.fromEntries(Object.entries(counts).map(([k, [cases, n]]) => [k, { cases, n }]));

  it('hides a second band beside a small one, so the totals stay published', () => {
    const table = windowsFromBands(
      cells({ '6-11': [1, 2], '12-23': [12, 40], '24-35': [9, 30], '36-59': [10, 50] }),
      POLICY,
      { cases: 0, n: 0 },
    );
    const result = protectTable(table, ageRelations(POLICY), RULE);
    expect(result['6-11']).toBe('small_denominator');
    // The cheapest other part of 6–35 (fewest cases) goes with it.
    expect(result['24-35']).toBe('complementary');
    expect(result['12-23']).toBeNull();
    expect(result['36-59']).toBeNull();
    expect(result['6-35']).toBeNull();
    expect(result['6-59']).toBeNull();
  });

  it('hides the wider total, not the 6–35 indicator, when only 36–59 is small', () => {
    const table = protectAgeWindows(
      {
        '6-11': counts(40, 10),
        '12-23': counts(40, 12),
        '24-35': counts(30, 9),
        '36-59': counts(3, 1),
      },
      POLICY,
      RULE,
    );
    expect(table['36-59']?.reason).toBe('small_denominator');
    // 6–59 − 6–35 = 36–59: one of the totals must go; the headline stays.
    expect(table['6-59']?.reason).toBe('complementary');
    expect(table['6-35']?.reason).toBeNull();
  });

  it('needs no complementary cell for an empty band (its 0 cases are known from n = 0)', () => {
    const table = protectAgeWindows(
      { '6-11': counts(40, 10), '12-23': counts(40, 12), '24-35': counts(30, 9) },
      POLICY,
      RULE,
    );
    expect(table['36-59']).toEqual({ counts: counts(0, 0), reason: 'small_denominator' });
    expect(Object.values(table).filter((c) => c.reason === 'complementary')).toEqual([]);
  });

  it('publishes everything when nothing is small', () => {
    const table = windowsFromBands(
      cells({ '6-11': [10, 40], '12-23': [12, 40], '24-35': [9, 30], '36-59': [10, 50] }),
      POLICY,
      { cases: 0, n: 0 },
    );
    expect(Object.values(protectTable(table, ageRelations(POLICY), RULE))).toEqual(
      new Array(6).fill(null),
    );
  });

  const count = fc
    .tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }))
    .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as [number, number]);
  const bands = fc.tuple(count, count, count, count).map((list) =>
    Object.fromEntries(
      POLICY.bands.map((band, i) => {
        const [cases, n] = list[i] as [number, number];
        return [windowKey(band), { cases, n }];
      }),
    ),
  );

  it('property: no sum or difference of published cells of the permitted partition isolates a hidden cell', () => {
    const relations = ageRelations(POLICY);
    fc.assert(
      fc.property(bands, (byBand) => {
        const table = windowsFromBands(byBand, POLICY, { cases: 0, n: 0 });
        const result = protectTable(table, relations, RULE);
        // A hidden cell with n = 0 is known anyway (0 cases): only the others need protecting.
        const hidden = Object.keys(result).filter(
          (k) => result[k] !== null && (table[k]?.n ?? 0) > 0,
        );
        // Primary suppression is never undone.
        for (const [key, cell] of Object.entries(table)) {
          const small = cell.n < RULE.minDenominator || (cell.cases >= 1 && cell.cases < 5);
          if (small) expect(result[key]).not.toBeNull();
        }
        // Brute force, independent of the elimination: every combination with coefficients −1, 0, 1
        // of the relations leaves zero or at least two hidden cells.
        for (const a of [-1, 0, 1]) {
          for (const b of [-1, 0, 1]) {
            const coefficient = new Map<string, number>();
            [a, b].forEach((c, i) => {
              const r = relations[i] as AdditiveRelation;
              coefficient.set(r.total, (coefficient.get(r.total) ?? 0) + c);
              for (const p of r.parts) coefficient.set(p, (coefficient.get(p) ?? 0) - c);
            });
            const unknown = hidden.filter((k) => (coefficient.get(k) ?? 0) !== 0);
            expect(unknown.length).not.toBe(1);
          }
        }
        expect(disclosedCells(Object.keys(table), relations, new Set(hidden))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('property: in a table of areas × age windows with department margins, no hidden cell is determined', () => {
    const areas = ['a', 'b', 'c'];
    const relations: AdditiveRelation[] = [];
    for (const area of [...areas, 'dep']) {
      for (const r of ageRelations(POLICY)) {
        relations.push({ total: `${area}:${r.total}`, parts: r.parts.map((p) => `${area}:${p}`) });
      }
    }
    for (const window of permittedAgeWindows(POLICY)) {
      const key = windowKey(window);
      relations.push({ total: `dep:${key}`, parts: areas.map((a) => `${a}:${key}`) });
    }
    fc.assert(
      fc.property(fc.tuple(bands, bands, bands), (tables) => {
        const cells: Record<string, CountCell> = {};
        const dep: Record<string, CountCell> = {};
        tables.forEach((byBand, i) => {
          const windows = windowsFromBands(byBand, POLICY, { cases: 0, n: 0 });
          for (const [key, cell] of Object.entries(windows)) {
            cells[`${areas[i] as string}:${key}`] = cell;
            const sum = dep[key] ?? { cases: 0, n: 0 };
            dep[key] = { cases: sum.cases + cell.cases, n: sum.n + cell.n };
          }
        });
        for (const [key, cell] of Object.entries(dep)) cells[`dep:${key}`] = cell;
        const result = protectTable(cells, relations, RULE);
        const hidden = new Set(
          Object.keys(result).filter((k) => result[k] !== null && (cells[k]?.n ?? 0) > 0),
        );
        expect(disclosedCells(Object.keys(cells), relations, hidden)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('protectAgeWindows and protectedCountCell: the one suppression of every output path', () => {
  const counts = (n: number, mild: number, moderate = 0, severe = 0) => ({
    n,
    mild,
    moderate,
    severe,
    simulated: 0,
  });

  it('hides a band of 2 children with one case and one more band, keeps the totals', () => {
    const table = protectAgeWindows(
      {
        '6-11': counts(2, 1),
        '12-23': counts(40, 10, 4),
        '24-35': counts(30, 6),
        '36-59': counts(60, 12, 2),
      },
      POLICY,
      RULE,
    );
    expect(table['6-11']?.reason).toBe('small_denominator');
    expect(table['24-35']?.reason).toBe('complementary');
    expect(table['6-35']).toEqual({ counts: counts(72, 17, 4), reason: null });
    expect(table['6-59']?.counts.n).toBe(132);
    expect(table['6-59']?.reason).toBeNull();
    const hidden = protectedCountCell({
      cases: 6,
      n: 30,
      source: 'test',
      rule: RULE,
      protection: table['24-35']?.reason ?? null,
    });
    expect(hidden).toMatchObject({
      suppressed: true,
      suppressionReason: 'complementary',
      cases: null,
      estimate: null,
      n: 30,
    });
    // A cell that would be shown anyway stays as prevalenceCell makes it.
    expect(
      protectedCountCell({ cases: 17, n: 72, source: 'test', rule: RULE, protection: null }),
    ).toMatchObject({ suppressed: false, cases: 17 });
    // n = 3 with one case (finding 19) is hidden by the rule itself.
    expect(
      protectedCountCell({ cases: 1, n: 3, source: 'test', rule: RULE, protection: null }),
    ).toMatchObject({ suppressed: true, cases: null });
  });
});
