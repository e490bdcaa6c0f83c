import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { parseStructuredFile } from '../../app/structured-file';
import { CLI_ACTOR } from '../../app/actor';
import { exportSystems, importSystems } from '../../app/systems/file';
import { SystemsFileSchema } from '../../shared/schemas';
import { requireOrganisation } from '../../app/organisations/queries';
import { withStore } from '../context';
import { readInput } from '../io';

export function registerSystems(program: Command): void {
  const systems = program
    .command('systems')
    .description('import and export an organisation’s systems');
  systems
    .command('import')
    .description('import systems with grading, reviews, filings and assessments (all or nothing)')
    .argument('[file]', 'systems file (dengbao.systems.v1, JSON or YAML); - or omitted for stdin')
    .requiredOption('--org <id>', 'organisation id (see `dengbao orgs list`)')
    .action(async (file: string | undefined, opts: { org: string }) => {
      const input = readInput(file);
      const parsed = parseStructuredFile(input.text, SystemsFileSchema, input.name);
      const { created } = await withStore(async (ctx) => {
        await requireOrganisation(ctx, opts.org);
        return importSystems(ctx, CLI_ACTOR, opts.org, parsed);
      });
      process.stdout.write(`imported ${created} system(s)\n`);
    });
  systems
    .command('export')
    .description('export systems in the import format')
    .requiredOption('--org <id>', 'organisation id')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('--yaml', 'write YAML instead of JSON')
    .action(async (opts: { org: string; output?: string; yaml?: boolean }) => {
      const file = await withStore(async (ctx) => {
        await requireOrganisation(ctx, opts.org);
        return exportSystems(ctx, opts.org);
      });
      const text = opts.yaml ? stringify(file) : `${JSON.stringify(file, null, 2)}\n`;
      if (opts.output) writeFileSync(opts.output, text);
      else process.stdout.write(text);
    });
}
