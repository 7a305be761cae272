import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DIGEMID_FICHA28_2024,
  DIGEMID_FICHA28_2025,
  DIGEMID_FICHA28_UNROUNDED,
} from './stock-classes.js';
import {
  aggregateStockStatus,
  cpmaWindow,
  establishmentStockStatus,
  productStockStatus,
  totalStockStatus,
  type StockEstablishmentPlace,
} from './status.js';
import { stockFormulaSteps } from './formula.js';

const history = (values: readonly number[], last = '2026-10') =>
  cpmaWindow(last, DIGEMID_FICHA28_2024).map((month, i) => ({
    month,
    consumption: values[i] ?? 0,
  }));

const place = (code: string, network: string | null, unit = '785'): StockEstablishmentPlace => ({
  code,
  name: `EESS ${code}`,
  network: network ? { code: `06/${network}`, name: network } : null,
  microred: null,
  executingUnit: { code: unit, name: `UE ${unit}` },
});

describe('productStockStatus', () => {
  it('takes the CPMA over the 12 months up to the month, counting months with consumption', () => {
    // Domain case S10: 12 months, 3 without consumption, Σ = 900 → 900 ÷ 9 = 100.
    const values = [100, 0, 100, 100, 0, 100, 100, 100, 0, 100, 100, 100];
    const status = productStockStatus(
      { resourceCode: 'X', stock: 250, history: history(values), simulated: false },
      '2026-10',
      DIGEMID_FICHA28_2024,
    );
    expect(status).toMatchObject({
      cpma: 100,
      monthsWithConsumption: 9,
      consumptionTotal: 900,
      stockClass: 'normostock',
      classification: { med: 2.5, medCompared: 2.5 },
    });
    expect(status.window[0]).toEqual({ month: '2025-11', consumption: 100 });
    expect(status.window).toHaveLength(12);
  });

  it('ignores months outside the window and fills missing ones with 0', () => {
    const status = productStockStatus(
      {
        resourceCode: 'X',
        stock: 10,
        history: [
          { month: '2025-10', consumption: 1000 }, // 13 months back: outside
          { month: '2026-10', consumption: 30 },
        ],
        simulated: false,
      },
      '2026-10',
      DIGEMID_FICHA28_2024,
    );
    expect(status).toMatchObject({ cpma: 30, monthsWithConsumption: 1, consumptionTotal: 30 });
  });

  it('follows the rule set’s rounding (case S11: stock 59, CPMA 30)', () => {
    const input = { resourceCode: 'X', stock: 59, history: history([30]), simulated: false };
    expect(productStockStatus(input, '2026-10', DIGEMID_FICHA28_2024).stockClass).toBe(
      'normostock',
    );
    expect(productStockStatus(input, '2026-10', DIGEMID_FICHA28_UNROUNDED).stockClass).toBe(
      'substock',
    );
  });

  it('says "sin dato" when the stock is unknown', () => {
    const status = productStockStatus(
      { resourceCode: 'X', stock: null, history: history([5]), simulated: true },
      '2026-10',
      DIGEMID_FICHA28_2024,
    );
    expect(status).toMatchObject({ stockClass: 'sin_dato', classification: null, cpma: 5 });
  });
});

