import path from 'node:path';
import {
  CHILDREN_6_35_SINGLE_AGE_METHOD,
  children6to35FromSingleAge,
  IssueLog,
  readPopulationSingleAge,
  type CsvSource,
  type DistrictSingleAgePopulation,
  type ImportIssue,
} from '@yawar/core';
import { sql, type Kysely } from 'kysely';
import { recordAudit } from '../audit/audit-trail.js';
import type { Actor } from '../audit/actor.js';
import type { Database } from '../schema.js';
import { readCsvFile, SourceFileError } from './read-files.js';
import { readSpreadsheetFile } from './read-spreadsheet.js';

/**
 * `yawar import population <file>`: a district table of population by single age (INEI, Censos
 * Nacionales 2017, Resultados Definitivos, Tomo I, Cuadro N.° 1, transcribed as
 * docs/formats/population-single-age.md). All or nothing: every bad cell is reported with its
 * file, row and column and nothing is written; importing the same table again changes nothing.
 * Each district of the table gets its children 6–35 months from its own ages 0, 1 and 2
 * (`children6to35FromSingleAge`, method CHILDREN_6_35_SINGLE_AGE_METHOD); the other districts
 * keep the fallback estimate. A reference import writes the fallback again, so it calls
 * `applySingleAgeEstimates` afterwards.
 */

export class PopulationImportError extends Error {
  constructor(readonly issues: readonly ImportIssue[]) {
    super(`the population table has ${issues.length} error(s); nothing was imported`);
    this.name = 'PopulationImportError';
  }
}

export interface PopulationImportResult {
  readonly file: string;
  readonly districts: number;
  /** Districts whose stored ages were new, changed or unchanged. */
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Districts whose children 6–35 months figure changed (estimate or method). */
  readonly estimatesChanged: number;
  /** Σ children 6–35 months of the table's districts, from their single ages. */
  readonly children6to35: number;
  readonly sources: readonly { source: string; year: number }[];
}

/** Reads a CSV or XLSX population table (by extension); a missing or unreadable file is an issue. */
export async function readPopulationFile(file: string): Promise<CsvSource> {
  return /\.xlsx$/i.test(file) ? readSpreadsheetFile(file) : readCsvFile(file);
}

/** Validates, checks every district against the territory, and stores the table in one transaction. */
export async function importPopulation(
  db: Kysely<Database>,
  file: string,
  actor: Actor,
): Promise<PopulationImportResult> {
  let source: CsvSource;
  try {
    source = await readPopulationFile(file);
  } catch (error) {
    if (error instanceof SourceFileError) throw new PopulationImportError(error.issues);
    throw error;
  }
  const log = new IssueLog();
  const table = readPopulationSingleAge(source, log);
  if (log.errors.length > 0) throw new PopulationImportError(log.errors);
  const known = new Set(
    (await db.selectFrom('district').select('ubigeo').execute()).map((d) => d.ubigeo),
  );
  const unknown = table.filter((d) => !known.has(d.ubigeo));
  if (unknown.length > 0)
    throw new PopulationImportError(
      unknown.map((d) => ({
        file: source.file,
        row: d.line,
        column: 'ubigeo',
        reason: `district ${d.ubigeo} is not in the database: import its department first (yawar import reference)`,
      })),
    );
  const fileName = path.basename(file);
  return db.transaction().execute(async (trx) => {
    const stored = await storedAges(
      trx,
      table.map((d) => d.ubigeo),
    );
    let inserted = 0;
    let updated = 0;
    let unchanged = 0;
    for (const district of table) {
      const before = stored.get(district.ubigeo);
      if (before && sameAges(before, district)) {
        unchanged++;
        continue;
      }
      if (before) updated++;
      else inserted++;
      await trx
        .deleteFrom('district_population_single_age')
        .where('district_ubigeo', '=', district.ubigeo)
        .execute();
      await trx
        .insertInto('district_population_single_age')
        .values(
          district.ages.map((a) => ({
            district_ubigeo: district.ubigeo,
            age: a.age,
            population: a.population,
            source: district.source,
            year: district.year,
            file_name: fileName,
          })),
        )
        .execute();
    }
    const estimatesChanged = await applySingleAgeEstimates(
      trx,
      table.map((d) => d.ubigeo),
    );
    const result: PopulationImportResult = {
      file: fileName,
      districts: table.length,
      inserted,
      updated,
      unchanged,
      estimatesChanged,
      children6to35: table.reduce((sum, d) => sum + childrenOf(d), 0),
      sources: uniqueSources(table),
    };
    if (inserted + updated + estimatesChanged > 0)
      await recordAudit(trx, actor, {
        action: 'population.import',
        entity: 'district_population_single_age',
        entityId: null,
        after: { ...result, sources: result.sources.map((s) => `${s.source} (${s.year})`) },
      });
    return result;
  });
}

