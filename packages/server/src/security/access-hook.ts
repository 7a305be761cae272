import { timingSafeEqual } from 'node:crypto';
import { hasPermission, scopeCovers, scopeOverlapsDepartment } from '@yawar/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ApiError } from '../errors.js';
import { NATIONAL_RESOURCE, PUBLIC, type Access } from './access.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface DeclaredRoute {
  readonly method: string;
  readonly url: string;
  readonly access: Access;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api route with its access rule (API docs excluded), for the authorisation tests. */
    accessRules: DeclaredRoute[];
  }
}

/**
 * The one place where access is decided, for every route: session, CSRF, role permission and
 * scope. Session, CSRF and role run first (onRequest), before the body is read or validated: an
 * anonymous 190 MB upload is refused without reading a byte of it (issue 10, finding 4), and a
 * caller who would get 401 or 403 never sees the request schema's errors (finding 12); the scope
 * check runs after validation (preHandler) because `locate` needs the parsed parameters.
 * Every response that needed a session is `Cache-Control: no-store`: follow-up lists, screening
 * records, users and the audit trail are individual-level data no browser or proxy may keep.
 */
export const accessPlugin = fp(
  async (app: FastifyInstance, options: { publicRegistries: boolean }) => {
    const declared: DeclaredRoute[] = [];
    app.decorate('accessRules', declared);
    app.addHook('onRoute', (route) => {
      const url = route.url ?? route.path ?? '';
      if (!url.startsWith('/api/')) return;
      if (url.startsWith('/api/docs')) {
        route.config = { ...(route.config as object), access: PUBLIC };
        return;
      }
      const access = (route.config as { access?: Access } | undefined)?.access;
      if (!access) throw new Error(`route ${String(route.method)} ${url} declares no access rule`);
      for (const method of [route.method].flat())
        if (method !== 'HEAD') declared.push({ method, url, access });
    });

    app.addHook('onRequest', async (request) => {
      const access = request.routeOptions.config.access;
      if (!access) return; // non-API (static files of the web app)
      checkCsrf(request);
      authoriseCaller(request, access, options.publicRegistries);
    });
    app.addHook('preHandler', async (request) => {
      const access = request.routeOptions.config.access;
      if (access?.kind === 'permission') await authoriseScope(request, access);
    });
    app.addHook('onSend', async (request, reply, payload) => {
      const access = request.routeOptions.config.access;
      if (access && needsNoStore(access, request.url)) reply.header('cache-control', 'no-store');
      return payload;
    });
  },
);

/**
 * State-changing requests made with a session must echo the session's CSRF token in a header,
 * which another site's page cannot read (double submit against a server-side token).
 */
function checkCsrf(request: FastifyRequest): void {
  if (SAFE_METHODS.has(request.method) || !request.session) return;
  const sent = request.headers['x-csrf-token'];
  const expected = Buffer.from(request.session.csrfToken);
  const given = Buffer.from(typeof sent === 'string' ? sent : '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new ApiError(403, 'csrf_failed', 'missing or wrong x-csrf-token header');
  }
}

/** Personal or per-session answers: everything behind a session, and the auth routes themselves. */
function needsNoStore(access: Access, url: string): boolean {
  return access.kind === 'session' || access.kind === 'permission' || url.startsWith('/api/auth/');
}

/** Session and role: needs nothing from the request but the session. */
function authoriseCaller(request: FastifyRequest, access: Access, publicRegistries: boolean): void {
  if (access.kind === 'public' || (access.kind === 'registry' && publicRegistries)) return;
  const session = request.session;
  if (!session) throw new ApiError(401, 'unauthenticated', 'log in to use this resource');
  if (access.kind !== 'permission') return;
  if (!hasPermission(session.user.role, access.permission)) {
    throw new ApiError(403, 'forbidden', `the role ${session.user.role} may not do this`);
  }
}

/** Scope: where the resource lies, from the parsed (validated) parameters. */
async function authoriseScope(
  request: FastifyRequest,
  access: Extract<Access, { kind: 'permission' }>,
): Promise<void> {
  const session = request.session;
  if (!session) throw new ApiError(401, 'unauthenticated', 'log in to use this resource');
  if (access.match === 'any') return;
  const location = access.locate ? await access.locate(request) : NATIONAL_RESOURCE;
  if (location === null) throw new ApiError(404, 'not_found', 'the resource was not found');
  const allowed =
    access.match === 'department'
      ? scopeOverlapsDepartment(session.user.scope, location.department)
      : scopeCovers(session.user.scope, location);
  if (!allowed) {
    throw new ApiError(403, 'forbidden', 'the resource is outside your scope');
  }
}
