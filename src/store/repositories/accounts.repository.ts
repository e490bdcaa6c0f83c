import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { NotFoundError } from '../../errors';
import type { Role } from '../../shared/roles';
import type {
  ApiTokenRow,
  Database,
  MembershipRow,
  SessionRow,
  SignInThrottleRow,
  UserRow,
} from '../schema';

// Users

export async function findUserByUsername(
  db: Kysely<Database>,
  username: string,
): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function getUser(db: Kysely<Database>, id: string): Promise<UserRow> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('user', id);
  return row;
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const { n } = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

export async function insertUser(
  db: Kysely<Database>,
  input: {
    username: string;
    displayName: string;
    passwordHash: string;
    isPlatformAdmin: boolean;
    mustChangePassword: boolean;
  },
  now: string,
): Promise<UserRow> {
  const row: UserRow = {
    id: randomUUID(),
    username: input.username,
    display_name: input.displayName,
    password_hash: input.passwordHash,
    password_changed_at: now,
    must_change_password: input.mustChangePassword ? 1 : 0,
    is_platform_admin: input.isPlatformAdmin ? 1 : 0,
    failed_sign_ins: 0,
    locked_until: null,
    disabled: 0,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('users').values(row).execute();
  return row;
}

export async function updateUserColumns(
  db: Kysely<Database>,
  id: string,
  columns: Partial<Omit<UserRow, 'id' | 'created_at'>>,
  now: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({ ...columns, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

// Sessions

export async function insertSession(db: Kysely<Database>, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export async function findSession(
  db: Kysely<Database>,
  idHash: string,
): Promise<SessionRow | undefined> {
  return db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
}

export async function touchSession(
  db: Kysely<Database>,
  idHash: string,
  now: string,
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: now })
    .where('id_hash', '=', idHash)
    .execute();
}

export async function deleteSession(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Signs a user out everywhere; returns how many sessions ended. */
export async function deleteUserSessions(db: Kysely<Database>, userId: string): Promise<number> {
  const res = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(res.numDeletedRows);
}

// Memberships and assignments

export async function getMembership(
  db: Kysely<Database>,
  organisationId: string,
  userId: string,
): Promise<MembershipRow | undefined> {
  return db
    .selectFrom('memberships')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function listUserOrganisations(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select(['organisations.id as id', 'organisations.name as name', 'memberships.role as role'])
    .where('memberships.user_id', '=', userId)
    .orderBy('organisations.name')
    .execute();
}

/** The membership of `username` in the organisation, if any. */
export async function getMembershipByUsername(
  db: Kysely<Database>,
  organisationId: string,
  username: string,
) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id as userId', 'users.username as username', 'memberships.role as role'])
    .where('memberships.organisation_id', '=', organisationId)
    .where('users.username', '=', username)
    .executeTakeFirst();
}

export async function listMembers(db: Kysely<Database>, organisationId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'users.id as userId',
      'users.username as username',
      'users.display_name as displayName',
      'users.disabled as disabled',
      'memberships.role as role',
      'memberships.version as version',
      'memberships.created_at as createdAt',
    ])
    .where('memberships.organisation_id', '=', organisationId)
    .orderBy('users.username')
    .execute();
}

export async function insertMembership(
  db: Kysely<Database>,
  organisationId: string,
  userId: string,
  role: Role,
  now: string,
): Promise<MembershipRow> {
  const row: MembershipRow = {
    organisation_id: organisationId,
    user_id: userId,
    role,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('memberships').values(row).execute();
  return row;
}

export async function updateMembershipRole(
  db: Kysely<Database>,
  organisationId: string,
  userId: string,
  role: Role,
  expectedVersion: number,
  now: string,
): Promise<number> {
  const res = await db
    .updateTable('memberships')
    .set({ role, version: expectedVersion + 1, updated_at: now })
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function deleteMembership(
  db: Kysely<Database>,
  organisationId: string,
  userId: string,
): Promise<number> {
  const res = await db
    .deleteFrom('memberships')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  await db
    .deleteFrom('system_assignments')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .execute();
  return Number(res.numDeletedRows);
}

export async function countOwners(db: Kysely<Database>, organisationId: string): Promise<number> {
  const { n } = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  return Number(n);
}

export async function assignedSystemIds(
  db: Kysely<Database>,
  organisationId: string,
  userId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('system_assignments')
    .select('system_id')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => r.system_id);
}

export async function insertAssignment(
  db: Kysely<Database>,
  organisationId: string,
  userId: string,
  systemId: string,
  now: string,
): Promise<void> {
  await db
    .insertInto('system_assignments')
    .values({
      organisation_id: organisationId,
      user_id: userId,
      system_id: systemId,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['organisation_id', 'user_id', 'system_id']).doNothing())
    .execute();
}

export async function deleteAssignment(
  db: Kysely<Database>,
  organisationId: string,
  userId: string,
  systemId: string,
): Promise<number> {
  const res = await db
    .deleteFrom('system_assignments')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .where('system_id', '=', systemId)
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}

// API tokens

export async function insertApiToken(db: Kysely<Database>, row: ApiTokenRow): Promise<void> {
  await db.insertInto('api_tokens').values(row).execute();
}

export async function findApiTokenByHash(
  db: Kysely<Database>,
  secretHash: string,
): Promise<ApiTokenRow | undefined> {
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('secret_hash', '=', secretHash)
    .executeTakeFirst();
}

export async function findApiTokenById(
  db: Kysely<Database>,
  id: string,
): Promise<ApiTokenRow | undefined> {
  return db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The creator's standing in the organisation now: role (null when no longer a member) and account state. */
export async function memberStanding(
  db: Kysely<Database>,
  organisationId: string,
  userId: string,
): Promise<{ role: string | null; disabled: boolean; username: string } | undefined> {
  const row = await db
    .selectFrom('users')
    .leftJoin('memberships', (j) =>
      j
        .onRef('memberships.user_id', '=', 'users.id')
        .on('memberships.organisation_id', '=', organisationId),
    )
    .select([
      'users.username as username',
      'users.disabled as disabled',
      'memberships.role as role',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  return row && { role: row.role ?? null, disabled: row.disabled === 1, username: row.username };
}

export async function listApiTokens(
  db: Kysely<Database>,
  organisationId: string,
): Promise<ApiTokenRow[]> {
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function revokeApiToken(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
  now: string,
): Promise<number> {
  const res = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function touchApiToken(db: Kysely<Database>, id: string, now: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
}

// Sign-in throttles (per user name and source address)

/**
 * The row of (name, source) inside a transaction, created empty if missing and locked on
 * PostgreSQL (SQLite runs one write transaction at a time): concurrent failures from one address
 * each count, so a burst of parallel guesses cannot slip past the threshold.
 */
export async function claimThrottle(
  trx: Kysely<Database>,
  key: { nameKey: string; source: string },
  now: string,
  lock: boolean,
): Promise<SignInThrottleRow> {
  await trx
    .insertInto('sign_in_throttles')
    .values({
      name_key: key.nameKey,
      source: key.source,
      failures: 0,
      total_failures: 0,
      blocks: 0,
      blocked_until: null,
      last_failure_at: now,
    })
    .onConflict((oc) => oc.columns(['name_key', 'source']).doNothing())
    .execute();
  const query = trx
    .selectFrom('sign_in_throttles')
    .selectAll()
    .where('name_key', '=', key.nameKey)
    .where('source', '=', key.source);
  return (lock ? query.forUpdate() : query).executeTakeFirstOrThrow();
}

export async function putThrottle(db: Kysely<Database>, row: SignInThrottleRow): Promise<void> {
  const { name_key: _n, source: _s, ...rest } = row;
  await db
    .insertInto('sign_in_throttles')
    .values(row)
    .onConflict((oc) => oc.columns(['name_key', 'source']).doUpdateSet(rest))
    .execute();
}

/** Every source's row for the name (to report failures to the account's owner). */
export async function listThrottles(
  db: Kysely<Database>,
  nameKey: string,
): Promise<SignInThrottleRow[]> {
  return db
    .selectFrom('sign_in_throttles')
    .selectAll()
    .where('name_key', '=', nameKey)
    .orderBy('last_failure_at', 'desc')
    .execute();
}

/** After a successful sign-in from `source`: that source starts afresh, the others keep their blocks. */
export async function clearThrottleAfterSignIn(
  db: Kysely<Database>,
  nameKey: string,
  source: string,
): Promise<void> {
  await db
    .deleteFrom('sign_in_throttles')
    .where('name_key', '=', nameKey)
    .where('source', '=', source)
    .execute();
  await db
    .updateTable('sign_in_throttles')
    .set({ total_failures: 0 })
    .where('name_key', '=', nameKey)
    .where('total_failures', '!=', 0)
    .execute();
}

/** Unlock: every source of the name starts afresh; returns how many rows went. */
export async function deleteThrottles(db: Kysely<Database>, nameKey: string): Promise<number> {
  const res = await db
    .deleteFrom('sign_in_throttles')
    .where('name_key', '=', nameKey)
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}

/** Forgets rows with no failure since `before` and no block running at `now`. */
export async function pruneThrottles(
  db: Kysely<Database>,
  before: string,
  now: string,
): Promise<void> {
  await db
    .deleteFrom('sign_in_throttles')
    .where('last_failure_at', '<', before)
    .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<=', now)]))
    .execute();
}

/** Per name: failures since the last sign-in and the latest running block (for administrators). */
export async function throttleSummaries(
  db: Kysely<Database>,
  nameKeys: readonly string[],
): Promise<Map<string, { failures: number; blockedUntil: string | null }>> {
  const out = new Map<string, { failures: number; blockedUntil: string | null }>();
  if (nameKeys.length === 0) return out;
  const rows = await db
    .selectFrom('sign_in_throttles')
    .select(['name_key', 'total_failures', 'blocked_until'])
    .where('name_key', 'in', [...nameKeys])
    .execute();
  for (const r of rows) {
    const seen = out.get(r.name_key) ?? { failures: 0, blockedUntil: null };
    seen.failures += Number(r.total_failures);
    if (r.blocked_until && (!seen.blockedUntil || r.blocked_until > seen.blockedUntil))
      seen.blockedUntil = r.blocked_until;
    out.set(r.name_key, seen);
  }
  return out;
}
