/**
 * 网络安全等级测评报告 (level assessment report), 2025 template layout: data in,
 * {@link ReportDocument} out. Every figure is the scoring engine's (src/domain/mlps/assessment/
 * scoring.ts via {@link AssessmentScoreDto}); the per-category item counts of chapter 3 use the
 * engine's own merge of per-object results ({@link itemOutcomes}).
 *
 * Sourcing: the chapter list (首页及目录 with 网络安全等级测评基本信息表, chapters 1–8, appendices
 * 被测对象资产, 单项测评结果记录, 漏洞扫描结果记录, 渗透测试结果记录, 重大风险隐患触发项参照表) is
 * confirmed by RR-CHECK; the conclusion rule and "N（M个已整改）" by
 * 公网安〔2025〕1846号 Q20–Q22. The level-2 sections inside each chapter, the fields of the
 * basic-information table beyond the issue counts and conclusion, and the appendix letters are
 * ours. Chapter 4 (整体测评) prints the assessor's compensation records (fill-in blanks without
 * them); the scan / penetration appendices print the imported results or blanks.
 */
import { itemOutcomes } from '../../domain/mlps/assessment/scoring';
import type { TestObjectKind } from '../../domain/mlps/assessment/types';
import type {
  AssessmentScoreDto,
  CatalogCategory,
  FindingDto,
  MajorRiskDto,
  MajorRiskTriggerDto,
  OrganisationDto,
  RectificationDto,
  RiskLevelCode,
  ScoreResultDto,
  SystemDto,
  WorkbookDto,
  WorkbookRowDto,
} from '../../shared/api-types';
import type {
  VerificationAppendicesDto,
  VerificationAppendixDto,
} from '../../shared/verification-schemas';
import type { CompensationDto, CompensationsDto } from '../../shared/compensation-schemas';
import { say } from '../../shared/vocabulary';
import {
  b,
  fields,
  h1,
  h2,
  list,
  p,
  pageBreak,
  table,
  toc,
  type Block,
  type Lang,
  type ReportDocument,
  type TableColumn,
} from '../model';
import {
  blank,
  CATEGORY_ORDER,
  categoryLabel,
  CLOUD_ROLE,
  CONCLUSION,
  date,
  EXTENSION,
  figure,
  figureName,
  ITEM_RESULT,
  join,
  levelFull,
  levelShort,
  majorRiskCount,
  none,
  objectKindLabel,
  orBlank,
  period,
  RECTIFICATION_STATUS,
  RISK,
  SYSTEM_TYPE,
  type Bilingual,
} from './labels';

export interface AssessmentReportInput {
  readonly organisation: OrganisationDto;
  /** The assessed system (for its description, types and filing certificate), if readable. */
  readonly system: SystemDto | null;
  readonly workbook: WorkbookDto;
  readonly findings: readonly FindingDto[];
  readonly majorRisks: readonly MajorRiskDto[];
  readonly score: AssessmentScoreDto;
  readonly rectifications: readonly RectificationDto[];
  /** The 重大风险隐患 trigger reference table (catalog). */
  readonly triggers: readonly MajorRiskTriggerDto[];
  /** Cover date when the assessment has no report date, YYYY-MM-DD. */
  readonly date: string;
  /** Imported scan and penetration-test findings (appendices C and D); blanks without them. */
  readonly verification?: VerificationAppendicesDto;
  /** 整体测评 compensations (chapter 4); blanks without them. */
  readonly compensations?: CompensationsDto;
}

export const ASSESSMENT_REPORT_SOURCING: Bilingual = {
  zh: '章节顺序与附录名称依据 RR-CHECK 所示 2025 版报告模板；结论规则与“N（M个已整改）”依据公网安〔2025〕1846号 Q20–Q22；各章二级标题、基本信息表的其余字段和附录编号为本项目自行编排。',
  en: 'Chapter order and appendix names per the 2025 template as shown by RR-CHECK; conclusion rule and "N (M rectified)" per MPS letter 1846 (2025) Q20–Q22; level-2 sections, the other basic-information fields and the appendix letters are ours.',
};

const RISK_ORDER: readonly RiskLevelCode[] = ['high', 'medium', 'low'];

