import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  nationalViewGap,
  packsFor,
  populationForecast,
  programmingRequirement,
  substockOldSismed,
  suggestedQuantityMsupply,
} from './requirement.js';

describe('QAT National View (QAT user guide, reports §C2)', () => {
  it('S2: projected −335 000; desired 50 000; gap −385 000', () => {
    const result = nationalViewGap({
      startingStock: 5000,
      shipments: 20000,
      forecast: 360000,
      forecastMonths: 36,
      desiredMonthsOfStock: 5,
    });
    expect(result).toEqual({
      projectedStock: -335000,
      desiredStock: 50000,
      gap: -385000,
      cost: null,
    });
  });

  it('prices the gap with freight, signed like the gap', () => {
    const { cost } = nationalViewGap({
      startingStock: 0,
      shipments: 0,
      forecast: 1200,
      forecastMonths: 12,
      desiredMonthsOfStock: 3,
      unitPrice: 2,
      freight: 0.1,
    });
    expect(cost).toBeCloseTo(-1500 * 2 * 1.1, 9);
  });
});

describe('open mSupply (suggested_quantity.rs, generate_population_forecast.rs)', () => {
  it('S3: target 2 500 × 3 doses × 0.6 × loss 2 = 9 000 a year → 3 750 for 5 months → 1 875 units', () => {
    const result = populationForecast({
      populationServed: 2500,
      dosesInSchedule: 3,
      coverage: 0.6,
      wastage: 0.5,
      supplyIntervalMonths: 3,
      bufferMonths: 2,
      dosesPerUnit: 2,
    });
    expect(result).toEqual({
      target: 2500,
      lossFactor: 2,
      annualDoses: 9000,
      periodDoses: 3750,
      units: 1875,
    });
  });

  it('S7: MOS 1.5 < 2 → (4 − 1.5) × 100 = 250; stock 250 → 0', () => {
    expect(suggestedQuantityMsupply({ amc: 100, stockOnHand: 150, minMos: 2, maxMos: 4 })).toBe(
      250,
    );
    expect(suggestedQuantityMsupply({ amc: 100, stockOnHand: 250, minMos: 2, maxMos: 4 })).toBe(0);
    expect(suggestedQuantityMsupply({ amc: 0, stockOnHand: 0, minMos: 2, maxMos: 4 })).toBe(0);
    // Min MOS 0: the threshold is Max MOS
    expect(suggestedQuantityMsupply({ amc: 100, stockOnHand: 350, minMos: 0, maxMos: 4 })).toBe(50);
  });
});

describe('old SISMED substock (DIGEMID, Indicadores de gestión de stock)', () => {
  it('S14: Σ 400 → average 100, minimum 200; 150 < 200 → substock', () => {
    expect(substockOldSismed([120, 80, 100, 100], 150)).toEqual({
      averageConsumption: 100,
      minimumStock: 200,
      substock: true,
    });
    expect(substockOldSismed([120, 80, 100, 100], 200).substock).toBe(false);
    expect(substockOldSismed([0, 0, 0, 0], 0).substock).toBe(false);
  });
});

describe('programming requirement ([R] on QAT National View)', () => {
  it('net = demand + safety − stock − in transit; packs rounded up; cost on the quantity', () => {
    expect(
      programmingRequirement({
        demand: 1200,
        safetyStock: 300,
        stockAvailable: 200,
        inTransit: 50,
        packSize: 100,
        unitPrice: 0.5,
      }),
    ).toEqual({ netRequirement: 1250, packs: 13, quantity: 1300, cost: 650 });
  });

  it('never negative; no price, no cost', () => {
    expect(
      programmingRequirement({
        demand: 100,
        safetyStock: 0,
        stockAvailable: 500,
        inTransit: 0,
        packSize: 10,
        unitPrice: null,
      }),
    ).toEqual({ netRequirement: 0, packs: 0, quantity: 0, cost: null });
  });

  it('packsFor ignores float noise just above a whole number of packs', () => {
    expect(packsFor(0.1 + 0.2, 0.1)).toBe(3); // 3.0000000000000004
    expect(packsFor(1201, 100)).toBe(13);
    expect(packsFor(0, 100)).toBe(0);
  });

  const amount = fc.double({ min: 0, max: 1e7, noNaN: true });
  it('property: quantity is a whole number of packs, ≥ net and < net + one pack', () => {
    fc.assert(
      fc.property(
        amount,
        amount,
        amount,
        amount,
        fc.integer({ min: 1, max: 1000 }),
        (demand, safetyStock, stockAvailable, inTransit, packSize) => {
          const r = programmingRequirement({
            demand,
            safetyStock,
            stockAvailable,
            inTransit,
            packSize,
            unitPrice: 1,
          });
          expect(r.netRequirement).toBeGreaterThanOrEqual(0);
          expect(Number.isInteger(r.packs)).toBe(true);
          expect(r.quantity).toBe(r.packs * packSize);
          const slack = 1e-6 * Math.max(1, r.netRequirement);
          expect(r.quantity).toBeGreaterThanOrEqual(r.netRequirement - slack);
          expect(r.quantity).toBeLessThan(r.netRequirement + packSize);
        },
      ),
    );
  });
});
