import type { Command } from 'commander';
import { accountByUsernameQuery } from '../../app/accounts/queries';
import { CLI_ACTOR } from '../../app/actor';
import { allOrganisationsQuery } from '../../app/organisations/queries';
import { createOrganisationCommand } from '../../app/organisations/commands';
import { detailsFromZodIssues, ValidationError } from '../../errors';
import { OrganisationInputSchema } from '../../shared/schemas';
import { withStore } from '../context';
import { formatTable } from '../io';

export function registerOrgs(program: Command): void {
  const orgs = program.command('orgs').description('organisations (network operators)');
  orgs
    .command('list')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const rows = await withStore((ctx) => allOrganisationsQuery(ctx));
      if (opts.json) {
        process.stdout.write(
          `${JSON.stringify(
            rows.map((r) => ({ id: r.id, name: r.name })),
            null,
            2,
          )}\n`,
        );
      } else {
        process.stdout.write(
          `${formatTable(
            ['id', '名称'],
            rows.map((r) => [r.id, r.name]),
          )}\n`,
        );
      }
    });
  orgs
    .command('create')
    .description('create an organisation; prints its id')
    .requiredOption('--name <name>', 'organisation name, e.g. 某市第一人民医院')
    .option('--owner <username>', 'an existing account that becomes the organisation’s owner')
    .option('--credit-code <code>', 'unified social credit code (18 characters)')
    .option('--region <region>', 'region, e.g. 浙江省杭州市')
    .action(
      async (opts: { name: string; owner?: string; creditCode?: string; region?: string }) => {
        const parsed = OrganisationInputSchema.safeParse({
          name: opts.name,
          creditCode: opts.creditCode,
          region: opts.region,
        });
        if (!parsed.success)
          throw new ValidationError(
            'invalid organisation',
            detailsFromZodIssues(parsed.error.issues),
          );
        const row = await withStore(async (ctx) => {
          let ownerId: string | null = null;
          if (opts.owner) {
            const owner = await accountByUsernameQuery(ctx, opts.owner);
            if (!owner)
              throw new ValidationError('unknown owner', [
                { path: '--owner', message: `no account "${opts.owner}"` },
              ]);
            ownerId = owner.id;
          }
          return createOrganisationCommand(ctx, CLI_ACTOR, parsed.data, ownerId);
        });
        process.stdout.write(`${row.id}\n`);
      },
    );
}