const H = {
  ch1: { zh: '1 测评项目概述', en: '1 Assessment project overview' },
  s11: { zh: '1.1 测评目的', en: '1.1 Purpose' },
  s12: { zh: '1.2 测评依据', en: '1.2 Basis' },
  s13: { zh: '1.3 测评过程', en: '1.3 Process' },
  ch2: { zh: '2 被测对象描述', en: '2 System under assessment' },
  s21: { zh: '2.1 被测对象概述', en: '2.1 Overview' },
  s22: { zh: '2.2 测评对象', en: '2.2 Test objects' },
  ch3: { zh: '3 单项测评结果分析', en: '3 Single-item results' },
  s31: { zh: '3.1 按安全类统计', en: '3.1 By security category' },
  s32: { zh: '3.2 按测评对象统计', en: '3.2 By test object' },
  ch4: { zh: '4 整体测评', en: '4 Overall assessment' },
  s41: { zh: '4.1 安全控制点间安全测评', en: '4.1 Between control points' },
  s42: { zh: '4.2 区域间安全测评', en: '4.2 Between zones and layers' },
  s43: { zh: '4.3 整体测评结果', en: '4.3 Result of the overall assessment' },
  ch5: { zh: '5 安全问题风险分析', en: '5 Risk analysis of security problems' },
  s51: { zh: '5.1 安全问题及风险等级', en: '5.1 Problems and risk levels' },
  s52: { zh: '5.2 重大风险隐患', en: '5.2 Major risk hidden dangers' },
  ch6: { zh: '6 总体评价', en: '6 Overall evaluation' },
  s61: { zh: '6.1 要求项符合率统计', en: '6.1 Compliance rate by category' },
  s62: { zh: '6.2 总体评价', en: '6.2 Evaluation' },
  ch7: { zh: '7 等级测评结论', en: '7 Assessment conclusion' },
  s71: { zh: '7.1 等级测评符合率与结论', en: '7.1 Compliance rate and conclusion' },
  s72: { zh: '7.2 结论依据', en: '7.2 Grounds' },
  ch8: { zh: '8 安全问题整改建议', en: '8 Rectification advice' },
  s81: { zh: '8.1 高风险问题', en: '8.1 High-risk problems' },
  s82: { zh: '8.2 中风险问题', en: '8.2 Medium-risk problems' },
  s83: { zh: '8.3 低风险问题', en: '8.3 Low-risk problems' },
  appA: { zh: '附录A 被测对象资产', en: 'Appendix A Assets under assessment' },
  appB: { zh: '附录B 单项测评结果记录', en: 'Appendix B Single-item result records' },
  appC: { zh: '附录C 漏洞扫描结果记录', en: 'Appendix C Vulnerability scan results' },
  appD: { zh: '附录D 渗透测试结果记录', en: 'Appendix D Penetration test results' },
  appE: {
    zh: '附录E 重大风险隐患触发项参照表',
    en: 'Appendix E Major risk trigger reference table',
  },
} as const satisfies Record<string, Bilingual>;

const col = (header: string, width: number, align?: TableColumn['align']): TableColumn =>
  align ? { header, width, align } : { header, width };

/** Item counts per category, merged over objects as the engine merges them. */
export function categoryCounts(workbook: WorkbookDto) {
  const requirements = new Map<string, WorkbookRowDto>();
  for (const r of workbook.rows)
    if (!requirements.has(r.requirementId)) requirements.set(r.requirementId, r);
  const outcomes = itemOutcomes({
    requirements: [...requirements.values()].map((r) => ({
      id: r.requirementId,
      category: r.category,
      controlPointId: r.controlPointId,
    })),
    objects: workbook.assessment.objects.map((o) => ({
      id: o.id,
      name: o.name,
      kind: o.kind as TestObjectKind,
      controlPoints: o.controlPoints,
    })),
    results: workbook.rows.flatMap((r) =>
      r.result ? [{ requirementId: r.requirementId, objectId: r.objectId, result: r.result }] : [],
    ),
  });
  return CATEGORY_ORDER.map((category) => {
    const mine = outcomes.filter((o) => o.category === category);
    const n = (result: string) => mine.filter((o) => o.result === result).length;
    return {
      category,
      items: mine.length,
      compliant: n('compliant'),
      partial: n('partial'),
      nonCompliant: n('non_compliant'),
      notApplicable: n('not_applicable'),
      unanswered: n('unanswered'),
    };
  }).filter((c) => c.items > 0);
}

