import type { ApiTokenRow } from '../../store/schema';
import type { AccessScope } from '../access';
import type { AppContext } from '../context';
import { listApiTokensWithState } from '../identity';

/** An API token as the API shows it (the secret is never shown again). */
export const presentApiToken = (
  t: ApiTokenRow,
  state?: { createdBy: string | null; suspended: boolean },
) => ({
  id: t.id,
  name: t.name,
  role: t.role,
  createdAt: t.created_at,
  expiresAt: t.expires_at,
  lastUsedAt: t.last_used_at,
  revokedAt: t.revoked_at,
  // True when the creator has left or may no longer create this role: the token answers 401.
  suspended: state?.suspended ?? false,
  createdBy: state?.createdBy ?? null,
});

/** The tokens of the scope's organisation, each with its creator and standing. */
export async function tokensQuery(ctx: AppContext, scope: AccessScope) {
  const items = (await listApiTokensWithState(ctx, scope.organisationId)).map((t) =>
    presentApiToken(t.row, t),
  );
  return { items, total: items.length };
}
