/** Reads of the app checks, each with its flags, counts and exposure. */
import { inScope, type OrgScope } from '../../access';
import type { AppContext } from '../../context';
import { presentAppCheck, type AppCheckView } from './model';
import { getAppCheckRow, listAppCheckRows } from './repository';

export async function appChecksQuery(ctx: AppContext, within: OrgScope): Promise<AppCheckView[]> {
  const { organisationId } = inScope(within);
  return (await listAppCheckRows(ctx.store.db, organisationId)).map((r) =>
    presentAppCheck(ctx.cipher, r),
  );
}

export async function appCheckQuery(
  ctx: AppContext,
  within: OrgScope,
  checkId: string,
): Promise<AppCheckView> {
  const { organisationId } = inScope(within);
  return presentAppCheck(ctx.cipher, await getAppCheckRow(ctx.store.db, organisationId, checkId));
}
