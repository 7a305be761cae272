import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prevalenceCell, surveyPrevalenceCell } from './prevalence-cell.js';
import {
  DHS_UNWEIGHTED_25,
  SUPPRESSION_RULES,
  YAWAR_2026_N20_C5,
  suppressSmallCells,
  suppressionReason,
} from './suppression.js';
import type { SuppressionRule } from './suppression.js';
import { weightedPrevalence } from './weighted-prevalence.js';

describe('suppressionReason: rule boundaries', () => {
  it.each([
    // [cases, n, yawar-2026-n20-c5, dhs-unweighted-25]
    [10, 19, 'small_denominator', 'small_denominator'],
    [10, 20, null, 'small_denominator'],
    [10, 24, null, 'small_denominator'],
    [10, 25, null, null],
    [0, 30, null, null], // zero cases identify no one
    [1, 30, 'small_numerator', null],
    [1, 20, 'small_numerator', 'small_denominator'],
    [4, 100, 'small_numerator', null],
    [5, 100, null, null],
    [0, 0, 'small_denominator', 'small_denominator'],
  ] as const)('%i/%i → %s (n20-c5), %s (dhs-25)', (cases, n, yawar, dhs) => {
    expect(suppressionReason(cases, n, YAWAR_2026_N20_C5)).toBe(yawar);
    expect(suppressionReason(cases, n, DHS_UNWEIGHTED_25)).toBe(dhs);
  });

  it('lists every rule under its id', () => {
    for (const [id, rule] of Object.entries(SUPPRESSION_RULES)) expect(rule.id).toBe(id);
  });

  it('rejects thresholds that are not integers ≥ 1', () => {
    const bad: SuppressionRule[] = [
      { ...YAWAR_2026_N20_C5, minDenominator: 0 },
      { ...YAWAR_2026_N20_C5, minDenominator: 2.5 },
      { ...YAWAR_2026_N20_C5, minCases: 0 },
    ];
    for (const rule of bad) {
      expect(() => suppressionReason(1, 100, rule)).toThrow(
        expect.objectContaining({ code: 'invalid_rule' }),
      );
    }
  });
});

describe('prevalenceCell', () => {
  const source = 'test';

  it('builds a Wilson cell for counts the rule allows', () => {
    const cell = prevalenceCell({ cases: 81, n: 263, source, rule: YAWAR_2026_N20_C5 });
    expect(cell).toMatchObject({
      cases: 81,
      n: 263,
      method: 'wilson',
      confidence: 0.95,
      source,
      ruleId: 'yawar-2026-n20-c5',
      suppressed: false,
      suppressionReason: null,
    });
    expect(cell.lower).toBeCloseTo(0.2553, 4);
    expect(cell.upper).toBeCloseTo(0.3662, 4);
  });

  it('suppresses small cells, removing estimate, interval and cases but keeping n', () => {
    expect(prevalenceCell({ cases: 3, n: 19, source, rule: YAWAR_2026_N20_C5 })).toEqual({
      cases: null,
      n: 19,
      estimate: null,
      lower: null,
      upper: null,
      method: 'wilson',
      confidence: 0.95,
      source,
      ruleId: 'yawar-2026-n20-c5',
      suppressed: true,
      suppressionReason: 'small_denominator',
    });
  });

  it('turns n = 0 into a suppressed cell, but still rejects impossible counts', () => {
    expect(prevalenceCell({ cases: 0, n: 0, source, rule: DHS_UNWEIGHTED_25 })).toMatchObject({
      suppressed: true,
      suppressionReason: 'small_denominator',
    });
    expect(() => prevalenceCell({ cases: 3, n: 2, source, rule: DHS_UNWEIGHTED_25 })).toThrow(
      expect.objectContaining({ code: 'invalid_count' }),
    );
  });

  it('never publishes an estimate for a suppressed cell (property)', () => {
    const counts = fc
      .integer({ min: 0, max: 200 })
      .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
    fc.assert(
      fc.property(counts, ([cases, n]) => {
        const cell = prevalenceCell({ cases, n, source, rule: YAWAR_2026_N20_C5 });
        expect(cell.suppressed).toBe(n < 20 || (cases >= 1 && cases <= 4));
        if (cell.suppressed)
          expect([cell.cases, cell.estimate, cell.lower, cell.upper]).toEqual([
            null,
            null,
            null,
            null,
          ]);
      }),
    );
  });
});

describe('suppressSmallCells', () => {
  const cell = prevalenceCell({ cases: 10, n: 24, source: 'x', rule: YAWAR_2026_N20_C5 });

  it('re-applies a stricter rule and records its id', () => {
    expect(suppressSmallCells(cell, DHS_UNWEIGHTED_25)).toMatchObject({
      suppressed: true,
      ruleId: 'dhs-unweighted-25',
      suppressionReason: 'small_denominator',
      estimate: null,
    });
  });

  it('keeps an allowed cell and never un-suppresses', () => {
    const published = prevalenceCell({ cases: 10, n: 30, source: 'x', rule: DHS_UNWEIGHTED_25 });
    expect(suppressSmallCells(published, YAWAR_2026_N20_C5)).toEqual({
      ...published,
      ruleId: 'yawar-2026-n20-c5',
    });
    const hidden = prevalenceCell({ cases: 1, n: 30, source: 'x', rule: YAWAR_2026_N20_C5 });
    expect(suppressSmallCells(hidden, DHS_UNWEIGHTED_25)).toBe(hidden);
  });
});

describe('surveyPrevalenceCell', () => {
  it('applies the rule to unweighted counts and carries the weighted estimate', () => {
    const records = Array.from({ length: 30 }, (_, i) => ({
      weight: i < 10 ? 3 : 1,
      isCase: i < 10,
      cluster: `c${i % 6}`,
    }));
    const result = weightedPrevalence(records);
    const cell = surveyPrevalenceCell(result, 'ENDES test', DHS_UNWEIGHTED_25);
    expect(cell).toMatchObject({
      cases: 10,
      n: 30,
      method: 'survey-linearised',
      suppressed: false,
    });
    expect(cell.estimate).toBeCloseTo(30 / 50, 12);
    expect(
      surveyPrevalenceCell(result, 'x', { ...DHS_UNWEIGHTED_25, minDenominator: 31 }).suppressed,
    ).toBe(true);
  });
});
