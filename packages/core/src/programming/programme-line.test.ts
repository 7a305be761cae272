import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthRange } from '../supply/months.js';
import { DEFAULT_PROGRAMMING_PARAMETERS } from '../supply/parameters.js';
import { computeProgrammingLine } from './programme-line.js';
import {
  FORECAST_METHODS,
  type ForecastMethod,
  type MonthlyRecord,
  type ProgrammingLineInput,
  type ProgrammingLineResult,
} from '../supply/types.js';

const record = (
  month: string,
  consumption: number,
  extra: Partial<MonthlyRecord> = {},
): MonthlyRecord => ({
  month,
  consumption,
  stockEnd: 0,
  stockoutDays: 0,
  losses: 0,
  inTransit: 0,
  reportingRate: 1,
  ...extra,
});

/** 2026: 100 a month except April, August and November (S10: Σ 900 over 9 months). */
const YEAR = monthRange('2026-01', 12).map((month, i) =>
  record(month, [3, 7, 10].includes(i) ? 0 : 100, i === 11 ? { stockEnd: 250, inTransit: 50 } : {}),
);

const line = (overrides: Partial<ProgrammingLineInput> = {}): ProgrammingLineResult =>
  computeProgrammingLine({
    product: { code: 'P1', packSize: 100, unitPrice: 0.5 },
    history: YEAR,
    parameters: DEFAULT_PROGRAMMING_PARAMETERS,
    method: 'cpma',
    horizonStart: '2027-01',
    ...overrides,
  });

/** The result field each step reports. */
const STEP_FIELDS = (r: ProgrammingLineResult): Record<string, number | null> => ({
  adjusted_consumption: r.adjustedHistory.at(-1)?.value ?? null,
  cpma: r.cpma,
  forecast: r.monthlyForecast.reduce((s, m) => s + m.value, 0),
  demand: r.demand,
  safety_stock: r.safetyStock,
  stock_available: r.stockAvailable,
  in_transit: r.inTransit,
  net_requirement: r.netRequirement,
  packs: r.packs,
  quantity: r.quantity,
  cost: r.cost,
});