describe('establishment and area status', () => {
  const products = (stocks: readonly (number | null)[]) =>
    stocks.map((stock, i) => ({
      resourceCode: `P${i}`,
      stock,
      history: history([10]),
      simulated: false,
    }));
  // CPMA 10: stock 0 desabastecido, 5 substock, 30 normostock, 100 sobrestock.
  const a = establishmentStockStatus(
    place('A', 'CHOTA'),
    products([30, 100, 5, 0]),
    '2026-10',
    DIGEMID_FICHA28_2024,
  );
  const b = establishmentStockStatus(
    place('B', 'CHOTA'),
    products([30, null]),
    '2026-10',
    DIGEMID_FICHA28_2024,
  );
  const c = establishmentStockStatus(
    place('C', null, '787'),
    products([null]),
    '2026-10',
    DIGEMID_FICHA28_2024,
  );

  it('rates an establishment by its products evaluated', () => {
    expect(a).toMatchObject({ evaluated: 4, available: 2, ratio: 0.5, level: 'bajo' });
    expect(a.counts).toEqual({
      desabastecido: 1,
      sin_rotacion: 0,
      substock: 1,
      normostock: 1,
      sobrestock: 1,
      sin_dato: 0,
    });
    expect(b).toMatchObject({ evaluated: 1, available: 1, ratio: 1, level: 'optimo' });
    expect(c).toMatchObject({ evaluated: 0, ratio: null, level: null });
  });

  it('rates an area by the mean of its establishments, leaving out those without data', () => {
    const networks = aggregateStockStatus([a, b, c], 'network');
    expect(networks).toEqual([
      expect.objectContaining({
        areaCode: '06/CHOTA',
        areaName: 'CHOTA',
        establishments: 2,
        establishmentsEvaluated: 2,
        evaluated: 5,
        available: 3,
        ratio: 0.75, // (0.5 + 1) ÷ 2, not 3 ÷ 5
        level: 'regular',
      }),
      expect.objectContaining({ areaCode: '', establishments: 1, ratio: null, level: null }),
    ]);
    const units = aggregateStockStatus([a, b, c], 'executing_unit');
    expect(units.map((u) => [u.areaCode, u.areaName, u.establishments])).toEqual([
      ['785', 'UE 785', 2],
      ['787', 'UE 787', 1],
    ]);
    expect(totalStockStatus('06', 'Cajamarca', [a, b, c]).counts.sin_dato).toBe(2);
  });

  it('groups by microred, naming each area’s red and microred for the exports', () => {
    const inMicrored = (code: string, microred: string | null): StockEstablishmentPlace => ({
      ...place(code, 'CHOTA'),
      microred: microred ? { code: `06/CHOTA/${microred}`, name: microred } : null,
    });
    const rate = (p: StockEstablishmentPlace) =>
      establishmentStockStatus(p, products([50]), '2026-10', DIGEMID_FICHA28_2024);
    const x = rate(inMicrored('X', 'CHOTA'));
    const y = rate(inMicrored('Y', 'CONCHAN'));
    const z = rate(inMicrored('Z', 'CHOTA'));
    const w = rate(inMicrored('W', null));
    const microreds = aggregateStockStatus([x, y, z, w], 'microred');
    expect(microreds.map((m) => [m.areaCode, m.establishments, m.network, m.microred])).toEqual([
      ['06/CHOTA/CHOTA', 2, 'CHOTA', 'CHOTA'],
      ['06/CHOTA/CONCHAN', 1, 'CHOTA', 'CONCHAN'],
      ['', 1, null, null],
    ]);
    const [first] = aggregateStockStatus([x], 'establishment');
    expect(first).toMatchObject({ areaCode: 'X', network: 'CHOTA', microred: 'CHOTA' });
    const [red] = aggregateStockStatus([x, y], 'network');
    expect(red).toMatchObject({ network: 'CHOTA', microred: null });
    expect(aggregateStockStatus([x], 'executing_unit')[0]).toMatchObject({
      network: null,
      microred: null,
    });
  });

  it('adds up class counts and keeps the ratio within 0–1 at every level (property)', () => {
    const stock = fc.option(fc.nat(200), { nil: null });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('X', 'Y', null), fc.array(stock, { maxLength: 9 })), {
          maxLength: 20,
        }),
        (sites) => {
          const statuses = sites.map(([network, stocks], i) =>
            establishmentStockStatus(
              place(String(i), network),
              products(stocks),
              '2026-10',
              DIGEMID_FICHA28_2024,
            ),
          );
          const productCount = sites.reduce((sum, [, stocks]) => sum + stocks.length, 0);
          for (const level of ['establishment', 'microred', 'network', 'executing_unit'] as const) {
            const areas = aggregateStockStatus(statuses, level);
            const total = areas.reduce(
              (sum, area) => sum + Object.values(area.counts).reduce((s, n) => s + n, 0),
              0,
            );
            expect(total).toBe(productCount);
            for (const area of areas) {
              if (area.ratio !== null) {
                expect(area.ratio).toBeGreaterThanOrEqual(0);
                expect(area.ratio).toBeLessThanOrEqual(1);
              }
              expect(area.available).toBeLessThanOrEqual(area.evaluated);
            }
          }
        },
      ),
    );
  });
});