export function buildAssessmentReport(input: AssessmentReportInput, lang: Lang): ReportDocument {
  const zh = lang === 'zh';
  const tx = (l: Bilingual) => l[lang];
  const { workbook, score, organisation: org } = input;
  const a = workbook.assessment;
  const before = score.before;
  const after = score.after;
  const reportDate = a.reportDate ?? input.date;
  const systemName = a.systemName;
  const title = zh ? `${systemName}等级测评报告` : `${systemName} — Level assessment report`;
  const rectByReq = new Map(input.rectifications.map((r) => [r.requirementId, r]));
  const findings = [...input.findings].sort(
    (x, y) => RISK_ORDER.indexOf(x.effectiveRisk) - RISK_ORDER.indexOf(y.effectiveRisk),
  );
  // A provisional result (rows unanswered, categories without objects) is marked as such.
  const conclusionOf = (s: ScoreResultDto) => {
    if (!s.provisional) return CONCLUSION[s.conclusion][lang];
    const done = s.counts.items - s.counts.unanswered - s.counts.untested;
    return zh
      ? `${CONCLUSION[s.conclusion].zh}（暂定，已测 ${done}/${s.counts.items} 项）`
      : `${CONCLUSION[s.conclusion].en} (provisional, ${done} of ${s.counts.items} items done)`;
  };
  const major = (s: ScoreResultDto) => majorRiskCount(lang, s.majorRisks, s.majorRiskLabel);

  // 网络安全等级测评基本信息表
  const basicInfo = fields(
    zh
      ? [
          ['被测单位名称', org.name],
          ['统一社会信用代码', orBlank(lang, org.creditCode)],
          ['所在地区', orBlank(lang, org.region)],
          ['联系人', orBlank(lang, org.contactName)],
          ['联系电话', orBlank(lang, org.contactPhone)],
          ['被测对象名称', systemName],
          ['安全保护等级', levelFull(lang, a.level)],
          ['备案证明编号', orBlank(lang, input.system?.certificateNumber)],
          ['测评机构', orBlank(lang, a.agency)],
          ['报告编号', orBlank(lang, a.reportNumber)],
          ['报告日期', date(lang, reportDate)],
          ['测评时间', period(lang, a.periodStart, a.periodEnd)],
          ['高风险问题数量', String(before.risks.high.total)],
          ['中风险问题数量', String(before.risks.medium.total)],
          ['低风险问题数量', String(before.risks.low.total)],
          ['重大风险隐患数量', major(before)],
          [figureName(lang, before.policy), figure(before)],
          ['等级测评结论', conclusionOf(before)],
        ]
      : [
          ['Organisation', org.nameEn ? `${org.nameEn} (${org.name})` : org.name],
          ['Unified social credit code', orBlank(lang, org.creditCode)],
          ['Region', orBlank(lang, org.region)],
          ['Contact', orBlank(lang, org.contactName)],
          ['Contact phone', orBlank(lang, org.contactPhone)],
          ['System under assessment', systemName],
          ['Protection level', levelFull(lang, a.level)],
          ['Filing certificate number', orBlank(lang, input.system?.certificateNumber)],
          ['Assessment agency', orBlank(lang, a.agency)],
          ['Report number', orBlank(lang, a.reportNumber)],
          ['Report date', date(lang, reportDate)],
          ['Assessment period', period(lang, a.periodStart, a.periodEnd)],
          ['High-risk problems', String(before.risks.high.total)],
          ['Medium-risk problems', String(before.risks.medium.total)],
          ['Low-risk problems', String(before.risks.low.total)],
          ['Major risk hidden dangers', major(before)],
          [figureName(lang, before.policy), figure(before)],
          ['Conclusion', conclusionOf(before)],
        ],
    zh ? '网络安全等级测评基本信息表' : 'Basic information of the level assessment',
  );

  const blocks: Block[] = [toc, basicInfo, pageBreak];

  // 1 测评项目概述
  blocks.push(
    h1(tx(H.ch1)),
    h2(tx(H.s11)),
    p(
      zh
        ? `依据网络安全等级保护制度和相关国家标准，对${systemName}（${levelShort(lang, a.level)}）开展等级测评，检验其安全保护状况是否达到相应等级的基本要求，分析安全问题的风险，提出整改建议。`
        : `Under the MLPS regime and national standards, ${systemName} (${levelShort(lang, a.level)}) was assessed to check whether its protection meets the baseline of its level, to analyse the risk of the problems found and to advise on rectification.`,
    ),
    h2(tx(H.s12)),
    list(basis(lang, before.policy)),
    h2(tx(H.s13)),
    fields(
      zh
        ? [
            ['测评时间', period(lang, a.periodStart, a.periodEnd)],
            ['测评机构', orBlank(lang, a.agency)],
            ['测评人员', a.team.length ? join(lang, a.team) : blank(lang)],
            [
              '测评范围',
              join(
                lang,
                a.extensions.map((e) => EXTENSION[e].zh),
              ),
            ],
            ...(a.cloudRole
              ? [['云计算角色', CLOUD_ROLE[a.cloudRole].zh] as [string, string]]
              : []),
            ['测评要求项数', String(a.requirementCount)],
            ['测评状态', a.status === 'completed' ? '已完成' : '进行中'],
          ]
        : [
            ['Period', period(lang, a.periodStart, a.periodEnd)],
            ['Agency', orBlank(lang, a.agency)],
            ['Team', a.team.length ? join(lang, a.team) : blank(lang)],
            [
              'Scope',
              join(
                lang,
                a.extensions.map((e) => EXTENSION[e].en),
              ),
            ],
            ...(a.cloudRole
              ? [['Cloud role', CLOUD_ROLE[a.cloudRole].en] as [string, string]]
              : []),
            ['Requirement items', String(a.requirementCount)],
            ['Status', a.status === 'completed' ? 'Completed' : 'In progress'],
          ],
    ),
  );

  // 2 被测对象描述
  const sys = input.system;
  blocks.push(
    h1(tx(H.ch2)),
    h2(tx(H.s21)),
    fields(
      zh
        ? [
            ['被测对象名称', systemName],
            [
              '定级对象类型',
              sys
                ? join(
                    lang,
                    sys.types.map((x) => SYSTEM_TYPE[x].zh),
                  )
                : blank(lang),
            ],
            ['安全保护等级', levelFull(lang, a.level)],
            ['备案证明编号', orBlank(lang, sys?.certificateNumber)],
            ['被测对象描述', orBlank(lang, sys?.description)],
          ]
        : [
            ['Name', systemName],
            [
              'Type',
              sys
                ? join(
                    lang,
                    sys.types.map((x) => SYSTEM_TYPE[x].en),
                  )
                : blank(lang),
            ],
            ['Protection level', levelFull(lang, a.level)],
            ['Filing certificate number', orBlank(lang, sys?.certificateNumber)],
            ['Description', orBlank(lang, sys?.description)],
          ],
    ),
    h2(tx(H.s22)),
    table(
      zh
        ? [col('序号', 1, 'center'), col('测评对象', 4), col('类别', 3), col('测评安全类', 5)]
        : [col('No.', 1, 'center'), col('Test object', 4), col('Kind', 3), col('Categories', 5)],
      a.objects.map((o, i) => [
        String(i + 1),
        o.name,
        objectKindLabel(lang, o.kind),
        join(
          lang,
          [...new Set(workbook.rows.filter((r) => r.objectId === o.id).map((r) => r.category))].map(
            (c) => categoryLabel(lang, c),
          ),
        ),
      ]),
    ),
  );

  // 3 单项测评结果分析
  const resultCols = zh
    ? [
        col('符合', 1, 'right'),
        col('部分符合', 1, 'right'),
        col('不符合', 1, 'right'),
        col('不适用', 1, 'right'),
        col('未填写', 1, 'right'),
      ]
    : [
        col('Compliant', 1, 'right'),
        col('Partial', 1, 'right'),
        col('Non-compliant', 1, 'right'),
        col('N/A', 1, 'right'),
        col('Unanswered', 1, 'right'),
      ];
  const byCategory = categoryCounts(workbook);
  blocks.push(
    h1(tx(H.ch3)),
    h2(tx(H.s31)),
    table(
      [
        col(zh ? '安全类' : 'Category', 3),
        col(zh ? '要求项数' : 'Items', 1, 'right'),
        ...resultCols,
      ],
      byCategory.map((c) => [
        categoryLabel(lang, c.category),
        String(c.items),
        String(c.compliant),
        String(c.partial),
        String(c.nonCompliant),
        String(c.notApplicable),
        String(c.unanswered),
      ]),
    ),
    p(
      zh
        ? '注：要求项按全部适用测评对象的结果合并判定——均符合为符合，均不符合为不符合，其余为部分符合；全部不适用为不适用。'
        : 'Note: an item merges its applicable objects — all compliant is compliant, all non-compliant is non-compliant, otherwise partial; all not applicable is not applicable.',
    ),
    h2(tx(H.s32)),
    table(
      [
        col(zh ? '测评对象' : 'Test object', 3),
        col(zh ? '测评项数' : 'Rows', 1, 'right'),
        ...resultCols,
      ],
      a.objects.map((o) => {
        const rows = workbook.rows.filter((r) => r.objectId === o.id);
        const n = (result: string | null) => rows.filter((r) => r.result === result).length;
        return [
          o.name,
          String(rows.length),
          String(n('compliant')),
          String(n('partial')),
          String(n('non_compliant')),
          String(n('not_applicable')),
          String(n(null)),
        ];
      }),
    ),
  );

  // 4 整体测评
  if (input.compensations) {
    blocks.push(...overallAssessmentBlocks(lang, input.compensations));
  } else
    blocks.push(
      h1(tx(H.ch4)),
      h2(tx(H.s41)),
      p(
        blank(lang),
        zh
          ? '（分析同一区域内、同一安全层面上不同安全控制点之间的关联作用，以及对单项测评结果的弥补或削弱。）'
          : ' (How control points in the same zone and layer reinforce or weaken each other, and any effect on single-item results.)',
      ),
      h2(tx(H.s42)),
      p(
        blank(lang),
        zh
          ? '（分析不同区域之间、不同安全层面之间的安全功能关联作用。）'
          : ' (How security functions between zones and between layers affect each other.)',
      ),
      h2(tx(H.s43)),
      p(
        blank(lang),
        zh
          ? '（整体测评对单项测评结果的修正情况；有修正的，单项测评结果记录已按修正后结果填写。）'
          : ' (Corrections the overall assessment made to single-item results; the records in Appendix B show corrected results.)',
      ),
    );

  // 5 安全问题风险分析
  const totalProblems = RISK_ORDER.reduce((s, r) => s + before.risks[r].total, 0);
  blocks.push(
    h1(tx(H.ch5)),
    h2(tx(H.s51)),
    p(
      zh
        ? `本次测评共发现安全问题${totalProblems}个，其中高风险问题${before.risks.high.total}个、中风险问题${before.risks.medium.total}个、低风险问题${before.risks.low.total}个。`
        : `${totalProblems} security problems were found: ${before.risks.high.total} high-risk, ${before.risks.medium.total} medium-risk and ${before.risks.low.total} low-risk.`,
    ),
    table(
      zh
        ? [
            col('序号', 1, 'center'),
            col('安全类', 2),
            col('控制点', 2),
            col('条款', 2),
            col('安全问题', 5),
            col('涉及对象', 3),
            col('风险等级', 2),
            col('整改状态', 2),
          ]
        : [
            col('No.', 1, 'center'),
            col('Category', 2),
            col('Control point', 2),
            col('Clause', 2),
            col('Problem', 5),
            col('Objects', 3),
            col('Risk', 2),
            col('Rectification', 2),
          ],
      findings.map((f, i) => [
        String(i + 1),
        categoryLabel(lang, f.category),
        f.controlPoint[lang],
        f.clause,
        problemText(lang, f),
        join(
          lang,
          f.objects
            .filter((o) => o.result === 'non_compliant' || o.result === 'partial')
            .map((o) => o.name),
        ),
        RISK[f.effectiveRisk][lang],
        f.rectification ? RECTIFICATION_STATUS[f.rectification.status][lang] : none(lang),
      ]),
    ),
    h2(tx(H.s52)),
    p(zh ? '重大风险隐患数量：' : 'Major risk hidden dangers: ', b(major(before))),
  );
  if (input.majorRisks.length === 0) {
    blocks.push(p(zh ? '本次测评未发现重大风险隐患。' : 'No major risk hidden danger was found.'));
  } else {
    blocks.push(
      table(
        zh
          ? [
              col('序号', 1, 'center'),
              col('触发项', 1),
              col('重大风险隐患', 5),
              col('说明', 4),
              col('整改情况', 3),
            ]
          : [
              col('No.', 1, 'center'),
              col('Trigger', 1),
              col('Major risk', 5),
              col('Note', 4),
              col('Rectified', 3),
            ],
        input.majorRisks.map((m, i) => [
          String(i + 1),
          m.triggerId,
          m.title[lang],
          m.note ?? '',
          m.rectified
            ? zh
              ? `已整改${m.rectifiedOn ? `（${date(lang, m.rectifiedOn)}）` : ''}`
              : `Rectified${m.rectifiedOn ? ` (${date(lang, m.rectifiedOn)})` : ''}`
            : zh
              ? '未整改'
              : 'Not rectified',
        ]),
      ),
    );
  }

  // 6 总体评价
  const c = before.counts;
  blocks.push(
    h1(tx(H.ch6)),
    h2(tx(H.s61)),
    table(
      [
        col(zh ? '安全类' : 'Category', 3),
        col(zh ? '适用要求项数' : 'Applicable items', 2, 'right'),
        col(zh ? '符合项数' : 'Compliant items', 2, 'right'),
        col(
          before.policy === 'T2025' ? figureName(lang, 'T2025') : zh ? '得分' : 'Score',
          2,
          'right',
        ),
      ],
      [
        ...sortCategories(before.byCategory).map((x) => [
          categoryLabel(lang, x.category),
          String(x.applicable),
          String(x.compliant),
          x.value === null ? '—' : figure({ policy: before.policy, value: x.value }),
        ]),
        [zh ? '合计' : 'Total', String(c.applicable), String(c.compliant), figure(before)],
      ],
    ),
    h2(tx(H.s62)),
    p(
      zh
        ? `本次测评共涉及要求项${c.items}项，其中适用${c.applicable}项：符合${c.compliant}项、部分符合${c.partial}项、不符合${c.nonCompliant}项；不适用${c.notApplicable}项。${figureName(lang, before.policy)}为`
        : `The assessment covers ${c.items} requirement items, ${c.applicable} applicable: ${c.compliant} compliant, ${c.partial} partial, ${c.nonCompliant} non-compliant; ${c.notApplicable} not applicable. ${figureName(lang, before.policy)}: `,
      b(figure(before)),
      zh ? '。' : '.',
    ),
  );
  if (before.provisional) {
    blocks.push(
      p(
        zh
          ? `注：尚有${c.unanswered}项未填写结果、${c.untested}项无适用测评对象，以上数值为暂定值。`
          : `Note: ${c.unanswered} items are unanswered and ${c.untested} have no test object; the figures are provisional.`,
      ),
    );
  }

  // 7 等级测评结论
  blocks.push(
    h1(tx(H.ch7)),
    h2(tx(H.s71)),
    p(policySentence(lang, before.policy, score.reportDate)),
    table(
      zh
        ? [col('项目', 3), col('整改前', 3), col('整改后', 3)]
        : [col('Item', 3), col('As assessed', 3), col('After rectification', 3)],
      [
        [figureName(lang, before.policy), figure(before), figure(after)],
        [zh ? '等级测评结论' : 'Conclusion', conclusionOf(before), conclusionOf(after)],
        ...RISK_ORDER.map((r) => [
          zh ? `${RISK[r].zh}问题（未整改）` : `${RISK[r].en} problems (open)`,
          String(before.risks[r].open),
          String(after.risks[r].open),
        ]),
        [zh ? '重大风险隐患' : 'Major risk hidden dangers', major(before), major(after)],
      ],
    ),
    p(
      zh ? `${systemName}本次等级测评结论为` : `The conclusion for ${systemName} is `,
      b(conclusionOf(before)),
      zh
        ? `，${figureName(lang, before.policy)}${figure(before)}。`
        : ` (${figureName(lang, before.policy).toLowerCase()} ${figure(before)}).`,
    ),
    h2(tx(H.s72)),
    p(zh ? '整改前：' : 'As assessed:'),
    list(before.reasons.map((r) => r[lang])),
    p(zh ? '整改后：' : 'After rectification:'),
    list(after.reasons.map((r) => r[lang])),
  );
  if (before.onBoundary || after.onBoundary) {
    blocks.push(
      p(
        zh
          ? '注：符合率恰好落在 90% 或 60% 的分界上，相关文件未明确分界归属，本报告按分界值计入较高档。'
          : 'Note: the rate sits exactly on the 90 % or 60 % boundary, which the sources leave open; this report counts it in the higher band.',
      ),
    );
  }

  // 8 安全问题整改建议
  blocks.push(h1(tx(H.ch8)));
  for (const [risk, heading] of [
    ['high', H.s81],
    ['medium', H.s82],
    ['low', H.s83],
  ] as const) {
    blocks.push(h2(tx(heading)));
    const mine = findings.filter((f) => f.effectiveRisk === risk);
    if (mine.length === 0) {
      blocks.push(p(none(lang)));
      continue;
    }
    blocks.push(
      table(
        zh
          ? [col('序号', 1, 'center'), col('条款', 2), col('安全问题', 4), col('整改建议', 6)]
          : [col('No.', 1, 'center'), col('Clause', 2), col('Problem', 4), col('Advice', 6)],
        mine.map((f, i) => [
          String(i + 1),
          f.clause,
          problemText(lang, f),
          advice(lang, f, rectByReq.get(f.requirementId)),
        ]),
      ),
    );
  }

  // Appendices
  blocks.push(
    h1(tx(H.appA)),
    table(
      zh
        ? [
            col('序号', 1, 'center'),
            col('资产名称', 4),
            col('类别', 3),
            col('描述', 5),
            col('测评记录数', 2, 'right'),
          ]
        : [
            col('No.', 1, 'center'),
            col('Asset', 4),
            col('Kind', 3),
            col('Description', 5),
            col('Records', 2, 'right'),
          ],
      a.objects.map((o, i) => [
        String(i + 1),
        o.name,
        objectKindLabel(lang, o.kind),
        o.description ?? '',
        String(workbook.rows.filter((r) => r.objectId === o.id).length),
      ]),
    ),
    h1(tx(H.appB)),
  );
  a.objects.forEach((o, i) => {
    blocks.push(
      h2(`B.${i + 1} ${o.name}`),
      table(
        zh
          ? [col('条款', 2), col('测评项', 5), col('结果记录', 5), col('符合情况', 2)]
          : [col('Clause', 2), col('Requirement', 5), col('Record', 5), col('Result', 2)],
        workbook.rows
          .filter((r) => r.objectId === o.id)
          .map((r) => [
            r.clause,
            // The organisation's own copy of the standard's wording, where it loaded one.
            r.standardText
              ? `${r.text[lang]}\n${zh ? '标准原文：' : 'Standard text: '}${r.standardText}`
              : r.text[lang],
            recordText(lang, r),
            r.result ? ITEM_RESULT[r.result][lang] : zh ? '未填写' : 'Unanswered',
          ]),
      ),
    );
  });
  blocks.push(
    h1(tx(H.appC)),
    ...verificationBlocks(lang, 'C', input.verification?.scan, [
      blank(lang),
      zh
        ? '（漏洞扫描的工具、时间、范围及发现的漏洞，可附扫描报告。）'
        : ' (Scan tools, time, scope and vulnerabilities found; the scan report may be attached.)',
    ]),
    h1(tx(H.appD)),
    ...verificationBlocks(lang, 'D', input.verification?.pentest, [
      blank(lang),
      zh
        ? '（渗透测试的时间、接入点、过程与结果。）'
        : ' (Penetration test time, entry points, process and results.)',
    ]),
    h1(tx(H.appE)),
    table(
      zh
        ? [col('编号', 1), col('类别', 2), col('触发项', 4), col('说明', 6), col('本次测评', 2)]
        : [
            col('ID', 1),
            col('Category', 2),
            col('Trigger', 4),
            col('Description', 6),
            col('This assessment', 2),
          ],
      input.triggers.map((t) => {
        const hits = input.majorRisks.filter((m) => m.triggerId === t.id);
        const state =
          hits.length === 0
            ? zh
              ? '未触发'
              : 'Not triggered'
            : hits.every((m) => m.rectified)
              ? zh
                ? '触发（已整改）'
                : 'Triggered (rectified)'
              : zh
                ? '触发'
                : 'Triggered';
        return [t.id, categoryLabel(lang, t.category), t.title[lang], t.summary[lang], state];
      }),
    ),
  );

  return {
    lang,
    title,
    cover: {
      title,
      subtitle: zh ? '网络安全等级保护' : 'MLPS (网络安全等级保护)',
      lines: zh
        ? [
            ['报告编号', orBlank(lang, a.reportNumber)],
            ['被测单位', org.name],
            ['被测对象', systemName],
            ['测评机构', orBlank(lang, a.agency)],
          ]
        : [
            ['Report number', orBlank(lang, a.reportNumber)],
            ['Organisation', org.nameEn ?? org.name],
            ['System', systemName],
            ['Agency', orBlank(lang, a.agency)],
          ],
      date: date(lang, reportDate),
    },
    header: zh ? `${systemName} 等级测评报告` : `${systemName} level assessment report`,
    blocks,
  };
}

