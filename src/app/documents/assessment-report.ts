/**
 * 等级测评报告: the workbook, findings, score, rectification, verification, overall assessment,
 * the fixed baseline (测评指标), last assessment's findings and the test guidance of the problems
 * found, with the organisation's wording overrides, to the builder.
 */
import { testGuidanceFor } from '../../catalogs/test-guidance';
import {
  buildAssessmentReport,
  type GuidanceNote,
} from '../../reports/documents/assessment-report';
import type { ReportDocument } from '../../reports/model';
import { getAssessment } from '../../store/repositories/assessments.repository';
import { inScope } from '../access';
import { compensationsQuery } from '../assessment/compensations';
import { baselineOf } from '../assessment/model';
import { previousFindingsQuery } from '../assessment/previous-findings';
import { findingsQuery, majorRisksQuery, scoreQuery, workbookQuery } from '../assessment/queries';
import { rectificationsQuery } from '../assessment/rectification';
import { verificationAppendices } from '../assessment/verification';
import { majorRiskTriggerList } from '../catalog-queries';
import { systemOrNull, topologyPicture, type DocumentSource } from './source';

export async function assessmentReportDocument(
  { ctx, within, organisation, overrides, lang, asOf }: DocumentSource,
  assessmentId: string,
): Promise<ReportDocument> {
  const { organisationId, scope, systemIds } = inScope(within);
  const workbook = await workbookQuery(ctx, scope, assessmentId);
  const [findings, majorRisks, score, rectifications, system, row] = await Promise.all([
    findingsQuery(ctx, organisationId, assessmentId),
    majorRisksQuery(ctx, organisationId, assessmentId),
    scoreQuery(ctx, organisationId, assessmentId, asOf),
    rectificationsQuery(ctx, organisationId, { assessmentId }, asOf),
    systemOrNull(ctx, organisationId, workbook.assessment.systemId),
    getAssessment(ctx.store.db, organisationId, assessmentId, systemIds),
  ]);
  const verification = await verificationAppendices(ctx.store.db, assessmentId);
  const compensations = await compensationsQuery(ctx, organisationId, assessmentId);
  const previous = await previousFindingsQuery(ctx, within, assessmentId);
  const guidance = new Map<string, GuidanceNote>();
  for (const f of findings) {
    const g = testGuidanceFor(f.requirementId);
    if (g) guidance.set(f.requirementId, { expected: g.expected, source: g.source });
  }
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
      indicators: baselineOf(row),
      previous,
      guidance,
      overrides,
      narrative: system?.grading?.narrative ?? null,
      topology: system ? await topologyPicture(ctx, organisationId, system.system.id) : null,
    },
    lang,
  );
}
