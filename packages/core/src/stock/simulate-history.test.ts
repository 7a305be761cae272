import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInMonth } from '../supply/months.js';
import {
  simulateSupplyHistory,
  SIMULATED_BASE_MONTHLY,
  type SupplySimulationOptions,
} from './simulate-history.js';
import { establishmentStockStatus, totalStockStatus } from './status.js';
import { DIGEMID_FICHA28_2024 } from './stock-classes.js';

const CATEGORIES = ['I-1', 'I-1', 'I-1', 'I-2', 'I-3', 'I-4', 'II-1'];
const products = Object.entries(SIMULATED_BASE_MONTHLY).map(([code, baseMonthly]) => ({
  code,
  baseMonthly,
}));
const establishments = Array.from({ length: 120 }, (_, i) => ({
  code: String(5000 + i).padStart(8, '0'),
  executingUnitCode: i % 3 === 0 ? '787' : '785',
  category: CATEGORIES[i % CATEGORIES.length] ?? 'I-1',
}));
const options: SupplySimulationOptions = {
  seed: 2026,
  establishments,
  executingUnits: ['785', '787'],
  products,
  from: '2023-11',
  to: '2026-10',
};

describe('simulateSupplyHistory', () => {
  const rows = simulateSupplyHistory(options);

  it('has one row per establishment or warehouse, product and month', () => {
    expect(rows).toHaveLength((120 + 2) * 9 * 36);
    const keys = new Set(
      rows.map((r) => `${r.executingUnitCode}|${r.establishmentCode}|${r.resourceCode}|${r.month}`),
    );
    expect(keys.size).toBe(rows.length);
    expect(rows.at(-1)).toMatchObject({ establishmentCode: null, month: '2026-10' });
  });

  it('is deterministic for a seed, and another seed gives another history', () => {
    expect(simulateSupplyHistory(options)).toEqual(rows);
    expect(simulateSupplyHistory({ ...options, seed: 7 })).not.toEqual(rows);
  });

  it('gives each site its own stream: dropping an establishment leaves the others unchanged', () => {
    const fewer = simulateSupplyHistory({ ...options, establishments: establishments.slice(1) });
    const site = (list: typeof rows) => list.filter((r) => r.establishmentCode === '00005001');
    expect(site(fewer)).toEqual(site(rows));
  });

  it('keeps every row within the import rules', () => {
    const broken = rows.filter(
      (r) =>
        !(
          r.consumption >= 0 &&
          r.stockEnd !== null &&
          r.stockEnd >= 0 &&
          r.losses >= 0 &&
          r.inTransit >= 0 &&
          r.stockoutDays >= 0 &&
          r.stockoutDays <= daysInMonth(r.month) &&
          Number.isInteger(r.consumption) &&
          Number.isInteger(r.stockEnd)
        ),
    );
    expect(broken).toEqual([]);
  });

  it('has warehouses that dispense nothing, and hospitals that dispense more than posts', () => {
    const warehouses = rows.filter((r) => r.establishmentCode === null);
    expect(warehouses.every((r) => r.consumption === 0)).toBe(true);
    expect(warehouses.some((r) => (r.stockEnd ?? 0) > 0)).toBe(true);
    const mean = (category: string) => {
      const codes = new Set(
        establishments.filter((e) => e.category === category).map((e) => e.code),
      );
      const list = rows.filter(
        (r) => r.resourceCode === 'MMN-SOB-1G' && codes.has(r.establishmentCode ?? ''),
      );
      return list.reduce((s, r) => s + r.consumption, 0) / list.length;
    };
    expect(mean('II-1')).toBeGreaterThan(3 * mean('I-1'));
  });

  it('shows every DIGEMID class in the last month, mostly normostock, in-transit mostly 0', () => {
    const statuses = establishments.map((e) =>
      establishmentStockStatus(
        {
          code: e.code,
          name: e.code,
          network: null,
          microred: null,
          executingUnit: { code: e.executingUnitCode, name: '' },
        },
        products.map((p) => {
          const list = rows.filter(
            (r) => r.establishmentCode === e.code && r.resourceCode === p.code,
          );
          return {
            resourceCode: p.code,
            stock: list.find((r) => r.month === '2026-10')?.stockEnd ?? null,
            history: list,
            simulated: true,
          };
        }),
        '2026-10',
        DIGEMID_FICHA28_2024,
      ),
    );
    const { counts, ratio } = totalStockStatus('06', 'Cajamarca', statuses);
    for (const stockClass of ['desabastecido', 'sin_rotacion', 'substock', 'sobrestock'] as const)
      expect(counts[stockClass]).toBeGreaterThan(0);
    expect(counts.normostock).toBeGreaterThan(counts.substock + counts.sobrestock);
    expect(ratio).toBeGreaterThan(0.6);
    expect(ratio).toBeLessThan(0.9);
    expect(rows.filter((r) => r.inTransit > 0).length / rows.length).toBeLessThan(0.15);
    expect(rows.some((r) => r.stockEnd === 0 && r.stockoutDays > 0)).toBe(true);
  });

  it('never breaks the rules, whatever the seed and the months (property)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 30 }), (seed, length) => {
        const to = `2025-${String(((length - 1) % 12) + 1).padStart(2, '0')}`;
        const small = simulateSupplyHistory({
          ...options,
          seed,
          establishments: establishments.slice(0, 3),
          executingUnits: ['785'],
          from: '2025-01',
          to,
        });
        const months = ((length - 1) % 12) + 1;
        expect(small).toHaveLength((3 + 1) * 9 * months);
        for (const r of small) {
          expect(r.stockEnd).toBeGreaterThanOrEqual(0);
          expect(r.stockoutDays).toBeLessThanOrEqual(daysInMonth(r.month));
          if (r.establishmentCode === null) expect(r.consumption).toBe(0);
        }
      }),
      { numRuns: 50 },
    );
  });
});
