/**
 * Rectification (整改) of a level assessment's findings: items generated from the findings, planned
 * and tracked, and closed by a re-test. The status rule is the domain's
 * (src/domain/rectification/status.ts), shared with the CII evaluation's rectification.
 */
import { randomUUID } from 'node:crypto';
import type { RiskLevel } from '../../domain/mlps/assessment/types';
import {
  checkRectificationChange,
  MLPS_RECTIFICATION_FLOW,
  retestTransition,
} from '../../domain/rectification/status';
import { ConflictError, ValidationError } from '../../errors';
import type {
  RectificationPatch,
  RectificationRetestInput,
  RectificationStatus,
} from '../../shared/assessment-schemas';
import { encryptNullable, decryptNullable } from '../../security/field-crypto';
import {
  getAssessment,
  getRectification,
  listRectifications,
  updateRectificationColumns,
} from '../../store/repositories/assessments.repository';
import type { AssessmentRow, RectificationItemRow } from '../../store/schema';
import { audited, rowChanges, type Actor } from '../actor';
import { baselineOf } from './model';
import { inScope, type OrgScope, intersectSystemIds } from '../access';
import type { AppContext } from '../context';
import { currentFindings, systemNames } from './queries';
import type { RectificationDto, RectificationStatusCode } from '../../shared/api-types';

/** 整改: one rectification item per current finding that has none yet. Returns the new items. */
export function generateRectificationsCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  assessmentId: string,
) {
  const { organisationId, systemIds } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    const assessment = await getAssessment(trx, organisationId, assessmentId, systemIds);
    const findings = await currentFindings(ctx, trx, assessment);
    const existing = new Set(
      (await listRectifications(trx, organisationId, { assessmentId })).map(
        (r) => r.requirement_id,
      ),
    );
    const created = [];
    for (const f of findings) {
      if (existing.has(f.requirementId)) continue;
      const row = {
        id: randomUUID(),
        assessment_id: assessmentId,
        organisation_id: organisationId,
        system_id: assessment.system_id,
        requirement_id: f.requirementId,
        owner: null,
        due_date: null,
        plan_enc: null,
        status: 'open',
        approver: null,
        acceptance_reason: null,
        retest_result: null,
        retest_on: null,
        retest_by: null,
        closed_on: null,
        version: 1,
        created_at: now,
        updated_at: now,
      };
      // A concurrent generate may have created it meanwhile: keep theirs (and the transaction).
      const res = await trx
        .insertInto('rectification_items')
        .values(row)
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      if (Number(res.numInsertedOrUpdatedRows ?? 0) > 0) created.push(row);
    }
    await audit({
      organisationId,
      action: 'rectification.generate',
      entityType: 'assessment',
      entityId: assessmentId,
      changes: { items: { before: null, after: created.map((r) => r.requirement_id) } },
    });
    return created;
  });
}

/**
 * The operator's side of a rectification item: owner, due date, plan, status open →
 * in_progress → fixed (awaiting re-test), or risk_accepted with approver and reason; a closed
 * item can only be reopened. Verification comes from an assessor's re-test
 * ({@link retestRectificationCommand}).
 */
export function updateRectificationCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  id: string,
  patch: RectificationPatch,
  today: string,
) {
  const { organisationId, systemIds } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    const before = await getRectification(trx, organisationId, id, systemIds);
    const { status, closed, problems } = checkRectificationChange(
      MLPS_RECTIFICATION_FLOW,
      {
        status: before.status as RectificationStatus,
        approver: before.approver,
        acceptanceReason: before.acceptance_reason,
      },
      patch,
    );
    if (problems.length > 0)
      throw new ValidationError('the rectification item cannot be changed so', problems);
    const after = await updateRectificationColumns(
      trx,
      organisationId,
      id,
      patch.version,
      {
        ...(patch.owner !== undefined ? { owner: patch.owner } : {}),
        ...(patch.dueDate !== undefined ? { due_date: patch.dueDate } : {}),
        ...(patch.plan !== undefined
          ? {
              plan_enc: encryptNullable(ctx.cipher, patch.plan?.trim() || null, {
                table: 'rectification_items',
                column: 'plan_enc',
                rowId: id,
              }),
            }
          : {}),
        ...(patch.approver !== undefined ? { approver: patch.approver } : {}),
        ...(patch.acceptanceReason !== undefined
          ? { acceptance_reason: patch.acceptanceReason }
          : {}),
        status,
        closed_on: closed ? (before.closed_on ?? today) : null,
      },
      now,
    );
    await audit({
      organisationId,
      action: 'rectification.update',
      entityType: 'rectification_item',
      entityId: id,
      changes: rowChanges(before, after),
    });
    return after;
  });
}

