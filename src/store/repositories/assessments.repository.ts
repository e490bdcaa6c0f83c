/**
 * Rows of level assessments: the project, test objects, results, evidence, finding notes,
 * major risks and rectification items. Every query is scoped by organisation; every update of
 * an existing row is optimistic (version), so concurrent edits never silently overwrite.
 */
import { sql, type Kysely } from 'kysely';
import { NotFoundError, VersionConflictError } from '../../errors';
import type {
  AssessmentResultRow,
  AssessmentRow,
  Database,
  FindingNoteRow,
  MajorRiskRow,
  RectificationItemRow,
  TestObjectRow,
} from '../schema';
import { updateVersioned } from './versioned';

type Db = Kysely<Database>;

/** `systemIds` limits the systems whose assessments are visible (assessors: assigned ones). */
export async function getAssessment(
  db: Db,
  organisationId: string,
  id: string,
  systemIds?: readonly string[],
): Promise<AssessmentRow> {
  if (systemIds?.length === 0) throw new NotFoundError('assessment', id);
  const row = await db
    .selectFrom('assessments')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .$if(systemIds !== undefined, (q) => q.where('system_id', 'in', [...(systemIds ?? [])]))
    .executeTakeFirst();
  if (!row) throw new NotFoundError('assessment', id);
  return row;
}

export async function listAssessments(
  db: Db,
  organisationId: string,
  filter: { systemId?: string | undefined; systemIds?: readonly string[] | undefined },
): Promise<AssessmentRow[]> {
  let q = db.selectFrom('assessments').selectAll().where('organisation_id', '=', organisationId);
  if (filter.systemId) q = q.where('system_id', '=', filter.systemId);
  if (filter.systemIds) {
    if (filter.systemIds.length === 0) return [];
    q = q.where('system_id', 'in', [...filter.systemIds]);
  }
  return q.orderBy('created_at', 'desc').execute();
}

export async function updateAssessmentColumns(
  db: Db,
  organisationId: string,
  id: string,
  expected: number,
  columns: Partial<Omit<AssessmentRow, 'id' | 'organisation_id' | 'version'>>,
  now: string,
): Promise<AssessmentRow> {
  await updateVersioned(db, 'assessments', {
    where: { organisation_id: organisationId, id },
    expected,
    columns,
    now,
    entity: 'assessment',
    current: async () => (await getAssessment(db, organisationId, id)).version,
  });
  return getAssessment(db, organisationId, id);
}

