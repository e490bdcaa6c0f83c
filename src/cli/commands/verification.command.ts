import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { CLI_ACTOR } from '../../app/actor';
import {
  deleteVerificationImportCommand,
  importVerificationCommand,
  verificationListQuery,
} from '../../app/assessment/verification';
import { requireOrganisation } from '../../app/organisations/queries';
import type { SeverityCounts, VerificationImportDto } from '../../shared/verification-schemas';
import { label } from '../../shared/vocabulary';
import { withStore } from '../context';
import { formatTable, UsageError } from '../io';

export function registerVerification(program: Command): void {
  const verification = program
    .command('verification')
    .description(
      'verification tests of a level assessment (漏洞扫描/渗透测试): import Greenbone, Nessus or penetration-test results',
    );

  verification
    .command('import')
    .description(
      'import a Greenbone/OpenVAS XML report, a Nessus .nessus (v2) file or a penetration-test sheet (.xlsx/.csv): hosts are matched to test objects by IP address or name; all or nothing',
    )
    .argument('<assessmentId>', 'assessment id')
    .argument('<file>', 'the scan report or sheet')
    .requiredOption('--org <id>', 'organisation id')
    .option('--dry-run', 'only show how hosts match and what would be imported')
    .option(
      '--assign <host=object>',
      'the test object (name or id) of a host, repeatable',
      (value: string, list: string[]) => [...list, value],
      [] as string[],
    )
    .option('--allow-unassigned', 'import findings of hosts that match no object, unassigned')
    .option('--json', 'print the preview or result as JSON')
    .action(
      async (
        assessmentId: string,
        file: string,
        opts: {
          org: string;
          dryRun?: boolean;
          assign: string[];
          allowUnassigned?: boolean;
          json?: boolean;
        },
      ) => {
        for (const a of opts.assign) {
          if (!/^[^=]+=.+$/.test(a)) {
            throw new UsageError(`--assign "${a}": write host=test object (name or id)`);
          }
        }
        let buffer: Buffer;
        try {
          buffer = readFileSync(file);
        } catch (error) {
          throw new UsageError(
            `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
          );
        }
        const result = await withStore(async (ctx) => {
          await requireOrganisation(ctx, opts.org);
          return importVerificationCommand(ctx, CLI_ACTOR, opts.org, assessmentId, buffer, {
            fileName: path.basename(file),
            dryRun: opts.dryRun ?? false,
            allowUnassigned: opts.allowUnassigned ?? false,
            assign: opts.assign,
          });
        });
        if (opts.json) return print(JSON.stringify(result, null, 2));
        printPreview(result);
      },
    );

  verification
    .command('list')
    .description('imported files, findings per test object (CVE, CVSS) and high-risk candidates')
    .argument('<assessmentId>', 'assessment id')
    .requiredOption('--org <id>', 'organisation id')
    .option('--info', 'also list info-level items')
    .option('--json', 'print as JSON')
    .action(async (assessmentId: string, opts: { org: string; info?: boolean; json?: boolean }) => {
      const list = await withStore(async (ctx) => {
        await requireOrganisation(ctx, opts.org);
        return verificationListQuery(ctx, opts.org, assessmentId, {
          includeInfo: opts.info ?? false,
        });
      });
      if (opts.json) return print(JSON.stringify(list, null, 2));
      print(
        formatTable(
          ['id', '文件', '格式', '扫描工具', '扫描日期', '主机', '严重/高/中/低/信息'],
          list.imports.map((i) => [
            i.id,
            i.fileName,
            label('verification_format', i.format, 'zh'),
            [i.scanner, i.scannerVersion].filter(Boolean).join(' ') || '—',
            i.scanDate ?? '—',
            String(i.hostCount),
            counts(i.counts),
          ]),
        ),
      );
      print('');
      print(
        formatTable(
          ['测评对象', '主机', '漏洞', 'CVE', 'CVSS', '风险等级', '可利用'],
          list.findings.map((f) => [
            f.objectName ?? '（未分配）',
            f.port && f.host?.includes(':')
              ? `[${f.host}]:${f.port}`
              : `${f.host ?? f.hostname ?? '—'}${f.port ? `:${f.port}` : ''}`,
            f.name.length > 60 ? `${f.name.slice(0, 59)}…` : f.name,
            f.cves.slice(0, 3).join(' ') + (f.cves.length > 3 ? ' …' : '') || '—',
            f.cvss === null ? '—' : f.cvss.toFixed(1),
            label('verification_severity', f.severity, 'zh'),
            f.exploitable === null ? '—' : f.exploitable ? '是' : '否',
          ]),
        ),
      );
      printCandidates(list.candidates);
    });

  verification
    .command('delete')
    .description('delete an imported file and its findings')
    .argument('<assessmentId>', 'assessment id')
    .argument('<importId>', 'import id (see verification list)')
    .requiredOption('--org <id>', 'organisation id')
    .action(async (assessmentId: string, importId: string, opts: { org: string }) => {
      await withStore(async (ctx) => {
        await requireOrganisation(ctx, opts.org);
        await deleteVerificationImportCommand(ctx, CLI_ACTOR, opts.org, assessmentId, importId);
      });
      print(`deleted import ${importId}`);
    });
}

function counts(c: SeverityCounts): string {
  return `${c.critical}/${c.high}/${c.medium}/${c.low}/${c.info}`;
}

function printPreview(r: VerificationImportDto): void {
  print(
    `${r.dryRun ? '预览（未导入）' : `已导入 ${r.id}`}：${r.fileName}，${label('verification_format', r.format, 'zh')}` +
      `${r.scanner ? `，${[r.scanner, r.scannerVersion].filter(Boolean).join(' ')}` : ''}` +
      `${r.scanDate ? `，扫描日期 ${r.scanDate}` : ''}，${r.findingCount} 条（严重/高/中/低/信息 ${counts(r.counts)}）`,
  );
  print(
    formatTable(
      ['主机', '主机名', '测评对象', '匹配方式', '条数', '严重/高/中/低/信息'],
      r.hosts.map((h) => [
        h.host ?? '—',
        h.hostname ?? '—',
        h.objectName ?? '（未匹配）',
        h.matchedBy === 'ip'
          ? 'IP'
          : h.matchedBy === 'name'
            ? '名称'
            : h.matchedBy === 'assigned'
              ? '指定'
              : '—',
        String(h.findingCount),
        counts(h.counts),
      ]),
    ),
  );
  printCandidates(r.candidates);
  for (const p of r.problems) print(`✗ ${p.messageZh ?? p.message}`);
  if (r.dryRun && r.problems.length > 0) {
    print('导入时将被拒绝：用 --assign 主机=测评对象 指定，或 --allow-unassigned 保留为未分配。');
  }
}

function printCandidates(list: VerificationImportDto['candidates']): void {
  if (list.length === 0) return;
  print('\n高风险候选（6.4.3.2 存在可利用的高危漏洞，需测评人员确认）：');
  for (const o of list) {
    print(`· ${o.objectName}（${o.requirementId}）`);
    for (const c of o.candidates) {
      print(`    ${c.name} — ${c.reasons.map((x) => x.zh).join('；')}`);
    }
  }
}

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}
