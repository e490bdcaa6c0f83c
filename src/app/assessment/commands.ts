/**
 * Every change to a level assessment, each in one transaction with its audit entry. Route
 * handlers, the CLI and the Excel import call these; the rules they apply (who may review,
 * which objects answer which category, rectification status flow) live here or in the domain.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { baselineFor, extensionsForSystemTypes } from '../../domain/mlps/baseline';
import {
  ITEM_RESULT_ZH,
  objectCovers,
  RESULTS_NEEDING_REASON,
  RESULTS_NEEDING_RECORD,
  type TestObjectKind,
} from '../../domain/mlps/assessment/types';
import {
  ConflictError,
  NotFoundError,
  ValidationError,
  detail,
  type ErrorDetail,
} from '../../errors';
import { EMPTY_ATTRIBUTES, type TestObjectAttributes } from '../../shared/assessment-vocabulary';
import type { TestObjectDto } from '../../shared/api-types';
import type {
  AssessmentInput,
  AssessmentPatch,
  BulkResultInput,
  FindingNoteInput,
  MajorRiskInput,
  MajorRiskPatch,
  ResultReviewInput,
  TestObjectAttributesInput,
  TestObjectInput,
  TestObjectPatch,
} from '../../shared/assessment-schemas';
import { encryptNullable } from '../../security/field-crypto';
import { getMembershipByUsername } from '../../store/repositories/accounts.repository';
import {
  getAssessment,
  getMajorRisk,
  getResult,
  getTestObject,
  listResults,
  listTestObjects,
  markReviewed,
  touchAssessment,
  updateAssessmentColumns,
  updateMajorRiskColumns,
  updateTestObjectColumns,
  writeFindingNote,
  writeResult,
} from '../../store/repositories/assessments.repository';
import { getSystem } from '../../store/repositories/systems.repository';
import type { AssessmentRow, Database } from '../../store/schema';
import { audited, rowChanges, type Actor } from '../actor';
import {
  attributesOf,
  baselineOf,
  controlPointsOf,
  fixBaseline,
  presentTestObject,
  type FixedBaselineItem,
} from './model';
import { inScope, type OrgScope } from '../access';
import type { AppContext } from '../context';
import { presentSystem } from '../presenters';
import { copyObjects, resolvePrevious } from './previous';
type Db = Kysely<Database>;

export function createAssessmentCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  systemId: string,
  input: AssessmentInput,
) {
  const { organisationId, systemIds } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    if (systemIds && !systemIds.includes(systemId)) throw new NotFoundError('system', systemId);
    const system = presentSystem(
      await getSystem(trx, organisationId, systemId),
      undefined,
      ctx.cipher,
    );
    if (system.level === null) {
      throw new ValidationError('the system is not graded yet', [
        {
          path: 'systemId',
          message: 'grade the system before starting a level assessment (该系统尚未定级)',
        },
      ]);
    }
    await checkTeam(trx, organisationId, input.team ?? []);
    const { extensions, cloudRole } = extensionsForSystemTypes(system.types);
    const baseline = baselineFor(ctx.catalog, system.level, extensions, { cloudRole });
    const previous = await resolvePrevious(trx, organisationId, systemIds, systemId, input);
    const row: AssessmentRow = {
      id: randomUUID(),
      organisation_id: organisationId,
      system_id: systemId,
      title: input.title,
      level: system.level,
      extensions: JSON.stringify(baseline.extensions),
      cloud_role: cloudRole ?? null,
      period_start: input.periodStart ?? null,
      period_end: input.periodEnd ?? null,
      agency: input.agency ?? null,
      report_number: input.reportNumber ?? null,
      report_date: input.reportDate ?? null,
      team: JSON.stringify(input.team ?? []),
      catalog_hash: ctx.catalog.sourceHash,
      baseline: JSON.stringify(fixBaseline(ctx.catalog, baseline)),
      status: 'in_progress',
      version: 1,
      revision: 0,
      previous_assessment_id: previous?.id ?? null,
      created_by: actor.label,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('assessments').values(row).execute();
    const copied = previous ? await copyObjects(trx, previous, row, now) : [];
    const { baseline: _fixed, ...logged } = row;
    await audit({
      organisationId,
      action: 'assessment.create',
      entityType: 'assessment',
      entityId: row.id,
      changes: rowChanges(null, {
        ...logged,
        requirement_count: baseline.items.length,
        ...(previous ? { copied_objects: copied.length } : {}),
      }),
    });
    return row;
  });
}

export function updateAssessmentCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  assessmentId: string,
  patch: AssessmentPatch,
) {
  const { organisationId, systemIds } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    const before = await getAssessment(trx, organisationId, assessmentId, systemIds);
    if (patch.team) await checkTeam(trx, organisationId, patch.team);
    const columns: Partial<AssessmentRow> = {};
    if (patch.title !== undefined) columns.title = patch.title;
    if (patch.periodStart !== undefined) columns.period_start = patch.periodStart;
    if (patch.periodEnd !== undefined) columns.period_end = patch.periodEnd;
    if (patch.agency !== undefined) columns.agency = patch.agency;
    if (patch.reportNumber !== undefined) columns.report_number = patch.reportNumber;
    if (patch.reportDate !== undefined) columns.report_date = patch.reportDate;
    if (patch.team !== undefined) columns.team = JSON.stringify(patch.team);
    if (patch.status !== undefined) columns.status = patch.status;
    const start = columns.period_start ?? before.period_start;
    const end = columns.period_end ?? before.period_end;
    if (start && end && start > end) {
      throw new ValidationError('invalid period', [
        { path: 'periodEnd', message: 'periodEnd must not be before periodStart' },
      ]);
    }
    const after = await updateAssessmentColumns(
      trx,
      organisationId,
      assessmentId,
      patch.version,
      columns,
      now,
    );
    await audit({
      organisationId,
      action: 'assessment.update',
      entityType: 'assessment',
      entityId: assessmentId,
      changes: rowChanges(withoutBaseline(before), withoutBaseline(after)),
    });
    return after;
  });
}

export function deleteAssessmentCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  assessmentId: string,
) {
  const { organisationId, systemIds } = inScope(within);
  return audited(ctx, actor, async (trx, audit) => {
    const before = await getAssessment(trx, organisationId, assessmentId, systemIds);
    await trx.deleteFrom('assessments').where('id', '=', assessmentId).execute();
    await audit({
      organisationId,
      action: 'assessment.delete',
      entityType: 'assessment',
      entityId: assessmentId,
      changes: rowChanges(withoutBaseline(before), null),
    });
  });
}

export function addTestObjectCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  assessmentId: string,
  input: TestObjectInput,
): Promise<TestObjectDto> {
  const { organisationId, systemIds } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    const assessment = await editable(trx, organisationId, assessmentId, systemIds);
    const baseline = baselineOf(assessment);
    const last = await trx
      .selectFrom('test_objects')
      .select((eb) => eb.fn.max('position').as('max'))
      .where('assessment_id', '=', assessmentId)
      .executeTakeFirst();
    const row = {
      id: randomUUID(),
      assessment_id: assessmentId,
      organisation_id: organisationId,
      name: input.name,
      kind: input.kind,
      description: input.description ?? null,
      attributes: JSON.stringify(mergeAttributes(EMPTY_ATTRIBUTES, input.attributes)),
      control_points: storedControlPoints(baseline, input.controlPoints),
      position: Number(last?.max ?? 0) + 1,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('test_objects').values(row).execute();
    await touchAssessment(trx, assessment.id, now);
    await audit({
      organisationId,
      action: 'assessment.object.create',
      entityType: 'test_object',
      entityId: row.id,
      changes: rowChanges(null, row),
    });
    return presentTestObject(row, baseline);
  });
}

export function updateTestObjectCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  assessmentId: string,
  objectId: string,
  patch: TestObjectPatch,
): Promise<TestObjectDto> {
  const { organisationId, systemIds } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    const assessment = await editable(trx, organisationId, assessmentId, systemIds);
    const baseline = baselineOf(assessment);
    const before = await getTestObject(trx, assessmentId, objectId);
    const { version, discardResults, ...fields } = patch;
    const controlPoints =
      fields.controlPoints !== undefined
        ? storedControlPoints(baseline, fields.controlPoints)
        : before.control_points;
    const kind = fields.kind ?? before.kind;
    // Results the new requirement set leaves out would silently stop counting: say so first.
    const scope = {
      kind: kind as TestObjectKind,
      controlPoints: controlPoints === null ? null : (JSON.parse(controlPoints) as string[]),
    };
    const covered = new Set(baseline.filter((i) => objectCovers(scope, i)).map((i) => i.id));
    const stored = await trx
      .selectFrom('assessment_results')
      .select('requirement_id')
      .where('assessment_id', '=', assessmentId)
      .where('object_id', '=', objectId)
      .execute();
    const dropped = stored.map((r) => r.requirement_id).filter((id) => !covered.has(id));
    if (dropped.length > 0 && discardResults !== true) {
      throw new ConflictError({
        code: 'assessment.scope_drops_results',
        params: { count: dropped.length, ids: dropped.slice(0, 10).join(', ') },
      });
    }
    if (dropped.length > 0) {
      await trx
        .deleteFrom('assessment_results')
        .where('assessment_id', '=', assessmentId)
        .where('object_id', '=', objectId)
        .where('requirement_id', 'in', dropped)
        .execute();
    }
    await touchAssessment(trx, assessmentId, now);
    const after = await updateTestObjectColumns(
      trx,
      assessmentId,
      objectId,
      version,
      {
        ...(fields.name !== undefined ? { name: fields.name } : {}),
        ...(fields.kind !== undefined ? { kind: fields.kind } : {}),
        ...(fields.description !== undefined ? { description: fields.description } : {}),
        ...(fields.attributes !== undefined
          ? {
              attributes: JSON.stringify(mergeAttributes(attributesOf(before), fields.attributes)),
            }
          : {}),
        ...(fields.controlPoints !== undefined ? { control_points: controlPoints } : {}),
      },
      now,
    );
    await audit({
      organisationId,
      action: 'assessment.object.update',
      entityType: 'test_object',
      entityId: objectId,
      changes: {
        ...rowChanges(before, after),
        ...(dropped.length > 0 ? { discardedResults: { before: dropped, after: null } } : {}),
      },
    });
    return presentTestObject(after, baseline);
  });
}

/** Attributes after applying `patch` (absent fields keep their value, null clears). */
function mergeAttributes(
  base: TestObjectAttributes,
  patch: TestObjectAttributesInput | undefined,
): TestObjectAttributes {
  if (patch === undefined) return base;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    out[key] = typeof value === 'string' && value.trim() === '' ? null : value;
  }
  if (patch.ipAddresses !== undefined) out.ipAddresses = [...new Set(patch.ipAddresses)];
  return out as unknown as TestObjectAttributes;
}

