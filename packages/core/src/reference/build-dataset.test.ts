import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv, type CsvRecord } from '../csv/parse-csv.js';
import {
  buildReferenceDataset,
  type ReferenceBuild,
  type ReferenceSources,
} from './build-dataset.js';
import type { CsvSource } from './cells.js';
import type { GeoJsonSource } from './geojson-source.js';
import type { ImportIssue } from './issues.js';
import type { ReferenceDataset } from './types.js';

/**
 * The layout of a department folder, as in packages/db/src/reference/department-package.ts
 * (DEPARTMENT_PACKAGE_FILES); re-created here because the core may not import @yawar/db.
 */
const FILES = {
  departmentGeometries: 'departamento.geojson',
  provinceGeometries: 'provincias.geojson',
  districtGeometries: 'distritos.geojson',
  departments: 'ubigeo_departamento.csv',
  provinces: 'ubigeo_provincia.csv',
  districts: 'ubigeo_distrito.csv',
  census2017: 'poblacion_censo2017_distritos.csv',
  population2022: 'poblacion_2007_2022_distritos.csv',
  reunis2020: 'poblacion_reunis_2020_departamento.csv',
  establishments: 'establecimientos.csv',
  renaes: 'ipress_minsa_renaes.csv',
  populatedPlaces: 'centros_poblados.csv',
  laboratoryOverrides: 'laboratorio_excepciones.csv',
} as const satisfies Record<keyof ReferenceSources, string>;

const CAJAMARCA_DIR = new URL('../../../../data/cajamarca/', import.meta.url);

function text(file: string): string {
  return readFileSync(new URL(file, CAJAMARCA_DIR), 'utf8');
}

function csv(file: string): CsvSource {
  return { file, table: parseCsv(text(file)) };
}

function geojson(file: string): GeoJsonSource {
  return { file, data: JSON.parse(text(file)) as unknown };
}

const cajamarca: ReferenceSources = {
  departmentGeometries: geojson(FILES.departmentGeometries),
  provinceGeometries: geojson(FILES.provinceGeometries),
  districtGeometries: geojson(FILES.districtGeometries),
  departments: csv(FILES.departments),
  provinces: csv(FILES.provinces),
  districts: csv(FILES.districts),
  census2017: csv(FILES.census2017),
  population2022: csv(FILES.population2022),
  reunis2020: csv(FILES.reunis2020),
  establishments: csv(FILES.establishments),
  renaes: csv(FILES.renaes),
  populatedPlaces: csv(FILES.populatedPlaces),
  laboratoryOverrides: csv(FILES.laboratoryOverrides),
};

/** The establishment list alone: what TB_EESS says before RENAES is laid over it. */
const listOnly: ReferenceSources = { ...cajamarca, renaes: null };

function datasetOf(build: ReferenceBuild): ReferenceDataset {
  if (!build.ok)
    throw new Error(
      `expected a dataset, got errors:\n${JSON.stringify(build.errors.slice(0, 10), null, 2)}`,
    );
  return build.dataset;
}

function errorsOf(build: ReferenceBuild): readonly ImportIssue[] {
  if (build.ok) throw new Error('expected the build to fail');
  return build.errors;
}

// ---- Small in-memory edits of a parsed CSV (lines keep their physical numbers) ----

function cellIndex(source: CsvSource, column: string): number {
  const index = source.table.header.indexOf(column);
  if (index < 0) throw new Error(`${source.file} has no column ${column}`);
  return index;
}

/** The record that starts on `line` (establecimientos.csv has one line per record: line = index + 2). */
function recordAt(source: CsvSource, line: number): CsvRecord {
  const record = source.table.records.find((candidate) => candidate.line === line);
  if (!record) throw new Error(`${source.file} has no record on line ${line}`);
  return record;
}

function cell(source: CsvSource, line: number, column: string): string {
  return recordAt(source, line).values[cellIndex(source, column)] ?? '';
}

function withCells(
  source: CsvSource,
  edits: readonly (readonly [line: number, column: string, value: string])[],
): CsvSource {
  const records = source.table.records.map((record) => {
    const mine = edits.filter(([line]) => line === record.line);
    if (mine.length === 0) return record;
    const values = [...record.values];
    for (const [, column, value] of mine) values[cellIndex(source, column)] = value;
    return { line: record.line, values };
  });
  for (const [line] of edits) recordAt(source, line);
  return { file: source.file, table: { header: source.table.header, records } };
}

