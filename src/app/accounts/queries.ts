import { findUserByUsername } from '../../store/repositories/accounts.repository';
import type { AppContext } from '../context';
import { signInStates } from '../identity';

/** The account of a user name, or undefined (CLI: `--owner`, `--username`). */
export async function accountByUsernameQuery(
  ctx: Pick<AppContext, 'store'>,
  username: string,
): Promise<{ id: string; username: string } | undefined> {
  const user = await findUserByUsername(ctx.store.db, username);
  return user ? { id: user.id, username: user.username } : undefined;
}

/** Every local account with where its sign-ins stand (CLI `users list`: platform operators). */
export async function accountsQuery(ctx: AppContext) {
  const rows = await ctx.store.db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'is_platform_admin', 'disabled'])
    .orderBy('username')
    .execute();
  return {
    rows,
    states: await signInStates(
      ctx,
      rows.map((r) => r.username),
    ),
  };
}