describe('computeProgrammingLine', () => {
  it('golden line: CPMA 900 ÷ 9 = 100 → demand 1 200 + safety 300 − 250 − 50 = 1 200 → 12 packs, S/ 600', () => {
    const r = line();
    expect(r).toMatchObject({
      method: 'cpma',
      cpma: 100,
      demand: 1200,
      safetyStock: 300,
      stockAvailable: 250,
      inTransit: 50,
      netRequirement: 1200,
      packs: 12,
      quantity: 1200,
      cost: 600,
      errors: null,
      warnings: [],
    });
    expect(r.monthlyForecast).toHaveLength(12);
    expect(r.monthlyForecast[0]).toEqual({ month: '2027-01', value: 100 });
    expect(r.monthlyForecast[11]?.month).toBe('2027-12');
    const steps = new Map(r.steps.map((s) => [s.key, s]));
    expect([...steps.keys()]).toEqual(Object.keys(STEP_FIELDS(r)));
    expect(steps.get('cpma')).toMatchObject({
      formula: 'Σ consumo ÷ meses con consumo (últimos 12 meses)',
      substituted: '900 ÷ 9',
      value: 100,
    });
    expect(steps.get('net_requirement')?.substituted).toBe('máx(0, 1 200 + 300 − 250 − 50)');
    expect(steps.get('packs')?.substituted).toBe('⌈1 200 ÷ 100⌉');
    expect(steps.get('cost')?.substituted).toBe('1 200 × 0.5');
    expect(steps.get('demand')?.source).toContain('[R]');
  });

  it('adjusts for stock-outs and reporting (QAT), but CPMA reads raw consumption (Ficha 28)', () => {
    const history = YEAR.map((r, i) =>
      i === 5
        ? { ...r, consumption: 50, stockoutDays: 15 }
        : i === 6
          ? { ...r, reportingRate: 0.5 }
          : r,
    );
    const r = line({ history });
    expect(r.adjustedHistory[5]).toEqual({ month: '2026-06', value: 100 }); // 50 ÷ (1 − 15/30)
    expect(r.adjustedHistory[6]?.value).toBe(200); // 100 ÷ 0.5
    expect(r.cpma).toBe(850 / 9);
    expect(r.steps[0]?.substituted).toBe('100 ÷ 1 ÷ (1 − 0 ÷ 31)');
  });

  it('interpolates a missing month and says so; CPMA treats it as no consumption', () => {
    const history = YEAR.filter((r) => r.month !== '2026-05');
    const r = line({ history });
    expect(r.adjustedHistory).toHaveLength(12);
    expect(r.adjustedHistory[4]).toEqual({ month: '2026-05', value: 50 }); // between 0 (Apr) and 100 (Jun)
    expect(r.cpma).toBe(100); // 800 ÷ 8
    expect(r.warnings).toEqual(['1 month(s) missing from the history, interpolated: 2026-05']);
  });

  it('falls back to cpma when a method lacks data', () => {
    const r = line({ method: 'holt_winters' });
    expect(r.method).toBe('cpma');
    expect(r.warnings).toContain(
      'holt_winters needs 24 months of history, has 12; fell back to cpma',
    );
    expect(r.notices).toContainEqual({
      code: 'method_short_of_data',
      params: { method: 'holt_winters', need: 24, has: 12 },
    });
    expect(r.errors).toBeNull();
  });

  it('extrapolates the adjusted history with linear regression and reports its fit', () => {
    const history = monthRange('2024-01', 36).map((m, t) => record(m, 100 + 2 * t));
    const r = line({ history, method: 'linear_regression' });
    expect(r.method).toBe('linear_regression');
    expect(r.monthlyForecast.map((m) => m.value)).toEqual(
      Array.from({ length: 12 }, (_, h) => expect.closeTo(172 + 2 * h, 8)),
    );
    expect(r.demand).toBeCloseTo(12 * 183, 8);
    expect(r.errors?.wape).toBeCloseTo(0, 10);
    expect(r.errors?.n).toBe(33);
    expect(r.steps.find((s) => s.key === 'forecast')?.formula).toBe(
      'Σ pronóstico mensual (regresión lineal)',
    );
  });

  it('moving average: window = min(history window, 12), errors over the months it can fit', () => {
    const history = monthRange('2024-01', 36).map((m, t) => record(m, t < 24 ? 50 : 100));
    const r = line({ history, method: 'moving_average' });
    expect(r.monthlyForecast[0]?.value).toBe(100);
    expect(r.errors?.n).toBe(24);
    const short = line({
      history,
      method: 'moving_average',
      parameters: { ...DEFAULT_PROGRAMMING_PARAMETERS, historyWindowMonths: 6 },
    });
    expect(short.errors?.n).toBe(30);
  });

  it('holt_winters with 24 months or more', () => {
    const history = monthRange('2024-01', 36).map((m, t) =>
      record(m, 100 + (t % 12 === 0 ? 60 : 0)),
    );
    const r = line({ history, method: 'holt_winters' });
    expect(r.method).toBe('holt_winters');
    expect(r.monthlyForecast[0]?.value).toBeGreaterThan(r.monthlyForecast[1]?.value ?? Infinity);
  });

  it('intervention: spreads the tree demand over the horizon; falls back without it', () => {
    const r = line({ method: 'intervention', interventionDemand: 2400 });
    expect(r.method).toBe('intervention');
    expect(r.monthlyForecast[0]?.value).toBe(200);
    expect(r.demand).toBe(2400);
    expect(r.safetyStock).toBe(600);
    const fallback = line({ method: 'intervention' });
    expect(fallback.method).toBe('cpma');
    expect(fallback.warnings[0]).toContain('fell back to cpma');
  });

  it('growth applies to demand, not to safety stock ([R])', () => {
    const r = line({ parameters: { ...DEFAULT_PROGRAMMING_PARAMETERS, growthRate: 0.1 } });
    expect(r.demand).toBeCloseTo(1320, 9);
    expect(r.safetyStock).toBe(300);
  });

  it('warns about unknown stock and about months between history and horizon', () => {
    const history = YEAR.map((r, i) => (i === 11 ? { ...r, stockEnd: null } : r));
    const r = line({ history, horizonStart: '2027-04' });
    expect(r.stockAvailable).toBe(0);
    expect(r.warnings).toEqual([
      'stock at the end of 2026-12 not reported; taken as 0',
      '3 month(s) between the last history month (2026-12) and the horizon start (2027-04): stock is not projected over them',
    ]);
    expect(r.steps.find((s) => s.key === 'stock_available')?.substituted).toBe('sin dato → 0');
  });

  it('an empty history gives CPMA 0 and nothing to programme', () => {
    const r = line({ history: [] });
    expect(r).toMatchObject({ cpma: 0, demand: 0, netRequirement: 0, packs: 0, cost: 0 });
    expect(r.warnings).toEqual(['no history: CPMA and consumption forecasts are 0']);
  });

  it('rejects bad parameters and duplicate months', () => {
    expect(() =>
      line({ parameters: { ...DEFAULT_PROGRAMMING_PARAMETERS, horizonMonths: 0 } }),
    ).toThrow(/horizonMonths/);
    expect(() => line({ history: [...YEAR, YEAR[0] as MonthlyRecord] })).toThrow(/twice/);
    expect(() => line({ method: 'arima' as ForecastMethod })).toThrow(/unknown method arima/);
  });
});

