/**
 * 关键信息基础设施边界识别报告 (CII boundary determination report) of a core business: loads the
 * live boundary, the recorded determinations and the duties through the CII read models, hands
 * them to the pure builder (src/reports/documents/cii-boundary-report.ts) and renders the
 * document to Word or PDF with the shared renderers. The API and the CLI both come through here.
 */
import { NotFoundError } from '../../errors';
import { buildCiiBoundaryReport } from '../../reports/documents/cii-boundary-report';
import type { Lang, ReportDocument } from '../../reports/model';
import { listCoreBusinesses } from '../../store/repositories/cii.repository';
import { getOrganisation } from '../../store/repositories/organisations.repository';
import { boundaryQuery, determinationsQuery, dutiesQuery } from './queries';
import { inScope, type OrgScope } from '../access';
import type { AppContext } from '../context';
import { presentOrganisation } from '../presenters';
import type { ReportFormat } from '../reports';

/** The ASCII fallback file name for clients that ignore `filename*`. */
export const ciiBoundaryAsciiFileName = (format: ReportFormat): string =>
  `cii-boundary-report.${format}`;

/**
 * Builds the boundary report of a core business. `asOf` (YYYY-MM-DD) is the report date and
 * the day the duties are evaluated for.
 */
export async function buildCiiBoundaryReportFor(
  ctx: AppContext,
  within: OrgScope,
  businessId: string,
  lang: Lang,
  asOf: string,
): Promise<ReportDocument> {
  const { organisationId } = inScope(within);
  const organisation = presentOrganisation(
    await getOrganisation(ctx.store.db, organisationId),
    ctx.cipher,
  );
  // boundaryQuery checks that the business belongs to the organisation (404 otherwise).
  const boundary = await boundaryQuery(ctx, organisationId, businessId);
  const [determinations, duties] = await Promise.all([
    determinationsQuery(ctx, organisationId, businessId),
    dutiesQuery(ctx, organisationId, businessId, asOf),
  ]);
  return buildCiiBoundaryReport(
    { organisation, boundary, determinations, duties, date: asOf },
    lang,
  );
}

/** A core business of the organisation by its id or its exact name (CLI convenience). */
export async function resolveCoreBusinessId(
  ctx: AppContext,
  within: OrgScope,
  idOrName: string,
): Promise<string> {
  const { organisationId } = inScope(within);
  const rows = await listCoreBusinesses(ctx.store.db, organisationId);
  const wanted = idOrName.trim();
  const hit = rows.find((r) => r.id === wanted) ?? rows.find((r) => r.name === wanted);
  if (!hit) throw new NotFoundError('core business', idOrName);
  return hit.id;
}
