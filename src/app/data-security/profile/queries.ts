/** Reading the data-security profile. */
import { inScope, type OrgScope } from '../../access';
import type { AppContext } from '../../context';
import {
  getDataSecurityProfileRow,
  presentDataSecurityProfile,
  type DataSecurityProfileView,
} from './model';

export async function dataSecurityProfileQuery(
  ctx: AppContext,
  within: OrgScope,
): Promise<DataSecurityProfileView> {
  const { organisationId } = inScope(within);
  return presentDataSecurityProfile(
    ctx.cipher,
    await getDataSecurityProfileRow(ctx.store.db, organisationId),
  );
}
