import ExcelJS from 'exceljs';
import type { CsvSource } from '@yawar/core';
import { SourceFileError } from './read-files.js';

/**
 * The first sheet of an XLSX file as the same table a CSV gives, so one validator serves both:
 * row 1 is the header, line numbers are the sheet's row numbers (what Excel shows the user).
 * Dates become YYYY-MM-DD; numbers keep their value; formulas give their cached result.
 */
export async function readSpreadsheetFile(file: string): Promise<CsvSource> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'file is missing'
        : 'is not a readable XLSX file';
    throw new SourceFileError([{ file, row: 0, column: null, reason }]);
  }
  return firstSheet(workbook, file);
}

/** The same, from an uploaded file's bytes; `name` is what error reports call it. */
export async function readSpreadsheetBuffer(buffer: Buffer, name: string): Promise<CsvSource> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new SourceFileError([
      { file: name, row: 0, column: null, reason: 'is not a readable XLSX file' },
    ]);
  }
  return firstSheet(workbook, name);
}

function firstSheet(workbook: ExcelJS.Workbook, file: string): CsvSource {
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0)
    throw new SourceFileError([{ file, row: 0, column: null, reason: 'has no sheet with data' }]);
  const width = sheet.getRow(1).cellCount;
  const header = Array.from({ length: width }, (_, i) =>
    cellText(sheet.getRow(1).getCell(i + 1).value).trim(),
  );
  const records: { line: number; values: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    // `row.values` (1-based, sparse), not `row.getCell`, which creates every missing cell in the
    // workbook: for 300,000 one-cell rows under a 7-column header that was 2 M objects, +400 MB.
    const cells = row.values as ExcelJS.CellValue[];
    const values = Array.from({ length: width }, (_, i) => cellText(cells[i + 1]));
    if (values.some((v) => v !== '')) records.push({ line: rowNumber, values });
  });
  return { file, table: { header, records } };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}
