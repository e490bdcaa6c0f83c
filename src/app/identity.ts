import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  AppError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
} from '../errors';
import { mayMintToken, mayRevoke } from '../shared/grants';
import type { Role } from '../shared/roles';
import {
  DUMMY_HASH_PROMISE,
  hashPassword,
  passwordProblems,
  verifyPassword,
} from '../security/passwords';
import { API_TOKEN_PREFIX, newSecret, sm3Hex } from '../security/secrets';
import {
  clearThrottleAfterSignIn,
  countUsers,
  deleteSession,
  deleteThrottles,
  deleteUserSessions,
  findApiTokenByHash,
  findApiTokenById,
  findSession,
  findUserByUsername,
  claimThrottle,
  getUser,
  insertApiToken,
  insertSession,
  insertUser,
  listApiTokens,
  listThrottles,
  memberStanding,
  pruneThrottles,
  putThrottle,
  revokeApiToken,
  throttleSummaries,
  touchApiToken,
  touchSession,
  updateUserColumns,
} from '../store/repositories/accounts.repository';
import type { ApiTokenRow, UserRow } from '../store/schema';
import { audited, rowChanges, type Actor } from './actor';
import { inScope, type OrgScope } from './access';
import type { AppContext } from './context';
import {
  afterFailure,
  isBlocked,
  nameKeyOf,
  noticeOf,
  sourceKeyOf,
  type SignInNotice,
} from './sign-in-throttle';

/** The app context (which carries the security policy). */
export type IdentityContext = AppContext;

export const UsernameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._@-]{3,100}$/, '3–100 letters, digits or . _ @ -');

/** A signed-in user, resolved from a session cookie. */
export interface UserPrincipal {
  readonly kind: 'user';
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly isPlatformAdmin: boolean;
  readonly sessionIdHash: string;
  readonly csrfToken: string;
  /** True when the password expired or must be changed: only sign-out and password change pass. */
  readonly passwordChangeRequired: boolean;
}

/** An API token: one organisation, one role, an expiry. */
export interface TokenPrincipal {
  readonly kind: 'token';
  readonly tokenId: string;
  readonly name: string;
  readonly organisationId: string;
  readonly role: Role;
  /** The person whose grant rights back the token (null: made with the CLI). */
  readonly createdBy: string | null;
}

export type Principal = UserPrincipal | TokenPrincipal;

const PLATFORM = '';
const addMinutes = (iso: string, minutes: number) =>
  new Date(Date.parse(iso) + minutes * 60_000).toISOString();

function passwordChangeRequired(user: UserRow, ctx: IdentityContext, now: string): boolean {
  if (user.must_change_password === 1) return true;
  if (ctx.security.passwordMaxAgeDays === 0) return false;
  return addMinutes(user.password_changed_at, ctx.security.passwordMaxAgeDays * 1440) <= now;
}

function checkPassword(
  password: string,
  username: string,
  ctx: IdentityContext,
  path = 'password',
): void {
  const problems = passwordProblems(password, username, ctx.security);
  if (problems.length) {
    throw new ValidationError(
      'the password does not meet the policy',
      problems.map((message) => ({ path, message })),
    );
  }
}

/** Creates a local account. Platform admins may create organisations; others join through memberships. */
export async function createUser(
  ctx: IdentityContext,
  actor: Actor,
  input: {
    username: string;
    displayName: string;
    password: string;
    isPlatformAdmin?: boolean;
    mustChangePassword?: boolean;
  },
): Promise<UserRow> {
  const username = UsernameSchema.safeParse(input.username);
  if (!username.success)
    throw new ValidationError('invalid user name', [
      { path: 'username', message: username.error.issues[0]?.message ?? 'invalid' },
    ]);
  checkPassword(input.password, username.data, ctx);
  const passwordHash = await hashPassword(input.password);
  return audited(ctx, actor, async (trx, audit, now) => {
    if (await findUserByUsername(trx, username.data)) {
      throw new ValidationError('user name taken', [
        { path: 'username', message: `"${username.data}" already exists` },
      ]);
    }
    const row = await insertUser(
      trx,
      {
        username: username.data,
        displayName: input.displayName.trim() || username.data,
        passwordHash,
        isPlatformAdmin: input.isPlatformAdmin ?? false,
        mustChangePassword: input.mustChangePassword ?? true,
      },
      now,
    );
    await audit({
      organisationId: PLATFORM,
      action: 'user.create',
      entityType: 'user',
      entityId: row.id,
      changes: rowChanges(null, row),
    });
    return row;
  });
}