function basis(lang: Lang, policy: ScoreResultDto['policy']): string[] {
  const zh = lang === 'zh';
  const items = [
    zh
      ? 'GB/T 22239-2019《信息安全技术 网络安全等级保护基本要求》'
      : 'GB/T 22239-2019 Baseline for classified protection of cybersecurity',
    zh
      ? 'GB/T 28448-2019《信息安全技术 网络安全等级保护测评要求》'
      : 'GB/T 28448-2019 Evaluation requirement for classified protection of cybersecurity',
    zh
      ? 'GB/T 28449-2018《信息安全技术 网络安全等级保护测评过程指南》'
      : 'GB/T 28449-2018 Testing and evaluation process guide for classified protection of cybersecurity',
    zh
      ? 'GB/T 22240-2020《信息安全技术 网络安全等级保护定级指南》'
      : 'GB/T 22240-2020 Classification guide for classified protection of cybersecurity',
    zh
      ? '《网络安全等级保护测评高风险判定实施指引（试行）》'
      : 'Implementation guide for high-risk judgement in MLPS assessments (trial)',
  ];
  if (policy === 'T2025') {
    items.push(
      zh
        ? '公安部网络安全保卫局公网安〔2025〕1846号文及其问答附件'
        : 'MPS Cybersecurity Bureau letter 公网安〔2025〕1846号 and its Q&A annex',
    );
  }
  return items;
}