/**
 * The object's own control points as stored: null keeps the kind's default; a list must name
 * control points of this assessment's baseline and is kept in baseline order.
 */
function storedControlPoints(
  baseline: readonly FixedBaselineItem[],
  selection: readonly string[] | null | undefined,
): string | null {
  if (selection === undefined || selection === null) return null;
  const order = [...new Set(baseline.map((i) => i.controlPointId))];
  const known = new Set(order);
  const problems: ErrorDetail[] = [];
  selection.forEach((id, i) => {
    if (!known.has(id)) {
      problems.push(detail(`controlPoints[${i}]`, 'assessment.control_point_unknown', { id }));
    }
  });
  if (selection.length === 0) {
    problems.push(detail('controlPoints', 'assessment.control_points_empty'));
  }
  if (problems.length > 0)
    throw new ValidationError({ code: 'assessment.object_invalid' }, problems);
  const chosen = new Set(selection);
  return JSON.stringify(order.filter((id) => chosen.has(id)));
}

export function deleteTestObjectCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  assessmentId: string,
  objectId: string,
) {
  const { organisationId, systemIds } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    await editable(trx, organisationId, assessmentId, systemIds);
    const before = await getTestObject(trx, assessmentId, objectId);
    await trx.deleteFrom('test_objects').where('id', '=', objectId).execute();
    await touchAssessment(trx, assessmentId, now);
    await audit({
      organisationId,
      action: 'assessment.object.delete',
      entityType: 'test_object',
      entityId: objectId,
      changes: rowChanges(before, null),
    });
  });
}

