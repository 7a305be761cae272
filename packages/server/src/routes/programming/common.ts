import {
  availableActions,
  EDITABLE_STATUSES,
  ROLE_PERMISSIONS,
  type Permission,
} from '@yawar/core';
import {
  programmeLocation,
  programmeSheet,
  unitCodesInScope,
  userActor,
  type Actor,
  type YawarDatabase,
} from '@yawar/db';
import type { FastifyRequest } from 'fastify';
import { ApiError, notFound } from '../../errors.js';

export function sessionUser(request: FastifyRequest) {
  const user = request.session?.user;
  if (!user) throw new ApiError(401, 'unauthenticated', 'log in to use this resource');
  return user;
}

export function actorOf(request: FastifyRequest): Actor {
  return userActor(sessionUser(request), request.id, request.ip);
}

export function permissionsOf(request: FastifyRequest): readonly Permission[] {
  return ROLE_PERMISSIONS[sessionUser(request).role];
}

/** The executing units the caller's scope sees (null: all). */
export function unitsOf(db: YawarDatabase, request: FastifyRequest) {
  return unitCodesInScope(db, sessionUser(request).scope);
}

export const locateProgramme = (db: YawarDatabase) => (request: FastifyRequest) =>
  programmeLocation(db, Number((request.params as { id: string }).id) || 0);

/** The sheet as the caller sees it: with what they may do now. */
export async function sheetFor(db: YawarDatabase, request: FastifyRequest, id: number) {
  const sheet = await programmeSheet(db, id);
  if (!sheet) throw notFound(`programme ${id}`);
  const permissions = permissionsOf(request);
  const status = sheet.programme.status;
  return {
    ...sheet,
    availableActions: availableActions(status, permissions),
    editable: permissions.includes('programming:edit') && EDITABLE_STATUSES.includes(status),
    canReview: permissions.includes('programming:review') && status === 'in_review',
  };
}
