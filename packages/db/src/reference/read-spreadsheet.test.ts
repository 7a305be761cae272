import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SourceFileError } from './read-files.js';
import { readSpreadsheetBuffer, readSpreadsheetFile } from './read-spreadsheet.js';

/** The XLSX reader: the first tab as the table a CSV gives, read as a stream. */
async function xlsx(build: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function refusal(read: Promise<unknown>): Promise<string> {
  const error = await read.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SourceFileError);
  return (error as SourceFileError).issues.map((e) => e.reason).join('; ');
}

describe('readSpreadsheetBuffer', () => {
  it('gives header and rows as text, with sheet row numbers and empty rows skipped', async () => {
    const buffer = await xlsx((workbook) => {
      const sheet = workbook.addWorksheet('datos');
      sheet.addRow([' dni ', 'fecha', 'hb', 'nota']);
      sheet.addRow(['0001', new Date(Date.UTC(2025, 1, 28)), 11.2, 'a']);
      sheet.addRow([]);
      sheet.addRow(['0002', null, { formula: '10+1.5', result: 11.5 }, null]);
      sheet.getCell('D4').value = { richText: [{ text: 'ri' }, { text: 'co' }] };
    });
    const { file, table } = await readSpreadsheetBuffer(buffer, 'subida.xlsx');
    expect(file).toBe('subida.xlsx');
    expect(table.header).toEqual(['dni', 'fecha', 'hb', 'nota']);
    expect(table.records).toEqual([
      { line: 2, values: ['0001', '2025-02-28', '11.2', 'a'] },
      { line: 4, values: ['0002', '', '11.5', 'rico'] },
    ]);
  });

  it('reads the first tab the user sees, not the first sheet part in the file', async () => {
    const buffer = await xlsx((workbook) => {
      const second = workbook.addWorksheet('segunda');
      second.addRow(['x']);
      second.addRow(['from the second tab']);
      const first = workbook.addWorksheet('primera');
      first.addRow(['x']);
      first.addRow(['from the first tab']);
      // Tab order (exceljs writes it from `orderNo`, which its typings do not declare).
      Object.assign(second, { orderNo: 2 });
      Object.assign(first, { orderNo: 1 });
    });
    const { table } = await readSpreadsheetBuffer(buffer, 'x.xlsx');
    expect(table.records.map((r) => r.values[0])).toEqual(['from the first tab']);
  });

  it('keeps only the header width and reads a header-less sheet as missing columns', async () => {
    const wide = await xlsx((workbook) => {
      const sheet = workbook.addWorksheet('s');
      sheet.addRow(['a']);
      sheet.addRow(['1', 'beyond the header']);
    });
    expect((await readSpreadsheetBuffer(wide, 'w.xlsx')).table.records).toEqual([
      { line: 2, values: ['1'] },
    ]);
    const headerless = await xlsx((workbook) => {
      workbook.addWorksheet('s').getCell('A3').value = 'no header';
    });
    expect((await readSpreadsheetBuffer(headerless, 'h.xlsx')).table).toEqual({
      header: [],
      records: [],
    });
  });

  it('refuses bytes that are not a workbook, and a workbook with no data', async () => {
    expect(await refusal(readSpreadsheetBuffer(Buffer.from('dni,hb\n1,2\n'), 'a.xlsx'))).toBe(
      'is not a readable XLSX file',
    );
    const empty = await xlsx((workbook) => workbook.addWorksheet('vacía'));
    expect(await refusal(readSpreadsheetBuffer(empty, 'e.xlsx'))).toBe('has no sheet with data');
  });
});

describe('readSpreadsheetFile', () => {
  it('reads a file on disk and names a missing one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yawar-xlsx-'));
    const file = path.join(dir, 'hoja.xlsx');
    fs.writeFileSync(
      file,
      await xlsx((workbook) => {
        const sheet = workbook.addWorksheet('s');
        sheet.addRow(['a', 'b']);
        sheet.addRow([1, 2]);
      }),
    );
    expect((await readSpreadsheetFile(file)).table.records).toEqual([
      { line: 2, values: ['1', '2'] },
    ]);
    expect(await refusal(readSpreadsheetFile(path.join(dir, 'none.xlsx')))).toBe('file is missing');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