/**
 * Records results (one or many) with optimistic versions: all rows are checked first and every
 * problem reported; nothing is written unless every row is valid.
 */
export function writeResultsCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  assessmentId: string,
  input: BulkResultInput,
) {
  const { organisationId, systemIds } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    const assessment = await editable(trx, organisationId, assessmentId, systemIds);
    const objects = new Map((await listTestObjects(trx, assessmentId)).map((o) => [o.id, o]));
    const baseline = new Map(baselineOf(assessment).map((i) => [i.id, i]));
    const problems: ErrorDetail[] = [];
    input.rows.forEach((row, index) => {
      const item = baseline.get(row.requirementId);
      const object = objects.get(row.objectId);
      if (!item) {
        problems.push({
          path: `rows[${index}].requirementId`,
          message: `${row.requirementId} is not in this assessment's baseline`,
        });
      }
      if (!object) {
        problems.push({
          path: `rows[${index}].objectId`,
          message: 'no such test object in this assessment',
        });
      }
      if (
        item &&
        object &&
        !objectCovers(
          { kind: object.kind as TestObjectKind, controlPoints: controlPointsOf(object) },
          item,
        )
      ) {
        problems.push(
          detail(`rows[${index}].objectId`, 'assessment.not_in_object_scope', {
            id: item.id,
            object: object.name,
          }),
        );
      }
    });
    // The schema checks these too; the rule holds for every caller (CLI, imports, scripts).
    input.rows.forEach((row, index) => {
      if (RESULTS_NEEDING_RECORD.includes(row.result) && !row.record?.trim()) {
        problems.push(
          detail(`rows[${index}].record`, 'validation.record_required_for', {
            resultZh: ITEM_RESULT_ZH[row.result],
            result: row.result,
          }),
        );
      }
      if (RESULTS_NEEDING_REASON.includes(row.result) && !row.reason?.trim()) {
        problems.push(
          detail(`rows[${index}].reason`, 'validation.reason_required_for', {
            resultZh: ITEM_RESULT_ZH[row.result],
            result: row.result === 'not_applicable' ? 'not applicable' : row.result,
          }),
        );
      }
    });
    if (problems.length > 0) throw new ValidationError('some rows cannot be recorded', problems);
    const written = [];
    for (const row of input.rows) {
      written.push(
        await writeResult(
          trx,
          {
            assessment_id: assessmentId,
            requirement_id: row.requirementId,
            object_id: row.objectId,
            organisation_id: organisationId,
            result: row.result,
            record_enc: encryptNullable(ctx.cipher, row.record?.trim() || null, {
              table: 'assessment_results',
              column: 'record_enc',
              rowId: [assessmentId, row.requirementId, row.objectId],
            }),
            reason_enc: encryptNullable(ctx.cipher, row.reason?.trim() || null, {
              table: 'assessment_results',
              column: 'reason_enc',
              rowId: [assessmentId, row.requirementId, row.objectId],
            }),
            recorded_by: actor.label,
            recorded_at: now,
          },
          row.version,
        ),
      );
    }
    await touchAssessment(trx, assessmentId, now);
    await audit({
      organisationId,
      action: 'assessment.results.write',
      entityType: 'assessment',
      entityId: assessmentId,
      changes: {
        rows: {
          before: null,
          after: input.rows.map(
            (r) => `${r.requirementId}@${objects.get(r.objectId)?.name}: ${r.result}`,
          ),
        },
      },
    });
    return written;
  });
}

