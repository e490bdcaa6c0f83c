/**
 * 安全问题整改方案 of one level assessment, as a practitioner writes it: basis and objectives, the
 * gap by security category, technical and management measures per finding (with what was
 * found), a Gantt-style schedule, owners, budget and products, and the tracker as an appendix.
 * Data in, {@link ReportDocument} out.
 *
 * Sourcing: no official template for a rectification plan exists in our sources; the layout is
 * ours. Its contents follow what 公网安〔2025〕1846号 Q23–Q24 ask of the protection work plan
 * (problems found, remediation approach and plan) and the report's 安全问题整改建议 chapter.
 */
import type {
  AssessmentScoreDto,
  AssessmentSummaryDto,
  CatalogCategory,
  FindingDto,
  ItemResultCode,
  MajorRiskDto,
  OrganisationDto,
  RectificationDto,
  RectificationStatusCode,
  RiskLevelCode,
  ScoreResultDto,
} from '../../shared/api-types';
import {
  toFen,
  type MeasureKind,
  type RectificationPlanDto,
} from '../../shared/rectification-plan-schemas';
import { label } from '../../shared/vocabulary';
import {
  fields,
  h1,
  h2,
  h3,
  p,
  table,
  toc,
  type Block,
  type Lang,
  type ReportDocument,
  type TableColumn,
} from '../model';
import { wording, type DocumentOverrides, type OverridableBlock } from '../overrides';
import {
  blank,
  CATEGORY_ORDER,
  categoryLabel,
  CONCLUSION,
  date,
  figure,
  figureName,
  ITEM_RESULT,
  join,
  levelFull,
  majorRiskCount,
  none,
  orBlank,
  RECTIFICATION_STATUS,
  RISK,
  type Bilingual,
} from './labels';

/** What a test object showed for a failing requirement: its 结果记录. */
export interface FindingRecord {
  readonly requirementId: string;
  readonly objectName: string;
  readonly result: ItemResultCode;
  readonly record: string | null;
}

export interface RectificationPlanInput {
  readonly organisation: OrganisationDto;
  readonly assessment: AssessmentSummaryDto;
  readonly rectifications: readonly RectificationDto[];
  /** The assessment's findings, for the problems, categories and risks (optional). */
  readonly findings?: readonly FindingDto[];
  /** The failing objects' 结果记录, for what was found (optional). */
  readonly records?: readonly FindingRecord[];
  /** Scores before and after rectification (optional). */
  readonly score?: AssessmentScoreDto | null;
  /** The score expected once every planned item is done (optional). */
  readonly expected?: ScoreResultDto | null;
  readonly majorRisks?: readonly MajorRiskDto[];
  /** The category of each baseline requirement, for items whose finding is gone. */
  readonly categoryOf?: Readonly<Record<string, string>>;
  /** The plan's own objectives, principles and budget note. */
  readonly plan?: RectificationPlanDto | null;
  readonly overrides?: DocumentOverrides;
  /** The day the plan is produced; overdue days count to it. YYYY-MM-DD. */
  readonly asOf: string;
}

export const RECTIFICATION_PLAN_SOURCING: Bilingual = {
  zh: '整改方案无官方模板来源，章节结构为本项目自行编排。',
  en: 'No official template was found for a rectification plan; the layout is ours.',
};

/** The fixed wording of the plan an organisation may reword (文书模板). */
export const RECTIFICATION_PLAN_BLOCKS: readonly OverridableBlock[] = [
  {
    key: 'rectification.basis',
    label: { zh: '整改依据', en: 'Basis' },
    defaults: {
      zh: '《中华人民共和国网络安全法》第二十三条（2025年修正、2026年1月1日起施行；修正前为第二十一条：网络运营者应当按照网络安全等级保护制度的要求履行安全保护义务）；GB/T 22239—2019《信息安全技术 网络安全等级保护基本要求》；GB/T 28448—2019《信息安全技术 网络安全等级保护测评要求》；本次等级测评报告及其安全问题整改建议。',
      en: 'Cybersecurity Law of the PRC, Article 23 as amended in 2025, in force 1 January 2026 (formerly Article 21: network operators fulfil their security duties under the multi-level protection scheme); GB/T 22239-2019 Baseline for classified protection of cybersecurity; GB/T 28448-2019 Evaluation requirement for classified protection of cybersecurity; this assessment report and its rectification advice.',
    },
    multiline: true,
  },
  {
    key: 'rectification.principles',
    label: { zh: '整改原则', en: 'Principles' },
    defaults: {
      zh: '风险优先：先整改重大风险隐患和高风险问题，再整改中、低风险问题；技管并重：技术措施与管理措施同步落实；统筹实施：结合业务连续性要求安排实施窗口，变更前备份、变更后验证；闭环验收：每项整改完成后经复测确认符合方可关闭。',
      en: 'Risk first: major risks and high risks before medium and low ones; technology and management together; implementation planned around business continuity, with backups before and checks after each change; closed loop: an item closes only when a re-test finds it compliant.',
    },
    multiline: true,
  },
  {
    key: 'rectification.responsibilities',
    label: { zh: '责任分工', en: 'Responsibilities' },
    defaults: {
      zh: '单位网络安全工作领导小组统筹整改工作，审批方案与预算；信息部门牵头组织实施技术措施；各业务部门配合落实管理措施；每项整改由下表所列负责人对进度和质量负责，完成后提请测评机构复测。',
      en: "The organisation's cybersecurity leading group directs the work and approves the plan and budget; the IT department leads the technical measures; business departments carry out the management measures; each item's owner below answers for its progress and quality and asks the assessment agency for the re-test.",
    },
    multiline: true,
  },
];

export const STATUS_ORDER: readonly RectificationStatusCode[] = [
  'open',
  'in_progress',
  'fixed',
  'verified',
  'risk_accepted',
];
const RISK_ORDER: readonly (RiskLevelCode | null)[] = ['high', 'medium', 'low', null];
/** The technical categories of GB/T 22239 (安全物理环境 … 安全管理中心); the rest are management. */
const TECHNICAL_CATEGORIES: ReadonlySet<string> = new Set(['PES', 'CNS', 'ABS', 'CES', 'SMC']);

