import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { CLI_ACTOR } from '../../app/actor';
import { ciiWorkbook, readCiiWorkbook } from '../../app/cii-excel';
import {
  boundaryOfFile,
  ciiFileQuery,
  importCiiFileCommand,
  type FileBoundary,
} from '../../app/cii/file';
import { recordDeterminationCommand } from '../../app/cii/commands';
import { coreBusinessNamesQuery, dutiesQuery } from '../../app/cii/queries';
import { beijingToday } from '../../app/clock';
import { requireOrganisation } from '../../app/organisations/queries';
import { parseStructuredFile } from '../../app/structured-file';
import { CiiFileSchema, type CiiFile } from '../../shared/cii-schemas';
import { OBLIGATION_STATE } from '../../reports/documents/obligations-calendar';
import { eventDeadlineLabel } from '../../shared/event-deadlines';
import { IsoDateSchema } from '../../shared/schemas';
import type { AppContext } from '../../app/context';
import { withStore } from '../context';
import { formatTable, UsageError } from '../io';
import { registerCiiCapability } from './cii-capability.command';

const print = (text: string): void => {
  process.stdout.write(`${text}\n`);
};
const sm3 = (b: Buffer) => createHash('sm3').update(b).digest('hex');

/** Reads an exchange file: .xlsx by content, otherwise JSON or YAML. */
async function readCiiFile(
  path: string,
): Promise<{ file: CiiFile; bytes: Buffer; locate?: (p: string) => string }> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new UsageError(`cannot read ${path}`);
  }
  // An .xlsx is a zip: "PK\x03\x04".
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    const { file, locate } = await readCiiWorkbook(bytes);
    return { file, bytes, locate };
  }
  return { file: parseStructuredFile(bytes.toString('utf8'), CiiFileSchema, path), bytes };
}

async function businessByNameOrId(ctx: AppContext, orgId: string, key: string) {
  const all = await coreBusinessNamesQuery(ctx, orgId);
  const found = all.find((b) => b.id === key || b.name === key);
  if (!found)
    throw new UsageError(
      `no core business "${key}" in organisation ${orgId} (have: ${all.map((b) => b.name).join(', ') || 'none'})`,
    );
  return found;
}

function printBoundary(b: FileBoundary): void {
  print(`核心业务：${b.coreBusiness}（纳入规则 ${b.rules.id}，${b.rules.status}）`);
  print(
    `边界内 ${b.inside.length} 项，边界外 ${b.outside.length} 项，边界接入点 ${b.boundaryPoints.length} 个\n`,
  );
  print(
    formatTable(
      ['资产编码', '名称', '纳入原因'],
      b.inside.map((i) => [i.code, i.name, i.explanationZh]),
    ),
  );
  if (b.boundaryPoints.length) {
    print('\n边界接入点（外部系统在边界外）：');
    print(
      formatTable(
        ['边界内资产', '外部系统'],
        b.boundaryPoints.map((p) => [p.inside, p.external]),
      ),
    );
  }
  if (b.outside.length) print(`\n边界外：${b.outside.join('、')}`);
}