/**
 * 复测: an assessor records the re-test of a rectified problem. 符合 verifies (closes) the item;
 * anything else sends it back to 整改中.
 */
export function retestRectificationCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  id: string,
  input: RectificationRetestInput,
  today: string,
) {
  const { organisationId, systemIds } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    const before = await getRectification(trx, organisationId, id, systemIds);
    const passed = input.retestResult === 'compliant';
    const next = retestTransition(
      MLPS_RECTIFICATION_FLOW,
      before.status as RectificationStatus,
      passed,
    );
    if ('refused' in next) throw new ConflictError(next.refused);
    const after = await updateRectificationColumns(
      trx,
      organisationId,
      id,
      input.version,
      {
        retest_result: input.retestResult,
        retest_on: input.retestOn ?? today,
        retest_by: actor.label,
        status: next.status,
        closed_on: next.closed ? (input.retestOn ?? today) : null,
      },
      now,
    );
    await audit({
      organisationId,
      action: 'rectification.retest',
      entityType: 'rectification_item',
      entityId: id,
      changes: rowChanges(before, after),
    });
    return after;
  });
}

export async function rectificationsQuery(
  ctx: AppContext,
  within: OrgScope,
  filter: { assessmentId?: string; systemIds?: readonly string[] },
  today: string,
): Promise<RectificationDto[]> {
  const { organisationId, systemIds } = inScope(within);
  const db = ctx.store.db;
  // An assessment the caller cannot see is NOT_FOUND, not an empty list.
  if (filter.assessmentId) await getAssessment(db, organisationId, filter.assessmentId, systemIds);
  const rows = await listRectifications(db, organisationId, {
    ...filter,
    systemIds: intersectSystemIds(filter.systemIds, systemIds),
  });
  const names = await systemNames(db, organisationId);
  const assessments = new Map<string, AssessmentRow>();
  const risks = new Map<string, Map<string, RiskLevel | null>>();
  const out: RectificationDto[] = [];
  for (const r of rows) {
    let assessment = assessments.get(r.assessment_id);
    if (!assessment) {
      assessment = await getAssessment(db, organisationId, r.assessment_id, systemIds);
      assessments.set(r.assessment_id, assessment);
      const findings = await currentFindings(ctx, db, assessment);
      risks.set(r.assessment_id, new Map(findings.map((f) => [f.requirementId, f.effectiveRisk])));
    }
    out.push(
      presentRectification(
        ctx,
        r,
        assessment,
        names,
        risks.get(r.assessment_id)?.get(r.requirement_id) ?? null,
        today,
      ),
    );
  }
  return out;
}

export function presentRectification(
  ctx: AppContext,
  r: RectificationItemRow,
  assessment: AssessmentRow,
  names: Map<string, string>,
  risk: RiskLevel | null,
  today: string,
): RectificationDto {
  const item = baselineOf(assessment).find((i) => i.id === r.requirement_id);
  const open = r.status !== 'verified' && r.status !== 'risk_accepted';
  return {
    id: r.id,
    assessmentId: r.assessment_id,
    assessmentTitle: assessment.title,
    systemId: r.system_id,
    systemName: names.get(r.system_id) ?? '',
    requirementId: r.requirement_id,
    clause: item?.clause ?? r.requirement_id,
    title: item?.title ?? { zh: r.requirement_id, en: r.requirement_id },
    risk,
    owner: r.owner,
    dueDate: r.due_date,
    plan: decryptNullable(ctx.cipher, r.plan_enc, {
      table: 'rectification_items',
      column: 'plan_enc',
      rowId: r.id,
    }),
    status: r.status as RectificationStatusCode,
    approver: r.approver,
    acceptanceReason: r.acceptance_reason,
    retestResult: (r.retest_result as RectificationDto['retestResult']) ?? null,
    retestOn: r.retest_on,
    retestBy: r.retest_by,
    closedOn: r.closed_on,
    overdue: open && r.due_date !== null && r.due_date < today,
    version: r.version,
    updatedAt: r.updated_at,
  };
}

/** One rectification item as the API shows it; NOT_FOUND outside the caller's scope. */
export async function rectificationQuery(
  ctx: AppContext,
  within: OrgScope,
  id: string,
  today: string,
): Promise<RectificationDto> {
  const { organisationId, systemIds } = inScope(within);
  const db = ctx.store.db;
  const row = await getRectification(db, organisationId, id, systemIds);
  const assessment = await getAssessment(db, organisationId, row.assessment_id);
  const findings = await currentFindings(ctx, db, assessment);
  const names = await systemNames(db, organisationId);
  const risk = findings.find((f) => f.requirementId === row.requirement_id)?.effectiveRisk ?? null;
  return presentRectification(ctx, row, assessment, names, risk, today);
}