function policySentence(lang: Lang, policy: ScoreResultDto['policy'], reportDate: string): string {
  if (lang === 'zh') {
    return policy === 'T2025'
      ? `报告日期为${date(lang, reportDate)}（2025年3月20日及以后），依据公网安〔2025〕1846号第20–22问，采用2025版报告模板：符合率达到90%且无重大风险隐患为“符合”，60%至90%为“基本符合”，低于60%为“不符合”。`
      : `报告日期为${date(lang, reportDate)}（早于2025年3月20日），采用2021版报告模板：按综合得分评定优、良、中、差，存在未整改高风险问题的为“差”。`;
  }
  return policy === 'T2025'
    ? `The report is dated ${date(lang, reportDate)} (on or after 2025-03-20), so the 2025 template applies (MPS letter 1846 Q20–Q22): at least 90 % with no major risk hidden danger is Compliant, 60 %–90 % Basically compliant, below 60 % Non-compliant.`
    : `The report is dated ${date(lang, reportDate)} (before 2025-03-20), so the 2021 template applies: a composite score rated Excellent / Good / Fair / Poor, any open high-risk problem forcing Poor.`;
}

function problemText(lang: Lang, f: FindingDto): string {
  const result = ITEM_RESULT[f.result][lang];
  const head = lang === 'zh' ? `${f.title.zh}（${result}）` : `${f.title.en} (${result})`;
  return f.description ? `${head}${lang === 'zh' ? '：' : ': '}${f.description}` : head;
}

