import { writeFileSync } from 'node:fs';
import { Argument, Option, type Command } from 'commander';
import { buildCiiBoundaryReportFor, resolveCoreBusinessId } from '../../app/cii/report';
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

/** The CII boundary determination report of a core business (--business). */
const CII_BOUNDARY = 'cii-boundary';

/** `dengbao report grading|filing|assessment|rectification|calendar|cii-boundary …`: a document as Word or PDF. */
export function registerReport(program: Command): void {
  program
    .command('report')
    .description(
      'write a document: grading (定级报告) or filing (备案表) of a system; assessment (等级测评报告) or rectification (整改方案) of an assessment; calendar (合规义务日历) of the organisation; cii-boundary (关键信息基础设施边界识别报告) of a core business',
    )
    .addArgument(new Argument('<kind>', 'which document').choices([...REPORT_KINDS, CII_BOUNDARY]))
    .requiredOption('--org <id>', 'organisation id')
    .option(
      '--id <id>',
      'system id (grading, filing) or assessment id (assessment, rectification); not for calendar',
    )
    .option('--business <name|id>', 'core business id or exact name (cii-boundary only)')
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
    .option('--out <file>', 'same as --output')
    .action(
      async (
        kind: ReportKind | typeof CII_BOUNDARY,
        opts: {
          org: string;
          id?: string;
          business?: string;
          out?: string;
          format?: ReportFormat;
          lang: Lang;
          asOf?: string;
          output?: string;
        },
      ) => {
        if (opts.asOf !== undefined && !IsoDateSchema.safeParse(opts.asOf).success) {
          throw new UsageError(`--as-of must be a real date YYYY-MM-DD, got "${opts.asOf}"`);
        }
        if (opts.out !== undefined) {
          if (opts.output !== undefined && opts.output !== opts.out) {
            throw new UsageError('give the file once: --out or --output');
          }
          opts.output = opts.out;
        }
        if (kind === CII_BOUNDARY && opts.business === undefined) {
          throw new UsageError('--business is required for cii-boundary');
        }
        if (kind !== CII_BOUNDARY && opts.business !== undefined) {
          throw new UsageError('--business is only for cii-boundary');
        }
        if (kind !== 'calendar' && kind !== CII_BOUNDARY && opts.id === undefined) {
          throw new UsageError(`--id is required for ${kind}`);
        }
        const fromName = opts.output?.toLowerCase().match(/\.(docx|pdf)$/)?.[1] as
          ReportFormat | undefined;
        const format = opts.format ?? fromName ?? 'docx';
        if (opts.format && fromName && opts.format !== fromName) {
          throw new UsageError(
            `--format ${opts.format} does not match the file name ${opts.output}`,
          );
        }
        const { doc, buffer } = await withStore(async (ctx) => {
          const asOf = opts.asOf ?? beijingToday(ctx.clock);
          const doc =
            kind === CII_BOUNDARY
              ? await buildCiiBoundaryReportFor(
                  ctx,
                  opts.org,
                  await resolveCoreBusinessId(ctx, opts.org, opts.business as string),
                  opts.lang,
                  asOf,
                )
              : await buildReport(
                  ctx,
                  opts.org,
                  kind,
                  kind === 'calendar' ? opts.org : (opts.id as string),
                  opts.lang,
                  asOf,
                );
          return { doc, buffer: await renderReport(doc, format) };
        });
        const output = opts.output ?? reportFileName(doc, format);
        writeFileSync(output, buffer);
        process.stdout.write(`wrote ${output} (${buffer.length} bytes)\n`);
      },
    );
}