/** Something in the assessment changed: bump its revision (caches) and updated_at (lists). */
export async function touchAssessment(db: Db, id: string, now: string): Promise<void> {
  await db
    .updateTable('assessments')
    .set((eb) => ({ updated_at: now, revision: eb('revision', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** The assessment's revision (cheap check before serving a cached workbook). */
export async function assessmentRevision(
  db: Db,
  organisationId: string,
  id: string,
  systemIds?: readonly string[],
): Promise<{ revision: number; systemId: string } | undefined> {
  if (systemIds?.length === 0) return undefined;
  const row = await db
    .selectFrom('assessments')
    .select(['revision', 'system_id'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .$if(systemIds !== undefined, (q) => q.where('system_id', 'in', [...(systemIds ?? [])]))
    .executeTakeFirst();
  return row ? { revision: row.revision, systemId: row.system_id } : undefined;
}

export async function listTestObjects(db: Db, assessmentId: string): Promise<TestObjectRow[]> {
  return db
    .selectFrom('test_objects')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .orderBy('position')
    .orderBy('created_at')
    .execute();
}

export async function getTestObject(
  db: Db,
  assessmentId: string,
  id: string,
): Promise<TestObjectRow> {
  const row = await db
    .selectFrom('test_objects')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('test object', id);
  return row;
}

export async function updateTestObjectColumns(
  db: Db,
  assessmentId: string,
  id: string,
  expected: number,
  columns: Partial<Pick<TestObjectRow, 'name' | 'kind' | 'description'>>,
  now: string,
): Promise<TestObjectRow> {
  await updateVersioned(db, 'test_objects', {
    where: { assessment_id: assessmentId, id },
    expected,
    columns,
    now,
    entity: 'test object',
    current: async () => (await getTestObject(db, assessmentId, id)).version,
  });
  return getTestObject(db, assessmentId, id);
}

export async function listResults(db: Db, assessmentId: string): Promise<AssessmentResultRow[]> {
  return db
    .selectFrom('assessment_results')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .execute();
}

export async function getResult(
  db: Db,
  assessmentId: string,
  requirementId: string,
  objectId: string,
): Promise<AssessmentResultRow | undefined> {
  return db
    .selectFrom('assessment_results')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .where('requirement_id', '=', requirementId)
    .where('object_id', '=', objectId)
    .executeTakeFirst();
}

/**
 * Creates (expected 0) or updates (expected = stored version) one result. A stale version — or a
 * create racing another create — is a VERSION_CONFLICT.
 */
export async function writeResult(
  db: Db,
  row: Omit<AssessmentResultRow, 'version' | 'reviewed_by' | 'reviewed_at'>,
  expected: number,
): Promise<AssessmentResultRow> {
  const key = [row.assessment_id, row.requirement_id, row.object_id] as const;
  if (expected === 0) {
    const existing = await getResult(db, ...key);
    if (existing) throw new VersionConflictError(`result ${row.requirement_id}`, existing.version);
    // ON CONFLICT DO NOTHING: a racing create leaves PostgreSQL's transaction usable, so the
    // winner's version can still be read (a failed INSERT would abort it).
    const res = await db
      .insertInto('assessment_results')
      .values({ ...row, reviewed_by: null, reviewed_at: null, version: 1 })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(res.numInsertedOrUpdatedRows ?? 0) === 0) {
      const now = await getResult(db, ...key);
      throw new VersionConflictError(`result ${row.requirement_id}`, now?.version ?? 0);
    }
  } else {
    await updateVersioned(db, 'assessment_results', {
      where: {
        assessment_id: row.assessment_id,
        requirement_id: row.requirement_id,
        object_id: row.object_id,
      },
      expected,
      columns: {
        result: row.result,
        record_enc: row.record_enc,
        reason_enc: row.reason_enc,
        recorded_by: row.recorded_by,
        recorded_at: row.recorded_at,
        // A changed result needs a new review.
        reviewed_by: null,
        reviewed_at: null,
      },
      entity: 'result',
      current: async () => (await getResult(db, ...key))?.version ?? 0,
    });
  }
  const stored = await getResult(db, ...key);
  if (!stored) throw new NotFoundError('result', `${row.requirement_id}/${row.object_id}`);
  return stored;
}

/** Rows per INSERT: 12 columns × 400 stays far below SQLite's and PostgreSQL's parameter limits. */
const INSERT_CHUNK = 400;

/**
 * New results in multi-row INSERTs — a 10,000-row first import would otherwise take 30,000
 * statements through writeResult (select, insert, select per row). Same semantics as
 * writeResult(…, 0): the rows were absent when read in this transaction, and a result created
 * meanwhile by someone else (primary key violation) is a VERSION_CONFLICT.
 */
export async function insertResults(db: Db, rows: readonly AssessmentResultRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const chunk = rows.slice(i, i + INSERT_CHUNK);
    const res = await db
      .insertInto('assessment_results')
      .values(chunk)
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(res.numInsertedOrUpdatedRows ?? 0) !== chunk.length) {
      // Name a row someone else wrote when it can be told apart from ours.
      for (const row of chunk) {
        const now = await getResult(db, row.assessment_id, row.requirement_id, row.object_id);
        if (now && (now.recorded_at !== row.recorded_at || now.recorded_by !== row.recorded_by))
          throw new VersionConflictError(`result ${row.requirement_id}`, now.version);
      }
      throw new VersionConflictError('result (created meanwhile by someone else)', 1);
    }
  }
}

export type ResultUpdate = Pick<
  AssessmentResultRow,
  'requirement_id' | 'object_id' | 'result' | 'record_enc' | 'reason_enc'
> & { readonly expected: number };

/** Rows per UPDATE: 6 parameters each. */
const UPDATE_CHUNK = 400;

/**
 * Changed results, many per statement, with writeResult's semantics: only where the stored
 * version is still the one read in this transaction (else VERSION_CONFLICT), version + 1, and
 * the review cleared (a changed result needs a new review). `UPDATE … FROM` a VALUES list works
 * on PostgreSQL and on SQLite ≥ 3.33. The unary `+` keeps SQLite's planner from indexing the
 * VALUES list by version and scanning every result of the assessment per chunk (250 ms instead
 * of 2 ms per 400 rows); it walks the list and looks each row up by primary key instead.
 */
export async function updateResults(
  db: Db,
  assessmentId: string,
  recordedBy: string,
  now: string,
  rows: readonly ResultUpdate[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += UPDATE_CHUNK) {
    const chunk = rows.slice(i, i + UPDATE_CHUNK);
    const values = sql.join(
      chunk.map(
        (r) =>
          sql`(${r.requirement_id}, ${r.object_id}, ${r.result}, ${r.record_enc}, ${r.reason_enc}, cast(${r.expected} as integer))`,
      ),
    );
    const res = await sql`
      with v (requirement_id, object_id, result, record_enc, reason_enc, expected) as (values ${values})
      update assessment_results
      set result = v.result,
          record_enc = v.record_enc,
          reason_enc = v.reason_enc,
          recorded_by = ${recordedBy},
          recorded_at = ${now},
          reviewed_by = null,
          reviewed_at = null,
          version = v.expected + 1
      from v
      where assessment_results.assessment_id = ${assessmentId}
        and assessment_results.requirement_id = v.requirement_id
        and assessment_results.object_id = v.object_id
        and assessment_results.version = +v.expected`.execute(db);
    if (Number(res.numAffectedRows ?? 0) !== chunk.length) {
      for (const r of chunk) {
        const current = await getResult(db, assessmentId, r.requirement_id, r.object_id);
        if (current?.version !== r.expected + 1 || current.recorded_at !== now) {
          throw new VersionConflictError('result', current?.version ?? 0);
        }
      }
      throw new VersionConflictError('result', 0);
    }
  }
}

export async function markReviewed(
  db: Db,
  assessmentId: string,
  requirementId: string,
  objectId: string,
  expected: number,
  reviewer: string,
  now: string,
): Promise<void> {
  await updateVersioned(db, 'assessment_results', {
    where: { assessment_id: assessmentId, requirement_id: requirementId, object_id: objectId },
    expected,
    columns: { reviewed_by: reviewer, reviewed_at: now },
    entity: 'result',
    current: async () => {
      const current = await getResult(db, assessmentId, requirementId, objectId);
      if (!current) throw new NotFoundError('result', `${requirementId}/${objectId}`);
      return current.version;
    },
  });
}

export async function evidenceCounts(db: Db, assessmentId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('assessment_evidence')
    .select(['requirement_id', 'object_id', db.fn.countAll<number>().as('n')])
    .where('assessment_id', '=', assessmentId)
    .groupBy(['requirement_id', 'object_id'])
    .execute();
  return new Map(rows.map((r) => [`${r.requirement_id}\u0000${r.object_id}`, Number(r.n)]));
}

export async function listFindingNotes(db: Db, assessmentId: string): Promise<FindingNoteRow[]> {
  return db
    .selectFrom('finding_notes')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .execute();
}

export async function writeFindingNote(
  db: Db,
  row: Omit<FindingNoteRow, 'version'>,
  expected: number,
): Promise<FindingNoteRow> {
  const find = () =>
    db
      .selectFrom('finding_notes')
      .selectAll()
      .where('assessment_id', '=', row.assessment_id)
      .where('requirement_id', '=', row.requirement_id)
      .executeTakeFirst();
  if (expected === 0) {
    const existing = await find();
    if (existing) throw new VersionConflictError(`finding ${row.requirement_id}`, existing.version);
    // As in writeResult: a racing create must not abort the transaction.
    const res = await db
      .insertInto('finding_notes')
      .values({ ...row, version: 1 })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(res.numInsertedOrUpdatedRows ?? 0) === 0)
      throw new VersionConflictError(`finding ${row.requirement_id}`, (await find())?.version ?? 0);
  } else {
    await updateVersioned(db, 'finding_notes', {
      where: { assessment_id: row.assessment_id, requirement_id: row.requirement_id },
      expected,
      columns: row,
      now: row.updated_at,
      entity: 'finding',
      current: async () => (await find())?.version ?? 0,
    });
  }
  const stored = await find();
  if (!stored) throw new NotFoundError('finding', row.requirement_id);
  return stored;
}

export async function listMajorRisks(db: Db, assessmentId: string): Promise<MajorRiskRow[]> {
  return db
    .selectFrom('major_risks')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .orderBy('trigger_id')
    .execute();
}

export async function getMajorRisk(
  db: Db,
  assessmentId: string,
  id: string,
): Promise<MajorRiskRow> {
  const row = await db
    .selectFrom('major_risks')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('major risk', id);
  return row;
}

export async function updateMajorRiskColumns(
  db: Db,
  assessmentId: string,
  id: string,
  expected: number,
  columns: Partial<Pick<MajorRiskRow, 'note_enc' | 'rectified' | 'rectified_on'>>,
  now: string,
): Promise<MajorRiskRow> {
  await updateVersioned(db, 'major_risks', {
    where: { assessment_id: assessmentId, id },
    expected,
    columns,
    now,
    entity: 'major risk',
    current: async () => (await getMajorRisk(db, assessmentId, id)).version,
  });
  return getMajorRisk(db, assessmentId, id);
}

export async function listRectifications(
  db: Db,
  organisationId: string,
  filter: {
    assessmentId?: string | undefined;
    systemIds?: readonly string[] | undefined;
  } = {},
): Promise<RectificationItemRow[]> {
  let q = db
    .selectFrom('rectification_items')
    .selectAll()
    .where('organisation_id', '=', organisationId);
  if (filter.assessmentId) q = q.where('assessment_id', '=', filter.assessmentId);
  if (filter.systemIds) {
    if (filter.systemIds.length === 0) return [];
    q = q.where('system_id', 'in', [...filter.systemIds]);
  }
  return q.orderBy('due_date').orderBy('created_at').execute();
}

export async function getRectification(
  db: Db,
  organisationId: string,
  id: string,
  systemIds?: readonly string[],
): Promise<RectificationItemRow> {
  if (systemIds?.length === 0) throw new NotFoundError('rectification item', id);
  const row = await db
    .selectFrom('rectification_items')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .$if(systemIds !== undefined, (q) => q.where('system_id', 'in', [...(systemIds ?? [])]))
    .executeTakeFirst();
  if (!row) throw new NotFoundError('rectification item', id);
  return row;
}

export async function updateRectificationColumns(
  db: Db,
  organisationId: string,
  id: string,
  expected: number,
  columns: Partial<Omit<RectificationItemRow, 'id' | 'organisation_id' | 'version'>>,
  now: string,
): Promise<RectificationItemRow> {
  await updateVersioned(db, 'rectification_items', {
    where: { organisation_id: organisationId, id },
    expected,
    columns,
    now,
    entity: 'rectification item',
    current: async () => (await getRectification(db, organisationId, id)).version,
  });
  return getRectification(db, organisationId, id);
}
