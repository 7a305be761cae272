import type { Permission, ResourceLocation } from '@yawar/core';
import type { FastifyRequest } from 'fastify';

/**
 * Every API route declares who may call it, in its `config.access`; one hook (access-hook.ts)
 * enforces it for all routes, and the server refuses to start if an /api route declares nothing.
 *
 * - public: anyone (health, login, API docs).
 * - registry: the public registries (territory, establishments): anyone, unless the deployment
 *   closes them (YAWAR_PUBLIC_REGISTRIES=off), then any logged-in user.
 * - session: any logged-in user.
 * - permission: a role with that permission whose scope covers the resource `locate` finds
 *   (null = the resource does not exist → 404). Without `locate`, the resource is national.
 */
export type Access =
  | { readonly kind: 'public' }
  | { readonly kind: 'registry' }
  | { readonly kind: 'session' }
  | {
      readonly kind: 'permission';
      readonly permission: Permission;
      readonly locate?: (request: FastifyRequest) => Promise<ResourceLocation | null>;
      /**
       * covers (default): the scope contains the resource; department: the scope lies in its
       * department (aggregates); any: any scope — for lists the handler filters by scope.
       */
      readonly match?: 'covers' | 'department' | 'any';
    };

/** Covered only by a national scope: administration and the audit trail are national. */
export const NATIONAL_RESOURCE: ResourceLocation = Object.freeze({ department: '' });

export const PUBLIC: Access = { kind: 'public' };
export const REGISTRY: Access = { kind: 'registry' };
export const SESSION: Access = { kind: 'session' };
export const permission = (
  name: Permission,
  locate?: (request: FastifyRequest) => Promise<ResourceLocation | null>,
): Access =>
  locate
    ? { kind: 'permission', permission: name, locate }
    : { kind: 'permission', permission: name };

/** Aggregated figures of the department a request names: any scope inside that department. */
export const departmentAggregate = (
  name: Permission,
  department: (request: FastifyRequest) => string,
): Access => ({
  kind: 'permission',
  permission: name,
  match: 'department',
  locate: (request) => Promise.resolve({ department: department(request) }),
});

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

/** A list whose rows the handler filters by the caller's scope: the permission is enough to ask. */
export const scopedList = (name: Permission): Access => ({
  kind: 'permission',
  permission: name,
  match: 'any',
});
