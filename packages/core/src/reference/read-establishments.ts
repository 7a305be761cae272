import { degreesToBoundary, geometryContains, type LonLat } from '../geo/geometry.js';
import { readRecords, type CellReader, type CsvSource } from './cells.js';
import { isEstablishmentCategory, type EstablishmentCategory } from './categories.js';
import { executingUnitsFromRenaes } from './executing-units.js';
import type { IssueLog } from './issues.js';
import { AccentVocabulary, hasLostLetters } from './lost-accents.js';
import { readRenaes, type RenaesEntry } from './read-renaes.js';
import { chooseBetweenRegistries, type ListedEstablishment } from './registry-precedence.js';
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
const NO_NETWORK = /^NO PERTENECE A NINGUNA (RED|MICRO ?R?RED)$/;

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
  /** Establishments in the layout of establecimientos.csv (MINSA TB_EESS joined with TB_UBIGEOS). */
  readonly establishments: CsvSource;
  /** MINSA's RENAES registry rows of the department: red, microred, executing unit, COTA. */
  readonly renaes: CsvSource | null;
}

export interface EstablishmentsRead {
  readonly establishments: EstablishmentRecord[];
  readonly executingUnits: ExecutingUnitRecord[];
}

/**
 * Reads the establishment list, then lays RENAES over it by code under REGISTRY_PRECEDENCE.
 * Establishments RENAES does not list (EsSalud, private) keep what the list says; those only
 * RENAES lists are added from it. `accentedNames` are the department's other names (places,
 * provinces) that help restore letters the RENAES export lost.
 */
export function readEstablishments(
  sources: EstablishmentSources,
  departmentUbigeo: string,
  districts: readonly DistrictRecord[],
  accentedNames: readonly string[],
  log: IssueLog,
): EstablishmentsRead {
  const districtsByCode = new Map(districts.map((district) => [district.ubigeo, district]));
  const vocabulary = new AccentVocabulary([
    ...accentedNames,
    ...districts.flatMap((d) => [d.name, d.capital ?? '']),
    ...namesOf(sources.establishments),
  ]);
  const renaes = sources.renaes
    ? readRenaes(sources.renaes, new Set(districtsByCode.keys()), vocabulary, log)
    : new Map<string, RenaesEntry>();
  const listed = readListed(sources, districtsByCode, renaes, log);
  const listedCodes = new Set(listed.map((e) => e.code));
  const renaesOnly = [...renaes.values()]
    .filter((entry) => !listedCodes.has(entry.code))
    .map((entry) => fromRenaesOnly(entry, districtsByCode, sources.renaes?.file ?? '', log));
  warnLostLetters(sources.renaes?.file ?? '', renaes, log);
  return {
    establishments: [...listed, ...renaesOnly],
    executingUnits: sources.renaes
      ? executingUnitsFromRenaes(renaes.values(), departmentUbigeo, sources.renaes.file)
      : [],
  };
}

function namesOf(source: CsvSource): string[] {
  const index = source.table.header.indexOf('nombre');
  return index < 0 ? [] : source.table.records.map((record) => record.values[index] ?? '');
}

function readListed(
  sources: EstablishmentSources,
  districtsByCode: ReadonlyMap<string, DistrictRecord>,
  renaes: ReadonlyMap<string, RenaesEntry>,
  log: IssueLog,
): EstablishmentRecord[] {
  const seen = new Set<string>();
  const file = sources.establishments.file;
  return readRecords(sources.establishments, ESTABLISHMENT_COLUMNS, log, (cells) => {
    const code = cells.code('codigo_renipress', 8);
    const name = cells.text('nombre');
    const category = readCategory(cells);
    const districtUbigeo = cells.code('ubigeo_inei', 6);
    const point = readPoint(cells, log);
    if (!code || !name || !category || !districtUbigeo || point === undefined) return undefined;
    if (seen.has(code)) return cells.fail('codigo_renipress', `${code} appears more than once`);
    seen.add(code);
    const district = districtsByCode.get(districtUbigeo);
    if (!district)
      return cells.fail('ubigeo_inei', `${districtUbigeo} is not a district of this department`);
    const listed: ListedEstablishment = {
      category,
      network: noneIfNoNetwork(cells.optionalText('red')),
      point,
    };
    const entry = renaes.get(code);
    const merged = entry
      ? mergeWithRenaes(
          listed,
          entry,
          district,
          `${sourceLabel(file)}; ${sourceLabel(sources.renaes?.file ?? '')}`,
        )
      : listOnly(listed, district, sources.renaes !== null, sourceLabel(file));
    if (merged.coordinateStatus === 'outside_district') {
      log.warn(
        file,
        cells.line,
        'latitud',
        `${code} lies outside its declared district ${districtUbigeo}; kept and flagged`,
      );
    }
    return { code, name, districtUbigeo, address: cells.optionalText('direccion'), ...merged };
  });
}

