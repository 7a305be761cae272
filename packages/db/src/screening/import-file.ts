import {
  IssueLog,
  KEPT_IMPORT_ERRORS,
  validateScreeningRecordsInSlices,
  type CsvSource,
  type IssueLogOptions,
} from '@yawar/core';
import type { Kysely } from 'kysely';
import type { Actor } from '../audit/actor.js';
import type { Pseudonymise } from '../privacy/pseudonymiser.js';
import type { Database } from '../schema.js';
import { runInTurns } from '../turns.js';
import {
  checkAgainstDatabase,
  loadScreenings,
  ScreeningImportError,
  type ScreeningLoadReport,
} from './load.js';

export interface ScreeningImportOptions {
  readonly pseudonymise: Pseudonymise;
  readonly actor: Actor;
  readonly today?: string;
  readonly onProgress?: (done: number, total: number) => void;
  /** Called when validation starts and when writing starts. */
  readonly onPhase?: (phase: 'validating' | 'writing', total: number) => void;
  /** Restricts the establishments the file may name to the importing user's scope. */
  readonly isInScope?: (establishmentCode: string) => boolean;
  /**
   * How many errors to keep in memory (default 1,000; the rest are only counted) and where to
   * send every one as it is found (the server writes them to the job's error file).
   */
  readonly issues?: IssueLogOptions;
}

/** Validates a screening file against the registries, then loads it all or nothing. */
export async function importScreeningFile(
  db: Kysely<Database>,
  source: CsvSource,
  options: ScreeningImportOptions,
): Promise<ScreeningLoadReport> {
  options.onPhase?.('validating', source.table.records.length);
  // In slices: validating and pseudonymising 300,000 rows takes seconds the server's other
  // requests must not wait for.
  const issues = { keep: KEPT_IMPORT_ERRORS, ...options.issues };
  const log = new IssueLog(issues);
  const total = source.table.records.length;
  const validation = await runInTurns(
    validateScreeningRecordsInSlices(
      source,
      {
        ...(await screeningContext(db)),
        pseudonymise: options.pseudonymise,
        today: options.today ?? new Date().toISOString().slice(0, 10),
        ...(options.isInScope ? { isInScope: options.isInScope } : {}),
      },
      log,
    ),
    (done) => options.onProgress?.(done, total),
  );
  const fileName = source.file.split(/[\\/]/).pop() ?? source.file;
  if (!validation.ok) {
    // The rows that passed are checked against the database too (already imported, a child on
    // record with another birth date), so the user fixes everything from one report.
    await checkAgainstDatabase(db, validation.records, fileName, log);
    throw ScreeningImportError.of(log);
  }
  options.onPhase?.('writing', validation.records.length);
  return loadScreenings(db, validation.records, {
    fileName,
    origin: 'import',
    actor: options.actor,
    issues,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
}

async function screeningContext(db: Kysely<Database>) {
  const establishments = await db
    .selectFrom('establishment')
    .select(['code', 'district_ubigeo', 'altitude_m'])
    .where('in_registry', '=', true)
    .execute();
  const districts = await db
    .selectFrom('district')
    .select(['ubigeo', 'capital_altitude_m'])
    .execute();
  const places = await db
    .selectFrom('populated_place')
    .select(['code', 'district_ubigeo', 'altitude_m'])
    .where('in_registry', '=', true)
    .execute();
  return {
    establishments: new Map(
      establishments.map((e) => [
        e.code,
        { districtUbigeo: e.district_ubigeo, altitudeM: e.altitude_m },
      ]),
    ),
    districts: new Map(
      districts.map((d) => [d.ubigeo, { capitalAltitudeM: d.capital_altitude_m }]),
    ),
    // The second step of the altitude chain (core's altitude-chain.ts): the place's altitude from
    // the DEM or a record (`populated_place.altitude_m`); null falls through to the establishment.
    populatedPlaces: new Map(
      places.map((p) => [p.code, { districtUbigeo: p.district_ubigeo, altitudeM: p.altitude_m }]),
    ),
  };
}
