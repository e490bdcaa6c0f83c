/**
 * Every change to a GB/T 39204-2022 capability evaluation, each in one transaction with its audit
 * entry (see {@link audited}). The rules: the core business must be the organisation's; results
 * are versioned and a bulk write is all-or-nothing; a completed evaluation is read-only until
 * reopened, and it can only be completed when every requirement has a result; rectification
 * items are created for findings (不符合 / 部分符合) and, like the level assessment's, continue
 * after the evaluation is completed.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  checkRectificationChange,
  CII_RECTIFICATION_FLOW,
} from '../../domain/rectification/status';
import {
  ConflictError,
  ValidationError,
  VersionConflictError,
  type ErrorDetail,
} from '../../errors';
import { encryptNullable } from '../../security/field-crypto';
import type {
  CiiEvaluationInput,
  CiiEvaluationResultsInput,
  CiiEvaluationTransition,
  CiiRectificationInput,
  CiiRectificationPatch,
  CiiRectificationStatus,
} from '../../shared/cii-evaluation-schemas';
import {
  findRectificationFor,
  getEvaluatedBusiness,
  getEvaluation,
  getEvaluationRectification,
  getEvaluationResult,
  insertEvaluation,
  insertEvaluationRectification,
  listEvaluationResults,
  touchDraftEvaluation,
  updateEvaluationColumns,
  updateEvaluationRectificationColumns,
  writeEvaluationResult,
} from '../../store/repositories/cii-evaluations.repository';
import type {
  CiiEvaluationRectificationRow,
  CiiEvaluationResultRow,
  CiiEvaluationRow,
  Database,
} from '../../store/schema';
import { audited, rowChanges, type Actor } from '../actor';
import { inScope, type OrgScope } from '../access';
import type { AppContext } from '../context';
import { capabilityCatalog } from './evaluation-queries';

type Db = Kysely<Database>;

const COMPLETED_MESSAGE =
  'the capability evaluation is completed; reopen it (POST …/reopen) to change it';

export function createCiiEvaluationCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  businessId: string,
  input: CiiEvaluationInput,
): Promise<CiiEvaluationRow> {
  const { organisationId } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    const business = await getEvaluatedBusiness(trx, organisationId, businessId);
    const catalog = capabilityCatalog();
    const row: CiiEvaluationRow = {
      id: randomUUID(),
      organisation_id: organisationId,
      core_business_id: business.id,
      title: input.title,
      evaluator: input.evaluator ?? null,
      agency: input.agency ?? null,
      period_start: input.periodStart ?? null,
      period_end: input.periodEnd ?? null,
      status: 'draft',
      catalog_hash: catalog.sourceHash,
      completed_by: null,
      completed_at: null,
      version: 1,
      created_by: actor.label,
      created_at: now,
      updated_at: now,
    };
    await insertEvaluation(trx, row);
    await audit({
      organisationId,
      action: 'cii.evaluation.create',
      entityType: 'cii_evaluation',
      entityId: row.id,
      changes: rowChanges(null, {
        ...row,
        core_business: business.name,
        requirement_count: catalog.requirements.length,
      }),
    });
    return row;
  });
}

/**
 * Records results with optimistic versions. Every row is checked first (known requirement, not
 * given twice, version still current) and every problem reported; nothing is written unless all
 * rows are valid, and a version conflict while writing rolls the whole request back.
 */
export function writeCiiEvaluationResultsCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  evaluationId: string,
  input: CiiEvaluationResultsInput,
): Promise<CiiEvaluationResultRow[]> {
  const { organisationId } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    await draft(trx, organisationId, evaluationId);
    const catalog = capabilityCatalog();
    const problems: ErrorDetail[] = [];
    const seen = new Map<string, number>();
    input.rows.forEach((row, index) => {
      if (!catalog.requirementsById.has(row.requirementId)) {
        problems.push({
          path: `rows[${index}].requirementId`,
          message: `${row.requirementId} is not a requirement of the GB/T 39204 catalog`,
        });
      }
      const first = seen.get(row.requirementId);
      if (first !== undefined) {
        problems.push({
          path: `rows[${index}].requirementId`,
          message: `${row.requirementId} is also in rows[${first}]`,
        });
      } else {
        seen.set(row.requirementId, index);
      }
    });
    if (problems.length > 0) throw new ValidationError('some rows cannot be recorded', problems);

    const before = new Map(
      (await listEvaluationResults(trx, evaluationId)).map((r) => [r.requirement_id, r]),
    );
    for (const [index, row] of input.rows.entries()) {
      const current = before.get(row.requirementId)?.version ?? 0;
      if (current !== row.version) {
        throw new VersionConflictError(`rows[${index}]: result ${row.requirementId}`, current);
      }
    }
    if (!(await touchDraftEvaluation(trx, evaluationId, now))) {
      throw new ConflictError(COMPLETED_MESSAGE);
    }
    const written: CiiEvaluationResultRow[] = [];
    for (const row of input.rows) {
      written.push(
        await writeEvaluationResult(
          trx,
          {
            evaluation_id: evaluationId,
            requirement_id: row.requirementId,
            result: row.result,
            note_enc: encryptNullable(ctx.cipher, row.note?.trim() || null, {
              table: 'cii_evaluation_results',
              column: 'note_enc',
              rowId: [evaluationId, row.requirementId],
            }),
            evidence_enc: encryptNullable(ctx.cipher, row.evidence?.trim() || null, {
              table: 'cii_evaluation_results',
              column: 'evidence_enc',
              rowId: [evaluationId, row.requirementId],
            }),
            recorded_by: actor.label,
            recorded_at: now,
          },
          row.version,
        ),
      );
    }
    await audit({
      organisationId,
      action: 'cii.evaluation.results.write',
      entityType: 'cii_evaluation',
      entityId: evaluationId,
      changes: {
        results: {
          before: input.rows
            .filter((r) => before.has(r.requirementId))
            .map((r) => `${r.requirementId}: ${before.get(r.requirementId)?.result}`),
          after: input.rows.map((r) => `${r.requirementId}: ${r.result}`),
        },
      },
    });
    return written;
  });
}

/** 完成: freezes the evaluation; every requirement of the catalog needs a result first. */
export function completeCiiEvaluationCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  evaluationId: string,
  input: CiiEvaluationTransition,
): Promise<CiiEvaluationRow> {
  const { organisationId } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    const before = await draft(trx, organisationId, evaluationId);
    const recorded = new Set(
      (await listEvaluationResults(trx, evaluationId)).map((r) => r.requirement_id),
    );
    const missing = capabilityCatalog()
      .requirements.map((r) => r.id)
      .filter((id) => !recorded.has(id));
    if (missing.length > 0) {
      throw new ValidationError('the evaluation is not complete', [
        {
          path: 'results',
          message: `${missing.length} requirement(s) have no result yet (use 不适用 with a note where one does not apply): ${missing.join(', ')}`,
        },
      ]);
    }
    const after = await updateEvaluationColumns(
      trx,
      organisationId,
      evaluationId,
      input.version,
      { status: 'completed', completed_by: actor.label, completed_at: now },
      now,
    );
    await audit({
      organisationId,
      action: 'cii.evaluation.complete',
      entityType: 'cii_evaluation',
      entityId: evaluationId,
      changes: rowChanges(before, after),
    });
    return after;
  });
}

/** 重新打开: a completed evaluation becomes a draft again. */
export function reopenCiiEvaluationCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  evaluationId: string,
  input: CiiEvaluationTransition,
): Promise<CiiEvaluationRow> {
  const { organisationId } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    const before = await getEvaluation(trx, organisationId, evaluationId);
    if (before.status !== 'completed') {
      throw new ConflictError('the capability evaluation is not completed; nothing to reopen');
    }
    const after = await updateEvaluationColumns(
      trx,
      organisationId,
      evaluationId,
      input.version,
      { status: 'draft', completed_by: null, completed_at: null },
      now,
    );
    await audit({
      organisationId,
      action: 'cii.evaluation.reopen',
      entityType: 'cii_evaluation',
      entityId: evaluationId,
      changes: rowChanges(before, after),
    });
    return after;
  });
}

