import type { ReferenceSources } from '@yawar/core';
import { inDir, optionalCsvFile, readAll, readCsvFile, readGeoJsonFile } from './read-files.js';

/**
 * The layout of a department's reference folder (data/cajamarca is one). File formats are those of
 * the public sources they come from; data/cajamarca/PROVENANCE.md documents each.
 */
export const DEPARTMENT_PACKAGE_FILES = {
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

/** Reads a department folder; the last three files are optional. Throws SourceFileError. */
export function readDepartmentPackage(dir: string): ReferenceSources {
  const f = (key: keyof typeof DEPARTMENT_PACKAGE_FILES): string =>
    inDir(dir, DEPARTMENT_PACKAGE_FILES[key]);
  return readAll<ReferenceSources>({
    departmentGeometries: () => readGeoJsonFile(f('departmentGeometries')),
    provinceGeometries: () => readGeoJsonFile(f('provinceGeometries')),
    districtGeometries: () => readGeoJsonFile(f('districtGeometries')),
    departments: () => readCsvFile(f('departments')),
    provinces: () => readCsvFile(f('provinces')),
    districts: () => readCsvFile(f('districts')),
    census2017: () => readCsvFile(f('census2017')),
    population2022: () => readCsvFile(f('population2022')),
    reunis2020: () => readCsvFile(f('reunis2020')),
    establishments: () => readCsvFile(f('establishments')),
    renaes: () => optionalCsvFile(f('renaes')),
    populatedPlaces: () => optionalCsvFile(f('populatedPlaces')),
    laboratoryOverrides: () => optionalCsvFile(f('laboratoryOverrides')),
  });
}