describe('stockFormulaSteps', () => {
  it('shows each step with the product’s numbers', () => {
    const status = productStockStatus(
      { resourceCode: 'X', stock: 59, history: history([30, 0, 30]), simulated: false },
      '2026-10',
      DIGEMID_FICHA28_2024,
    );
    const [cpma, med, stockClass] = stockFormulaSteps(status, '2026-10', DIGEMID_FICHA28_2024);
    expect(cpma).toMatchObject({ substituted: '(30 + 30) ÷ 2 = 60 ÷ 2', value: 30 });
    expect(med).toMatchObject({ substituted: '59 ÷ 30 = 1.967 → 2.0', value: 2 });
    expect(stockClass?.substituted).toBe('2 ≤ MED 2.0 ≤ 6 → Normostock');
    const unrounded = stockFormulaSteps(
      productStockStatus(
        { resourceCode: 'X', stock: 59, history: history([30]), simulated: false },
        '2026-10',
        DIGEMID_FICHA28_UNROUNDED,
      ),
      '2026-10',
      DIGEMID_FICHA28_UNROUNDED,
    );
    expect(unrounded[2]?.substituted).toBe('MED 1.967 < 2 → Substock');
  });

  it('explains the classes without a MED', () => {
    const steps = (stock: number | null, values: number[]) =>
      stockFormulaSteps(
        productStockStatus(
          { resourceCode: 'X', stock, history: history(values), simulated: false },
          '2026-10',
          DIGEMID_FICHA28_2024,
        ),
        '2026-10',
        DIGEMID_FICHA28_2024,
      ).map((s) => s.substituted);
    expect(steps(0, [5])[2]).toBe('stock = 0 → Desabastecido');
    expect(steps(8, [])).toEqual([
      'ningún mes con consumo → 0',
      '8 ÷ 0: sin CPMA, no hay MED',
      'CPMA = 0 y stock 8 > 0 → Sin rotación',
    ]);
    expect(steps(null, [5])[2]).toBe('sin stock informado en 2026-10 → Sin dato');
  });
});

describe('the Ficha 28 of 18/12/2025 at an establishment', () => {
  // One normostock product (CPMA 10, stock 30), one without movement (no consumption, stock 40),
  // one 1-L solution with 1.5 months of stock (CPMA 10, stock 15).
  const inputs = (vital: boolean) => [
    { resourceCode: 'N', stock: 30, history: history([10]), simulated: false },
    { resourceCode: 'S', stock: 40, history: history([]), simulated: false, vital },
    {
      resourceCode: 'L',
      stock: 15,
      history: history([10]),
      simulated: false,
      liquidLitres: 1,
    },
  ];

  it('leaves a non-vital sin-rotación product out of the denominator; the earlier reading keeps it', () => {
    const now = establishmentStockStatus(
      place('A', 'CHOTA'),
      inputs(false),
      '2026-10',
      DIGEMID_FICHA28_2025,
    );
    const before = establishmentStockStatus(
      place('A', 'CHOTA'),
      inputs(false),
      '2026-10',
      DIGEMID_FICHA28_2024,
    );
    expect(now.products.map((p) => [p.resourceCode, p.stockClass, p.evaluated])).toEqual([
      ['N', 'normostock', true],
      ['S', 'sin_rotacion', false],
      ['L', 'normostock', true],
    ]);
    expect(now).toMatchObject({ evaluated: 2, available: 2, ratio: 1 });
    // Earlier reading: S stays in the denominator and L (1.5 months) is substock.
    expect(before.products.map((p) => [p.resourceCode, p.stockClass, p.evaluated])).toEqual([
      ['N', 'normostock', true],
      ['S', 'sin_rotacion', true],
      ['L', 'substock', true],
    ]);
    expect(before).toMatchObject({ evaluated: 3, available: 1 });
  });

  it('keeps a vital sin-rotación product in the denominator, not available', () => {
    const now = establishmentStockStatus(
      place('A', 'CHOTA'),
      inputs(true),
      '2026-10',
      DIGEMID_FICHA28_2025,
    );
    expect(now).toMatchObject({ evaluated: 3, available: 2 });
    const steps = stockFormulaSteps(now.products[2]!, '2026-10', DIGEMID_FICHA28_2025);
    expect(steps[2]?.substituted).toContain('solución ≥ 1 L');
  });
});
