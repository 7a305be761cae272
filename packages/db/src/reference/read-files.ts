import fs from 'node:fs';
import path from 'node:path';
import {
  CsvSyntaxError,
  parseCsv,
  type CsvSource,
  type GeoJsonSource,
  type ImportIssue,
} from '@yawar/core';

/** Problems that stop reading before validation can start: a missing, unreadable or malformed file. */
export class SourceFileError extends Error {
  constructor(readonly issues: readonly ImportIssue[]) {
    super(
      issues
        .map((issue) => `${issue.file}${issue.row ? `:${issue.row}` : ''} ${issue.reason}`)
        .join('\n'),
    );
    this.name = 'SourceFileError';
  }
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'file is missing'
        : `cannot be read: ${String(error)}`;
    throw new SourceFileError([{ file, row: 0, column: null, reason }]);
  }
}

export function readCsvFile(file: string): CsvSource {
  try {
    return { file, table: parseCsv(readText(file)) };
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      throw new SourceFileError([
        { file, row: error.line, column: null, reason: `is not valid CSV: ${error.message}` },
      ]);
    }
    throw error;
  }
}

export function readGeoJsonFile(file: string): GeoJsonSource {
  const text = readText(file);
  try {
    return { file, data: JSON.parse(text) as unknown };
  } catch (error) {
    throw new SourceFileError([
      { file, row: 0, column: null, reason: `is not valid JSON: ${(error as Error).message}` },
    ]);
  }
}

export function optionalCsvFile(file: string): CsvSource | null {
  return fs.existsSync(file) ? readCsvFile(file) : null;
}

/** Reads all files, collecting every missing or malformed one before reporting. */
export function readAll<T extends object>(readers: { [K in keyof T]: () => T[K] }): T {
  const issues: ImportIssue[] = [];
  const result: Partial<T> = {};
  for (const key of Object.keys(readers) as (keyof T)[]) {
    try {
      result[key] = readers[key]();
    } catch (error) {
      if (!(error instanceof SourceFileError)) throw error;
      issues.push(...error.issues);
    }
  }
  if (issues.length > 0) throw new SourceFileError(issues);
  return result as T;
}

export const inDir = (dir: string, name: string): string => path.join(dir, name);