/** 整改: a rectification item for a finding (a requirement evaluated 不符合 or 部分符合). */
export function createCiiRectificationCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  evaluationId: string,
  input: CiiRectificationInput,
): Promise<CiiEvaluationRectificationRow> {
  const { organisationId } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    await getEvaluation(trx, organisationId, evaluationId);
    const result = await getEvaluationResult(trx, evaluationId, input.requirementId);
    if (result?.result !== 'non_compliant' && result?.result !== 'partial') {
      throw new ValidationError('not a finding', [
        {
          path: 'requirementId',
          message: `${input.requirementId} is not evaluated 不符合 or 部分符合 in this evaluation`,
        },
      ]);
    }
    const existing = await findRectificationFor(trx, evaluationId, input.requirementId);
    if (existing) {
      throw new ConflictError(
        `${input.requirementId} already has rectification item ${existing.id}; update that one`,
      );
    }
    const rectificationId = randomUUID();
    const row: CiiEvaluationRectificationRow = {
      id: rectificationId,
      evaluation_id: evaluationId,
      organisation_id: organisationId,
      requirement_id: input.requirementId,
      owner: input.owner ?? null,
      due_on: input.dueOn ?? null,
      plan_enc: encryptNullable(ctx.cipher, input.plan?.trim() || null, {
        table: 'cii_evaluation_rectifications',
        column: 'plan_enc',
        rowId: rectificationId,
      }),
      status: 'open',
      version: 1,
      created_by: actor.label,
      created_at: now,
      updated_at: now,
    };
    await insertEvaluationRectification(trx, row);
    await audit({
      organisationId,
      action: 'cii.rectification.create',
      entityType: 'cii_rectification',
      entityId: row.id,
      changes: rowChanges(null, row),
    });
    return row;
  });
}

export function updateCiiRectificationCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  evaluationId: string,
  rectificationId: string,
  patch: CiiRectificationPatch,
): Promise<CiiEvaluationRectificationRow> {
  const { organisationId } = inScope(within);
  return audited(ctx, actor, async (trx, audit, now) => {
    await getEvaluation(trx, organisationId, evaluationId);
    const before = await getEvaluationRectification(
      trx,
      organisationId,
      evaluationId,
      rectificationId,
    );
    const { problems } = checkRectificationChange(
      CII_RECTIFICATION_FLOW,
      { status: before.status as CiiRectificationStatus },
      { status: patch.status },
    );
    if (problems.length > 0)
      throw new ValidationError('the rectification item cannot be changed so', problems);
    const after = await updateEvaluationRectificationColumns(
      trx,
      organisationId,
      evaluationId,
      rectificationId,
      patch.version,
      {
        ...(patch.owner !== undefined ? { owner: patch.owner } : {}),
        ...(patch.dueOn !== undefined ? { due_on: patch.dueOn } : {}),
        ...(patch.plan !== undefined
          ? {
              plan_enc: encryptNullable(ctx.cipher, patch.plan?.trim() || null, {
                table: 'cii_evaluation_rectifications',
                column: 'plan_enc',
                rowId: rectificationId,
              }),
            }
          : {}),
        ...(patch.status !== undefined ? { status: patch.status } : {}),
      },
      now,
    );
    await audit({
      organisationId,
      action: 'cii.rectification.update',
      entityType: 'cii_rectification',
      entityId: rectificationId,
      changes: rowChanges(before, after),
    });
    return after;
  });
}

/** The evaluation, if it is a draft; a completed one is CONFLICT (read-only until reopened). */
async function draft(db: Db, organisationId: string, evaluationId: string) {
  const evaluation = await getEvaluation(db, organisationId, evaluationId);
  if (evaluation.status === 'completed') throw new ConflictError(COMPLETED_MESSAGE);
  return evaluation;
}
