import { describe, expect, it } from 'vitest';
import {
  adjustedConsumptionQat,
  countInterpolable,
  cpmaDigemid,
  interpolateMissingMonths,
  stockoutRate,
  unmetDemandQat,
} from './consumption.js';
import {
  adjustedConsumptionOpenLmis,
  adjustedVolumeForLab,
  amcMsupply,
  averageConsumptionOpenLmis,
  calculatedOrderOpenLmis,
  fillZeroPeriodsForLab,
  maxStockOpenLmis,
} from './consumption-lmis.js';
import { addMonths, daysInMonth, monthIndex, monthRange, monthsBetween } from './months.js';

describe('months', () => {
  it('adds, lists and measures months across years', () => {
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(monthRange('2026-11', 3)).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(monthsBetween('2025-12', '2027-01')).toBe(13);
  });

  it('counts days with leap years', () => {
    expect(
      ['2024-02', '2025-02', '1900-02', '2000-02', '2026-04', '2026-12'].map(daysInMonth),
    ).toEqual([29, 28, 28, 29, 30, 31]);
  });

  it('rejects malformed months', () => {
    expect(() => monthIndex('2026-13')).toThrow(RangeError);
    for (const bad of ['2026-1', '2026-00', '20a6-01', '2026-1a', '2026/01', '2026-011'])
      expect(() => monthIndex(bad)).toThrow(RangeError);
    expect(monthIndex('2026-12') - monthIndex('2026-01')).toBe(11);
    expect(() => addMonths('2026-01', 0.5)).toThrow(RangeError);
  });
});

describe('QAT adjustment (QAT user guide, Forecasting §A2, Annex 2 §B)', () => {
  it('S1: 1 000 ÷ 0.98 ÷ (1 − 5/31) = 1 216.6 → 1 217', () => {
    expect(stockoutRate(5, 31)).toBeCloseTo(0.1613, 4);
    const adjusted = adjustedConsumptionQat({
      actual: 1000,
      reportingRate: 0.98,
      stockoutDays: 5,
      daysInMonth: 31,
    });
    expect(adjusted.value).toBeCloseTo(1216.6, 1);
    expect(Math.round(adjusted.value)).toBe(1217);
    expect(adjusted.wholeMonthStockedOut).toBe(false);
  });

  it('a month stocked out every day gets the reporting adjustment only, and says so', () => {
    const adjusted = adjustedConsumptionQat({
      actual: 50,
      reportingRate: 0.5,
      stockoutDays: 30,
      daysInMonth: 30,
    });
    expect(adjusted).toEqual({ value: 100, stockoutRate: 1, wholeMonthStockedOut: true });
  });

  it('rejects a reporting rate of 0 or above 1', () => {
    const base = { actual: 1, stockoutDays: 0, daysInMonth: 30 };
    expect(() => adjustedConsumptionQat({ ...base, reportingRate: 0 })).toThrow(RangeError);
    expect(() => adjustedConsumptionQat({ ...base, reportingRate: 1.2 })).toThrow(RangeError);
  });

  it('S4: unmet demand 1 000 × 5 ÷ 26 = 192.3; undefined when out all month', () => {
    expect(unmetDemandQat({ actual: 1000, stockoutDays: 5, daysInMonth: 31 })).toBeCloseTo(
      192.3,
      1,
    );
    expect(unmetDemandQat({ actual: 0, stockoutDays: 31, daysInMonth: 31 })).toBeNull();
  });
});

