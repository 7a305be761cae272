import type { SupplyHistoryRow } from '@yawar/core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { DIGEMID_FICHA28_2024, parseCsv, scopeCovers } from '@yawar/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../audit/actor.js';
import { openPreparedDatabase, type PreparedDatabase } from '../bootstrap.js';
import { readSpreadsheetFile } from '../reference/read-spreadsheet.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { importSupplyHistory, supplySiteScopeCheck } from './history-import.js';
import { loadSupplyHistory, SupplyHistoryImportError } from './history-load.js';
import {
  DEMO_SUPPLY_HISTORY,
  loadSimulatedSupplyHistory,
  seedDemoSupplyHistory,
} from './history-simulated.js';
import { latestSupplyMonth, stockStatus, supplyHistoryIsSimulated } from './stock-status.js';

let testDb: TestDatabase;
let database: PreparedDatabase;
const actor = systemActor('test');
const options = { actor, today: '2026-11-22' };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yawar-supply-'));

/** Establishments of unit 785 (Celendín network), and one with no unit on record. */
let celendin: string[] = [];
// A private practice: no executing unit in RENAES.
const UNASSIGNED = '00008533';

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = await openPreparedDatabase(testDb.config);
  const rows = await database.db
    .selectFrom('establishment')
    .select('code')
    .where('executing_unit_code', '=', '785')
    .orderBy('code')
    .limit(2)
    .execute();
  celendin = rows.map((r) => r.code);
});