type Merged = Omit<EstablishmentRecord, 'code' | 'name' | 'districtUbigeo' | 'address'>;

function mergeWithRenaes(
  listed: ListedEstablishment,
  entry: RenaesEntry,
  district: DistrictRecord,
  source: string,
): Merged {
  const choice = chooseBetweenRegistries(listed, entry, (p) => coordinateStatus(p, district));
  return {
    category: choice.category,
    institution: entry.institution,
    network: choice.network,
    networkCode: entry.network?.code ?? null,
    microred: entry.microred?.name ?? null,
    microredCode: entry.microred?.code ?? null,
    executingUnitCode: entry.executingUnit?.code ?? null,
    lat: choice.point?.lat ?? null,
    lon: choice.point?.lon ?? null,
    altitudeM: entry.altitudeM,
    coordinateStatus: coordinateStatus(choice.point, district),
    source,
    inRenaes: true,
    discrepancies: choice.discrepancies,
  };
}

function listOnly(
  listed: ListedEstablishment,
  district: DistrictRecord,
  renaesRead: boolean,
  source: string,
): Merged {
  return {
    category: listed.category,
    institution: null,
    network: listed.network,
    networkCode: null,
    microred: null,
    microredCode: null,
    executingUnitCode: null,
    lat: listed.point?.lat ?? null,
    lon: listed.point?.lon ?? null,
    altitudeM: null,
    coordinateStatus: coordinateStatus(listed.point, district),
    source,
    inRenaes: renaesRead ? false : null,
    discrepancies: [],
  };
}

/** An establishment only RENAES lists (opened after the list's vintage): taken whole from it. */
function fromRenaesOnly(
  entry: RenaesEntry,
  districtsByCode: ReadonlyMap<string, DistrictRecord>,
  file: string,
  log: IssueLog,
): EstablishmentRecord {
  const district = districtsByCode.get(entry.districtUbigeo) as DistrictRecord;
  const status = coordinateStatus(entry.point, district);
  if (status === 'outside_district')
    log.warn(
      file,
      entry.line,
      'NORTE',
      `${entry.code} lies outside its declared district; kept and flagged`,
    );
  return {
    code: entry.code,
    name: entry.name,
    category: entry.category ?? 'SD',
    institution: entry.institution,
    network: entry.network?.name ?? null,
    networkCode: entry.network?.code ?? null,
    microred: entry.microred?.name ?? null,
    microredCode: entry.microred?.code ?? null,
    districtUbigeo: entry.districtUbigeo,
    executingUnitCode: entry.executingUnit?.code ?? null,
    address: entry.address,
    lat: entry.point?.lat ?? null,
    lon: entry.point?.lon ?? null,
    altitudeM: entry.altitudeM,
    coordinateStatus: status,
    source: sourceLabel(file),
    inRenaes: true,
    discrepancies: [],
  };
}

/** Names still damaged after repair are reported once each, so a planner can correct them. */
function warnLostLetters(
  file: string,
  renaes: ReadonlyMap<string, RenaesEntry>,
  log: IssueLog,
): void {
  const reported = new Set<string>();
  for (const entry of renaes.values()) {
    for (const [column, name] of [
      ['Red', entry.network?.name],
      ['Microrred', entry.microred?.name],
      ['Unidad Ejecutora', entry.executingUnit?.name],
    ] as const) {
      if (!name || !hasLostLetters(name) || reported.has(name)) continue;
      reported.add(name);
      log.warn(
        file,
        entry.line,
        column,
        `"${name}" lost accented letters upstream and could not be restored`,
      );
    }
  }
}

function readCategory(cells: CellReader): EstablishmentCategory | undefined {
  const category = cells.text('categoria');
  if (category === undefined) return undefined;
  return isEstablishmentCategory(category)
    ? category
    : cells.fail('categoria', `"${category}" is not an NTS 021 category`);
}

/**
 * Both coordinates or neither; null means no coordinates (kept, flagged "missing"). MINSA writes
 * (0, 0) for "no coordinates" in a few rows: a placeholder, not a point in the Gulf of Guinea.
 */
function readPoint(cells: CellReader, log: IssueLog): LonLat | null | undefined {
  const lat = cells.optionalNumber('latitud', -90, 90);
  const lon = cells.optionalNumber('longitud', -180, 180);
  if (lat === undefined || lon === undefined) return undefined;
  if (lat === null && lon === null) return null;
  if (lat === 0 && lon === 0) {
    log.warn(
      cells.file,
      cells.line,
      'latitud',
      '(0, 0) stands for no coordinates; kept as missing',
    );
    return null;
  }
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
