import type { Command } from 'commander';
import { capabilityCatalogQuery, scoreResultsFile } from '../../app/cii/evaluation-queries';
import type { VerificationStatus } from '../../catalogs/knowledge-base.schema';
import type { CapabilityScore } from '../../domain/cii/capability';
import { ValidationError } from '../../errors';
import { ITEM_RESULT_ZH } from '../../shared/assessment-vocabulary';
import { formatTable, readInput } from '../io';

/** How sure the clause id is: ✓ confirmed, ≈ derived, ? unverified. */
const MARK: Readonly<Record<VerificationStatus, string>> = {
  confirmed: '✓',
  derived: '≈',
  unverified: '?',
};

/**
 * `dengbao cii capability …`: the GB/T 39204-2022 catalog and scoring a results file (no
 * database).
 */
export function registerCiiCapability(cii: Command): void {
  const capability = cii
    .command('capability')
    .description('GB/T 39204-2022 capability catalog (关键信息基础设施安全保护要求) and scoring');

  capability
    .command('catalog')
    .description(
      'print the catalog tree with provenance markers (✓ confirmed, ≈ derived, ? unverified)',
    )
    .option('--chapter <id>', 'one chapter only (6–11)')
    .option('--json', 'print as JSON')
    .action((opts: { chapter?: string; json?: boolean }) => {
      const dto = capabilityCatalogQuery(opts.chapter);
      if (opts.json) return out(JSON.stringify(dto, null, 2));
      const lines: string[] = [
        `${dto.standard.id} ${dto.standard.title.zh}（${dto.standard.effectiveFrom} 实施）`,
        '标记 Markers: ✓ 已证实 confirmed  ≈ 推定 derived  ? 未核实 unverified（条款号需对照标准原文）',
        '',
      ];
      for (const chapter of dto.chapters) {
        lines.push(
          `${MARK[chapter.provenance.status]} ${chapter.id} ${chapter.title.zh} ${chapter.title.en}`,
        );
        for (const clause of chapter.clauses) {
          const assess = clause.assessable ? '' : '（不单独评价）';
          lines.push(
            `  ${MARK[clause.provenance.status]} ${clause.id} ${clause.title.zh}${assess} — ${clause.title.en}`,
          );
          for (const point of clause.keyPoints ?? []) {
            lines.push(`      ${MARK[point.provenance.status]} · ${point.text.zh}`);
          }
          for (const item of clause.items ?? []) {
            lines.push(
              `    ${MARK[item.provenance.status]} ${item.id} ${item.title.zh} — ${item.title.en}`,
            );
          }
        }
      }
      const n = dto.counts.nodes;
      lines.push(
        '',
        `${dto.counts.requirements} 个评价项 requirements; 节点 nodes: ✓ ${n.confirmed}  ≈ ${n.derived}  ? ${n.unverified}`,
      );
      out(lines.join('\n'));
    });

  capability
    .command('score')
    .description(
      'score a JSON file {"<requirement id>": "compliant|partial|non_compliant|not_applicable"} per chapter (no database)',
    )
    .argument('<file>', 'JSON results file, or - for stdin')
    .option('--json', 'print as JSON')
    .action((file: string, opts: { json?: boolean }) => {
      const input = readInput(file);
      let data: unknown;
      try {
        data = JSON.parse(input.text);
      } catch (error) {
        throw new ValidationError(`${input.name} is not JSON`, [
          { path: '(root)', message: error instanceof Error ? error.message : String(error) },
        ]);
      }
      const score = scoreResultsFile(data);
      if (opts.json) return out(JSON.stringify(score, null, 2));
      const row = (label: string, s: CapabilityScore) => [
        label,
        String(s.total),
        String(s.counts.compliant),
        String(s.counts.partial),
        String(s.counts.non_compliant),
        String(s.counts.not_applicable),
        String(s.counts.not_assessed),
        percent(s.conformanceRate),
      ];
      out(
        formatTable(
          ['章 Chapter', '项', '符合', '部分符合', '不符合', '不适用', '未评', '符合率'],
          [
            ...score.chapters.map((c) => row(`${c.chapterId} ${c.title.zh}`, c)),
            row('合计 Overall', score.overall),
          ],
        ),
      );
      out(
        '\n符合率 = 符合 ÷ (已评 − 不适用)；GB/T 39204 未规定评分或结论，此处不套用等级测评的结论档次。',
      );
      if (score.findings.length > 0) {
        out('\n问题 Findings:');
        for (const f of score.findings) {
          out(
            `  ${MARK[f.provenanceStatus]} ${f.requirementId} ${f.title.zh}: ${ITEM_RESULT_ZH[f.result]}`,
          );
        }
      }
    });
}

function percent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

function out(text: string): void {
  process.stdout.write(`${text}\n`);
}