/** Whether the installation still has no account (first start). */
export async function needsFirstAdmin(ctx: AppContext): Promise<boolean> {
  return (await countUsers(ctx.store.db)) === 0;
}

export interface SignInResult {
  readonly sessionSecret: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
  readonly user: UserRow;
  readonly passwordChangeRequired: boolean;
  /** Failed attempts and blocked addresses since the last sign-in: for the account's owner only. */
  readonly notice: SignInNotice | null;
}

/** The one answer to every failed sign-in, whatever the reason. */
const SIGN_IN_FAILED = 'wrong user name or password';
/** Forget throttle rows after this long without a failure (and no block running). */
const THROTTLE_RETENTION_DAYS = 30;

/**
 * Checks a password under per-(name, address) throttling (see sign-in-throttle.ts). Unknown
 * users, wrong passwords, disabled accounts and blocked addresses all get the same 401 after the
 * same work (one scrypt verification, the same reads and writes); only the audit log, read by
 * administrators, records which it was.
 */
export async function signIn(
  ctx: IdentityContext,
  input: { username: string; password: string },
  meta: { sourceIp: string | null; requestId: string | null },
): Promise<SignInResult> {
  const db = ctx.store.db;
  const now = ctx.clock.now().toISOString();
  const key = { nameKey: nameKeyOf(input.username), source: sourceKeyOf(meta.sourceIp) };
  const user = await findUserByUsername(db, input.username.trim());
  // Always one scrypt check, also for unknown names and blocked addresses: the same timing.
  const ok = await verifyPassword(
    input.password,
    user?.password_hash ?? (await DUMMY_HASH_PROMISE),
  );
  const actor: Actor = {
    userId: user?.id ?? null,
    tokenId: null,
    label: input.username.slice(0, 100),
    ...meta,
  };
  const sessionSecret = newSecret();
  const csrfToken = newSecret();
  const expiresAt = addMinutes(now, ctx.security.sessionAbsoluteHours * 60);
  // Decided and recorded in one transaction with the throttle row claimed; a failure is
  // committed before the error is thrown.
  const outcome = await audited(ctx, actor, async (trx, audit, at) => {
    const throttle = await claimThrottle(trx, key, now, ctx.store.dialect === 'postgres');
    const blocked = isBlocked(throttle, now);
    if (!user || !ok || user.disabled === 1 || blocked) {
      const reason = !user
        ? 'unknown user'
        : blocked
          ? 'address blocked after repeated failures'
          : user.disabled === 1
            ? 'account disabled'
            : 'wrong password';
      const next = afterFailure(throttle, key, now, ctx.security);
      await putThrottle(trx, next.row);
      await pruneThrottles(trx, addMinutes(now, -THROTTLE_RETENTION_DAYS * 1440), now);
      await audit({
        organisationId: PLATFORM,
        action: next.blockedUntil ? 'session.sign_in_blocked' : 'session.sign_in_failed',
        entityType: 'user',
        entityId: user?.id ?? null,
        changes: {
          reason: { before: null, after: reason },
          ...(next.blockedUntil
            ? { blocked_until: { before: throttle.blocked_until, after: next.blockedUntil } }
            : {}),
        },
      });
      return { ok: false as const };
    }
    const notice = noticeOf(await listThrottles(trx, key.nameKey), now);
    await clearThrottleAfterSignIn(trx, key.nameKey, key.source);
    if (user.failed_sign_ins !== 0 || user.locked_until) {
      await updateUserColumns(trx, user.id, { failed_sign_ins: 0, locked_until: null }, at);
    }
    await insertSession(trx, {
      id_hash: sm3Hex(sessionSecret),
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: at,
      last_seen_at: at,
      expires_at: expiresAt,
      source_ip: meta.sourceIp,
    });
    await audit({
      organisationId: PLATFORM,
      action: 'session.sign_in',
      entityType: 'user',
      entityId: user.id,
      changes: notice
        ? { failed_attempts_reported: { before: null, after: notice.failedAttempts } }
        : {},
    });
    return { ok: true as const, user, notice };
  });
  if (!outcome.ok) throw new UnauthenticatedError(SIGN_IN_FAILED);
  return {
    sessionSecret,
    csrfToken,
    expiresAt,
    user: outcome.user,
    passwordChangeRequired: passwordChangeRequired(outcome.user, ctx, now),
    notice: outcome.notice,
  };
}

