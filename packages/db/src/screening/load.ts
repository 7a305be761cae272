import {
  IssueLog,
  KEPT_IMPORT_ERRORS,
  screeningKey,
  summariseIssues,
  type ImportIssue,
  type IssueLogOptions,
  type IssueSummary,
  type ScreeningRecord,
} from '@yawar/core';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/audit-trail.js';
import type { Database } from '../schema.js';
import { eachInTurns } from '../turns.js';
import { claimLoad, loadStep, publishLoad, removeLoad } from './load-state.js';
import { inCompleteBatch } from './visible.js';

/** The file's refusal: its first errors (`errors`), and every error counted (`summary`). */
export class ScreeningImportError extends Error {
  constructor(
    readonly errors: readonly ImportIssue[],
    readonly summary: IssueSummary = summariseIssues(errors),
  ) {
    super(`the screening file has ${summary.total} error(s); nothing was imported`);
    this.name = 'ScreeningImportError';
  }

  static of(log: IssueLog): ScreeningImportError {
    return new ScreeningImportError(log.errors, log.summary());
  }
}

export interface ScreeningLoadOptions {
  readonly fileName: string;
  readonly origin: 'import' | 'simulated';
  readonly actor: Actor;
  /** Called as rows are written: done of total. The load waits for a promise it returns. */
  readonly onProgress?: (done: number, total: number) => void | Promise<void>;
  /** How many errors to keep and where to send every one (default: the first 1,000 kept). */
  readonly issues?: IssueLogOptions;
}

export interface ScreeningLoadReport {
  readonly batchId: number;
  readonly screenings: number;
  readonly newChildren: number;
  readonly knownChildren: number;
}

/**
 * Rows per insert statement, and keys per lookup. Each insert sends its rows as one json parameter
 * (as supply/history-load.ts does), so PGlite parses one short statement, not thousands of
 * placeholders; the sizes keep every statement short on PGlite (tens of milliseconds), since the
 * embedded server lets other requests in only between statements.
 */
const CHUNK = 500;
const LOOKUP_CHUNK = 5000;

/**
 * Writes validated records. Before writing it checks them against what the database holds — a
 * child whose birth date or sex differs from the one on record, a test already imported — and if
 * anything is wrong, throws with every problem and writes nothing.
 *
 * The rows are written in short transactions, so the embedded database's one session is free for
 * other requests between them, under a batch that readers skip until the last step marks it
 * complete (load-state.ts). If any step fails, what the load wrote is removed before the error is
 * passed on: a failed load leaves nothing, as a rolled-back transaction would.
 */
export async function loadScreenings(
  db: Kysely<Database>,
  records: readonly ScreeningRecord[],
  options: ScreeningLoadOptions,
): Promise<ScreeningLoadReport> {
  // One load at a time: a second one waits here, and then finds the first's rows imported.
  const batchId = await claimLoad(db, {
    file_name: options.fileName,
    origin: options.origin,
    rows: records.length,
    actor: options.actor.label,
  });
  try {
    const log = new IssueLog({ keep: KEPT_IMPORT_ERRORS, ...options.issues });
    const children = await checkAgainstDatabase(db, records, options.fileName, log);
    if (log.errorCount > 0) throw ScreeningImportError.of(log);
    const newChildren = await insertChildren(db, batchId, records, children, options);
    await insertScreenings(db, batchId, records, children, options);
    const report = {
      batchId,
      screenings: records.length,
      newChildren,
      // `children` now holds every child of the file: those on record and those just added.
      knownChildren: children.size - newChildren,
    };
    await publishLoad(db, batchId, (trx) =>
      recordAudit(trx, options.actor, {
        action: 'screening.import',
        entity: 'screening_batch',
        entityId: String(batchId),
        after: { file: options.fileName, origin: options.origin, ...report },
      }),
    );
    return report;
  } catch (error) {
    await removeLoad(db, batchId);
    throw error;
  }
}

/**
 * The checks against what the database holds, reported into `log`: a child whose birth date or
 * sex differs from the one on record, a test already imported. Run by the loader, and by the
 * import on the rows that passed validation when others did not, so one run reports everything.
 * Returns the children already known, by pseudonym.
 */
export async function checkAgainstDatabase(
  db: Kysely<Database>,
  records: readonly ScreeningRecord[],
  fileName: string,
  log: IssueLog,
): Promise<Map<string, KnownChild>> {
  const children = await existingChildren(db, records);
  await conflictingChildren(records, children, fileName, log);
  await alreadyImported(db, records, children, fileName, log);
  return children;
}

const createdByCompleteBatch = sql<boolean>`(created_by_batch is null or created_by_batch not in (
  select id from screening_batch where state = 'loading'))`;