describe('OpenLMIS (LineItemFieldsCalculator, column N)', () => {
  it('S5: N = ⌈100 × 30 ÷ 20⌉ = 150; X = 0 → 100; X = 30 → 100; C = 0 → 0', () => {
    const n = (consumed: number, stockoutDays: number) =>
      adjustedConsumptionOpenLmis({ consumed, periods: 1, stockoutDays });
    expect(n(100, 10)).toBe(150);
    expect(n(100, 0)).toBe(100);
    expect(n(100, 30)).toBe(100);
    expect(n(100, 45)).toBe(100); // X capped at 30M
    expect(n(0, 10)).toBe(0);
    expect(n(100, 7)).toBe(131); // ⌈130.43⌉
    expect(adjustedConsumptionOpenLmis({ consumed: 100, periods: 2, stockoutDays: 30 })).toBe(200);
  });

  it('P = ⌈mean of the last n⌉ with n ≥ 2', () => {
    expect(averageConsumptionOpenLmis([90, 100, 121], 2)).toBe(111);
    expect(averageConsumptionOpenLmis([90, 100, 121], 3)).toBe(104);
    expect(averageConsumptionOpenLmis([80], 3)).toBe(80);
    expect(averageConsumptionOpenLmis([], 3)).toBe(0);
    expect(() => averageConsumptionOpenLmis([1, 2], 1)).toThrow(RangeError);
  });

  it('S6: H = 150 × 3 = 450; I = 450 − 200 = 250; E = 500 → I = 0', () => {
    expect(maxStockOpenLmis(150, 3)).toBe(450);
    expect(calculatedOrderOpenLmis(450, 200)).toBe(250);
    expect(calculatedOrderOpenLmis(450, 500)).toBe(0);
    expect(maxStockOpenLmis(5, 1.5)).toBe(8); // 7.5 rounds half up
  });
});

describe('open mSupply AMC (issue #9517)', () => {
  it('S8: 300 over 3 months, DOS 9 of 90 days → 100 × 90/81 = 111.1', () => {
    expect(amcMsupply({ consumption: 300, lookBackMonths: 3, daysOutOfStock: 9 })).toBeCloseTo(
      111.1,
      1,
    );
    expect(
      amcMsupply({
        consumption: 300,
        lookBackMonths: 3,
        daysOutOfStock: 9,
        adjustForDaysOutOfStock: false,
      }),
    ).toBe(100);
    expect(amcMsupply({ consumption: 300, transfers: 60, lookBackMonths: 3 })).toBe(80);
  });
});

describe('ForLAB (LqtUtil.cs GetAdjustedVolume)', () => {
  it('S9: 1 000 × 22 ÷ (22 − 2 − 2) = 1 222.2', () => {
    expect(adjustedVolumeForLab({ reported: 1000, stockoutDays: 2, downtimeDays: 2 })).toBeCloseTo(
      1222.2,
      1,
    );
    expect(adjustedVolumeForLab({ reported: 1000, stockoutDays: 30 })).toBe(1000);
  });

  it('replaces zero periods by the mean of the non-zero ones', () => {
    expect(fillZeroPeriodsForLab([100, 0, 200])).toEqual([100, 150, 200]);
    expect(fillZeroPeriodsForLab([0, 0])).toEqual([0, 0]);
  });
});

describe('DIGEMID CPMA (Ficha técnica N.° 28 [T])', () => {
  it('S10: 12 months, 3 at zero, Σ 900 → 900 ÷ 9 = 100, not ÷ 12 = 75', () => {
    const months = [100, 0, 100, 100, 0, 100, 100, 100, 0, 100, 100, 100];
    expect(months.reduce((a, b) => a + b)).toBe(900);
    expect(cpmaDigemid(months)).toBe(100);
  });

  it('is 0 without any consumption', () => {
    expect(cpmaDigemid([])).toBe(0);
    expect(cpmaDigemid([0, 0, 0])).toBe(0);
  });
});

describe('QAT interpolation (QAT user guide, Forecasting §A2)', () => {
  it('draws the line between the nearest known months; ends stay missing', () => {
    expect(interpolateMissingMonths([null, 10, null, null, 40, null])).toEqual([
      null,
      10,
      20,
      30,
      40,
      null,
    ]);
    expect(countInterpolable([null, 10, null, null, 40, null])).toBe(2);
  });

  it('treats zero as a value, not a gap', () => {
    expect(interpolateMissingMonths([0, null, 10, 0])).toEqual([0, 5, 10, 0]);
  });

  it('does not change its argument', () => {
    const values = [1, null, 3];
    interpolateMissingMonths(values);
    expect(values).toEqual([1, null, 3]);
  });
});
