import { assignedSystemIds, listMembers } from '../../store/repositories/accounts.repository';
import type { AccessScope } from '../access';
import type { AppContext } from '../context';
import { signInStates } from '../identity';

/** The members of the scope's organisation, their roles, sign-in state and assigned systems. */
export async function membersQuery(ctx: AppContext, scope: AccessScope) {
  const orgId = scope.organisationId;
  const rows = await listMembers(ctx.store.db, orgId);
  const states = await signInStates(
    ctx,
    rows.map((m) => m.username),
  );
  const items = await Promise.all(
    rows.map(async (m) => ({
      ...m,
      disabled: m.disabled === 1,
      // Failed sign-ins since the member last signed in, and the latest running block of
      // an address (administrators only: members.read).
      lockedUntil: states.get(m.username)?.lockedUntil ?? null,
      failedSignIns: states.get(m.username)?.failedSignIns ?? 0,
      assignedSystemIds:
        m.role === 'assessor' ? await assignedSystemIds(ctx.store.db, orgId, m.userId) : [],
    })),
  );
  return { items, total: items.length };
}
