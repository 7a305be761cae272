import { describe, expect, it } from 'vitest';
import { parseCsv } from '../csv/parse-csv.js';
import {
  validateScreeningRecords,
  validateScreeningRecordsInSlices,
  type ScreeningContext,
} from './records.js';

const context: ScreeningContext = {
  establishments: new Map([
    ['00004612', { districtUbigeo: '060101', altitudeM: null }],
    ['00004210', { districtUbigeo: '060801', altitudeM: 729 }],
  ]),
  districts: new Map([
    ['060101', { capitalAltitudeM: 2731 }],
    ['060801', { capitalAltitudeM: 740 }],
  ]),
  populatedPlaces: new Map([
    ['0601010002', { districtUbigeo: '060101', altitudeM: null }],
    ['0608010031', { districtUbigeo: '060801', altitudeM: 1650 }],
  ]),
  pseudonymise: (kind, raw) => `${kind.toLowerCase()}_hash_of_${raw.length}`,
  today: '2025-12-31',
};

const HEADER =
  'tipo_doc,num_doc,fecha_nacimiento,sexo,fecha_dosaje,hemoglobina,codigo_renipress,altitud_msnm,ubigeo_residencia,codigo_ccpp,peso_kg';
const file = (...lines: string[]) => ({
  file: 'dosajes.csv',
  table: parseCsv([HEADER, ...lines].join('\n')),
});

describe('validateScreeningRecords', () => {
  it('reads a good row, pseudonymises the document, and resolves altitude by the fallback chain', () => {
    const result = validateScreeningRecords(
      file(
        'DNI,45871236,2024-01-15,F,2024-09-20,10.8,4612,3100,,,8.2', // altitude from the record
        'CNV,1234567890,15/01/2024,M,20/09/2024,11.2,4612,,,0601010002,', // place has none → district capital
        'DNI,45871237,2024-01-15,F,2024-09-20,11.0,4210,,,,', // establishment altitude (hospital COTA)
      ),
      context,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [a, b, c] = result.records;
    expect(a).toMatchObject({
      childKey: 'dni_hash_of_8',
      ageMonths: 8,
      hbTenths: 108,
      altitudeM: 3100,
      altitudeSource: 'record',
      weightKg: 8.2,
    });
    expect(b).toMatchObject({
      childKey: 'cnv_hash_of_10',
      birthDate: '2024-01-15',
      altitudeM: 2731,
      altitudeSource: 'district_capital',
      residenceUbigeo: '060101',
    });
    expect(c).toMatchObject({ altitudeM: 729, altitudeSource: 'establishment' });
    expect(JSON.stringify(result.records)).not.toContain('45871236');
  });

  it('uses the named populated place before the establishment and the district capital', () => {
    const result = validateScreeningRecords(
      file(
        // Establishment at 729 m (Jaén), child living at 1,650 m: the place wins.
        'DNI,45871238,2024-01-15,F,2024-09-20,11.0,4210,,,0608010031,',
        // The record's own altitude still comes first.
        'DNI,45871239,2024-01-15,F,2024-09-20,11.3,4210,900,,0608010031,',
      ),
      context,
    );
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (!result.ok) return;
    expect(result.records.map((r) => [r.altitudeM, r.altitudeSource, r.residenceUbigeo])).toEqual([
      [1650, 'populated_place', '060801'],
      [900, 'record', '060801'],
    ]);
  });

  it('reports every bad row with row, column and reason, never echoing the document number', () => {
    const result = validateScreeningRecords(
      file(
        'DNI,4587123,2024-01-15,F,2024-09-20,10.8,4612,,,,', // 7-digit DNI
        'DNI,45871236,2024-02-30,F,2024-09-20,10.8,4612,,,,', // impossible date
        'DNI,45871236,2024-01-15,X,2024-09-20,10.8,4612,,,,', // sex
        'DNI,45871236,2024-01-15,F,2024-09-20,45,4612,,,,', // Hb out of range
        'DNI,45871236,2024-01-15,F,2024-09-20,10.8,9999999,,,,', // unknown establishment
        'DNI,45871236,2024-06-15,F,2024-09-20,10.8,4612,,,,', // 3 months old
        'DNI,45871236,2024-01-15,F,2026-09-20,10.8,4612,,,,', // future test
        'DNI,45871236,2024-01-15,F,2024-09-20,10.8,4612,,,,',
        'DNI,45871236,2024-01-15,F,2024-09-20,10.8,4612,,,,', // duplicate of the row above
      ),
      context,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'num_doc'],
      [3, 'fecha_nacimiento'],
      [4, 'sexo'],
      [5, 'hemoglobina'],
      [6, 'codigo_renipress'],
      [7, 'fecha_nacimiento'],
      [8, 'fecha_dosaje'],
      [10, null],
    ]);
    expect(result.errors[0]?.reason).toBe('is not a DNI (8 digits)');
    expect(result.errors[7]?.reason).toBe(
      'duplicate of row 9: same child, date, establishment and Hb',
    );
    expect(JSON.stringify(result.errors)).not.toContain('4587123');
  });

  it('names missing required columns at row 1', () => {
    const result = validateScreeningRecords(
      { file: 'x.csv', table: parseCsv('tipo_doc,num_doc\nDNI,45871236\n') },
      context,
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map((e) => e.column)).toEqual([
        'fecha_nacimiento',
        'sexo',
        'fecha_dosaje',
        'hemoglobina',
        'codigo_renipress',
      ]);
  });
});

describe('several problems in one row', () => {
  it('are all reported, including the registry checks', () => {
    const result = validateScreeningRecords(
      file('DNI,45871236,2024-01-15,X,2027-09-20,40,9999999,,,,'),
      context,
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map((e) => e.column)).toEqual([
        'sexo',
        'hemoglobina',
        'codigo_renipress',
        'fecha_dosaje',
      ]);
  });
});

describe('validateScreeningRecordsInSlices', () => {
  it('gives the same records and errors as one pass, pausing between slices', () => {
    const rows = Array.from({ length: 9 }, (_, i) =>
      i === 4
        ? 'DNI,45871236,2024-01-15,F,2024-09-20,99,4612,,,,' // Hb out of range
        : `DNI,4587${String(1000 + i)},2024-01-15,F,2024-09-20,10.${i},4612,,,,`,
    );
    // A duplicate in a later slice than its first row is still found.
    rows.push(rows[0] ?? '');
    const whole = validateScreeningRecords(file(...rows), context);
    for (const slice of [1, 2, 3, 10, 100]) {
      const steps = validateScreeningRecordsInSlices(file(...rows), context, undefined, slice);
      let pauses = 0;
      let step = steps.next();
      for (; !step.done; step = steps.next()) pauses++;
      expect(step.value).toEqual(whole);
      expect(pauses).toBe(Math.floor(rows.length / slice));
    }
    expect(whole.ok).toBe(false);
    if (whole.ok) return;
    expect(whole.errors.map((e) => e.row)).toEqual([6, 11]);
    expect(whole.records).toHaveLength(8);
  });
});
