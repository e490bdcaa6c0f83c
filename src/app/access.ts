import { NotFoundError } from '../errors';
import { ASSIGNMENT_SCOPED_ROLES, ROLES, type Role } from '../shared/roles';
import { assignedSystemIds, getMembership } from '../store/repositories/accounts.repository';
import type { AppContext } from './context';
import type { Principal } from './identity';

/**
 * What the caller may see in one organisation: built once per request (server auth) or per CLI
 * invocation, and passed to every app query and command, which filter in SQL by it.
 */
export interface AccessScope {
  readonly organisationId: string;
  /** The signed-in user; null for API tokens and the CLI. */
  readonly userId: string | null;
  readonly role: Role;
  /** Assessors: the only systems they may see (an API token with that role: none); else 'all'. */
  readonly assignedSystemIds: readonly string[] | 'all';
}

/**
 * The caller's scope in the organisation, or null when they do not belong to it (a token of
 * another organisation, a user without membership).
 */
export async function resolveAccessScope(
  ctx: Pick<AppContext, 'store'>,
  principal: Principal,
  organisationId: string,
): Promise<AccessScope | null> {
  let role: Role;
  let userId: string | null = null;
  if (principal.kind === 'token') {
    if (principal.organisationId !== organisationId) return null;
    role = principal.role;
  } else {
    const membership = await getMembership(ctx.store.db, organisationId, principal.userId);
    if (!membership) return null;
    role = membership.role as Role;
    userId = principal.userId;
  }
  let assigned: readonly string[] | 'all' = 'all';
  if (ASSIGNMENT_SCOPED_ROLES.includes(role)) {
    assigned = userId ? await assignedSystemIds(ctx.store.db, organisationId, userId) : [];
  }
  return { organisationId, userId, role, assignedSystemIds: assigned };
}

/** The CLI runs with direct access to the database: it sees everything of the organisation. */
export function fullAccessScope(organisationId: string): AccessScope {
  return { organisationId, userId: null, role: ROLES[0], assignedSystemIds: 'all' };
}

/** The systems the scope is limited to, for `where system_id in (...)`; undefined = all. */
export function scopedSystemIds(scope: AccessScope): readonly string[] | undefined {
  return scope.assignedSystemIds === 'all' ? undefined : scope.assignedSystemIds;
}

/** The same as a set (null = all), for the queries that take one. */
export function scopedSystemSet(scope: AccessScope): ReadonlySet<string> | null {
  return scope.assignedSystemIds === 'all' ? null : new Set(scope.assignedSystemIds);
}

export function canSeeSystem(scope: AccessScope, systemId: string): boolean {
  return scope.assignedSystemIds === 'all' || scope.assignedSystemIds.includes(systemId);
}

/** A system outside the scope does not exist for the caller (no existence leak). */
export function assertSystemVisible(scope: AccessScope, systemId: string): void {
  if (!canSeeSystem(scope, systemId)) throw new NotFoundError('system', systemId);
}

/**
 * What app queries and commands take: the caller's scope, or a bare organisation id for callers
 * with direct access to the database (CLI, tests, internal use), which see everything.
 */
export type OrgScope = string | AccessScope;

/** The organisation and the `system_id in (...)` filter (undefined = all) of a scope. */
export function inScope(within: OrgScope): {
  readonly organisationId: string;
  readonly systemIds: readonly string[] | undefined;
  readonly scope: AccessScope;
} {
  const scope = typeof within === 'string' ? fullAccessScope(within) : within;
  return { organisationId: scope.organisationId, systemIds: scopedSystemIds(scope), scope };
}

/** The systems both filters allow (undefined = no limit). */
export function intersectSystemIds(
  a: readonly string[] | undefined,
  b: readonly string[] | undefined,
): readonly string[] | undefined {
  if (!a) return b;
  if (!b) return a;
  const set = new Set(b);
  return a.filter((id) => set.has(id));
}
