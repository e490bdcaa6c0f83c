/**
 * Renders docs/sources.md: every public instrument dengbao cites (from the knowledge base), the
 * State Council holiday notices behind the working-day calendar, and the versions of the
 * regulatory data, with what each source is used for. Deterministic (no clock), so a test can
 * fail when the committed file is stale; `npx tsx scripts/generate-sources.ts` rewrites it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OBLIGATION_RULES } from '../domain/obligations/evaluate';
import { loadCiiCapabilityCatalogFrom } from './cii-capability-catalog';
import { loadDataClassification } from './data-classification';
import { loadFilingFormOptions } from './filing-form';
import { loadFtzNegativeLists } from './ftz-negative-lists';
import { loadHolidayCalendar, type HolidayCalendarCatalog } from './holiday-calendar';
import { loadKnowledgeBase, type KnowledgeBase } from './knowledge-base';
import type { Instrument } from './knowledge-base.schema';
import { loadMlpsCatalog } from './mlps-catalog';
import { loadPenalties } from './penalties';
import { loadPiCategories } from './pi-categories';
import { loadPipiaQuestionnaire } from './pipia-questionnaire';
import { loadSectorGrading } from './sector-grading/load';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Where the document lives, relative to the repository root. */
export const SOURCES_DOC_PATH = 'docs/sources.md';

const KIND_ZH: Record<Instrument['kind'], string> = {
  law: '法律 Law',
  administrative_regulation: '行政法规 Administrative regulation',
  departmental_rule: '部门规章 Departmental rule',
  normative_document: '规范性文件 Normative document',
  national_standard: '国家标准 National standard',
  sector_standard: '行业标准 Sector standard',
  guidance: '指引 Guidance',
};

const STATUS: Record<Instrument['status'], string> = {
  in_force: '现行有效 in force',
  amended: '已修正 amended',
  repealed: '已废止 repealed',
  superseded: '已被替代 superseded',
};

/** Non-test TypeScript files under src/ that name an instrument id in a citation. */
function codeCitations(): Map<string, Set<string>> {
  const byInstrument = new Map<string, Set<string>>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) {
        const text = readFileSync(full, 'utf8');
        // `instrumentId: 'x'` literals and the `cite('x', …)` helper of the citations modules.
        for (const m of text.matchAll(/(?:instrumentId: |\bcite\()'([a-z0-9-]+)'/g)) {
          const id = m[1] as string;
          let files = byInstrument.get(id);
          if (!files) byInstrument.set(id, (files = new Set()));
          files.add(relative(REPO_ROOT, full).split('\\').join('/'));
        }
      }
    }
  };
  walk(join(REPO_ROOT, 'src'));
  return byInstrument;
}

