import { readFileSync, writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { CLI_ACTOR } from '../../app/actor';
import { addTestObjectCommand, createAssessmentCommand } from '../../app/assessment/commands';
import { exportWorkbook, importWorkbook } from '../../app/assessment-excel';
import {
  assessmentQuery,
  assessmentSummaryQuery,
  assessmentsQuery,
  findingsQuery,
  scoreQuery,
} from '../../app/assessment/queries';
import { beijingToday } from '../../app/clock';
import type { AppContext } from '../../app/context';
import { requireOrganisation } from '../../app/organisations/queries';
import { systemIdsNamed } from '../../app/systems/queries';
import {
  ITEM_RESULT_ZH,
  RISK_LEVEL_ZH,
  TEST_OBJECT_KINDS,
  type TestObjectKind,
} from '../../domain/mlps/assessment/types';
import type { ScoreResultDto } from '../../shared/api-types';
import { IsoDateSchema } from '../../shared/schemas';
import { withStore } from '../context';
import { registerObjectCommands } from './assessment-objects';
import { registerCompensationCommands } from './assessment-compensations';
import { formatTable, UsageError } from '../io';
import {
  collectKind,
  practitionerImportAction,
  type PractitionerCliOptions,
} from './assessment-practitioner';

export function registerAssessment(program: Command): void {
  const assessment = program
    .command('assessment')
    .description('level assessments (等级测评): create, Excel export/import, score, findings');

  registerObjectCommands(assessment);
  registerCompensationCommands(assessment);

  assessment
    .command('list')
    .description('assessments of an organisation (or one system)')
    .requiredOption('--org <id>', 'organisation id')
    .option('--system <id>', 'only this system')
    .option('--json', 'print as JSON')
    .action(async (opts: { org: string; system?: string; json?: boolean }) => {
      const { items } = await withStore(async (ctx) => {
        await requireOrganisation(ctx, opts.org);
        return assessmentsQuery(ctx, opts.org, { systemId: opts.system });
      });
      if (opts.json) return print(JSON.stringify({ items, total: items.length }, null, 2));
      print(
        formatTable(
          ['id', '定级对象', '测评', '等级', '报告日期', '状态'],
          items.map((a) => [
            a.id,
            a.systemName,
            a.title,
            `第${a.level}级`,
            a.reportDate ?? '—',
            a.status,
          ]),
        ),
      );
    });

  assessment
    .command('create')
    .description(
      'start an assessment of a graded system (its baseline is fixed now); add test objects',
    )
    .requiredOption('--org <id>', 'organisation id')
    .requiredOption('--system <id|name>', 'system id, or its exact name')
    .requiredOption('--title <text>', 'e.g. 2026年度等级测评')
    .option('--agency <name>', 'assessing agency')
    .option('--report-number <text>', 'report number')
    .option('--report-date <date>', 'report (cover) date YYYY-MM-DD; chooses the scoring policy')
    .option(
      '--from-previous [assessment]',
      "start from the system's latest assessment (or the one given): copy its test objects, show its results and findings",
    )
    .option(
      '--object <name:kind>',
      `a test object, repeatable; kind one of ${TEST_OBJECT_KINDS.join(', ')}`,
      (value: string, list: string[]) => [...list, value],
      [] as string[],
    )
    .option('--json', 'print as JSON')
    .action(
      async (opts: {
        org: string;
        system: string;
        title: string;
        agency?: string;
        reportNumber?: string;
        reportDate?: string;
        object: string[];
        fromPrevious?: string | boolean;
        json?: boolean;
      }) => {
        if (opts.reportDate !== undefined && !IsoDateSchema.safeParse(opts.reportDate).success) {
          throw new UsageError(
            `--report-date must be a real date YYYY-MM-DD, got "${opts.reportDate}"`,
          );
        }
        const objects = opts.object.map((spec) => {
          const at = spec.lastIndexOf(':');
          const name = spec.slice(0, at).trim();
          const kind = spec.slice(at + 1).trim();
          if (at <= 0 || !name || !(TEST_OBJECT_KINDS as readonly string[]).includes(kind)) {
            throw new UsageError(
              `--object "${spec}": write name:kind with kind one of ${TEST_OBJECT_KINDS.join(', ')}`,
            );
          }
          return { name, kind: kind as TestObjectKind };
        });
        const result = await withStore(async (ctx) => {
          await requireOrganisation(ctx, opts.org);
          const systemId = await resolveSystem(ctx, opts.org, opts.system);
          const row = await createAssessmentCommand(ctx, CLI_ACTOR, opts.org, systemId, {
            title: opts.title,
            agency: opts.agency ?? null,
            reportNumber: opts.reportNumber ?? null,
            reportDate: opts.reportDate ?? null,
            previousAssessmentId: typeof opts.fromPrevious === 'string' ? opts.fromPrevious : null,
            startFromPrevious: opts.fromPrevious === true,
          });
          const copied = row.previous_assessment_id
            ? (await assessmentQuery(ctx, opts.org, row.id)).objects.length
            : 0;
          for (const o of objects) await addTestObjectCommand(ctx, CLI_ACTOR, opts.org, row.id, o);
          return { ...(await assessmentSummaryQuery(ctx, opts.org, row.id)), copied };
        });
        if (opts.json) return print(JSON.stringify(result, null, 2));
        print(
          `created assessment ${result.id}: ${result.systemName} 第${result.level}级, ${result.requirementCount} requirements, ${objects.length + result.copied} test object(s)${result.copied > 0 ? ` (${result.copied} copied from the previous assessment)` : ''}`,
        );
      },
    );

  assessment
    .command('export')
    .description('write the workbook as .xlsx (one sheet per test object)')
    .requiredOption('--org <id>', 'organisation id')
    .requiredOption('--id <assessment>', 'assessment id')
    .requiredOption('-o, --output <file>', 'the .xlsx file to write')
    .option('--guidance', 'add 测评步骤 / 预期结果 / 判定依据 columns (level-3 test guidance)')
    .action(async (opts: { org: string; id: string; output: string; guidance?: boolean }) => {
      const buffer = await withStore((ctx) =>
        exportWorkbook(ctx, opts.org, opts.id, { guidance: opts.guidance === true }),
      );
      writeFileSync(opts.output, buffer);
      print(`wrote ${opts.output} (${buffer.length} bytes)`);
    });

  assessment
    .command('import')
    .description('import a filled workbook: all or nothing; every problem by sheet, row and column')
    .requiredOption('--org <id>', 'organisation id')
    .requiredOption('--id <assessment>', 'assessment id')
    .argument('<file>', 'the .xlsx file')
    .option('--json', 'print the report as JSON')
    .addOption(
      new Option(
        '--layout <layout>',
        'dengbao: a workbook exported by dengbao; auto: an assessor’s own workbook (one sheet per test object)',
      )
        .choices(['dengbao', 'auto'])
        .default('dengbao'),
    )
    .option('--dry-run', 'layout auto: preview per sheet, write nothing')
    .option('--skip-unmatched', 'layout auto: leave out rows that match no requirement')
    .option(
      '--kind <sheet=kind>',
      'layout auto: the kind of the object a sheet becomes (repeatable), e.g. "核心交换机=network_device"',
      collectKind,
      [],
    )
    .action(async (file: string, opts: PractitionerCliOptions & { layout: string }) => {
      let buffer: Buffer;
      try {
        buffer = readFileSync(file);
      } catch (error) {
        throw new UsageError(
          `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
        );
      }
      if (opts.layout === 'auto') {
        return print(await withStore((ctx) => practitionerImportAction(ctx, file, buffer, opts)));
      }
      const report = await withStore((ctx) =>
        importWorkbook(ctx, CLI_ACTOR, opts.org, opts.id, buffer),
      );
      if (opts.json) return print(JSON.stringify(report, null, 2));
      print(
        `imported ${file}: ${report.rows} row(s) — ${report.created} new, ${report.updated} changed, ${report.unchanged} unchanged, ${report.skipped} blank; ${report.findingNotes} finding note(s) updated`,
      );
    });

  assessment
    .command('score')
    .description('compliance rate / score and conclusion, before and after rectification')
    .requiredOption('--org <id>', 'organisation id')
    .requiredOption('--id <assessment>', 'assessment id')
    .option('--as-of <date>', 'stands in for the report date when none is set (default: today)')
    .option('--json', 'print as JSON')
    .action(async (opts: { org: string; id: string; asOf?: string; json?: boolean }) => {
      if (opts.asOf !== undefined && !IsoDateSchema.safeParse(opts.asOf).success) {
        throw new UsageError(`--as-of must be a real date YYYY-MM-DD, got "${opts.asOf}"`);
      }
      const score = await withStore((ctx) =>
        scoreQuery(ctx, opts.org, opts.id, opts.asOf ?? beijingToday(ctx.clock)),
      );
      if (opts.json) return print(JSON.stringify(score, null, 2));
      print(
        `报告日期 ${score.reportDate}，${score.before.policy === 'T2025' ? '2025版报告模板（符合率）' : '2021版报告模板（综合得分）'}`,
      );
      print(
        formatTable(
          ['', '整改前', '整改后'],
          [
            [
              score.before.policy === 'T2025' ? '符合率' : '综合得分',
              figure(score.before),
              figure(score.after),
            ],
            ['结论', score.before.conclusionZh, score.after.conclusionZh],
            ['高/中/低风险（未关闭）', risks(score.before), risks(score.after)],
            ['重大风险隐患', score.before.majorRiskLabel, score.after.majorRiskLabel],
            ['符合/部分/不符合/不适用/未填', counts(score.before), counts(score.after)],
          ],
        ),
      );
      print(`整改前：${score.before.headline.zh}；整改后：${score.after.headline.zh}`);
      for (const r of score.after.reasons) print(`· ${r.zh}`);
      if (score.before.onBoundary || score.after.onBoundary) {
        print('注意：符合率恰好落在 90% / 60% 边界上，取决于边界口径（inclusiveBoundaries）。');
      }
      print(`计算口径: ${JSON.stringify(score.before.params)}`);
    });

  assessment
    .command('findings')
    .description('findings with suggested and confirmed risk levels')
    .requiredOption('--org <id>', 'organisation id')
    .requiredOption('--id <assessment>', 'assessment id')
    .option('--json', 'print as JSON')
    .action(async (opts: { org: string; id: string; json?: boolean }) => {
      const items = await withStore((ctx) => findingsQuery(ctx, opts.org, opts.id));
      if (opts.json) return print(JSON.stringify({ items, total: items.length }, null, 2));
      print(
        formatTable(
          ['条款', '要求项', '结果', '对象', '建议风险', '确认风险', '整改'],
          items.map((f) => [
            f.clause,
            f.title.zh,
            ITEM_RESULT_ZH[f.result],
            `${f.objects
              .filter((o) => o.result === 'non_compliant' || o.result === 'partial')
              .map((o) => `${o.name}（${ITEM_RESULT_ZH[o.result!]}）`)
              .join('、')}（${f.failingObjectCount}/${f.objects.length}）`,
            `${RISK_LEVEL_ZH[f.suggested.risk]}${f.suggested.caseId ? `（${f.suggested.caseId}）` : ''}`,
            f.risk ? RISK_LEVEL_ZH[f.risk] : '—',
            f.rectification?.status ?? '—',
          ]),
        ),
      );
      print(`\n共 ${items.length} 个问题`);
    });
}

/** A system id, or the id of the one system with exactly this name. */
async function resolveSystem(
  ctx: AppContext,
  organisationId: string,
  value: string,
): Promise<string> {
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) return value;
  const rows = await systemIdsNamed(ctx, organisationId, value);
  if (rows.length === 1) return rows[0]!;
  throw new UsageError(
    rows.length === 0
      ? `--system: no system named "${value}" in this organisation`
      : `--system: ${rows.length} systems are named "${value}"; give the id`,
  );
}

function figure(score: ScoreResultDto): string {
  return score.policy === 'T2025' ? `${score.value}%` : String(score.value);
}

function risks(score: ScoreResultDto): string {
  return `${score.risks.high.open}/${score.risks.medium.open}/${score.risks.low.open}`;
}

function counts(score: ScoreResultDto): string {
  const c = score.counts;
  return `${c.compliant}/${c.partial}/${c.nonCompliant}/${c.notApplicable}/${c.unanswered}`;
}

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}
