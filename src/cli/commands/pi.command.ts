import { createHash } from 'node:crypto';
import { TRIGGER_TITLES } from '../../app/privacy/pipia/triggers';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { CLI_ACTOR } from '../../app/actor';
import { citationLabeller, loadShippedKnowledgeBase } from '../../app/citation-labels';
import { readPrivacyWorkbook, privacyWorkbook } from '../../app/privacy/excel';
import {
  classifyRegister,
  dutiesOfRegister,
  pathsOfRegister,
  type Label,
} from '../../app/privacy/engines';
import { importPrivacyFileCommand, privacyFileQuery } from '../../app/privacy/file';
import { fileProblems } from '../../app/privacy/validate';
import { parseStructuredFile } from '../../app/structured-file';
import type { Citation } from '../../domain/citation';
import { exemptionLabel, pathLabel } from '../../domain/privacy/cross-border';
import { ValidationError } from '../../errors';
import { OBLIGATION_STATE } from '../../reports/documents/obligations-calendar';
import {
  PRIVACY_LIMITS,
  PrivacyRegisterFileSchema,
  type PrivacyRegisterFile,
} from '../../shared/privacy-schemas';
import { IsoDateSchema } from '../../shared/schemas';
import { withStore } from '../context';
import { formatTable, UsageError } from '../io';
import { organisationArgument } from '../organisation-argument';

const print = (text: string): void => {
  process.stdout.write(`${text}\n`);
};
const sm3 = (b: Buffer) => createHash('sm3').update(b).digest('hex');

/** Reads a register file: .xlsx by content, otherwise YAML or JSON; bounded in size. */
async function readRegister(
  path: string,
): Promise<{ file: PrivacyRegisterFile; bytes: Buffer; locate?: (p: string) => string }> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new UsageError(`cannot read ${path}`);
  }
  if (bytes.length > PRIVACY_LIMITS.fileBytes)
    throw new UsageError(
      `${path} has ${bytes.length} bytes; a register file has at most ${PRIVACY_LIMITS.fileBytes}`,
    );
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    const { file, locate } = await readPrivacyWorkbook(bytes);
    return { file, bytes, locate };
  }
  return {
    file: parseStructuredFile(bytes.toString('utf8'), PrivacyRegisterFileSchema, path),
    bytes,
  };
}

/** A file read alone (no store): its own cross-references checked, systems taken as named. */
async function checkedRegister(path: string): Promise<PrivacyRegisterFile> {
  const { file, locate } = await readRegister(path);
  const problems = fileProblems(file);
  if (problems.length)
    throw new ValidationError(
      `${problems.length} problem(s) in ${path}`,
      problems.map((p) => ({ ...p, path: locate ? locate(p.path) : p.path })),
    );
  return file;
}

const asOfOption = (value: string | undefined, required: boolean): string | undefined => {
  if (value === undefined) {
    if (required) throw new UsageError('--as-of <date> is required (YYYY-MM-DD)');
    return undefined;
  }
  if (!IsoDateSchema.safeParse(value).success)
    throw new UsageError(`--as-of must be a real date YYYY-MM-DD, got "${value}"`);
  return value;
};

let labeller: Label | undefined;
/** Citations labelled from the shipped knowledge base (no store needed). */
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
const zh = (c: Citation) => (c as Citation & { labelZh?: string }).labelZh ?? c.instrumentId;
const fmt = (n: number) => n.toLocaleString('en-US');

