import { readRecords, type CsvSource } from './cells.js';
import {
  apportionByWeight,
  departmentChildren6to35,
  type DepartmentChildPopulation,
} from './children-estimate.js';
import { readAreaGeometries, type GeoJsonSource } from './geojson-source.js';
import type { IssueLog } from './issues.js';
import type { DepartmentRecord, DistrictRecord, ProvinceRecord } from './types.js';

/** Limits that catch unit and column mix-ups (Peru's land spans about 0–6,800 m). */
const ALTITUDE_M = [-100, 7000] as const;
const MAX_AREA_KM2 = 1_300_000;

export interface TerritorySources {
  readonly departmentGeometries: GeoJsonSource;
  readonly provinceGeometries: GeoJsonSource;
  readonly districtGeometries: GeoJsonSource;
  /** Castagnetto/INEI ubigeo tables (columns inei, departamento, provincia, distrito, …). */
  readonly departments: CsvSource;
  readonly provinces: CsvSource;
  readonly districts: CsvSource;
  /** INEI 2017 census by district (GeoGPSPerú compilation: UBIGEO, POBTOTAL, POB_0_14). */
  readonly census2017: CsvSource;
  /** INEI 2022 district estimates (ubigeo, p2022). */
  readonly population2022: CsvSource;
  /** MINSA REUNIS 2020 department single ages (ubigeo, edad_6_11_meses, edad_1, edad_2). */
  readonly reunis2020: CsvSource;
}

export interface Territory {
  readonly department: DepartmentRecord;
  readonly provinces: ProvinceRecord[];
  readonly districts: DistrictRecord[];
}

export function readTerritory(sources: TerritorySources, log: IssueLog): Territory | null {
  const department = readDepartment(sources, log);
  if (!department) return null;
  const provinces = readProvinces(sources, department.ubigeo, log);
  const provinceCodes = new Set(provinces.map((province) => province.ubigeo));
  const districts = readDistricts(sources, department.ubigeo, provinceCodes, log);
  return { department, provinces, districts };
}

function readDepartment(sources: TerritorySources, log: IssueLog): DepartmentRecord | null {
  const geometries = readAreaGeometries(sources.departmentGeometries, 'FIRST_IDDP', 2, log);
  const rows = readRecords(
    sources.departments,
    ['inei', 'departamento', 'capital', 'superficie'],
    log,
    (cells) => {
      const code = cells.code('inei', 6);
      const name = cells.text('departamento');
      const areaKm2 = cells.optionalNumber('superficie', 0, MAX_AREA_KM2);
      if (code === undefined || name === undefined || areaKm2 === undefined) return undefined;
      if (!code.endsWith('0000'))
        return cells.fail('inei', `${code} is not a department code (NN0000)`);
      const ubigeo = code.slice(0, 2);
      return {
        ubigeo,
        name,
        capital: cells.optionalText('capital'),
        areaKm2,
        geometry: geometries.get(ubigeo) ?? null,
      };
    },
  );
  if (rows.length !== 1 && log.errors.length === 0) {
    log.error(
      sources.departments.file,
      0,
      null,
      `must describe exactly one department, found ${rows.length}`,
    );
  }
  return rows.length === 1 ? (rows[0] ?? null) : null;
}

function readProvinces(
  sources: TerritorySources,
  department: string,
  log: IssueLog,
): ProvinceRecord[] {
  const geometries = readAreaGeometries(sources.provinceGeometries, 'FIRST_IDPR', 4, log);
  return readRecords(
    sources.provinces,
    ['inei', 'provincia', 'capital', 'superficie'],
    log,
    (cells) => {
      const code = cells.code('inei', 6);
      const name = cells.text('provincia');
      const areaKm2 = cells.optionalNumber('superficie', 0, MAX_AREA_KM2);
      if (code === undefined || name === undefined || areaKm2 === undefined) return undefined;
      if (!code.startsWith(department) || !code.endsWith('00')) {
        return cells.fail('inei', `${code} is not a province of department ${department}`);
      }
      const ubigeo = code.slice(0, 4);
      return {
        ubigeo,
        departmentUbigeo: department,
        name,
        capital: cells.optionalText('capital'),
        areaKm2,
        geometry: geometries.get(ubigeo) ?? null,
      };
    },
  );
}

