/** Reading the provisions of important data. */
import { inScope, type OrgScope } from '../../access';
import type { AppContext } from '../../context';
import { listProvisionRows, presentProvision, type ProvisionView } from './model';

export async function provisionsQuery(ctx: AppContext, within: OrgScope): Promise<ProvisionView[]> {
  const { organisationId } = inScope(within);
  return (await listProvisionRows(ctx.store.db, organisationId)).map((r) =>
    presentProvision(ctx.cipher, r),
  );
}
