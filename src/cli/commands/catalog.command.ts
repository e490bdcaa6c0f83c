import { Option, type Command } from 'commander';
import {
  catalogBaseline,
  catalogCountsMarkdown,
  catalogSummary,
  highRiskCaseList,
  listCatalogItems,
  majorRiskTriggerList,
  requirementDetail,
} from '../../app/catalog-queries';
import {
  COMPILED_MLPS_CATALOG,
  compileMlpsCatalog,
  SOURCE_COMPILED_MLPS_CATALOG,
  loadMlpsCatalog,
  shippedMlpsCatalog,
} from '../../catalogs/mlps-catalog';
import {
  EXTENSIONS,
  REQUIREMENT_CATEGORIES,
  type Extension,
  type RequirementCategory,
} from '../../catalogs/mlps-catalog.schema';
import { extensionsForSystemTypes, type CloudRole } from '../../domain/mlps/baseline';
import { NotFoundError } from '../../errors';
import type { CatalogItemDto } from '../../shared/api-types';
import { SYSTEM_TYPES, type ProtectionLevel, type SystemType } from '../../shared/mlps';
import { formatTable, UsageError } from '../io';
import { CATEGORY, EXTENSION } from '../../shared/vocabulary';

// Labels from the shared vocabulary, as the web and the reports show them.
const EXTENSION_ZH = (e: Extension): string => EXTENSION[e].zh;
const CATEGORY_ZH = (c: RequirementCategory): string => CATEGORY[c].zh;

