import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../csv/parse-csv.js';
import { toCsv } from '../csv/write-csv.js';
import { validateSupplyHistory, type SupplyHistoryContext } from './history-records.js';

const context: SupplyHistoryContext = {
  executingUnits: new Set(['785', '787']),
  establishments: new Map([
    ['00004710', { executingUnitCode: '785' }],
    ['00004711', { executingUnitCode: '785' }],
    ['00005100', { executingUnitCode: '787' }],
    ['00004612', { executingUnitCode: null }],
  ]),
  resources: new Set(['FE-SF-GOT-30', 'MMN-SOB-1G']),
  today: '2026-11-22',
};

const HEADER =
  'unidad_ejecutora,establecimiento,producto,mes,consumo,stock_final,dias_desabastecimiento,perdidas,en_transito,tasa_reporte';
const file = (...lines: string[]) => ({
  file: 'historial.csv',
  table: parseCsv([HEADER, ...lines].join('\n')),
});

describe('validateSupplyHistory', () => {
  it('reads establishment and warehouse rows, with defaults for losses and transit', () => {
    const result = validateSupplyHistory(
      file(
        '785,4710,FE-SF-GOT-30,2026-09,18,40,0,1,5,1',
        '785,00004710,fe-sf-got-30,2026-10-01,20,,3,,,',
        '000785,,MMN-SOB-1G,2026-10,0,12000,0,0,3000,',
        '785.0,4711,MMN-SOB-1G,2024-02,360,720,0,0,0,0.8',
      ),
      context,
    );
    expect(result).toMatchObject({ ok: true, warnings: [] });
    if (!result.ok) return;
    expect(result.records).toEqual([
      {
        line: 2,
        executingUnitCode: '785',
        establishmentCode: '00004710',
        resourceCode: 'FE-SF-GOT-30',
        month: '2026-09',
        consumption: 18,
        stockEnd: 40,
        stockoutDays: 0,
        losses: 1,
        inTransit: 5,
      },
      {
        line: 3,
        executingUnitCode: '785',
        establishmentCode: '00004710',
        resourceCode: 'FE-SF-GOT-30',
        month: '2026-10',
        consumption: 20,
        stockEnd: null,
        stockoutDays: 3,
        losses: 0,
        inTransit: 0,
      },
      {
        line: 4,
        executingUnitCode: '785',
        establishmentCode: null,
        resourceCode: 'MMN-SOB-1G',
        month: '2026-10',
        consumption: 0,
        stockEnd: 12000,
        stockoutDays: 0,
        losses: 0,
        inTransit: 3000,
      },
      expect.objectContaining({ line: 5, establishmentCode: '00004711', month: '2024-02' }),
    ]);
  });

  it('accepts the optional columns being absent', () => {
    const result = validateSupplyHistory(
      {
        file: 'minimo.csv',
        table: parseCsv(
          'unidad_ejecutora,establecimiento,producto,mes,consumo,stock_final,dias_desabastecimiento\n787,5100,MMN-SOB-1G,2026-01,10,5,0',
        ),
      },
      context,
    );
    expect(result.ok && result.records[0]).toMatchObject({ losses: 0, inTransit: 0 });
  });

  it('reports every bad cell with row, column and reason', () => {
    const result = validateSupplyHistory(
      file(
        '999,4710,FE-SF-GOT-30,2026-09,18,40,0,0,0,', // unknown unit
        '785,99999999,FE-SF-GOT-30,2026-09,18,40,0,0,0,', // unknown establishment
        '785,5100,FE-SF-GOT-30,2026-09,18,40,0,0,0,', // establishment of another unit
        '785,4710,PARACETAMOL,2026-09,-1,x,31,-2,1e12,', // product, consumption, stock, days, losses, transit
        '785,4710,FE-SF-GOT-30,2026-12,,40,,0,0,', // future month, empty consumption and days
        '785,4710,FE-SF-GOT-30,2026-02,1,1,29,0,0,', // 29 days in February 2026
        '785,4710,FE-SF-GOT-30,2026-03-15,1,1,1.5,0,0,', // a date, not a month; half a day
        ',4710,MMN-SOB-1G,2026-09,1,1,0,0,0,', // no unit
      ),
      context,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.row, e.column, e.reason])).toEqual([
      [2, 'unidad_ejecutora', '999 is not a known executing unit'],
      [3, 'establecimiento', '99999999 is not a registered establishment'],
      [4, 'establecimiento', '00005100 belongs to executing unit 787, not 785'],
      [5, 'producto', '"PARACETAMOL" is not a product of the strategic-resource catalogue'],
      [5, 'consumo', '-1 is outside 0…1000000000'],
      [5, 'stock_final', '"x" is not a number'],
      [5, 'dias_desabastecimiento', '31 is outside 0…30'],
      [5, 'perdidas', '-2 is outside 0…1000000000'],
      [5, 'en_transito', '1e12 is outside 0…1000000000'],
      [6, 'mes', '2026-12 is in the future'],
      [6, 'consumo', 'is empty'],
      [6, 'dias_desabastecimiento', 'is empty'],
      [7, 'dias_desabastecimiento', '29 is outside 0…28'],
      [8, 'mes', '"2026-03-15" is not a month (YYYY-MM)'],
      [8, 'dias_desabastecimiento', '1.5 is not a whole number of days'],
      [9, 'unidad_ejecutora', 'is empty'],
    ]);
    expect(result.errors.every((e) => e.file === 'historial.csv')).toBe(true);
  });

  it('refuses a duplicate site, product and month, naming the first row', () => {
    const result = validateSupplyHistory(
      file(
        '785,4710,FE-SF-GOT-30,2026-09,18,40,0,0,0,',
        '785,,FE-SF-GOT-30,2026-09,0,400,0,0,0,',
        '785,00004710,FE-SF-GOT-30,2026-09-01,19,41,0,0,0,',
        '785,,FE-SF-GOT-30,2026-09,0,300,0,0,0,',
      ),
      context,
    );
    expect(!result.ok && result.errors).toEqual([
      {
        file: 'historial.csv',
        row: 4,
        column: null,
        reason: 'duplicate of row 2: same executing unit, establishment, product and month',
      },
      {
        file: 'historial.csv',
        row: 5,
        column: null,
        reason: 'duplicate of row 3: same executing unit, establishment, product and month',
      },
    ]);
  });

  it('accepts an establishment with no unit on record, warning once', () => {
    const result = validateSupplyHistory(
      file('785,4612,FE-SF-GOT-30,2026-09,1,1,0,0,0,', '785,4612,MMN-SOB-1G,2026-09,1,1,0,0,0,'),
      context,
    );
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([
      {
        file: 'historial.csv',
        row: 2,
        column: 'establecimiento',
        reason: '00004612 has no executing unit on record; taken as served by unit 785',
      },
    ]);
  });

  it('refuses rows outside the importing user’s scope', () => {
    const result = validateSupplyHistory(
      file('785,4710,FE-SF-GOT-30,2026-09,1,1,0,0,0,', '787,,FE-SF-GOT-30,2026-09,0,1,0,0,0,'),
      { ...context, isInScope: (site) => site.executingUnitCode === '785' },
    );
    expect(!result.ok && result.errors.map((e) => [e.row, e.column, e.reason])).toEqual([
      [3, 'unidad_ejecutora', 'the warehouse of unit 787 is outside your scope'],
    ]);
  });

  it('reports missing columns on line 1 and reads nothing', () => {
    const result = validateSupplyHistory(
      { file: 'x.csv', table: parseCsv('unidad_ejecutora,producto,mes\n785,MMN-SOB-1G,2026-01') },
      context,
    );
    expect(!result.ok && result.errors.map((e) => [e.row, e.column])).toEqual([
      [1, 'establecimiento'],
      [1, 'consumo'],
      [1, 'stock_final'],
      [1, 'dias_desabastecimiento'],
    ]);
  });

  it('keeps every good row and refuses exactly the bad ones (property)', () => {
    const good = fc.record({
      unit: fc.constantFrom('785', '787'),
      product: fc.constantFrom('FE-SF-GOT-30', 'MMN-SOB-1G'),
      month: fc.integer({ min: 0, max: 35 }),
      consumption: fc.nat(100_000),
      stock: fc.option(fc.nat(100_000), { nil: null }),
      days: fc.nat(28),
      bad: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(good, { maxLength: 40 }), (rows) => {
        const seen = new Set<string>();
        const unique = rows.filter((r) => {
          const key = `${r.unit}|${r.product}|${r.month}`;
          return !seen.has(key) && seen.add(key);
        });
        const monthOf = (i: number) =>
          `${2023 + Math.floor((i + 10) / 12)}-${String(((i + 10) % 12) + 1).padStart(2, '0')}`;
        const csv = toCsv(
          HEADER.split(','),
          unique.map((r) => [
            r.unit,
            '',
            r.product,
            monthOf(r.month),
            r.bad ? -1 - r.consumption : r.consumption,
            r.stock,
            r.days,
            '',
            '',
            '',
          ]),
        );
        const result = validateSupplyHistory({ file: 'p.csv', table: parseCsv(csv) }, context);
        const bad = unique.filter((r) => r.bad).length;
        if (bad === 0) {
          expect(result.ok && result.records.length).toBe(unique.length);
        } else {
          expect(!result.ok && result.errors.length).toBe(bad);
          if (!result.ok) expect(result.errors.every((e) => e.column === 'consumo')).toBe(true);
        }
      }),
    );
  });
});