/** `dengbao pi …`: the processing register, cross-border paths, PIPIA triggers and duties. */
export function registerPi(program: Command): void {
  const pi = program
    .command('pi')
    .description(
      'personal information (个人信息保护): processing register, cross-border paths, impact assessments, duties',
    );

  pi.command('import')
    .description(
      'import a processing register (YAML/JSON/xlsx, dengbao.privacy.v1): merges activities by code, adds new batches, all or nothing',
    )
    .argument('<file>', 'register file')
    .option('--org <id>', 'organisation id (default: the only one)')
    .option('--dry-run', 'check and count without writing')
    .option('--json', 'print the counts as JSON')
    .action(async (path: string, opts: { org?: string; dryRun?: boolean; json?: boolean }) => {
      const { file, bytes, locate } = await readRegister(path);
      const result = await withStore(async (ctx) => {
        const org = await organisationArgument(ctx, opts.org);
        return importPrivacyFileCommand(
          ctx,
          CLI_ACTOR,
          org,
          file,
          { name: path, sm3: sm3(bytes) },
          { dryRun: opts.dryRun ?? false, ...(locate ? { locate } : {}) },
        );
      });
      if (opts.json) return print(JSON.stringify(result, null, 2));
      print(
        `${result.dryRun ? '检查通过（未写入）' : '已导入'}：处理活动 新增${result.activities.created} 更新${result.activities.updated} 未变${result.activitiesUnchanged}；出境批次 新增${result.transferBatches.created} 已有${result.transferBatchesUnchanged}；登记概况 ${{ saved: '已保存', unchanged: '未变', absent: '文件中没有' }[result.profile]}`,
      );
    });

  pi.command('export')
    .description("export the organisation's processing register")
    .option('--org <id>', 'organisation id (default: the only one)')
    .option('--format <format>', 'yaml, json or xlsx', 'yaml')
    .option('--out <file>', 'write to this file (required for xlsx)')
    .action(async (opts: { org?: string; format: string; out?: string }) => {
      if (!['json', 'yaml', 'xlsx'].includes(opts.format))
        throw new UsageError(`--format must be yaml, json or xlsx, got "${opts.format}"`);
      if (opts.format === 'xlsx' && !opts.out)
        throw new UsageError('--out <file> is required for xlsx');
      const file = await withStore(async (ctx) =>
        privacyFileQuery(ctx, await organisationArgument(ctx, opts.org)),
      );
      const body =
        opts.format === 'xlsx'
          ? await privacyWorkbook(file)
          : opts.format === 'json'
            ? `${JSON.stringify(file, null, 2)}\n`
            : stringify(file);
      if (opts.out) {
        writeFileSync(opts.out, body);
        process.stderr.write(`written ${opts.out}\n`);
      } else process.stdout.write(body);
    });

  pi.command('paths')
    .description(
      'the path each transfer abroad needs on a date (security assessment, standard contract or certification, exempt), from a register file, no database',
    )
    .argument('<file>', 'register file dengbao.privacy.v1 (YAML/JSON/xlsx)')
    .requiredOption('--as-of <date>', 'evaluation date YYYY-MM-DD')
    .option('--json', 'print as JSON')
    .action(async (path: string, opts: { asOf: string; json?: boolean }) => {
      const asOf = asOfOption(opts.asOf, true)!;
      const file = await checkedRegister(path);
      const result = pathsOfRegister(file, asOf, { label: label() });
      if (opts.json) return print(JSON.stringify(result, null, 2));
      const c = result.counts;
      print(`${result.regime.titleZh}（${result.regime.id}，自 ${result.regime.inForceFrom} 起）`);
      print(
        `累计 ${c.countedFrom} 至 ${c.countedTo}：个人信息（不含敏感）${fmt(c.individuals)} 人，敏感个人信息 ${fmt(c.sensitiveIndividuals)} 人；豁免批次 ${c.exemptBatches} 条不计入\n`,
      );
      if (result.paths.length === 0) return print('没有出境传输。');
      print(
        formatTable(
          ['出境传输', '路径', '已具备', '依据'],
          result.paths.map((p) => [
            p.transferId,
            pathLabel[p.path].zh + (p.exemption ? `：${exemptionLabel[p.exemption].zh}` : ''),
            p.mechanismSatisfies ? '是' : '否',
            p.decidedBy.map(zh).join('；'),
          ]),
        ),
      );
      print('');
      for (const p of result.paths) print(`${p.transferId}：${p.explanationZh}`);
      if (result.duties.length) {
        print('\n由此产生的义务：');
        print(
          formatTable(
            ['义务', '对象', '期限', '状态'],
            result.duties.map((d) => [
              d.titleZh,
              d.subject.name,
              d.dueDate ?? '—',
              OBLIGATION_STATE[d.state].zh,
            ]),
          ),
        );
      }
    });

  pi.command('pipia')
    .description(
      'per activity: sensitive classes (PIPL Art. 28), impact-assessment triggers (Art. 55), required or not — from a register file, no database',
    )
    .argument('<file>', 'register file dengbao.privacy.v1 (YAML/JSON/xlsx)')
    .option('--as-of <date>', 'evaluation date YYYY-MM-DD (default: the law in force now)')
    .option('--json', 'print as JSON')
    .action(async (path: string, opts: { asOf?: string; json?: boolean }) => {
      const asOf = asOfOption(opts.asOf, false);
      const file = await checkedRegister(path);
      const result = classifyRegister(file, { label: label(), ...(asOf ? { asOf } : {}) });
      if (opts.json) return print(JSON.stringify(result, null, 2));
      print(
        formatTable(
          ['活动', '名称', '敏感个人信息', '影响评估', '触发情形'],
          result.map((a) => [
            a.code,
            a.name,
            a.piplClasses.map((c) => c.labelZh).join('、') +
              (a.minorsUnder14 ? '（含不满十四周岁）' : '') || '否',
            a.pipiaRequired ? '需要' : '不需要',
            a.triggers.map((t) => TRIGGER_TITLES[t.code]?.zh ?? t.code).join('、') || '—',
          ]),
        ),
      );
      for (const a of result)
        for (const t of a.triggers) print(`${a.code} ${t.reasonZh}（${zh(t.citation)}）`);
    });

  pi.command('duties')
    .description(
      'personal-information duties on a date, with citations, deadlines in working days and the penalties they risk — from a register file, no database',
    )
    .argument('<file>', 'register file dengbao.privacy.v1 (YAML/JSON/xlsx)')
    .requiredOption('--as-of <date>', 'evaluation date YYYY-MM-DD')
    .option('--json', 'print as JSON')
    .action(async (path: string, opts: { asOf: string; json?: boolean }) => {
      const asOf = asOfOption(opts.asOf, true)!;
      const file = await checkedRegister(path);
      const result = dutiesOfRegister(file, asOf, { label: label() });
      if (opts.json) return print(JSON.stringify(result, null, 2));
      print(
        formatTable(
          ['义务', '对象', '期限', '状态', '依据', '罚则'],
          result.duties.map((d) => [
            d.titleZh,
            d.subject.name,
            d.dueDate ?? '—',
            OBLIGATION_STATE[d.state].zh,
            d.citations.map(zh).join('；'),
            d.penalties.map((p) => p.titleZh ?? p.id).join('；') || '—',
          ]),
        ),
      );
    });
}
