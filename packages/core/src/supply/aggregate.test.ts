import { describe, expect, it } from 'vitest';
import { aggregateSiteHistory, type SiteMonthRecord } from './aggregate.js';

const row = (
  establishment: string | null,
  month: string,
  consumption: number,
  extra: Partial<SiteMonthRecord> = {},
): SiteMonthRecord => ({
  executingUnit: '785',
  establishment,
  product: 'P1',
  month,
  consumption,
  stockEnd: 10,
  stockoutDays: 0,
  losses: 0,
  inTransit: 0,
  ...extra,
});

describe('aggregateSiteHistory', () => {
  it('adds sites up by month: Σ quantities, mean establishment stock-out days, share reporting', () => {
    const [line, ...rest] = aggregateSiteHistory([
      row('A', '2026-02', 30, { stockoutDays: 3, inTransit: 5 }),
      row('A', '2026-01', 10),
      row('B', '2026-01', 20, { stockEnd: null, stockoutDays: 10, losses: 2 }),
      row(null, '2026-01', 5, { stockEnd: 100 }),
    ]);
    expect(rest).toEqual([]);
    expect(line).toEqual({
      executingUnit: '785',
      product: 'P1',
      sites: 3,
      history: [
        {
          month: '2026-01',
          consumption: 35,
          stockEnd: 110,
          stockoutDays: 5, // (0 + 10) ÷ 2 establishments; the warehouse does not dispense
          losses: 2,
          inTransit: 0,
          reportingRate: 1,
        },
        {
          month: '2026-02',
          consumption: 30,
          stockEnd: 10,
          stockoutDays: 3,
          losses: 0,
          inTransit: 5,
          reportingRate: 1 / 2, // A reported, B did not
        },
      ],
    });
  });

  it('keeps stock unknown only when no site reported it, and weighs site reporting rates', () => {
    const [line] = aggregateSiteHistory([
      row('A', '2026-01', 1, { stockEnd: null, reportingRate: 0.5 }),
      row('B', '2026-01', 1, { stockEnd: null }),
    ]);
    expect(line?.history[0]).toMatchObject({ stockEnd: null, reportingRate: 1 });
  });

  it('takes the warehouse stock-out days and rate 1 when only the warehouse reports', () => {
    const [line] = aggregateSiteHistory([row(null, '2026-01', 0, { stockoutDays: 4 })]);
    expect(line?.history[0]).toMatchObject({ stockoutDays: 4, reportingRate: 1 });
  });

  it('one line per executing unit and product, sorted', () => {
    const lines = aggregateSiteHistory([
      row('A', '2026-01', 1, { executingUnit: '1000', product: 'Z' }),
      row('A', '2026-01', 1, { executingUnit: '785', product: 'Z' }),
      row('A', '2026-01', 1, { executingUnit: '785', product: 'B' }),
    ]);
    expect(lines.map((l) => `${l.executingUnit}/${l.product}`)).toEqual([
      '785/B',
      '785/Z',
      '1000/Z',
    ]);
  });
});
