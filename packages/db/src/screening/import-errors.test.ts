import { parseCsv, type ImportIssue } from '@yawar/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../audit/actor.js';
import { openPreparedDatabase, type PreparedDatabase } from '../bootstrap.js';
import { createPseudonymiser } from '../privacy/pseudonymiser.js';
import { readSpreadsheetBuffer } from '../reference/read-spreadsheet.js';
import { importSupplyHistory } from '../supply/history-import.js';
import { SupplyHistoryImportError } from '../supply/history-load.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { importScreeningFile } from './import-file.js';
import { ScreeningImportError } from './load.js';

/**
 * Hardening of the imports (docs/methods/security.md): error lists capped in memory with every
 * error counted and streamed, one report for validation and database checks, and two imports of
 * one file started together answered "already imported" on both engines.
 */
let testDb: TestDatabase;
let database: PreparedDatabase;
const pseudonymise = createPseudonymiser(Buffer.alloc(32, 5));
const actor = systemActor('test');
const options = { pseudonymise, actor, today: '2025-12-31' };

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = await openPreparedDatabase(testDb.config);
});

afterAll(async () => {
  await database.close();
  await testDb.drop();
});

const HEADER = 'tipo_doc,num_doc,fecha_nacimiento,sexo,fecha_dosaje,hemoglobina,codigo_renipress';
const file = (name: string, lines: readonly string[]) => ({
  file: name,
  table: parseCsv([HEADER, ...lines].join('\n')),
});
const count = async (table: 'screening' | 'child' | 'screening_batch') =>
  Number(
    (
      await database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('error lists are capped (finding 5)', () => {
  it('keeps the first 1,000 screening errors, counts all by reason and column, and streams every one', async () => {
    // 3,000 rows, each with a bad birth date and an Hb out of range: 6,000 errors.
    const lines = Array.from(
      { length: 3000 },
      (_, i) => `DNI,${String(40000000 + i)},fecha${i},F,2025-01-20,99,4612`,
    );
    const streamed: ImportIssue[] = [];
    const error = await importScreeningFile(database.db, file('malo.csv', lines), {
      ...options,
      issues: { onError: (issue) => streamed.push(issue) },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScreeningImportError);
    const refusal = error as ScreeningImportError;
    expect(refusal.errors).toHaveLength(1000);
    expect(refusal.summary.total).toBe(6000);
    expect(refusal.message).toContain('6000 error(s)');
    expect(refusal.summary.byReason.map((c) => [c.column, c.reason, c.count]).sort()).toEqual([
      ['fecha_nacimiento', '"…" is not a date (YYYY-MM-DD or DD/MM/YYYY)', 3000],
      ['hemoglobina', '# is outside #…#', 3000],
    ]);
    expect(streamed).toHaveLength(6000);
    expect(new Set(streamed.map((e) => `${e.row}|${e.column}`)).size).toBe(6000);
    expect(await count('screening_batch')).toBe(0);
  });

  it('reads an XLSX of one-cell rows without creating the missing cells, every empty one reported', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('dosajes');
    sheet.addRow(HEADER.split(','));
    for (let i = 0; i < 5; i++) sheet.addRow(['DNI']);
    sheet.addRow(['DNI', '41112299', new Date(Date.UTC(2024, 0, 15)), 'F']);
    const source = await readSpreadsheetBuffer(
      Buffer.from(await workbook.xlsx.writeBuffer()),
      'malo.xlsx',
    );
    expect(source.table.records[0]?.values).toEqual(['DNI', '', '', '', '', '', '']);
    expect(source.table.records[5]?.values).toEqual([
      'DNI',
      '41112299',
      '2024-01-15',
      'F',
      '',
      '',
      '',
    ]);
    const error = await importScreeningFile(database.db, source, options).catch((e: unknown) => e);
    expect((error as ScreeningImportError).summary.total).toBe(5 * 6 + 3);
  });

  it('caps the supply history errors the same way', async () => {
    const header =
      'unidad_ejecutora,establecimiento,producto,mes,consumo,stock_final,dias_desabastecimiento,perdidas,en_transito';
    const lines = Array.from({ length: 1500 }, () => `785,,FE-SF-GOT-30,mes,0,1,0,0,0`);
    let streamed = 0;
    const error = await importSupplyHistory(
      database.db,
      { file: 'historial.csv', table: parseCsv([header, ...lines].join('\n')) },
      { actor, today: '2026-11-22', issues: { onError: () => (streamed += 1) } },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SupplyHistoryImportError);
    const refusal = error as SupplyHistoryImportError;
    expect(refusal.errors).toHaveLength(1000);
    expect(refusal.summary.total).toBe(1500);
    expect(refusal.summary.byReason).toEqual([
      expect.objectContaining({ column: 'mes', count: 1500 }),
    ]);
    expect(streamed).toBe(1500);
  });
});

describe('one report for every error (finding 12)', () => {
  it('reports rows already imported together with the other errors of the file', async () => {
    await importScreeningFile(
      database.db,
      file('enero.csv', ['DNI,41112222,2024-01-15,F,2025-01-20,10.1,4612']),
      options,
    );
    const batches = await count('screening_batch');
    const error = await importScreeningFile(
      database.db,
      file('enero-bis.csv', [
        'DNI,41112222,2024-01-15,F,2025-01-20,10.1,4612',
        'DNI,41112223,2024-01-15,X,2025-01-20,10.1,4612',
      ]),
      options,
    ).catch((e: unknown) => e);
    expect((error as ScreeningImportError).errors).toEqual([
      { file: 'enero-bis.csv', row: 3, column: 'sexo', reason: '"X" is not F or M' },
      { file: 'enero-bis.csv', row: 2, column: null, reason: 'already imported (batch 1)' },
    ]);
    expect(await count('screening_batch')).toBe(batches);
  });
});

describe('two imports of one file started together (finding 10)', () => {
  it('loads it once and tells the other it was already imported, on either engine', async () => {
    const lines = Array.from(
      { length: 400 },
      (_, i) => `DNI,${String(42000000 + i)},2024-01-15,${i % 2 ? 'F' : 'M'},2025-02-20,10.5,4612`,
    );
    const before = await count('screening');
    const results = await Promise.allSettled([
      importScreeningFile(database.db, file('febrero.csv', lines), options),
      importScreeningFile(database.db, file('febrero.csv', lines), options),
    ]);
    const loaded = results.filter((r) => r.status === 'fulfilled');
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    expect(loaded).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toBeInstanceOf(ScreeningImportError);
    const reasons = new Set((refused[0] as ScreeningImportError).errors.map((e) => e.reason));
    expect([...reasons]).toEqual([expect.stringMatching(/^already imported \(batch \d+\)$/)]);
    expect((refused[0] as ScreeningImportError).summary.total).toBe(400);
    expect(await count('screening')).toBe(before + 400);
  });
});
