/** 备案表: the system's detail, its host and the organisation's objects per level, to the builder. */
import { buildFilingForm } from '../../reports/documents/filing-form';
import type { ReportDocument } from '../../reports/model';
import { assertSystemVisible, inScope } from '../access';
import { getSystemDetail } from '../systems/detail';
import { countsByLevel, hostName, type DocumentSource } from './source';

export async function filingFormDocument(
  { ctx, within, organisation, lang, asOf }: DocumentSource,
  systemId: string,
): Promise<ReportDocument> {
  const { organisationId, scope } = inScope(within);
  assertSystemVisible(scope, systemId);
  const detail = await getSystemDetail(ctx, organisationId, systemId);
  const hostSystemName = await hostName(ctx, organisationId, detail);
  const levelCounts = await countsByLevel(ctx, organisationId);
  return buildFilingForm({ organisation, detail, hostSystemName, levelCounts, date: asOf }, lang);
}