describe('tasa_reporte (issue 10, finding 12)', () => {
  it('refuses 2, −5, "abc", 0 and a percentage with row, column and reason', () => {
    const result = validateSupplyHistory(
      file(
        '785,4710,FE-SF-GOT-30,2026-01,18,40,0,0,0,2',
        '785,4710,FE-SF-GOT-30,2026-02,18,40,0,0,0,-5',
        '785,4710,FE-SF-GOT-30,2026-03,18,40,0,0,0,abc',
        '785,4710,FE-SF-GOT-30,2026-04,18,40,0,0,0,0',
        '785,4710,FE-SF-GOT-30,2026-05,18,40,0,0,0,85',
        '785,4710,FE-SF-GOT-30,2026-06,18,40,0,0,0,1000',
      ),
      context,
    );
    expect(!result.ok && result.errors.map((e) => [e.row, e.column, e.reason])).toEqual([
      [
        2,
        'tasa_reporte',
        '2 is above 1: the share of sub-sites that reported; a percentage? write 0.02',
      ],
      [3, 'tasa_reporte', '-5 is not above 0 (a site that did not report has no row)'],
      [4, 'tasa_reporte', '"abc" is not a number'],
      [5, 'tasa_reporte', '0 is not above 0 (a site that did not report has no row)'],
      [
        6,
        'tasa_reporte',
        '85 is above 1: the share of sub-sites that reported; a percentage? write 0.85',
      ],
      [7, 'tasa_reporte', '1000 is above 1: the share of sub-sites that reported'],
    ]);
  });

  it('property: a rate is accepted exactly when it is in (0, 1] or empty', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: -10, max: 200, noNaN: true }).map((v) => String(Number(v.toFixed(3)))),
          fc.constantFrom('', '1', '0.5', '0', 'abc', '1.0001', 'NaN', 'Infinity'),
        ),
        (rate) => {
          const result = validateSupplyHistory(
            file(`785,4710,FE-SF-GOT-30,2026-01,18,40,0,0,0,${rate}`),
            context,
          );
          const value = Number(rate);
          const valid = rate === '' || (/^-?\d+(\.\d+)?$/.test(rate) && value > 0 && value <= 1);
          expect(result.ok).toBe(valid);
          if (!result.ok) expect(result.errors.map((e) => e.column)).toEqual(['tasa_reporte']);
        },
      ),
    );
  });
});
