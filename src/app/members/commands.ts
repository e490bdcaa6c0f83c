import { AppError, NotFoundError, ValidationError, VersionConflictError } from '../../errors';
import { mayGrant, mayRevoke } from '../../shared/grants';
import type { Role } from '../../shared/roles';
import {
  countOwners,
  deleteAssignment,
  deleteMembership,
  findApiTokenById,
  findUserByUsername,
  getMembership,
  insertAssignment,
  insertMembership,
  updateMembershipRole,
} from '../../store/repositories/accounts.repository';
import { getSystem } from '../../store/repositories/systems.repository';
import { audited, rowChanges, type Actor } from '../actor';
import { assertSystemVisible, inScope, type OrgScope } from '../access';
import type { AppContext } from '../context';
import { createUser, unlockUser } from '../identity';

type Op = 'grant' | 'revoke';

/**
 * Refuses what the grant matrix (src/shared/grants.ts) does not allow, and records the refusal
 * in the audit log so that the audit administrator sees attempts to cross the separation of duties.
 */
async function guardGrant(
  ctx: AppContext,
  actor: Actor,
  actorRole: Role,
  organisationId: string,
  op: Op,
  role: Role,
  userId: string | null,
): Promise<void> {
  const allowed = op === 'grant' ? mayGrant(actorRole, role) : mayRevoke(actorRole, role);
  if (allowed) return;
  const message =
    op === 'grant'
      ? `the role ${actorRole} may not grant the role ${role}`
      : `the role ${actorRole} may not take away the role ${role}`;
  await refused(ctx, actor, organisationId, userId, message);
  throw new AppError('FORBIDDEN', 403, message, [{ path: 'role', message }]);
}

async function refused(
  ctx: AppContext,
  actor: Actor,
  organisationId: string,
  userId: string | null,
  reason: string,
): Promise<void> {
  await audited(ctx, actor, (_trx, audit) =>
    audit({
      organisationId,
      action: 'member.change_refused',
      entityType: 'membership',
      entityId: userId,
      changes: { reason: { before: null, after: reason } },
    }),
  );
}

/** The person behind the actor: the signed-in user, or the creator of the API token. */
async function personOf(ctx: AppContext, actor: Actor): Promise<string | null> {
  if (actor.userId) return actor.userId;
  if (!actor.tokenId) return null;
  return (await findApiTokenById(ctx.store.db, actor.tokenId))?.created_by ?? null;
}

export interface AddMemberInput {
  readonly username: string;
  readonly role: Role;
  /** To create a new local account at the same time. */
  readonly newAccount?:
    { readonly displayName: string; readonly initialPassword: string } | undefined;
}

/** Adds an existing account (or a new one, which must change its password at first sign-in). */
export async function addMemberCommand(
  ctx: AppContext,
  actor: Actor,
  actorRole: Role,
  within: OrgScope,
  input: AddMemberInput,
) {
  const { organisationId } = inScope(within);
  // Before any account is created: a new account with a chosen password is a grant like any other.
  await guardGrant(ctx, actor, actorRole, organisationId, 'grant', input.role, null);
  let user = await findUserByUsername(ctx.store.db, input.username);
  if (user && input.newAccount) {
    throw new ValidationError('account exists', [
      {
        path: 'username',
        message: `"${input.username}" already has an account: add it without newAccount`,
      },
    ]);
  }
  if (!user && input.newAccount) {
    user = await createUser(ctx, actor, {
      username: input.username,
      displayName: input.newAccount.displayName,
      password: input.newAccount.initialPassword,
      mustChangePassword: true,
    });
  }
  if (!user) {
    throw new ValidationError('no such account', [
      { path: 'username', message: `no account "${input.username}"; give newAccount to create it` },
    ]);
  }
  const userId = user.id;
  return audited(ctx, actor, async (trx, audit, now) => {
    if (await getMembership(trx, organisationId, userId)) {
      throw new AppError('CONFLICT', 409, `"${input.username}" is already a member`);
    }
    const row = await insertMembership(trx, organisationId, userId, input.role, now);
    await audit({
      organisationId,
      action: 'member.add',
      entityType: 'membership',
      entityId: userId,
      changes: rowChanges(null, row),
    });
    return row;
  });
}

