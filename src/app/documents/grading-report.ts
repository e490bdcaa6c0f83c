/** 定级报告: the system's detail and grading, its newest topology diagram and the wording overrides, to the builder. */
import {
  buildGradingReport,
  type GradingReportInput,
} from '../../reports/documents/grading-report';
import type { ReportDocument } from '../../reports/model';
import type { SystemDetailDto } from '../../shared/api-types';
import { assertSystemVisible, inScope } from '../access';
import { attachmentContent } from '../attachments/queries';
import type { AppContext } from '../context';
import { getSystemDetail } from '../systems/detail';
import { hostName, type DocumentSource } from './source';

export async function gradingReportDocument(
  { ctx, within, organisation, overrides, lang, asOf }: DocumentSource,
  systemId: string,
): Promise<ReportDocument> {
  const { organisationId, scope } = inScope(within);
  assertSystemVisible(scope, systemId);
  const detail = await getSystemDetail(ctx, organisationId, systemId);
  const hostSystemName = await hostName(ctx, organisationId, detail);
  const topology = await topologyDiagram(ctx, organisationId, detail);
  return buildGradingReport(
    { organisation, detail, hostSystemName, date: asOf, topology, overrides },
    lang,
  );
}

/** The newest picture (PNG/JPEG) uploaded on the system itself with purpose 'topology'. */
async function topologyDiagram(
  ctx: AppContext,
  organisationId: string,
  detail: SystemDetailDto,
): Promise<GradingReportInput['topology']> {
  const newest = detail.attachments
    .filter(
      (a) =>
        a.recordKind === 'system' &&
        a.purpose === 'topology' &&
        (a.mediaType === 'image/png' || a.mediaType === 'image/jpeg'),
    )
    .at(-1);
  if (!newest) return null;
  const file = await attachmentContent(ctx, organisationId, newest.id);
  return {
    data: new Uint8Array(file.data),
    mediaType: file.mediaType as 'image/png' | 'image/jpeg',
    fileName: file.fileName,
  };
}