describe('computeProgrammingLine properties', () => {
  const history = fc
    .record({
      start: fc.integer({ min: 0, max: 24 }),
      months: fc.array(
        fc.record({
          consumption: fc.integer({ min: 0, max: 10000 }),
          stockEnd: fc.option(fc.integer({ min: 0, max: 100000 }), { nil: null }),
          stockoutDays: fc.integer({ min: 0, max: 31 }),
          inTransit: fc.integer({ min: 0, max: 5000 }),
          reportingRate: fc.double({ min: 0.05, max: 1, noNaN: true }),
          present: fc.boolean(),
        }),
        { minLength: 0, maxLength: 40 },
      ),
    })
    .map(({ start, months }) => {
      const calendar = monthRange('2022-01', 64).slice(start);
      return months
        .map((m, i) => ({ ...m, month: calendar[i] as string }))
        .filter((m, i) => m.present || i === 0 || i === months.length - 1)
        .map(({ present: _present, ...m }) => record(m.month, m.consumption, m));
    });
  const input = fc.record({
    history,
    method: fc.constantFrom(...FORECAST_METHODS),
    interventionDemand: fc.option(fc.integer({ min: 0, max: 1e6 }), { nil: null }),
    packSize: fc.integer({ min: 1, max: 500 }),
    unitPrice: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
    safety: fc.integer({ min: 0, max: 6 }),
    growth: fc.double({ min: -0.5, max: 1, noNaN: true }),
  });
  type Input = typeof input extends fc.Arbitrary<infer T> ? T : never;
  const run = (i: Input, history = i.history) =>
    computeProgrammingLine({
      product: { code: 'X', packSize: i.packSize, unitPrice: i.unitPrice },
      history,
      parameters: {
        ...DEFAULT_PROGRAMMING_PARAMETERS,
        safetyStockMonths: i.safety,
        growthRate: i.growth,
      },
      method: i.method,
      interventionDemand: i.interventionDemand,
      horizonStart: '2027-06',
    });

  it('is deterministic, whatever the order of the history', () => {
    fc.assert(
      fc.property(input, (i) => {
        const reversed = [...i.history].reverse();
        expect(run(i, reversed)).toEqual(run(i));
        expect(run(i)).toEqual(run(i));
      }),
      { numRuns: 60 },
    );
  });

  it('without explanation gives the same figures and no steps (bulk prefill)', () => {
    fc.assert(
      fc.property(input, (i) => {
        const full = run(i);
        const bare = computeProgrammingLine({
          product: { code: 'X', packSize: i.packSize, unitPrice: i.unitPrice },
          history: i.history,
          parameters: {
            ...DEFAULT_PROGRAMMING_PARAMETERS,
            safetyStockMonths: i.safety,
            growthRate: i.growth,
          },
          method: i.method,
          interventionDemand: i.interventionDemand,
          horizonStart: '2027-06',
          explain: false,
        });
        expect(bare.steps).toEqual([]);
        // Every warning also comes as a code the web app translates.
        expect(full.notices).toHaveLength(full.warnings.length);
        expect({ ...bare, steps: full.steps }).toEqual(full);
      }),
      { numRuns: 60 },
    );
  });

  it("steps report the result's own values; requirement and quantities are sound", () => {
    fc.assert(
      fc.property(input, (i) => {
        const r = run(i);
        const fields = STEP_FIELDS(r);
        for (const step of r.steps) expect(step.value).toBe(fields[step.key]);
        expect(r.steps.map((s) => s.key)).toEqual(Object.keys(fields));
        expect(r.netRequirement).toBeGreaterThanOrEqual(0);
        expect(r.quantity).toBe(r.packs * i.packSize);
        expect(r.quantity).toBeGreaterThanOrEqual(
          r.netRequirement - 1e-6 * Math.max(1, r.netRequirement),
        );
        for (const m of r.monthlyForecast) expect(m.value).toBeGreaterThanOrEqual(0);
        // adjusted consumption ≥ actual for every reported month
        const byMonth = new Map(i.history.map((h) => [h.month, h.consumption]));
        for (const a of r.adjustedHistory) {
          const actual = byMonth.get(a.month);
          if (actual !== undefined) expect(a.value).toBeGreaterThanOrEqual(actual);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('CPMA lies between the smallest and largest positive month of the window', () => {
    fc.assert(
      fc.property(input, (i) => {
        const r = run(i);
        const window = new Set(r.adjustedHistory.slice(-12).map((a) => a.month));
        const positive = i.history
          .filter((h) => window.has(h.month) && h.consumption > 0)
          .map((h) => h.consumption);
        if (positive.length === 0) expect(r.cpma).toBe(0);
        else {
          expect(r.cpma).toBeGreaterThanOrEqual(Math.min(...positive) - 1e-9);
          expect(r.cpma).toBeLessThanOrEqual(Math.max(...positive) + 1e-9);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('speed', () => {
  it('computes 20 000 lines of 36 months, mixed methods, well within budget', () => {
    const methods = ['cpma', 'moving_average', 'linear_regression', 'holt_winters'] as const;
    const months = monthRange('2024-01', 36);
    const histories = Array.from({ length: 50 }, (_, k) =>
      months.map((m, t) =>
        record(m, 100 + k + ((t * 37 + k * 11) % 50), {
          stockEnd: 300 + k,
          stockoutDays: t % 7 === 0 ? 3 : 0,
          reportingRate: t % 5 === 0 ? 0.9 : 1,
        }),
      ),
    );
    const started = performance.now();
    let total = 0;
    for (let i = 0; i < 20000; i++) {
      const r = computeProgrammingLine({
        product: { code: 'X', packSize: 10, unitPrice: 1 },
        history: histories[i % 50] as MonthlyRecord[],
        parameters: DEFAULT_PROGRAMMING_PARAMETERS,
        method: methods[i % 4] as (typeof methods)[number],
        horizonStart: '2027-01',
      });
      total += r.quantity;
    }
    const elapsed = performance.now() - started;
    expect(total).toBeGreaterThan(0);
    // 100 000 lines must take well under 10 s; 20 000 get a fifth of that, with room for slow CI.
    expect(elapsed).toBeLessThan(2000);
  });
});
