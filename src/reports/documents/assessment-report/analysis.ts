/**
 * Chapters 4–8 of the assessment report: 整体测评 from the compensation records, 安全问题风险分析
 * (each problem as the records show it, with its threats), 总体评价, 等级测评结论 and
 * 安全问题整改建议 (the plan, else advice from the guidance or the requirement).
 */
import type { ScoreResultDto } from '../../../shared/api-types';
import type { CompensationDto, CompensationsDto } from '../../../shared/compensation-schemas';
import { b, h1, h2, list, p, table, type Block, type Lang } from '../../model';
import {
  categoryLabel,
  date,
  figure,
  figureName,
  ITEM_RESULT,
  join,
  none,
  RECTIFICATION_STATUS,
  RISK,
  type Bilingual,
} from '../labels';
import { categoryRank, col, RISK_ORDER, type ReportContext } from './context';
import { advice, failingObjects, problemDescription } from './narrative';
import { threatsOf } from './threats';

export const H = {
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
} as const satisfies Record<string, Bilingual>;

const NO_COMPENSATIONS: CompensationsDto = { items: [], total: 0, outcomes: [] };

/**
 * Chapter 4 from the assessor's compensation records: 4.1 those within a layer (测评项间,
 * 控制点间), 4.2 those between layers (层面间), 4.3 the items whose outcome they changed. The
 * single-item records of appendix B keep the recorded results; the conclusion counts the
 * adjusted ones and names them. Without records the sections say none was found.
 */
