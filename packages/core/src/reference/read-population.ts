import { CellReader, type CsvSource } from './cells.js';
import type { IssueLog } from './issues.js';

/**
 * Population by district and single year of age, as INEI publishes it in the Census 2017
 * *Resultados Definitivos*, Tomo I, Cuadro N.° 1 ("población censada … según departamento,
 * provincia, distrito y edades simples"), transcribed into one of the two layouts of
 * docs/formats/population-single-age.md:
 *
 * - long: `ubigeo, edad, poblacion, fuente, anio`, one row per district and age;
 * - wide: `ubigeo, edad_0, edad_1, … edad_n, fuente, anio`, one row per district.
 *
 * Every cell is checked and every problem reported with its file, row and column; a district needs
 * ages 0, 1 and 2 (the children 6–35 months estimate reads them) and one source and year.
 */

export interface AgePopulation {
  /** Completed years of age; 0 is "menores de 1 año". */
  readonly age: number;
  readonly population: number;
}

export interface DistrictSingleAgePopulation {
  readonly ubigeo: string;
  /** Publisher and table, e.g. "INEI, Censos Nacionales 2017, Resultados Definitivos, Tomo I, Cuadro N.° 1". */
  readonly source: string;
  /** Reference year of the figures. */
  readonly year: number;
  /** Ages in increasing order. */
  readonly ages: readonly AgePopulation[];
  /** First line of the district in the file (for errors found later, e.g. an unknown district). */
  readonly line: number;
}

export const POPULATION_LONG_COLUMNS = ['ubigeo', 'edad', 'poblacion', 'fuente', 'anio'] as const;
export const POPULATION_WIDE_COMMON_COLUMNS = ['ubigeo', 'fuente', 'anio'] as const;
const WIDE_AGE = /^edad_(\d{1,3})$/;
/** Ages the children 6–35 months estimate needs in every district. */
export const REQUIRED_AGES = [0, 1, 2] as const;
const MAX_AGE = 120;
const MAX_POPULATION = 10_000_000;

interface Draft {
  ubigeo: string;
  line: number;
  source: string;
  year: number;
  ages: Map<number, { population: number; line: number }>;
}

