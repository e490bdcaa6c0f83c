/**
 * 安全问题整改方案（整改计划）of one level assessment: data in, {@link ReportDocument} out.
 *
 * Sourcing: no official template for a rectification plan exists in our sources; the layout is
 * ours. Its contents follow what 公网安〔2025〕1846号 Q23–Q24 ask of the protection work plan
 * (problems found, remediation approach and plan) and the report's 安全问题整改建议 chapter.
 */
import type {
  AssessmentScoreDto,
  AssessmentSummaryDto,
  FindingDto,
  OrganisationDto,
  RectificationDto,
  RectificationStatusCode,
  RiskLevelCode,
} from '../../shared/api-types';
import { fields, h1, h2, p, table, type Block, type Lang, type ReportDocument } from '../model';
import {
  blank,
  CONCLUSION,
  date,
  figure,
  figureName,
  ITEM_RESULT,
  levelFull,
  none,
  orBlank,
  RECTIFICATION_STATUS,
  RISK,
  type Bilingual,
} from './labels';

export interface RectificationPlanInput {
  readonly organisation: OrganisationDto;
  readonly assessment: AssessmentSummaryDto;
  readonly rectifications: readonly RectificationDto[];
  /** The assessment's findings, for the problem descriptions (optional). */
  readonly findings?: readonly FindingDto[];
  /** Scores before and after rectification (optional). */
  readonly score?: AssessmentScoreDto | null;
  /** The day the plan is produced; overdue days count to it. YYYY-MM-DD. */
  readonly asOf: string;
}

export const RECTIFICATION_PLAN_SOURCING: Bilingual = {
  zh: '整改方案无官方模板来源，章节结构为本项目自行编排。',
  en: 'No official template was found for a rectification plan; the layout is ours.',
};

export const STATUS_ORDER: readonly RectificationStatusCode[] = [
  'open',
  'in_progress',
  'fixed',
  'verified',
  'risk_accepted',
];
const RISK_ORDER: readonly (RiskLevelCode | null)[] = ['high', 'medium', 'low', null];

const H = {
  ch1: { zh: '1 整改概述', en: '1 Overview' },
  ch2: { zh: '2 整改项汇总', en: '2 Summary' },
  s21: { zh: '2.1 按整改状态统计', en: '2.1 By status' },
  s22: { zh: '2.2 按风险等级统计', en: '2.2 By risk level' },
  ch3: { zh: '3 整改计划明细', en: '3 Rectification items' },
  ch4: { zh: '4 逾期整改项', en: '4 Overdue items' },
  ch5: { zh: '5 复测与验收', en: '5 Re-test and acceptance' },
  s51: { zh: '5.1 复测情况', en: '5.1 Re-tests' },
  s52: { zh: '5.2 风险接受', en: '5.2 Accepted risks' },
} as const satisfies Record<string, Bilingual>;

