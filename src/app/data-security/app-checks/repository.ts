/*
 * The app_checks rows (App 个人信息收集检查). Every read and write is scoped by organisation;
 * `content_enc` is an opaque token here (model.ts encrypts and decrypts it bound to its row).
 */
import type { Insertable, Kysely } from 'kysely';
import { ConflictError, NotFoundError, isUniqueViolation } from '../../../errors';
import type { AppChecksTable, Database } from '../../../store/schema';
import type { Selectable } from 'kysely';
import { updateVersioned } from '../../../store/repositories/versioned';

export type AppCheckRow = Selectable<AppChecksTable>;

export async function listAppCheckRows(
  db: Kysely<Database>,
  organisationId: string,
): Promise<AppCheckRow[]> {
  return db
    .selectFrom('app_checks')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('code')
    .execute();
}

export async function countAppCheckRows(db: Kysely<Database>, organisationId: string) {
  const row = await db
    .selectFrom('app_checks')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function getAppCheckRow(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
): Promise<AppCheckRow> {
  const row = await db
    .selectFrom('app_checks')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('app check', id);
  return row;
}

export async function appCheckIdByCode(
  db: Kysely<Database>,
  organisationId: string,
  code: string,
): Promise<string | undefined> {
  return (
    await db
      .selectFrom('app_checks')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .where('code', '=', code)
      .executeTakeFirst()
  )?.id;
}

const RACE = { code: 'app_check.race' } as const;

export async function insertAppCheckRow(
  db: Kysely<Database>,
  row: Insertable<AppChecksTable>,
): Promise<void> {
  try {
    await db.insertInto('app_checks').values(row).execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(RACE);
    throw error;
  }
}

export async function updateAppCheckRow(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
  expected: number,
  columns: { code: string; name: string; checked_on: string; content_enc: string },
  now: string,
): Promise<AppCheckRow> {
  try {
    await updateVersioned(db, 'app_checks', {
      where: { organisation_id: organisationId, id },
      expected,
      columns,
      now,
      entity: 'app check',
      current: async () => (await getAppCheckRow(db, organisationId, id)).version,
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(RACE);
    throw error;
  }
  return getAppCheckRow(db, organisationId, id);
}

export async function deleteAppCheckRow(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
): Promise<void> {
  const res = await db
    .deleteFrom('app_checks')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) throw new NotFoundError('app check', id);
}
