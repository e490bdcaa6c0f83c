/**
 * Rows of GB/T 39204-2022 capability evaluations: the evaluation, its results and its
 * rectification items. Every query is scoped by organisation (results and rectifications through
 * their evaluation); every update of an existing row is optimistic (version), so concurrent edits
 * never silently overwrite.
 */
import type { Kysely } from 'kysely';
import {
  ConflictError,
  NotFoundError,
  VersionConflictError,
  isUniqueViolation,
} from '../../errors';
import type {
  CiiEvaluationRectificationRow,
  CiiEvaluationResultRow,
  CiiEvaluationRow,
  Database,
} from '../schema';
import { updateVersioned } from './versioned';

type Db = Kysely<Database>;

/** The core business, if it belongs to the organisation; otherwise NOT_FOUND. */
export async function getEvaluatedBusiness(
  db: Db,
  organisationId: string,
  businessId: string,
): Promise<{ id: string; name: string }> {
  const row = await db
    .selectFrom('cii_core_businesses')
    .select(['id', 'name'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', businessId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('core business', businessId);
  return row;
}

export async function getEvaluation(
  db: Db,
  organisationId: string,
  id: string,
): Promise<CiiEvaluationRow> {
  const row = await db
    .selectFrom('cii_evaluations')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('capability evaluation', id);
  return row;
}

export async function listEvaluations(
  db: Db,
  organisationId: string,
  businessId: string,
): Promise<CiiEvaluationRow[]> {
  return db
    .selectFrom('cii_evaluations')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('core_business_id', '=', businessId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

export async function insertEvaluation(db: Db, row: CiiEvaluationRow): Promise<void> {
  await db.insertInto('cii_evaluations').values(row).execute();
}

export async function updateEvaluationColumns(
  db: Db,
  organisationId: string,
  id: string,
  expected: number,
  columns: Partial<Omit<CiiEvaluationRow, 'id' | 'organisation_id' | 'version'>>,
  now: string,
): Promise<CiiEvaluationRow> {
  await updateVersioned(db, 'cii_evaluations', {
    where: { organisation_id: organisationId, id },
    expected,
    columns,
    now,
    entity: 'capability evaluation',
    current: async () => (await getEvaluation(db, organisationId, id)).version,
  });
  return getEvaluation(db, organisationId, id);
}

/**
 * Marks a change inside a draft evaluation (updated_at) and, on PostgreSQL, locks its row for
 * the rest of the transaction, so a concurrent completion waits for the change (or the change
 * sees the completion). Returns false when the evaluation is not a draft.
 */
export async function touchDraftEvaluation(db: Db, id: string, now: string): Promise<boolean> {
  const res = await db
    .updateTable('cii_evaluations')
    .set({ updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export async function listEvaluationResults(
  db: Db,
  evaluationId: string,
): Promise<CiiEvaluationResultRow[]> {
  return db
    .selectFrom('cii_evaluation_results')
    .selectAll()
    .where('evaluation_id', '=', evaluationId)
    .execute();
}

/** Results of several evaluations (for list pages): evaluation id → rows. */
export async function resultsOfEvaluations(
  db: Db,
  evaluationIds: readonly string[],
): Promise<Map<string, Pick<CiiEvaluationResultRow, 'requirement_id' | 'result'>[]>> {
  const out = new Map<string, Pick<CiiEvaluationResultRow, 'requirement_id' | 'result'>[]>();
  if (evaluationIds.length === 0) return out;
  const rows = await db
    .selectFrom('cii_evaluation_results')
    .select(['evaluation_id', 'requirement_id', 'result'])
    .where('evaluation_id', 'in', [...evaluationIds])
    .execute();
  for (const r of rows) {
    const list = out.get(r.evaluation_id) ?? [];
    list.push({ requirement_id: r.requirement_id, result: r.result });
    out.set(r.evaluation_id, list);
  }
  return out;
}

export async function getEvaluationResult(
  db: Db,
  evaluationId: string,
  requirementId: string,
): Promise<CiiEvaluationResultRow | undefined> {
  return db
    .selectFrom('cii_evaluation_results')
    .selectAll()
    .where('evaluation_id', '=', evaluationId)
    .where('requirement_id', '=', requirementId)
    .executeTakeFirst();
}

/**
 * Creates (expected 0) or updates (expected = stored version) one result. A stale version — or a
 * create racing another create — is a VERSION_CONFLICT.
 */
export async function writeEvaluationResult(
  db: Db,
  row: Omit<CiiEvaluationResultRow, 'version'>,
  expected: number,
): Promise<CiiEvaluationResultRow> {
  const find = () => getEvaluationResult(db, row.evaluation_id, row.requirement_id);
  if (expected === 0) {
    const existing = await find();
    if (existing) throw new VersionConflictError(`result ${row.requirement_id}`, existing.version);
    // ON CONFLICT DO NOTHING: a racing create leaves PostgreSQL's transaction usable.
    const res = await db
      .insertInto('cii_evaluation_results')
      .values({ ...row, version: 1 })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(res.numInsertedOrUpdatedRows ?? 0) === 0)
      throw new VersionConflictError(`result ${row.requirement_id}`, (await find())?.version ?? 0);
  } else {
    await updateVersioned(db, 'cii_evaluation_results', {
      where: { evaluation_id: row.evaluation_id, requirement_id: row.requirement_id },
      expected,
      columns: {
        result: row.result,
        note_enc: row.note_enc,
        evidence_enc: row.evidence_enc,
        recorded_by: row.recorded_by,
        recorded_at: row.recorded_at,
      },
      entity: `result ${row.requirement_id}`,
      current: async () => (await find())?.version ?? 0,
    });
  }
  const stored = await find();
  if (!stored) throw new NotFoundError('result', row.requirement_id);
  return stored;
}

export async function listEvaluationRectifications(
  db: Db,
  evaluationId: string,
): Promise<CiiEvaluationRectificationRow[]> {
  return db
    .selectFrom('cii_evaluation_rectifications')
    .selectAll()
    .where('evaluation_id', '=', evaluationId)
    .orderBy('created_at')
    .orderBy('requirement_id')
    .execute();
}

export async function getEvaluationRectification(
  db: Db,
  organisationId: string,
  evaluationId: string,
  id: string,
): Promise<CiiEvaluationRectificationRow> {
  const row = await db
    .selectFrom('cii_evaluation_rectifications')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('evaluation_id', '=', evaluationId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('rectification item', id);
  return row;
}

export async function findRectificationFor(
  db: Db,
  evaluationId: string,
  requirementId: string,
): Promise<CiiEvaluationRectificationRow | undefined> {
  return db
    .selectFrom('cii_evaluation_rectifications')
    .selectAll()
    .where('evaluation_id', '=', evaluationId)
    .where('requirement_id', '=', requirementId)
    .executeTakeFirst();
}

export async function insertEvaluationRectification(
  db: Db,
  row: CiiEvaluationRectificationRow,
): Promise<void> {
  try {
    await db.insertInto('cii_evaluation_rectifications').values(row).execute();
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ConflictError(
        `${row.requirement_id} already has a rectification item (created at the same time); update that one`,
      );
    throw error;
  }
}

export async function updateEvaluationRectificationColumns(
  db: Db,
  organisationId: string,
  evaluationId: string,
  id: string,
  expected: number,
  columns: Partial<Pick<CiiEvaluationRectificationRow, 'owner' | 'due_on' | 'plan_enc' | 'status'>>,
  now: string,
): Promise<CiiEvaluationRectificationRow> {
  await updateVersioned(db, 'cii_evaluation_rectifications', {
    where: { organisation_id: organisationId, evaluation_id: evaluationId, id },
    expected,
    columns,
    now,
    entity: 'rectification item',
    current: async () =>
      (await getEvaluationRectification(db, organisationId, evaluationId, id)).version,
  });
  return getEvaluationRectification(db, organisationId, evaluationId, id);
}