export function registerCatalog(program: Command): void {
  const catalog = program
    .command('catalog')
    .description('the GB/T 22239-2019 catalog: requirements, baselines, high-risk guide');

  catalog
    .command('summary')
    .description('item and control-point counts per level, extension and category')
    .option('--json', 'print as JSON')
    .option('--markdown', 'print the count tables as Markdown (as in the README)')
    .action((opts: { json?: boolean; markdown?: boolean }) => {
      const summary = catalogSummary(shippedMlpsCatalog());
      if (opts.json) return printJson(summary);
      if (opts.markdown) return out(catalogCountsMarkdown(summary));
      const rows = summary.counts.map((c) => [
        `第${c.level}级`,
        EXTENSION_ZH(c.extension),
        String(c.controlPoints),
        String(c.items),
        REQUIREMENT_CATEGORIES.filter((k) => c.byCategory[k] !== undefined)
          .map((k) => `${k} ${c.byCategory[k]}`)
          .join(', '),
      ]);
      out(formatTable(['等级', '要求类别', '控制点', '要求项', '按层面'], rows));
      out(
        `\n高风险判定指引案例 ${summary.highRiskCases} 个；重大风险隐患触发项 ${summary.majorRiskTriggers} 个`,
      );
    });

  catalog
    .command('list')
    .description('requirement items of one level (filter by extension, category, search text)')
    .addOption(levelOption(4).default('3'))
    .option('--ext <list>', 'extensions, comma-separated: ' + EXTENSIONS.join(', '))
    .addOption(new Option('--category <code>', 'category').choices(REQUIREMENT_CATEGORIES))
    .option('--search <text>', 'words to find in ids, clauses, Chinese or English text')
    .option('--json', 'print as JSON')
    .action(
      (opts: {
        level: string;
        ext?: string;
        category?: RequirementCategory;
        search?: string;
        json?: boolean;
      }) => {
        const items = listCatalogItems(shippedMlpsCatalog(), {
          level: parseLevel(opts.level, 4) as 1 | 2 | 3 | 4,
          extensions: opts.ext === undefined ? undefined : parseExtensions(opts.ext),
          category: opts.category,
          query: opts.search,
        });
        if (opts.json) return printJson({ items, total: items.length });
        out(itemTable(items));
        out(`\n共 ${items.length} 项`);
      },
    );

  catalog
    .command('show')
    .description('one requirement: every level, weights, high-risk cases, triggers, crosswalks')
    .argument('<id>', 'requirement id, e.g. 8.1.4.1-a')
    .option('--json', 'print as JSON')
    .action((id: string, opts: { json?: boolean }) => {
      const detail = requirementDetail(shippedMlpsCatalog(), id);
      if (detail === undefined) throw new NotFoundError('requirement', id);
      if (opts.json) return printJson(detail);
      out(`${detail.id}  ${detail.title.zh} / ${detail.title.en}`);
      out(
        `控制点 ${detail.controlPoint.title.zh}（${EXTENSION_ZH(detail.extension)} · ${CATEGORY_ZH(detail.category)}）`,
      );
      out(`${detail.summary.zh}\n${detail.summary.en}`);
      out(
        formatTable(
          ['等级', '条款', '测评项编号', '权重', '本级要求差异'],
          detail.levels.map((l) => [
            `第${l.level}级`,
            `${l.clause} ${l.item})`,
            l.testId ?? '—',
            l.weight === null ? '—' : String(l.weight.value),
            l.wording?.zh ?? '',
          ]),
        ),
      );
      out(
        `测评方式: ${detail.methods.join(', ')}；典型证据: ${detail.evidence.map((e) => e.zh).join('；')}`,
      );
      if (detail.responsibility !== null) out(`云上责任: ${detail.responsibility}`);
      out(
        `来源: ${detail.provenance.status} — ${detail.provenance.sources.map((s) => s.key).join(', ')}${detail.provenance.note === null ? '' : `（${detail.provenance.note.zh}）`}`,
      );
      for (const c of detail.highRiskCases) {
        out(`\n高风险判定 ${c.id} ${c.title.zh}（第${c.minLevel}级及以上）`);
        for (const s of c.symptoms) out(`  · ${s.zh}`);
        out(
          c.mitigations.length === 0
            ? '  缓解措施: 无（直接判为高风险）'
            : `  缓解措施: ${c.mitigations.map((m) => m.zh).join('；')}`,
        );
      }
      for (const t of detail.majorRiskTriggers) out(`重大风险隐患触发项 ${t.id} ${t.title.zh}`);
      if (detail.alsoSatisfies.length > 0) {
        out(
          `\n同时覆盖: ${detail.alsoSatisfies.map((m) => `${m.catalog} ${m.controlId}（${m.relation}, ${m.coverage}）`).join('；')}`,
        );
      }
    });

  catalog
    .command('baseline')
    .description('the requirement set for a level plus extensions (or a system type list)')
    .addOption(levelOption(5).makeOptionMandatory())
    .option('--ext <list>', 'extensions, comma-separated: ' + EXTENSIONS.join(', '))
    .option('--types <list>', 'grading-object types instead of --ext: ' + SYSTEM_TYPES.join(', '))
    .addOption(
      new Option('--cloud-role <role>', 'cloud side for cloud items').choices([
        'provider',
        'tenant',
      ]),
    )
    .option('--json', 'print as JSON')
    .action(
      (opts: {
        level: string;
        ext?: string;
        types?: string;
        cloudRole?: CloudRole;
        json?: boolean;
      }) => {
        if (opts.ext !== undefined && opts.types !== undefined) {
          throw new UsageError('give either --ext or --types, not both');
        }
        let extensions = opts.ext === undefined ? [] : parseExtensions(opts.ext);
        let cloudRole = opts.cloudRole;
        if (opts.types !== undefined) {
          const chosen = extensionsForSystemTypes(parseTypes(opts.types));
          extensions = chosen.extensions;
          cloudRole ??= chosen.cloudRole;
        }
        const level = parseLevel(opts.level, 5) as ProtectionLevel;
        const baseline = catalogBaseline(shippedMlpsCatalog(), level, extensions, cloudRole);
        if (opts.json) return printJson(baseline);
        out(itemTable(baseline.items));
        out(
          `\n第${baseline.level}级基线（${baseline.extensions.map((e) => EXTENSION_ZH(e)).join(' + ')}${baseline.cloudRole === null ? '' : `，云${baseline.cloudRole === 'provider' ? '服务商' : '租户'}侧`}）：${baseline.counts.controlPoints} 个控制点，${baseline.counts.items} 个要求项（技术 ${baseline.counts.byKind.technical}，管理 ${baseline.counts.byKind.management}）`,
        );
        if (baseline.note !== null) out(baseline.note.zh);
        const STATUS_ZH = {
          sourced: '有来源',
          unverified: '未核实',
          incomplete: '不完整',
          missing: '缺失',
        };
        for (const gap of baseline.gaps) {
          out(
            `注意 / gap: ${EXTENSION_ZH(gap.extension)} 第${gap.level}级 ${STATUS_ZH[gap.status]} (${gap.status})${gap.note === null ? '' : ` — ${gap.note.zh}`}`,
          );
        }
      },
    );

  catalog
    .command('high-risk')
    .description('the high-risk judgement guide cases with linked requirements')
    .option('--json', 'print as JSON')
    .action((opts: { json?: boolean }) => {
      const items = highRiskCaseList(shippedMlpsCatalog());
      if (opts.json) return printJson({ items, total: items.length });
      out(
        formatTable(
          ['案例', '扩展', '适用', '问题', '对应要求项', '可缓解'],
          items.map((c) => [
            c.id,
            EXTENSION_ZH(c.extension),
            `L${c.minLevel}+`,
            c.title.zh,
            c.requirementIds.join(' '),
            c.mitigations.length > 0 ? '是' : '否',
          ]),
        ),
      );
    });

  catalog
    .command('triggers')
    .description('major-risk triggers (重大风险隐患) of the 2025 report template')
    .option('--json', 'print as JSON')
    .action((opts: { json?: boolean }) => {
      const items = majorRiskTriggerList(shippedMlpsCatalog());
      if (opts.json) return printJson({ items, total: items.length });
      out(
        formatTable(
          ['编号', '层面', '触发项', '对应要求项'],
          items.map((t) => [t.id, t.category, t.title.zh, t.requirementIds.join(' ')]),
        ),
      );
    });

  catalog
    .command('compile')
    .description('validate the shipped YAML and write the pre-parsed copy read at start-up')
    .action(() => {
      const result = compileMlpsCatalog();
      if (!result.ok) {
        for (const p of result.problems) {
          process.stderr.write(`${p.file}:${p.line ?? '?'}  ${p.path}  ${p.message}\n`);
        }
        throw new UsageError(
          `${result.problems.length} problem(s) in the catalog; nothing written`,
        );
      }
      out(`wrote ${SOURCE_COMPILED_MLPS_CATALOG}`);
      // Running from dist/: the program reads its own copies until it is rebuilt.
      if (SOURCE_COMPILED_MLPS_CATALOG !== COMPILED_MLPS_CATALOG)
        out('run `npm run build` so that dengbao serves the changed catalog');
    });

  catalog
    .command('validate')
    .description('validate a catalog directory (default: the shipped one); lists every problem')
    .argument('[dir]', 'directory of catalog YAML files')
    .action((dir: string | undefined) => {
      const result = loadMlpsCatalog(dir);
      if (!result.ok) {
        for (const p of result.problems) {
          process.stderr.write(`${p.file}:${p.line ?? '?'}  ${p.path}  ${p.message}\n`);
        }
        throw new UsageError(`${result.problems.length} problem(s) in the catalog`);
      }
      out(
        `catalog OK: ${result.catalog.controlPoints.length} control points, ${result.catalog.requirements.length} requirements, ${result.catalog.highRiskCases.length} high-risk cases, ${result.catalog.majorRiskTriggers.length} triggers`,
      );
    });
}

