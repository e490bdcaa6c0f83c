import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { CLI_ACTOR } from '../../app/actor';
import {
  classifyInventoryFile,
  standaloneFileProblems,
} from '../../app/data-security/inventory/classify-file';
import { inventoryWorkbook, readInventoryWorkbook } from '../../app/data-security/inventory/excel';
import {
  importInventoryFileCommand,
  inventoryFileQuery,
} from '../../app/data-security/inventory/file';
import { classificationDto } from '../../app/data-security/inventory/model';
import { citationLabeller, loadShippedKnowledgeBase } from '../../app/citation-labels';
import { classificationCounts, GRADE_WORDS } from '../../domain/data-security/classify';
import { ValidationError } from '../../errors';
import {
  DATASEC_LIMITS,
  DataInventoryFileSchema,
  type DataInventoryFile,
} from '../../shared/data-security-schemas';
import { parseStructuredFile } from '../../app/structured-file';
import { withStore } from '../context';
import { registerDataDuties } from './data-duties';
import { formatTable, UsageError } from '../io';
import { organisationArgument } from '../organisation-argument';

const print = (text: string): void => {
  process.stdout.write(`${text}\n`);
};
const sm3 = (b: Buffer) => createHash('sm3').update(b).digest('hex');

const DECIDED_BY_ZH = {
  declaration: '申报/告知',
  catalogue: '行业目录',
  impact: '影响分析',
  default: '默认',
} as const;
const PI_ZH = { none: '无', general: '一般个人信息', sensitive: '敏感个人信息' } as const;

/** Reads an inventory file: .xlsx by content, otherwise YAML or JSON; bounded in size. */
async function readInventory(
  path: string,
): Promise<{ file: DataInventoryFile; bytes: Buffer; locate?: (p: string) => string }> {
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
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    const { file, locate } = await readInventoryWorkbook(bytes);
    return { file, bytes, locate };
  }
  return {
    file: parseStructuredFile(bytes.toString('utf8'), DataInventoryFileSchema, path),
    bytes,
  };
}

/** `dengbao data …`: the data inventory (数据资源目录) and its classification (GB/T 43697-2024). */
export function registerData(program: Command): void {
  const data = program
    .command('data')
    .description(
      'data security (数据安全): data inventory and its classification under GB/T 43697-2024',
    );

  data
    .command('classify')
    .description(
      'grade each resource of an inventory file (dengbao.data-inventory.v1, YAML/JSON/xlsx) with its reasons — no database',
    )
    .argument('<file>', 'inventory file')
    .option('--json', 'print as JSON')
    .action(async (path: string, opts: { json?: boolean }) => {
      const { file, locate } = await readInventory(path);
      const problems = standaloneFileProblems(file);
      if (problems.length)
        throw new ValidationError(
          `${problems.length} problem(s) in ${path}`,
          problems.map((p) => ({ ...p, path: locate ? locate(p.path) : p.path })),
        );
      const classifications = classifyInventoryFile(file);
      const counts = classificationCounts(classifications);
      const label = citationLabeller(loadShippedKnowledgeBase());
      if (opts.json)
        return print(
          JSON.stringify(
            {
              counts: counts.grades,
              provisional: counts.provisional,
              personalInformation: counts.personalInformation,
              resources: file.resources.map((r, i) => ({
                code: r.code,
                name: r.name,
                classification: classificationDto(classifications[i]!, label),
              })),
            },
            null,
            2,
          ),
        );
      print(
        formatTable(
          ['编号', '数据资源', '级别', '定级依据', '个人信息', '待申报确认'],
          file.resources.map((r, i) => {
            const c = classifications[i]!;
            return [
              r.code,
              r.name,
              GRADE_WORDS[c.grade].zh,
              DECIDED_BY_ZH[c.decidedBy] + (c.catalogueEntry ? `：${c.catalogueEntry.nameZh}` : ''),
              PI_ZH[c.personalInformation],
              c.provisional ? '是' : '否',
            ];
          }),
        ),
      );
      print(
        `\n一般数据 ${counts.grades.general} 项，重要数据 ${counts.grades.important} 项，核心数据 ${counts.grades.core} 项；待申报确认 ${counts.provisional} 项。\n`,
      );
      file.resources.forEach((r, i) => {
        for (const reason of classifications[i]!.reasonsZh) print(`${r.code} ${reason}`);
      });
    });

  data
    .command('import')
    .description(
      'import an inventory file (YAML/JSON/xlsx, dengbao.data-inventory.v1): merges resources by code, all or nothing',
    )
    .argument('<file>', 'inventory file')
    .option('--org <id>', 'organisation id (default: the only one)')
    .option('--dry-run', 'check and count without writing')
    .option('--json', 'print the counts as JSON')
    .action(async (path: string, opts: { org?: string; dryRun?: boolean; json?: boolean }) => {
      const { file, bytes, locate } = await readInventory(path);
      const result = await withStore(async (ctx) => {
        const org = await organisationArgument(ctx, opts.org);
        return importInventoryFileCommand(
          ctx,
          CLI_ACTOR,
          org,
          file,
          { name: path, sm3: sm3(bytes) },
          { dryRun: opts.dryRun ?? false, ...(locate ? { locate } : {}) },
        );
      });
      if (opts.json) return print(JSON.stringify(result, null, 2));
      const r = result.resources;
      print(
        `${result.dryRun ? '检查通过（未写入）' : '已导入'}：数据资源 新增${r.created} 更新${r.updated} 未变${r.unchanged}；一般数据 ${result.grades.general}，重要数据 ${result.grades.important}，核心数据 ${result.grades.core}${result.ignored.profile || result.ignored.provisions ? '；文件中的数据安全概况和重要数据提供记录未导入' : ''}`,
      );
    });

  data
    .command('export')
    .description("export the organisation's data inventory")
    .option('--org <id>', 'organisation id (default: the only one)')
    .option('--format <format>', 'yaml, json or xlsx', 'yaml')
    .option('--out <file>', 'write to this file (required for xlsx)')
    .action(async (opts: { org?: string; format: string; out?: string }) => {
      if (!['json', 'yaml', 'xlsx'].includes(opts.format))
        throw new UsageError(`--format must be yaml, json or xlsx, got "${opts.format}"`);
      if (opts.format === 'xlsx' && !opts.out)
        throw new UsageError('--out <file> is required for xlsx');
      const file = await withStore(async (ctx) =>
        inventoryFileQuery(ctx, await organisationArgument(ctx, opts.org)),
      );
      const body =
        opts.format === 'xlsx'
          ? await inventoryWorkbook(file, classifyInventoryFile(file))
          : opts.format === 'json'
            ? `${JSON.stringify(file, null, 2)}\n`
            : stringify(file);
      if (opts.out) {
        writeFileSync(opts.out, body);
        process.stderr.write(`written ${opts.out}\n`);
      } else process.stdout.write(body);
    });

  // `dengbao data duties <file> --as-of` (src/cli/commands/data-duties.ts).
  registerDataDuties(data);
}
