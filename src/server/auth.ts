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
import { canSeeSystem, resolveAccessScope, type AccessScope } from '../app/access';
import { can, type Permission } from '../shared/roles';

/** Who may call a route. Every /api route must declare one (see `requireAccessRules`). */
export type Access =
  | { readonly kind: 'public' }
  | { readonly kind: 'signed_in'; readonly duringPasswordChange?: boolean }
  | { readonly kind: 'platform_admin' }
  | { readonly kind: 'org'; readonly permission: Permission };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | null;
    /** The caller's access scope in the organisation of the URL (org routes only). */
    accessScope: AccessScope | null;
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
  app.decorateRequest('accessScope', null);
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
    // Built once here (membership, role, assigned systems); routes pass it to the app layer.
    const scope = await resolveAccessScope(ctx, principal, orgId);
    if (!scope) throw new NotFoundError('organisation', orgId);
    if (!can(scope.role, access.permission)) {
      throw new ForbiddenError(`the role ${scope.role} may not ${access.permission}`);
    }
    if (params.systemId && !canSeeSystem(scope, params.systemId)) {
      throw new NotFoundError('system', params.systemId);
    }
    request.accessScope = scope;
  });
}

/** The access scope of an org-scoped route (set by the auth hook). */
export function scopeOf(request: FastifyRequest): AccessScope {
  if (!request.accessScope) throw new Error('scopeOf called on a route without org access');
  return request.accessScope;
}

export function userOf(request: FastifyRequest) {
  if (request.principal?.kind !== 'user')
    throw new ForbiddenError('this needs a signed-in user, not an API token');
  return request.principal;
}
