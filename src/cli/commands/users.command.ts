import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { CLI_ACTOR, audited } from '../../app/actor';
import { createUser } from '../../app/identity';
import { ValidationError } from '../../errors';
import {
  findUserByUsername,
  updateUserColumns,
} from '../../store/repositories/accounts.repository';
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
    const rows = await withStore((ctx) =>
      ctx.store.db
        .selectFrom('users')
        .select(['id', 'username', 'display_name', 'is_platform_admin', 'locked_until', 'disabled'])
        .orderBy('username')
        .execute(),
    );
    process.stdout.write(
      `${formatTable(
        ['user name', 'name', 'admin', 'locked until', 'disabled'],
        rows.map((r) => [
          r.username,
          r.display_name,
          r.is_platform_admin ? 'yes' : '',
          r.locked_until ?? '',
          r.disabled ? 'yes' : '',
        ]),
      )}\n`,
    );
  });
  users
    .command('unlock')
    .description('clear a lockout after failed sign-ins')
    .requiredOption('--username <name>')
    .action(async (opts: { username: string }) => {
      await withStore(async (ctx) => {
        const user = await findUserByUsername(ctx.store.db, opts.username);
        if (!user)
          throw new ValidationError('unknown user', [
            { path: '--username', message: `no account "${opts.username}"` },
          ]);
        await audited(ctx, CLI_ACTOR, async (trx, audit, now) => {
          await updateUserColumns(trx, user.id, { locked_until: null, failed_sign_ins: 0 }, now);
          await audit({
            organisationId: '',
            action: 'user.unlock',
            entityType: 'user',
            entityId: user.id,
            changes: { locked_until: { before: user.locked_until, after: null } },
          });
        });
      });
      process.stdout.write(`unlocked ${opts.username}\n`);
    });
}
