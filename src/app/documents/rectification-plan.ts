/** 整改方案: the assessment's rectification items, findings and score, to the builder. */
import { buildRectificationPlan } from '../../reports/documents/rectification-plan';
import type { ReportDocument } from '../../reports/model';
import { getAssessment } from '../../store/repositories/assessments.repository';
import { inScope } from '../access';
import { presentAssessmentSummary } from '../assessment/model';
import { findingsQuery, scoreQuery, systemNames } from '../assessment/queries';
import { rectificationsQuery } from '../assessment/rectification';
import type { DocumentSource } from './source';

export async function rectificationPlanDocument(
  { ctx, within, organisation, lang, asOf }: DocumentSource,
  assessmentId: string,
): Promise<ReportDocument> {
  const { organisationId, systemIds } = inScope(within);
  const row = await getAssessment(ctx.store.db, organisationId, assessmentId, systemIds);
  const names = await systemNames(ctx.store.db, organisationId);
  const [rectifications, findings, score] = await Promise.all([
    rectificationsQuery(ctx, organisationId, { assessmentId }, asOf),
    findingsQuery(ctx, organisationId, assessmentId),
    scoreQuery(ctx, organisationId, assessmentId, asOf),
  ]);
  return buildRectificationPlan(
    {
      organisation,
      assessment: presentAssessmentSummary(row, names.get(row.system_id) ?? '', ctx.catalog),
      rectifications,
      findings,
      score,
      asOf,
    },
    lang,
  );
}
