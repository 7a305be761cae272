// What the browser checks before sending a screening file, and the template it offers. The server
// validates everything again (docs/formats/screening-records.md); these checks only spare a slow
// regional link a 200 MB upload that would be refused anyway.

import { SCREENING_OPTIONAL_COLUMNS, SCREENING_REQUIRED_COLUMNS } from '@yawar/core';

/** The server's limit (413 payload_too_large above it). */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** For the file picker: extensions, because browsers disagree on a CSV's MIME type. */
export const ACCEPTED_EXTENSIONS = '.csv,.xlsx';

/**
 * The content type to send, from the extension: Windows often labels a CSV
 * `application/vnd.ms-excel` (or nothing), which the server would refuse. Null when neither.
 */
export function importContentType(fileName: string): string | null {
  const name = fileName.toLowerCase();
  if (name.endsWith('.csv')) return CSV_TYPE;
  if (name.endsWith('.xlsx')) return XLSX_TYPE;
  return null;
}

export type FileProblem = 'unsupported' | 'tooLarge' | 'empty';

export function fileProblem(file: { name: string; size: number }): FileProblem | null {
  if (!importContentType(file.name)) return 'unsupported';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_IMPORT_BYTES) return 'tooLarge';
  return null;
}

/** Column names are part of the format (case-sensitive), so they are never translated. */
export const REQUIRED_COLUMNS = SCREENING_REQUIRED_COLUMNS;
export const OPTIONAL_COLUMNS = SCREENING_OPTIONAL_COLUMNS;
export type RequiredColumn = (typeof REQUIRED_COLUMNS)[number];

/** A made-up child: 22 months old at the test, in a registered Cajamarca establishment. */
export const TEMPLATE_EXAMPLE_DNI = '12345678';
const EXAMPLE_ROW: Record<RequiredColumn, string> = {
  tipo_doc: 'DNI',
  num_doc: TEMPLATE_EXAMPLE_DNI,
  fecha_nacimiento: '2023-03-15',
  sexo: 'F',
  fecha_dosaje: '2025-01-20',
  hemoglobina: '10.8',
  codigo_renipress: '4612',
};

export const TEMPLATE_FILE_NAME = 'plantilla-dosajes.csv';

/**
 * The template as a `data:` URL for an `<a download>`: built here, so it always matches the
 * columns above, and no Blob URL has to be revoked. The BOM makes Excel read it as UTF-8; the
 * importer skips it.
 */
export function templateCsvHref(): string {
  const header = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];
  const example = header.map((column) =>
    column in EXAMPLE_ROW ? EXAMPLE_ROW[column as RequiredColumn] : '',
  );
  const csv = `\uFEFF${header.join(',')}\r\n${example.join(',')}\r\n`;
  return `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`;
}