function advice(lang: Lang, f: FindingDto, rect: RectificationDto | undefined): string {
  if (rect?.plan) return rect.plan;
  const mitigations = f.highRiskCases.flatMap((c) => c.mitigations.map((m) => m[lang]));
  if (mitigations.length > 0) return join(lang, mitigations) + (lang === 'zh' ? '。' : '.');
  return lang === 'zh'
    ? `按照 GB/T 22239-2019 ${f.clause}“${f.title.zh}”的要求整改。`
    : `Rectify per GB/T 22239-2019 ${f.clause} "${f.title.en}".`;
}

function recordText(lang: Lang, r: WorkbookRowDto): string {
  const record = r.record ?? '';
  if (!r.reason) return record;
  const reason = lang === 'zh' ? `理由：${r.reason}` : `Reason: ${r.reason}`;
  return record ? `${record}${lang === 'zh' ? '；' : '; '}${reason}` : reason;
}

function sortCategories<T extends { category: string }>(rows: readonly T[]): T[] {
  const rank = (c: string) => {
    const i = CATEGORY_ORDER.indexOf(c as CatalogCategory);
    return i === -1 ? CATEGORY_ORDER.length : i;
  };
  return [...rows].sort((x, y) => rank(x.category) - rank(y.category));
}

/**
 * Appendix C (漏洞扫描结果记录) or D (渗透测试结果记录): the files it comes from, then per test
 * object its findings (target, vulnerability, CVE, CVSS, severity, exploitable); the fill-in
 * blank when nothing was imported.
 */