/** Where a user's sign-ins stand (for administrators: members list, `users list`). */
export async function signInStates(
  ctx: IdentityContext,
  usernames: readonly string[],
): Promise<Map<string, { failedSignIns: number; lockedUntil: string | null }>> {
  const now = ctx.clock.now().toISOString();
  const summaries = await throttleSummaries(ctx.store.db, usernames.map(nameKeyOf));
  return new Map(
    usernames.map((u) => {
      const s = summaries.get(nameKeyOf(u));
      const until = s?.blockedUntil && s.blockedUntil > now ? s.blockedUntil : null;
      return [u, { failedSignIns: s?.failures ?? 0, lockedUntil: until }];
    }),
  );
}

/**
 * Clears every block and failure count of the account (all addresses). The API lets an owner or
 * security administrator do it for a member of their organisation; the CLI for anyone.
 */
export async function unlockUser(
  ctx: IdentityContext,
  actor: Actor,
  userId: string,
  organisationId = PLATFORM,
): Promise<number> {
  const user = await getUser(ctx.store.db, userId);
  return audited(ctx, actor, async (trx, audit, now) => {
    const cleared = await deleteThrottles(trx, nameKeyOf(user.username));
    await updateUserColumns(trx, user.id, { locked_until: null, failed_sign_ins: 0 }, now);
    await audit({
      organisationId,
      action: 'user.unlock',
      entityType: 'user',
      entityId: user.id,
      changes: { blocked_sources: { before: cleared, after: 0 } },
    });
    return cleared;
  });
}

/** Resolves a session cookie; expired (idle or absolute) sessions are removed and give null. */
export async function resolveSession(
  ctx: IdentityContext,
  secret: string,
): Promise<UserPrincipal | null> {
  const db = ctx.store.db;
  const idHash = sm3Hex(secret);
  const session = await findSession(db, idHash);
  if (!session) return null;
  const now = ctx.clock.now().toISOString();
  const idleUntil = addMinutes(session.last_seen_at, ctx.security.sessionIdleMinutes);
  if (session.expires_at <= now || idleUntil <= now) {
    await deleteSession(db, idHash);
    return null;
  }
  const user = await getUser(db, session.user_id);
  if (user.disabled === 1) {
    await deleteUserSessions(db, user.id);
    return null;
  }
  // Touch at most once a minute: enough for a 1-minute-resolution idle timeout, fewer writes.
  if (addMinutes(session.last_seen_at, 1) <= now) await touchSession(db, idHash, now);
  return {
    kind: 'user',
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    isPlatformAdmin: user.is_platform_admin === 1,
    sessionIdHash: idHash,
    csrfToken: session.csrf_token,
    passwordChangeRequired: passwordChangeRequired(user, ctx, now),
  };
}

export async function signOut(
  ctx: IdentityContext,
  actor: Actor,
  principal: UserPrincipal,
): Promise<void> {
  await audited(ctx, actor, async (trx, audit) => {
    await deleteSession(trx, principal.sessionIdHash);
    await audit({
      organisationId: PLATFORM,
      action: 'session.sign_out',
      entityType: 'user',
      entityId: principal.userId,
      changes: {},
    });
  });
}

