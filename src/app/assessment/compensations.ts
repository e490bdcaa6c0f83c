/**
 * Overall assessment (整体测评): the assessor's compensation records — add, edit, delete (each
 * in one transaction with its audit entry, optimistic versions), the list with what each one
 * adjusts now, and {@link compensatedResults} which findings and scores use. The rules (scope by
 * relation, results only go up, the compensating measure must be 符合) are the domain's
 * (src/domain/mlps/assessment/compensation.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  applyCompensations,
  checkCompensation,
  type Compensation,
  type CompensationOutcome,
  type CompensationProblem,
} from '../../domain/mlps/assessment/compensation';
import { itemOutcomes } from '../../domain/mlps/assessment/scoring';
import type { ItemResult, ResultRecord } from '../../domain/mlps/assessment/types';
import { ValidationError, detail } from '../../errors';
import { decryptNullable, encryptNullable } from '../../security/field-crypto';
import type { ItemResultCode } from '../../shared/api-types';
import type {
  CompensationDto,
  CompensationInput,
  CompensationPatch,
  CompensationsDto,
} from '../../shared/compensation-schemas';
import { say, type MessageCode } from '../../shared/vocabulary';
import {
  getAssessment,
  listResults,
  listTestObjects,
  touchAssessment,
} from '../../store/repositories/assessments.repository';
import {
  deleteCompensationRow,
  getCompensation,
  insertCompensation,
  listCompensations,
  updateCompensationColumns,
} from '../../store/repositories/compensations.repository';
import type {
  AssessmentResultRow,
  AssessmentRow,
  CompensationRow,
  Database,
  TestObjectRow,
} from '../../store/schema';
import { audited, rowChanges, type Actor } from '../actor';
import { inScope, type OrgScope } from '../access';
import type { AppContext } from '../context';
import { editable } from './commands';
import { baselineOf, scoringRequirements, testObjectsOf } from './model';

type Db = Kysely<Database>;

const reasonBinding = (id: string) => ({
  table: 'assessment_compensations' as const,
  column: 'reason_enc',
  rowId: id,
});

function toDomain(row: CompensationRow): Compensation {
  return {
    id: row.id,
    requirementId: row.requirement_id,
    objectId: row.object_id,
    scope: row.scope as Compensation['scope'],
    compensatingRequirementId: row.compensating_requirement_id,
    compensatingObjectId: row.compensating_object_id,
    adjustedResult: row.adjusted_result as Compensation['adjustedResult'],
    // Applying needs no reason: it stays encrypted.
    reason: '',
  };
}

export function resultRecords(rows: readonly AssessmentResultRow[]): ResultRecord[] {
  return rows.map((r) => ({
    requirementId: r.requirement_id,
    objectId: r.object_id,
    result: r.result as ItemResult,
  }));
}

/**
 * The assessment's results with its compensations applied (the recorded ones are kept in the
 * store): what findings and the score count.
 */
export async function compensatedResults(
  db: Db,
  assessment: AssessmentRow,
  objects: readonly TestObjectRow[],
  records: readonly ResultRecord[],
  rows?: readonly CompensationRow[],
): Promise<CompensationOutcome> {
  const stored = rows ?? (await listCompensations(db, assessment.id));
  if (stored.length === 0) return { results: records, adjustments: [], inactive: [] };
  return applyCompensations(
    {
      requirements: scoringRequirements(baselineOf(assessment)),
      objects: testObjectsOf(objects),
      results: records,
    },
    stored.map(toDomain),
  );
}

function invalid(problems: readonly CompensationProblem[]): ValidationError {
  return new ValidationError(
    { code: 'compensation.invalid' },
    problems.map((p) => detail(p.path, `compensation.${p.code}` as MessageCode, p.params)),
  );
}

async function checked(
  db: Db,
  assessment: AssessmentRow,
  c: Omit<Compensation, 'id' | 'reason'>,
): Promise<void> {
  const [objects, results] = await Promise.all([
    listTestObjects(db, assessment.id),
    listResults(db, assessment.id),
  ]);
  const problems = checkCompensation(c, {
    requirements: scoringRequirements(baselineOf(assessment)),
    objects: testObjectsOf(objects),
    results: resultRecords(results),
  });
  if (problems.length > 0) throw invalid(problems);
}

export function addCompensationCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  assessmentId: string,
  input: CompensationInput,
): Promise<CompensationRow> {
  const { organisationId, systemIds } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    const assessment = await editable(trx, organisationId, assessmentId, systemIds);
    await checked(trx, assessment, input);
    const id = randomUUID();
    const row: CompensationRow = {
      id,
      assessment_id: assessmentId,
      organisation_id: organisationId,
      requirement_id: input.requirementId,
      object_id: input.objectId,
      scope: input.scope,
      compensating_requirement_id: input.compensatingRequirementId,
      compensating_object_id: input.compensatingObjectId,
      adjusted_result: input.adjustedResult,
      reason_enc: encryptNullable(ctx.cipher, input.reason, reasonBinding(id)) as string,
      recorded_by: actor.label,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await insertCompensation(trx, row);
    await touchAssessment(trx, assessmentId, now);
    await audit({
      organisationId,
      action: 'assessment.compensation.create',
      entityType: 'compensation',
      entityId: id,
      changes: rowChanges(null, row),
    });
    return row;
  });
}

