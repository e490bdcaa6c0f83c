import { writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { dataRiskReport } from '../../app/documents/data-risk-report';
import { listRiskAssessmentsQuery } from '../../app/data-security/risk/queries';
import { REPORT_FORMATS, REPORT_LANGS, reportFileName, type ReportFormat } from '../../app/reports';
import type { Lang } from '../../reports/model';
import { STATUS } from '../../reports/documents/data-risk-report/labels';
import { withStore } from '../context';
import { formatTable, UsageError } from '../io';
import { organisationArgument } from '../organisation-argument';

const print = (text: string): void => {
  process.stdout.write(`${text}\n`);
};

/**
 * `dengbao data-risk list|report`: the organisation's annual data-security risk assessments
 * (NDS Regulations Art. 33) and the report of one as Word or PDF.
 */
export function registerDataRisk(program: Command): void {
  const cmd = program
    .command('data-risk')
    .description(
      'annual data-security risk assessments (数据安全风险评估, NDS Regulations Art. 33): list them, write the report',
    );

  cmd
    .command('list')
    .description('the risk assessments of an organisation, newest year first, with their risks')
    .option('--org <id>', 'organisation id (default: the only one)')
    .option('--json', 'print as JSON')
    .action(async (opts: { org?: string; json?: boolean }) => {
      const result = await withStore(async (ctx) =>
        listRiskAssessmentsQuery(ctx, await organisationArgument(ctx, opts.org)),
      );
      if (opts.json) return print(JSON.stringify(result, null, 2));
      if (result.total === 0) return print('（无风险评估 no risk assessment）');
      print(
        formatTable(
          ['年度', '名称', '状态', '完成日期', '报送日期', '风险', '未关闭', '逾期', '标识'],
          result.items.map((a) => [
            String(a.year),
            a.title,
            STATUS[a.status].zh,
            a.completedOn ?? '—',
            a.reportedOn ?? '—',
            String(a.risks.total),
            String(a.risks.open),
            String(a.overdueRisks),
            a.id,
          ]),
        ),
      );
    });

  cmd
    .command('report')
    .description('write the risk assessment report (数据安全风险评估报告) as Word or PDF')
    .option('--org <id>', 'organisation id (default: the only one)')
    .requiredOption('--id <assessment>', 'risk assessment id (dengbao data-risk list)')
    .addOption(
      new Option('--format <format>', 'docx or pdf (default: from --out, else docx)').choices(
        REPORT_FORMATS,
      ),
    )
    .addOption(new Option('--lang <lang>', 'document language').choices(REPORT_LANGS).default('zh'))
    .option('--out <file>', 'the file to write (default: the document title in this directory)')
    .action(
      async (opts: {
        org?: string;
        id: string;
        format?: ReportFormat;
        lang: Lang;
        out?: string;
      }) => {
        const fromName = opts.out?.toLowerCase().match(/\.(docx|pdf)$/)?.[1] as
          ReportFormat | undefined;
        if (opts.format && fromName && opts.format !== fromName)
          throw new UsageError(`--format ${opts.format} does not match the file name ${opts.out}`);
        const format = opts.format ?? fromName ?? 'docx';
        const { doc, buffer } = await withStore(async (ctx) =>
          dataRiskReport(
            ctx,
            await organisationArgument(ctx, opts.org),
            opts.id,
            format,
            opts.lang,
          ),
        );
        const output = opts.out ?? reportFileName(doc, format);
        writeFileSync(output, buffer);
        print(`wrote ${output} (${buffer.length} bytes)`);
      },
    );
}