/** `dengbao cii …`: core businesses, assets and flows, the computed boundary, capability evaluation. */
export function registerCii(program: Command): void {
  const cii = program
    .command('cii')
    .description(
      'critical information infrastructure (关键信息基础设施): boundary, duties, capability',
    );

  cii
    .command('boundary')
    .description(
      'compute the CII boundary with reasons, from an exchange file (JSON/YAML/xlsx) or an organisation',
    )
    .argument('[file]', 'exchange file dengbao.cii.v1 (omit with --org)')
    .option('--org <id>', "use the organisation's stored data")
    .option('--business <name|id>', 'only this core business')
    .option('--json', 'print as JSON')
    .action(
      async (
        file: string | undefined,
        opts: { org?: string; business?: string; json?: boolean },
      ) => {
        if (!file === !opts.org) throw new UsageError('give either a file or --org <id>');
        const source = file
          ? (await readCiiFile(file)).file
          : await withStore(async (ctx) => {
              await requireOrganisation(ctx, opts.org!);
              return ciiFileQuery(ctx, opts.org!);
            });
        const results = boundaryOfFile(source, opts.business);
        if (opts.json) return print(JSON.stringify(results, null, 2));
        if (results.length === 0) return print('没有核心业务。');
        results.forEach((r, i) => {
          if (i > 0) print('');
          printBoundary(r);
        });
      },
    );

  cii
    .command('import')
    .description(
      'import assets, dependencies, core businesses and flows (JSON/YAML/xlsx): merges by key, all or nothing',
    )
    .requiredOption('--org <id>', 'organisation id')
    .argument('<file>', 'exchange file dengbao.cii.v1')
    .option('--json', 'print the counts as JSON')
    .action(async (path: string, opts: { org: string; json?: boolean }) => {
      const { file, bytes, locate } = await readCiiFile(path);
      const result = await withStore(async (ctx) => {
        await requireOrganisation(ctx, opts.org);
        return importCiiFileCommand(
          ctx,
          CLI_ACTOR,
          opts.org,
          file,
          { name: path, sm3: sm3(bytes) },
          locate,
        );
      });
      if (opts.json) return print(JSON.stringify(result, null, 2));
      print(
        `已导入：资产 新增${result.assets.created} 更新${result.assets.updated}；依赖 新增${result.dependencies.created}（已有${result.dependencies.unchanged}）；核心业务 新增${result.coreBusinesses.created} 更新${result.coreBusinesses.updated}；信息流 新增${result.flows.created} 更新${result.flows.updated}`,
      );
    });

  cii
    .command('export')
    .description("export the organisation's CII model as an exchange file")
    .requiredOption('--org <id>', 'organisation id')
    .option('--format <format>', 'json, yaml or xlsx', 'yaml')
    .option('--out <file>', 'write to this file (required for xlsx)')
    .action(async (opts: { org: string; format: string; out?: string }) => {
      if (!['json', 'yaml', 'xlsx'].includes(opts.format))
        throw new UsageError(`--format must be json, yaml or xlsx, got "${opts.format}"`);
      if (opts.format === 'xlsx' && !opts.out)
        throw new UsageError('--out <file> is required for xlsx');
      const file = await withStore(async (ctx) => {
        await requireOrganisation(ctx, opts.org);
        return ciiFileQuery(ctx, opts.org);
      });
      const body =
        opts.format === 'xlsx'
          ? await ciiWorkbook(file)
          : opts.format === 'json'
            ? `${JSON.stringify(file, null, 2)}\n`
            : stringify(file);
      if (opts.out) {
        writeFileSync(opts.out, body);
        process.stderr.write(`written ${opts.out}\n`);
      } else process.stdout.write(body);
    });

  cii
    .command('determine')
    .description(
      'record the boundary of a core business as computed now (边界认定), with the changes',
    )
    .requiredOption('--org <id>', 'organisation id')
    .requiredOption('--business <name|id>', 'core business')
    .option('--note <text>', 'why (e.g. 年度复核, 架构变更)')
    .option('--json', 'print as JSON')
    .action(async (opts: { org: string; business: string; note?: string; json?: boolean }) => {
      const d = await withStore(async (ctx) => {
        const business = await businessByNameOrId(ctx, opts.org, opts.business);
        return recordDeterminationCommand(ctx, CLI_ACTOR, opts.org, business.id, opts.note ?? null);
      });
      if (opts.json) return print(JSON.stringify(d, null, 2));
      const codes = (list: readonly { code: string }[]) =>
        list.map((a) => a.code).join('、') || '无';
      print(`已记录边界认定（${d.determinedAt}）：边界内 ${d.inside.length} 项`);
      print(`新增：${codes(d.added)}\n移出：${codes(d.removed)}`);
    });

  cii
    .command('duties')
    .description('CII duties of a designated core business, with citations and due dates')
    .requiredOption('--org <id>', 'organisation id')
    .requiredOption('--business <name|id>', 'core business')
    .option('--as-of <date>', 'evaluation date YYYY-MM-DD (default: today, Beijing time)')
    .option('--json', 'print as JSON')
    .action(async (opts: { org: string; business: string; asOf?: string; json?: boolean }) => {
      if (opts.asOf && !IsoDateSchema.safeParse(opts.asOf).success)
        throw new UsageError(`--as-of must be a real date YYYY-MM-DD, got "${opts.asOf}"`);
      const duties = await withStore(async (ctx) => {
        const business = await businessByNameOrId(ctx, opts.org, opts.business);
        return dutiesQuery(ctx, opts.org, business.id, opts.asOf ?? beijingToday(ctx.clock));
      });
      if (opts.json) return print(JSON.stringify(duties, null, 2));
      if (!duties.designated) print('注意：该核心业务尚未填写认定日期，以下义务在认定后适用。');
      print(
        formatTable(
          ['义务', '期限', '状态', '依据'],
          duties.obligations.map((o) => [
            o.titleZh,
            o.dueDate ?? (o.eventDeadline ? eventDeadlineLabel(o.eventDeadline).zh : '—'),
            OBLIGATION_STATE[o.effectiveState].zh,
            o.citations.map((c) => c.labelZh).join('；'),
          ]),
        ),
      );
      for (const s of duties.systems)
        for (const w of s.warnings) print(`⚠ ${s.name}：${w.messageZh}`);
    });

  registerCiiCapability(cii);
}
