import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { weightedPrevalence } from './weighted-prevalence.js';
import type { SurveyRecord } from './weighted-prevalence.js';

/*
 * Real-data check of the survey estimator on the ENDES 2015–2024 ~10 % subsample (children 6–35
 * months with a measured Hb; see data/anemia/PROVENANCE.md). The file is looked for in
 * $YAWAR_ENDES_DEV_CSV, then the repository's data/anemia/; the suite is skipped, with that
 * message, when neither exists.
 *
 * INEI's published national prevalence, children 6–35 months, previous method (the one these
 * records' HC57 follows): 43.5 % (2018), 43.7 % (2024); data/anemia/inei_anemia_6_35m_oficial.csv
 * gives each figure's source. A 10 %
 * subsample, without strata, only gets close: we assert ±5 points (docs/methods/prevalence.md
 * gives the figures).
 */
const FILE = 'endes_ninos_6_35m_2015_2024_subset_dev.csv';
const candidates = [
  process.env['YAWAR_ENDES_DEV_CSV'],
  fileURLToPath(new URL(`../../../../data/anemia/${FILE}`, import.meta.url)),
].filter((path): path is string => path !== undefined && path !== '');
const path = candidates.find((candidate) => existsSync(candidate));
const title = path
  ? `ENDES real data (${path})`
  : `ENDES real data — SKIPPED: ${FILE} not found in ${candidates.join(', ')}`;

interface Table {
  readonly text: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** Plain split on commas: exact because the file has no quotes at all (tested below). */
function readTable(file: string): Table {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const [headerLine = '', ...lines] = text.split(/\r?\n/).filter((line) => line !== '');
  return { text, header: headerLine.split(','), rows: lines.map((line) => line.split(',')) };
}

describe.skipIf(path === undefined)(title, () => {
  let table: Table = { text: '', header: [], rows: [] };
  beforeAll(() => {
    if (path) table = readTable(path);
  });
  const column = (name: string) => {
    const index = table.header.indexOf(name);
    if (index < 0) throw new Error(`column ${name} is missing`);
    return index;
  };

  /** One survey year; HV001 as the PSU (clusters are numbered within each year's sample), no strata. */
  const surveyYear = (wanted: string): SurveyRecord[] => {
    const [year, weight, cluster, anemia] = ['ANIO', 'PESO', 'HV001', 'HC57'].map(column);
    return table.rows
      .filter((row) => row[year!] === wanted)
      .map((row) => ({
        weight: Number(row[weight!]),
        isCase: row[anemia!] !== 'sin anemia',
        cluster: row[cluster!] ?? '',
      }));
  };

  it('has no quoted fields and the same number of fields on every line', () => {
    expect(table.text.includes('"')).toBe(false);
    expect(table.rows.length).toBe(13_147);
    for (const row of table.rows) expect(row.length).toBe(table.header.length);
  });

  it.each([
    ['2018', 0.435],
    ['2024', 0.437],
  ])('%s national weighted prevalence is within ±5 points of INEI (%d)', (wanted, inei) => {
    const result = weightedPrevalence(surveyYear(wanted));
    expect(Math.abs(result.estimate - inei)).toBeLessThan(0.05);
    expect(result.lower).toBeLessThan(result.estimate);
    expect(result.upper).toBeGreaterThan(result.estimate);
    expect(result.standardError).toBeGreaterThan(0.01);
    expect(result.standardError).toBeLessThan(0.03);
  });

  it('matches the figures recorded in docs/methods/prevalence.md', () => {
    // [n, PSUs, estimate, SE, lower, upper (95 %, logit), design effect]
    const recorded = {
      '2018': [1469, 1179, 0.4533, 0.0165, 0.4213, 0.4858, 1.611],
      '2024': [1210, 969, 0.4737, 0.0183, 0.438, 0.5096, 1.622],
    };
    for (const [wanted, [n, psus, ...values]] of Object.entries(recorded)) {
      const r = weightedPrevalence(surveyYear(wanted));
      expect([r.unweightedN, r.clusters]).toEqual([n, psus]);
      const actual = [r.estimate, r.standardError, r.lower, r.upper, r.designEffect ?? Number.NaN];
      actual.forEach((value, i) => expect(value).toBeCloseTo(values[i]!, i === 4 ? 3 : 4));
    }
  });

  it("ESTRATO is year × outcome (the subsample's split key), not a design stratum", () => {
    const [year, estrato, anemiaFlag] = ['ANIO', 'ESTRATO', 'ANEMIA'].map(column);
    for (const row of table.rows) {
      expect(row[estrato!]).toBe(`${row[year!]}_${Number.parseInt(row[anemiaFlag!] ?? '', 10)}`);
    }
  });
});