/** Ends every session of the user (all devices); returns how many ended. */
export async function signOutEverywhere(
  ctx: IdentityContext,
  actor: Actor,
  userId: string,
): Promise<number> {
  return audited(ctx, actor, async (trx, audit) => {
    const n = await deleteUserSessions(trx, userId);
    await audit({
      organisationId: PLATFORM,
      action: 'session.sign_out_everywhere',
      entityType: 'user',
      entityId: userId,
      changes: { sessions: { before: n, after: 0 } },
    });
    return n;
  });
}

/** Changes the password after checking the current one; other sessions of the user end. */
export async function changePassword(
  ctx: IdentityContext,
  actor: Actor,
  principal: UserPrincipal,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await getUser(ctx.store.db, principal.userId);
  if (!(await verifyPassword(input.currentPassword, user.password_hash))) {
    throw new ValidationError('the current password is wrong', [
      { path: 'currentPassword', message: 'does not match' },
    ]);
  }
  if (input.newPassword === input.currentPassword) {
    throw new ValidationError('choose a new password', [
      { path: 'newPassword', message: 'must differ from the current password' },
    ]);
  }
  checkPassword(input.newPassword, user.username, ctx, 'newPassword');
  const hash = await hashPassword(input.newPassword);
  await audited(ctx, actor, async (trx, audit, now) => {
    await updateUserColumns(
      trx,
      user.id,
      { password_hash: hash, password_changed_at: now, must_change_password: 0 },
      now,
    );
    await trx
      .deleteFrom('sessions')
      .where('user_id', '=', user.id)
      .where('id_hash', '!=', principal.sessionIdHash)
      .execute();
    await audit({
      organisationId: PLATFORM,
      action: 'user.password_change',
      entityType: 'user',
      entityId: user.id,
      changes: rowChanges({ password_hash: user.password_hash }, { password_hash: hash }),
    });
  });
}

/**
 * Whether the creator of a token may still create it now: a member of the organisation, account
 * not disabled, in a role whose grant rule lists the token's role. Tokens made by the CLI (no
 * creator: someone with the database in hand) depend on nobody.
 */
async function creatorStillMay(
  ctx: IdentityContext,
  row: Pick<ApiTokenRow, 'organisation_id' | 'created_by' | 'role' | 'issued_by'>,
): Promise<boolean> {
  if (row.issued_by === 'cli') return true;
  if (!row.created_by) return false;
  const standing = await memberStanding(ctx.store.db, row.organisation_id, row.created_by);
  if (!standing?.role || standing.disabled) return false;
  return mayMintToken(standing.role as Role, row.role as Role);
}

/**
 * Creates an API token for one organisation and role; the secret is returned once, only its SM3
 * hash is kept. A signed-in member may create only the roles its grant rule lists; a token cannot
 * create tokens; the CLI (no user, no token) may create any.
 */
export async function createApiToken(
  ctx: IdentityContext,
  actor: Actor,
  within: OrgScope,
  input: { name: string; role: Role; expiresInDays: number },
): Promise<{ token: string; row: ApiTokenRow }> {
  const { organisationId } = inScope(within);
  if (input.expiresInDays > ctx.security.apiTokenMaxDays) {
    throw new ValidationError('token lifetime too long', [
      { path: 'expiresInDays', message: `at most ${ctx.security.apiTokenMaxDays} days` },
    ]);
  }
  if (actor.tokenId) {
    throw new ForbiddenError('API tokens are created by a signed-in person, not by another token');
  }
  if (actor.userId) {
    const standing = await memberStanding(ctx.store.db, organisationId, actor.userId);
    const role = (standing?.role ?? null) as Role | null;
    if (!role || !mayMintToken(role, input.role)) {
      const message = `the role ${role ?? 'none'} may not create a token for the role ${input.role}`;
      await audited(ctx, actor, (_trx, audit) =>
        audit({
          organisationId,
          action: 'token.create_refused',
          entityType: 'api_token',
          entityId: null,
          changes: { reason: { before: null, after: message } },
        }),
      );
      throw new AppError('FORBIDDEN', 403, message, [{ path: 'role', message }]);
    }
  }
  const id = randomUUID();
  const token = `${API_TOKEN_PREFIX}${newSecret()}`;
  return audited(ctx, actor, async (trx, audit, now) => {
    const row: ApiTokenRow = {
      id,
      organisation_id: organisationId,
      name: input.name,
      role: input.role,
      secret_hash: sm3Hex(token),
      created_by: actor.userId,
      issued_by: actor.userId ? 'user' : 'cli',
      created_at: now,
      expires_at: addMinutes(now, input.expiresInDays * 1440),
      last_used_at: null,
      revoked_at: null,
    };
    await insertApiToken(trx, row);
    await audit({
      organisationId,
      action: 'token.create',
      entityType: 'api_token',
      entityId: id,
      changes: rowChanges(null, row),
    });
    return { token, row };
  });
}

