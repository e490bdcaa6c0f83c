/**
 * The obligations use cases (src/app/obligations.ts) within the caller's access scope: assessors
 * see and mark the obligations of their assigned systems only.
 */
import type { ObligationsDto } from '../shared/api-types';
import type { ObligationStatusInput } from '../shared/schemas';
import { inScope, scopedSystemSet, type OrgScope } from './access';
import type { Actor } from './actor';
import type { AppContext } from './context';
import { clearObligationStatus, listObligations, setObligationStatus } from './obligations';

/** Every obligation on `asOf` of the systems the caller may see (optionally one system). */
export function obligationsQuery(
  ctx: AppContext,
  within: OrgScope,
  asOf: string,
  filter: { readonly systemId?: string | undefined } = {},
): Promise<ObligationsDto> {
  const { organisationId, scope } = inScope(within);
  return listObligations(ctx, organisationId, asOf, {
    systemId: filter.systemId,
    onlyIds: scopedSystemSet(scope),
  });
}

/** Marks an obligation done or not applicable (its system must be visible to the caller). */
export function setObligationStatusCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  key: string,
  status: ObligationStatusInput,
  asOf: string,
) {
  const { organisationId, scope } = inScope(within);
  return setObligationStatus(ctx, actor, organisationId, key, status, asOf, {
    onlyIds: scopedSystemSet(scope),
  });
}

/** Clears a manual obligation status (its system must be visible to the caller). */
export function clearObligationStatusCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  key: string,
) {
  const { organisationId, scope } = inScope(within);
  return clearObligationStatus(ctx, actor, organisationId, key, {
    onlyIds: scopedSystemSet(scope),
  });
}