export async function changeMemberRoleCommand(
  ctx: AppContext,
  actor: Actor,
  actorRole: Role,
  within: OrgScope,
  userId: string,
  input: { role: Role; version: number },
) {
  const { organisationId } = inScope(within);
  const current = await getMembership(ctx.store.db, organisationId, userId);
  if (!current) throw new NotFoundError('member', userId);
  if ((await personOf(ctx, actor)) === userId) {
    const message = 'nobody changes their own role: ask another administrator';
    await refused(ctx, actor, organisationId, userId, message);
    throw new AppError('FORBIDDEN', 403, message, [{ path: 'role', message }]);
  }
  await guardGrant(ctx, actor, actorRole, organisationId, 'revoke', current.role as Role, userId);
  await guardGrant(ctx, actor, actorRole, organisationId, 'grant', input.role, userId);
  return audited(ctx, actor, async (trx, audit, now) => {
    const before = await getMembership(trx, organisationId, userId);
    if (!before) throw new NotFoundError('member', userId);
    // The role may have changed since the check: the version below catches it.
    if (before.role !== current.role) throw new VersionConflictError('membership', before.version);
    if (
      before.role === 'owner' &&
      input.role !== 'owner' &&
      (await countOwners(trx, organisationId)) <= 1
    ) {
      throw new AppError('CONFLICT', 409, 'an organisation keeps at least one owner');
    }
    const n = await updateMembershipRole(
      trx,
      organisationId,
      userId,
      input.role,
      input.version,
      now,
    );
    if (n === 0) throw new VersionConflictError('membership', before.version);
    const after = await getMembership(trx, organisationId, userId);
    await audit({
      organisationId,
      action: 'member.role_change',
      entityType: 'membership',
      entityId: userId,
      changes: rowChanges(before, after ?? null),
    });
    return after;
  });
}

export async function removeMemberCommand(
  ctx: AppContext,
  actor: Actor,
  actorRole: Role,
  within: OrgScope,
  userId: string,
) {
  const { organisationId } = inScope(within);
  const current = await getMembership(ctx.store.db, organisationId, userId);
  if (!current) throw new NotFoundError('member', userId);
  await guardGrant(ctx, actor, actorRole, organisationId, 'revoke', current.role as Role, userId);
  return audited(ctx, actor, async (trx, audit) => {
    const before = await getMembership(trx, organisationId, userId);
    if (!before) throw new NotFoundError('member', userId);
    if (before.role !== current.role) throw new VersionConflictError('membership', before.version);
    if (before.role === 'owner' && (await countOwners(trx, organisationId)) <= 1) {
      throw new AppError('CONFLICT', 409, 'an organisation keeps at least one owner');
    }
    await deleteMembership(trx, organisationId, userId);
    await audit({
      organisationId,
      action: 'member.remove',
      entityType: 'membership',
      entityId: userId,
      changes: rowChanges(before, null),
    });
  });
}

/** Assigns (or unassigns) a system to an assessor. */
export function setAssignmentCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  userId: string,
  systemId: string,
  assigned: boolean,
) {
  const { organisationId, scope } = inScope(within);
  assertSystemVisible(scope, systemId);
  return audited(ctx, actor, async (trx, audit, now) => {
    const membership = await getMembership(trx, organisationId, userId);
    if (!membership) throw new NotFoundError('member', userId);
    await getSystem(trx, organisationId, systemId);
    if (assigned) await insertAssignment(trx, organisationId, userId, systemId, now);
    else await deleteAssignment(trx, organisationId, userId, systemId);
    await audit({
      organisationId,
      action: assigned ? 'assignment.add' : 'assignment.remove',
      entityType: 'system_assignment',
      entityId: `${userId}:${systemId}`,
      changes: {
        systemId: { before: assigned ? null : systemId, after: assigned ? systemId : null },
      },
    });
  });
}

/** Unlocks a member's sign-in (every address) — not one's own: that takes a second administrator. */
export async function unlockMemberCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  userId: string,
): Promise<number> {
  const { organisationId } = inScope(within);
  if (!(await getMembership(ctx.store.db, organisationId, userId))) {
    throw new NotFoundError('member', userId);
  }
  if ((await personOf(ctx, actor)) === userId) {
    throw new AppError('FORBIDDEN', 403, 'another administrator unlocks your account');
  }
  return unlockUser(ctx, actor, userId, organisationId);
}
