/**
 * `dengbao app-check <file.yaml|json> [--json]`: checks one app description (no database)
 * against the necessary scope of its type (2021 rules), the 2019 identification method and PIPL,
 * and prints the flags with the provisions they rest on and the exposure (PIPL Art. 66).
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { citationLabeller, loadShippedKnowledgeBase } from '../../app/citation-labels';
import { appCheckProblems } from '../../app/data-security/app-checks/validate';
import { parseStructuredFile } from '../../app/structured-file';
import { shippedAppCheckCatalog } from '../../catalogs/app-necessary-pi';
import { checkApp } from '../../domain/data-security/app-checks';
import { ValidationError } from '../../errors';
import { AppCheckInputSchema } from '../../shared/data-security-schemas';
import { say } from '../../shared/vocabulary';
import { UsageError } from '../io';

/** An app description is small; anything larger is refused before parsing. */
export const APP_CHECK_FILE_MAX_BYTES = 2 * 1024 * 1024;

const print = (text: string): void => {
  process.stdout.write(`${text}\n`);
};

const SEVERITY = { high: '高', medium: '中', low: '低' } as const;

export function registerAppCheck(program: Command): void {
  program
    .command('app-check')
    .description(
      'check an app description: necessary personal information of its type (2021 rules), consent, SDKs, notice, permissions (App 个人信息收集检查)',
    )
    .argument('<file>', 'app description (.yaml or .json; see docs/examples/app-check.yaml)')
    .option('--json', 'print the result as JSON')
    .action((path: string | undefined, opts: { json?: boolean }) => {
      if (!path) throw new UsageError(say('app_check.cli_usage', {}, 'en'));
      let bytes: Buffer;
      try {
        bytes = readFileSync(path);
      } catch {
        throw new UsageError(say('privacy_register.cannot_read', { path }, 'en'));
      }
      if (bytes.length > APP_CHECK_FILE_MAX_BYTES)
        throw new UsageError(
          say(
            'app_check.cli_too_large',
            { path, bytes: bytes.length, max: APP_CHECK_FILE_MAX_BYTES },
            'en',
          ),
        );
      const input = parseStructuredFile(bytes.toString('utf8'), AppCheckInputSchema, path);
      const problems = appCheckProblems(input);
      if (problems.length > 0)
        throw new ValidationError(
          { code: 'app_check.cli_invalid', params: { path, count: problems.length } },
          problems,
        );
      const result = checkApp(input, shippedAppCheckCatalog());
      const label = citationLabeller(loadShippedKnowledgeBase());
      const flags = result.flags.map((f) => ({ ...f, citations: f.citations.map(label) }));
      if (opts.json) {
        print(JSON.stringify({ code: input.code, name: input.name, ...result, flags }, null, 2));
        return;
      }
      const type = result.appType ? `${result.appType.nameZh} ${result.appType.nameEn}` : '—';
      print(`${input.code} ${input.name} · ${type} · ${input.checkedOn}`);
      const s = result.summary;
      print(
        `${s.total} flag(s): ${s.high} high · ${s.medium} medium · ${s.low} low（高 ${s.high} · 中 ${s.medium} · 低 ${s.low}）`,
      );
      for (const f of flags) {
        print('');
        print(`[${f.severity} ${SEVERITY[f.severity]}] ${f.id}: ${f.titleZh} — ${f.titleEn}`);
        print(`  ${f.detailZh}`);
        print(`  ${f.detailEn}`);
        for (const c of f.citations) print(`  · ${c.labelZh} (${c.labelEn})`);
        if (f.penaltyIds.length > 0) print(`  penalties: ${f.penaltyIds.join(', ')}`);
      }
      if (result.overCollected.length > 0) {
        print('');
        print(
          `over-collected 超范围收集: ${result.overCollected.map((o) => `${o.item}（${o.function}）`).join('、')}`,
        );
      }
      print('');
      print(`exposure 法律后果: ${result.exposure.penaltyIds.join(', ') || '—'}`);
      print(`  ${result.exposure.summaryZh}`);
      print(`  ${result.exposure.summaryEn}`);
      for (const e of result.exposure.enforcement) print(`  · ${e.titleZh}: ${e.descriptionZh}`);
    });
}
