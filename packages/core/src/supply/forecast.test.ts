import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EXTRAPOLATION_PARAMS,
  compareForecastMethods,
  errorMetrics,
  extrapolate,
  oneStepAheadFitted,
} from './forecast-compare.js';
import {
  EXTRAPOLATION_METHODS,
  hasEnoughData,
  linearRegressionFit,
  linearRegressionForecast,
  minimumDataPoints,
  movingAverageForecast,
  semiAverageForecast,
} from './forecast.js';
import { holtWintersFit, holtWintersForecast } from './holt-winters.js';

describe('minimum data (QAT §A3)', () => {
  it('MA 3, semi-averages 3, LR 3, TES 24', () => {
    expect(EXTRAPOLATION_METHODS.map((m) => minimumDataPoints(m))).toEqual([3, 3, 3, 24]);
    expect(hasEnoughData('holt_winters', 23)).toBe(false);
    expect(hasEnoughData('holt_winters', 24)).toBe(true);
    expect(() => linearRegressionForecast([1, 2], 1)).toThrow(/at least 3/);
    expect(() =>
      holtWintersForecast(new Array(23).fill(1), DEFAULT_EXTRAPOLATION_PARAMS.holtWinters, 1),
    ).toThrow(/24/);
  });
});

describe('moving average', () => {
  it('rolls: each month averages the preceding window, forecasts included', () => {
    // 20 = (10 + 20 + 30) ÷ 3; 23.33 = (20 + 30 + 20) ÷ 3; 24.44 = (30 + 20 + 23.33) ÷ 3
    const forecast = movingAverageForecast([10, 20, 30], { window: 3 }, 3);
    expect(forecast[0]).toBe(20);
    expect(forecast[1]).toBeCloseTo(23.3333, 4);
    expect(forecast[2]).toBeCloseTo(24.4444, 4);
    // window 2: 35 = (30 + 40) ÷ 2; 37.5 = (40 + 35) ÷ 2; 36.25 = (35 + 37.5) ÷ 2
    expect(movingAverageForecast([10, 20, 30, 40], { window: 2 }, 3)).toEqual([35, 37.5, 36.25]);
  });

  it('uses the whole series when the window is longer', () => {
    expect(movingAverageForecast([10, 20, 30], { window: 12 }, 1)).toEqual([20]);
  });
});

describe('semi-averages', () => {
  it('draws the line through the means of the two halves', () => {
    // halves (10, 12) and (14, 16): points (0.5, 11) and (2.5, 15), slope 2 → t = 4: 15 + 2 × 1.5
    expect(semiAverageForecast([10, 12, 14, 16], 2)).toEqual([18, 20]);
  });

  it('drops the middle month of an odd series', () => {
    // (10, 12) at x = 0.5 mean 11; (16, 18) at x = 3.5 mean 17; slope 2; t = 5: 17 + 2 × 1.5 = 20
    expect(semiAverageForecast([10, 12, 100, 16, 18], 1)).toEqual([20]);
  });
});

describe('linear regression', () => {
  it('least squares on t = 0..n−1, by hand', () => {
    // t̄ = 1.5, ȳ = 5; Σ(t − t̄)(y − ȳ) = 3 + 0 − 0.5 + 4.5 = 7; Σ(t − t̄)² = 5
    // slope 1.4, intercept 5 − 1.4 × 1.5 = 2.9 → t = 4: 8.5, t = 5: 9.9
    const fit = linearRegressionFit([3, 5, 4, 8]);
    expect(fit.slope).toBeCloseTo(1.4, 10);
    expect(fit.intercept).toBeCloseTo(2.9, 10);
    const forecast = linearRegressionForecast([3, 5, 4, 8], 2);
    expect(forecast[0]).toBeCloseTo(8.5, 10);
    expect(forecast[1]).toBeCloseTo(9.9, 10);
  });

  it('clamps a falling line at 0', () => {
    expect(linearRegressionForecast([30, 20, 10], 2)).toEqual([0, 0]);
  });
});

