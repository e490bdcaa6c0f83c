/** 等级测评报告: the workbook, findings, score, rectification, verification and overall assessment. */
import { buildAssessmentReport } from '../../reports/documents/assessment-report';
import type { ReportDocument } from '../../reports/model';
import { inScope } from '../access';
import { compensationsQuery } from '../assessment/compensations';
import { findingsQuery, majorRisksQuery, scoreQuery, workbookQuery } from '../assessment/queries';
import { rectificationsQuery } from '../assessment/rectification';
import { verificationAppendices } from '../assessment/verification';
import { majorRiskTriggerList } from '../catalog-queries';
import { systemOrNull, type DocumentSource } from './source';

export async function assessmentReportDocument(
  { ctx, within, organisation, lang, asOf }: DocumentSource,
  assessmentId: string,
): Promise<ReportDocument> {
  const { organisationId, scope } = inScope(within);
  const workbook = await workbookQuery(ctx, scope, assessmentId);
  const [findings, majorRisks, score, rectifications, system] = await Promise.all([
    findingsQuery(ctx, organisationId, assessmentId),
    majorRisksQuery(ctx, organisationId, assessmentId),
    scoreQuery(ctx, organisationId, assessmentId, asOf),
    rectificationsQuery(ctx, organisationId, { assessmentId }, asOf),
    systemOrNull(ctx, organisationId, workbook.assessment.systemId),
  ]);
  const verification = await verificationAppendices(ctx.store.db, assessmentId);
  const compensations = await compensationsQuery(ctx, organisationId, assessmentId);
  return buildAssessmentReport(
    {
      organisation,
      system: system?.system ?? null,
      workbook,
      findings,
      majorRisks,
      score,
      rectifications,
      triggers: majorRiskTriggerList(ctx.catalog),
      date: asOf,
      verification,
      compensations,
    },
    lang,
  );
}