export function updateCompensationCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  assessmentId: string,
  id: string,
  patch: CompensationPatch,
): Promise<CompensationRow> {
  const { organisationId, systemIds } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    const assessment = await editable(trx, organisationId, assessmentId, systemIds);
    const before = await getCompensation(trx, assessmentId, id);
    const merged = { ...toDomain(before), ...withoutUndefined(patch) };
    await checked(trx, assessment, merged);
    const after = await updateCompensationColumns(
      trx,
      assessmentId,
      id,
      patch.version,
      {
        requirement_id: merged.requirementId,
        object_id: merged.objectId,
        scope: merged.scope,
        compensating_requirement_id: merged.compensatingRequirementId,
        compensating_object_id: merged.compensatingObjectId,
        adjusted_result: merged.adjustedResult,
        ...(patch.reason !== undefined
          ? { reason_enc: ctx.cipher.encrypt(patch.reason, reasonBinding(id)) }
          : {}),
        recorded_by: actor.label,
      },
      now,
    );
    await touchAssessment(trx, assessmentId, now);
    await audit({
      organisationId,
      action: 'assessment.compensation.update',
      entityType: 'compensation',
      entityId: id,
      changes: rowChanges(before, after),
    });
    return after;
  });
}

export function deleteCompensationCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  assessmentId: string,
  id: string,
): Promise<void> {
  const { organisationId, systemIds } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    await editable(trx, organisationId, assessmentId, systemIds);
    const before = await getCompensation(trx, assessmentId, id);
    await deleteCompensationRow(trx, assessmentId, id);
    await touchAssessment(trx, assessmentId, now);
    await audit({
      organisationId,
      action: 'assessment.compensation.delete',
      entityType: 'compensation',
      entityId: id,
      changes: rowChanges(before, null),
    });
  });
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The compensations of an assessment with what each adjusts now; NOT_FOUND outside the scope. */
export async function compensationsQuery(
  ctx: AppContext,
  within: OrgScope,
  assessmentId: string,
): Promise<CompensationsDto> {
  const { organisationId, systemIds } = inScope(within);
  const db = ctx.store.db;
  const assessment = await getAssessment(db, organisationId, assessmentId, systemIds);
  const [objects, results, rows] = await Promise.all([
    listTestObjects(db, assessmentId),
    listResults(db, assessmentId),
    listCompensations(db, assessmentId),
  ]);
  const records = resultRecords(results);
  const outcome = await compensatedResults(db, assessment, objects, records, rows);
  const baseline = baselineOf(assessment);
  const items = new Map(baseline.map((i) => [i.id, i]));
  const names = new Map(objects.map((o) => [o.id, o.name]));
  const inactive = new Map(outcome.inactive.map((i) => [i.compensationId, i.problems]));
  // In baseline order of the compensated item, then as recorded.
  const position = new Map(baseline.map((item, i) => [item.id, i]));
  const ordered = [...rows].sort(
    (a, b) =>
      (position.get(a.requirement_id) ?? Infinity) - (position.get(b.requirement_id) ?? Infinity) ||
      a.created_at.localeCompare(b.created_at),
  );
  const list: CompensationDto[] = ordered.map((row) => {
    const item = items.get(row.requirement_id);
    const source = items.get(row.compensating_requirement_id);
    const problems = inactive.get(row.id) ?? [];
    return {
      id: row.id,
      requirementId: row.requirement_id,
      clause: item?.clause ?? row.requirement_id,
      title: item?.title ?? { zh: row.requirement_id, en: row.requirement_id },
      category: item?.category ?? '',
      objectId: row.object_id,
      objectName: row.object_id === null ? null : (names.get(row.object_id) ?? row.object_id),
      scope: row.scope as CompensationDto['scope'],
      compensatingRequirementId: row.compensating_requirement_id,
      compensatingClause: source?.clause ?? row.compensating_requirement_id,
      compensatingTitle: source?.title ?? {
        zh: row.compensating_requirement_id,
        en: row.compensating_requirement_id,
      },
      compensatingObjectId: row.compensating_object_id,
      compensatingObjectName:
        row.compensating_object_id === null
          ? null
          : (names.get(row.compensating_object_id) ?? row.compensating_object_id),
      adjustedResult: row.adjusted_result as CompensationDto['adjustedResult'],
      reason: decryptNullable(ctx.cipher, row.reason_enc, reasonBinding(row.id)) ?? '',
      recordedBy: row.recorded_by,
      active: !inactive.has(row.id),
      problems: problems.map((p) => {
        const code = `compensation.${p.code}`;
        return {
          path: p.path,
          code,
          message: { zh: say(code, p.params, 'zh'), en: say(code, p.params, 'en') },
        };
      }),
      adjustments: outcome.adjustments
        .filter((a) => a.compensationIds.includes(row.id))
        .map((a) => ({
          objectId: a.objectId,
          objectName: names.get(a.objectId) ?? a.objectId,
          original: a.original as ItemResultCode,
          adjusted: a.adjusted as ItemResultCode,
        })),
      version: row.version,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  });
  // The outcome of each affected item before and after.
  const affected = new Set(outcome.adjustments.map((a) => a.requirementId));
  const requirements = scoringRequirements(baseline).filter((r) => affected.has(r.id));
  const testObjects = testObjectsOf(objects);
  const before = itemOutcomes({ requirements, objects: testObjects, results: records });
  const after = itemOutcomes({ requirements, objects: testObjects, results: outcome.results });
  return {
    items: list,
    total: list.length,
    outcomes: before.map((b, i) => ({
      requirementId: b.requirementId,
      clause: items.get(b.requirementId)?.clause ?? b.requirementId,
      before: b.result,
      after: after[i]?.result ?? b.result,
    })),
  };
}