/**
 * Chapter 4 from the assessor's compensation records: 4.1 those within a layer (测评项间,
 * 控制点间), 4.2 those between layers (层面间), 4.3 the items whose outcome they changed. The
 * single-item records of appendix B keep the recorded results; the conclusion counts the
 * adjusted ones and names them.
 */
function overallAssessmentBlocks(lang: Lang, compensations: CompensationsDto): Block[] {
  const zh = lang === 'zh';
  const tx = (l: Bilingual) => l[lang];
  const result = (r: string) =>
    r in ITEM_RESULT
      ? tx(ITEM_RESULT[r as keyof typeof ITEM_RESULT])
      : zh
        ? r === 'untested'
          ? '无适用测评对象'
          : '未填写'
        : r;
  const all = zh ? '全部测评对象' : 'All test objects';
  const rowsOf = (list: readonly CompensationDto[]) =>
    list.map((c) => [
      `${c.clause} ${tx(c.title)}`,
      c.objectName ?? all,
      `${c.compensatingClause} ${tx(c.compensatingTitle)}`,
      c.compensatingObjectName ?? all,
      c.active
        ? c.adjustments
            .map((x) => `${x.objectName}：${result(x.original)}→${result(x.adjusted)}`)
            .join('；') || '—'
        : zh
          ? `未生效（${c.problems.map((x) => x.message.zh).join('；')}）`
          : `not in effect (${c.problems.map((x) => x.message.en).join('; ')})`,
      c.reason,
    ]);
  const columns = [
    col(zh ? '被补偿测评项' : 'Compensated item', 3),
    col(zh ? '测评对象' : 'Test object', 2),
    col(zh ? '补偿措施' : 'Compensating item', 3),
    col(zh ? '补偿对象' : 'Compensating object', 2),
    col(zh ? '结果调整' : 'Adjustment', 2),
    col(zh ? '补偿理由' : 'Reason', 3),
  ];
  const section = (title: Bilingual, list: readonly CompensationDto[], empty: Bilingual) =>
    list.length === 0
      ? [h2(tx(title)), p(tx(empty))]
      : [h2(tx(title)), table(columns, rowsOf(list))];
  const within = compensations.items.filter((c) => c.scope !== 'layer');
  const between = compensations.items.filter((c) => c.scope === 'layer');
  const changed = compensations.outcomes.filter((o) => o.before !== o.after);
  return [
    h1(tx(H.ch4)),
    ...section(H.s41, within, {
      zh: '测评项间、安全控制点间未发现可弥补单项测评结果的安全措施。',
      en: 'No measure between items or control points was found to make up for a single-item result.',
    }),
    ...section(H.s42, between, {
      zh: '区域间、安全层面间未发现可弥补单项测评结果的安全措施。',
      en: 'No measure between zones or layers was found to make up for a single-item result.',
    }),
    h2(tx(H.s43)),
    changed.length === 0
      ? p(
          zh
            ? '整体测评未改变任何测评项的结果。'
            : 'The overall assessment changed no item outcome.',
        )
      : p(
          zh
            ? `整体测评后，${changed.length} 个测评项的结果发生变化（附录中的单项测评结果记录保留原始结果，符合率与结论按调整后结果计算）：`
            : `After the overall assessment, ${changed.length} item outcome(s) changed (the single-item records in the appendix keep the recorded results; the rate and conclusion use the adjusted ones):`,
        ),
    ...(changed.length === 0
      ? []
      : [
          table(
            [
              col(zh ? '测评项' : 'Item', 3),
              col(zh ? '调整前' : 'Before', 1),
              col(zh ? '调整后' : 'After', 1),
            ],
            changed.map((o) => [o.clause, result(o.before), result(o.after)]),
          ),
        ]),
  ];
}

