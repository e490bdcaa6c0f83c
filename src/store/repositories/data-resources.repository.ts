import type { Insertable, Kysely, Selectable } from 'kysely';
import { ConflictError, NotFoundError, isUniqueViolation } from '../../errors';
import type { Database, DataResourcesTable } from '../schema';
import { updateVersioned } from './versioned';

/*
 * The data inventory's rows (数据资源目录). Every read and write is scoped by organisation. The
 * encrypted column (`data_enc`) is written and read as an opaque token here; the app layer
 * (src/app/data-security/inventory/model.ts) encrypts and decrypts it bound to its row.
 */

export type DataResourceRow = Selectable<DataResourcesTable>;

const CHUNK = 500;

export async function listResourceRows(
  db: Kysely<Database>,
  organisationId: string,
): Promise<DataResourceRow[]> {
  return db
    .selectFrom('data_resources')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('code')
    .execute();
}

export async function countResourceRows(
  db: Kysely<Database>,
  organisationId: string,
): Promise<number> {
  const row = await db
    .selectFrom('data_resources')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function getResourceRow(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
): Promise<DataResourceRow> {
  const row = await db
    .selectFrom('data_resources')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('data resource', id);
  return row;
}

export async function resourceIdByCode(
  db: Kysely<Database>,
  organisationId: string,
  code: string,
): Promise<string | undefined> {
  return (
    await db
      .selectFrom('data_resources')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .where('code', '=', code)
      .executeTakeFirst()
  )?.id;
}

export async function insertResourceRows(
  db: Kysely<Database>,
  rows: readonly Insertable<DataResourcesTable>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK)
    try {
      await db
        .insertInto('data_resources')
        .values(rows.slice(i, i + CHUNK) as Insertable<DataResourcesTable>[])
        .execute();
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ConflictError(
          'a data resource with this code was created at the same time; reload and try again',
        );
      throw error;
    }
}

export async function updateResourceRow(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
  expected: number,
  columns: {
    code?: string;
    name?: string;
    grade?: string;
    catalog_version?: string;
    data_enc?: string;
  },
  now: string,
): Promise<DataResourceRow> {
  try {
    await updateVersioned(db, 'data_resources', {
      where: { organisation_id: organisationId, id },
      expected,
      columns,
      now,
      entity: 'data resource',
      current: async () => (await getResourceRow(db, organisationId, id)).version,
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ConflictError('a data resource with this code was created at the same time');
    throw error;
  }
  return getResourceRow(db, organisationId, id);
}

/**
 * Refreshes the computed grade of a row graded with an older catalog (no new version: the
 * content did not change, only the catalog the grade is read from).
 */
export async function refreshResourceGrade(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
  grade: string,
  catalogVersion: string,
): Promise<void> {
  await db
    .updateTable('data_resources')
    .set({ grade, catalog_version: catalogVersion })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}

export async function deleteResourceRow(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
): Promise<void> {
  const res = await db
    .deleteFrom('data_resources')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) throw new NotFoundError('data resource', id);
}

/** Codes of the organisation's processing activities (privacy register). */
export async function privacyActivityCodes(
  db: Kysely<Database>,
  organisationId: string,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('privacy_activities')
    .select('code')
    .where('organisation_id', '=', organisationId)
    .execute();
  return new Set(rows.map((r) => r.code));
}
