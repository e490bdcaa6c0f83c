/**
 * What every document loader gets: the context, the caller's scope, the organisation, its
 * wording overrides, the language and the as-of date. One loader per document sits beside this
 * file and hands its data to the pure builder in src/reports/documents/.
 */
import type { DocumentOverrides } from '../../reports/overrides';
import { NO_OVERRIDES } from '../../reports/overrides';
import type { Lang, ReportImage } from '../../reports/model';
import type { OrganisationDto, SystemDetailDto } from '../../shared/api-types';
import type { ProtectionLevel } from '../../shared/mlps';
import { NotFoundError } from '../../errors';
import type { OrgScope } from '../access';
import { systemTopologyImage } from '../attachments/queries';
import type { AppContext } from '../context';
import { getSystemDetail } from '../systems/detail';
import { loadDocumentOverrides } from './template';

export interface DocumentSource {
  readonly ctx: AppContext;
  readonly within: OrgScope;
  readonly organisation: OrganisationDto;
  readonly overrides: DocumentOverrides;
  readonly lang: Lang;
  /** YYYY-MM-DD: the cover date where the data has none, and the date overdue items count to. */
  readonly asOf: string;
}

/** The organisation's document wording overrides and logo (文书模板, see ./template.ts). */
export async function documentOverrides(
  ctx: AppContext,
  organisationId: string,
): Promise<DocumentOverrides> {
  const overrides = await loadDocumentOverrides(ctx, organisationId);
  return Object.keys(overrides.blocks).length === 0 && !overrides.logo ? NO_OVERRIDES : overrides;
}

export async function hostName(
  ctx: AppContext,
  organisationId: string,
  detail: SystemDetailDto,
): Promise<string | null> {
  const hostId = detail.system.hostSystemId;
  if (!hostId) return null;
  const row = await ctx.store.db
    .selectFrom('systems')
    .select('name')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', hostId)
    .executeTakeFirst();
  return row?.name ?? null;
}

export async function countsByLevel(
  ctx: AppContext,
  organisationId: string,
): Promise<Partial<Record<ProtectionLevel, number>>> {
  const rows = await ctx.store.db
    .selectFrom('systems')
    .select('level')
    .where('organisation_id', '=', organisationId)
    .where('level', 'is not', null)
    .execute();
  const counts: Partial<Record<ProtectionLevel, number>> = {};
  for (const r of rows) {
    const level = r.level as ProtectionLevel;
    counts[level] = (counts[level] ?? 0) + 1;
  }
  return counts;
}

export async function systemOrNull(ctx: AppContext, organisationId: string, systemId: string) {
  try {
    return await getSystemDetail(ctx, organisationId, systemId);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

/** The system's newest PNG/JPEG topology diagram, for the reports that print it. */
export async function topologyPicture(
  ctx: AppContext,
  organisationId: string,
  systemId: string,
): Promise<(ReportImage & { fileName: string }) | null> {
  const file = await systemTopologyImage(ctx, organisationId, systemId);
  return file
    ? {
        data: new Uint8Array(file.data),
        mediaType: file.mediaType as ReportImage['mediaType'],
        fileName: file.fileName,
      }
    : null;
}
