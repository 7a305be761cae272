import type { LonLat } from '../geo/geometry.js';
import { readRecords, type CellReader, type CsvSource } from './cells.js';
import { isEstablishmentCategory, type EstablishmentCategory } from './categories.js';
import type { IssueLog } from './issues.js';
import type { AccentVocabulary } from './lost-accents.js';

/**
 * MINSA's RENAES registry of government establishments (the "IPRESS" open-data export, 2025):
 * red, microred and executing unit of every MINSA and regional-government establishment, with its
 * altitude (COTA). Public at https://www.datosabiertos.gob.pe (MINSA, "Establecimientos de salud
 * RENAES"); the copy shipped in data/ and its quirks are described in data/peru/PROVENANCE.md.
 */
export const RENAES_COLUMNS = [
  'Codigo Unico',
  'Institucion',
  'Nombre del establecimiento',
  'UBIGEO',
  'Dirección',
  'Código DISA',
  'Código Red',
  'Código Microrred',
  'DISA',
  'Red',
  'Microrred',
  'Código UE',
  'Unidad Ejecutora',
  'Categoría',
  'NORTE',
  'ESTE',
  'COTA',
] as const;

export interface CodedName {
  /** The registry's code (Código Red, Código Microrred, Código UE). */
  readonly code: string;
  readonly name: string;
}

export interface RenaesEntry {
  readonly code: string;
  readonly line: number;
  readonly name: string;
  readonly institution: string | null;
  readonly districtUbigeo: string;
  readonly address: string | null;
  /** The DISA/DIRESA the establishment reports to, e.g. "CAJAMARCA". */
  readonly directorate: string | null;
  /** Null where RENAES says it belongs to no red (hospitals, EsSalud, private). */
  readonly network: CodedName | null;
  readonly microred: CodedName | null;
  /** Null for code 0: not attached to a government executing unit (EsSalud, private, police). */
  readonly executingUnit: CodedName | null;
  /** Null for "Sin Categoría". */
  readonly category: EstablishmentCategory | null;
  readonly point: LonLat | null;
  /** COTA in metres; null when empty or 0 (no Cajamarca establishment stands at sea level). */
  readonly altitudeM: number | null;
}

/** MINSA writes "no red" and "no microred" as values; they are the absence of one. */
const NONE = /^NO PERTENECE A NINGUNA (RED|MICRO ?R?RED)$/;

/** Peru's extent with a margin: latitude and longitude ranges do not overlap, so a swap shows. */
const PERU = { minLat: -18.6, maxLat: 0.1, minLon: -81.5, maxLon: -68.4 };

/**
 * Reads a RENAES file (national, or one department's rows) into entries by 8-digit code.
 * `districtUbigeos` limits it to one department: rows elsewhere are skipped by the national path
 * before they get here, and a department file that holds one is refused with its line.
 */
export function readRenaes(
  source: CsvSource,
  districtUbigeos: ReadonlySet<string>,
  vocabulary: AccentVocabulary,
  log: IssueLog,
): Map<string, RenaesEntry> {
  const entries = new Map<string, RenaesEntry>();
  readRecords(source, RENAES_COLUMNS, log, (cells) => {
    const code = cells.code('Codigo Unico', 8);
    const districtUbigeo = cells.code('UBIGEO', 6);
    const name = cells.text('Nombre del establecimiento');
    const point = readSwappedPoint(cells);
    const altitude = cells.optionalNumber('COTA', -100, 7000);
    if (!code || !districtUbigeo || !name || point === undefined || altitude === undefined)
      return undefined;
    const first = entries.get(code);
    if (first) {
      // MINSA's national export repeats a few codes (Loreto, Huánuco): the registry's defect, not
      // the planner's, so the department still loads with the first row and says so.
      log.warn(
        source.file,
        cells.line,
        'Codigo Unico',
        `${code} appears more than once; the row on line ${first.line} is used`,
      );
      return undefined;
    }
    if (!districtUbigeos.has(districtUbigeo))
      return cells.fail('UBIGEO', `${districtUbigeo} is not a district of this department`);
    const entry: RenaesEntry = {
      code,
      line: cells.line,
      name: vocabulary.repair(name),
      institution: cells.optionalText('Institucion'),
      districtUbigeo,
      address: cells.optionalText('Dirección'),
      directorate: cells.optionalText('DISA'),
      network: codedName(cells, 'Código Red', 'Red', vocabulary),
      microred: codedName(cells, 'Código Microrred', 'Microrred', vocabulary),
      executingUnit: executingUnit(cells, vocabulary),
      category: category(cells),
      point,
      altitudeM: altitude !== null && altitude > 0 ? altitude : null,
    };
    if (!cells.ok) return undefined;
    entries.set(code, entry);
    return entry;
  });
  return entries;
}

function codedName(
  cells: CellReader,
  codeColumn: string,
  nameColumn: string,
  vocabulary: AccentVocabulary,
): CodedName | null {
  const name = cells.optionalText(nameColumn)?.toUpperCase() ?? null;
  if (name === null || NONE.test(name)) return null;
  return { code: cells.raw(codeColumn).replace(/\.0+$/, ''), name: vocabulary.repair(name) };
}

function executingUnit(cells: CellReader, vocabulary: AccentVocabulary): CodedName | null {
  const code = cells.raw('Código UE').replace(/\.0+$/, '');
  if (code === '' || code === '0') return null;
  if (!/^[1-9]\d{0,5}$/.test(code))
    return cells.fail('Código UE', `"${code}" is not an executing unit code`) ?? null;
  const name = cells.optionalText('Unidad Ejecutora');
  return { code, name: name ? vocabulary.repair(name) : `Unidad ejecutora ${code}` };
}

/** "Sin Categoría" (with its lost í) means uncategorised; anything else must be an NTS 021 one. */
function category(cells: CellReader): EstablishmentCategory | null {
  const value = cells.raw('Categoría').toUpperCase();
  if (value === '' || value.startsWith('SIN CATEGOR')) return null;
  if (isEstablishmentCategory(value)) return value;
  return cells.fail('Categoría', `"${value}" is not an NTS 021 category`) ?? null;
}

/**
 * The export labels longitude NORTE and latitude ESTE. Peru's latitude and longitude ranges do not
 * overlap, so each row is read by value; a file with the labels fixed reads the same.
 */
function readSwappedPoint(cells: CellReader): LonLat | null | undefined {
  const north = cells.optionalNumber('NORTE', -180, 180);
  const east = cells.optionalNumber('ESTE', -180, 180);
  if (north === undefined || east === undefined) return undefined;
  if (north === null || east === null || (north === 0 && east === 0)) return null;
  const inLat = (v: number) => v >= PERU.minLat && v <= PERU.maxLat;
  const inLon = (v: number) => v >= PERU.minLon && v <= PERU.maxLon;
  if (inLon(north) && inLat(east)) return { lon: north, lat: east };
  if (inLat(north) && inLon(east)) return { lat: north, lon: east };
  return cells.fail('NORTE', `(${north}, ${east}) is not a point in Peru`);
}
