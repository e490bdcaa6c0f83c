/**
 * Rows of the annual data-security risk assessments (data_risk_assessments) and their risks
 * (data_risk_items), and the reads of the other data-security tables the assessment needs: the
 * inventory (data_resources), the profile (data_security_profiles), provisions of important data
 * (important_data_provisions) and the incident register (security_incidents, clear columns
 * only). Every query is scoped by organisation; every update is optimistic (version).
 */
import type { Kysely, Selectable } from 'kysely';
import { NotFoundError } from '../../../errors';
import type { Database, DataRiskAssessmentsTable, DataRiskItemsTable } from '../../../store/schema';
import { updateVersioned } from '../../../store/repositories/versioned';

type Db = Kysely<Database>;
export type RiskAssessmentRow = Selectable<DataRiskAssessmentsTable>;
export type RiskItemRow = Selectable<DataRiskItemsTable>;

export async function getAssessment(
  db: Db,
  organisationId: string,
  id: string,
): Promise<RiskAssessmentRow> {
  const row = await db
    .selectFrom('data_risk_assessments')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('risk assessment', id);
  return row;
}

/** The organisation's assessments, newest year first. */
export async function listAssessments(
  db: Db,
  organisationId: string,
): Promise<RiskAssessmentRow[]> {
  return db
    .selectFrom('data_risk_assessments')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('year', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

/** Another assessment of the organisation for `year` (not `exceptId`), if any. */
export async function assessmentOfYear(
  db: Db,
  organisationId: string,
  year: number,
  exceptId?: string,
): Promise<RiskAssessmentRow | undefined> {
  let q = db
    .selectFrom('data_risk_assessments')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('year', '=', year);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return q.executeTakeFirst();
}

export async function insertAssessment(db: Db, row: RiskAssessmentRow): Promise<void> {
  await db.insertInto('data_risk_assessments').values(row).execute();
}

export async function updateAssessmentColumns(
  db: Db,
  organisationId: string,
  id: string,
  expected: number,
  columns: Partial<Omit<RiskAssessmentRow, 'id' | 'organisation_id' | 'version' | 'updated_at'>>,
  now: string,
): Promise<RiskAssessmentRow> {
  await updateVersioned(db, 'data_risk_assessments', {
    where: { organisation_id: organisationId, id },
    expected,
    columns,
    now,
    entity: 'risk assessment',
    current: async () => (await getAssessment(db, organisationId, id)).version,
  });
  return getAssessment(db, organisationId, id);
}

/** Deletes the assessment (its risks cascade) if its version is still `expected`. */
export async function deleteAssessment(
  db: Db,
  organisationId: string,
  id: string,
  expected: number,
): Promise<boolean> {
  await db
    .deleteFrom('data_risk_items')
    .where('organisation_id', '=', organisationId)
    .where('assessment_id', '=', id)
    .execute();
  const res = await db
    .deleteFrom('data_risk_assessments')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('version', '=', expected)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

// ——— Risks ———

export async function getRisk(
  db: Db,
  organisationId: string,
  assessmentId: string,
  id: string,
): Promise<RiskItemRow> {
  const row = await db
    .selectFrom('data_risk_items')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('assessment_id', '=', assessmentId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('risk', id);
  return row;
}

/** Risks of some assessments of the organisation (all of them when `assessmentIds` is undefined), by code. */
export async function listRisks(
  db: Db,
  organisationId: string,
  assessmentIds?: readonly string[],
  statuses?: readonly string[],
): Promise<RiskItemRow[]> {
  if (assessmentIds && assessmentIds.length === 0) return [];
  let q = db
    .selectFrom('data_risk_items')
    .selectAll()
    .where('organisation_id', '=', organisationId);
  if (assessmentIds) q = q.where('assessment_id', 'in', [...assessmentIds]);
  if (statuses && statuses.length > 0) q = q.where('status', 'in', [...statuses]);
  return q.orderBy('code').orderBy('id').execute();
}

export async function countRisks(db: Db, organisationId: string, assessmentId: string) {
  const row = await db
    .selectFrom('data_risk_items')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('assessment_id', '=', assessmentId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function riskWithCode(
  db: Db,
  assessmentId: string,
  code: string,
): Promise<RiskItemRow | undefined> {
  return db
    .selectFrom('data_risk_items')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function insertRisk(db: Db, row: RiskItemRow): Promise<void> {
  await db.insertInto('data_risk_items').values(row).execute();
}

export async function updateRiskColumns(
  db: Db,
  organisationId: string,
  assessmentId: string,
  id: string,
  expected: number,
  columns: Partial<
    Omit<RiskItemRow, 'id' | 'organisation_id' | 'assessment_id' | 'version' | 'updated_at'>
  >,
  now: string,
): Promise<RiskItemRow> {
  await updateVersioned(db, 'data_risk_items', {
    where: { organisation_id: organisationId, assessment_id: assessmentId, id },
    expected,
    columns,
    now,
    entity: 'risk',
    current: async () => (await getRisk(db, organisationId, assessmentId, id)).version,
  });
  return getRisk(db, organisationId, assessmentId, id);
}

export async function deleteRisk(
  db: Db,
  organisationId: string,
  assessmentId: string,
  id: string,
): Promise<boolean> {
  const res = await db
    .deleteFrom('data_risk_items')
    .where('organisation_id', '=', organisationId)
    .where('assessment_id', '=', assessmentId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

// ——— What the assessment reads of the other data-security tables ———

export interface ResourceRow {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly grade: string;
  readonly catalog_version: string;
  readonly data_enc: string;
}

/** The inventory (data resources) of the organisation, by code. */
export async function inventoryRows(db: Db, organisationId: string): Promise<ResourceRow[]> {
  return db
    .selectFrom('data_resources')
    .select(['id', 'code', 'name', 'grade', 'catalog_version', 'data_enc'])
    .where('organisation_id', '=', organisationId)
    .orderBy('code')
    .execute();
}

/** The inventory codes among `codes` that exist. */
export async function existingResourceCodes(
  db: Db,
  organisationId: string,
  codes: readonly string[],
): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db
    .selectFrom('data_resources')
    .select('code')
    .where('organisation_id', '=', organisationId)
    .where('code', 'in', [...new Set(codes)])
    .execute();
  return new Set(rows.map((r) => r.code));
}

export async function profileRow(
  db: Db,
  organisationId: string,
): Promise<{ organisation_id: string; data_enc: string } | undefined> {
  return db
    .selectFrom('data_security_profiles')
    .select(['organisation_id', 'data_enc'])
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
}

export async function provisionRows(
  db: Db,
  organisationId: string,
): Promise<{ id: string; code: string; data_enc: string }[]> {
  return db
    .selectFrom('important_data_provisions')
    .select(['id', 'code', 'data_enc'])
    .where('organisation_id', '=', organisationId)
    .orderBy('code')
    .execute();
}

export interface IncidentRow {
  readonly code: string;
  readonly title: string;
  readonly found_at: string;
  readonly grade: string | null;
  readonly status: string;
}

/** Incidents found between two UTC instants (inclusive from, exclusive to), oldest first. */
export async function incidentRows(
  db: Db,
  organisationId: string,
  fromUtc: string,
  toUtc: string,
): Promise<IncidentRow[]> {
  return db
    .selectFrom('security_incidents')
    .select(['code', 'title', 'found_at', 'grade', 'status'])
    .where('organisation_id', '=', organisationId)
    .where('found_at', '>=', fromUtc)
    .where('found_at', '<', toUtc)
    .orderBy('found_at')
    .orderBy('code')
    .execute();
}
