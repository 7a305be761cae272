import { EDITABLE_STATUSES, type ForecastMethod } from '@yawar/core';
import { sql, type Kysely } from 'kysely';
import { recordAudit } from '../audit/audit-trail.js';
import type { Actor } from '../audit/actor.js';
import type { Database } from '../schema.js';
import {
  activeResources,
  computeLine,
  historyWindow,
  roundContext,
  storedComputation,
  type ResourceFacts,
  type RoundContext,
} from './compute.js';
import { ProgrammingError } from './errors.js';
import { loadUnitSeries, type UnitSeries } from './history-series.js';
import { unitIntervention, type UnitIntervention } from './intervention.js';
import { bumpVersion, lockProgramme, type LockedProgramme } from './locking.js';

export interface LineUpdate {
  readonly version: number;
  readonly unitQuantity: number | null;
  readonly justification: string | null;
  readonly method: ForecastMethod;
}

/**
 * The unit's own quantity, justification and method for one line. A new method recomputes the
 * prefill from the history (it is the system's figure for that method). Only in draft or
 * returned; a missing justification is allowed while editing and blocks submission.
 */
export async function updateLine(
  db: Kysely<Database>,
  actor: Actor,
  programmeId: number,
  resourceCode: string,
  update: LineUpdate,
): Promise<number> {
  const { version, ...change } = update;
  return updateLines(db, actor, programmeId, version, [{ resourceCode, ...change }]);
}

export interface LineChange {
  readonly resourceCode: string;
  readonly unitQuantity: number | null;
  readonly justification: string | null;
  readonly method: ForecastMethod;
}

/** Several lines at once (a sheet imported from Excel): all of them or none, one new version. */
export async function updateLines(
  db: Kysely<Database>,
  actor: Actor,
  programmeId: number,
  version: number,
  changes: readonly LineChange[],
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const programme = await lockProgramme(trx, programmeId, version);
    if (!EDITABLE_STATUSES.includes(programme.status)) {
      throw new ProgrammingError(
        'not_editable',
        `programme ${programmeId} is ${programme.status}: lines change only in draft or returned`,
      );
    }
    const recompute = recomputer(trx, programme.roundId, programme.unitCode);
    for (const change of changes) await applyChange(trx, actor, programme, change, recompute);
    return bumpVersion(trx, programme, actor);
  });
}

async function applyChange(
  trx: Kysely<Database>,
  actor: Actor,
  programme: LockedProgramme,
  change: LineChange,
  recompute: ReturnType<typeof recomputer>,
): Promise<void> {
  const { resourceCode } = change;
  const before = await trx
    .selectFrom('programme_line')
    .select(['method', 'prefill_quantity', 'unit_quantity', 'justification', 'pack_size'])
    .where('programme_id', '=', programme.id)
    .where('resource_code', '=', resourceCode)
    .executeTakeFirst();
  if (!before) throw new ProgrammingError('unknown_resource', `no line for ${resourceCode}`);
  if (change.unitQuantity !== null && change.unitQuantity % before.pack_size !== 0) {
    throw new ProgrammingError(
      'invalid_quantity',
      `${resourceCode}: ${change.unitQuantity} is not a whole number of packs of ${before.pack_size}`,
      { resourceCode, packSize: before.pack_size },
    );
  }
  const recomputed =
    change.method !== before.method ? await recompute(resourceCode, change.method) : null;
  await trx
    .updateTable('programme_line')
    .set({
      method: change.method,
      unit_quantity: change.unitQuantity,
      justification: change.justification?.trim() || null,
      updated_at: sql`now()`,
      ...(recomputed
        ? {
            prefill_quantity: recomputed.quantity,
            ...storedComputation(recomputed),
          }
        : {}),
    })
    .where('programme_id', '=', programme.id)
    .where('resource_code', '=', resourceCode)
    .execute();
  await recordAudit(trx, actor, {
    action: 'programme.line.update',
    entity: 'programme_line',
    entityId: `${programme.id}/${resourceCode}`,
    before: {
      method: before.method,
      prefillQuantity: before.prefill_quantity,
      unitQuantity: before.unit_quantity,
      justification: before.justification,
    },
    after: { ...change, prefillQuantity: recomputed?.quantity ?? before.prefill_quantity },
  });
}

/**
 * What recomputing a line needs from the database, read once per write (a sheet loaded from
 * Excel may change the method of every line): the round, the catalogue, the unit's series, and
 * the intervention tree only if a line asks for it.
 */
function recomputer(db: Kysely<Database>, roundId: number, unitCode: string) {
  let base: Promise<{
    round: RoundContext;
    resources: ResourceFacts[];
    series: UnitSeries;
  }> | null = null;
  let tree: Promise<UnitIntervention> | null = null;
  const load = () =>
    (base ??= (async () => {
      const round = await roundContext(db, roundId);
      const window = historyWindow(round);
      return {
        round,
        resources: await activeResources(db),
        series: await loadUnitSeries(db, unitCode, window.from, window.to),
      };
    })());
  return async (resourceCode: string, method: ForecastMethod) => {
    const { round, resources, series } = await load();
    const resource = resources.find((r) => r.code === resourceCode);
    if (!resource) throw new ProgrammingError('unknown_resource', `no resource ${resourceCode}`);
    const demand =
      method === 'intervention'
        ? ((await (tree ??= unitIntervention(db, round, unitCode))).demand.get(resourceCode) ??
          null)
        : null;
    return computeLine(round, resource, series, method, demand);
  };
}