export function chapter4(ctx: ReportContext): Block[] {
  const { zh, tx } = ctx;
  const compensations = ctx.input.compensations ?? NO_COMPENSATIONS;
  const result = (r: string) =>
    r in ITEM_RESULT
      ? tx(ITEM_RESULT[r as keyof typeof ITEM_RESULT])
      : zh
        ? r === 'untested'
          ? '无适用测评对象'
          : '未填写'
        : r === 'untested'
          ? 'no test object'
          : 'unanswered';
  const all = zh ? '全部测评对象' : 'All test objects';
  const rowsOf = (items: readonly CompensationDto[]) =>
    items.map((c) => [
      `${c.clause} ${tx(c.title)}`,
      c.objectName ?? all,
      `${c.compensatingClause} ${tx(c.compensatingTitle)}`,
      c.compensatingObjectName ?? all,
      c.active
        ? c.adjustments
            .map(
              (x) =>
                `${x.objectName}${zh ? '：' : ': '}${result(x.original)}→${result(x.adjusted)}`,
            )
            .join(zh ? '；' : '; ') || '—'
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
  const section = (title: Bilingual, items: readonly CompensationDto[], empty: Bilingual) =>
    items.length === 0
      ? [h2(tx(title)), p(tx(empty))]
      : [h2(tx(title)), table(columns, rowsOf(items))];
  const within = compensations.items.filter((c) => c.scope !== 'layer');
  const between = compensations.items.filter((c) => c.scope === 'layer');
  const changed = compensations.outcomes.filter((o) => o.before !== o.after);
  return [
    h1(tx(H.ch4)),
    p(
      zh
        ? '整体测评在单项测评的基础上，分析测评项之间、安全控制点之间、区域和安全层面之间的关联作用，判断其他安全措施能否弥补单项测评发现的不足，并据此修正单项测评结果。'
        : 'The overall assessment looks, beyond single items, at how items, control points, zones and layers work together, judges whether other measures make up for the gaps found, and corrects single-item results accordingly.',
    ),
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

export function chapter5(ctx: ReportContext): Block[] {
  const { zh, lang, tx, before, input } = ctx;
  const totalProblems = RISK_ORDER.reduce((s, r) => s + before.risks[r].total, 0);
  const out: Block[] = [
    h1(tx(H.ch5)),
    h2(tx(H.s51)),
    p(
      zh
        ? `本次测评共发现安全问题${totalProblems}个，其中高风险问题${before.risks.high.total}个、中风险问题${before.risks.medium.total}个、低风险问题${before.risks.low.total}个。各问题的描述取自相应测评对象的结果记录；风险等级依据《网络安全等级保护测评高风险判定实施指引（试行）》和威胁分析判定，威胁种类见附录H。`
        : `${totalProblems} security problems were found: ${before.risks.high.total} high-risk, ${before.risks.medium.total} medium-risk and ${before.risks.low.total} low-risk. Each problem is described by the records of its test objects; risk levels follow the high-risk judgement guide and the threat analysis (threat kinds: Appendix H).`,
    ),
    table(
      zh
        ? [
            col('序号', 1, 'center'),
            col('安全类', 2),
            col('控制点', 2),
            col('条款', 2),
            col('安全问题', 7),
            col('威胁', 2),
            col('风险等级', 2),
            col('整改状态', 2),
          ]
        : [
            col('No.', 1, 'center'),
            col('Category', 2),
            col('Control point', 2),
            col('Clause', 2),
            col('Problem', 7),
            col('Threat', 2),
            col('Risk', 2),
            col('Rectification', 2),
          ],
      ctx.findings.map((f, i) => [
        String(i + 1),
        categoryLabel(lang, f.category),
        f.controlPoint[lang],
        f.clause,
        problemDescription(lang, f, ctx.rows),
        join(
          lang,
          threatsOf(f.category, f.controlPoint.zh).map((t) => t.name[lang]),
        ),
        RISK[f.effectiveRisk][lang],
        f.rectification ? RECTIFICATION_STATUS[f.rectification.status][lang] : none(lang),
      ]),
    ),
    h2(tx(H.s52)),
    p(zh ? '重大风险隐患数量：' : 'Major risk hidden dangers: ', b(ctx.major(before))),
  ];
  if (input.majorRisks.length === 0) {
    out.push(p(zh ? '本次测评未发现重大风险隐患。' : 'No major risk hidden danger was found.'));
  } else {
    out.push(
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
  return out;
}

export function chapter6(ctx: ReportContext): Block[] {
  const { zh, lang, tx, before } = ctx;
  const c = before.counts;
  return [
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
        ...[...before.byCategory]
          .sort((x, y) => categoryRank(x.category) - categoryRank(y.category))
          .map((x) => [
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
    ...(before.provisional
      ? [
          p(
            zh
              ? `注：尚有${c.unanswered}项未填写结果、${c.untested}项无适用测评对象，以上数值为暂定值。`
              : `Note: ${c.unanswered} items are unanswered and ${c.untested} have no test object; the figures are provisional.`,
          ),
        ]
      : []),
  ];
}

export function policySentence(
  lang: Lang,
  policy: ScoreResultDto['policy'],
  reportDate: string,
): string {
  if (lang === 'zh') {
    return policy === 'T2025'
      ? `报告日期为${date(lang, reportDate)}（2025年3月20日及以后），依据公网安〔2025〕1846号第20–22问，采用2025版报告模板：符合率达到90%且无重大风险隐患为“符合”，60%至90%为“基本符合”，低于60%为“不符合”。`
      : `报告日期为${date(lang, reportDate)}（早于2025年3月20日），采用2021版报告模板：按综合得分评定优、良、中、差，存在未整改高风险问题的为“差”。`;
  }
  return policy === 'T2025'
    ? `The report is dated ${date(lang, reportDate)} (on or after 2025-03-20), so the 2025 template applies (MPS letter 1846 Q20–Q22): at least 90 % with no major risk hidden danger is Compliant, 60 %–90 % Basically compliant, below 60 % Non-compliant.`
    : `The report is dated ${date(lang, reportDate)} (before 2025-03-20), so the 2021 template applies: a composite score rated Excellent / Good / Fair / Poor, any open high-risk problem forcing Poor.`;
}

export function chapter7(ctx: ReportContext): Block[] {
  const { zh, lang, tx, before, after } = ctx;
  const out: Block[] = [
    h1(tx(H.ch7)),
    h2(tx(H.s71)),
    p(policySentence(lang, before.policy, ctx.input.score.reportDate)),
    table(
      zh
        ? [col('项目', 3), col('整改前', 3), col('整改后', 3)]
        : [col('Item', 3), col('As assessed', 3), col('After rectification', 3)],
      [
        [figureName(lang, before.policy), figure(before), figure(after)],
        [zh ? '等级测评结论' : 'Conclusion', ctx.conclusionOf(before), ctx.conclusionOf(after)],
        ...RISK_ORDER.map((r) => [
          zh ? `${RISK[r].zh}问题（未整改）` : `${RISK[r].en} problems (open)`,
          String(before.risks[r].open),
          String(after.risks[r].open),
        ]),
        [zh ? '重大风险隐患' : 'Major risk hidden dangers', ctx.major(before), ctx.major(after)],
      ],
    ),
    p(
      zh ? `${ctx.systemName}本次等级测评结论为` : `The conclusion for ${ctx.systemName} is `,
      b(ctx.conclusionOf(before)),
      zh
        ? `，${figureName(lang, before.policy)}${figure(before)}。`
        : ` (${figureName(lang, before.policy).toLowerCase()} ${figure(before)}).`,
    ),
    h2(tx(H.s72)),
    p(zh ? '整改前：' : 'As assessed:'),
    list(before.reasons.map((r) => r[lang])),
    p(zh ? '整改后：' : 'After rectification:'),
    list(after.reasons.map((r) => r[lang])),
  ];
  if (before.onBoundary || after.onBoundary) {
    out.push(
      p(
        zh
          ? '注：符合率恰好落在 90% 或 60% 的分界上，相关文件未明确分界归属，本报告按分界值计入较高档。'
          : 'Note: the rate sits exactly on the 90 % or 60 % boundary, which the sources leave open; this report counts it in the higher band.',
      ),
    );
  }
  return out;
}

export function chapter8(ctx: ReportContext): Block[] {
  const { zh, lang, tx } = ctx;
  const guidance = ctx.assessment.level === 3 ? ctx.input.guidance : undefined;
  const out: Block[] = [h1(tx(H.ch8))];
  for (const [risk, heading] of [
    ['high', H.s81],
    ['medium', H.s82],
    ['low', H.s83],
  ] as const) {
    out.push(h2(tx(heading)));
    const mine = ctx.findings.filter((f) => f.effectiveRisk === risk);
    if (mine.length === 0) {
      out.push(p(none(lang)));
      continue;
    }
    out.push(
      table(
        zh
          ? [
              col('序号', 1, 'center'),
              col('条款', 2),
              col('安全问题', 5),
              col('涉及对象', 3),
              col('整改建议', 6),
            ]
          : [
              col('No.', 1, 'center'),
              col('Clause', 2),
              col('Problem', 5),
              col('Objects', 3),
              col('Advice', 6),
            ],
        mine.map((f, i) => [
          String(i + 1),
          f.clause,
          // What was found is in 5.1 (by its number there); here the requirement and the advice.
          zh
            ? `${f.title.zh}（问题描述见5.1第${ctx.findings.indexOf(f) + 1}项）`
            : `${f.title.en} (described in 5.1, no. ${ctx.findings.indexOf(f) + 1})`,
          join(lang, failingObjects(f)),
          advice(
            lang,
            f,
            ctx.rectByRequirement.get(f.requirementId),
            ctx.indicatorById.get(f.requirementId)?.text,
            guidance?.get(f.requirementId),
          ),
        ]),
      ),
    );
  }
  return out;
}