const H = {
  ch1: { zh: '1 整改依据与目标', en: '1 Basis and objectives' },
  s11: { zh: '1.1 基本情况', en: '1.1 Overview' },
  s12: { zh: '1.2 整改依据', en: '1.2 Basis' },
  s13: { zh: '1.3 整改目标', en: '1.3 Objectives' },
  s14: { zh: '1.4 整改原则', en: '1.4 Principles' },
  ch2: { zh: '2 差距分析', en: '2 Gap analysis' },
  s21: { zh: '2.1 按安全类统计', en: '2.1 By security category' },
  s22: { zh: '2.2 符合率与结论', en: '2.2 Compliance rate and conclusion' },
  s23: { zh: '2.3 重大风险隐患与高风险问题', en: '2.3 Major risks and high risks' },
  ch3: { zh: '3 整改措施', en: '3 Measures' },
  s31: { zh: '3.1 技术措施', en: '3.1 Technical measures' },
  s32: { zh: '3.2 管理措施', en: '3.2 Management measures' },
  ch4: { zh: '4 进度安排', en: '4 Schedule' },
  ch5: { zh: '5 责任分工', en: '5 Responsibilities' },
  ch6: { zh: '6 预算与产品清单', en: '6 Budget and products' },
  s61: { zh: '6.1 预算明细', en: '6.1 Budget lines' },
  s62: { zh: '6.2 产品清单', en: '6.2 Products' },
  s63: { zh: '6.3 预算汇总', en: '6.3 Totals' },
  app: { zh: '附录A 整改跟踪表', en: 'Appendix A Rectification tracker' },
  a1: { zh: 'A.1 按整改状态统计', en: 'A.1 By status' },
  a2: { zh: 'A.2 按风险等级统计', en: 'A.2 By risk level' },
  a3: { zh: 'A.3 整改项跟踪', en: 'A.3 Items' },
  a4: { zh: 'A.4 逾期整改项', en: 'A.4 Overdue items' },
  a5: { zh: 'A.5 复测情况', en: 'A.5 Re-tests' },
  a6: { zh: 'A.6 风险接受', en: 'A.6 Accepted risks' },
} as const satisfies Record<string, Bilingual>;

/** Closed: re-tested and verified, or the risk formally accepted. */
export const isClosed = (r: Pick<RectificationDto, 'status'>): boolean =>
  r.status === 'verified' || r.status === 'risk_accepted';

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** 1234567 fen → "12,345.67". */
export function money(fen: number): string {
  const whole = Math.trunc(fen / 100);
  const cents = Math.abs(fen % 100);
  return `${whole.toLocaleString('en-US')}.${String(cents).padStart(2, '0')}`;
}

/** The measure kind an item is planned under: its own, or its category's. */
export function measureKindOf(item: RectificationDto, category: string): MeasureKind {
  return item.measureKind ?? (TECHNICAL_CATEGORIES.has(category) ? 'technical' : 'management');
}

// ---- schedule ------------------------------------------------------------------------------

export type ScheduleUnit = 'week' | 'month' | 'quarter';

export interface SchedulePeriod {
  /** First and last day, YYYY-MM-DD. */
  readonly from: string;
  readonly to: string;
  readonly label: Bilingual;
}

const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const day = (s: string) => Date.parse(`${s}T00:00:00Z`);
const DAY = 86_400_000;
const MONTHS_EN = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

/** The span an item is scheduled for: start (or due) to due (or start); null when undated. */
export function itemSpan(r: Pick<RectificationDto, 'startDate' | 'dueDate'>) {
  const from = r.startDate ?? r.dueDate;
  const to = r.dueDate ?? r.startDate;
  return from && to ? { from, to } : null;
}

/**
 * The columns of the Gantt table: weeks (Monday to Sunday) for up to 12 weeks, months for up
 * to 24 months, quarters beyond (at most 40).
 */
export function schedulePeriods(
  from: string,
  to: string,
): {
  unit: ScheduleUnit;
  periods: SchedulePeriod[];
} {
  const start = day(from);
  const end = day(to);
  const monday = start - ((new Date(start).getUTCDay() + 6) % 7) * DAY;
  if (end - monday < 12 * 7 * DAY) {
    const periods: SchedulePeriod[] = [];
    for (let t = monday, n = 1; t <= end; t += 7 * DAY, n += 1) {
      const first = iso(t);
      periods.push({
        from: first,
        to: iso(t + 6 * DAY),
        label: { zh: `第${n}周`, en: `W${n}` },
      });
    }
    return { unit: 'week', periods };
  }
  const [y0, m0] = [Number(from.slice(0, 4)), Number(from.slice(5, 7)) - 1];
  const [y1, m1] = [Number(to.slice(0, 4)), Number(to.slice(5, 7)) - 1];
  const months = (y1 - y0) * 12 + (m1 - m0) + 1;
  const crossesYear = y0 !== y1;
  const monthStart = (y: number, m: number) => iso(Date.UTC(y, m, 1));
  const monthEnd = (y: number, m: number) => iso(Date.UTC(y, m + 1, 0));
  if (months <= 24) {
    const periods: SchedulePeriod[] = [];
    for (let i = 0; i < months; i += 1) {
      const y = y0 + Math.floor((m0 + i) / 12);
      const m = (m0 + i) % 12;
      const yy = String(y).slice(2);
      periods.push({
        from: monthStart(y, m),
        to: monthEnd(y, m),
        label: crossesYear
          ? { zh: `${yy}年${m + 1}月`, en: `${MONTHS_EN[m]} ${yy}` }
          : { zh: `${m + 1}月`, en: MONTHS_EN[m]! },
      });
    }
    return { unit: 'month', periods };
  }
  const periods: SchedulePeriod[] = [];
  for (let y = y0, q = Math.floor(m0 / 3); y < y1 || (y === y1 && q <= Math.floor(m1 / 3));) {
    const yy = String(y).slice(2);
    periods.push({
      from: monthStart(y, q * 3),
      to: monthEnd(y, q * 3 + 2),
      label: { zh: `${yy}年Q${q + 1}`, en: `Q${q + 1} ${yy}` },
    });
    if (periods.length === 40) break;
    q += 1;
    if (q === 4) {
      q = 0;
      y += 1;
    }
  }
  return { unit: 'quarter', periods };
}