/**
 * Children 6–35 months from the stored single ages, for the districts given (default: every
 * district with a table) that have ages 0, 1 and 2.
 */
export async function singleAgeEstimates(
  db: Kysely<Database>,
  ubigeos?: readonly string[],
): Promise<Map<string, number>> {
  let query = db
    .selectFrom('district_population_single_age')
    .select([
      'district_ubigeo as ubigeo',
      sql<number | null>`sum(population) filter (where age = 0)::int`.as('age0'),
      sql<number | null>`sum(population) filter (where age = 1)::int`.as('age1'),
      sql<number | null>`sum(population) filter (where age = 2)::int`.as('age2'),
    ])
    .groupBy('district_ubigeo');
  if (ubigeos) {
    if (ubigeos.length === 0) return new Map();
    query = query.where('district_ubigeo', '=', sql<string>`any(${[...ubigeos]}::text[])`);
  }
  const estimates = new Map<string, number>();
  for (const row of await query.execute()) {
    if (row.age0 === null || row.age1 === null || row.age2 === null) continue;
    estimates.set(
      row.ubigeo,
      children6to35FromSingleAge({ age0: row.age0, age1: row.age1, age2: row.age2 }),
    );
  }
  return estimates;
}

/**
 * Sets children 6–35 months from the stored single ages for the districts given (default: every
 * district with a table) that have ages 0, 1 and 2; returns how many changed. Idempotent.
 */
export async function applySingleAgeEstimates(
  db: Kysely<Database>,
  ubigeos?: readonly string[],
): Promise<number> {
  let changed = 0;
  for (const [ubigeo, children] of await singleAgeEstimates(db, ubigeos)) {
    const result = await db
      .updateTable('district')
      .set({ children_6_35m: children, children_6_35m_method: CHILDREN_6_35_SINGLE_AGE_METHOD })
      .where('ubigeo', '=', ubigeo)
      .where((eb) =>
        eb.or([
          eb('children_6_35m', 'is', null),
          eb('children_6_35m', '!=', children),
          eb('children_6_35m_method', 'is', null),
          eb('children_6_35m_method', '!=', CHILDREN_6_35_SINGLE_AGE_METHOD),
        ]),
      )
      .executeTakeFirst();
    changed += Number(result.numUpdatedRows);
  }
  return changed;
}

/** The single-age table stored for a district (ages in order), or null. */
export async function districtSingleAge(
  db: Kysely<Database>,
  ubigeo: string,
): Promise<{ source: string; year: number; ages: { age: number; population: number }[] } | null> {
  const rows = await db
    .selectFrom('district_population_single_age')
    .select(['age', 'population', 'source', 'year'])
    .where('district_ubigeo', '=', ubigeo)
    .orderBy('age')
    .execute();
  const first = rows[0];
  if (!first) return null;
  return {
    source: first.source,
    year: first.year,
    ages: rows.map((r) => ({ age: r.age, population: r.population })),
  };
}

async function storedAges(
  db: Kysely<Database>,
  ubigeos: readonly string[],
): Promise<Map<string, { source: string; year: number; ages: Map<number, number> }>> {
  const result = new Map<string, { source: string; year: number; ages: Map<number, number> }>();
  if (ubigeos.length === 0) return result;
  const rows = await db
    .selectFrom('district_population_single_age')
    .select(['district_ubigeo as ubigeo', 'age', 'population', 'source', 'year'])
    .where('district_ubigeo', '=', sql<string>`any(${[...ubigeos]}::text[])`)
    .execute();
  for (const row of rows) {
    const entry = result.get(row.ubigeo) ?? {
      source: row.source,
      year: row.year,
      ages: new Map<number, number>(),
    };
    entry.ages.set(row.age, row.population);
    result.set(row.ubigeo, entry);
  }
  return result;
}

function sameAges(
  before: { source: string; year: number; ages: Map<number, number> },
  district: DistrictSingleAgePopulation,
): boolean {
  return (
    before.source === district.source &&
    before.year === district.year &&
    before.ages.size === district.ages.length &&
    district.ages.every((a) => before.ages.get(a.age) === a.population)
  );
}

const age = (d: DistrictSingleAgePopulation, n: number) =>
  d.ages.find((a) => a.age === n)?.population ?? 0;

function childrenOf(d: DistrictSingleAgePopulation): number {
  return children6to35FromSingleAge({ age0: age(d, 0), age1: age(d, 1), age2: age(d, 2) });
}

function uniqueSources(table: readonly DistrictSingleAgePopulation[]) {
  const seen = new Map<string, { source: string; year: number }>();
  for (const d of table) seen.set(`${d.source}\u0000${d.year}`, { source: d.source, year: d.year });
  return [...seen.values()];
}
