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
import type { Kysely } from 'kysely';
import { scoreAssessment } from '../../domain/mlps/assessment/scoring';
import type { ItemResult, ResultRecord } from '../../domain/mlps/assessment/types';
import { ConflictError, detail, ValidationError, VersionConflictError } from '../../errors';
import type {
  RectificationPatch,
  RectificationRetestInput,
  RectificationStatus,
} from '../../shared/assessment-schemas';
import { encryptNullable, decryptNullable } from '../../security/field-crypto';
import {
  getAssessment,
  getRectification,
  listMajorRisks,
  listRectifications,
  listResults,
  listTestObjects,
  updateRectificationColumns,
} from '../../store/repositories/assessments.repository';
import { updateVersioned } from '../../store/repositories/versioned';
import type {
  AssessmentRow,
  Database,
  RectificationItemRow,
  RectificationPlanRow,
} from '../../store/schema';
import { audited, rowChanges, type Actor } from '../actor';
import { baselineOf, scoringRequirements, testObjectsOf } from './model';
import { compensatedResults } from './compensations';
import { inScope, type OrgScope, intersectSystemIds } from '../access';
import type { AppContext } from '../context';
import { currentFindings, presentScore, systemNames } from './queries';
import type {
  RectificationDto,
  RectificationStatusCode,
  ScoreResultDto,
} from '../../shared/api-types';
import {
  toFen,
  type BudgetLine,
  type MeasureKind,
  type Product,
  type RectificationPlanDto,
  type RectificationPlanInput,
} from '../../shared/rectification-plan-schemas';

type Db = Kysely<Database>;

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
    const startDate = patch.startDate !== undefined ? patch.startDate : before.start_date;
    const dueDate = patch.dueDate !== undefined ? patch.dueDate : before.due_date;
    if (startDate && dueDate && startDate > dueDate) {
      throw new ValidationError({ code: 'rectification_plan.invalid' }, [
        detail(
          patch.startDate !== undefined ? 'startDate' : 'dueDate',
          'rectification_plan.start_after_due',
          {
            start: startDate,
            due: dueDate,
          },
        ),
      ]);
    }
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
        ...planColumns(ctx, id, patch),
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

/** The 整改方案 columns a patch changes: measure kind, measures (SM4), start date, costs. */
function planColumns(ctx: AppContext, id: string, patch: RectificationPatch) {
  return {
    ...(patch.measureKind !== undefined ? { measure_kind: patch.measureKind } : {}),
    ...(patch.measures !== undefined
      ? {
          measures_enc: encryptNullable(ctx.cipher, patch.measures?.trim() || null, {
            table: 'rectification_items',
            column: 'measures_enc',
            rowId: id,
          }),
        }
      : {}),
    ...(patch.startDate !== undefined ? { start_date: patch.startDate } : {}),
    ...(patch.budgetLines !== undefined
      ? { budget_lines: JSON.stringify(patch.budgetLines.map(storedBudgetLine)) }
      : {}),
    ...(patch.products !== undefined
      ? { products: JSON.stringify(patch.products.map(storedProduct)) }
      : {}),
  };
}

/** Every field present (null when not given), amounts rounded to the fen. */
const storedBudgetLine = (l: BudgetLine): BudgetLine => ({
  item: l.item,
  amount: toFen(l.amount) / 100,
  fundingSource: l.fundingSource?.trim() || null,
});
const storedProduct = (p: Product): Product => ({
  name: p.name,
  type: p.type?.trim() || null,
  vendor: p.vendor?.trim() || null,
  model: p.model?.trim() || null,
  quantity: p.quantity,
  unitPrice: toFen(p.unitPrice) / 100,
  certificationKind: p.certificationKind ?? null,
  certificateNumber: p.certificateNumber?.trim() || null,
});

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
    measureKind: (r.measure_kind as MeasureKind | null) ?? null,
    measures: decryptNullable(ctx.cipher, r.measures_enc, {
      table: 'rectification_items',
      column: 'measures_enc',
      rowId: r.id,
    }),
    startDate: r.start_date,
    budgetLines: JSON.parse(r.budget_lines || '[]') as BudgetLine[],
    products: JSON.parse(r.products || '[]') as Product[],
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

const PLAN_FIELDS = {
  objectives: 'objectives',
  principles: 'principles',
  budgetNote: 'budget_note',
} as const;

function presentPlan(
  assessmentId: string,
  row: RectificationPlanRow | undefined,
): RectificationPlanDto {
  return {
    assessmentId,
    objectives: row?.objectives ?? null,
    principles: row?.principles ?? null,
    budgetNote: row?.budget_note ?? null,
    version: row?.version ?? 0,
    updatedAt: row?.updated_at ?? null,
  };
}

