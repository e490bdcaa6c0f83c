import { writeFileSync } from 'node:fs';
import { Argument, Option, type Command } from 'commander';
import { beijingToday } from '../../app/clock';
import {
  buildReport,
  renderReport,
  REPORT_FORMATS,
  REPORT_KINDS,
  REPORT_LANGS,
  reportFileName,
  type ReportFormat,
  type ReportKind,
} from '../../app/reports';
import type { Lang } from '../../reports/model';
import { IsoDateSchema } from '../../shared/schemas';
import { withStore } from '../context';
import { UsageError } from '../io';

/** `dengbao report grading|filing|assessment|rectification|calendar …`: a document as Word or PDF. */
export function registerReport(program: Command): void {
  program
    .command('report')
    .description(
      'write a document: grading (定级报告) or filing (备案表) of a system; assessment (等级测评报告) or rectification (整改方案) of an assessment; calendar (合规义务日历) of the organisation',
    )
    .addArgument(new Argument('<kind>', 'which document').choices(REPORT_KINDS))
    .requiredOption('--org <id>', 'organisation id')
    .option(
      '--id <id>',
      'system id (grading, filing) or assessment id (assessment, rectification); not for calendar',
    )
    .addOption(
      new Option(
        '--format <format>',
        'docx or pdf (default: from the -o extension, else docx)',
      ).choices(REPORT_FORMATS),
    )
    .addOption(new Option('--lang <lang>', 'document language').choices(REPORT_LANGS).default('zh'))
    .option(
      '--as-of <date>',
      'cover date where the data has none; overdue items count to it; the calendar date (default: today)',
    )
    .option(
      '-o, --output <file>',
      'the file to write (default: the document title in this directory)',
    )
    .action(
      async (
        kind: ReportKind,
        opts: {
          org: string;
          id?: string;
          format?: ReportFormat;
          lang: Lang;
          asOf?: string;
          output?: string;
        },
      ) => {
        if (opts.asOf !== undefined && !IsoDateSchema.safeParse(opts.asOf).success) {
          throw new UsageError(`--as-of must be a real date YYYY-MM-DD, got "${opts.asOf}"`);
        }
        if (kind !== 'calendar' && opts.id === undefined) {
          throw new UsageError(`--id is required for ${kind}`);
        }
        const id = kind === 'calendar' ? opts.org : (opts.id as string);
        const fromName = opts.output?.toLowerCase().match(/\.(docx|pdf)$/)?.[1] as
          ReportFormat | undefined;
        const format = opts.format ?? fromName ?? 'docx';
        if (opts.format && fromName && opts.format !== fromName) {
          throw new UsageError(
            `--format ${opts.format} does not match the file name ${opts.output}`,
          );
        }
        const { doc, buffer } = await withStore(async (ctx) => {
          const doc = await buildReport(
            ctx,
            opts.org,
            kind,
            id,
            opts.lang,
            opts.asOf ?? beijingToday(ctx.clock),
          );
          return { doc, buffer: await renderReport(doc, format) };
        });
        const output = opts.output ?? reportFileName(doc, format);
        writeFileSync(output, buffer);
        process.stdout.write(`wrote ${output} (${buffer.length} bytes)\n`);
      },
    );
}