function withoutColumn(source: CsvSource, column: string): CsvSource {
  const index = cellIndex(source, column);
  const drop = <T>(values: readonly T[]): T[] => values.filter((_, i) => i !== index);
  return {
    file: source.file,
    table: {
      header: drop(source.table.header),
      records: source.table.records.map((record) => ({
        line: record.line,
        values: drop(record.values),
      })),
    },
  };
}

function withRecords(source: CsvSource, rows: readonly (readonly string[])[]): CsvSource {
  const last = source.table.records.at(-1)?.line ?? 1;
  const added = rows.map((values, i) => ({ line: last + 1 + i, values }));
  return {
    file: source.file,
    table: { header: source.table.header, records: [...source.table.records, ...added] },
  };
}

function withEstablishments(source: CsvSource): ReferenceSources {
  return { ...listOnly, establishments: source };
}

// ---- The real Cajamarca folder ----

describe('buildReferenceDataset on data/cajamarca, establishment list only', () => {
  const build = buildReferenceDataset(listOnly);
  const dataset = datasetOf(build);
  const establishmentsFile = cajamarca.establishments;

  it('builds without errors', () => {
    expect(build.ok).toBe(true);
  });

  it('has department 06 CAJAMARCA with 13 provinces and 127 districts, each with a polygon', () => {
    expect(dataset.department).toMatchObject({ ubigeo: '06', name: 'CAJAMARCA' });
    expect(dataset.department.geometry).not.toBeNull();
    expect(dataset.provinces).toHaveLength(13);
    expect(dataset.districts).toHaveLength(127);
    expect(new Set(dataset.districts.map((d) => d.ubigeo)).size).toBe(127);
    expect(dataset.districts.every((d) => d.geometry !== null && d.ubigeo.startsWith('06'))).toBe(
      true,
    );
    expect(dataset.provinces.every((p) => p.geometry !== null)).toBe(true);
  });

  it('has the populations of PROVENANCE.md: 2017 census 1,427,527 and INEI 2022 estimate 1,454,217', () => {
    const sum = (values: (number | null)[]): number =>
      values.reduce<number>((s, v) => s + (v ?? 0), 0);
    expect(sum(dataset.districts.map((d) => d.population2017))).toBe(1_427_527);
    expect(sum(dataset.districts.map((d) => d.population2022))).toBe(1_454_217);
  });

  it('estimates children 6–35 months for every district, adding up to the REUNIS 2020 total of 69,257', () => {
    const children = dataset.districts.map((d) => d.children6to35Months);
    expect(children.every((value) => value !== null && Number.isInteger(value) && value > 0)).toBe(
      true,
    );
    expect(children.reduce<number>((s, v) => s + (v ?? 0), 0)).toBe(69_257);
  });

  it('gives 060101 CAJAMARCA 9,995 children: 69,257 × 61,009 ÷ 422,740 = 9,995.03, rounded down', () => {
    const district = dataset.districts.find((d) => d.ubigeo === '060101');
    expect(district).toMatchObject({
      name: 'CAJAMARCA',
      provinceUbigeo: '0601',
      children6to35Months: 9_995,
    });
  });

  it('has 1,297 establishments, 1,141 of them with coordinates', () => {
    expect(dataset.establishments).toHaveLength(1_297);
    expect(new Set(dataset.establishments.map((e) => e.code)).size).toBe(1_297);
    expect(dataset.establishments.filter((e) => e.lat !== null && e.lon !== null)).toHaveLength(
      1_141,
    );
    expect(dataset.establishments.filter((e) => e.coordinateStatus === 'missing')).toHaveLength(
      156,
    );
  });

  it('counts establishments by category as in the source (I-1 663 … SD 145)', () => {
    const counts: Record<string, number> = {};
    for (const e of dataset.establishments) counts[e.category] = (counts[e.category] ?? 0) + 1;
    expect(counts).toEqual({
      'I-1': 663,
      'I-2': 253,
      'I-3': 200,
      'I-4': 19,
      'II-1': 14,
      'II-2': 2,
      'II-E': 1,
      SD: 145,
    });
  });

  it('flags as outside their district exactly the 41 rows with dentro_distrito_declarado = 0', () => {
    const declared = (value: string): Set<string> =>
      new Set(
        establishmentsFile.table.records
          .filter(
            (record) =>
              cell(establishmentsFile, record.line, 'dentro_distrito_declarado') === value,
          )
          .map((record) => cell(establishmentsFile, record.line, 'codigo_renipress')),
      );
    const withStatus = (status: string): Set<string> =>
      new Set(
        dataset.establishments.filter((e) => e.coordinateStatus === status).map((e) => e.code),
      );
    expect(withStatus('outside_district').size).toBe(41);
    expect(withStatus('outside_district')).toEqual(declared('0'));
    expect(withStatus('ok')).toEqual(declared('1'));
    expect(withStatus('missing')).toEqual(declared(''));
  });

  it('keeps the 41 outside points and warns about each at its row, without failing the build', () => {
    const outside = build.warnings.filter((w) => /outside its declared district/.test(w.reason));
    expect(outside).toHaveLength(41);
    for (const warning of outside) {
      expect(warning).toMatchObject({ file: 'establecimientos.csv', column: 'latitud' });
      const code = cell(establishmentsFile, warning.row, 'codigo_renipress');
      expect(cell(establishmentsFile, warning.row, 'dentro_distrito_declarado')).toBe('0');
      expect(warning.reason.startsWith(code)).toBe(true);
    }
  });

  it('reads establishment 00004612 CHILIMPAMPA as I-1 in district 060101, network CAJAMARCA', () => {
    const chilimpampa = dataset.establishments.find((e) => e.code === '00004612');
    expect(chilimpampa).toMatchObject({
      name: 'CHILIMPAMPA',
      category: 'I-1',
      districtUbigeo: '060101',
      network: 'CAJAMARCA',
      lat: -7.061936,
      lon: -78.586171,
      coordinateStatus: 'ok',
    });
  });

  it('reads "NO PERTENECE A NINGUNA RED" as no network (438 establishments)', () => {
    expect(dataset.establishments.filter((e) => e.network === null)).toHaveLength(438);
    expect(dataset.establishments.some((e) => /NINGUNA/.test(e.network ?? ''))).toBe(false);
  });

  it('has the 6,513 populated places, 194 urban', () => {
    expect(dataset.populatedPlaces).toHaveLength(6_513);
    expect(dataset.populatedPlaces.filter((p) => p.areaType === 'urban')).toHaveLength(194);
  });

  it('records every input file but RENAES as a source', () => {
    expect([...dataset.sources].sort()).toEqual(
      Object.values(FILES)
        .filter((file) => file !== FILES.renaes)
        .sort(),
    );
  });
});