/** Closed: re-tested and verified, or the risk formally accepted. */
export const isClosed = (r: Pick<RectificationDto, 'status'>): boolean =>
  r.status === 'verified' || r.status === 'risk_accepted';

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function buildRectificationPlan(input: RectificationPlanInput, lang: Lang): ReportDocument {
  const zh = lang === 'zh';
  const tx = (l: Bilingual) => l[lang];
  const a = input.assessment;
  const items = [...input.rectifications].sort(
    (x, y) =>
      RISK_ORDER.indexOf(x.risk) - RISK_ORDER.indexOf(y.risk) ||
      (x.dueDate ?? '9999').localeCompare(y.dueDate ?? '9999') ||
      x.clause.localeCompare(y.clause),
  );
  const description = new Map(
    (input.findings ?? []).map((f) => [f.requirementId, f.description] as const),
  );
  const problem = (r: RectificationDto) => {
    const d = description.get(r.requirementId);
    return d ? `${r.title[lang]}${zh ? '：' : ': '}${d}` : r.title[lang];
  };
  const risk = (r: RectificationDto) => (r.risk ? RISK[r.risk][lang] : blank(lang));
  const overdue = items.filter((r) => r.overdue);
  const closed = items.filter(isClosed).length;

  const overview: [string, string][] = zh
    ? [
        ['被测单位', input.organisation.name],
        ['被测对象', a.systemName],
        ['安全保护等级', levelFull(lang, a.level)],
        ['等级测评', a.title],
        ['测评机构', orBlank(lang, a.agency)],
        ['报告编号', orBlank(lang, a.reportNumber)],
        ['报告日期', date(lang, a.reportDate)],
        ['统计日期', date(lang, input.asOf)],
      ]
    : [
        ['Organisation', input.organisation.nameEn ?? input.organisation.name],
        ['System', a.systemName],
        ['Protection level', levelFull(lang, a.level)],
        ['Assessment', a.title],
        ['Agency', orBlank(lang, a.agency)],
        ['Report number', orBlank(lang, a.reportNumber)],
        ['Report date', date(lang, a.reportDate)],
        ['As of', date(lang, input.asOf)],
      ];
  if (input.score) {
    const { before, after } = input.score;
    overview.push(
      zh
        ? [
            `整改前${figureName(lang, before.policy)}与结论`,
            `${figure(before)}，${CONCLUSION[before.conclusion].zh}`,
          ]
        : [
            `${figureName(lang, before.policy)} and conclusion as assessed`,
            `${figure(before)}, ${CONCLUSION[before.conclusion].en}`,
          ],
      zh
        ? [
            `整改后${figureName(lang, after.policy)}与结论`,
            `${figure(after)}，${CONCLUSION[after.conclusion].zh}`,
          ]
        : [
            `${figureName(lang, after.policy)} and conclusion after rectification`,
            `${figure(after)}, ${CONCLUSION[after.conclusion].en}`,
          ],
    );
  }

  const blocks: Block[] = [
    h1(tx(H.ch1)),
    fields(overview),
    p(
      zh
        ? `针对本次等级测评发现的安全问题，共制定整改项${items.length}项，已关闭${closed}项（复测通过或风险接受），未关闭${items.length - closed}项，其中逾期${overdue.length}项。`
        : `${items.length} rectification items address the problems found; ${closed} are closed (verified or risk accepted), ${items.length - closed} open, of which ${overdue.length} overdue.`,
    ),
    h1(tx(H.ch2)),
    h2(tx(H.s21)),
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
    h2(tx(H.s22)),
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
    h1(tx(H.ch3)),
    table(
      zh
        ? [
            { header: '条款', width: 2 },
            { header: '问题', width: 5 },
            { header: '风险', width: 2 },
            { header: '负责人', width: 2 },
            { header: '计划完成日期', width: 3 },
            { header: '整改措施', width: 5 },
            { header: '状态', width: 2 },
            { header: '复测结果', width: 2 },
          ]
        : [
            { header: 'Clause', width: 2 },
            { header: 'Problem', width: 5 },
            { header: 'Risk', width: 2 },
            { header: 'Owner', width: 2 },
            { header: 'Due', width: 3 },
            { header: 'Measures', width: 5 },
            { header: 'Status', width: 2 },
            { header: 'Re-test', width: 2 },
          ],
      items.map((r) => [
        r.clause,
        problem(r),
        risk(r),
        orBlank(lang, r.owner),
        r.dueDate ? date(lang, r.dueDate) : blank(lang),
        orBlank(lang, r.plan),
        RECTIFICATION_STATUS[r.status][lang] + (r.overdue ? (zh ? '（逾期）' : ' (overdue)') : ''),
        r.retestResult ? ITEM_RESULT[r.retestResult][lang] : '—',
      ]),
    ),
    h1(tx(H.ch4)),
  ];
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

  blocks.push(h1(tx(H.ch5)), h2(tx(H.s51)));
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
  blocks.push(h2(tx(H.s52)));
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
      subtitle: zh ? `（${a.title}）` : `(${a.title})`,
      lines: zh
        ? [
            ['被测单位', input.organisation.name],
            ['被测对象', a.systemName],
            ['整改项', String(items.length)],
            ['逾期', String(overdue.length)],
          ]
        : [
            ['Organisation', input.organisation.nameEn ?? input.organisation.name],
            ['System', a.systemName],
            ['Items', String(items.length)],
            ['Overdue', String(overdue.length)],
          ],
      date: date(lang, input.asOf),
    },
    header: zh ? `${a.systemName} 整改方案` : `${a.systemName} rectification plan`,
    blocks,
  };
}
