import { degreesToBoundary, geometryContains, type LonLat } from '../geo/geometry.js';
import { readRecords, type CellReader, type CsvSource } from './cells.js';
import { isEstablishmentCategory } from './categories.js';
import type { IssueLog } from './issues.js';
import { sourceLabel } from './sources.js';
import type {
  CoordinateStatus,
  DistrictRecord,
  EstablishmentRecord,
  ExecutingUnitRecord,
} from './types.js';

/**
 * A point within this distance of its declared district still counts as inside it: the district
 * map is INEI's simplified 2007 one, and the shared data's own check used the same 0.01° buffer.
 */
export const DISTRICT_TOLERANCE_DEGREES = 0.01;

/** Peru's extent with a margin; a point outside is a data-entry error, not a remote post. */
const PERU = { minLat: -18.6, maxLat: 0.1, minLon: -81.5, maxLon: -68.4 };

/** MINSA writes "no network" as a value; it is the absence of one. */
const NO_NETWORK = /^NO PERTENECE A NINGUNA (RED|MICRO ?RED)$/;

export const ESTABLISHMENT_COLUMNS = [
  'codigo_renipress',
  'nombre',
  'categoria',
  'red',
  'direccion',
  'ubigeo_inei',
  'latitud',
  'longitud',
];

export interface EstablishmentSources {
  /** Establishments in the layout of eess_cajamarca.csv (MINSA TB_EESS joined with TB_UBIGEOS). */
  readonly establishments: CsvSource;
  /** RENIPRESS export of public hospitals (institution, microred, UE, altitude COTA). */
  readonly hospitals: CsvSource | null;
  /** Executing units known for the department, with the evidence for each. */
  readonly executingUnits: CsvSource | null;
  /** Network (red) → executing unit, where the evidence allows it. */
  readonly networkExecutingUnits: CsvSource | null;
}

export function readEstablishments(
  sources: EstablishmentSources,
  districts: readonly DistrictRecord[],
  executingUnits: readonly ExecutingUnitRecord[],
  log: IssueLog,
): EstablishmentRecord[] {
  const districtsByCode = new Map(districts.map((district) => [district.ubigeo, district]));
  const hospitals = sources.hospitals
    ? readHospitalDetails(sources.hospitals, log)
    : new Map<string, HospitalDetails>();
  const unitCodes = new Set(executingUnits.map((unit) => unit.code));
  const unitByNetwork = sources.networkExecutingUnits
    ? readNetworkUnits(sources.networkExecutingUnits, unitCodes, log)
    : new Map<string, string>();
  const seen = new Set<string>();
  const file = sources.establishments.file;

  return readRecords(sources.establishments, ESTABLISHMENT_COLUMNS, log, (cells) => {
    const code = cells.code('codigo_renipress', 8);
    const name = cells.text('nombre');
    const category = readCategory(cells);
    const districtUbigeo = cells.code('ubigeo_inei', 6);
    const point = readPoint(cells);
    if (!code || !name || !category || !districtUbigeo || point === undefined) return undefined;
    if (seen.has(code)) return cells.fail('codigo_renipress', `${code} appears more than once`);
    seen.add(code);
    const district = districtsByCode.get(districtUbigeo);
    if (!district)
      return cells.fail('ubigeo_inei', `${districtUbigeo} is not a district of this department`);
    const status = coordinateStatus(point, district);
    if (status === 'outside_district') {
      log.warn(
        file,
        cells.line,
        'latitud',
        `${code} lies outside its declared district ${districtUbigeo}; kept and flagged`,
      );
    }
    const network = noneIfNoNetwork(cells.optionalText('red'));
    const hospital = hospitals.get(code);
    const unitCode =
      hospital?.executingUnitCode ?? (network ? (unitByNetwork.get(network) ?? null) : null);
    return {
      code,
      name,
      category,
      institution: hospital?.institution ?? null,
      network,
      microred: hospital?.microred ?? null,
      districtUbigeo,
      executingUnitCode: unitCode !== null && unitCodes.has(unitCode) ? unitCode : null,
      address: cells.optionalText('direccion'),
      lat: point?.lat ?? null,
      lon: point?.lon ?? null,
      altitudeM: hospital?.altitudeM ?? null,
      coordinateStatus: status,
      source: hospital
        ? `${sourceLabel(file)}; ${sourceLabel(sources.hospitals?.file ?? '')}`
        : sourceLabel(file),
    } satisfies EstablishmentRecord;
  });
}