describe('Holt-Winters (additive)', () => {
  it('two seasons of length 2, α = β = γ = 0.5, by hand', () => {
    // init: season means 15 and 19 → trend (19 − 15) ÷ 2 = 2; level at t = 1: 15 + 2 × 0.5 = 16;
    //       seasonal₀ = 10 − (15 + 2 × (0 − 0.5)) = −4, seasonal₁ = 20 − (15 + 2 × 0.5) = 4
    // t = 2 (y 16): fitted 16 + 2 − 4 = 14; level 0.5(16 + 4) + 0.5(16 + 2) = 19;
    //        trend 0.5(19 − 16) + 0.5 × 2 = 2.5; seasonal₀ 0.5(16 − 19) + 0.5(−4) = −3.5
    // t = 3 (y 22): fitted 19 + 2.5 + 4 = 25.5; level 0.5(22 − 4) + 0.5(21.5) = 19.75;
    //        trend 0.5(0.75) + 0.5(2.5) = 1.625; seasonal₁ 0.5(22 − 19.75) + 0.5 × 4 = 3.125
    // forecast h = 1: 19.75 + 1.625 − 3.5 = 17.875; h = 2: 19.75 + 3.25 + 3.125 = 26.125
    const params = { alpha: 0.5, beta: 0.5, gamma: 0.5, seasonLength: 2 };
    const fit = holtWintersFit([10, 20, 16, 22], params);
    expect(fit.fitted).toEqual([null, null, 14, 25.5]);
    expect(fit.level).toBe(19.75);
    expect(fit.trend).toBe(1.625);
    expect(fit.seasonal).toEqual([-3.5, 3.125]);
    expect(holtWintersForecast([10, 20, 16, 22], params, 2)).toEqual([17.875, 26.125]);
  });

  it('reproduces a series that is exactly trend + season (centred initialisation)', () => {
    const season = [5, 3, 1, 0, 2, 4, 6, 8, 7, 5, 4, 6].map((s) => s - 4.25); // Σ = 0
    const series = Array.from({ length: 36 }, (_, t) => 100 + 2 * t + (season[t % 12] as number));
    const forecast = holtWintersForecast(series, { alpha: 0.2, beta: 0.2, gamma: 0.2 }, 12);
    forecast.forEach((value, h) => {
      expect(value).toBeCloseTo(100 + 2 * (36 + h) + (season[h] as number), 9);
    });
  });
});

describe('error metrics (QAT §A3.4)', () => {
  it('MAPE, WAPE, MSE, RMSE and R² by hand, skipping months without a fit', () => {
    // errors 2 and −3 on actuals 20 and 30: WAPE 5 ÷ 50; MAPE (0.1 + 0.1) ÷ 2; MSE 13 ÷ 2;
    // R² = 1 − 13 ÷ ((20 − 25)² + (30 − 25)²) = 0.74
    const errors = errorMetrics([10, 20, 30], [null, 18, 33]);
    expect(errors).not.toBeNull();
    expect(errors?.n).toBe(2);
    expect(errors?.wape).toBeCloseTo(0.1, 12);
    expect(errors?.mape).toBeCloseTo(0.1, 12);
    expect(errors?.mse).toBeCloseTo(6.5, 12);
    expect(errors?.rmse).toBeCloseTo(Math.sqrt(6.5), 12);
    expect(errors?.rSquared).toBeCloseTo(0.74, 12);
  });

  it('is null with nothing to compare; MAPE/WAPE/R² null when undefined', () => {
    expect(errorMetrics([1, 2], [null, null])).toBeNull();
    const zeros = errorMetrics([0, 0], [1, 1]);
    expect(zeros).toMatchObject({ mape: null, wape: null, rSquared: null, mse: 1, n: 2 });
  });
});

