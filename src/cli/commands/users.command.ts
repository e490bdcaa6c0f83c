import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { CLI_ACTOR } from '../../app/actor';
import { accountByUsernameQuery, accountsQuery } from '../../app/accounts/queries';
import { createUser, unlockUser } from '../../app/identity';
import { ValidationError } from '../../errors';
import { withStore } from '../context';
import { formatTable, UsageError } from '../io';

/** Reads a password from DENGBAO_ADMIN_PASSWORD or the first line of stdin (never from argv). */
function readPassword(): string {
  const fromEnv = process.env.DENGBAO_ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) {
    throw new UsageError(
      'give the password on stdin (e.g. `read -rs P; echo "$P" | dengbao users create-admin …`) or in DENGBAO_ADMIN_PASSWORD',
    );
  }
  const line = readFileSync(0, 'utf8').split(/\r?\n/)[0] ?? '';
  if (!line) throw new UsageError('no password on stdin');
  return line;
}

export function registerUsers(program: Command): void {
  const users = program.command('users').description('local accounts');
  users
    .command('create-admin')
    .description(
      'create a platform administrator (may create organisations); there is no default account',
    )
    .requiredOption('--username <name>', 'user name (3–100 letters, digits, . _ @ -)')
    .option('--display-name <name>', 'name shown in the UI and the audit log')
    .action(async (opts: { username: string; displayName?: string }) => {
      const password = readPassword();
      const user = await withStore((ctx) =>
        createUser(ctx, CLI_ACTOR, {
          username: opts.username,
          displayName: opts.displayName ?? opts.username,
          password,
          isPlatformAdmin: true,
          mustChangePassword: false,
        }),
      );
      process.stdout.write(`created platform administrator ${user.username} (${user.id})\n`);
    });
  users.command('list').action(async () => {
    const { rows, states } = await withStore((ctx) => accountsQuery(ctx));
    process.stdout.write(
      `${formatTable(
        ['user name', 'name', 'admin', 'failed sign-ins', 'an address blocked until', 'disabled'],
        rows.map((r) => [
          r.username,
          r.display_name,
          r.is_platform_admin ? 'yes' : '',
          String(states.get(r.username)?.failedSignIns ?? 0),
          states.get(r.username)?.lockedUntil ?? '',
          r.disabled ? 'yes' : '',
        ]),
      )}\n`,
    );
  });
  users
    .command('unlock')
    .description('clear the failed sign-ins and every blocked address of an account')
    .requiredOption('--username <name>')
    .action(async (opts: { username: string }) => {
      await withStore(async (ctx) => {
        const user = await accountByUsernameQuery(ctx, opts.username);
        if (!user)
          throw new ValidationError('unknown user', [
            { path: '--username', message: `no account "${opts.username}"` },
          ]);
        await unlockUser(ctx, CLI_ACTOR, user.id);
      });
      process.stdout.write(`unlocked ${opts.username}\n`);
    });
}
