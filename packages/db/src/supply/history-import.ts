import {
  IssueLog,
  KEPT_IMPORT_ERRORS,
  scopeCovers,
  validateSupplyHistory,
  type CsvSource,
  type Scope,
  type ImportIssue,
  type IssueLogOptions,
  type SupplyHistoryContext,
} from '@yawar/core';
import type { Kysely } from 'kysely';
import type { Actor } from '../audit/actor.js';
import { allEstablishmentLocations } from '../queries/locations.js';
import type { Database } from '../schema.js';
import {
  loadSupplyHistory,
  SupplyHistoryImportError,
  type SupplyHistoryLoadReport,
} from './history-load.js';

export interface SupplyHistoryImportOptions {
  readonly actor: Actor;
  /** ISO date; months after it are refused. Default: today. */
  readonly today?: string;
  readonly onProgress?: (done: number, total: number) => void;
  /** Called when validation starts and when writing starts. */
  readonly onPhase?: (phase: 'validating' | 'writing', total: number) => void;
  /** Restricts the sites the file may name to the importing user's scope. */
  readonly isInScope?: SupplyHistoryContext['isInScope'];
  /**
   * How many errors to keep in memory (default 1,000; the rest are only counted) and where to
   * send every one as it is found (the server writes them to the job's error file).
   */
  readonly issues?: IssueLogOptions;
}

export interface SupplyHistoryImportReport extends SupplyHistoryLoadReport {
  /** Accepted but worth a look (an establishment with no executing unit on record). */
  readonly warnings: readonly ImportIssue[];
}

/**
 * Validates a history file (docs/formats/supply-history.md) against the executing units,
 * establishments and catalogue in the database, then loads it all or nothing.
 */
export async function importSupplyHistory(
  db: Kysely<Database>,
  source: CsvSource,
  options: SupplyHistoryImportOptions,
): Promise<SupplyHistoryImportReport> {
  options.onPhase?.('validating', source.table.records.length);
  const log = new IssueLog({ keep: KEPT_IMPORT_ERRORS, ...options.issues });
  const validation = validateSupplyHistory(
    source,
    {
      ...(await supplyHistoryContext(db)),
      today: options.today ?? new Date().toISOString().slice(0, 10),
      ...(options.isInScope ? { isInScope: options.isInScope } : {}),
    },
    log,
  );
  if (!validation.ok) throw SupplyHistoryImportError.of(log);
  if (validation.records.length === 0) {
    throw new SupplyHistoryImportError([
      { file: source.file, row: 0, column: null, reason: 'has no rows below the header' },
    ]);
  }
  options.onPhase?.('writing', validation.records.length);
  const report = await loadSupplyHistory(
    db,
    validation.records.map(({ line: _line, ...row }) => row),
    {
      fileName: source.file.split(/[\\/]/).pop() ?? source.file,
      origin: 'import',
      actor: options.actor,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    },
  );
  return { ...report, warnings: validation.warnings };
}

async function supplyHistoryContext(
  db: Kysely<Database>,
): Promise<Omit<SupplyHistoryContext, 'today' | 'isInScope'>> {
  const units = await db.selectFrom('executing_unit').select('code').execute();
  const establishments = await db
    .selectFrom('establishment')
    .select(['code', 'executing_unit_code'])
    .where('in_registry', '=', true)
    .execute();
  const resources = await db
    .selectFrom('strategic_resource')
    .select('code')
    .where('active', '=', true)
    .execute();
  return {
    executingUnits: new Set(units.map((u) => u.code)),
    establishments: new Map(
      establishments.map((e) => [e.code, { executingUnitCode: e.executing_unit_code }]),
    ),
    resources: new Set(resources.map((r) => r.code)),
  };
}

/**
 * Whether a scope covers a site of a history file: an establishment where it sits in the
 * hierarchy, counted under the unit the row names; a warehouse as its executing unit. One query
 * for the whole file, like the screening import's bulk check.
 */
export async function supplySiteScopeCheck(
  db: Kysely<Database>,
  scope: Scope,
): Promise<NonNullable<SupplyHistoryContext['isInScope']>> {
  const establishments = await allEstablishmentLocations(db);
  const units = await db
    .selectFrom('executing_unit')
    .select(['code', 'department_ubigeo'])
    .execute();
  const unitDepartment = new Map(units.map((u) => [u.code, u.department_ubigeo]));
  return ({ executingUnitCode, establishmentCode }) => {
    if (establishmentCode === null) {
      const department = unitDepartment.get(executingUnitCode);
      return (
        department !== undefined &&
        scopeCovers(scope, { department, executingUnits: [executingUnitCode] })
      );
    }
    const location = establishments.get(establishmentCode);
    return (
      location !== undefined &&
      scopeCovers(scope, { ...location, executingUnits: [executingUnitCode] })
    );
  };
}
