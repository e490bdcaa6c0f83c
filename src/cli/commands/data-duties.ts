/**
 * `dengbao data duties <file> --as-of <date> [--json]`: the data-security duties of a data
 * inventory file (dengbao.data-inventory.v1 with its profile and provisions) on a date, no
 * database. Resources are graded as `dengbao data classify` grades them. What only the store
 * knows (risk-assessment reports, PI audits, the register's total individuals and transfers) is
 * absent from a file: the total is taken as the largest resource's count (a lower bound).
 * Registered by `dengbao data` (src/cli/commands/data.command.ts) via {@link registerDataDuties}.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { citationLabeller, loadShippedKnowledgeBase } from '../../app/citation-labels';
import { standaloneFileProblems } from '../../app/data-security/inventory/classify-file';
import { readInventoryWorkbook } from '../../app/data-security/inventory/excel';
import { dutiesOfInventoryFile, type Label } from '../../app/data-security/duties/queries';
import { parseStructuredFile } from '../../app/structured-file';
import type { Citation } from '../../domain/citation';
import { ValidationError } from '../../errors';
import { OBLIGATION_STATE } from '../../reports/documents/obligations-calendar';
import {
  DATASEC_LIMITS,
  DataInventoryFileSchema,
  type DataInventoryFile,
} from '../../shared/data-security-schemas';
import { IsoDateSchema } from '../../shared/schemas';
import { formatTable, UsageError } from '../io';

const print = (text: string): void => {
  process.stdout.write(`${text}\n`);
};

let labeller: Label | undefined;
function label(): Label {
  if (!labeller) {
    const l = citationLabeller(loadShippedKnowledgeBase());
    labeller = (c: Citation) => {
      const dto = l(c);
      return { ...dto, provisionId: dto.provisionId ?? undefined } as Citation;
    };
  }
  return labeller;
}
const zh = (c: Citation) =>
  (c as Citation & { labelZh?: string }).labelZh ?? `${c.instrumentId} ${c.provisionId ?? ''}`;

async function readInventoryFile(
  path: string,
): Promise<{ file: DataInventoryFile; locate?: (p: string) => string }> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new UsageError(`cannot read ${path}`);
  }
  if (bytes.length > DATASEC_LIMITS.fileBytes)
    throw new UsageError(
      `${path} has ${bytes.length} bytes; an inventory file has at most ${DATASEC_LIMITS.fileBytes}`,
    );
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])))
    return readInventoryWorkbook(bytes);
  return { file: parseStructuredFile(bytes.toString('utf8'), DataInventoryFileSchema, path) };
}

/** Adds `duties` to the `dengbao data` group. */
export function registerDataDuties(data: Command): void {
  data
    .command('duties')
    .description(
      'data-security duties of an inventory file on a date (important data, officer and body, annual risk assessment, provisions, reorganisation, export, large platforms) with citations and penalties — no database',
    )
    .argument('<file>', 'inventory file dengbao.data-inventory.v1 (YAML/JSON/xlsx)')
    .requiredOption('--as-of <date>', 'evaluation date YYYY-MM-DD')
    .option('--json', 'print as JSON')
    .action(async (path: string, opts: { asOf: string; json?: boolean }) => {
      if (!IsoDateSchema.safeParse(opts.asOf).success)
        throw new UsageError(`--as-of must be a real date YYYY-MM-DD, got "${opts.asOf}"`);
      const { file, locate } = await readInventoryFile(path);
      const problems = standaloneFileProblems(file);
      if (problems.length)
        throw new ValidationError(
          `${problems.length} problem(s) in ${path}`,
          problems.map((p) => ({ ...p, path: locate ? locate(p.path) : p.path })),
        );
      const view = dutiesOfInventoryFile(file, opts.asOf, { label: label() });
      if (opts.json) return print(JSON.stringify(view, null, 2));
      print(`${file.organisation ?? '本单位'}：${view.asOf} 的数据安全义务`);
      if (view.duties.length === 0)
        print(
          '没有数据安全义务（数据资源目录中没有重要数据或核心数据，也未达到大型网络平台标准）。',
        );
      else
        print(
          formatTable(
            ['状态', '期限', '义务', '对象', '依据', '处罚'],
            view.duties.map((d) => [
              OBLIGATION_STATE[d.state].zh,
              d.dueDate ?? (d.eventDeadline ? '事件触发' : '—'),
              d.titleZh,
              d.subject.name,
              d.citations.map(zh).join('；'),
              d.penaltyIds.join(', ') || '—',
            ]),
          ),
        );
      const a = view.piAudit;
      print(
        `\n个人信息保护合规审计：${a.cycle === 'over-10m' ? `处理超过1000万人的个人信息，每${a.intervalMonths}个月至少一次${a.nextDueOn ? `，下次不晚于${a.nextDueOn}` : ''}` : a.cycle === 'regular' ? '定期开展（未规定频次）' : '未知处理人数'}（该义务列在个人信息保护义务中：dengbao pi duties）。`,
      );
      for (const d of view.duties) print(`\n${d.titleZh}（${d.subject.name}）：${d.reasonZh}`);
    });
}