/** 复核: a second person signs off results; the one who recorded a result cannot review it. */
export function reviewResultsCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  assessmentId: string,
  input: ResultReviewInput,
) {
  const { organisationId, systemIds } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    await editable(trx, organisationId, assessmentId, systemIds);
    const problems: ErrorDetail[] = [];
    for (const [index, row] of input.rows.entries()) {
      const current = await getResult(trx, assessmentId, row.requirementId, row.objectId);
      if (!current) {
        problems.push({ path: `rows[${index}]`, message: 'nothing is recorded here yet' });
      } else if (current.recorded_by === actor.label) {
        problems.push({
          path: `rows[${index}]`,
          message: 'you recorded this result; another assessor must review it (复核需由他人进行)',
        });
      }
    }
    if (problems.length > 0) throw new ValidationError('some rows cannot be reviewed', problems);
    await touchAssessment(trx, assessmentId, now);
    for (const row of input.rows) {
      await markReviewed(
        trx,
        assessmentId,
        row.requirementId,
        row.objectId,
        row.version,
        actor.label,
        now,
      );
    }
    await audit({
      organisationId,
      action: 'assessment.results.review',
      entityType: 'assessment',
      entityId: assessmentId,
      changes: {
        reviewed: {
          before: null,
          after: input.rows.map((r) => `${r.requirementId}/${r.objectId}`),
        },
      },
    });
  });
}