/** Validates a population table in either layout; returns nothing unless every cell is valid. */
export function readPopulationSingleAge(
  source: CsvSource,
  log: IssueLog,
): DistrictSingleAgePopulation[] {
  const errorsBefore = log.errors.length;
  const header = source.table.header;
  const wideAges = header.flatMap((column) => {
    const match = WIDE_AGE.exec(column);
    return match ? [{ column, age: Number(match[1]) }] : [];
  });
  const isLong = header.includes('edad') || header.includes('poblacion');
  if (isLong && wideAges.length > 0) {
    log.error(
      source.file,
      1,
      null,
      'mixes the long layout (edad, poblacion) with the wide one (edad_0, edad_1 …): use one',
    );
    return [];
  }
  const required = isLong ? POPULATION_LONG_COLUMNS : POPULATION_WIDE_COMMON_COLUMNS;
  const missing = required.filter((column) => !header.includes(column));
  for (const column of missing) log.error(source.file, 1, column, 'required column is missing');
  if (!isLong && wideAges.length === 0)
    log.error(
      source.file,
      1,
      null,
      'has no age columns: give edad and poblacion (one row per age) or edad_0, edad_1 … (one column per age)',
    );
  for (const age of REQUIRED_AGES)
    if (!isLong && wideAges.length > 0 && !wideAges.some((w) => w.age === age))
      log.error(source.file, 1, `edad_${age}`, 'required column is missing');
  if (log.errors.length > errorsBefore) return [];

  const districts = new Map<string, Draft>();
  /** Districts with a refused row: their missing ages are that row's, already reported. */
  const failed = new Set<string>();
  for (const record of source.table.records) {
    if (record.values.length !== header.length) {
      log.error(
        source.file,
        record.line,
        null,
        `has ${record.values.length} cells, the header has ${header.length}`,
      );
      continue;
    }
    const cells = new CellReader(source, record, log);
    const ubigeo = cells.code('ubigeo', 6);
    if (ubigeo !== undefined && !validDistrictCode(ubigeo))
      cells.fail('ubigeo', `"${ubigeo}" is not a district ubigeo (department 01–25, 6 digits)`);
    const fuente = cells.text('fuente');
    const anio = wholeNumber(cells, 'anio', 1900, 2100);
    const ages: { age: number; population: number; column: string }[] = [];
    if (isLong) {
      const age = wholeNumber(cells, 'edad', 0, MAX_AGE);
      const population = wholeNumber(cells, 'poblacion', 0, MAX_POPULATION);
      if (age !== undefined && population !== undefined)
        ages.push({ age, population, column: 'edad' });
    } else {
      for (const { column, age } of wideAges) {
        if (age > MAX_AGE) {
          cells.fail(column, `age ${age} is outside 0…${MAX_AGE}`);
          continue;
        }
        const population = wholeNumber(cells, column, 0, MAX_POPULATION);
        if (population !== undefined) ages.push({ age, population, column });
      }
    }
    if (!cells.ok || ubigeo === undefined || fuente === undefined || anio === undefined) {
      if (ubigeo !== undefined) failed.add(ubigeo);
      continue;
    }
    let draft = districts.get(ubigeo);
    if (!draft) {
      draft = { ubigeo, line: record.line, source: fuente, year: anio, ages: new Map() };
      districts.set(ubigeo, draft);
    } else if (!isLong) {
      cells.fail('ubigeo', `district ${ubigeo} appears twice (first on row ${draft.line})`);
      continue;
    } else if (draft.source !== fuente || draft.year !== anio) {
      cells.fail(
        draft.source !== fuente ? 'fuente' : 'anio',
        `district ${ubigeo} has another source or year on row ${draft.line}: one per district`,
      );
      continue;
    }
    for (const { age, population, column } of ages) {
      const earlier = draft.ages.get(age);
      if (earlier) {
        cells.fail(
          column,
          `age ${age} of district ${ubigeo} appears twice (first on row ${earlier.line})`,
        );
        continue;
      }
      draft.ages.set(age, { population, line: record.line });
    }
  }
  for (const draft of districts.values()) {
    if (failed.has(draft.ubigeo)) continue;
    const lacking = REQUIRED_AGES.filter((age) => !draft.ages.has(age));
    if (lacking.length > 0)
      log.error(
        source.file,
        draft.line,
        isLong ? 'edad' : `edad_${lacking[0]}`,
        `district ${draft.ubigeo} lacks age ${lacking.join(', ')} (ages 0, 1 and 2 give its children 6–35 months)`,
      );
  }
  if (districts.size === 0 && log.errors.length === errorsBefore)
    log.error(source.file, 0, null, 'has no district rows');
  if (log.errors.length > errorsBefore) return [];
  return [...districts.values()]
    .sort((a, b) => (a.ubigeo < b.ubigeo ? -1 : 1))
    .map((d) => ({
      ubigeo: d.ubigeo,
      source: d.source,
      year: d.year,
      line: d.line,
      ages: [...d.ages]
        .sort(([a], [b]) => a - b)
        .map(([age, { population }]) => ({ age, population })),
    }));
}

function validDistrictCode(ubigeo: string): boolean {
  const department = Number(ubigeo.slice(0, 2));
  return department >= 1 && department <= 25 && !ubigeo.endsWith('00');
}

/** A whole number within [min, max] (spreadsheets may write 12.0); undefined after a logged error. */
function wholeNumber(
  cells: CellReader,
  column: string,
  min: number,
  max: number,
): number | undefined {
  const value = cells.raw(column);
  if (value === '') return cells.fail(column, 'is empty');
  const number = cells.optionalNumber(column, min, max);
  if (number === undefined) return undefined;
  if (number === null) return cells.fail(column, `"${value}" is not a number`);
  if (!Number.isInteger(number)) return cells.fail(column, `${value} is not a whole number`);
  return number;
}