interface KnownChild {
  readonly id: number;
  readonly birthDate: string;
  readonly sex: string;
}

async function existingChildren(
  trx: Kysely<Database>,
  records: readonly ScreeningRecord[],
): Promise<Map<string, KnownChild>> {
  const distinct = new Set<string>();
  await eachInTurns(records, (r) => distinct.add(r.childKey));
  const keys = [...distinct];
  const known = new Map<string, KnownChild>();
  for (let i = 0; i < keys.length; i += LOOKUP_CHUNK) {
    const rows = await trx
      .selectFrom('child')
      .select([
        'id',
        'pseudonym',
        sql<string>`to_char(birth_date, 'YYYY-MM-DD')`.as('birthDate'),
        'sex',
      ])
      .where('pseudonym', '=', sql<string>`any(${keys.slice(i, i + LOOKUP_CHUNK)}::text[])`)
      // Not the children of a load still writing (another import's, seen by the error report).
      .where(createdByCompleteBatch)
      .execute();
    for (const row of rows)
      known.set(row.pseudonym, { id: row.id, birthDate: row.birthDate, sex: row.sex });
  }
  return known;
}

async function conflictingChildren(
  records: readonly ScreeningRecord[],
  known: ReadonlyMap<string, KnownChild>,
  file: string,
  log: IssueLog,
): Promise<void> {
  const firstSeen = new Map<string, ScreeningRecord>();
  await eachInTurns(records, (record) => {
    const reference = known.get(record.childKey) ?? firstSeen.get(record.childKey);
    if (!reference) firstSeen.set(record.childKey, record);
    else if (reference.birthDate !== record.birthDate) {
      log.error(
        file,
        record.line,
        'fecha_nacimiento',
        'differs from the birth date already recorded for this child',
      );
    } else if (reference.sex !== record.sex) {
      log.error(file, record.line, 'sexo', 'differs from the sex already recorded for this child');
    }
  });
}

async function alreadyImported(
  trx: Kysely<Database>,
  records: readonly ScreeningRecord[],
  known: ReadonlyMap<string, KnownChild>,
  file: string,
  log: IssueLog,
): Promise<void> {
  const ids = [...known.values()].map((child) => child.id);
  if (ids.length === 0) return;
  const pseudonymOf = new Map([...known].map(([pseudonym, child]) => [child.id, pseudonym]));
  const existing = new Map<string, number>();
  for (let i = 0; i < ids.length; i += LOOKUP_CHUNK) {
    const rows = await trx
      .selectFrom('screening')
      .select([
        'child_id',
        sql<string>`to_char(test_date, 'YYYY-MM-DD')`.as('testDate'),
        'establishment_code',
        'hb_tenths',
        'batch_id',
      ])
      .where('child_id', '=', sql<number>`any(${ids.slice(i, i + LOOKUP_CHUNK)}::int[])`)
      .where(inCompleteBatch('screening'))
      .execute();
    for (const row of rows) {
      const key = screeningKey({
        childKey: pseudonymOf.get(row.child_id) ?? '',
        testDate: row.testDate,
        establishmentCode: row.establishment_code,
        hbTenths: row.hb_tenths,
      });
      existing.set(key, row.batch_id);
    }
  }
  await eachInTurns(records, (record) => {
    const batch = existing.get(screeningKey(record));
    if (batch !== undefined)
      log.error(file, record.line, null, `already imported (batch ${batch})`);
  });
}

async function insertChildren(
  db: Kysely<Database>,
  batchId: number,
  records: readonly ScreeningRecord[],
  known: Map<string, KnownChild>,
  options: ScreeningLoadOptions,
): Promise<number> {
  const fresh = new Map<string, ScreeningRecord>();
  await eachInTurns(records, (record) => {
    if (!known.has(record.childKey) && !fresh.has(record.childKey))
      fresh.set(record.childKey, record);
  });
  const rows = [...fresh.values()];
  const simulated = options.origin === 'simulated';
  for (let i = 0; i < rows.length; i += CHUNK) {
    const json = JSON.stringify(
      rows.slice(i, i + CHUNK).map((r) => ({ p: r.childKey, b: r.birthDate, s: r.sex })),
    );
    const inserted = await loadStep(db, batchId, (trx) =>
      sql<{ id: number; pseudonym: string }>`
        insert into child (pseudonym, birth_date, sex, simulated, created_by_batch)
        select r.p, r.b, r.s, ${simulated}::boolean, ${batchId}::int
        from json_to_recordset(${json}::json) as r(p text, b date, s text)
        returning id, pseudonym`.execute(trx),
    );
    for (const row of inserted.rows) {
      const record = fresh.get(row.pseudonym);
      if (record)
        known.set(row.pseudonym, { id: row.id, birthDate: record.birthDate, sex: record.sex });
    }
  }
  return rows.length;
}