afterAll(async () => {
  await database.close();
  await testDb.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const HEADER =
  'unidad_ejecutora,establecimiento,producto,mes,consumo,stock_final,dias_desabastecimiento,perdidas,en_transito';
const file = (name: string, ...lines: string[]) => ({
  file: name,
  table: parseCsv([HEADER, ...lines].join('\n')),
});
const count = async (table: 'supply_history' | 'supply_batch') =>
  Number(
    (
      await database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Twelve months of one establishment and product, ending 2026-10, with the stock of the last. */
const year = (establishment: string, product: string, consumption: number, stock: number) =>
  Array.from({ length: 12 }, (_, i) => {
    const month = i < 2 ? `2025-${11 + i}` : `2026-${String(i - 1).padStart(2, '0')}`;
    return `785,${establishment},${product},${month},${consumption},${i === 11 ? stock : 3 * consumption},0,0,0`;
  });

describe('supply history import', () => {
  it('loads a good file with a batch and an audit event, warning about an unassigned establishment', async () => {
    const [a, b] = celendin;
    const report = await importSupplyHistory(
      database.db,
      file(
        'historial.csv',
        ...year(a ?? '', 'FE-SF-GOT-30', 10, 30), // MED 3 → normostock
        ...year(a ?? '', 'MMN-SOB-1G', 100, 50), // MED 0.5 → substock
        ...year(b ?? '', 'FE-SF-GOT-30', 10, 0), // desabastecido
        `785,${UNASSIGNED},FE-SF-GOT-30,2026-10,5,100,0,0,0`, // MED 20 → sobrestock
        '785,,FE-SF-GOT-30,2026-10,0,900,0,0,250', // the warehouse
      ),
      options,
    );
    expect(report).toMatchObject({
      rows: 38,
      inserted: 38,
      updated: 0,
      unchanged: 0,
      establishments: 3,
      warehouses: 1,
      products: 2,
      from: '2025-11',
      to: '2026-10',
    });
    expect(report.warnings).toEqual([
      expect.objectContaining({ row: 38, column: 'establecimiento' }),
    ]);
    const events = await database.db
      .selectFrom('audit_event')
      .select(['entity_id'])
      .where('action', '=', 'supply_history.import')
      .execute();
    expect(events).toEqual([{ entity_id: String(report.batchId) }]);
    const warehouse = await database.db
      .selectFrom('supply_history')
      .select(['stock_end', 'in_transit', 'simulated', 'batch_id'])
      .where('establishment_code', 'is', null)
      .executeTakeFirstOrThrow();
    expect(warehouse).toEqual({
      stock_end: 900,
      in_transit: 250,
      simulated: false,
      batch_id: report.batchId,
    });
  });

  it('re-importing the same file changes no row; a changed month is updated', async () => {
    const [a] = celendin;
    const again = await importSupplyHistory(
      database.db,
      file('historial.csv', ...year(a ?? '', 'FE-SF-GOT-30', 10, 30)),
      options,
    );
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 12 });
    const changed = await importSupplyHistory(
      database.db,
      file('correccion.csv', `785,${a},FE-SF-GOT-30,2026-10,10,31,0,0,0`),
      options,
    );
    expect(changed).toMatchObject({ inserted: 0, updated: 1, unchanged: 0 });
    const original = await importSupplyHistory(
      database.db,
      file('historial.csv', `785,${a},FE-SF-GOT-30,2026-10,10,30,0,0,0`),
      options,
    );
    expect(original).toMatchObject({ updated: 1 });
  });

  it('refuses a file with any bad row and writes nothing', async () => {
    const before = [await count('supply_history'), await count('supply_batch')];
    const [a] = celendin;
    const error = await importSupplyHistory(
      database.db,
      file(
        'malo.csv',
        `785,${a},FE-SF-GOT-30,2026-08,10,30,0,0,0`,
        `787,${a},FE-SF-GOT-30,2026-08,10,30,0,0,0`,
        `785,${a},FE-SF-GOT-30,2027-01,10,30,0,0,0`,
      ),
      options,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SupplyHistoryImportError);
    expect((error as SupplyHistoryImportError).errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'establecimiento'],
      [4, 'mes'],
    ]);
    expect([await count('supply_history'), await count('supply_batch')]).toEqual(before);
  });

  it('never keeps a row naming a unit, establishment or product the database does not have', async () => {
    const before = [await count('supply_history'), await count('supply_batch')];
    const row: SupplyHistoryRow = {
      executingUnitCode: '785',
      establishmentCode: null,
      resourceCode: 'FE-SF-GOT-30',
      month: '2026-01',
      consumption: 0,
      stockEnd: 1,
      stockoutDays: 0,
      losses: 0,
      inTransit: 0,
    };
    const load = (r: SupplyHistoryRow) =>
      loadSupplyHistory(database.db, [r], { fileName: 'x', origin: 'import', actor });
    await expect(load({ ...row, executingUnitCode: '4242' })).rejects.toThrow(/4242/);
    await expect(load({ ...row, establishmentCode: '99999999' })).rejects.toThrow(/99999999/);
    await expect(load({ ...row, resourceCode: 'NOPE' })).rejects.toThrow(/NOPE/);
    expect([await count('supply_history'), await count('supply_batch')]).toEqual(before);
  });

  it('checks every row against the importing user’s scope', async () => {
    const [a] = celendin;
    const isInScope = await supplySiteScopeCheck(database.db, {
      kind: 'executing_unit',
      code: '787',
    });
    const error = await importSupplyHistory(
      database.db,
      file(
        'ajeno.csv',
        `785,${a},FE-SF-GOT-30,2026-08,10,30,0,0,0`,
        '785,,MMN-SOB-1G,2026-08,0,1,0,0,0',
      ),
      { ...options, isInScope },
    ).catch((e: unknown) => e);
    expect((error as SupplyHistoryImportError).errors.map((e) => e.reason)).toEqual([
      `${a} is outside your scope`,
      'the warehouse of unit 785 is outside your scope',
    ]);
    const own = await supplySiteScopeCheck(database.db, { kind: 'executing_unit', code: '785' });
    expect(own({ executingUnitCode: '785', establishmentCode: UNASSIGNED })).toBe(true);
    expect(own({ executingUnitCode: '785', establishmentCode: null })).toBe(true);
    const region = await supplySiteScopeCheck(database.db, { kind: 'department', code: '06' });
    expect(region({ executingUnitCode: '787', establishmentCode: null })).toBe(true);
  });

  it('reads the same layout from an XLSX sheet, months typed as dates included', async () => {
    const [, b] = celendin;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('historial');
    sheet.addRow(HEADER.split(','));
    sheet.addRow([785, Number(b), 'HB-LANCETA', new Date(Date.UTC(2026, 6, 1)), 12, 40, 0, 0, 0]);
    const xlsx = path.join(dir, 'historial.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    const report = await importSupplyHistory(database.db, await readSpreadsheetFile(xlsx), options);
    expect(report).toMatchObject({ rows: 1, inserted: 1, from: '2026-07' });
  });
});

describe('stock status', () => {
  it('classifies each establishment’s products as of the latest month', async () => {
    expect(await latestSupplyMonth(database.db, '06')).toBe('2026-10');
    const result = await stockStatus(database.db, {
      department: '06',
      ruleSet: DIGEMID_FICHA28_2024,
    });
    expect(result.month).toBe('2026-10');
    const [a, b] = celendin;
    const byCode = new Map(result.establishments.map((e) => [e.code, e]));
    expect(result.establishments).toHaveLength(3); // the warehouse is not a facility
    const first = byCode.get(a ?? '');
    expect(first).toMatchObject({
      executingUnit: { code: '785' },
      network: { code: '06/CELENDIN', name: 'CELENDIN' },
      evaluated: 2,
      available: 1,
      ratio: 0.5,
      simulated: false,
    });
    expect(first?.products.map((p) => [p.resourceCode, p.cpma, p.stock, p.stockClass])).toEqual([
      ['FE-SF-GOT-30', 10, 30, 'normostock'],
      ['MMN-SOB-1G', 100, 50, 'substock'],
    ]);
    expect(byCode.get(b ?? '')?.products[0]?.stockClass).toBe('desabastecido');
    // No unit on record: counted under the unit its history names.
    expect(byCode.get(UNASSIGNED)).toMatchObject({
      executingUnit: { code: '785', name: 'REGION CAJAMARCA-SALUD CAJAMARCA' },
      products: [expect.objectContaining({ stockClass: 'sobrestock', cpma: 5 })],
    });
  });

  it('evaluates an earlier month, one establishment, and filters by scope', async () => {
    const [a] = celendin;
    const earlier = await stockStatus(database.db, {
      department: '06',
      month: '2026-09',
      establishment: a ?? '',
      ruleSet: DIGEMID_FICHA28_2024,
    });
    expect(earlier.establishments.map((e) => e.code)).toEqual([a]);
    // 2026-09: stock 3 × CPMA → normostock for both products.
    expect(earlier.establishments[0]?.products.map((p) => p.stockClass)).toEqual([
      'normostock',
      'normostock',
    ]);
    const jaen = await stockStatus(database.db, {
      department: '06',
      ruleSet: DIGEMID_FICHA28_2024,
      visible: (location) => scopeCovers({ kind: 'network', code: '06/JAEN' }, location),
    });
    expect(jaen.establishments).toEqual([]);
    expect(await supplyHistoryIsSimulated(database.db, '06')).toBe(false);
  });

  it('answers an empty department with no month', async () => {
    expect(
      await stockStatus(database.db, { department: '01', ruleSet: DIGEMID_FICHA28_2024 }),
    ).toEqual({ month: null, latestMonth: null, establishments: [] });
  });
});

describe('simulated demo history', () => {
  it('loads the demo set in a few seconds, marked simulated', async () => {
    const started = performance.now();
    const report = await loadSimulatedSupplyHistory(database.db, DEMO_SUPPLY_HISTORY);
    const seconds = (performance.now() - started) / 1000;
    // 829 establishments with a RENAES executing unit and 10 warehouses, 9 products, 36 months.
    expect(report.rows).toBe((829 + 10) * 9 * 36);
    expect(report).toMatchObject({
      establishments: 829,
      warehouses: 10,
      from: '2023-11',
      to: '2026-10',
    });
    console.info(`simulated supply history: ${report.rows} rows in ${seconds.toFixed(2)} s`);
    expect(await supplyHistoryIsSimulated(database.db, '06')).toBe(true);
    const batch = await database.db
      .selectFrom('supply_batch')
      .select(['origin'])
      .where('id', '=', report.batchId)
      .executeTakeFirstOrThrow();
    expect(batch.origin).toBe('simulated');
    const status = await stockStatus(database.db, {
      department: '06',
      ruleSet: DIGEMID_FICHA28_2024,
    });
    expect(status.establishments.length).toBeGreaterThanOrEqual(829);
    // The first-run seed only fills an empty history.
    expect(await seedDemoSupplyHistory(database.db)).toBeNull();
  });
});