describe('buildReferenceDataset on data/cajamarca with MINSA RENAES laid over the list', () => {
  const build = buildReferenceDataset(cajamarca);
  const dataset = datasetOf(build);
  const count = (keep: (e: ReferenceDataset['establishments'][number]) => boolean): number =>
    dataset.establishments.filter(keep).length;

  it('gives the 845 RENAES establishments their red, microred, executing unit and altitude', () => {
    expect(count((e) => e.inRenaes === true)).toBe(845);
    expect(count((e) => e.microred !== null)).toBe(822);
    expect(count((e) => e.executingUnitCode !== null)).toBe(829);
    // 18 rows have no COTA and 10 say 0 m, which no Cajamarca establishment stands at.
    expect(count((e) => e.altitudeM !== null)).toBe(817);
  });

  it('adds the one establishment only RENAES lists and keeps the 453 it does not list', () => {
    expect(dataset.establishments).toHaveLength(1_298);
    expect(count((e) => e.inRenaes === false)).toBe(453);
    expect(count((e) => e.inRenaes === false && e.executingUnitCode !== null)).toBe(0);
  });

  it('takes the executing units from the data: the 10 codes RENAES names, with their counts', () => {
    const units = Object.fromEntries(
      dataset.executingUnits.map((u) => [u.code, count((e) => e.executingUnitCode === u.code)]),
    );
    expect(units).toEqual({
      '785': 233,
      '786': 159,
      '787': 183,
      '788': 78,
      '999': 1,
      '1047': 1,
      '1539': 1,
      '1654': 84,
      '1662': 50,
      '1671': 39,
    });
    expect(dataset.executingUnits.find((u) => u.code === '788')?.evidence).toMatch(
      /RENAES.*78 establishment/,
    );
  });

  it('reads 00007050 AMBATO under red CUTERVO (code 13), microred CHIPLE (code 3), UE 787, 1,724 m', () => {
    expect(dataset.establishments.find((e) => e.code === '00007050')).toMatchObject({
      network: 'CUTERVO',
      networkCode: '13',
      microred: 'CHIPLE',
      microredCode: '3',
      executingUnitCode: '787',
      institution: 'GOBIERNO REGIONAL',
      altitudeM: 1724,
    });
  });

  it("restores the letters RENAES lost in microred names from the department's own names", () => {
    const microreds = new Set(dataset.establishments.map((e) => e.microred));
    expect(microreds).toContain('BAÑOS DEL INCA');
    expect(microreds).toContain('ENCAÑADA');
    expect([...microreds].some((name) => name?.includes('\uFFFD'))).toBe(false);
  });

  it('keeps both values where the registries disagree, and says which one won', () => {
    const chota = dataset.establishments.find((e) => e.code === '00004660');
    expect(chota?.discrepancies).toEqual([
      {
        field: 'coordinates',
        chosen: '-6.465700, -78.730310',
        chosenSource: 'RENAES 2025',
        other: '-6.562445, -78.647384',
        otherSource: 'TB_EESS ≈2021',
      },
    ]);
    const fields: Record<string, number> = {};
    for (const e of dataset.establishments)
      for (const d of e.discrepancies) fields[d.field] = (fields[d.field] ?? 0) + 1;
    expect(fields).toEqual({ category: 33, network: 18, coordinates: 28 });
  });

  it('takes the RENAES category over the older list where they differ', () => {
    const differing = dataset.establishments.flatMap((e) =>
      e.discrepancies.filter((d) => d.field === 'category').map((d) => ({ e, d })),
    );
    for (const { e, d } of differing) {
      expect(e.category).toBe(d.chosen);
      expect(d.chosenSource).toBe('RENAES 2025');
    }
  });

  it('refuses a RENAES row of another department with its line', () => {
    const renaes = withCells(cajamarca.renaes as CsvSource, [[2, 'UBIGEO', '150101']]);
    expect(errorsOf(buildReferenceDataset({ ...cajamarca, renaes }))).toContainEqual({
      file: 'ipress_minsa_renaes.csv',
      row: 2,
      column: 'UBIGEO',
      reason: '150101 is not a district of this department',
    });
  });

  it('refuses a RENAES point outside Peru and an unknown category with row and column', () => {
    const renaes = withCells(cajamarca.renaes as CsvSource, [
      [3, 'NORTE', '12.5'],
      [4, 'Categoría', 'I-9'],
    ]);
    const errors = errorsOf(buildReferenceDataset({ ...cajamarca, renaes }));
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'NORTE'],
      [4, 'Categoría'],
    ]);
  });
});

