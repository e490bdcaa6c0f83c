import {
  AppError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
  VersionConflictError,
} from '../errors';
import type { Role } from '../shared/roles';
import {
  countOwners,
  deleteAssignment,
  deleteMembership,
  findUserByUsername,
  getMembership,
  insertAssignment,
  insertMembership,
  updateMembershipRole,
} from '../store/repositories/accounts.repository';
import { getSystem } from '../store/repositories/systems.repository';
import { audited, rowChanges, type Actor } from './actor';
import type { AppContext } from './context';
import { createUser } from './identity';

/** Only an owner may make or unmake owners: a security administrator cannot raise anyone above itself. */
function guardOwnerGrant(actorRole: Role, ...roles: (Role | undefined)[]): void {
  if (actorRole !== 'owner' && roles.includes('owner')) {
    throw new ForbiddenError('only an organisation owner may grant or remove the owner role');
  }
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
  organisationId: string,
  input: AddMemberInput,
) {
  guardOwnerGrant(actorRole, input.role);
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

export function changeMemberRoleCommand(
  ctx: AppContext,
  actor: Actor,
  actorRole: Role,
  organisationId: string,
  userId: string,
  input: { role: Role; version: number },
) {
  return audited(ctx, actor, async (trx, audit, now) => {
    const before = await getMembership(trx, organisationId, userId);
    if (!before) throw new NotFoundError('member', userId);
    guardOwnerGrant(actorRole, input.role, before.role as Role);
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

export function removeMemberCommand(
  ctx: AppContext,
  actor: Actor,
  actorRole: Role,
  organisationId: string,
  userId: string,
) {
  return audited(ctx, actor, async (trx, audit) => {
    const before = await getMembership(trx, organisationId, userId);
    if (!before) throw new NotFoundError('member', userId);
    guardOwnerGrant(actorRole, before.role as Role);
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
  organisationId: string,
  userId: string,
  systemId: string,
  assigned: boolean,
) {
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
