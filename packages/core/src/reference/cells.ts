import type { CsvRecord, CsvTable } from '../csv/parse-csv.js';
import { hasLoneSurrogate, hasNul } from '../text/visible.js';
import type { IssueLog } from './issues.js';
import { runToEnd, type Steps } from '../steps/steps.js';

/** A CSV file as handed to the validators: its name (for error reports) and its parsed table. */
export interface CsvSource {
  readonly file: string;
  readonly table: CsvTable;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Reads typed cells from one CSV record, logging a located error for every bad cell instead of
 * stopping at the first, so one import run reports everything wrong with a file.
 */
export class CellReader {
  private failed = false;

  constructor(
    private readonly source: CsvSource,
    private readonly record: CsvRecord,
    private readonly log: IssueLog,
  ) {}

  get line(): number {
    return this.record.line;
  }

  get file(): string {
    return this.source.file;
  }

  get ok(): boolean {
    return !this.failed;
  }

  raw(column: string): string {
    const index = this.source.table.header.indexOf(column);
    return index < 0 ? '' : (this.record.values[index] ?? '').trim();
  }

  fail(column: string | null, reason: string): undefined {
    this.failed = true;
    this.log.error(this.source.file, this.record.line, column, reason);
    return undefined;
  }

  text(column: string): string | undefined {
    const value = this.raw(column);
    return value === '' ? this.fail(column, 'is empty') : value;
  }

  optionalText(column: string): string | null {
    const value = this.raw(column);
    return value === '' ? null : value;
  }

  /** A number within [min, max]; empty cells, R's "NA" and INEI's "S.I." (sin información) give null. */
  optionalNumber(column: string, min: number, max: number): number | null | undefined {
    const value = this.raw(column);
    if (value === '' || value === 'NA' || value === 'S.I.') return null;
    // Number() would also accept hex, binary and "Infinity"; a spreadsheet cell is plain decimal.
    const number = DECIMAL.test(value) ? Number(value) : NaN;
    if (!Number.isFinite(number)) return this.fail(column, `"${value}" is not a number`);
    if (number < min || number > max) return this.fail(column, `${value} is outside ${min}…${max}`);
    return number;
  }

  /**
   * Refuses every cell holding a NUL or a lone UTF-16 surrogate: neither can be stored (PostgreSQL
   * text holds no NUL; such text has no UTF-8 form), and free-text cells are stored as written.
   * The value is not repeated: it may be personal data.
   */
  checkEncoding(): void {
    this.record.values.forEach((value, index) => {
      if (hasNul(value) || hasLoneSurrogate(value))
        this.fail(
          this.source.table.header[index] ?? null,
          'holds a NUL character or broken text (a lone surrogate)',
        );
    });
  }

  /** A numeric code left-padded to `digits` (spreadsheets drop leading zeros: 60101 → 060101). */
  code(column: string, digits: number): string | undefined {
    const value = this.raw(column).replace(/\.0+$/, '');
    if (!/^\d+$/.test(value) || value.length > digits) {
      return this.fail(column, `"${value}" is not a code of up to ${digits} digits`);
    }
    return value.padStart(digits, '0');
  }
}

/** Checks the header; returns false (and logs one error per missing column) when any is absent. */
export function hasColumns(source: CsvSource, columns: readonly string[], log: IssueLog): boolean {
  const missing = columns.filter((column) => !source.table.header.includes(column));
  for (const column of missing) log.error(source.file, 1, column, 'required column is missing');
  return missing.length === 0;
}

/** Validates every record with `read`, keeping only the records that had no error. */
export function readRecords<T>(
  source: CsvSource,
  columns: readonly string[],
  log: IssueLog,
  read: (cells: CellReader) => T | undefined,
): T[] {
  return runToEnd(readRecordsInSlices(source, columns, log, read));
}

/**
 * `readRecords`, yielding the records read after every `sliceRows` (a server lets other requests
 * run between slices).
 */
export function* readRecordsInSlices<T>(
  source: CsvSource,
  columns: readonly string[],
  log: IssueLog,
  read: (cells: CellReader) => T | undefined,
  sliceRows = 2_000,
): Steps<T[]> {
  if (!hasColumns(source, columns, log)) return [];
  const results: T[] = [];
  let done = 0;
  for (const record of source.table.records) {
    if (++done % sliceRows === 0) yield done;
    if (record.values.length !== source.table.header.length) {
      log.error(
        source.file,
        record.line,
        null,
        `has ${record.values.length} cells, the header has ${source.table.header.length}`,
      );
      continue;
    }
    const cells = new CellReader(source, record, log);
    cells.checkEncoding();
    const value = read(cells);
    if (value !== undefined && cells.ok) results.push(value);
  }
  return results;
}
