import '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../app/actor';
import {
  resolveApiToken,
  resolveSession,
  type IdentityContext,
  type Principal,
} from '../app/identity';
import { AppError, ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors';
import { ASSIGNMENT_SCOPED_ROLES, can, type Permission, type Role } from '../shared/roles';
import { assignedSystemIds, getMembership } from '../store/repositories/accounts.repository';

/** Who may call a route. Every /api route must declare one (see `requireAccessRules`). */
export type Access =
  | { readonly kind: 'public' }
  | { readonly kind: 'signed_in'; readonly duringPasswordChange?: boolean }
  | { readonly kind: 'platform_admin' }
  | { readonly kind: 'org'; readonly permission: Permission };

/** The caller's standing in the organisation of the URL. */
export interface OrgAccess {
  readonly organisationId: string;
  readonly role: Role;
  /** For assessors: the only systems they may see; null = all systems of the organisation. */
  readonly assignedSystemIds: ReadonlySet<string> | null;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | null;
    orgAccess: OrgAccess | null;
    actor: Actor;
  }
}

export const SESSION_COOKIE = 'dengbao_session';
export const CSRF_HEADER = 'x-csrf-token';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every route the app registers, with its access rule (the permission test reads this). */
export interface RouteEntry {
  readonly method: string;
  readonly url: string;
  readonly access: Access | undefined;
}

/** Refuses to register an /api route without an access rule, and records the route table. */
export function requireAccessRules(app: FastifyInstance, table: RouteEntry[]): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api') || route.url.startsWith('/api/docs')) return;
    const access = route.config?.access;
    if (!access)
      throw new Error(
        `route ${String(route.method)} ${route.url} declares no access rule (config.access)`,
      );
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') table.push({ method, url: route.url, access });
    }
  });
}

async function principalOf(
  ctx: IdentityContext,
  request: FastifyRequest,
): Promise<Principal | null> {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return resolveApiToken(ctx, header.slice(7).trim());
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? resolveSession(ctx, cookie) : null;
}

function actorOf(request: FastifyRequest, principal: Principal | null): Actor {
  return {
    userId: principal?.kind === 'user' ? principal.userId : null,
    tokenId: principal?.kind === 'token' ? principal.tokenId : null,
    label:
      principal === null
        ? 'anonymous'
        : principal.kind === 'user'
          ? principal.username
          : `token:${principal.name}`,
    requestId: request.id,
    sourceIp: request.ip,
  };
}

/**
 * Authenticates (API token or session cookie), then authorises by the route's access rule: an
 * organisation the caller does not belong to is NOT_FOUND (no existence leak), a missing
 * permission is FORBIDDEN, and cookie-authenticated writes need the CSRF header.
 */
export function registerAuth(app: FastifyInstance, ctx: IdentityContext): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('orgAccess', null);
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    request.actor = actorOf(request, null);
    if (!access) return;
    const principal = await principalOf(ctx, request);
    request.principal = principal;
    request.actor = actorOf(request, principal);
    if (access.kind === 'public') return;
    if (!principal) throw new UnauthenticatedError();
    if (principal.kind === 'user') {
      const allowed = access.kind === 'signed_in' && access.duringPasswordChange === true;
      if (principal.passwordChangeRequired && !allowed) {
        throw new AppError(
          'PASSWORD_CHANGE_REQUIRED',
          403,
          'your password has expired or must be changed first',
        );
      }
      if (UNSAFE.has(request.method) && request.headers[CSRF_HEADER] !== principal.csrfToken) {
        throw new AppError('CSRF_FAILED', 403, `missing or wrong ${CSRF_HEADER} header`);
      }
    }
    if (access.kind === 'signed_in') return;
    if (access.kind === 'platform_admin') {
      if (principal.kind !== 'user' || !principal.isPlatformAdmin) {
        throw new ForbiddenError('only a platform administrator may do this');
      }
      return;
    }
    const params = request.params as { orgId?: string; systemId?: string };
    const orgId = params.orgId ?? '';
    if (!UUID.test(orgId)) throw new NotFoundError('organisation', orgId);
    let role: Role;
    if (principal.kind === 'token') {
      if (principal.organisationId !== orgId) throw new NotFoundError('organisation', orgId);
      role = principal.role;
    } else {
      const membership = await getMembership(ctx.store.db, orgId, principal.userId);
      if (!membership) throw new NotFoundError('organisation', orgId);
      role = membership.role as Role;
    }
    if (!can(role, access.permission)) {
      throw new ForbiddenError(`the role ${role} may not ${access.permission}`);
    }
    let assigned: ReadonlySet<string> | null = null;
    if (ASSIGNMENT_SCOPED_ROLES.includes(role) && principal.kind === 'user') {
      assigned = new Set(await assignedSystemIds(ctx.store.db, orgId, principal.userId));
    } else if (ASSIGNMENT_SCOPED_ROLES.includes(role)) {
      assigned = new Set();
    }
    if (assigned && params.systemId && !assigned.has(params.systemId)) {
      throw new NotFoundError('system', params.systemId);
    }
    request.orgAccess = { organisationId: orgId, role, assignedSystemIds: assigned };
  });
}

/** The organisation access of an org-scoped route (set by the auth hook). */
export function orgAccessOf(request: FastifyRequest): OrgAccess {
  if (!request.orgAccess) throw new Error('orgAccessOf called on a route without org access');
  return request.orgAccess;
}

export function userOf(request: FastifyRequest) {
  if (request.principal?.kind !== 'user')
    throw new ForbiddenError('this needs a signed-in user, not an API token');
  return request.principal;
}
