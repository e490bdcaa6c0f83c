import { allOrganisationsQuery, requireOrganisation } from '../app/organisations/queries';
import type { AppContext } from '../app/context';
import { UsageError } from './io';

/** `--org`, checked; without it the only organisation there is. */
export async function organisationArgument(
  ctx: AppContext,
  org: string | undefined,
): Promise<string> {
  if (org !== undefined) {
    await requireOrganisation(ctx, org);
    return org;
  }
  const all = await allOrganisationsQuery(ctx);
  if (all.length === 1) return (all[0] as { id: string }).id;
  throw new UsageError(
    all.length === 0
      ? 'there is no organisation yet (dengbao orgs create)'
      : `there are ${all.length} organisations; name one with --org <id> (dengbao orgs list)`,
  );
}
