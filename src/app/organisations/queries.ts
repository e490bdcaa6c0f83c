import { ROLE_PERMISSIONS, type Role } from '../../shared/roles';
import { listUserOrganisations } from '../../store/repositories/accounts.repository';
import {
  getOrganisation,
  listOrganisations,
} from '../../store/repositories/organisations.repository';
import type { AccessScope } from '../access';
import type { AppContext } from '../context';
import type { Principal } from '../identity';
import { presentOrganisation } from '../presenters';

/** The organisations a user belongs to, with the role and its permissions (session, `me`). */
export async function userOrganisationsQuery(ctx: Pick<AppContext, 'store'>, userId: string) {
  const orgs = await listUserOrganisations(ctx.store.db, userId);
  return orgs.map((o) => ({
    id: o.id,
    name: o.name,
    role: o.role,
    permissions: ROLE_PERMISSIONS[o.role as Role],
  }));
}

/** The organisations the caller belongs to (a token: its one organisation), with the caller's role. */
export async function myOrganisationsQuery(ctx: AppContext, principal: Principal | null) {
  if (principal?.kind === 'token') {
    const org = await getOrganisation(ctx.store.db, principal.organisationId);
    return { items: [presentOrganisation(org, ctx.cipher, principal.role)], total: 1 };
  }
  const mine = await listUserOrganisations(
    ctx.store.db,
    principal?.kind === 'user' ? principal.userId : '',
  );
  const items = await Promise.all(
    mine.map(async (m) =>
      presentOrganisation(await getOrganisation(ctx.store.db, m.id), ctx.cipher, m.role),
    ),
  );
  return { items, total: items.length };
}

/** The scope's organisation as the caller sees it. */
export async function organisationQuery(ctx: AppContext, scope: AccessScope) {
  return presentOrganisation(
    await getOrganisation(ctx.store.db, scope.organisationId),
    ctx.cipher,
    scope.role,
  );
}

/** The organisation's stored row; NOT_FOUND when there is none (CLI commands check `--org`). */
export async function requireOrganisation(ctx: Pick<AppContext, 'store'>, organisationId: string) {
  return getOrganisation(ctx.store.db, organisationId);
}

/** Every organisation (CLI: someone with direct access to the database). */
export async function allOrganisationsQuery(ctx: Pick<AppContext, 'store'>) {
  return listOrganisations(ctx.store.db);
}
