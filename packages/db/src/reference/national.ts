import fs from 'node:fs';
import {
  ESTABLISHMENT_COLUMNS,
  type CsvRecord,
  type CsvSource,
  type GeoJsonSource,
  type ReferenceSources,
} from '@yawar/core';
import { inDir, readAll, readCsvFile, readGeoJsonFile, SourceFileError } from './read-files.js';

/**
 * Builds one department's reference sources from the national files in data/peru, so the pilot
 * can be repeated in any region. Rows keep their line numbers in the national file, so an error
 * points at the line to fix there. Populated places come from centros_poblados/<code>.csv where
 * that file exists (INEI's national directory is not shipped; see data/peru/PROVENANCE.md).
 */
export function buildDepartmentFromNational(
  peruDir: string,
  departmentCode: string,
): ReferenceSources {
  const code = normaliseDepartmentCode(peruDir, departmentCode);
  const f = (name: string): string => inDir(peruDir, name);
  const files = readAll({
    departments: () => readCsvFile(f('ubigeo_departamento.csv')),
    provinces: () => readCsvFile(f('ubigeo_provincia.csv')),
    districts: () => readCsvFile(f('ubigeo_distrito.csv')),
    departmentGeometries: () => readGeoJsonFile(f('departamentos.geojson')),
    provinceGeometries: () => readGeoJsonFile(f('provincias.geojson')),
    districtGeometries: () => readGeoJsonFile(f('distritos.geojson')),
    census2017: () => readCsvFile(f('poblacion_censo2017_distritos.csv')),
    population2022: () => readCsvFile(f('poblacion_2007_2022_distritos.csv')),
    reunis2020: () => readCsvFile(f('poblacion_reunis_2020_departamentos.csv')),
    establishments: () => readCsvFile(f('TB_EESS.csv')),
    ubigeoIds: () => readCsvFile(f('TB_UBIGEOS.csv')),
    renaes: () => readCsvFile(f('ipress_minsa_nacional_2025.csv')),
  });
  const inDepartment = (value: string, digits: number): boolean =>
    value.padStart(digits, '0').startsWith(code);
  const placesFile = f(`centros_poblados/${code}.csv`);
  return {
    departments: filterRows(files.departments, 'inei', (v) => v === `${code}0000`),
    provinces: filterRows(files.provinces, 'inei', (v) => inDepartment(v, 6)),
    districts: filterRows(files.districts, 'inei', (v) => inDepartment(v, 6)),
    departmentGeometries: filterFeatures(files.departmentGeometries, 'FIRST_IDDP', code),
    provinceGeometries: filterFeatures(files.provinceGeometries, 'FIRST_IDPR', code),
    districtGeometries: filterFeatures(files.districtGeometries, 'IDDIST', code),
    census2017: filterRows(files.census2017, 'UBIGEO', (v) => inDepartment(v, 6)),
    population2022: filterRows(files.population2022, 'ubigeo', (v) => inDepartment(v, 6)),
    reunis2020: filterRows(files.reunis2020, 'ubigeo', (v) => v === code),
    establishments: establishmentsOfDepartment(files.establishments, files.ubigeoIds, code),
    renaes: filterRows(files.renaes, 'UBIGEO', (v) => inDepartment(v, 6)),
    populatedPlaces: fs.existsSync(placesFile) ? readCsvFile(placesFile) : null,
    laboratoryOverrides: null,
  };
}

function normaliseDepartmentCode(peruDir: string, value: string): string {
  const code = value.trim().padStart(2, '0');
  if (!/^\d{2}$/.test(code) || Number(code) < 1 || Number(code) > 25) {
    throw new SourceFileError([
      {
        file: inDir(peruDir, 'ubigeo_departamento.csv'),
        row: 0,
        column: 'inei',
        reason: `"${value}" is not a department code (01–25)`,
      },
    ]);
  }
  return code;
}

function column(source: CsvSource, name: string): number {
  const index = source.table.header.indexOf(name);
  if (index < 0)
    throw new SourceFileError([
      { file: source.file, row: 1, column: name, reason: 'required column is missing' },
    ]);
  return index;
}

function filterRows(source: CsvSource, name: string, keep: (value: string) => boolean): CsvSource {
  const index = column(source, name);
  const records = source.table.records.filter((record) =>
    keep((record.values[index] ?? '').trim()),
  );
  return { file: source.file, table: { header: source.table.header, records } };
}

function filterFeatures(source: GeoJsonSource, property: string, prefix: string): GeoJsonSource {
  const data = source.data as {
    type?: string;
    features?: { properties?: Record<string, unknown> }[];
  };
  if (!Array.isArray(data?.features)) return source;
  const features = data.features.filter((feature) =>
    String(feature.properties?.[property] ?? '').startsWith(prefix),
  );
  return { file: source.file, data: { ...data, features } };
}

/** TB_EESS names that differ from the department-folder layout (the others are the same). */
const TB_EESS_COLUMN: Readonly<Record<string, string>> = { codigo_renipress: 'codigo_renaes' };

/**
 * MINSA's TB_EESS refers to districts by an internal id; TB_UBIGEOS maps it to the INEI ubigeo.
 * The result has the columns of eess_cajamarca.csv so one validator serves both paths.
 */
function establishmentsOfDepartment(eess: CsvSource, ubigeos: CsvSource, code: string): CsvSource {
  const idColumn = column(ubigeos, 'id_ubigeo');
  const ineiColumn = column(ubigeos, 'ubigeo_inei');
  const ineiById = new Map(
    ubigeos.table.records.map((r) => [r.values[idColumn] ?? '', r.values[ineiColumn] ?? '']),
  );
  const get = (record: CsvRecord, name: string): string => record.values[column(eess, name)] ?? '';
  const records = eess.table.records
    .map((record) => ({ record, inei: ineiById.get(get(record, 'id_ubigeo')) ?? '' }))
    .filter(({ inei }) => inei.startsWith(code))
    .map(({ record, inei }) => ({
      line: record.line,
      values: ESTABLISHMENT_COLUMNS.map((name) =>
        name === 'ubigeo_inei' ? inei : get(record, TB_EESS_COLUMN[name] ?? name),
      ),
    }));
  return { file: eess.file, table: { header: ESTABLISHMENT_COLUMNS, records } };
}