function verificationBlocks(
  lang: Lang,
  letter: 'C' | 'D',
  data: VerificationAppendixDto | undefined,
  placeholder: readonly string[],
): Block[] {
  if (!data || (data.rows.length === 0 && data.sources.length === 0)) return [p(...placeholder)];
  const zh = lang === 'zh';
  const out: Block[] = [
    list(
      data.sources.map((s) =>
        [s.scanner, s.scanDate, s.fileName]
          .filter((x) => x !== null && x !== '')
          .join(zh ? '，' : ', '),
      ),
    ),
  ];
  if (data.rows.length === 0) {
    out.push(p(zh ? '未发现低危及以上的问题。' : 'No problem of low severity or above was found.'));
    return out;
  }
  const groups = new Map<string | null, VerificationAppendixDto['rows']>();
  for (const r of data.rows) groups.set(r.objectName, [...(groups.get(r.objectName) ?? []), r]);
  [...groups].forEach(([object, rows], i) => {
    out.push(
      h2(
        `${letter}.${i + 1} ${object ?? (zh ? '未对应测评对象的主机' : 'Hosts without a test object')}`,
      ),
      table(
        zh
          ? [
              col('目标地址', 3),
              col('漏洞名称', 5),
              col('CVE编号', 3),
              col('CVSS', 1, 'right'),
              col('风险等级', 1, 'center'),
              col('可利用', 1, 'center'),
            ]
          : [
              col('Target', 3),
              col('Vulnerability', 5),
              col('CVE', 3),
              col('CVSS', 1, 'right'),
              col('Severity', 1, 'center'),
              col('Exploitable', 1, 'center'),
            ],
        rows.map((r) => [
          r.target,
          r.name,
          r.cves.join(', ') || '—',
          r.cvss === null ? '—' : r.cvss.toFixed(1),
          say(`verification_severity.${r.severity}`, {}, lang),
          r.exploitable === null ? '—' : r.exploitable ? (zh ? '是' : 'yes') : zh ? '否' : 'no',
        ]),
      ),
    );
  });
  return out;
}
