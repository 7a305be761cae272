import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CsvSource } from '@yawar/core';
import { SourceFileError } from './read-files.js';

type SourceRecord = CsvSource['table']['records'][number];

/**
 * The first sheet of an XLSX file as the same table a CSV gives, so one validator serves both:
 * row 1 is the header, line numbers are the sheet's row numbers (what Excel shows the user).
 * Dates become YYYY-MM-DD; numbers keep their value; formulas give their cached result.
 *
 * The file is read with exceljs's streaming reader, not loaded whole: its XML is parsed a chunk
 * at a time between the event loop's turns, so the server keeps answering while a 300,000-row
 * upload is read (loading the workbook whole stopped every other request for ~9 s), and no
 * workbook model of every cell is built beside the rows we keep.
 */
export async function readSpreadsheetFile(file: string): Promise<CsvSource> {
  return readFirstSheet(createReadStream(file), file);
}

/** The same, from an uploaded file's bytes; `name` is what error reports call it. */
export async function readSpreadsheetBuffer(buffer: Buffer, name: string): Promise<CsvSource> {
  return readFirstSheet(Readable.from([buffer]), name);
}

async function readFirstSheet(input: Readable, file: string): Promise<CsvSource> {
  let table: CsvSource['table'] | null;
  // `pipe` does not forward the source's errors to the zip parser, which would then wait forever
  // for a file that cannot be opened: the read fails as soon as its source does.
  const sourceFailed = new Promise<never>((_, reject) => input.once('error', reject));
  sourceFailed.catch(() => undefined);
  try {
    table = await Promise.race([firstSheetTable(input), sourceFailed]);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'file is missing'
        : 'is not a readable XLSX file';
    throw new SourceFileError([{ file, row: 0, column: null, reason }]);
  } finally {
    input.destroy();
  }
  if (!table)
    throw new SourceFileError([{ file, row: 0, column: null, reason: 'has no sheet with data' }]);
  return { file, table };
}

/** Null when the workbook has no sheet or its first sheet has no header row. */
async function firstSheetTable(input: Readable): Promise<CsvSource['table'] | null> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache', // a cell's number format is what makes a number a date
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let table: CsvSource['table'] | null = null;
  for await (const worksheet of reader) {
    const rows = worksheet as unknown as AsyncIterable<ExcelJS.Row>;
    if (table || !isFirstSheet(reader, worksheet)) {
      await drain(rows); // the zip is read in order: another sheet is read past, not kept
      continue;
    }
    table = await sheetTable(rows);
  }
  return table;
}

async function sheetTable(rows: AsyncIterable<ExcelJS.Row>): Promise<CsvSource['table'] | null> {
  let header: string[] | null = null;
  const records: SourceRecord[] = [];
  for await (const row of rows) {
    // `row.values` (1-based, sparse), not `row.getCell`, which creates every missing cell.
    const cells = row.values as ExcelJS.CellValue[];
    if (row.number === 1) {
      header = Array.from({ length: row.cellCount }, (_, i) => cellText(cells[i + 1]).trim());
      continue;
    }
    header ??= []; // row 1 is empty: the validator reports every column as missing
    const values = Array.from({ length: header.length }, (_, i) => cellText(cells[i + 1]));
    if (values.some((v) => v !== '')) records.push({ line: row.number, values });
  }
  return header ? { header, records } : null;
}

async function drain(rows: AsyncIterable<unknown>): Promise<void> {
  const iterator = rows[Symbol.asyncIterator]();
  while (!(await iterator.next()).done);
}

/**
 * Whether this worksheet part is the workbook's first sheet (the tab the user sees first),
 * which need not be `sheet1.xml`: the workbook lists its sheets in tab order by relationship id.
 */
function isFirstSheet(reader: unknown, worksheet: unknown): boolean {
  const { model, workbookRels } = reader as {
    model?: { sheets?: { rId: string }[] };
    workbookRels?: { Id: string; Target: string }[];
  };
  const firstId = model?.sheets?.[0]?.rId;
  const target = workbookRels?.find((rel) => rel.Id === firstId)?.Target;
  const sheetNumber = target?.match(/sheet(\d+)\.xml$/)?.[1];
  if (sheetNumber === undefined) return true; // an unusual workbook: take the first part read
  return String((worksheet as { id: string | number }).id) === sheetNumber;
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
