import type { SystemListQuery } from '../../store/repositories/systems.repository';
import { listSystems } from '../../store/repositories/systems.repository';
import { latestFilings } from '../../store/repositories/records.repository';
import type { SystemDto, SystemSummaryDto } from '../../shared/api-types';
import { inScope, type OrgScope } from '../access';
import type { AppContext } from '../context';
import { presentSystem, presentSystemSummary } from '../presenters';
import { RevisionCache } from '../revision-cache';

export type SystemsListQuery = Omit<SystemListQuery, 'onlyIds'>;

type SystemsPage = { items: SystemSummaryDto[]; total: number };

// Pages as computed at the organisation's current revision (which the database bumps on every
// change to its systems or filings, from any server process): a page view repeats no query
// but the revision check until something changes. Only page-sized answers are kept (at most
// 2,000 × 200 summaries, some 120 MB): a whole-inventory export would let varied limits fill memory.
const pages = new RevisionCache<SystemsPage>(2000);
const MAX_CACHED_PAGE = 200;

/** The systems the caller may see (assessors: assigned ones, filtered in SQL), one page. */
export async function systemsQuery(
  ctx: AppContext,
  within: OrgScope,
  query: SystemsListQuery,
): Promise<SystemsPage> {
  const { organisationId, systemIds } = inScope(within);
  const key = JSON.stringify([
    query.q,
    query.level,
    query.type,
    query.sort,
    query.order,
    query.limit,
    query.offset,
    systemIds,
  ]);
  const compute = async (): Promise<SystemsPage> => {
    const db = ctx.store.db;
    const { rows, total } = await listSystems(db, organisationId, { ...query, onlyIds: systemIds });
    const filings = await latestFilings(
      db,
      organisationId,
      rows.map((r) => r.id),
    );
    return { items: rows.map((r) => presentSystemSummary(r, filings.get(r.id))), total };
  };
  if ((query.limit ?? 50) > MAX_CACHED_PAGE) return compute();
  return pages.get(ctx.store, organisationId, key, compute);
}

/** A system row as the API shows it, with its latest filing. */
export async function presentSystemWithFiling(
  ctx: AppContext,
  within: OrgScope,
  row: Parameters<typeof presentSystem>[0],
): Promise<SystemDto> {
  const { organisationId } = inScope(within);
  const filings = await latestFilings(ctx.store.db, organisationId, [row.id]);
  return presentSystem(row, filings.get(row.id), ctx.cipher);
}

/** The ids of the organisation's systems with exactly this name (CLI: `--system <name>`). */
export async function systemIdsNamed(
  ctx: Pick<AppContext, 'store'>,
  within: OrgScope,
  name: string,
): Promise<string[]> {
  const { organisationId, systemIds } = inScope(within);
  if (systemIds?.length === 0) return [];
  const rows = await ctx.store.db
    .selectFrom('systems')
    .select(['id'])
    .where('organisation_id', '=', organisationId)
    .where('name', '=', name)
    .$if(systemIds !== undefined, (q) => q.where('id', 'in', [...(systemIds ?? [])]))
    .execute();
  return rows.map((r) => r.id);
}
