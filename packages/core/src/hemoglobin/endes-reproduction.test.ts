import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv, recordToObject } from '../csv/parse-csv.js';
import { classifyHb } from './classify.js';
import { WHO_2011, type AnemiaLevel } from './rule-sets.js';

/**
 * Real data: ENDES 2015–2024 child microdata (data/anemia, a ~10 % subsample) classified with
 * who-2011 must reproduce INEI's own anemia level HC57. docs/methods/hemoglobin-rules.md explains
 * the 36 records that differ: INEI applied the altitude formula below 1,000 m until 2018.
 */
const FILE = new URL(
  '../../../../data/anemia/endes_ninos_6_35m_2015_2024_subset_dev.csv',
  import.meta.url,
);
const HC57: Readonly<Record<string, AnemiaLevel>> = {
  'sin anemia': 'none',
  leve: 'mild',
  moderada: 'moderate',
  grave: 'severe',
};

describe('ENDES reproduction with who-2011', () => {
  const table = parseCsv(fs.readFileSync(FILE, 'utf8'));
  const rows = table.records.map((record) => recordToObject(table.header, record));

  it('matches HC57 for at least 99 % of records with a measured Hb', () => {
    const measured = rows.filter((row) => row['HC53'] !== '' && row['HC53'] !== 'nan');
    const mismatches = measured.filter((row) => {
      const result = classifyHb(
        {
          ageMonths: Number(row['HC1']),
          hbGdl: Number(row['HC53']) / 10,
          altitudeM: Number(row['HV040']),
        },
        WHO_2011,
      );
      return !result.ok || result.level !== HC57[row['HC57'] ?? ''];
    });
    expect(measured.length).toBe(13_147);
    expect(1 - mismatches.length / measured.length).toBeGreaterThanOrEqual(0.99);
    expect(mismatches.length).toBe(36);
    // Every difference is a 2015–2018 record below 1,000 m: INEI adjusted there, the DHS rule does not.
    expect(
      mismatches.every((row) => Number(row['ANIO']) <= 2018 && Number(row['HV040']) < 1000),
    ).toBe(true);
  });
});
