/** 定级报告: the system's detail and grading, its newest topology diagram and the wording overrides, to the builder. */
import { buildGradingReport } from '../../reports/documents/grading-report';
import type { ReportDocument } from '../../reports/model';
import { assertSystemVisible, inScope } from '../access';
import { getSystemDetail } from '../systems/detail';
import { hostName, topologyPicture, type DocumentSource } from './source';

export async function gradingReportDocument(
  { ctx, within, organisation, overrides, lang, asOf }: DocumentSource,
  systemId: string,
): Promise<ReportDocument> {
  const { organisationId, scope } = inScope(within);
  assertSystemVisible(scope, systemId);
  const detail = await getSystemDetail(ctx, organisationId, systemId);
  const hostSystemName = await hostName(ctx, organisationId, detail);
  const topology = await topologyPicture(ctx, organisationId, systemId);
  return buildGradingReport(
    { organisation, detail, hostSystemName, date: asOf, topology, overrides },
    lang,
  );
}