function levelOption(max: 4 | 5): Option {
  return new Option('--level <n>', `protection level 1–${max}`);
}

function parseLevel(value: string, max: 4 | 5): number {
  const level = Number(value);
  if (!Number.isInteger(level) || level < 1 || level > max) {
    throw new UsageError(`--level must be a whole number from 1 to ${max}, got "${value}"`);
  }
  return level;
}

function parseExtensions(value: string): Extension[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => {
      if (!(EXTENSIONS as readonly string[]).includes(part)) {
        throw new UsageError(`--ext: unknown extension "${part}" (use ${EXTENSIONS.join(', ')})`);
      }
      return part as Extension;
    });
}

function parseTypes(value: string): SystemType[] {
  return value.split(',').map((part) => {
    const type = part.trim();
    if (!(SYSTEM_TYPES as readonly string[]).includes(type)) {
      throw new UsageError(`--types: unknown type "${type}" (use ${SYSTEM_TYPES.join(', ')})`);
    }
    return type as SystemType;
  });
}

function itemTable(items: readonly CatalogItemDto[]): string {
  return formatTable(
    ['编号', '条款', '测评项', '层面', '控制点', '要求项', '权重', '高风险'],
    items.map((i) => [
      i.id,
      i.clause,
      i.testId ?? '—',
      i.extension === 'general'
        ? CATEGORY_ZH(i.category)
        : `${CATEGORY_ZH(i.category)}（${EXTENSION_ZH(i.extension)}）`,
      i.controlPointTitle.zh,
      i.title.zh,
      i.weight === null ? '—' : String(i.weight.value),
      i.highRiskCaseIds.join(' '),
    ]),
  );
}

function out(text: string): void {
  process.stdout.write(`${text}\n`);
}

function printJson(value: unknown): void {
  out(JSON.stringify(value, null, 2));
}
