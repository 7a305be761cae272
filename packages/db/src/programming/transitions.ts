import {
  permissionFor,
  targetStatus,
  transitionProblems,
  type Permission,
  type ProgrammeAction,
} from '@yawar/core';
import { sql, type Kysely, type Transaction } from 'kysely';
import { recordAudit } from '../audit/audit-trail.js';
import type { Actor } from '../audit/actor.js';
import type { Database } from '../schema.js';
import { jsonb } from '../upsert.js';
import { ProgrammingError } from './errors.js';
import { bumpVersion, lockProgramme, type LockedProgramme } from './locking.js';

export interface TransitionRequest {
  readonly action: ProgrammeAction;
  readonly version: number;
  readonly note: string | null;
  /** The caller's permissions: the action's depends on the status (core workflow table). */
  readonly permissions: readonly Permission[];
}

/**
 * Takes one workflow action: checks version, status, permission and preconditions on the locked
 * row, moves the status, and records an event with a snapshot of the lines (the version's
 * content). Approval resolves the observations the unit addressed.
 */
export async function transitionProgramme(
  db: Kysely<Database>,
  actor: Actor,
  programmeId: number,
  request: TransitionRequest,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const programme = await lockProgramme(trx, programmeId, request.version);
    const needed = permissionFor(request.action, programme.status);
    if (needed === null) {
      throw new ProgrammingError(
        'invalid_transition',
        `cannot ${request.action} a programme that is ${programme.status}`,
        { status: programme.status },
      );
    }
    if (!request.permissions.includes(needed)) {
      throw new ProgrammingError('forbidden', `${request.action} needs ${needed}`);
    }
    const lines = await lineSnapshot(trx, programmeId);
    const observations = await trx
      .selectFrom('programme_observation')
      .select(['id', 'status'])
      .where('programme_id', '=', programmeId)
      .execute();
    const problems = transitionProblems(request.action, {
      lines,
      observations,
      note: request.note,
    });
    if (problems.length > 0) {
      throw new ProgrammingError('transition_blocked', `cannot ${request.action} yet`, {
        problems,
      });
    }
    const to = targetStatus(request.action, { regionalReview: programme.regionalReview });
    if (request.action === 'approve') await resolveAddressed(trx, programmeId);
    const version = await bumpVersion(trx, programme, actor, to);
    await recordEvent(trx, actor, programme, { ...request, to, version, lines });
    return version;
  });
}

async function lineSnapshot(trx: Transaction<Database>, programmeId: number) {
  const rows = await trx
    .selectFrom('programme_line')
    .select([
      'resource_code as resourceCode',
      'method',
      'prefill_quantity as prefillQuantity',
      'unit_quantity as unitQuantity',
      'justification',
    ])
    .where('programme_id', '=', programmeId)
    .orderBy('resource_code')
    .execute();
  return rows;
}

async function resolveAddressed(trx: Transaction<Database>, programmeId: number): Promise<void> {
  await trx
    .updateTable('programme_observation')
    .set({ status: 'resolved', resolved_at: sql`now()` })
    .where('programme_id', '=', programmeId)
    .where('status', '=', 'addressed')
    .execute();
}

async function recordEvent(
  trx: Transaction<Database>,
  actor: Actor,
  programme: LockedProgramme,
  event: {
    action: string;
    to: string;
    version: number;
    note: string | null;
    lines: unknown;
  },
): Promise<void> {
  await trx
    .insertInto('programme_event')
    .values({
      programme_id: programme.id,
      version: event.version,
      action: event.action,
      from_status: programme.status,
      to_status: event.to,
      note: event.note?.trim() || null,
      lines: jsonb(event.lines) as never,
      actor: actor.label,
    })
    .execute();
  await recordAudit(trx, actor, {
    action: `programme.${event.action}`,
    entity: 'programme',
    entityId: String(programme.id),
    before: { status: programme.status, version: programme.version },
    after: { status: event.to, version: event.version, note: event.note },
  });
}
