import { PROGRAMME_ACTIONS, type Permission, type ProgrammeAction } from '@yawar/core';
import {
  addObservation,
  addressObservation,
  observationLocation,
  observationProgramme,
  resolveObservation,
  transitionProgramme,
  updateLine,
} from '@yawar/db';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  addressObservationBody,
  lineUpdateBody,
  newObservationBody,
  programmeLineParams,
  programmeSheetSchema,
  programmingIdParams,
  resolveObservationBody,
  transitionBody,
} from '@yawar/api';
import type { ServerContext } from '../../context.js';
import { notFound } from '../../errors.js';
import { permission } from '../../security/access.js';
import { actorOf, locateProgramme, permissionsOf, sheetFor } from './common.js';

const TAGS = ['programming'];

/**
 * Route-level permission of each action. `return` is taken by the regional validator (from
 * submitted) or by CENARES (from in_review): the route asks for programming:read and the workflow
 * table checks the one the status needs.
 */
const ACTION_ACCESS: Record<ProgrammeAction, Permission> = {
  submit: 'programming:edit',
  validate: 'programming:validate',
  return: 'programming:read',
  approve: 'programming:review',
};

/** One unit's programme: the sheet, line edits, workflow actions and observations. */
export const programmeRoutes =
  (context: ServerContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = context.connection.db;
    const locate = locateProgramme(db);
    const params = programmingIdParams;

    app.get(
      '/api/programming/programmes/:id',
      {
        config: { access: permission('programming:read', locate) },
        schema: {
          summary: "A unit's programming sheet: lines with their formulas, observations, history",
          tags: TAGS,
          params,
          response: { 200: programmeSheetSchema },
        },
      },
      async (request) => sheetFor(db, request, request.params.id),
    );

    app.patch(
      '/api/programming/programmes/:id/lines/:resourceCode',
      {
        config: { access: permission('programming:edit', locate) },
        schema: {
          summary:
            "Set the unit's quantity, justification and method of a line (draft or returned)",
          tags: TAGS,
          params: programmeLineParams,
          body: lineUpdateBody,
          response: { 200: programmeSheetSchema },
        },
      },
      async (request) => {
        const { id, resourceCode } = request.params;
        await updateLine(db, actorOf(request), id, resourceCode, request.body);
        return sheetFor(db, request, id);
      },
    );

    for (const action of PROGRAMME_ACTIONS) {
      app.post(
        `/api/programming/programmes/:id/${action}`,
        {
          config: { access: permission(ACTION_ACCESS[action], locate) },
          schema: {
            summary: `Workflow: ${action} the programme (names the version you read)`,
            tags: TAGS,
            params,
            body: transitionBody,
            response: { 200: programmeSheetSchema },
          },
        },
        async (request) => {
          const { id } = request.params;
          await transitionProgramme(db, actorOf(request), id, {
            action,
            version: request.body.version,
            note: request.body.note ?? null,
            permissions: permissionsOf(request),
          });
          return sheetFor(db, request, id);
        },
      );
    }

    app.post(
      '/api/programming/programmes/:id/observations',
      {
        config: { access: permission('programming:review', locate) },
        schema: {
          summary: 'Add a review observation on a line (or on the whole programme)',
          tags: TAGS,
          params,
          body: newObservationBody,
          response: { 201: programmeSheetSchema },
        },
      },
      async (request, reply) => {
        const { id } = request.params;
        await addObservation(db, actorOf(request), id, request.body);
        return reply.status(201).send(await sheetFor(db, request, id));
      },
    );

    const locateObservation = (request: FastifyRequest) =>
      observationLocation(db, Number((request.params as { id: string }).id) || 0);

    app.post(
      '/api/programming/observations/:id/address',
      {
        config: { access: permission('programming:edit', locateObservation) },
        schema: {
          summary: "The unit's answer to an observation on its returned programme",
          tags: TAGS,
          params: programmingIdParams,
          body: addressObservationBody,
          response: { 200: programmeSheetSchema },
        },
      },
      async (request) => {
        const programmeId = await observationProgramme(db, request.params.id);
        if (programmeId === null) throw notFound(`observation ${request.params.id}`);
        await addressObservation(db, actorOf(request), request.params.id, request.body);
        return sheetFor(db, request, programmeId);
      },
    );

    app.post(
      '/api/programming/observations/:id/resolve',
      {
        config: { access: permission('programming:review', locateObservation) },
        schema: {
          summary: 'Close an observation during review',
          tags: TAGS,
          params: programmingIdParams,
          body: resolveObservationBody,
          response: { 200: programmeSheetSchema },
        },
      },
      async (request) => {
        const programmeId = await observationProgramme(db, request.params.id);
        if (programmeId === null) throw notFound(`observation ${request.params.id}`);
        await resolveObservation(db, actorOf(request), request.params.id, request.body.version);
        return sheetFor(db, request, programmeId);
      },
    );
  };