function cell(text: string | null | undefined): string {
  return (text ?? '—').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The document text. Throws if any catalog is invalid (the catalog tests say why). */
export function renderSourcesDoc(): string {
  const kbResult = loadKnowledgeBase();
  const mlps = loadMlpsCatalog();
  const cii = loadCiiCapabilityCatalogFrom();
  const cal = loadHolidayCalendar();
  const filing = loadFilingFormOptions();
  if (!filing.ok) throw new Error('the filing form option lists are invalid: run their test');
  const sector = loadSectorGrading();
  const piCategories = loadPiCategories();
  const pipia = loadPipiaQuestionnaire();
  const penalties = loadPenalties();
  const ftz = loadFtzNegativeLists();
  const classification = loadDataClassification();
  if (!classification.ok)
    throw new Error('the data-classification catalog is invalid: run its test for the problems');
  if (!piCategories.ok || !pipia.ok || !penalties.ok || !ftz.ok)
    throw new Error('a personal-information catalog is invalid: run its test for the problems');
  if (!kbResult.ok || !mlps.ok || !cii.ok || !cal.ok || !sector.ok)
    throw new Error('a catalog is invalid: run its test for the problems');
  const kb: KnowledgeBase = kbResult.kb;
  const calendar: HolidayCalendarCatalog = cal.catalog;
  const inCode = codeCitations();

  const out: string[] = [];
  const p = (...lines: string[]) => out.push(...lines);

  p(
    '# 引用来源 Sources',
    '',
    '<!-- Generated from src/catalogs/** by `npx tsx scripts/generate-sources.ts`; do not edit by',
    '     hand. src/catalogs/sources-doc.test.ts fails when this file is stale. -->',
    '',
    '本文列出 dengbao 引用的全部公开文件（法律、行政法规、部门规章、规范性文件、国家标准、国务院办公厅通知）：',
    '文号、日期、官方网址（如有）以及在本项目中的用途。官方网址仅收录在官方 *.gov.cn 网站上找到的版本，',
    '未找到的留空并注明我们阅读文本的位置。国家标准全文可在国家标准全文公开系统 https://openstd.samr.gov.cn/',
    '或全国标准信息公共服务平台 https://std.samr.gov.cn/ 按标准号检索。',
    '',
    'Every public instrument dengbao cites — laws, regulations, departmental rules, normative',
    'documents, national standards and State Council General Office notices — with its number,',
    'dates, official URL where one was found (only official *.gov.cn sites; never guessed) and',
    'what it is used for here. How to update a rule when a law changes: CONTRIBUTING.md.',
    '',
    '## 数据版本 Data versions',
    '',
    '| 数据 Data | 文件 File | 版本 Version | 内容摘要 Content hash (SHA-256) |',
    '|---|---|---|---|',
    `| 知识库 Knowledge base | src/catalogs/knowledge-base/ | ${kb.version} | \`${kb.sourceHash}\` |`,
    `| GB/T 22239-2019 目录 catalog | src/catalogs/gbt22239/ | ${mlps.catalog.version} | \`${mlps.catalog.sourceHash}\` |`,
    `| GB/T 39204-2022 目录 catalog | src/catalogs/gbt39204/ | ${cii.catalog.standard.version} | \`${cii.catalog.sourceHash}\` |`,
    `| 节假日日历 Holiday calendar | src/catalogs/calendar/cn-holidays.yaml | ${calendar.version} | \`${calendar.sourceHash}\` |`,
    `| 备案表选项 Filing form option lists | src/catalogs/filing-form/options.yaml | ${filing.catalog.version} | \`${filing.catalog.sourceHash}\` |`,
    `| 行业定级指导 Sector grading guidance | src/catalogs/sector-grading/guides.yaml | ${sector.catalog.version} | \`${sector.catalog.sourceHash}\` |`,
    `| 敏感个人信息分类 Personal-information categories | src/catalogs/pi-categories/categories.yaml | ${piCategories.catalog.version} | \`${piCategories.catalog.sourceHash}\` |`,
    `| 个人信息保护影响评估问卷 PIPIA questionnaire | src/catalogs/pipia-questionnaire/questionnaire.yaml | ${pipia.questionnaire.version} | \`${pipia.questionnaire.sourceHash}\` |`,
    `| 罚则 Penalty provisions | src/catalogs/penalties/penalties.yaml | ${penalties.catalog.version} | \`${penalties.catalog.sourceHash}\` |`,
    `| 自贸试验区数据出境负面清单 FTZ negative lists | src/catalogs/ftz-negative-lists/lists.yaml | ${ftz.catalog.version} | \`${ftz.catalog.sourceHash}\` |`,
    `| 数据分类分级 Data classification | src/catalogs/data-classification/ | ${classification.catalog.version} | \`${classification.catalog.sourceHash}\` |`,
    '',
    'The hash covers canonical JSON of the parsed data: editing a comment does not change it,',
    'changing any value does. Each data file carries its changelog.',
    '',
  );

  // --- free-trade-zone negative lists (2024 Provisions Art. 6) --------------------------------
  p(
    '## 自贸试验区数据出境负面清单 Free-trade-zone negative lists',
    '',
    '《促进和规范数据跨境流动规定》第六条：区内数据处理者向境外提供负面清单外的数据，免予申报安全评估、',
    '订立标准合同和认证。登记簿概况的 freeTradeZone 填写下表的清单编号。',
    'Lists a register profile may name (`freeTradeZone`); the paths grant a claimed Art. 6 exemption',
    'from the list’s effective day. Only the lists’ existence and dates are encoded, not their items.',
    '',
    '| 编号 Id | 清单 List | 发布 Published | 施行 In effect from | 来源 Source | 核实 Status |',
    '|---|---|---|---|---|---|',
  );
  for (const l of ftz.catalog.lists)
    p(
      `| \`${l.id}\` | ${cell(l.titleZh)} | ${l.publishedOn} | ${l.effectiveFrom}${l.effectiveTo ? `–${l.effectiveTo}` : ''} | ${l.sourceOfficial ? '官方 official' : '非官方 unofficial'}: ${cell(l.sourceUrl)} | ${l.verification.status} |`,
    );
  p('');

  // --- instruments --------------------------------------------------------------------------
  p('## 法律法规与标准 Instruments', '');
  const rulesByInstrument = new Map<string, string[]>();
  for (const rule of OBLIGATION_RULES) {
    const ids = new Set(rule.citations.map((c) => c.instrumentId));
    for (const id of ids) {
      const provisions = rule.citations
        .filter((c) => c.instrumentId === id && c.provisionId)
        .map((c) => c.provisionId);
      const list = rulesByInstrument.get(id) ?? [];
      list.push(
        `\`${rule.id}\` ${rule.titleZh}${provisions.length ? ` (${provisions.join(', ')})` : ''}`,
      );
      rulesByInstrument.set(id, list);
    }
  }
  const catalogUse: Record<string, string> = {
    'gbt-22239-2019': `GB/T 22239-2019 requirement catalog (src/catalogs/gbt22239/, version ${mlps.catalog.version}): baselines, assessments, scores`,
    'gbt-39204-2022': `GB/T 39204-2022 capability catalog (src/catalogs/gbt39204/, version ${cii.catalog.standard.version}): CII evaluations`,
  };
  // Instruments the personal-information catalogs cite (their citations live in YAML, not code).
  const dataCatalogUse = new Map<string, Set<string>>();
  const citedBy = (instrumentId: string, what: string) => {
    let set = dataCatalogUse.get(instrumentId);
    if (!set) dataCatalogUse.set(instrumentId, (set = new Set()));
    set.add(what);
  };
  for (const c of piCategories.catalog.categories)
    for (const cit of c.citations)
      citedBy(cit.instrumentId, 'personal-information categories (src/catalogs/pi-categories/)');
  for (const q of pipia.questionnaire.questions)
    for (const cit of q.citations)
      citedBy(cit.instrumentId, 'PIPIA questionnaire (src/catalogs/pipia-questionnaire/)');
  for (const e of penalties.catalog.penalties)
    citedBy(e.instrumentId, 'penalty provisions (src/catalogs/penalties/)');
  for (const c of classification.catalog.catalogues) {
    citedBy(c.instrumentId, 'data-classification catalog (src/catalogs/data-classification/)');
    for (const e of c.entries)
      citedBy(
        e.citation.instrumentId,
        'data-classification catalog (src/catalogs/data-classification/)',
      );
  }

  for (const instrument of kb.instruments) {
    const heading =
      instrument.kind.endsWith('standard') && instrument.documentNumber
        ? `${instrument.documentNumber}《${instrument.titleZh}》`
        : `《${instrument.titleZh}》`;
    p(`### ${heading}`, '', `${instrument.titleEn}`, '');
    p('| | |', '|---|---|');
    p(`| Id | \`${instrument.id}\` |`);
    p(`| 类别 Kind | ${KIND_ZH[instrument.kind]} |`);
    p(`| 发布机关 Issuer | ${cell(instrument.issuerZh)} (${cell(instrument.issuerEn)}) |`);
    p(`| 文号 Number | ${cell(instrument.documentNumber ?? '未见 not seen')} |`);
    p(`| 公布 Issued | ${cell(instrument.promulgatedOn ?? '未见 not seen')} |`);
    p(
      `| 施行 In force | ${cell(instrument.effectiveFrom ?? '未见 not seen')}${instrument.effectiveTo ? ` – ${instrument.effectiveTo}` : ''} |`,
    );
    p(
      `| 状态 Status | ${STATUS[instrument.status]}${instrument.supersededBy ? ` → \`${instrument.supersededBy}\`` : ''} |`,
    );
    p(
      `| 官方网址 Official URL | ${instrument.officialUrl ?? '未在官方网站找到 none found on an official site'} |`,
    );
    if (instrument.sourceUrl || instrument.sourceNote)
      p(
        `| 文本来源 Text read at | ${cell([instrument.sourceUrl, instrument.sourceNote].filter(Boolean).join(' — '))} |`,
      );
    p(
      `| 核实 Verification | ${instrument.verification.status}: ${cell(instrument.verification.note)} |`,
    );
    if (instrument.provisions.length > 0)
      p(
        `| 条款 Provisions | ${instrument.provisions.map((pr) => `${pr.labelZh} (\`${pr.id}\`)`).join('、')} |`,
      );
    const uses: string[] = [];
    const use = catalogUse[instrument.id];
    if (use) uses.push(use);
    for (const what of [...(dataCatalogUse.get(instrument.id) ?? [])].sort()) uses.push(what);
    for (const r of rulesByInstrument.get(instrument.id) ?? []) uses.push(`obligation rule ${r}`);
    for (const f of [...(inCode.get(instrument.id) ?? [])].sort())
      if (!f.startsWith('src/domain/obligations/rules/')) uses.push(`cited in ${f}`);
    p(
      `| 用途 Used for | ${uses.length ? cell(uses.join('; ')) : '背景资料 background only'} |`,
      '',
    );
  }

  // --- filing form option lists ------------------------------------------------------------
  p(
    '## 备案表选项 Filing form option lists',
    '',
    `The coded answers of 表一 and 表二 (src/catalogs/filing-form/options.yaml, version ${filing.catalog.version}):`,
    `${filing.catalog.edition.title.zh} (${filing.catalog.edition.year}). ${filing.catalog.edition.note.en}`,
    'Status `verified`: texts and codes checked against transcriptions of the form; `unverified`: not checked.',
    '',
    '| 选项 List | 栏目 Item | 代码 Codes | 核实 Status | 依据 Sources |',
    '|---|---|---|---|---|',
  );
  for (const [id, list] of Object.entries(filing.catalog.lists))
    p(
      `| \`${id}\` ${list.label.zh} | ${list.formItem} | ${cell(list.options.map((o) => `${o.code} ${o.zh}`).join('，'))} | ${list.status} | ${cell(list.sources.map((s) => (s.url ? `${s.title.zh} ${s.url}` : s.title.zh)).join('；'))} |`,
    );
  p('');

  // --- holiday notices ----------------------------------------------------------------------
  p(
    '## 国务院办公厅节假日安排通知 Holiday notices',
    '',
    'Used for every deadline counted in working days (工作日): the working-day calendar',
    `(src/catalogs/calendar/cn-holidays.yaml, version ${calendar.version}) covers`,
    `${calendar.years[0]?.year}–${calendar.years[calendar.years.length - 1]?.year}.`,
    '',
    '| 年份 Year | 通知 Notice | 文号 Number | 成文 Dated | 发布 Published | 网址 URL |',
    '|---|---|---|---|---|---|',
  );
  for (const y of calendar.years) {
    for (const n of [y.notice, ...y.amendments])
      p(`| ${y.year} | ${n.titleZh} | ${n.documentNo} | ${n.dated} | ${n.published} | ${n.url} |`);
  }
  const check = calendar.nextYearCheck;
  if (check)
    p(
      '',
      `${check.year}: 国务院办公厅关于${check.year}年部分节假日安排的通知 — searched on ${check.checkedOn}, not yet published. ` +
        `Working-day deadlines that reach into ${check.year} are shown as undetermined until it is added.`,
    );

  // --- sector grading guidance --------------------------------------------------------------
  p(
    '',
    '## 行业定级指导 Sector grading guidance',
    '',
    'Recommended minimum levels set by sector regulators, shown in the grading wizard and the',
    '定级报告 (section 4.3) with a warning when the level is below them; they never change the',
    'level. Status `unverified`: the rule was read only in public restatements, not in the text.',
    '',
    '| 指导 Guide | 行业 Sector | 最低 Minimum | 依据 Source | 网址 URL | 核实 Status |',
    '|---|---|---|---|---|---|',
  );
  for (const g of sector.catalog.guides)
    for (const source of g.sources)
      p(
        `| \`${g.id}\` ${cell(g.rule.zh)} | ${g.sector.code} ${g.sector.zh} | 第${g.recommendedMinimum}级 | ${cell(`${source.instrumentZh}（${[source.documentNumber, source.issuerZh, source.issuedOn].filter(Boolean).join('，')}）${source.provisionZh ?? ''}${source.relation === 'related' ? '（相关文件 related）' : ''}`)} | ${source.url ?? '—'} | ${g.status} |`,
      );
  p('');
  return out.join('\n');
}
