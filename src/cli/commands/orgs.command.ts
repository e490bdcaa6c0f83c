import type { Command } from 'commander';
import { OrganisationInputSchema } from '../../shared/schemas';
import {
  createOrganisation,
  listOrganisations,
} from '../../store/repositories/organisations.repository';
import { ValidationError, detailsFromZodIssues } from '../../errors';
import { withStore } from '../context';
import { formatTable } from '../io';

export function registerOrgs(program: Command): void {
  const orgs = program.command('orgs').description('organisations (network operators)');
  orgs
    .command('list')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const rows = await withStore((ctx) => listOrganisations(ctx.store.db));
      if (opts.json)
        process.stdout.write(
          `${JSON.stringify(
            rows.map((r) => ({ id: r.id, name: r.name })),
            null,
            2,
          )}\n`,
        );
      else
        process.stdout.write(
          `${formatTable(
            ['id', '名称'],
            rows.map((r) => [r.id, r.name]),
          )}\n`,
        );
    });
  orgs
    .command('create')
    .requiredOption('--name <name>', 'organisation name, e.g. 某市第一人民医院')
    .option('--credit-code <code>', 'unified social credit code (18 characters)')
    .option('--region <region>', 'region, e.g. 浙江省杭州市')
    .action(async (opts: { name: string; creditCode?: string; region?: string }) => {
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
      const row = await withStore((ctx) =>
        createOrganisation(ctx.store.db, parsed.data, ctx.clock.now().toISOString()),
      );
      process.stdout.write(`${row.id}\n`);
    });
}
