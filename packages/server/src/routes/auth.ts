import {
  authenticate,
  createSession,
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  deleteSession,
  purgeExpiredSessions,
  scopeLabel,
  userActor,
  recordAudit,
} from '@yawar/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { demoAccountsSchema, loginBody, logoutResponse, sessionSchema } from '@yawar/api';
import type { AppContext } from '../context.js';
import { ApiError } from '../errors.js';
import { presentMe } from '../presenters/user.js';
import { PUBLIC, SESSION } from '../security/access.js';
import { clearSessionCookie, setSessionCookie } from '../security/session-plugin.js';

export const authRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { connection } = context;

    app.post(
      '/api/auth/login',
      {
        config: {
          access: PUBLIC,
          rateLimit: { max: context.security.loginAttemptsPerMinute, timeWindow: '1 minute' },
        },
        schema: {
          summary:
            'Log in; sets an HTTP-only session cookie and returns the CSRF token for later writes',
          tags: ['auth'],
          body: loginBody,
          response: { 200: sessionSchema },
        },
      },
      async (request, reply) => {
        const now = new Date();
        const result = await authenticate(
          connection.db,
          request.body.username,
          request.body.password,
          {
            now,
            demoAccountsEnabled: context.security.demoAccounts,
            requestId: request.id,
            ip: request.ip,
          },
        );
        if (!result.ok) {
          // A disabled account is told so only after the right password. A lock is answered
          // exactly like a wrong password (same status, code, body; the same hash work was done),
          // so it reveals neither that the account exists nor that it is locked (issue 10, finding 3).
          if (result.reason === 'account_disabled')
            throw new ApiError(403, 'account_disabled', 'this account is disabled');
          throw new ApiError(401, 'invalid_credentials', 'wrong username or password');
        }
        if (request.sessionToken) await deleteSession(connection.db, request.sessionToken); // no session fixation
        const session = await createSession(connection.db, result.user.id, now);
        await purgeExpiredSessions(connection.db, now); // housekeeping: keeps the session table small
        setSessionCookie(request, reply, session.token, session.expiresAt);
        return { user: await presentMe(connection, result.user), csrfToken: session.csrfToken };
      },
    );

    app.post(
      '/api/auth/logout',
      {
        config: { access: SESSION },
        schema: { summary: 'End the session', tags: ['auth'], response: { 204: logoutResponse } },
      },
      async (request, reply) => {
        const { session, sessionToken } = request;
        if (session && sessionToken) {
          await deleteSession(connection.db, sessionToken);
          await recordAudit(connection.db, userActor(session.user, request.id, request.ip), {
            action: 'logout',
            entity: 'session',
            entityId: String(session.user.id),
          });
        }
        clearSessionCookie(request, reply);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/auth/me',
      {
        config: { access: SESSION },
        schema: {
          summary: 'The logged-in user, with role, scope and permissions',
          tags: ['auth'],
          response: { 200: sessionSchema },
        },
      },
      async (request) => {
        const session = request.session;
        if (!session) throw new ApiError(401, 'unauthenticated', 'log in to use this resource');
        return { user: await presentMe(connection, session.user), csrfToken: session.csrfToken };
      },
    );

    app.get(
      '/api/auth/demo-accounts',
      {
        config: { access: PUBLIC },
        schema: {
          summary: 'Demo accounts and their shared password, when this deployment enables them',
          tags: ['auth'],
          response: { 200: demoAccountsSchema },
        },
      },
      async () => {
        if (!context.security.demoAccounts) return { items: [], password: null };
        const items = await Promise.all(
          DEMO_ACCOUNTS.map(async (demo) => ({
            username: demo.username,
            role: demo.role,
            scopeLabel: (await scopeLabel(connection.db, demo.scope)) ?? demo.scope.code,
          })),
        );
        return { items, password: DEMO_PASSWORD };
      },
    );
  };