function readDistricts(
  sources: TerritorySources,
  department: string,
  provinces: ReadonlySet<string>,
  log: IssueLog,
): DistrictRecord[] {
  const geometries = readAreaGeometries(sources.districtGeometries, 'IDDIST', 6, log);
  const census = readCensus(sources.census2017, log);
  const estimates2022 = readPopulation2022(sources.population2022, log);
  const districts = readRecords(sources.districts, DISTRICT_COLUMNS, log, (cells) => {
    const ubigeo = cells.code('inei', 6);
    const name = cells.text('distrito');
    const numbers = {
      capitalAltitudeM: cells.optionalNumber('altitude', ...ALTITUDE_M),
      capitalLat: cells.optionalNumber('latitude', -90, 90),
      capitalLon: cells.optionalNumber('longitude', -180, 180),
      areaKm2: cells.optionalNumber('superficie', 0, MAX_AREA_KM2),
      povertyPct: cells.optionalNumber('pct_pobreza_total', 0, 100),
      extremePovertyPct: cells.optionalNumber('pct_pobreza_extrema', 0, 100),
      idh: cells.optionalNumber('idh_2019', 0, 1),
    };
    if (ubigeo === undefined || name === undefined || !cells.ok) return undefined;
    const provinceUbigeo = ubigeo.slice(0, 4);
    if (!provinces.has(provinceUbigeo))
      return cells.fail('inei', `${ubigeo} is in no province of department ${department}`);
    return {
      ubigeo,
      provinceUbigeo,
      name,
      capital: cells.optionalText('capital'),
      ...(numbers as { [K in keyof typeof numbers]: number | null }),
      population2017: census.get(ubigeo)?.total ?? null,
      population2022: estimates2022.get(ubigeo) ?? null,
      children6to35Months: null,
      geometry: geometries.get(ubigeo) ?? null,
    } satisfies DistrictRecord;
  });
  warnAboutMissingPolygons(sources.districtGeometries.file, districts, log);
  const children = estimateChildren(sources.reunis2020, department, districts, census, log);
  return districts.map((district) => ({
    ...district,
    children6to35Months: children.get(district.ubigeo) ?? null,
  }));
}

const DISTRICT_COLUMNS = [
  'inei',
  'distrito',
  'capital',
  'superficie',
  'altitude',
  'latitude',
  'longitude',
  'idh_2019',
  'pct_pobreza_total',
  'pct_pobreza_extrema',
];

function warnAboutMissingPolygons(
  file: string,
  districts: readonly DistrictRecord[],
  log: IssueLog,
): void {
  for (const district of districts) {
    if (!district.geometry)
      log.warn(file, 0, 'IDDIST', `district ${district.ubigeo} ${district.name} has no polygon`);
  }
}

interface CensusRow {
  readonly total: number | null;
  readonly children0to14: number | null;
}

function readCensus(source: CsvSource, log: IssueLog): Map<string, CensusRow> {
  const rows = readRecords(source, ['UBIGEO', 'POBTOTAL', 'POB_0_14'], log, (cells) => {
    const ubigeo = cells.code('UBIGEO', 6);
    const total = cells.optionalNumber('POBTOTAL', 0, 20_000_000);
    const children0to14 = cells.optionalNumber('POB_0_14', 0, 20_000_000);
    if (ubigeo === undefined || total === undefined || children0to14 === undefined)
      return undefined;
    return [ubigeo, { total, children0to14 }] as const;
  });
  return new Map(rows);
}

function readPopulation2022(source: CsvSource, log: IssueLog): Map<string, number | null> {
  const rows = readRecords(source, ['ubigeo', 'p2022'], log, (cells) => {
    const ubigeo = cells.code('ubigeo', 6);
    const population = cells.optionalNumber('p2022', 0, 20_000_000);
    if (ubigeo === undefined || population === undefined) return undefined;
    return [ubigeo, population] as const;
  });
  return new Map(rows);
}

function estimateChildren(
  source: CsvSource,
  department: string,
  districts: readonly DistrictRecord[],
  census: ReadonlyMap<string, CensusRow>,
  log: IssueLog,
): Map<string, number | null> {
  const rows = readRecords(
    source,
    ['ubigeo', 'edad_6_11_meses', 'edad_1', 'edad_2'],
    log,
    (cells) => {
      const ubigeo = cells.code('ubigeo', 2);
      const months6to11 = cells.optionalNumber('edad_6_11_meses', 0, 10_000_000);
      const age1 = cells.optionalNumber('edad_1', 0, 10_000_000);
      const age2 = cells.optionalNumber('edad_2', 0, 10_000_000);
      if (ubigeo !== department || months6to11 == null || age1 == null || age2 == null)
        return undefined;
      return { months6to11, age1, age2 } satisfies DepartmentChildPopulation;
    },
  );
  const departmentRow = rows[0];
  if (!departmentRow) {
    log.error(source.file, 0, null, `has no complete row for department ${department}`);
    return new Map();
  }
  const weights = new Map(
    districts.map((d) => [d.ubigeo, census.get(d.ubigeo)?.children0to14 ?? null]),
  );
  return apportionByWeight(departmentChildren6to35(departmentRow), weights);
}
