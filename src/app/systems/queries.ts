import type { SystemListQuery } from '../../store/repositories/systems.repository';
import { listSystems } from '../../store/repositories/systems.repository';
import { latestFilings } from '../../store/repositories/records.repository';
import type { SystemDto, SystemSummaryDto } from '../../shared/api-types';
import { inScope, type OrgScope } from '../access';
import type { AppContext } from '../context';
import { presentSystem, presentSystemSummary } from '../presenters';

export type SystemsListQuery = Omit<SystemListQuery, 'onlyIds'>;

/** The systems the caller may see (assessors: assigned ones, filtered in SQL), one page. */
export async function systemsQuery(
  ctx: AppContext,
  within: OrgScope,
  query: SystemsListQuery,
): Promise<{ items: SystemSummaryDto[]; total: number }> {
  const { organisationId, systemIds } = inScope(within);
  const db = ctx.store.db;
  const { rows, total } = await listSystems(db, organisationId, { ...query, onlyIds: systemIds });
  const filings = await latestFilings(
    db,
    organisationId,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => presentSystemSummary(r, filings.get(r.id))), total };
}

/** A system row as the API shows it, with its latest filing. */
export async function presentSystemWithFiling(
  ctx: AppContext,
  within: OrgScope,
  row: Parameters<typeof presentSystem>[0],
): Promise<SystemDto> {
  const { organisationId } = inScope(within);
  const filings = await latestFilings(ctx.store.db, organisationId, [row.id]);
  return presentSystem(row, filings.get(row.id));
}
