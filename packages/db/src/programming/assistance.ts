import { sql, type Kysely } from 'kysely';
import { recordAudit } from '../audit/audit-trail.js';
import type { Actor } from '../audit/actor.js';
import type { Database } from '../schema.js';
import { ProgrammingError } from './errors.js';

/**
 * Technical-assistance meetings of a round: CENARES meets groups of executing units (e.g.
 * macro-regional, two days each: https://www.gob.pe/institucion/cenares/noticias/932624-cenares-inicio-asistencias-tecnicas-para-la-programacion-de-recursos-estrategicos-en-salud-para-intervenciones-sanitarias-2025)
 * to review and give feedback. Attendance and
 * the feedback given are recorded per unit, next to how the unit's observations were handled.
 */
export interface NewMeeting {
  readonly groupName: string;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly modality: 'in_person' | 'virtual';
  readonly place: string | null;
  readonly unitCodes: readonly string[];
}

export async function createMeeting(
  db: Kysely<Database>,
  actor: Actor,
  roundId: number,
  meeting: NewMeeting,
): Promise<number> {
  if (meeting.endsOn < meeting.startsOn)
    throw new ProgrammingError('invalid_meeting', 'endsOn must not be before startsOn');
  if (meeting.unitCodes.length === 0)
    throw new ProgrammingError('invalid_meeting', 'a meeting needs at least one executing unit');
  return db.transaction().execute(async (trx) => {
    const round = await trx
      .selectFrom('programming_round')
      .select('id')
      .where('id', '=', roundId)
      .executeTakeFirst();
    if (!round) throw new ProgrammingError('not_found', `round ${roundId} was not found`);
    const known = await trx
      .selectFrom('executing_unit')
      .select('code')
      .where('code', 'in', meeting.unitCodes)
      .execute();
    const unknown = meeting.unitCodes.filter((c) => !known.some((k) => k.code === c));
    if (unknown.length > 0)
      throw new ProgrammingError(
        'invalid_meeting',
        `unknown executing units: ${unknown.join(', ')}`,
        {
          unknown,
        },
      );
    const { id } = await trx
      .insertInto('assistance_meeting')
      .values({
        round_id: roundId,
        group_name: meeting.groupName.trim(),
        starts_on: meeting.startsOn,
        ends_on: meeting.endsOn,
        modality: meeting.modality,
        place: meeting.place?.trim() || null,
        created_by: actor.label,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('assistance_participant')
      .values(
        [...new Set(meeting.unitCodes)].map((code) => ({
          meeting_id: id,
          executing_unit_code: code,
        })),
      )
      .execute();
    await recordAudit(trx, actor, {
      action: 'meeting.create',
      entity: 'assistance_meeting',
      entityId: String(id),
      after: { roundId, ...meeting },
    });
    return id;
  });
}

export async function updateParticipant(
  db: Kysely<Database>,
  actor: Actor,
  meetingId: number,
  unitCode: string,
  change: { readonly attended: boolean | null; readonly feedback: string | null },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('assistance_participant')
      .select(['attended', 'feedback'])
      .where('meeting_id', '=', meetingId)
      .where('executing_unit_code', '=', unitCode)
      .executeTakeFirst();
    if (!before)
      throw new ProgrammingError('not_found', `unit ${unitCode} is not in meeting ${meetingId}`);
    await trx
      .updateTable('assistance_participant')
      .set({
        attended: change.attended,
        feedback: change.feedback?.trim() || null,
        updated_by: actor.label,
      })
      .where('meeting_id', '=', meetingId)
      .where('executing_unit_code', '=', unitCode)
      .execute();
    await recordAudit(trx, actor, {
      action: 'meeting.participant.update',
      entity: 'assistance_participant',
      entityId: `${meetingId}/${unitCode}`,
      before,
      after: change,
    });
  });
}

/** The round a meeting belongs to; null if there is no such meeting. */
export async function meetingRound(
  db: Kysely<Database>,
  meetingId: number,
): Promise<number | null> {
  const row = await db
    .selectFrom('assistance_meeting')
    .select('round_id')
    .where('id', '=', meetingId)
    .executeTakeFirst();
  return row?.round_id ?? null;
}

/** A round's meetings with each participant's attendance, feedback and observation handling. */
export async function listMeetings(db: Kysely<Database>, roundId: number, meetingId?: number) {
  let meetings = db
    .selectFrom('assistance_meeting')
    .select([
      'id',
      'round_id as roundId',
      'group_name as groupName',
      sql<string>`to_char(starts_on, 'YYYY-MM-DD')`.as('startsOn'),
      sql<string>`to_char(ends_on, 'YYYY-MM-DD')`.as('endsOn'),
      'modality',
      'place',
    ])
    .where('round_id', '=', roundId)
    .orderBy('starts_on')
    .orderBy('id');
  if (meetingId !== undefined) meetings = meetings.where('id', '=', meetingId);
  const rows = await meetings.execute();
  if (rows.length === 0) return [];
  const participants = await db
    .selectFrom('assistance_participant as a')
    .innerJoin('executing_unit as u', 'u.code', 'a.executing_unit_code')
    .leftJoin('programme as p', (join) =>
      join
        .onRef('p.executing_unit_code', '=', 'a.executing_unit_code')
        .on('p.round_id', '=', roundId),
    )
    .select([
      'a.meeting_id as meetingId',
      'u.code',
      'u.name',
      'a.attended',
      'a.feedback',
      'p.id as programmeId',
      'p.status as programmeStatus',
      sql<number>`(select count(*)::int from programme_observation o where o.programme_id = p.id)`.as(
        'observations',
      ),
      // Addressed by the unit before the approval event, if the programme was approved.
      sql<number>`(select count(*)::int from programme_observation o
        where o.programme_id = p.id and o.addressed_at is not null
          and o.addressed_at <= coalesce((select min(e.at) from programme_event e
            where e.programme_id = p.id and e.action = 'approve'), 'infinity'::timestamptz))`.as(
        'addressedBeforeApproval',
      ),
    ])
    .where(
      'a.meeting_id',
      'in',
      rows.map((r) => r.id),
    )
    // Numerically: unit 785 before 1047 (issue #10).
    .orderBy(sql`u.code::int`)
    .execute();
  return rows.map((meeting) => ({
    ...meeting,
    participants: participants
      .filter((p) => p.meetingId === meeting.id)
      .map(({ meetingId: _meetingId, code, name, ...rest }) => ({ unit: { code, name }, ...rest })),
  }));
}