// ---- Malformed inputs ----

/** Rows of establecimientos.csv used below: line 2 is 00004612 CHILIMPAMPA, line 3 00004613 GRANJA PORCON. */
describe('buildReferenceDataset on malformed inputs', () => {
  const file = 'establecimientos.csv';
  const base = cajamarca.establishments;

  it('reports a missing required column at row 1 with the column name', () => {
    const errors = errorsOf(
      buildReferenceDataset(withEstablishments(withoutColumn(base, 'ubigeo_inei'))),
    );
    expect(errors).toEqual([
      { file, row: 1, column: 'ubigeo_inei', reason: 'required column is missing' },
    ]);
  });

  it('reports every missing column, not just the first', () => {
    const source = withoutColumn(withoutColumn(base, 'latitud'), 'categoria');
    const errors = errorsOf(buildReferenceDataset(withEstablishments(source)));
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [1, 'categoria'],
      [1, 'latitud'],
    ]);
  });

  it('reports a malformed ubigeo at its row and column', () => {
    const errors = errorsOf(
      buildReferenceDataset(withEstablishments(withCells(base, [[10, 'ubigeo_inei', '06X101']]))),
    );
    expect(errors).toEqual([
      { file, row: 10, column: 'ubigeo_inei', reason: '"06X101" is not a code of up to 6 digits' },
    ]);
  });

  it('reports a well-formed ubigeo that is no district of the department', () => {
    const errors = errorsOf(
      buildReferenceDataset(withEstablishments(withCells(base, [[11, 'ubigeo_inei', '069999']]))),
    );
    expect(errors).toEqual([
      {
        file,
        row: 11,
        column: 'ubigeo_inei',
        reason: '069999 is not a district of this department',
      },
    ]);
  });

  it('reads (0, 0) as no coordinates, with a warning at its row', () => {
    const build = buildReferenceDataset(
      withEstablishments(
        withCells(base, [
          [2, 'latitud', '0'],
          [2, 'longitud', '0'],
        ]),
      ),
    );
    const dataset = datasetOf(build);
    expect(dataset.establishments.find((e) => e.code === '00004612')).toMatchObject({
      lat: null,
      lon: null,
      coordinateStatus: 'missing',
    });
    expect(build.warnings).toContainEqual({
      file,
      row: 2,
      column: 'latitud',
      reason: '(0, 0) stands for no coordinates; kept as missing',
    });
  });

  it('reads INEI\'s "S.I." (sin información) as an empty number', () => {
    const districts = withCells(cajamarca.districts, [[2, 'superficie', 'S.I.']]);
    const dataset = datasetOf(buildReferenceDataset({ ...listOnly, districts }));
    const row = cell(cajamarca.districts, 2, 'inei').padStart(6, '0');
    expect(dataset.districts.find((d) => d.ubigeo === row)?.areaKm2).toBeNull();
  });

  it('accepts a ubigeo whose leading zero a spreadsheet dropped', () => {
    const dataset = datasetOf(
      buildReferenceDataset(withEstablishments(withCells(base, [[2, 'ubigeo_inei', '60101']]))),
    );
    expect(dataset.establishments.find((e) => e.code === '00004612')?.districtUbigeo).toBe(
      '060101',
    );
  });

  it.each([
    [
      'a latitude that is not a number',
      [[12, 'latitud', 'abc']],
      'latitud',
      /"abc" is not a number/,
    ],
    ['a latitude beyond 90°', [[13, 'latitud', '95']], 'latitud', /95 is outside -90…90/],
    ['a longitude beyond 180°', [[13, 'longitud', '-200']], 'longitud', /-200 is outside -180…180/],
    [
      'a point in Brazil (Manaus)',
      [
        [14, 'latitud', '-3.119'],
        [14, 'longitud', '-60.0217'],
      ],
      'latitud',
      /outside Peru/,
    ],
    [
      'swapped coordinates',
      [
        [14, 'latitud', '-78.586171'],
        [14, 'longitud', '-7.061936'],
      ],
      'latitud',
      /outside Peru; are latitude and longitude swapped/,
    ],
    [
      'a latitude without longitude',
      [[15, 'longitud', '']],
      'longitud',
      /is empty while the other coordinate is given/,
    ],
    [
      'a longitude without latitude',
      [[15, 'latitud', '']],
      'latitud',
      /is empty while the other coordinate is given/,
    ],
  ] as const)('reports %s at its row and column', (_, edits, column, reason) => {
    const row = edits[0][0];
    expect(cell(base, row, 'latitud')).not.toBe('');
    const errors = errorsOf(buildReferenceDataset(withEstablishments(withCells(base, edits))));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file, row, column });
    expect(errors[0]?.reason).toMatch(reason);
  });

  it('reports a duplicated RENIPRESS code at the second occurrence', () => {
    const errors = errorsOf(
      buildReferenceDataset(
        withEstablishments(withCells(base, [[3, 'codigo_renipress', '00004612']])),
      ),
    );
    expect(errors).toEqual([
      { file, row: 3, column: 'codigo_renipress', reason: '00004612 appears more than once' },
    ]);
  });

  it('reports a duplicate even when the code lost its leading zeros', () => {
    const copy = [...recordAt(base, 2).values];
    copy[cellIndex(base, 'codigo_renipress')] = '4612';
    const source = withRecords(base, [copy]);
    const errors = errorsOf(buildReferenceDataset(withEstablishments(source)));
    expect(errors).toEqual([
      { file, row: 1299, column: 'codigo_renipress', reason: '00004612 appears more than once' },
    ]);
  });

  it('reports an unknown category', () => {
    const errors = errorsOf(
      buildReferenceDataset(withEstablishments(withCells(base, [[16, 'categoria', 'I-9']]))),
    );
    expect(errors).toEqual([
      { file, row: 16, column: 'categoria', reason: '"I-9" is not an NTS 021 category' },
    ]);
  });

  it('reports a record with the wrong number of cells', () => {
    const source = withRecords(base, [['00099999', 'X', 'I-1']]);
    const errors = errorsOf(buildReferenceDataset(withEstablishments(source)));
    expect(errors).toEqual([
      { file, row: 1299, column: null, reason: 'has 3 cells, the header has 14' },
    ]);
  });

  it('reports every error of every file in one run, not just the first', () => {
    const establishments = withCells(base, [
      [10, 'ubigeo_inei', '06X101'],
      [11, 'ubigeo_inei', '069999'],
      [12, 'latitud', 'abc'],
      [13, 'latitud', '95'],
      [14, 'latitud', '-3.119'],
      [14, 'longitud', '-60.0217'],
      [15, 'longitud', ''],
      [3, 'codigo_renipress', '00004612'],
      [16, 'categoria', 'I-9'],
      // Two errors in one row are both reported.
      [17, 'categoria', 'X-1'],
      [17, 'latitud', 'norte'],
    ]);
    const places = withCells(cajamarca.populatedPlaces as CsvSource, [
      [5, 'inei_distrito', '069999'],
    ]);
    const build = buildReferenceDataset({ ...cajamarca, establishments, populatedPlaces: places });
    expect(build.ok).toBe(false);
    const located = errorsOf(build).map((e) => `${e.file}:${e.row}:${e.column}`);
    expect(located.sort()).toEqual(
      [
        `${file}:10:ubigeo_inei`,
        `${file}:11:ubigeo_inei`,
        `${file}:12:latitud`,
        `${file}:13:latitud`,
        `${file}:14:latitud`,
        `${file}:15:longitud`,
        `${file}:3:codigo_renipress`,
        `${file}:16:categoria`,
        `${file}:17:categoria`,
        `${file}:17:latitud`,
        'centros_poblados.csv:5:inei_distrito',
      ].sort(),
    );
    // A failed build carries the warnings too (the 41 points outside their district).
    expect(
      build.warnings.filter((w) => /outside its declared district/.test(w.reason)).length,
    ).toBeGreaterThan(30);
  });

  it('fails the whole build, never half of it, for one bad row', () => {
    const build = buildReferenceDataset(
      withEstablishments(withCells(base, [[1298, 'categoria', 'I-9']])),
    );
    expect(build.ok).toBe(false);
    expect('dataset' in build).toBe(false);
  });
});

