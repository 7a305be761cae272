/**
 * RFC 4180 CSV parsing, pure and dependency-free so the core can validate files that the CLI,
 * the server or a browser hands it as text.
 *
 * Handles quoted fields with embedded commas, quotes ("") and line breaks (MINSA's TB_EESS has
 * addresses that span lines), CRLF or LF endings and a leading UTF-8 byte-order mark (MINSA
 * exports carry one).
 */
import { runToEnd, type Steps } from '../steps/steps.js';

export interface CsvTable {
  readonly header: readonly string[];
  /** Data records; `line` is the 1-based physical line where the record starts (header = 1). */
  readonly records: readonly CsvRecord[];
}

export interface CsvRecord {
  readonly line: number;
  readonly values: readonly string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvSyntaxError';
  }
}

const BOM = '\uFEFF';

export function parseCsv(text: string, delimiter = ','): CsvTable {
  return runToEnd(parseCsvInSlices(text, delimiter));
}

/**
 * `parseCsv`, yielding the records read after every `sliceRecords`, so a server parsing a large
 * upload lets other requests run between slices.
 */
export function* parseCsvInSlices(
  text: string,
  delimiter = ',',
  sliceRecords = 5_000,
): Steps<CsvTable> {
  const rows = yield* tokenize(
    text.startsWith(BOM) ? text.slice(1) : text,
    delimiter,
    sliceRecords,
  );
  const first = rows[0];
  if (!first) throw new CsvSyntaxError(1, 'the file is empty');
  const header = first.values.map((name) => name.trim());
  return { header, records: rows.slice(1) };
}

function* tokenize(text: string, delimiter: string, sliceRecords: number): Steps<CsvRecord[]> {
  const records: CsvRecord[] = [];
  let values: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quotedField = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (field !== '' || quotedField)
        throw new CsvSyntaxError(line, 'a quote inside an unquoted field');
      inQuotes = true;
      quotedField = true;
    } else if (ch === delimiter) {
      values.push(field);
      field = '';
      quotedField = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      // A blank line is no record, but a lone quoted empty field ("") is one (RFC 4180 writers emit it).
      const blank = records.length > 0 && values.length === 0 && field === '' && !quotedField;
      values.push(field);
      if (!blank && records.push({ line: recordLine, values }) % sliceRecords === 0)
        yield records.length;
      values = [];
      field = '';
      quotedField = false;
      line++;
      recordLine = line;
    } else {
      if (quotedField) throw new CsvSyntaxError(line, 'characters after a closing quote');
      field += ch;
    }
  }
  if (inQuotes) throw new CsvSyntaxError(recordLine, 'a quoted field is never closed');
  if (field !== '' || values.length > 0 || quotedField) {
    values.push(field);
    records.push({ line: recordLine, values });
  }
  return records;
}

/** Turns records into objects keyed by header name; extra or missing cells are the caller's to check. */
export function recordToObject(
  header: readonly string[],
  record: CsvRecord,
): Record<string, string> {
  const row: Record<string, string> = {};
  header.forEach((name, index) => {
    row[name] = record.values[index] ?? '';
  });
  return row;
}