export function writeFindingNoteCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  assessmentId: string,
  requirementId: string,
  input: FindingNoteInput,
) {
  const { organisationId, systemIds } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    const assessment = await editable(trx, organisationId, assessmentId, systemIds);
    if (!baselineOf(assessment).some((i) => i.id === requirementId)) {
      throw new ValidationError('unknown requirement', [
        { path: 'requirementId', message: `${requirementId} is not in this assessment's baseline` },
      ]);
    }
    const cases = ctx.catalog.highRiskCasesByRequirement.get(requirementId) ?? [];
    const problems: ErrorDetail[] = [];
    input.observations.forEach((o, index) => {
      const c = cases.find((x) => x.id === o.caseId);
      if (!c) {
        problems.push({
          path: `observations[${index}].caseId`,
          message: `high-risk case ${o.caseId} is not linked to ${requirementId}`,
        });
        return;
      }
      if (o.symptoms.some((s) => s >= c.symptoms.length)) {
        problems.push({
          path: `observations[${index}].symptoms`,
          message: `case ${c.id} has ${c.symptoms.length} symptom(s)`,
        });
      }
      if (o.mitigations.some((m) => m >= c.mitigations.length)) {
        problems.push({
          path: `observations[${index}].mitigations`,
          message: `case ${c.id} has ${c.mitigations.length} mitigation(s)`,
        });
      }
    });
    if (problems.length > 0) throw new ValidationError('invalid observations', problems);
    const row = await writeFindingNote(
      trx,
      {
        assessment_id: assessmentId,
        requirement_id: requirementId,
        organisation_id: organisationId,
        risk: input.risk,
        observations: JSON.stringify(input.observations),
        description_enc: encryptNullable(ctx.cipher, input.description?.trim() || null, {
          table: 'finding_notes',
          column: 'description_enc',
          rowId: [assessmentId, requirementId],
        }),
        confirmed_by: input.risk === null ? null : actor.label,
        confirmed_at: input.risk === null ? null : now,
        updated_at: now,
      },
      input.version,
    );
    await audit({
      organisationId,
      action: 'assessment.finding.update',
      entityType: 'finding',
      entityId: `${assessmentId}/${requirementId}`,
      changes: rowChanges(null, { risk: row.risk, observations: row.observations }),
    });
    return row;
  });
}

