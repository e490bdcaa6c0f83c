import type { Insertable, Kysely } from 'kysely';
import {
  ConflictError,
  NotFoundError,
  VersionConflictError,
  isUniqueViolation,
} from '../../errors';
import type {
  Database,
  PrivacyActivitiesTable,
  PrivacyActivityRow,
  PrivacyTransferBatchesTable,
  PrivacyTransferBatchRow,
} from '../schema';
import { updateVersioned } from './versioned';

/*
 * The processing register's rows (个人信息处理活动记录). Every read and write is scoped by
 * organisation. The encrypted columns (`data_enc`) are written and read as opaque tokens here;
 * the app layer (src/app/privacy/model.ts) encrypts and decrypts them bound to their row.
 */

export interface PrivacyProfileRow {
  readonly organisation_id: string;
  readonly data_enc: string;
  readonly version: number;
  readonly updated_at: string;
}

/** Rows go in by the hundred (100,000 batches on an import). */
const CHUNK = 500;

async function conflictSafe(insert: () => Promise<unknown>, message: string): Promise<void> {
  try {
    await insert();
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(message);
    throw error;
  }
}

// --- register profile ---------------------------------------------------------------------------

export async function getProfileRow(
  db: Kysely<Database>,
  organisationId: string,
): Promise<PrivacyProfileRow | undefined> {
  return db
    .selectFrom('privacy_register_profiles')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
}

/**
 * Writes the profile: version 0 creates it (refused when another writer created it first),
 * any other version updates it when still current.
 */
export async function saveProfileRow(
  db: Kysely<Database>,
  organisationId: string,
  expected: number,
  encrypt: () => string,
  now: string,
): Promise<PrivacyProfileRow> {
  const current = async () => (await getProfileRow(db, organisationId))?.version ?? 0;
  if (expected === 0) {
    const version = await current();
    if (version !== 0) throw new VersionConflictError('register profile', version);
    await conflictSafe(
      () =>
        db
          .insertInto('privacy_register_profiles')
          .values({
            organisation_id: organisationId,
            data_enc: encrypt(),
            version: 1,
            updated_at: now,
          })
          .execute(),
      'the register profile was created at the same time; reload it and try again',
    );
  } else {
    await updateVersioned(db, 'privacy_register_profiles', {
      where: { organisation_id: organisationId },
      expected,
      columns: { data_enc: encrypt() },
      now,
      entity: 'register profile',
      current,
    });
  }
  return (await getProfileRow(db, organisationId))!;
}

// --- activities ---------------------------------------------------------------------------------

export async function listActivityRows(
  db: Kysely<Database>,
  organisationId: string,
): Promise<PrivacyActivityRow[]> {
  return db
    .selectFrom('privacy_activities')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('code')
    .execute();
}

export async function getActivityRow(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
): Promise<PrivacyActivityRow> {
  const row = await db
    .selectFrom('privacy_activities')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('processing activity', id);
  return row;
}

export async function activityIdByCode(
  db: Kysely<Database>,
  organisationId: string,
  code: string,
): Promise<string | undefined> {
  return (
    await db
      .selectFrom('privacy_activities')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .where('code', '=', code)
      .executeTakeFirst()
  )?.id;
}

export async function insertActivityRows(
  db: Kysely<Database>,
  rows: readonly Insertable<PrivacyActivitiesTable>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK)
    await conflictSafe(
      () =>
        db
          .insertInto('privacy_activities')
          .values(rows.slice(i, i + CHUNK) as Insertable<PrivacyActivitiesTable>[])
          .execute(),
      'an activity with this code was created at the same time; reload and try again',
    );
}

export async function updateActivityRow(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
  expected: number,
  columns: { code?: string; name?: string; data_enc?: string },
  now: string,
): Promise<PrivacyActivityRow> {
  try {
    await updateVersioned(db, 'privacy_activities', {
      where: { organisation_id: organisationId, id },
      expected,
      columns,
      now,
      entity: 'processing activity',
      current: async () => (await getActivityRow(db, organisationId, id)).version,
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ConflictError('an activity with this code was created at the same time');
    throw error;
  }
  return getActivityRow(db, organisationId, id);
}

export async function deleteActivityRow(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
): Promise<void> {
  // Batches first: SQLite does not enforce the foreign key's cascade unless told to.
  await db
    .deleteFrom('privacy_transfer_batches')
    .where('organisation_id', '=', organisationId)
    .where('activity_id', '=', id)
    .execute();
  const res = await db
    .deleteFrom('privacy_activities')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) throw new NotFoundError('processing activity', id);
}

// --- transfer batches ---------------------------------------------------------------------------

export async function listBatchRows(
  db: Kysely<Database>,
  organisationId: string,
  activityId?: string,
): Promise<PrivacyTransferBatchRow[]> {
  let q = db
    .selectFrom('privacy_transfer_batches')
    .selectAll()
    .where('organisation_id', '=', organisationId);
  if (activityId !== undefined) q = q.where('activity_id', '=', activityId);
  return q.orderBy('transferred_on').orderBy('id').execute();
}

/** How many batches each (activity, transfer key) has, for the checks on an activity edit. */
export async function batchCounts(
  db: Kysely<Database>,
  organisationId: string,
  activityId: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('privacy_transfer_batches')
    .select(['transfer_key'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('activity_id', '=', activityId)
    .groupBy('transfer_key')
    .execute();
  return new Map(rows.map((r) => [r.transfer_key, Number(r.n)]));
}

export async function getBatchRow(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
): Promise<PrivacyTransferBatchRow> {
  const row = await db
    .selectFrom('privacy_transfer_batches')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('transfer batch', id);
  return row;
}

export async function insertBatchRows(
  db: Kysely<Database>,
  rows: readonly Insertable<PrivacyTransferBatchesTable>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto('privacy_transfer_batches')
      .values(rows.slice(i, i + CHUNK) as Insertable<PrivacyTransferBatchesTable>[])
      .execute();
}

export async function deleteBatchRow(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
): Promise<void> {
  const res = await db
    .deleteFrom('privacy_transfer_batches')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) throw new NotFoundError('transfer batch', id);
}

// --- what the register refers to ----------------------------------------------------------------

/** The organisation's MLPS systems: id, name and whether marked CII. */
export async function organisationSystems(
  db: Kysely<Database>,
  organisationId: string,
): Promise<{ id: string; name: string; isCii: boolean }[]> {
  const rows = await db
    .selectFrom('systems')
    .select(['id', 'name', 'is_cii'])
    .where('organisation_id', '=', organisationId)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, isCii: Number(r.is_cii ?? 0) === 1 }));
}

/** Approval dates of the approved PIPIAs covering each activity (by activity id). */
export async function approvedPipiaDates(
  db: Kysely<Database>,
  organisationId: string,
): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('privacy_pipias')
    .select(['activity_ids', 'approved_on'])
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'approved')
    .execute();
  const out = new Map<string, string[]>();
  for (const r of rows) {
    if (!r.approved_on) continue;
    for (const id of JSON.parse(r.activity_ids) as string[]) {
      const list = out.get(id) ?? [];
      list.push(r.approved_on);
      out.set(id, list);
    }
  }
  return out;
}
