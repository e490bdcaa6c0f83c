/**
 * `dengbao assessment compensations list|add` (整体测评: compensation records) and
 * `dengbao assessment previous-findings` (上次测评问题整改情况).
 */
import type { Command } from 'commander';
import { CLI_ACTOR } from '../../app/actor';
import { addCompensationCommand, compensationsQuery } from '../../app/assessment/compensations';
import { previousFindingsQuery } from '../../app/assessment/previous-findings';
import { assessmentQuery } from '../../app/assessment/queries';
import type { AppContext } from '../../app/context';
import { ITEM_RESULT_ZH, RISK_LEVEL_ZH } from '../../domain/mlps/assessment/types';
import { COMPENSATION_SCOPES } from '../../domain/mlps/assessment/compensation';
import { RECTIFICATION_STATUS_ZH } from '../../shared/assessment-schemas';
import { CompensationInputSchema } from '../../shared/compensation-schemas';
import { label } from '../../shared/vocabulary';
import { withStore } from '../context';
import { formatTable, UsageError } from '../io';

const resultZh = (r: string | null) =>
  r === null ? '—' : (ITEM_RESULT_ZH[r as keyof typeof ITEM_RESULT_ZH] ?? r);

export function registerCompensationCommands(assessment: Command): void {
  const compensations = assessment
    .command('compensations')
    .description(
      'overall assessment (整体测评): compensations between items, control points, layers',
    );

  compensations
    .command('list')
    .description('compensations with the results each adjusts now (before → after)')
    .requiredOption('--org <id>', 'organisation id')
    .requiredOption('--id <assessment>', 'assessment id')
    .option('--json', 'print as JSON')
    .action(async (opts: { org: string; id: string; json?: boolean }) => {
      const dto = await withStore((ctx) => compensationsQuery(ctx, opts.org, opts.id));
      if (opts.json) return print(JSON.stringify(dto, null, 2));
      print(
        formatTable(
          ['被补偿项', '对象', '范围', '补偿项', '补偿对象', '调整', '理由'],
          dto.items.map((c) => [
            c.clause,
            c.objectName ?? '全部对象',
            label('compensation_scope', c.scope, 'zh'),
            c.compensatingClause,
            c.compensatingObjectName ?? '全部对象',
            c.active
              ? c.adjustments
                  .map((a) => `${a.objectName} ${resultZh(a.original)}→${resultZh(a.adjusted)}`)
                  .join('；') || '—'
              : `未生效：${c.problems.map((p) => p.message.zh).join('；')}`,
            c.reason,
          ]),
        ),
      );
      for (const o of dto.outcomes) {
        print(`· ${o.clause}：${resultZh(o.before)} → ${resultZh(o.after)}`);
      }
      print(`\n共 ${dto.total} 条补偿记录`);
    });

  compensations
    .command('add')
    .description('record a compensation; the recorded result is kept, the adjusted one counts')
    .requiredOption('--org <id>', 'organisation id')
    .requiredOption('--id <assessment>', 'assessment id')
    .requiredOption('--requirement <id>', 'the failing item, e.g. 8.1.4.1-d')
    .requiredOption('--object <name|id|all>', 'the object whose result is adjusted, or all')
    .requiredOption('--scope <scope>', `one of ${COMPENSATION_SCOPES.join(', ')}`)
    .requiredOption('--by <id>', 'the compensating item, e.g. 8.1.4.1-d')
    .requiredOption('--by-object <name|id|all>', 'where the compensating item is 符合, or all')
    .requiredOption('--result <result>', 'adjusted result: partial or compliant')
    .requiredOption('--reason <text>', 'why the measure compensates')
    .option('--json', 'print as JSON')
    .action(
      async (opts: {
        org: string;
        id: string;
        requirement: string;
        object: string;
        scope: string;
        by: string;
        byObject: string;
        result: string;
        reason: string;
        json?: boolean;
      }) => {
        const added = await withStore(async (ctx) => {
          const objectId = await objectNamed(ctx, opts.org, opts.id, opts.object, '--object');
          const compensatingObjectId = await objectNamed(
            ctx,
            opts.org,
            opts.id,
            opts.byObject,
            '--by-object',
          );
          const parsed = CompensationInputSchema.safeParse({
            requirementId: opts.requirement,
            objectId,
            scope: opts.scope,
            compensatingRequirementId: opts.by,
            compensatingObjectId,
            adjustedResult: opts.result,
            reason: opts.reason,
          });
          if (!parsed.success) {
            const issue = parsed.error.issues[0]!;
            const flag: Record<string, string> = {
              requirementId: 'requirement',
              compensatingRequirementId: 'by',
              adjustedResult: 'result',
            };
            const field = String(issue.path[0] ?? 'input');
            throw new UsageError(`--${flag[field] ?? field}: ${issue.message}`);
          }
          const row = await addCompensationCommand(ctx, CLI_ACTOR, opts.org, opts.id, parsed.data);
          const list = await compensationsQuery(ctx, opts.org, opts.id);
          return list.items.find((c) => c.id === row.id)!;
        });
        if (opts.json) return print(JSON.stringify(added, null, 2));
        print(
          `recorded compensation ${added.id}: ${added.adjustments
            .map(
              (a) =>
                `${added.clause} ${a.objectName} ${resultZh(a.original)}→${resultZh(a.adjusted)}`,
            )
            .join('；')}`,
        );
      },
    );

  assessment
    .command('previous-findings')
    .description(
      '上次测评问题整改情况: last assessment’s findings, their rectification and the result now',
    )
    .requiredOption('--org <id>', 'organisation id')
    .requiredOption('--id <assessment>', 'assessment id (the new one)')
    .option('--json', 'print as JSON')
    .action(async (opts: { org: string; id: string; json?: boolean }) => {
      const dto = await withStore((ctx) => previousFindingsQuery(ctx, opts.org, opts.id));
      if (opts.json) return print(JSON.stringify(dto, null, 2));
      if (!dto.previous) return print('本次测评不是从上次测评开始的（无上次测评问题）');
      print(`上次测评：${dto.previous.title}（${dto.previous.reportDate ?? '—'}）`);
      print(
        formatTable(
          ['条款', '要求项', '上次结果', '风险', '对象', '整改状态', '本次结果'],
          dto.items.map((i) => [
            i.clause,
            i.title.zh,
            resultZh(i.result),
            RISK_LEVEL_ZH[i.risk],
            i.objects.join('、'),
            i.rectification ? RECTIFICATION_STATUS_ZH[i.rectification.status] : '未建整改项',
            i.currentResult === 'unanswered' || i.currentResult === 'untested'
              ? '未测'
              : resultZh(i.currentResult),
          ]),
        ),
      );
      print(`\n共 ${dto.total} 个上次测评问题`);
    });
}

/** A test object's id by id or exact name; `all` = null (every object). */
async function objectNamed(
  ctx: AppContext,
  organisationId: string,
  assessmentId: string,
  value: string,
  flag: string,
): Promise<string | null> {
  if (value === 'all') return null;
  const { objects } = await assessmentQuery(ctx, organisationId, assessmentId);
  const found = objects.filter((o) => o.id === value || o.name === value);
  if (found.length === 1) return found[0]!.id;
  throw new UsageError(
    found.length === 0
      ? `${flag}: no test object "${value}" in this assessment (give its name, id or all)`
      : `${flag}: ${found.length} test objects are named "${value}"; give the id`,
  );
}

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}
