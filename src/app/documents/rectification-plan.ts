/**
 * 整改方案: the assessment's rectification items, findings with the failing objects' 结果记录,
 * scores (as assessed, after verified fixes, expected once the plan is done), major risks and
 * the plan's own text, to the builder.
 */
import { decryptNullable } from '../../security/field-crypto';
import {
  buildRectificationPlan,
  type FindingRecord,
} from '../../reports/documents/rectification-plan';
import type { ReportDocument } from '../../reports/model';
import type { ItemResultCode } from '../../shared/api-types';
import {
  getAssessment,
  listResults,
  listTestObjects,
} from '../../store/repositories/assessments.repository';
import { inScope } from '../access';
import { baselineOf, presentAssessmentSummary } from '../assessment/model';
import { findingsQuery, majorRisksQuery, scoreQuery, systemNames } from '../assessment/queries';
import {
  plannedScoreQuery,
  rectificationPlanQuery,
  rectificationsQuery,
} from '../assessment/rectification';
import type { DocumentSource } from './source';

export async function rectificationPlanDocument(
  { ctx, within, organisation, overrides, lang, asOf }: DocumentSource,
  assessmentId: string,
): Promise<ReportDocument> {
  const { organisationId, systemIds } = inScope(within);
  const db = ctx.store.db;
  const row = await getAssessment(db, organisationId, assessmentId, systemIds);
  const names = await systemNames(db, organisationId);
  const [rectifications, findings, score, expected, majorRisks, plan, objects, results] =
    await Promise.all([
      rectificationsQuery(ctx, organisationId, { assessmentId }, asOf),
      findingsQuery(ctx, organisationId, assessmentId),
      scoreQuery(ctx, organisationId, assessmentId, asOf),
      plannedScoreQuery(ctx, organisationId, assessmentId, asOf),
      majorRisksQuery(ctx, organisationId, assessmentId),
      rectificationPlanQuery(ctx, organisationId, assessmentId),
      listTestObjects(db, assessmentId),
      listResults(db, assessmentId),
    ]);
  // What was found: the 结果记录 of each failing object of a planned item, in object order.
  const planned = new Set(rectifications.map((r) => r.requirementId));
  const objectName = new Map(objects.map((o) => [o.id, o.name] as const));
  const position = new Map(objects.map((o, i) => [o.id, i] as const));
  const records: FindingRecord[] = results
    .filter(
      (r) =>
        planned.has(r.requirement_id) && (r.result === 'partial' || r.result === 'non_compliant'),
    )
    .sort((x, y) => (position.get(x.object_id) ?? 0) - (position.get(y.object_id) ?? 0))
    .map((r) => ({
      requirementId: r.requirement_id,
      objectName: objectName.get(r.object_id) ?? r.object_id,
      result: r.result as ItemResultCode,
      record: decryptNullable(ctx.cipher, r.record_enc, {
        table: 'assessment_results',
        column: 'record_enc',
        rowId: [r.assessment_id, r.requirement_id, r.object_id],
      }),
    }));
  const categoryOf = Object.fromEntries(baselineOf(row).map((i) => [i.id, i.category] as const));
  return buildRectificationPlan(
    {
      organisation,
      assessment: presentAssessmentSummary(row, names.get(row.system_id) ?? '', ctx.catalog),
      rectifications,
      findings,
      records,
      score,
      expected,
      majorRisks,
      categoryOf,
      plan,
      overrides,
      asOf,
    },
    lang,
  );
}