/** A 结果记录 on one line, without its final stop (records are joined with ；). */
const recordText = (record: string | null): string =>
  (record ?? '')
    .trim()
    .replace(/\s*\n\s*/g, ' ')
    .replace(/[。.;；]+$/, '');

/** The mark of a Gantt cell. */
export const GANTT_MARK = '■';

// ---- the document ----------------------------------------------------------------------------

export function buildRectificationPlan(input: RectificationPlanInput, lang: Lang): ReportDocument {
  const zh = lang === 'zh';
  const tx = (l: Bilingual) => l[lang];
  const say = (key: string) => {
    const block = RECTIFICATION_PLAN_BLOCKS.find((b) => b.key === key)!;
    return wording(input.overrides, key, lang, block.defaults[lang]);
  };
  const a = input.assessment;
  const sep = zh ? '：' : ': ';
  const paren = (t: string) => (zh ? `（${t}）` : ` (${t})`);
  const findings = new Map((input.findings ?? []).map((f) => [f.requirementId, f] as const));
  const categoryOf = (r: RectificationDto): string =>
    findings.get(r.requirementId)?.category ?? input.categoryOf?.[r.requirementId] ?? 'other';
  const categoryRank = (c: string) => {
    const i = CATEGORY_ORDER.indexOf(c as CatalogCategory);
    return i < 0 ? CATEGORY_ORDER.length : i;
  };
  const byClause = (x: RectificationDto, y: RectificationDto) =>
    categoryRank(categoryOf(x)) - categoryRank(categoryOf(y)) ||
    x.clause.localeCompare(y.clause, 'en', { numeric: true });
  const items = [...input.rectifications].sort(
    (x, y) =>
      RISK_ORDER.indexOf(x.risk) - RISK_ORDER.indexOf(y.risk) ||
      (x.dueDate ?? '9999').localeCompare(y.dueDate ?? '9999') ||
      x.clause.localeCompare(y.clause),
  );
  const inPlanOrder = [...input.rectifications].sort(byClause);
  const problem = (r: RectificationDto) => {
    const d = findings.get(r.requirementId)?.description;
    return d ? `${r.title[lang]}${sep}${d}` : r.title[lang];
  };
  const risk = (r: RectificationDto) => (r.risk ? RISK[r.risk][lang] : blank(lang));
  const overdue = items.filter((r) => r.overdue);
  const closed = items.filter(isClosed).length;
  const records = new Map<string, FindingRecord[]>();
  for (const rec of input.records ?? []) {
    const list = records.get(rec.requirementId) ?? [];
    list.push(rec);
    records.set(rec.requirementId, list);
  }
  /** What the assessor found: the failing objects' 结果记录 (else the finding's objects). */
  const found = (r: RectificationDto): string => {
    const recs = records.get(r.requirementId) ?? [];
    if (recs.length > 0)
      return recs
        .map(
          (x) =>
            `${x.objectName}${paren(ITEM_RESULT[x.result][lang])}${sep}${recordText(x.record) || (zh ? '未填写结果记录' : 'no record')}`,
        )
        .join(zh ? '；' : '; ');
    const f = findings.get(r.requirementId);
    if (!f) return blank(lang);
    return join(
      lang,
      f.objects
        .filter((o) => o.result === 'partial' || o.result === 'non_compliant')
        .map((o) => `${o.name}${paren(ITEM_RESULT[o.result as ItemResultCode][lang])}`),
    );
  };
  const cost = (r: RectificationDto) => {
    let budget = 0;
    for (const l of r.budgetLines) budget += toFen(l.amount);
    let products = 0;
    for (const x of r.products) products += toFen(x.unitPrice) * x.quantity;
    return { budget, products, total: budget + products };
  };
  const fen = (n: number) => money(n);
  const yuan = zh ? '（元）' : ' (CNY)';
  const costs = inPlanOrder.map(cost);
  const totalFen = costs.reduce((s, c) => s + c.total, 0);

  // ---- chapter 1
  const overview: [string, string][] = zh
    ? [
        ['被测单位', input.organisation.name],
        ['定级对象', a.systemName],
        ['安全保护等级', levelFull(lang, a.level)],
        ['等级测评', a.title],
        ['测评机构', orBlank(lang, a.agency)],
        ['报告编号', orBlank(lang, a.reportNumber)],
        ['报告日期', date(lang, a.reportDate)],
        ['整改项', String(items.length)],
        ['预算合计（元）', fen(totalFen)],
        ['编制日期', date(lang, input.asOf)],
      ]
    : [
        ['Organisation', input.organisation.nameEn ?? input.organisation.name],
        ['System', a.systemName],
        ['Protection level', levelFull(lang, a.level)],
        ['Assessment', a.title],
        ['Agency', orBlank(lang, a.agency)],
        ['Report number', orBlank(lang, a.reportNumber)],
        ['Report date', date(lang, a.reportDate)],
        ['Rectification items', String(items.length)],
        ['Budget total (CNY)', fen(totalFen)],
        ['Prepared on', date(lang, input.asOf)],
      ];
  const before = input.score?.before ?? null;
  const expected = input.expected ?? null;
  const highOpen = items.filter((r) => r.risk === 'high' && !isClosed(r)).length;
  const defaultObjectives = (() => {
    const parts: string[] = [];
    if (zh) {
      parts.push(
        `通过实施本方案，对本次等级测评发现的${items.length}个安全问题逐项落实技术措施和管理措施`,
      );
      if (highOpen > 0) parts.push(`，消除其中${highOpen}个尚未整改的高风险问题`);
      if (before && expected)
        parts.push(
          `，使${figureName(lang, before.policy)}由${figure(before)}提升至预计${figure(expected)}，测评结论由“${CONCLUSION[before.conclusion].zh}”达到“${CONCLUSION[expected.conclusion].zh}”`,
        );
      parts.push('。');
    } else {
      parts.push(
        `Carry out technical and management measures for each of the ${items.length} problems found by this assessment`,
      );
      if (highOpen > 0) parts.push(`, removing the ${highOpen} high risks still open`);
      if (before && expected)
        parts.push(
          `, raising the ${figureName(lang, before.policy).toLowerCase()} from ${figure(before)} to an expected ${figure(expected)} and the conclusion from ${CONCLUSION[before.conclusion].en} to ${CONCLUSION[expected.conclusion].en}`,
        );
      parts.push('.');
    }
    return parts.join('');
  })();
  const planText = (value: string | null | undefined, fallback: string) =>
    value && value.trim() !== '' ? value : fallback;
  const paragraphs = (text: string): Block[] =>
    text
      .split(/\n+/)
      .map((s) => s.trim())
      .filter((s) => s !== '')
      .map((s) => p(s));

  const blocks: Block[] = [
    toc,
    h1(tx(H.ch1)),
    h2(tx(H.s11)),
    fields(overview),
    h2(tx(H.s12)),
    ...paragraphs(say('rectification.basis')),
    h2(tx(H.s13)),
    ...paragraphs(planText(input.plan?.objectives, defaultObjectives)),
    h2(tx(H.s14)),
    ...paragraphs(planText(input.plan?.principles, say('rectification.principles'))),
  ];

  // ---- chapter 2: gap analysis
  blocks.push(h1(tx(H.ch2)), h2(tx(H.s21)));
  const allFindings = input.findings ?? [];
  const categories = new Set<string>();
  for (const f of allFindings) categories.add(f.category);
  for (const r of items) categories.add(categoryOf(r));
  for (const c of before?.byCategory ?? []) if (c.applicable > 0) categories.add(c.category);
  const orderedCategories = [...categories].sort((x, y) => categoryRank(x) - categoryRank(y));
  const rateOf = (s: ScoreResultDto | null | undefined, category: string) => {
    const v = s?.byCategory.find((c) => c.category === category)?.value;
    return v === null || v === undefined ? '—' : `${v.toFixed(2)}%`;
  };
  const count = (list: readonly FindingDto[], pred: (f: FindingDto) => boolean) =>
    String(list.filter(pred).length);
  const gapRows = orderedCategories.map((c) => {
    const mine = allFindings.filter((f) => f.category === c);
    return [
      categoryLabel(lang, c),
      count(mine, (f) => f.result === 'non_compliant'),
      count(mine, (f) => f.result === 'partial'),
      count(mine, (f) => f.effectiveRisk === 'high'),
      count(mine, (f) => f.effectiveRisk === 'medium'),
      count(mine, (f) => f.effectiveRisk === 'low'),
      rateOf(before, c),
      rateOf(expected, c),
    ];
  });
  gapRows.push([
    zh ? '合计' : 'Total',
    count(allFindings, (f) => f.result === 'non_compliant'),
    count(allFindings, (f) => f.result === 'partial'),
    count(allFindings, (f) => f.effectiveRisk === 'high'),
    count(allFindings, (f) => f.effectiveRisk === 'medium'),
    count(allFindings, (f) => f.effectiveRisk === 'low'),
    before ? figure(before) : '—',
    expected ? figure(expected) : '—',
  ]);
  blocks.push(
    p(
      zh
        ? '下表按安全类统计本次测评的问题（按测评项计，取各测评对象中最差的结果）及风险等级，并列出各安全类当前与整改计划完成后预计的符合率。'
        : "Problems of this assessment by security category (per requirement, worst result over the objects) and risk level, with each category's compliance rate now and expected once the plan is done.",
    ),
    table(
      zh
        ? [
            { header: '安全类', width: 3 },
            { header: '不符合', width: 1.3, align: 'right' },
            { header: '部分符合', width: 1.5, align: 'right' },
            { header: '高风险', width: 1.3, align: 'right' },
            { header: '中风险', width: 1.3, align: 'right' },
            { header: '低风险', width: 1.3, align: 'right' },
            { header: '当前符合率', width: 2, align: 'right' },
            { header: '预计符合率', width: 2, align: 'right' },
          ]
        : [
            { header: 'Category', width: 3 },
            { header: 'Non-compliant', width: 1.5, align: 'right' },
            { header: 'Partial', width: 1.3, align: 'right' },
            { header: 'High', width: 1.2, align: 'right' },
            { header: 'Medium', width: 1.3, align: 'right' },
            { header: 'Low', width: 1.2, align: 'right' },
            { header: 'Rate now', width: 2, align: 'right' },
            { header: 'Expected', width: 2, align: 'right' },
          ],
      gapRows,
    ),
    h2(tx(H.s22)),
  );
  const conclusionRow = (s: ScoreResultDto | null | undefined) =>
    s ? CONCLUSION[s.conclusion][lang] : '—';
  const after = input.score?.after ?? null;
  if (before) {
    blocks.push(
      table(
        zh
          ? [
              { header: '项目', width: 3 },
              { header: '测评时', width: 2.5 },
              { header: '已复测整改后', width: 2.5 },
              { header: '方案完成后（预计）', width: 3 },
            ]
          : [
              { header: 'Item', width: 3 },
              { header: 'As assessed', width: 2.5 },
              { header: 'After verified fixes', width: 2.5 },
              { header: 'Plan done (expected)', width: 3 },
            ],
        [
          [
            figureName(lang, before.policy),
            figure(before),
            after ? figure(after) : '—',
            expected ? figure(expected) : '—',
          ],
          [
            zh ? '测评结论' : 'Conclusion',
            conclusionRow(before),
            conclusionRow(after),
            conclusionRow(expected),
          ],
          [
            zh ? '未整改的高风险问题' : 'Open high risks',
            String(before.risks.high.open),
            after ? String(after.risks.high.open) : '—',
            expected ? String(expected.risks.high.open) : '—',
          ],
          [
            zh ? '重大风险隐患' : 'Major risks',
            majorRiskCount(lang, before.majorRisks, before.majorRiskLabel),
            after ? majorRiskCount(lang, after.majorRisks, after.majorRiskLabel) : '—',
            expected ? majorRiskCount(lang, expected.majorRisks, expected.majorRiskLabel) : '—',
          ],
        ],
      ),
      p(
        zh
          ? '“方案完成后（预计）”假定除风险接受外的每个整改项复测为符合；重大风险隐患按已登记的整改情况计。'
          : '"Plan done (expected)" takes every item except accepted risks as re-tested compliant; major risks count as recorded.',
      ),
    );
  } else blocks.push(p(none(lang)));

  blocks.push(h2(tx(H.s23)));
  const majors = input.majorRisks ?? [];
  if (majors.length > 0) {
    blocks.push(
      table(
        zh
          ? [
              { header: '编号', width: 1.5 },
              { header: '重大风险隐患', width: 6 },
              { header: '说明', width: 5 },
              { header: '整改情况', width: 2.5 },
            ]
          : [
              { header: 'Trigger', width: 1.5 },
              { header: 'Major risk', width: 6 },
              { header: 'Note', width: 5 },
              { header: 'Status', width: 2.5 },
            ],
        majors.map((m) => [
          m.triggerId,
          m.title[lang],
          orBlank(lang, m.note),
          m.rectified
            ? `${zh ? '已整改' : 'Rectified'}${m.rectifiedOn ? ` ${date(lang, m.rectifiedOn)}` : ''}`
            : zh
              ? '未整改'
              : 'Open',
        ]),
        zh ? '重大风险隐患' : 'Major risks',
      ),
    );
  }
  const highs = inPlanOrder.filter((r) => r.risk === 'high');
  if (highs.length > 0) {
    blocks.push(
      table(
        zh
          ? [
              { header: '条款', width: 2 },
              { header: '安全类', width: 2.5 },
              { header: '问题', width: 5 },
              { header: '测评发现', width: 6 },
              { header: '状态', width: 2 },
            ]
          : [
              { header: 'Clause', width: 2 },
              { header: 'Category', width: 2.5 },
              { header: 'Problem', width: 5 },
              { header: 'Found', width: 6 },
              { header: 'Status', width: 2 },
            ],
        highs.map((r) => [
          r.clause,
          categoryLabel(lang, categoryOf(r)),
          problem(r),
          found(r),
          RECTIFICATION_STATUS[r.status][lang],
        ]),
        zh ? '高风险问题' : 'High risks',
      ),
    );
  }
  if (majors.length === 0 && highs.length === 0) blocks.push(p(none(lang)));

  // ---- chapter 3: measures per finding
  blocks.push(h1(tx(H.ch3)));
  const planned = (r: RectificationDto) =>
    r.measures?.trim() || r.plan?.trim() || (zh ? '（待制定）' : '(to be decided)');
  for (const [kind, heading] of [
    ['technical', H.s31],
    ['management', H.s32],
  ] as const) {
    blocks.push(h2(tx(heading)));
    const mine = inPlanOrder.filter((r) => measureKindOf(r, categoryOf(r)) === kind);
    if (mine.length === 0) {
      blocks.push(p(none(lang)));
      continue;
    }
    const prefix = kind === 'technical' ? '3.1' : '3.2';
    mine.forEach((r, i) => {
      const c = cost(r);
      blocks.push(
        h3(`${prefix}.${i + 1} ${r.clause} ${r.title[lang]}`),
        fields(
          zh
            ? [
                ['安全类', categoryLabel(lang, categoryOf(r))],
                ['问题', problem(r)],
                ['测评发现', found(r)],
                ['风险等级', risk(r)],
                ['措施类型', label('measure_kind', kind, lang)],
                ['整改措施', planned(r)],
                ['负责人', orBlank(lang, r.owner)],
                ['计划时间', schedule(lang, r)],
                ['费用（元）', fen(c.total)],
              ]
            : [
                ['Category', categoryLabel(lang, categoryOf(r))],
                ['Problem', problem(r)],
                ['Found', found(r)],
                ['Risk', risk(r)],
                ['Measure kind', label('measure_kind', kind, lang)],
                ['Measures', planned(r)],
                ['Owner', orBlank(lang, r.owner)],
                ['Schedule', schedule(lang, r)],
                ['Cost (CNY)', fen(c.total)],
              ],
        ),
      );
    });
  }

  // ---- chapter 4: schedule (Gantt)
  blocks.push(h1(tx(H.ch4)));
  const dated = inPlanOrder
    .map((r) => ({ r, span: itemSpan(r) }))
    .filter((x): x is { r: RectificationDto; span: { from: string; to: string } } => !!x.span);
  const undated = inPlanOrder.filter((r) => !itemSpan(r));
  if (dated.length === 0) {
    blocks.push(
      p(
        zh
          ? '整改项尚未安排开始和完成日期。'
          : 'No rectification item has a start or due date yet.',
      ),
    );
  } else {
    const from = dated.reduce((m, x) => (x.span.from < m ? x.span.from : m), dated[0]!.span.from);
    const to = dated.reduce((m, x) => (x.span.to > m ? x.span.to : m), dated[0]!.span.to);
    const { unit, periods } = schedulePeriods(from, to);
    const unitName = {
      week: { zh: '周', en: 'week' },
      month: { zh: '月', en: 'month' },
      quarter: { zh: '季度', en: 'quarter' },
    }[unit];
    blocks.push(
      p(
        zh
          ? `整改周期自${date(lang, from)}至${date(lang, to)}，共${daysBetween(from, to) + 1}天；下表按${unitName.zh}列出各整改项的实施期间（${GANTT_MARK} 表示该${unitName.zh}内实施），尚未排期的整改项${undated.length}项${undated.length ? '（见附录A）' : ''}。`
          : `Rectification runs from ${date(lang, from)} to ${date(lang, to)} (${daysBetween(from, to) + 1} days); the table marks each item's ${unitName.en}s with ${GANTT_MARK}; ${undated.length} item(s) are not scheduled yet${undated.length ? ' (see Appendix A)' : ''}.`,
      ),
    );
    if (unit === 'week')
      blocks.push(
        p(
          zh
            ? `第1周自${date(lang, periods[0]!.from)}（星期一）起。`
            : `Week 1 begins on Monday ${date(lang, periods[0]!.from)}.`,
        ),
      );
    const columns: TableColumn[] = [
      { header: zh ? '条款' : 'Clause', width: 2 },
      { header: zh ? '整改项' : 'Item', width: 4 },
      { header: zh ? '负责人' : 'Owner', width: 2 },
      { header: zh ? '开始' : 'Start', width: 2.4 },
      { header: zh ? '完成' : 'Due', width: 2.4 },
      ...periods.map((x): TableColumn => ({ header: x.label[lang], width: 1.1, align: 'center' })),
    ];
    const rows = dated.map(({ r, span }) => [
      r.clause,
      r.title[lang],
      r.owner?.trim() || '—',
      r.startDate ?? '—',
      r.dueDate ?? '—',
      ...periods.map((x) => (span.from <= x.to && span.to >= x.from ? GANTT_MARK : '')),
    ]);
    blocks.push(table(columns, rows, zh ? '整改进度计划' : 'Schedule'));
  }

  // ---- chapter 5: owners
  blocks.push(h1(tx(H.ch5)), ...paragraphs(say('rectification.responsibilities')));
  const owners = new Map<string, RectificationDto[]>();
  for (const r of inPlanOrder) {
    const key = r.owner?.trim() || '';
    owners.set(key, [...(owners.get(key) ?? []), r]);
  }
  blocks.push(
    table(
      zh
        ? [
            { header: '负责人', width: 2.5 },
            { header: '整改项', width: 1.3, align: 'right' },
            { header: '条款', width: 5 },
            { header: '最早开始', width: 2.4 },
            { header: '最晚完成', width: 2.4 },
            { header: '费用（元）', width: 2.5, align: 'right' },
          ]
        : [
            { header: 'Owner', width: 2.5 },
            { header: 'Items', width: 1.3, align: 'right' },
            { header: 'Clauses', width: 5 },
            { header: 'Earliest start', width: 2.4 },
            { header: 'Latest due', width: 2.4 },
            { header: 'Cost (CNY)', width: 2.5, align: 'right' },
          ],
      [...owners.entries()]
        .sort(([x], [y]) => (x === '' ? 1 : y === '' ? -1 : x.localeCompare(y, 'zh')))
        .map(([owner, mine]) => {
          const spans = mine.map(itemSpan).filter((s) => s !== null);
          return [
            owner || (zh ? '（未指定）' : '(unassigned)'),
            String(mine.length),
            join(
              lang,
              mine.map((r) => r.clause),
            ),
            spans.length ? spans.map((s) => s.from).sort()[0]! : '—',
            spans.length
              ? spans
                  .map((s) => s.to)
                  .sort()
                  .at(-1)!
              : '—',
            fen(mine.reduce((s, r) => s + cost(r).total, 0)),
          ];
        }),
    ),
  );

  // ---- chapter 6: budget and products
  blocks.push(h1(tx(H.ch6)), h2(tx(H.s61)));
  const budgetRows: string[][] = [];
  let n = 0;
  const perCategory = new Map<string, { budget: number; products: number }>();
  for (const c of orderedCategories) perCategory.set(c, { budget: 0, products: 0 });
  for (const c of orderedCategories) {
    const mine = inPlanOrder.filter((r) => categoryOf(r) === c && r.budgetLines.length > 0);
    if (mine.length === 0) continue;
    let subtotal = 0;
    for (const r of mine)
      for (const l of r.budgetLines) {
        n += 1;
        subtotal += toFen(l.amount);
        budgetRows.push([
          String(n),
          r.clause,
          l.item,
          orBlank(lang, l.fundingSource),
          fen(toFen(l.amount)),
        ]);
      }
    perCategory.get(c)!.budget = subtotal;
    budgetRows.push([
      '',
      '',
      zh ? `小计（${categoryLabel(lang, c)}）` : `Subtotal (${categoryLabel(lang, c)})`,
      '',
      fen(subtotal),
    ]);
  }
  const budgetTotal = [...perCategory.values()].reduce((s, x) => s + x.budget, 0);
  if (budgetRows.length === 0) blocks.push(p(none(lang)));
  else {
    budgetRows.push(['', '', zh ? '合计' : 'Total', '', fen(budgetTotal)]);
    blocks.push(
      table(
        zh
          ? [
              { header: '序号', width: 1 },
              { header: '条款', width: 2 },
              { header: '预算项目', width: 6 },
              { header: '资金来源', width: 3.5 },
              { header: `金额${yuan}`, width: 3, align: 'right' },
            ]
          : [
              { header: 'No.', width: 1 },
              { header: 'Clause', width: 2 },
              { header: 'Budget item', width: 6 },
              { header: 'Funding source', width: 3.5 },
              { header: `Amount${yuan}`, width: 3, align: 'right' },
            ],
        budgetRows,
      ),
    );
  }

  blocks.push(h2(tx(H.s62)));
  const productRows: string[][] = [];
  let m = 0;
  for (const r of inPlanOrder) {
    for (const x of r.products) {
      m += 1;
      const line = toFen(x.unitPrice) * x.quantity;
      perCategory.get(categoryOf(r))!.products += line;
      productRows.push([
        String(m),
        x.name,
        orBlank(lang, x.type),
        [x.vendor, x.model].filter((v) => v && v.trim() !== '').join(' ') || blank(lang),
        String(x.quantity),
        fen(toFen(x.unitPrice)),
        fen(line),
        x.certificationKind ? label('certification_kind', x.certificationKind, lang) : '—',
        x.certificateNumber?.trim() || '—',
        r.clause,
      ]);
    }
  }
  const productsTotal = [...perCategory.values()].reduce((s, x) => s + x.products, 0);
  if (productRows.length === 0) blocks.push(p(none(lang)));
  else {
    productRows.push(['', zh ? '合计' : 'Total', '', '', '', '', fen(productsTotal), '', '', '']);
    blocks.push(
      table(
        zh
          ? [
              { header: '序号', width: 0.8 },
              { header: '产品名称', width: 3.4 },
              { header: '类型', width: 1.8 },
              { header: '厂商/型号', width: 2.6 },
              { header: '数量', width: 1, align: 'right' },
              { header: `单价${yuan}`, width: 2.2, align: 'right' },
              { header: `金额${yuan}`, width: 2.5, align: 'right' },
              { header: '资质', width: 2.6 },
              { header: '证书编号', width: 3.2 },
              { header: '条款', width: 1.6 },
            ]
          : [
              { header: 'No.', width: 0.8 },
              { header: 'Product', width: 3.4 },
              { header: 'Type', width: 1.8 },
              { header: 'Vendor / model', width: 2.6 },
              { header: 'Qty', width: 1, align: 'right' },
              { header: `Unit price${yuan}`, width: 2.2, align: 'right' },
              { header: `Amount${yuan}`, width: 2.5, align: 'right' },
              { header: 'Certificate', width: 2.6 },
              { header: 'Certificate no.', width: 3.2 },
              { header: 'Clause', width: 1.6 },
            ],
        productRows,
      ),
    );
  }

  blocks.push(h2(tx(H.s63)));
  const totalRows = orderedCategories
    .filter((c) => {
      const x = perCategory.get(c)!;
      return x.budget + x.products > 0;
    })
    .map((c) => {
      const x = perCategory.get(c)!;
      return [categoryLabel(lang, c), fen(x.budget), fen(x.products), fen(x.budget + x.products)];
    });
  totalRows.push([
    zh ? '合计' : 'Total',
    fen(budgetTotal),
    fen(productsTotal),
    fen(budgetTotal + productsTotal),
  ]);
  blocks.push(
    table(
      zh
        ? [
            { header: '安全类', width: 3 },
            { header: `预算条目${yuan}`, width: 3, align: 'right' },
            { header: `产品${yuan}`, width: 3, align: 'right' },
            { header: `合计${yuan}`, width: 3, align: 'right' },
          ]
        : [
            { header: 'Category', width: 3 },
            { header: `Budget lines${yuan}`, width: 3, align: 'right' },
            { header: `Products${yuan}`, width: 3, align: 'right' },
            { header: `Total${yuan}`, width: 3, align: 'right' },
          ],
      totalRows,
    ),
  );
  const bySource = new Map<string, number>();
  for (const r of inPlanOrder)
    for (const l of r.budgetLines) {
      const key = l.fundingSource?.trim() || '';
      bySource.set(key, (bySource.get(key) ?? 0) + toFen(l.amount));
    }
  if (bySource.size > 0) {
    blocks.push(
      table(
        zh
          ? [
              { header: '资金来源', width: 6 },
              { header: `预算条目${yuan}`, width: 3, align: 'right' },
            ]
          : [
              { header: 'Funding source', width: 6 },
              { header: `Budget lines${yuan}`, width: 3, align: 'right' },
            ],
        [...bySource.entries()]
          .sort(([x], [y]) => (x === '' ? 1 : y === '' ? -1 : x.localeCompare(y, 'zh')))
          .map(([source, amount]) => [source || (zh ? '（未指定）' : '(not given)'), fen(amount)]),
      ),
    );
  }
  blocks.push(
    p(
      zh
        ? '合计为预算条目与产品清单金额之和；产品的费用只列入产品清单，不再重复列为预算条目。'
        : "The total is the budget lines plus the products; a product's cost is listed once, in the product list.",
    ),
  );
  if (input.plan?.budgetNote?.trim()) blocks.push(...paragraphs(input.plan.budgetNote));

  // ---- appendix: the tracker
  blocks.push(h1(tx(H.app)), h2(tx(H.a1)));
  blocks.push(
    p(
      zh
        ? `共${items.length}个整改项，已关闭${closed}项（复测通过或风险接受），未关闭${items.length - closed}项，其中逾期${overdue.length}项（统计至${date(lang, input.asOf)}）。`
        : `${items.length} rectification items; ${closed} closed (verified or risk accepted), ${items.length - closed} open, of which ${overdue.length} overdue (as of ${date(lang, input.asOf)}).`,
    ),
    table(
      [
        { header: zh ? '整改状态' : 'Status', width: 3 },
        { header: zh ? '数量' : 'Items', width: 1, align: 'right' },
      ],
      [
        ...STATUS_ORDER.map((s) => [
          RECTIFICATION_STATUS[s][lang],
          String(items.filter((r) => r.status === s).length),
        ]),
        [zh ? '其中逾期' : 'of which overdue', String(overdue.length)],
        [zh ? '合计' : 'Total', String(items.length)],
      ],
    ),
    h2(tx(H.a2)),
    table(
      [
        { header: zh ? '风险等级' : 'Risk', width: 3 },
        { header: zh ? '整改项' : 'Items', width: 1, align: 'right' },
        { header: zh ? '已关闭' : 'Closed', width: 1, align: 'right' },
        { header: zh ? '未关闭' : 'Open', width: 1, align: 'right' },
      ],
      RISK_ORDER.flatMap((level) => {
        const mine = items.filter((r) => r.risk === level);
        if (level === null && mine.length === 0) return [];
        const done = mine.filter(isClosed).length;
        return [
          [
            level ? RISK[level][lang] : zh ? '未定级' : 'Not rated',
            String(mine.length),
            String(done),
            String(mine.length - done),
          ],
        ];
      }),
    ),
    h2(tx(H.a3)),
    table(
      zh
        ? [
            { header: '条款', width: 2 },
            { header: '问题', width: 5 },
            { header: '风险', width: 2 },
            { header: '负责人', width: 2 },
            { header: '计划完成日期', width: 3 },
            { header: '状态', width: 2 },
            { header: '复测结果', width: 2 },
          ]
        : [
            { header: 'Clause', width: 2 },
            { header: 'Problem', width: 5 },
            { header: 'Risk', width: 2 },
            { header: 'Owner', width: 2 },
            { header: 'Due', width: 3 },
            { header: 'Status', width: 2 },
            { header: 'Re-test', width: 2 },
          ],
      items.map((r) => [
        r.clause,
        problem(r),
        risk(r),
        orBlank(lang, r.owner),
        r.dueDate ? date(lang, r.dueDate) : blank(lang),
        RECTIFICATION_STATUS[r.status][lang] + (r.overdue ? (zh ? '（逾期）' : ' (overdue)') : ''),
        r.retestResult ? ITEM_RESULT[r.retestResult][lang] : '—',
      ]),
    ),
    h2(tx(H.a4)),
  );
  if (overdue.length === 0) blocks.push(p(none(lang)));
  else {
    blocks.push(
      table(
        zh
          ? [
              { header: '条款', width: 2 },
              { header: '问题', width: 5 },
              { header: '风险', width: 2 },
              { header: '负责人', width: 2 },
              { header: '计划完成日期', width: 3 },
              { header: '逾期天数', width: 2, align: 'right' },
              { header: '状态', width: 2 },
            ]
          : [
              { header: 'Clause', width: 2 },
              { header: 'Problem', width: 5 },
              { header: 'Risk', width: 2 },
              { header: 'Owner', width: 2 },
              { header: 'Due', width: 3 },
              { header: 'Days overdue', width: 2, align: 'right' },
              { header: 'Status', width: 2 },
            ],
        overdue.map((r) => [
          r.clause,
          problem(r),
          risk(r),
          orBlank(lang, r.owner),
          date(lang, r.dueDate),
          r.dueDate ? String(daysBetween(r.dueDate, input.asOf)) : '—',
          RECTIFICATION_STATUS[r.status][lang],
        ]),
      ),
    );
  }

  blocks.push(h2(tx(H.a5)));
  const retested = items.filter((r) => r.retestResult !== null);
  if (retested.length === 0) blocks.push(p(none(lang)));
  else {
    blocks.push(
      table(
        zh
          ? [
              { header: '条款', width: 2 },
              { header: '问题', width: 5 },
              { header: '复测日期', width: 3 },
              { header: '复测人', width: 2 },
              { header: '复测结果', width: 2 },
              { header: '关闭日期', width: 3 },
            ]
          : [
              { header: 'Clause', width: 2 },
              { header: 'Problem', width: 5 },
              { header: 'Re-tested on', width: 3 },
              { header: 'By', width: 2 },
              { header: 'Result', width: 2 },
              { header: 'Closed on', width: 3 },
            ],
        retested.map((r) => [
          r.clause,
          problem(r),
          date(lang, r.retestOn),
          orBlank(lang, r.retestBy),
          r.retestResult ? ITEM_RESULT[r.retestResult][lang] : '—',
          r.closedOn ? date(lang, r.closedOn) : '—',
        ]),
      ),
    );
  }
  blocks.push(h2(tx(H.a6)));
  const accepted = items.filter((r) => r.status === 'risk_accepted');
  if (accepted.length === 0) blocks.push(p(none(lang)));
  else {
    blocks.push(
      table(
        zh
          ? [
              { header: '条款', width: 2 },
              { header: '问题', width: 5 },
              { header: '风险', width: 2 },
              { header: '批准人', width: 2 },
              { header: '接受理由', width: 5 },
            ]
          : [
              { header: 'Clause', width: 2 },
              { header: 'Problem', width: 5 },
              { header: 'Risk', width: 2 },
              { header: 'Approved by', width: 2 },
              { header: 'Reason', width: 5 },
            ],
        accepted.map((r) => [
          r.clause,
          problem(r),
          risk(r),
          orBlank(lang, r.approver),
          orBlank(lang, r.acceptanceReason),
        ]),
      ),
    );
  }

  const title = zh ? `${a.systemName}安全问题整改方案` : `${a.systemName} — Rectification plan`;
  return {
    lang,
    title,
    cover: {
      title,
      subtitle: zh ? `（依据：${a.title}）` : `(after: ${a.title})`,
      lines: zh
        ? [
            ['被测单位', input.organisation.name],
            ['定级对象', a.systemName],
            ['安全保护等级', levelFull(lang, a.level)],
            ['整改项', String(items.length)],
            ['预算合计（元）', fen(totalFen)],
          ]
        : [
            ['Organisation', input.organisation.nameEn ?? input.organisation.name],
            ['System', a.systemName],
            ['Protection level', levelFull(lang, a.level)],
            ['Items', String(items.length)],
            ['Budget total (CNY)', fen(totalFen)],
          ],
      date: date(lang, input.asOf),
      ...(input.overrides?.logo ? { logo: input.overrides.logo } : {}),
    },
    header: zh ? `${a.systemName} 整改方案` : `${a.systemName} rectification plan`,
    blocks,
  };
}

/** 2026-03-02 至 2026-04-30 / 2026-03-02 to 2026-04-30, or the blank. */
function schedule(lang: Lang, r: RectificationDto): string {
  if (!r.startDate && !r.dueDate) return blank(lang);
  const from = r.startDate ? date(lang, r.startDate) : lang === 'zh' ? '（未定）' : '(open)';
  const to = r.dueDate ? date(lang, r.dueDate) : lang === 'zh' ? '（未定）' : '(open)';
  return lang === 'zh' ? `${from}至${to}` : `${from} to ${to}`;
}
