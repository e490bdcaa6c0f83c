import type { Command } from 'commander';
import { factsFromSystemsFile } from '../../app/file-facts';
import { presentObligation } from '../../app/presenters';
import { parseStructuredFile } from '../../app/structured-file';
import { shippedHolidayCalendar } from '../../catalogs/holiday-calendar';
import { evaluateObligations } from '../../domain/obligations/evaluate';
import { IsoDateSchema, SystemsFileSchema } from '../../shared/schemas';
import { formatTable, readInput, UsageError } from '../io';
import { cliContext } from '../context';
import { beijingToday, systemClock } from '../../app/clock';
import { eventDeadlineLabel } from '../../shared/event-deadlines';

const STATE_ZH: Record<string, string> = {
  satisfied: '已完成',
  overdue: '已逾期',
  due_soon: '即将到期',
  upcoming: '未到期',
  standing: '持续义务',
  open: '未设期限',
  undetermined: '待补充信息',
};

export function registerObligations(program: Command): void {
  program
    .command('obligations')
    .description(
      'derive obligations, with citations and due dates, for the systems in a file (or stdin)',
    )
    .argument(
      '[file]',
      'systems file (format dengbao.systems.v1, JSON or YAML); - or omitted for stdin',
    )
    .option('--as-of <date>', 'evaluation date YYYY-MM-DD (default: today, Beijing time)')
    .option('--json', 'print the result as JSON')
    .action(async (file: string | undefined, opts: { asOf?: string; json?: boolean }) => {
      const asOf = opts.asOf ?? beijingToday(systemClock);
      if (!IsoDateSchema.safeParse(asOf).success)
        throw new UsageError(`--as-of must be a real date YYYY-MM-DD, got "${asOf}"`);
      const input = readInput(file);
      const facts = factsFromSystemsFile(
        parseStructuredFile(input.text, SystemsFileSchema, input.name),
      );
      const result = evaluateObligations(facts, asOf, {
        trace: opts.json === true,
        calendar: shippedHolidayCalendar(),
      });
      const { labelCitation } = cliContext();
      if (opts.json) {
        const out = {
          ...result,
          obligations: result.obligations.map((o) => presentObligation(o, labelCitation)),
        };
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
        return;
      }
      const rows = result.obligations.map((o) => [
        o.systemId,
        o.titleZh,
        o.dueDate ?? (o.eventDeadline ? eventDeadlineLabel(o.eventDeadline).zh : '—'),
        STATE_ZH[o.state] ?? o.state,
        o.citations.map((c) => labelCitation(c).labelZh).join('；'),
      ]);
      process.stdout.write(`截至 ${asOf} 的义务（${result.obligations.length} 项）\n\n`);
      process.stdout.write(`${formatTable(['定级对象', '义务', '期限', '状态', '依据'], rows)}\n`);
      if (result.missingFacts.length) {
        process.stdout.write(`\n待补充信息：\n`);
        const grouped = new Map<string, string[]>();
        for (const m of result.missingFacts) {
          const k = `${m.systemId}: ${m.fact}`;
          grouped.set(k, [...(grouped.get(k) ?? []), m.ruleId]);
        }
        for (const [k, rules] of grouped)
          process.stdout.write(`  - ${k}（规则 ${rules.join(', ')}）\n`);
      }
    });
}
