import type { ObservationCriticality } from '@yawar/core';
import { sql, type Kysely } from 'kysely';
import { recordAudit } from '../audit/audit-trail.js';
import type { Actor } from '../audit/actor.js';
import type { Database } from '../schema.js';
import { ProgrammingError } from './errors.js';
import { bumpVersion, lockProgramme } from './locking.js';

export interface NewObservation {
  readonly version: number;
  readonly resourceCode: string | null;
  readonly criticality: ObservationCriticality;
  readonly note: string;
}

/**
 * CENARES' feedback on a programme under review (QAT's manual problem list: planning unit,
 * criticality, description). Each write moves the programme's version, so a reviewer approving
 * an older version than the one just observed gets a conflict.
 */
export async function addObservation(
  db: Kysely<Database>,
  actor: Actor,
  programmeId: number,
  observation: NewObservation,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const programme = await lockProgramme(trx, programmeId, observation.version);
    if (programme.status !== 'in_review' && programme.status !== 'submitted') {
      throw new ProgrammingError(
        'invalid_observation',
        `observations are made during review, not while the programme is ${programme.status}`,
      );
    }
    if (observation.resourceCode !== null) {
      const line = await trx
        .selectFrom('programme_line')
        .select('resource_code')
        .where('programme_id', '=', programmeId)
        .where('resource_code', '=', observation.resourceCode)
        .executeTakeFirst();
      if (!line)
        throw new ProgrammingError('unknown_resource', `no line for ${observation.resourceCode}`);
    }
    const { id } = await trx
      .insertInto('programme_observation')
      .values({
        programme_id: programmeId,
        resource_code: observation.resourceCode,
        criticality: observation.criticality,
        note: observation.note.trim(),
        status: 'open',
        created_by: actor.label,
        programme_version: programme.version,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await bumpVersion(trx, programme, actor);
    await recordAudit(trx, actor, {
      action: 'observation.create',
      entity: 'programme_observation',
      entityId: String(id),
      after: { programmeId, ...observation },
    });
    return id;
  });
}

/** The unit answers an open observation while its programme is returned to it. */
export async function addressObservation(
  db: Kysely<Database>,
  actor: Actor,
  observationId: number,
  answer: { readonly version: number; readonly response: string },
): Promise<number> {
  return changeObservation(db, actor, observationId, answer.version, async (trx, status) => {
    if (status.programme !== 'returned')
      throw new ProgrammingError(
        'invalid_observation',
        'the unit answers once the programme is returned',
      );
    if (status.observation !== 'open')
      throw new ProgrammingError(
        'invalid_observation',
        `the observation is already ${status.observation}`,
      );
    await trx
      .updateTable('programme_observation')
      .set({ status: 'addressed', response: answer.response.trim(), addressed_at: sql`now()` })
      .where('id', '=', observationId)
      .execute();
    return { action: 'observation.address', after: { response: answer.response } };
  });
}

/** The reviewer closes an observation (addressed or not) during review. */
export async function resolveObservation(
  db: Kysely<Database>,
  actor: Actor,
  observationId: number,
  version: number,
): Promise<number> {
  return changeObservation(db, actor, observationId, version, async (trx, status) => {
    if (status.programme !== 'in_review' && status.programme !== 'submitted')
      throw new ProgrammingError('invalid_observation', 'observations are resolved during review');
    if (status.observation === 'resolved')
      throw new ProgrammingError('invalid_observation', 'the observation is already resolved');
    await trx
      .updateTable('programme_observation')
      .set({ status: 'resolved', resolved_at: sql`now()` })
      .where('id', '=', observationId)
      .execute();
    return { action: 'observation.resolve', after: { status: 'resolved' } };
  });
}

async function changeObservation(
  db: Kysely<Database>,
  actor: Actor,
  observationId: number,
  version: number,
  change: (
    trx: Kysely<Database>,
    status: { programme: string; observation: string },
  ) => Promise<{ action: string; after: unknown }>,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const observation = await trx
      .selectFrom('programme_observation')
      .select(['programme_id', 'status'])
      .where('id', '=', observationId)
      .executeTakeFirst();
    if (!observation)
      throw new ProgrammingError('not_found', `observation ${observationId} was not found`);
    const programme = await lockProgramme(trx, observation.programme_id, version);
    const audit = await change(trx, {
      programme: programme.status,
      observation: observation.status,
    });
    const newVersion = await bumpVersion(trx, programme, actor);
    await recordAudit(trx, actor, {
      action: audit.action,
      entity: 'programme_observation',
      entityId: String(observationId),
      before: { status: observation.status },
      after: audit.after,
    });
    return newVersion;
  });
}

/** The programme an observation was made on; null if there is no such observation. */
export async function observationProgramme(
  db: Kysely<Database>,
  observationId: number,
): Promise<number | null> {
  const row = await db
    .selectFrom('programme_observation')
    .select('programme_id')
    .where('id', '=', observationId)
    .executeTakeFirst();
  return row?.programme_id ?? null;
}