describe('one-step-ahead fit', () => {
  it('linear regression refits on the months before each month', () => {
    expect(oneStepAheadFitted('linear_regression', [10, 12, 14, 16, 18])).toEqual([
      null,
      null,
      null,
      16,
      18,
    ]);
  });

  it('moving average: mean of the preceding window', () => {
    const params = { ...DEFAULT_EXTRAPOLATION_PARAMS, movingAverageWindow: 3 };
    expect(oneStepAheadFitted('moving_average', [10, 20, 30, 40, 50], params)).toEqual([
      null,
      null,
      null,
      20,
      30,
    ]);
  });

  it('semi-averages: the line of the months before', () => {
    expect(oneStepAheadFitted('semi_average', [10, 12, 14, 16])).toEqual([null, null, null, 16]);
  });
});

describe('Compare-and-Select', () => {
  it('ranks by WAPE: trend + season is best fitted by Holt-Winters', () => {
    const season = [5, -3, 1, 0, 2, -4, 6, 8, -7, -5, 4, -7];
    const series = Array.from({ length: 36 }, (_, t) => 100 + 2 * t + (season[t % 12] as number));
    const { ranked, skipped } = compareForecastMethods(series, 3);
    expect(skipped).toEqual([]);
    expect(ranked[0]?.method).toBe('holt_winters');
    expect(ranked[0]?.errors?.wape).toBeCloseTo(0, 10);
    expect(ranked.map((c) => c.rank)).toEqual([1, 2, 3, 4]);
    const wapes = ranked.map((c) => c.errors?.wape ?? Infinity);
    expect([...wapes].sort((a, b) => a - b)).toEqual(wapes);
  });

  it('a straight line is fitted exactly by linear regression', () => {
    const series = Array.from({ length: 12 }, (_, t) => 100 + 5 * t);
    const lr = compareForecastMethods(series, 3).ranked.find(
      (c) => c.method === 'linear_regression',
    );
    expect(lr?.errors?.wape).toBeCloseTo(0, 10);
    expect(lr?.forecast).toEqual([160, 165, 170].map((v) => expect.closeTo(v, 8)));
  });

  it('skips methods without enough data', () => {
    const { ranked, skipped } = compareForecastMethods([5, 6, 7, 8, 9], 2);
    expect(skipped).toEqual([{ method: 'holt_winters', reason: 'needs 24 months, has 5' }]);
    expect(ranked).toHaveLength(3);
  });
});

describe('properties', () => {
  const series = (min: number) =>
    fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: min, maxLength: 48 });

  it('every method forecasts non-negative, finite quantities', () => {
    fc.assert(
      fc.property(
        series(24),
        fc.constantFrom(...EXTRAPOLATION_METHODS),
        fc.record({
          alpha: fc.double({ min: 0, max: 1, noNaN: true }),
          beta: fc.double({ min: 0, max: 1, noNaN: true }),
          gamma: fc.double({ min: 0, max: 1, noNaN: true }),
        }),
        (values, method, hw) => {
          const params = { movingAverageWindow: 12, holtWinters: { ...hw, seasonLength: 12 } };
          const forecast = extrapolate(method, values, params, 12);
          const fitted = oneStepAheadFitted(method, values, params);
          expect(forecast).toHaveLength(12);
          for (const v of [...forecast, ...fitted])
            if (v !== null) expect(v).toBeGreaterThanOrEqual(0);
          for (const v of forecast) expect(Number.isFinite(v)).toBe(true);
        },
      ),
    );
  });

  it('a moving average stays within the range of its window', () => {
    fc.assert(
      fc.property(series(3), fc.integer({ min: 1, max: 12 }), (values, window) => {
        const last = values.slice(-Math.min(window, values.length));
        const [lo, hi] = [Math.min(...last), Math.max(...last)];
        for (const v of movingAverageForecast(values, { window }, 12)) {
          expect(v).toBeGreaterThanOrEqual(lo - 1e-6 * Math.max(1, hi));
          expect(v).toBeLessThanOrEqual(hi + 1e-6 * Math.max(1, hi));
        }
      }),
    );
  });
});