async function planRow(db: Db, organisationId: string, assessmentId: string) {
  return db
    .selectFrom('rectification_plans')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('assessment_id', '=', assessmentId)
    .executeTakeFirst();
}

/** The plan's overall text (整改目标、整改原则、预算说明); version 0 until first saved. */
export async function rectificationPlanQuery(
  ctx: AppContext,
  within: OrgScope,
  assessmentId: string,
): Promise<RectificationPlanDto> {
  const { organisationId, systemIds } = inScope(within);
  await getAssessment(ctx.store.db, organisationId, assessmentId, systemIds);
  return presentPlan(assessmentId, await planRow(ctx.store.db, organisationId, assessmentId));
}

/**
 * Saves the plan's overall text with the version read (0 creates it); fields left out keep
 * their value, null clears one.
 */
export function saveRectificationPlanCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  assessmentId: string,
  input: RectificationPlanInput,
) {
  const { organisationId, systemIds } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    await getAssessment(trx, organisationId, assessmentId, systemIds);
    const before = await planRow(trx, organisationId, assessmentId);
    const columns: Partial<Record<(typeof PLAN_FIELDS)[keyof typeof PLAN_FIELDS], string | null>> =
      {};
    for (const [field, column] of Object.entries(PLAN_FIELDS) as [
      keyof typeof PLAN_FIELDS,
      (typeof PLAN_FIELDS)[keyof typeof PLAN_FIELDS],
    ][]) {
      const value = input[field];
      if (value !== undefined) columns[column] = value?.trim() || null;
    }
    if (!before) {
      if (input.version !== 0) throw new VersionConflictError('rectification plan', 0);
      const row = {
        assessment_id: assessmentId,
        organisation_id: organisationId,
        objectives: columns.objectives ?? null,
        principles: columns.principles ?? null,
        budget_note: columns.budget_note ?? null,
        version: 1,
        created_at: now,
        updated_at: now,
      };
      // A concurrent first save wins; this one then conflicts like any stale version.
      const res = await trx
        .insertInto('rectification_plans')
        .values(row)
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      if (Number(res.numInsertedOrUpdatedRows ?? 0) === 0)
        throw new VersionConflictError('rectification plan', 1);
    } else {
      await updateVersioned(trx, 'rectification_plans', {
        where: { organisation_id: organisationId, assessment_id: assessmentId },
        expected: input.version,
        columns,
        now,
        entity: 'rectification plan',
        current: async () => (await planRow(trx, organisationId, assessmentId))?.version ?? 0,
      });
    }
    const after = await planRow(trx, organisationId, assessmentId);
    await audit({
      organisationId,
      action: 'rectification_plan.update',
      entityType: 'rectification_plan',
      entityId: assessmentId,
      changes: rowChanges(before ?? null, after ?? null),
    });
    return presentPlan(assessmentId, after);
  });
}

/**
 * The score expected once the plan is carried out: every item not closed by risk acceptance is
 * taken as re-tested 符合 (its problem closed); major risks count as they are recorded — the plan
 * does not mark them rectified. Beside the engine's before/after (scoreQuery), same engine.
 */
export async function plannedScoreQuery(
  ctx: AppContext,
  within: OrgScope,
  assessmentId: string,
  asOf: string,
): Promise<ScoreResultDto> {
  const { organisationId, systemIds } = inScope(within);
  const db = ctx.store.db;
  const assessment = await getAssessment(db, organisationId, assessmentId, systemIds);
  const [objects, results, findings, majors, items] = await Promise.all([
    listTestObjects(db, assessmentId),
    listResults(db, assessmentId),
    currentFindings(ctx, db, assessment),
    listMajorRisks(db, assessmentId),
    listRectifications(db, organisationId, { assessmentId }),
  ]);
  const recorded: ResultRecord[] = results.map((r) => ({
    requirementId: r.requirement_id,
    objectId: r.object_id,
    result: r.result as ItemResult,
  }));
  const compensated = await compensatedResults(db, assessment, objects, recorded);
  const planned = new Set(
    items.filter((r) => r.status !== 'risk_accepted').map((r) => r.requirement_id),
  );
  const score = scoreAssessment({
    requirements: scoringRequirements(baselineOf(assessment)),
    objects: testObjectsOf(objects),
    results: compensated.results.map((r) =>
      planned.has(r.requirementId) && (r.result === 'partial' || r.result === 'non_compliant')
        ? { ...r, result: 'compliant' as ItemResult }
        : r,
    ),
    problems: findings.map((f) => ({
      risk: f.effectiveRisk,
      closed: planned.has(f.requirementId),
    })),
    majorRisks: majors.map((m) => ({ rectified: m.rectified === 1 })),
    reportDate: assessment.report_date ?? asOf,
    compensations: compensated.adjustments,
  });
  return presentScore(score);
}