/**
 * Revokes a token. Its creator may always; anyone else needs the right to take away its role
 * (so only the owner revokes an audit administrator's token).
 */
export async function revokeApiTokenCommand(
  ctx: IdentityContext,
  actor: Actor,
  actorRole: Role,
  within: OrgScope,
  tokenId: string,
): Promise<void> {
  const { organisationId } = inScope(within);
  const row = await findApiTokenById(ctx.store.db, tokenId);
  if (!row || row.organisation_id !== organisationId || row.revoked_at) {
    throw new NotFoundError('active token', tokenId);
  }
  const person =
    actor.userId ??
    (actor.tokenId
      ? ((await findApiTokenById(ctx.store.db, actor.tokenId))?.created_by ?? null)
      : null);
  const own = person !== null && person === row.created_by;
  if (!own && !mayRevoke(actorRole, row.role as Role)) {
    throw new AppError(
      'FORBIDDEN',
      403,
      `the role ${actorRole} may not revoke a ${row.role} token`,
    );
  }
  await audited(ctx, actor, async (trx, audit, now) => {
    const n = await revokeApiToken(trx, organisationId, tokenId, now);
    if (n === 0) throw new NotFoundError('active token', tokenId);
    await audit({
      organisationId,
      action: 'token.revoke',
      entityType: 'api_token',
      entityId: tokenId,
      changes: { revoked_at: { before: null, after: now } },
    });
  });
}

/** The organisation's tokens, each with its creator and whether the creator still backs it. */
export async function listApiTokensWithState(ctx: IdentityContext, organisationId: string) {
  const rows = await listApiTokens(ctx.store.db, organisationId);
  const creators = new Map<string, Awaited<ReturnType<typeof memberStanding>>>();
  for (const id of new Set(rows.map((r) => r.created_by).filter((x): x is string => !!x))) {
    creators.set(id, await memberStanding(ctx.store.db, organisationId, id));
  }
  return rows.map((row) => {
    const creator = row.created_by ? creators.get(row.created_by) : undefined;
    const suspended =
      row.issued_by !== 'cli' &&
      (!creator?.role || creator.disabled || !mayMintToken(creator.role as Role, row.role as Role));
    return { row, createdBy: creator?.username ?? null, suspended };
  });
}

/**
 * Resolves a bearer token; unknown, expired or revoked tokens give null, and so does a token
 * whose creator has left the organisation or may no longer create it (checked on every request).
 */
export async function resolveApiToken(
  ctx: IdentityContext,
  token: string,
): Promise<TokenPrincipal | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const row = await findApiTokenByHash(ctx.store.db, sm3Hex(token));
  const now = ctx.clock.now().toISOString();
  if (!row || row.revoked_at || row.expires_at <= now) return null;
  if (!(await creatorStillMay(ctx, row))) return null;
  if (!row.last_used_at || addMinutes(row.last_used_at, 1) <= now)
    await touchApiToken(ctx.store.db, row.id, now);
  return {
    kind: 'token',
    tokenId: row.id,
    name: row.name,
    organisationId: row.organisation_id,
    role: row.role as Role,
    createdBy: row.created_by,
  };
}
