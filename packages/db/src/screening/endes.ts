import fs from 'node:fs';
import path from 'node:path';
import {
  classifyHb,
  DHS_UNWEIGHTED_25,
  NTS_213_2024,
  parseCsv,
  recordToObject,
  surveyPrevalenceCell,
  weightedPrevalence,
  WHO_2011,
  type HbRuleSet,
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

/**
 * The two series INEI publishes since its 2024 report, each computed on the subsample with the
 * Yawar rule set that implements it: `nts-213-2024` for the RM 251-2024/MINSA method, `who-2011`
 * for the previous one (docs/methods/hemoglobin-rules.md). Every year is classified under both,
 * 2024 included, so each series is comparable with INEI's figures of the same method.
 */
export const ENDES_SERIES_RULES: readonly HbRuleSet[] = [NTS_213_2024, WHO_2011];
export type EndesRuleId = 'nts-213-2024' | 'who-2011';

interface EndesChild {
  readonly year: number;
  readonly department: string;
  readonly weight: number;
  readonly cluster: string;
  /** Anemic under each series rule (absent when the rule does not classify the record). */
  readonly anemic: Readonly<Partial<Record<string, boolean>>>;
}

export interface EndesYear {
  readonly year: number;
  readonly scope: 'national' | 'department';
  readonly ruleId: EndesRuleId;
  readonly cell: PrevalenceCell;
  readonly designEffect: number | null;
}

let cache: readonly EndesChild[] | null = null;

/** The ENDES records, classified under every series rule, read once. */
function endesChildren(): readonly EndesChild[] {
  if (cache) return cache;
  const table = parseCsv(fs.readFileSync(ENDES_FILE, 'utf8'));
  const children: EndesChild[] = [];
  for (const record of table.records) {
    const row = recordToObject(table.header, record);
    const hb = Number(row['HC53']);
    if (!Number.isFinite(hb) || row['HC53'] === '') continue;
    const anemic: Partial<Record<string, boolean>> = {};
    for (const rule of ENDES_SERIES_RULES) {
      const level = classifyHb(
        { ageMonths: Number(row['HC1']), hbGdl: hb / 10, altitudeM: Number(row['HV040']) },
        rule,
      );
      if (level.ok) anemic[rule.id] = level.level !== 'none';
    }
    if (Object.keys(anemic).length === 0) continue;
    children.push({
      year: Number(row['ANIO']),
      department: normaliseName(row['HV024'] ?? ''),
      weight: Number(row['PESO']),
      // Clusters are numbered within each survey year.
      cluster: `${row['ANIO']}/${row['HV001']}`,
      anemic,
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
 * Survey-weighted anemia prevalence per year and series rule, nationally and for one department
 * (by name, as ENDES writes it), with linearised intervals; cells under 25 unweighted cases are
 * suppressed (DHS). The departmental cells are a check of the rules on a few dozen children, not
 * an estimate: the subsample lacks the design stratum and the departmental weight
 * (data/anemia/PROVENANCE.md); INEI's published departmental figures are in inei.ts.
 */
export function endesPrevalenceByYear(departmentName: string): EndesYear[] {
  const children = endesChildren();
  const department = normaliseName(departmentName);
  const years = [...new Set(children.map((c) => c.year))].sort();
  const result: EndesYear[] = [];
  for (const rule of ENDES_SERIES_RULES) {
    for (const year of years) {
      for (const scope of ['national', 'department'] as const) {
        const group = children.filter(
          (c) =>
            c.year === year &&
            c.anemic[rule.id] !== undefined &&
            (scope === 'national' || c.department === department),
        );
        if (group.length === 0) continue;
        const survey = weightedPrevalence(
          group.map((c) => ({
            weight: c.weight,
            isCase: c.anemic[rule.id] === true,
            cluster: c.cluster,
          })),
          0.95,
          { singletonPsu: 'certainty' },
        );
        result.push({
          year,
          scope,
          ruleId: rule.id as EndesRuleId,
          cell: surveyPrevalenceCell(
            survey,
            `${ENDES_SOURCE}, ${year}, rule ${rule.id}`,
            DHS_UNWEIGHTED_25,
          ),
          designEffect: survey.designEffect,
        });
      }
    }
  }
  return result;
}
