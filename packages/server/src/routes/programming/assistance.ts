import { createMeeting, listMeetings, meetingRound, updateParticipant } from '@yawar/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { safeText, visibleText } from '@yawar/api';
import type { ServerContext } from '../../context.js';
import { notFound } from '../../errors.js';
import { permission, scopedList } from '../../security/access.js';
import { actorOf, dateParam, idParam, unitsOf } from './common.js';
import { meetingSchema } from './schemas.js';

const TAGS = ['programming'];

/** Technical-assistance meetings of a round: groups of units, attendance and feedback. */
export const assistanceRoutes =
  (context: ServerContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = context.connection.db;
    const params = z.object({ id: idParam });

    app.get(
      '/api/programming/rounds/:id/meetings',
      {
        config: { access: scopedList('programming:read') },
        schema: {
          summary: "A round's assistance meetings (participants limited to your scope)",
          tags: TAGS,
          params,
          response: { 200: z.object({ meetings: z.array(meetingSchema) }) },
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
          body: z.object({
            groupName: visibleText(2, 120),
            startsOn: dateParam,
            endsOn: dateParam,
            modality: z.enum(['in_person', 'virtual']),
            place: safeText(200).nullable(),
            unitCodes: z
              .array(z.string().regex(/^[1-9]\d{0,5}$/))
              .min(1)
              .max(500),
          }),
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
          params: params.extend({ unitCode: z.string().regex(/^[1-9]\d{0,5}$/) }),
          body: z.object({
            attended: z.boolean().nullable(),
            feedback: safeText(4000).nullable(),
          }),
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