async function insertScreenings(
  db: Kysely<Database>,
  batchId: number,
  records: readonly ScreeningRecord[],
  children: ReadonlyMap<string, KnownChild>,
  options: ScreeningLoadOptions,
): Promise<void> {
  const simulated = options.origin === 'simulated';
  const mayTurnChecksOff = await isSuperuser(db);
  for (let i = 0; i < records.length; i += CHUNK) {
    const chunk = records.slice(i, i + CHUNK);
    const json = JSON.stringify(
      chunk.map((r) => ({
        c: children.get(r.childKey)?.id ?? 0,
        d: r.testDate,
        a: r.ageMonths,
        h: r.hbTenths,
        m: r.altitudeM,
        ms: r.altitudeSource,
        u: r.residenceUbigeo,
        pp: r.populatedPlaceCode,
        e: r.establishmentCode,
        w: r.weightKg,
        sc: r.supplementationCode,
      })),
    );
    await loadStep(db, batchId, async (trx) => {
      if (mayTurnChecksOff) await perRowChecksOff(trx, chunk, children);
      // No RETURNING: nothing is read back.
      await sql`
        insert into screening (child_id, batch_id, test_date, age_months, hb_tenths, altitude_m,
          altitude_source, residence_ubigeo, populated_place_code, establishment_code, weight_kg,
          supplementation_code, simulated)
        select r.c, ${batchId}::int, r.d, r.a, r.h, r.m, r.ms, r.u, r.pp, r.e, r.w, r.sc,
          ${simulated}::boolean
        from json_to_recordset(${json}::json) as r(c int, d date, a smallint, h smallint,
          m float8, ms text, u text, pp text, e text, w float8, sc text)`.execute(trx);
    });
    await options.onProgress?.(Math.min(records.length, i + CHUNK), records.length);
  }
}

/** Whether the session may set `session_replication_role` (PGlite's always may; CI's role not). */
async function isSuperuser(db: Kysely<Database>): Promise<boolean> {
  const result = await sql<{ on: boolean }>`
    select current_setting('is_superuser') = 'on' as on`.execute(db);
  return result.rows[0]?.on === true;
}

/**
 * PostgreSQL checks each foreign key of screening (child, batch, district, populated place,
 * establishment) with one locked lookup per row: on PGlite about half the insert's time. As in
 * supply/history-load.ts, where the session may (a superuser, as PGlite's always is) the per-row
 * checks are switched off for this step's transaction only, after the same check has been made once
 * per distinct value of the step's rows: every child, district, populated place and establishment
 * they name is read `for key share`, the lock the per-row check takes, so none can be deleted before
 * the step commits; the batch row is locked by the step's heartbeat. If any value is missing the
 * per-row checks stay on, and the insert fails on it with PostgreSQL's own error, as it always did.
 */
async function perRowChecksOff(
  trx: Transaction<Database>,
  records: readonly ScreeningRecord[],
  children: ReadonlyMap<string, KnownChild>,
): Promise<void> {
  const named = {
    children: new Set<number>(),
    districts: new Set<string>(),
    places: new Set<string>(),
    establishments: new Set<string>(),
  };
  let everyChildKnown = true;
  for (const r of records) {
    const child = children.get(r.childKey);
    if (child) named.children.add(child.id);
    else everyChildKnown = false;
    if (r.residenceUbigeo !== null) named.districts.add(r.residenceUbigeo);
    if (r.populatedPlaceCode !== null) named.places.add(r.populatedPlaceCode);
    named.establishments.add(r.establishmentCode);
  }
  const held =
    everyChildKnown &&
    (await allHeld(trx, 'district', 'ubigeo', 'text', named.districts)) &&
    (await allHeld(trx, 'populated_place', 'code', 'text', named.places)) &&
    (await allHeld(trx, 'establishment', 'code', 'text', named.establishments)) &&
    (await allHeld(trx, 'child', 'id', 'int', named.children));
  if (held) await sql`set local session_replication_role = replica`.execute(trx);
}

/** Whether every distinct value is a key of `table`, each row locked as an FK check would. */
async function allHeld<T extends string | number>(
  trx: Transaction<Database>,
  table: 'district' | 'populated_place' | 'establishment' | 'child',
  key: string,
  type: 'text' | 'int',
  values: ReadonlySet<T>,
): Promise<boolean> {
  if (values.size === 0) return true;
  const distinct = [...values];
  const found = await sql`
    select 1 from ${sql.table(table)} where ${sql.ref(key)} = any(${distinct}::${sql.raw(type)}[])
    for key share`.execute(trx);
  return found.rows.length === distinct.length;
}
