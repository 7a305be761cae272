import cookie from '@fastify/cookie';
import {
  resolveSession,
  type AccountSwitches,
  type ActiveSession,
  type Connection,
} from '@yawar/db';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

export const SESSION_COOKIE = 'yawar_session';

declare module 'fastify' {
  interface FastifyRequest {
    /** The logged-in session, resolved once per request from the cookie; null when anonymous. */
    session: ActiveSession | null;
    sessionToken: string | null;
  }
}

/** Resolves the session cookie on every request. The token itself is never logged or stored. */
export const sessionPlugin = fp(
  async (app: FastifyInstance, options: { connection: Connection; switches: AccountSwitches }) => {
    await app.register(cookie);
    app.decorateRequest('session', null);
    app.decorateRequest('sessionToken', null);
    app.addHook('onRequest', async (request) => {
      const token = request.cookies[SESSION_COOKIE];
      if (!token) return;
      // Every request re-checks the account's switches (disabled, demo accounts off).
      request.session = await resolveSession(
        options.connection.db,
        token,
        new Date(),
        options.switches,
      );
      request.sessionToken = request.session ? token : null;
    });
  },
);

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expiresAt: Date,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    path: '/',
  });
}
