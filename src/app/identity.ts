import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AccountLockedError, UnauthenticatedError, ValidationError } from '../errors';
import type { Role } from '../shared/roles';
import {
  DUMMY_HASH_PROMISE,
  hashPassword,
  passwordProblems,
  verifyPassword,
} from '../security/passwords';
import { API_TOKEN_PREFIX, newSecret, sm3Hex } from '../security/secrets';
import {
  countUsers,
  deleteSession,
  deleteUserSessions,
  findApiTokenByHash,
  findSession,
  findUserByUsername,
  getUser,
  insertApiToken,
  insertSession,
  insertUser,
  touchApiToken,
  touchSession,
  updateUserColumns,
} from '../store/repositories/accounts.repository';
import type { ApiTokenRow, UserRow } from '../store/schema';
import { audited, rowChanges, type Actor } from './actor';
import type { AppContext } from './context';

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
}

/**
 * Checks a password with lockout: after `lockoutThreshold` consecutive failures the account is
 * locked for `lockoutMinutes`. Unknown users, wrong passwords and disabled accounts get the same
 * answer and similar timing; a locked account says until when.
 */
export async function signIn(
  ctx: IdentityContext,
  input: { username: string; password: string },
  meta: { sourceIp: string | null; requestId: string | null },
): Promise<SignInResult> {
  const db = ctx.store.db;
  const now = ctx.clock.now().toISOString();
  const user = await findUserByUsername(db, input.username.trim());
  const actor: Actor = {
    userId: user?.id ?? null,
    tokenId: null,
    label: input.username.slice(0, 100),
    ...meta,
  };
  if (!user) {
    await verifyPassword(input.password, await DUMMY_HASH_PROMISE);
    await audited(ctx, actor, (_trx, audit) =>
      audit({
        organisationId: PLATFORM,
        action: 'session.sign_in_failed',
        entityType: 'user',
        entityId: null,
        changes: { reason: { before: null, after: 'unknown user' } },
      }),
    );
    throw new UnauthenticatedError('wrong user name or password');
  }
  if (user.locked_until && user.locked_until > now) {
    throw new AccountLockedError(
      user.locked_until,
      `account locked after repeated failures until ${user.locked_until}`,
    );
  }
  const ok = await verifyPassword(input.password, user.password_hash);
  if (!ok || user.disabled === 1) {
    const failures = user.failed_sign_ins + 1;
    const lock = failures >= ctx.security.lockoutThreshold;
    const lockedUntil = addMinutes(now, ctx.security.lockoutMinutes);
    await audited(ctx, actor, async (trx, audit, at) => {
      const columns = lock
        ? { failed_sign_ins: 0, locked_until: lockedUntil }
        : { failed_sign_ins: failures };
      await updateUserColumns(trx, user.id, columns, at);
      await audit({
        organisationId: PLATFORM,
        action: lock ? 'user.locked' : 'session.sign_in_failed',
        entityType: 'user',
        entityId: user.id,
        changes: rowChanges(
          { failed_sign_ins: user.failed_sign_ins, locked_until: user.locked_until },
          columns,
        ),
      });
    });
    if (lock) {
      throw new AccountLockedError(
        lockedUntil,
        `too many failed sign-ins: account locked for ${ctx.security.lockoutMinutes} minutes`,
      );
    }
    throw new UnauthenticatedError('wrong user name or password');
  }
  const sessionSecret = newSecret();
  const csrfToken = newSecret();
  const expiresAt = addMinutes(now, ctx.security.sessionAbsoluteHours * 60);
  await audited(ctx, actor, async (trx, audit, at) => {
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
      changes: {},
    });
  });
  return {
    sessionSecret,
    csrfToken,
    expiresAt,
    user,
    passwordChangeRequired: passwordChangeRequired(user, ctx, now),
  };
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

/** Creates an API token for one organisation and role; the secret is returned once, only its SM3 hash is kept. */
export async function createApiToken(
  ctx: IdentityContext,
  actor: Actor,
  organisationId: string,
  input: { name: string; role: Role; expiresInDays: number },
): Promise<{ token: string; row: ApiTokenRow }> {
  if (input.expiresInDays > ctx.security.apiTokenMaxDays) {
    throw new ValidationError('token lifetime too long', [
      { path: 'expiresInDays', message: `at most ${ctx.security.apiTokenMaxDays} days` },
    ]);
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

/** Resolves a bearer token; unknown, expired or revoked tokens give null. */
export async function resolveApiToken(
  ctx: IdentityContext,
  token: string,
): Promise<TokenPrincipal | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const row = await findApiTokenByHash(ctx.store.db, sm3Hex(token));
  const now = ctx.clock.now().toISOString();
  if (!row || row.revoked_at || row.expires_at <= now) return null;
  if (!row.last_used_at || addMinutes(row.last_used_at, 1) <= now)
    await touchApiToken(ctx.store.db, row.id, now);
  return {
    kind: 'token',
    tokenId: row.id,
    name: row.name,
    organisationId: row.organisation_id,
    role: row.role as Role,
  };
}
