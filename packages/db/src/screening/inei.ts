import fs from 'node:fs';
import path from 'node:path';
import { parseCsv, recordToObject } from '@yawar/core';
import { REPOSITORY_DATA_DIR } from '../paths.js';

/**
 * INEI's published anemia prevalence in children 6–35 months (ENDES), under both methods it has
 * published since its 2024 report: the RM 251-2024/MINSA method (NTS 213) and the previous one
 * (WHO 2011 cut-offs with the CDC altitude formula). Versioned data with one source per figure:
 * data/anemia/inei_anemia_6_35m_oficial.csv, described in data/anemia/PROVENANCE.md.
 * These are the official figures; the ENDES subsample in data/anemia only validates the rules.
 */
export const INEI_FILE = path.join(REPOSITORY_DATA_DIR, 'anemia', 'inei_anemia_6_35m_oficial.csv');

export const INEI_METHODS = ['rm-251-2024', 'previous'] as const;
export type IneiMethod = (typeof INEI_METHODS)[number];
/** The Yawar rule set that implements each INEI method. */
export const INEI_METHOD_RULE: Readonly<Record<IneiMethod, 'nts-213-2024' | 'who-2011'>> = {
  'rm-251-2024': 'nts-213-2024',
  previous: 'who-2011',
};

export interface IneiFigure {
  readonly publisher: string;
  readonly report: string;
  readonly tablePage: string;
  readonly method: IneiMethod;
  readonly methodLabel: string;
  readonly ruleId: 'nts-213-2024' | 'who-2011';
  readonly year: number;
  /** '00' for Peru, else the department's ubigeo. */
  readonly areaCode: string;
  readonly areaName: string;
  /** Proportion (0–1), as published. */
  readonly value: number;
  /** Decimals of the percentage as published (1, or 0 where only a whole percent is known). */
  readonly decimals: 0 | 1;
  readonly citedVia: string;
  readonly note: string;
}

export class IneiFileError extends Error {
  constructor(file: string, row: number, column: string | null, reason: string) {
    super(`${file}: row ${row}${column ? `, column ${column}` : ''}: ${reason}`);
    this.name = 'IneiFileError';
  }
}

const COLUMNS = [
  'publisher',
  'report',
  'table_page',
  'method',
  'method_label',
  'rule_id',
  'year',
  'area_code',
  'area_name',
  'value_pct',
  'decimals',
  'cited_via',
  'note',
] as const;

/** Reads and checks the file; a bad cell throws with file, row, column and reason. */
export function readIneiFigures(text: string, file = INEI_FILE): IneiFigure[] {
  const name = path.basename(file);
  const table = parseCsv(text);
  for (const column of COLUMNS)
    if (!table.header.includes(column)) throw new IneiFileError(name, 1, column, 'is missing');
  const seen = new Set<string>();
  return table.records.map((record) => {
    const row = recordToObject(table.header, record);
    const fail = (column: string, reason: string): never => {
      throw new IneiFileError(name, record.line, column, reason);
    };
    const method = row['method'] as IneiMethod;
    if (!INEI_METHODS.includes(method))
      fail('method', `"${row['method']}" is not one of ${INEI_METHODS.join(', ')}`);
    if (row['rule_id'] !== INEI_METHOD_RULE[method])
      fail('rule_id', `must be ${INEI_METHOD_RULE[method]} for method ${method}`);
    const year = Number(row['year']);
    if (!Number.isInteger(year) || year < 1996 || year > 2100) fail('year', 'is not a year');
    const areaCode = row['area_code'] ?? '';
    if (!/^\d{2}$/.test(areaCode)) fail('area_code', 'must be 00 (Peru) or a department ubigeo');
    const pct = Number(row['value_pct']);
    if (row['value_pct'] === '' || !Number.isFinite(pct) || pct < 0 || pct > 100)
      fail('value_pct', 'must be a percentage between 0 and 100');
    const decimals = row['decimals'] === '0' ? 0 : row['decimals'] === '1' ? 1 : null;
    if (decimals === null) fail('decimals', 'must be 0 or 1');
    const written = (row['value_pct'] ?? '').split('.')[1]?.length ?? 0;
    if (decimals !== null && written > decimals)
      fail('value_pct', `has more decimals than the ${decimals} declared`);
    if (!/^https:\/\//.test(row['cited_via'] ?? '')) fail('cited_via', 'must be an https URL');
    for (const column of ['publisher', 'report', 'table_page', 'method_label', 'area_name'])
      if (!row[column]) fail(column, 'is empty');
    const key = `${method}|${year}|${areaCode}`;
    if (seen.has(key)) fail('year', `a second figure for ${method}, ${year}, area ${areaCode}`);
    seen.add(key);
    return {
      publisher: row['publisher'] ?? '',
      report: row['report'] ?? '',
      tablePage: row['table_page'] ?? '',
      method,
      methodLabel: row['method_label'] ?? '',
      ruleId: INEI_METHOD_RULE[method],
      year,
      areaCode,
      areaName: row['area_name'] ?? '',
      value: Math.round(pct * 10) / 1000,
      decimals: decimals ?? 1,
      citedVia: row['cited_via'] ?? '',
      note: row['note'] ?? '',
    };
  });
}

let cache: readonly IneiFigure[] | null = null;

/** INEI's figures for Peru and one department (by ubigeo), sorted by method and year. */
export function ineiOfficialFigures(departmentUbigeo: string): IneiFigure[] {
  cache ??= readIneiFigures(fs.readFileSync(INEI_FILE, 'utf8'));
  return cache
    .filter((f) => f.areaCode === '00' || f.areaCode === departmentUbigeo)
    .sort((a, b) => a.method.localeCompare(b.method) || a.year - b.year);
}
