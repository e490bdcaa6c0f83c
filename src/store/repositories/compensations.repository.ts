/**
 * Rows of 整体测评 compensations: scoped by assessment (whose organisation the caller checked),
 * updates optimistic (version).
 */
import type { Kysely } from 'kysely';
import { NotFoundError } from '../../errors';
import type { CompensationRow, Database } from '../schema';
import { updateVersioned } from './versioned';

type Db = Kysely<Database>;

export async function listCompensations(db: Db, assessmentId: string): Promise<CompensationRow[]> {
  return db
    .selectFrom('assessment_compensations')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function getCompensation(
  db: Db,
  assessmentId: string,
  id: string,
): Promise<CompensationRow> {
  const row = await db
    .selectFrom('assessment_compensations')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('compensation', id);
  return row;
}

export async function insertCompensation(db: Db, row: CompensationRow): Promise<void> {
  await db.insertInto('assessment_compensations').values(row).execute();
}

export async function updateCompensationColumns(
  db: Db,
  assessmentId: string,
  id: string,
  expected: number,
  columns: Partial<
    Omit<CompensationRow, 'id' | 'assessment_id' | 'organisation_id' | 'version' | 'created_at'>
  >,
  now: string,
): Promise<CompensationRow> {
  await updateVersioned(db, 'assessment_compensations', {
    where: { assessment_id: assessmentId, id },
    expected,
    columns,
    now,
    entity: 'compensation',
    current: async () => (await getCompensation(db, assessmentId, id)).version,
  });
  return getCompensation(db, assessmentId, id);
}

export async function deleteCompensationRow(db: Db, assessmentId: string, id: string) {
  await db
    .deleteFrom('assessment_compensations')
    .where('assessment_id', '=', assessmentId)
    .where('id', '=', id)
    .execute();
}
