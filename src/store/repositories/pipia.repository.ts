/**
 * Rows of personal-information protection impact assessments (PIPIA, 个人信息保护影响评估), and
 * the few reads and one write of the register they need (the covered activities; their
 * `retain_until` raised on approval, PIPL Art. 56). Every query is scoped by organisation; every
 * update of an assessment is optimistic (version), so concurrent edits never silently overwrite.
 */
import type { Kysely } from 'kysely';
import { NotFoundError } from '../../errors';
import type { Database, PrivacyPipiaRow } from '../schema';
import { updateVersioned } from './versioned';

type Db = Kysely<Database>;

export async function getPipia(
  db: Db,
  organisationId: string,
  id: string,
): Promise<PrivacyPipiaRow> {
  const row = await db
    .selectFrom('privacy_pipias')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('impact assessment', id);
  return row;
}

/** The organisation's assessments, newest first (content stays encrypted; lists do not read it). */
export async function listPipias(db: Db, organisationId: string): Promise<PrivacyPipiaRow[]> {
  return db
    .selectFrom('privacy_pipias')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

export async function insertPipia(db: Db, row: PrivacyPipiaRow): Promise<void> {
  await db.insertInto('privacy_pipias').values(row).execute();
}

export async function updatePipiaColumns(
  db: Db,
  organisationId: string,
  id: string,
  expected: number,
  columns: Partial<Omit<PrivacyPipiaRow, 'id' | 'organisation_id' | 'version' | 'updated_at'>>,
  now: string,
): Promise<PrivacyPipiaRow> {
  await updateVersioned(db, 'privacy_pipias', {
    where: { organisation_id: organisationId, id },
    expected,
    columns,
    now,
    entity: 'impact assessment',
    current: async () => (await getPipia(db, organisationId, id)).version,
  });
  return getPipia(db, organisationId, id);
}

/** Deletes the row if its version is still `expected`; false when it changed meanwhile. */
export async function deletePipia(
  db: Db,
  organisationId: string,
  id: string,
  expected: number,
): Promise<boolean> {
  const res = await db
    .deleteFrom('privacy_pipias')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('version', '=', expected)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** A processing activity of the register as an assessment reads it (data still encrypted). */
export interface PipiaActivityRow {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly data_enc: string;
  readonly retain_until: string | null;
}

/** The organisation's activities among `ids` (others are simply absent). */
export async function activitiesByIds(
  db: Db,
  organisationId: string,
  ids: readonly string[],
): Promise<PipiaActivityRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('privacy_activities')
    .select(['id', 'code', 'name', 'data_enc', 'retain_until'])
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', [...ids])
    .orderBy('code')
    .execute();
}

/**
 * Raises the activities' `retain_until` to `until` where it is earlier or unset (PIPL Art. 56:
 * the processing records are kept as long as the report). Returns the ids changed.
 */
export async function raiseActivityRetention(
  db: Db,
  organisationId: string,
  ids: readonly string[],
  until: string,
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('privacy_activities')
    .select(['id', 'retain_until'])
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', [...ids])
    .execute();
  const raise = rows
    .filter((r) => r.retain_until === null || r.retain_until < until)
    .map((r) => r.id);
  if (raise.length === 0) return [];
  await db
    .updateTable('privacy_activities')
    .set({ retain_until: until })
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', raise)
    .where((eb) => eb.or([eb('retain_until', 'is', null), eb('retain_until', '<', until)]))
    .execute();
  return raise;
}

/** Members of the organisation among `userIds`, with their role and display name. */
export async function membersByIds(
  db: Db,
  organisationId: string,
  userIds: readonly string[],
): Promise<{ userId: string; username: string; displayName: string; role: string }[]> {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'users.id as userId',
      'users.username as username',
      'users.display_name as displayName',
      'memberships.role as role',
    ])
    .where('memberships.organisation_id', '=', organisationId)
    .where('users.id', 'in', [...userIds])
    .execute();
}

/** Display names of users (members or former members), by id. */
export async function userNames(db: Db, userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'username', 'display_name'])
    .where('id', 'in', [...new Set(userIds)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name || r.username]));
}
