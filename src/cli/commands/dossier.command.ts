import { writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { beijingToday } from '../../app/clock';
import { buildDossier, DOSSIER_MAX_BYTES } from '../../app/dossier';
import { requireOrganisation } from '../../app/organisations/queries';
import { REPORT_LANGS } from '../../app/reports';
import type { Lang } from '../../reports/model';
import { IsoDateSchema } from '../../shared/schemas';
import { withStore } from '../context';
import { systemArgument } from '../system-argument';
import { UsageError } from '../io';

/** `dengbao dossier <system> --org <id> --out file.zip`: the filing dossier (备案材料包) as one zip. */
export function registerDossier(program: Command): void {
  program
    .command('dossier')
    .description(
      `write the filing dossier (备案材料包) of a system as one zip: 备案表, 定级报告, the latest assessment's 等级测评报告 and 整改方案 (Word and PDF), every attachment, and manifest.json / manifest.txt with SM3 digests (at most ${DOSSIER_MAX_BYTES / 1024 / 1024} MB)`,
    )
    .argument('<system>', 'system id, or the exact name of one system')
    .requiredOption('--org <id>', 'organisation id')
    .addOption(new Option('--lang <lang>', 'document language').choices(REPORT_LANGS).default('zh'))
    .option('--as-of <date>', 'cover date where the data has none (default: today)')
    .option('-o, --out <file>', 'the zip to write (default: <system>-备案材料包.zip here)')
    .action(
      async (system: string, opts: { org: string; lang: Lang; asOf?: string; out?: string }) => {
        if (opts.asOf !== undefined && !IsoDateSchema.safeParse(opts.asOf).success) {
          throw new UsageError(`--as-of must be a real date YYYY-MM-DD, got "${opts.asOf}"`);
        }
        const dossier = await withStore(async (ctx) => {
          await requireOrganisation(ctx, opts.org);
          const systemId = await systemArgument(ctx, opts.org, system);
          return buildDossier(
            ctx,
            opts.org,
            systemId,
            opts.lang,
            opts.asOf ?? beijingToday(ctx.clock),
          );
        });
        const output = opts.out ?? dossier.fileName;
        writeFileSync(output, dossier.zip);
        process.stdout.write(
          `wrote ${output} (${dossier.zip.length} bytes, ${dossier.manifest.files.length} files + manifest)\n`,
        );
        for (const f of dossier.manifest.files) {
          process.stdout.write(`  ${f.sm3}  ${f.size}  ${f.path}\n`);
        }
      },
    );
}
