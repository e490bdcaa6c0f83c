/** Reads of the processing register: profile, activities, batches. */
import {
  getActivityRow,
  getProfileRow,
  listActivityRows,
  listBatchRows,
} from '../../store/repositories/privacy.repository';
import { inScope, type OrgScope } from '../access';
import type { AppContext } from '../context';
import {
  presentActivity,
  presentBatch,
  presentProfile,
  type ActivityView,
  type RegisterProfileView,
  type TransferBatchView,
} from './model';

export async function registerProfileQuery(
  ctx: AppContext,
  within: OrgScope,
): Promise<RegisterProfileView> {
  const { organisationId } = inScope(within);
  return presentProfile(ctx.cipher, await getProfileRow(ctx.store.db, organisationId));
}

export async function activitiesQuery(ctx: AppContext, within: OrgScope): Promise<ActivityView[]> {
  const { organisationId } = inScope(within);
  const rows = await listActivityRows(ctx.store.db, organisationId);
  return rows.map((r) => presentActivity(ctx.cipher, r));
}

export async function activityQuery(
  ctx: AppContext,
  within: OrgScope,
  activityId: string,
): Promise<ActivityView> {
  const { organisationId } = inScope(within);
  return presentActivity(
    ctx.cipher,
    await getActivityRow(ctx.store.db, organisationId, activityId),
  );
}

export async function batchesQuery(
  ctx: AppContext,
  within: OrgScope,
  activityId: string,
): Promise<TransferBatchView[]> {
  const { organisationId } = inScope(within);
  await getActivityRow(ctx.store.db, organisationId, activityId);
  return (await listBatchRows(ctx.store.db, organisationId, activityId)).map(presentBatch);
}
