import fs from 'node:fs';
import path from 'node:path';
import {
  classifyHb,
  DHS_UNWEIGHTED_25,
  parseCsv,
  recordToObject,
  surveyPrevalenceCell,
  weightedPrevalence,
  WHO_2011,
  type PrevalenceCell,
} from '@yawar/core';
import { REPOSITORY_DATA_DIR } from '../paths.js';

export const ENDES_FILE = path.join(
  REPOSITORY_DATA_DIR,
  'anemia',
  'endes_ninos_6_35m_2015_2024_subset_dev.csv',
);
export const ENDES_SOURCE =
  'ENDES (INEI) 2015–2024, children 6–35 months — a ~10 % subsample, not the official figure';

interface EndesChild {
  readonly year: number;
  readonly department: string;
  readonly weight: number;
  readonly cluster: string;
  readonly anemic: boolean;
}

export interface EndesYear {
  readonly year: number;
  readonly scope: 'national' | 'department';
  readonly cell: PrevalenceCell;
  readonly designEffect: number | null;
}

let cache: readonly EndesChild[] | null = null;

/** The ENDES records, classified with who-2011 (the rule of the ENDES series), read once. */
function endesChildren(): readonly EndesChild[] {
  if (cache) return cache;
  const table = parseCsv(fs.readFileSync(ENDES_FILE, 'utf8'));
  const children: EndesChild[] = [];
  for (const record of table.records) {
    const row = recordToObject(table.header, record);
    const hb = Number(row['HC53']);
    if (!Number.isFinite(hb) || row['HC53'] === '') continue;
    const level = classifyHb(
      { ageMonths: Number(row['HC1']), hbGdl: hb / 10, altitudeM: Number(row['HV040']) },
      WHO_2011,
    );
    if (!level.ok) continue;
    children.push({
      year: Number(row['ANIO']),
      department: normaliseName(row['HV024'] ?? ''),
      weight: Number(row['PESO']),
      // Clusters are numbered within each survey year.
      cluster: `${row['ANIO']}/${row['HV001']}`,
      anemic: level.level !== 'none',
    });
  }
  cache = children;
  return children;
}

const normaliseName = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toUpperCase();

/**
 * Survey-weighted anemia prevalence per year, nationally and for one department (by name, as ENDES
 * writes it), with linearised intervals; cells under 25 unweighted cases are suppressed (DHS).
 */
export function endesPrevalenceByYear(departmentName: string): EndesYear[] {
  const children = endesChildren();
  const department = normaliseName(departmentName);
  const years = [...new Set(children.map((c) => c.year))].sort();
  const result: EndesYear[] = [];
  for (const year of years) {
    for (const scope of ['national', 'department'] as const) {
      const group = children.filter(
        (c) => c.year === year && (scope === 'national' || c.department === department),
      );
      if (group.length === 0) continue;
      const survey = weightedPrevalence(
        group.map((c) => ({ weight: c.weight, isCase: c.anemic, cluster: c.cluster })),
        0.95,
        { singletonPsu: 'certainty' },
      );
      result.push({
        year,
        scope,
        cell: surveyPrevalenceCell(survey, `${ENDES_SOURCE}, ${year}`, DHS_UNWEIGHTED_25),
        designEffect: survey.designEffect,
      });
    }
  }
  return result;
}