export function addMajorRiskCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  assessmentId: string,
  input: MajorRiskInput,
) {
  const { organisationId, systemIds } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    await editable(trx, organisationId, assessmentId, systemIds);
    if (!ctx.catalog.majorRiskTriggers.some((t) => t.id === input.triggerId)) {
      throw new ValidationError('unknown trigger', [
        { path: 'triggerId', message: `${input.triggerId} is not one of A-01 … A-32` },
      ]);
    }
    const riskId = randomUUID();
    const row = {
      id: riskId,
      assessment_id: assessmentId,
      organisation_id: organisationId,
      trigger_id: input.triggerId,
      note_enc: encryptNullable(ctx.cipher, input.note?.trim() || null, {
        table: 'major_risks',
        column: 'note_enc',
        rowId: riskId,
      }),
      rectified: input.rectified ? 1 : 0,
      rectified_on: input.rectifiedOn ?? null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('major_risks').values(row).execute();
    await audit({
      organisationId,
      action: 'assessment.major_risk.create',
      entityType: 'major_risk',
      entityId: row.id,
      changes: rowChanges(null, row),
    });
    return row;
  });
}

export function updateMajorRiskCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  assessmentId: string,
  id: string,
  patch: MajorRiskPatch,
) {
  const { organisationId, systemIds } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    await editable(trx, organisationId, assessmentId, systemIds);
    const before = await getMajorRisk(trx, assessmentId, id);
    const after = await updateMajorRiskColumns(
      trx,
      assessmentId,
      id,
      patch.version,
      {
        ...(patch.note !== undefined
          ? {
              note_enc: encryptNullable(ctx.cipher, patch.note?.trim() || null, {
                table: 'major_risks',
                column: 'note_enc',
                rowId: id,
              }),
            }
          : {}),
        ...(patch.rectified !== undefined ? { rectified: patch.rectified ? 1 : 0 } : {}),
        ...(patch.rectifiedOn !== undefined ? { rectified_on: patch.rectifiedOn } : {}),
      },
      now,
    );
    await audit({
      organisationId,
      action: 'assessment.major_risk.update',
      entityType: 'major_risk',
      entityId: id,
      changes: rowChanges(before, after),
    });
    return after;
  });
}

export function deleteMajorRiskCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  assessmentId: string,
  id: string,
) {
  const { organisationId, systemIds } = inScope(within);
  return audited(ctx, actor, async (trx, audit) => {
    await editable(trx, organisationId, assessmentId, systemIds);
    const before = await getMajorRisk(trx, assessmentId, id);
    await trx.deleteFrom('major_risks').where('id', '=', id).execute();
    await audit({
      organisationId,
      action: 'assessment.major_risk.delete',
      entityType: 'major_risk',
      entityId: id,
      changes: rowChanges(before, null),
    });
  });
}

export async function editable(
  db: Db,
  organisationId: string,
  assessmentId: string,
  systemIds: readonly string[] | undefined,
): Promise<AssessmentRow> {
  const assessment = await getAssessment(db, organisationId, assessmentId, systemIds);
  if (assessment.status === 'completed') {
    throw new ConflictError(
      'the assessment is completed; reopen it (status in_progress) to change it',
    );
  }
  return assessment;
}

async function checkTeam(db: Db, organisationId: string, team: readonly string[]): Promise<void> {
  const problems: ErrorDetail[] = [];
  for (const [index, username] of team.entries()) {
    if (!(await getMembershipByUsername(db, organisationId, username))) {
      problems.push({
        path: `team[${index}]`,
        message: `${username} is not a member of this organisation`,
      });
    }
  }
  if (problems.length > 0) throw new ValidationError('unknown team members', problems);
}

function withoutBaseline(row: AssessmentRow) {
  const { baseline: _baseline, ...rest } = row;
  return rest;
}

/** For tests and the CLI: every result row of an assessment (decrypted elsewhere). */
export { listResults };