function readCategory(cells: CellReader): string | undefined {
  const category = cells.text('categoria');
  if (category === undefined) return undefined;
  return isEstablishmentCategory(category)
    ? category
    : cells.fail('categoria', `"${category}" is not an NTS 021 category`);
}

/** Both coordinates or neither; null means no coordinates (kept, flagged "missing"). */
function readPoint(cells: CellReader): LonLat | null | undefined {
  const lat = cells.optionalNumber('latitud', -90, 90);
  const lon = cells.optionalNumber('longitud', -180, 180);
  if (lat === undefined || lon === undefined) return undefined;
  if (lat === null && lon === null) return null;
  if (lat === null || lon === null)
    return cells.fail(
      lat === null ? 'latitud' : 'longitud',
      'is empty while the other coordinate is given',
    );
  if (lat < PERU.minLat || lat > PERU.maxLat || lon < PERU.minLon || lon > PERU.maxLon) {
    return cells.fail(
      'latitud',
      `(${lat}, ${lon}) is outside Peru; are latitude and longitude swapped?`,
    );
  }
  return { lat, lon };
}

export function coordinateStatus(point: LonLat | null, district: DistrictRecord): CoordinateStatus {
  if (!point) return 'missing';
  if (!district.geometry) return 'ok';
  const inside =
    geometryContains(district.geometry, point) ||
    degreesToBoundary(district.geometry, point) <= DISTRICT_TOLERANCE_DEGREES;
  return inside ? 'ok' : 'outside_district';
}

function noneIfNoNetwork(value: string | null): string | null {
  return value === null || NO_NETWORK.test(value.toUpperCase()) ? null : value.toUpperCase();
}

interface HospitalDetails {
  readonly institution: string | null;
  readonly microred: string | null;
  readonly executingUnitCode: string | null;
  readonly altitudeM: number | null;
}

/**
 * The RENIPRESS hospital export. Its NORTE/ESTE labels are swapped upstream and accents were lost,
 * so only codes, institution, microred, executing unit and altitude (COTA) are taken from it.
 */
function readHospitalDetails(source: CsvSource, log: IssueLog): Map<string, HospitalDetails> {
  const rows = readRecords(
    source,
    ['Codigo Unico', 'Institucion', 'Microrred', 'Código UE', 'COTA'],
    log,
    (cells) => {
      const code = cells.code('Codigo Unico', 8);
      const altitudeM = cells.optionalNumber('COTA', -100, 7000);
      const unit = cells.raw('Código UE').replace(/\.0+$/, '');
      if (code === undefined || altitudeM === undefined) return undefined;
      const details: HospitalDetails = {
        institution: cells.optionalText('Institucion'),
        microred: noneIfNoNetwork(cells.optionalText('Microrred')),
        executingUnitCode: /^[1-9]\d*$/.test(unit) ? unit : null,
        altitudeM,
      };
      return [code, details] as const;
    },
  );
  return new Map(rows);
}

function readNetworkUnits(
  source: CsvSource,
  unitCodes: ReadonlySet<string>,
  log: IssueLog,
): Map<string, string> {
  const rows = readRecords(source, ['red', 'codigo_ue'], log, (cells) => {
    const network = cells.text('red');
    const unit = cells.text('codigo_ue');
    if (network === undefined || unit === undefined) return undefined;
    if (!unitCodes.has(unit))
      return cells.fail('codigo_ue', `${unit} is not in the executing units file`);
    return [network.toUpperCase(), unit] as const;
  });
  return new Map(rows);
}

export function readExecutingUnits(
  source: CsvSource,
  department: string,
  log: IssueLog,
): ExecutingUnitRecord[] {
  return readRecords(source, ['codigo', 'nombre', 'direccion_padre', 'evidencia'], log, (cells) => {
    const code = cells.code('codigo', 6);
    const name = cells.text('nombre');
    const evidence = cells.text('evidencia');
    if (code === undefined || name === undefined || evidence === undefined) return undefined;
    return {
      code: String(Number(code)),
      name,
      parentDirectorate: cells.optionalText('direccion_padre'),
      departmentUbigeo: department,
      evidence,
    };
  });
}
