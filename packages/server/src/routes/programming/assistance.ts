import { createMeeting, listMeetings, meetingRound, updateParticipant } from '@yawar/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  meetingListSchema,
  meetingParticipantParams,
  meetingParticipantPatchBody,
  meetingSchema,
  newMeetingBody,
  programmingIdParams,
} from '@yawar/api';
import type { ServerContext } from '../../context.js';
import { notFound } from '../../errors.js';
import { permission, scopedList } from '../../security/access.js';
import { actorOf, unitsOf } from './common.js';

const TAGS = ['programming'];

/** Technical-assistance meetings of a round: groups of units, attendance and feedback. */
export const assistanceRoutes =
  (context: ServerContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = context.connection.db;
    const params = programmingIdParams;

    app.get(
      '/api/programming/rounds/:id/meetings',
      {
        config: { access: scopedList('programming:read') },
        schema: {
          summary: "A round's assistance meetings (participants limited to your scope)",
          tags: TAGS,
          params,
          response: { 200: meetingListSchema },
        },
      },
      async (request) => {
        const units = await unitsOf(db, request);
        const meetings = await listMeetings(db, request.params.id);
        const visible = meetings
          .map((m) => ({
            ...m,
            participants: m.participants.filter((p) => !units || units.includes(p.unit.code)),
          }))
          .filter((m) => !units || m.participants.length > 0);
        return { meetings: visible };
      },
    );

    app.post(
      '/api/programming/rounds/:id/meetings',
      {
        config: { access: permission('programming:review') },
        schema: {
          summary: 'Schedule an assistance meeting with a group of executing units',
          tags: TAGS,
          params,
          body: newMeetingBody,
          response: { 201: meetingSchema },
        },
      },
      async (request, reply) => {
        const id = await createMeeting(db, actorOf(request), request.params.id, request.body);
        const [meeting] = await listMeetings(db, request.params.id, id);
        if (!meeting) throw notFound(`meeting ${id}`);
        return reply.status(201).send(meeting);
      },
    );

    app.patch(
      '/api/programming/meetings/:id/participants/:unitCode',
      {
        config: { access: permission('programming:review') },
        schema: {
          summary: "Record a unit's attendance and the feedback it was given",
          tags: TAGS,
          params: meetingParticipantParams,
          body: meetingParticipantPatchBody,
          response: { 200: meetingSchema },
        },
      },
      async (request) => {
        const { id, unitCode } = request.params;
        await updateParticipant(db, actorOf(request), id, unitCode, request.body);
        const roundId = await meetingRound(db, id);
        if (roundId === null) throw notFound(`meeting ${id}`);
        const [meeting] = await listMeetings(db, roundId, id);
        if (!meeting) throw notFound(`meeting ${id}`);
        return meeting;
      },
    );
  };
