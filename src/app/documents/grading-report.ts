/** 定级报告: the system's detail and grading, to the builder. */
import { buildGradingReport } from '../../reports/documents/grading-report';
import type { ReportDocument } from '../../reports/model';
import { assertSystemVisible, inScope } from '../access';
import { getSystemDetail } from '../systems/detail';
import { hostName, type DocumentSource } from './source';

export async function gradingReportDocument(
  { ctx, within, organisation, lang, asOf }: DocumentSource,
  systemId: string,
): Promise<ReportDocument> {
  const { organisationId, scope } = inScope(within);
  assertSystemVisible(scope, systemId);
  const detail = await getSystemDetail(ctx, organisationId, systemId);
  const hostSystemName = await hostName(ctx, organisationId, detail);
  return buildGradingReport({ organisation, detail, hostSystemName, date: asOf }, lang);
}
