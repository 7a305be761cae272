import {
  createUser,
  findUser,
  listScopes,
  listUsers,
  resetPassword,
  updateUser,
  userActor,
} from '@yawar/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import {
  createdUserSchema,
  newUserBody,
  passwordResetSchema,
  scopeListSchema,
  updatedUserSchema,
  userIdParams,
  userListSchema,
  userPatchBody,
} from '@yawar/api';
import type { AppContext } from '../context.js';
import { ApiError } from '../errors.js';
import { presentUser } from '../presenters/user.js';
import { permission } from '../security/access.js';

const MANAGE_USERS = permission('users:manage');

function actorOf(request: FastifyRequest) {
  const session = request.session;
  if (!session) throw new ApiError(401, 'unauthenticated', 'log in to use this resource');
  return userActor(session.user, request.id, request.ip);
}

export const userRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { connection } = context;
    const db = connection.db;

    app.get(
      '/api/users',
      {
        config: { access: MANAGE_USERS },
        schema: {
          summary: 'All accounts',
          tags: ['users'],
          response: { 200: userListSchema },
        },
      },
      async () => ({
        items: await Promise.all(
          (await listUsers(db)).map((user) => presentUser(connection, user)),
        ),
      }),
    );

    app.post(
      '/api/users',
      {
        config: { access: MANAGE_USERS },
        schema: {
          summary: 'Create an account; the generated password is returned once',
          tags: ['users'],
          body: newUserBody,
          response: { 201: createdUserSchema },
        },
      },
      async (request, reply) => {
        const { user, password } = await createUser(db, actorOf(request), request.body);
        return reply.status(201).send({ user: await presentUser(connection, user), password });
      },
    );

    app.patch(
      '/api/users/:id',
      {
        config: { access: MANAGE_USERS },
        schema: {
          summary: 'Change name, role, scope, or disable/enable an account (its sessions end)',
          tags: ['users'],
          params: userIdParams,
          body: userPatchBody,
          response: { 200: updatedUserSchema },
        },
      },
      async (request) => {
        if (
          request.session?.user.id === request.params.id &&
          (request.body.disabled || request.body.role)
        ) {
          throw new ApiError(
            409,
            'own_account',
            'you cannot disable your own account or change your own role',
          );
        }
        const user = await updateUser(db, actorOf(request), request.params.id, request.body);
        return { user: await presentUser(connection, user) };
      },
    );

    app.post(
      '/api/users/:id/reset-password',
      {
        config: { access: MANAGE_USERS },
        schema: {
          summary:
            'Set a new random password (returned once); unlocks the account and ends its sessions',
          tags: ['users'],
          params: userIdParams,
          response: { 200: passwordResetSchema },
        },
      },
      async (request) => {
        if (!(await findUser(db, { id: request.params.id })))
          throw new ApiError(404, 'not_found', `user ${request.params.id} was not found`);
        return { password: await resetPassword(db, actorOf(request), request.params.id) };
      },
    );

    app.get(
      '/api/scopes',
      {
        config: { access: MANAGE_USERS },
        schema: {
          summary: 'Scopes an account can be given',
          tags: ['users'],
          response: { 200: scopeListSchema },
        },
      },
      async () => ({ items: await listScopes(db) }),
    );
  };