describe('laboratory overrides file', () => {
  const header = ['codigo_renipress', 'tiene_laboratorio', 'motivo'];
  const overrides = (rows: string[][]): CsvSource => ({
    file: 'laboratorio_excepciones.csv',
    table: { header, records: rows.map((values, i) => ({ line: i + 2, values })) },
  });

  it('reads si/no answers for establishments of the department', () => {
    const source = overrides([
      ['4612', 'si', 'Laboratorio implementado'],
      ['00004613', 'No', 'sin personal'],
    ]);
    const dataset = datasetOf(buildReferenceDataset({ ...cajamarca, laboratoryOverrides: source }));
    expect(dataset.laboratoryOverrides).toEqual([
      { establishmentCode: '00004612', hasLaboratory: true, reason: 'Laboratorio implementado' },
      { establishmentCode: '00004613', hasLaboratory: false, reason: 'sin personal' },
    ]);
  });

  it('rejects unknown establishments, answers other than si/no and a missing reason', () => {
    const source = overrides([
      ['99999999', 'si', 'x'],
      ['00004612', 'tal vez', 'x'],
      ['00004613', 'no', ''],
    ]);
    const errors = errorsOf(buildReferenceDataset({ ...cajamarca, laboratoryOverrides: source }));
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'codigo_renipress'],
      [3, 'tiene_laboratorio'],
      [4, 'motivo'],
    ]);
  });
});
