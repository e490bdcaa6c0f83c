/**
 * 个人信息保护影响评估报告 (PIPIA report) of one assessment: data in, {@link ReportDocument} out.
 *
 * Structure after GB/T 39335-2020 (信息安全技术 个人信息安全影响评估指南; a recommended
 * standard): what was assessed and why (the PIPL Art. 55 triggers), the processing (Art. 56 ¶1
 * (1)–(3): lawfulness, legitimacy and necessity of purpose and means; impact on individuals and
 * security risks; whether the protection measures are lawful, effective and proportionate to the
 * risk), the conclusion, review and approval, and the retention (Art. 56 ¶2: report and
 * processing records kept at least three years). The chapter layout is ours; the questions and
 * answers come from the questionnaire version the assessment follows. An assessment that is not
 * approved is a draft: 草稿 watermark and a status line.
 */
import type { CitationDto, OrganisationDto } from '../../../shared/api-types';
import type { PipiaAnswer, PipiaRiskLevel, PipiaStatus } from '../../../shared/privacy-schemas';
import {
  b,
  fields,
  h1,
  h2,
  h3,
  list,
  p,
  table,
  type Block,
  type Lang,
  type ReportDocument,
} from '../../model';
import type { DocumentOverrides } from '../../overrides';
import { date, join, none, orBlank, type Bilingual } from '../labels';
import {
  CONSENT_CASE,
  DECISION,
  EXEMPTION,
  LEGAL_BASIS,
  MECHANISM,
  RELATIONSHIP,
  RISK,
  STATUS,
  SUBJECT,
  word,
} from './labels';

export interface PipiaReportCategory {
  readonly code: string;
  readonly labelZh: string;
  readonly labelEn: string;
  /** The PIPL Art. 28 class that makes it sensitive, in words; null: not sensitive by itself. */
  readonly sensitiveClass: Bilingual | null;
}

export interface PipiaReportActivity {
  readonly code: string;
  readonly name: string;
  readonly purpose: string;
  readonly legalBases: readonly string[];
  readonly categories: readonly PipiaReportCategory[];
  readonly subjects: readonly string[];
  readonly individuals: number;
  readonly sensitiveIndividuals: number;
  readonly minorsUnder14: number;
  readonly retention: string;
  readonly deletion: string | null;
  readonly recipients: readonly {
    readonly key: string;
    readonly name: string;
    readonly relationship: string;
    readonly country: string;
    readonly purpose: string | null;
  }[];
  readonly transfers: readonly {
    readonly key: string;
    readonly recipientName: string;
    readonly country: string;
    readonly exemption: string | null;
    readonly mechanism: string | null;
    readonly reference: string | null;
  }[];
  readonly consents: readonly { readonly case: string; readonly method: string }[];
  readonly automatedDecisionMaking: boolean;
  readonly publicDisclosure: boolean;
  readonly faceRecognition: boolean;
  /** Null when the activity was removed from the register since. */
  readonly missing?: boolean;
}

export interface PipiaReportQuestion {
  readonly id: string;
  readonly textZh: string;
  readonly textEn: string;
  readonly answer: PipiaAnswer | null;
}

export interface PipiaReportSection {
  readonly titleZh: string;
  readonly titleEn: string;
  readonly questions: readonly PipiaReportQuestion[];
}

export interface PipiaReportInput {
  readonly organisation: OrganisationDto;
  /** The day the document is produced, YYYY-MM-DD (cover date until approval). */
  readonly asOf: string;
  readonly assessment: {
    readonly title: string;
    readonly status: PipiaStatus;
    readonly questionnaireVersion: string;
    readonly overallRisk: PipiaRiskLevel | null;
    readonly conclusion: string | null;
    readonly createdByName: string | null;
    readonly createdAt: string;
    readonly submittedAt: string | null;
    readonly approvedByName: string | null;
    readonly approvedOn: string | null;
    readonly retainUntil: string | null;
    /** Title of the approved assessment this one is a new version of. */
    readonly supersedes?: string | null;
  };
  readonly triggers: readonly {
    readonly code: string;
    readonly titleZh: string;
    readonly titleEn: string;
    readonly reasonZh: string;
    readonly reasonEn: string;
    readonly citations: readonly CitationDto[];
  }[];
  readonly activities: readonly PipiaReportActivity[];
  /**
   * The questionnaire's sections with their applicable questions, by report chapter: 1 overview
   * (scope and data mapping), 3 lawfulness, 4 impact and risk, 5 measures.
   */
  readonly chapters: {
    readonly overview: readonly PipiaReportSection[];
    readonly lawfulness: readonly PipiaReportSection[];
    readonly impact: readonly PipiaReportSection[];
    readonly measures: readonly PipiaReportSection[];
  };
  readonly reviews: readonly {
    readonly name: string;
    readonly decision: 'agree' | 'return' | null;
    readonly comment: string | null;
    readonly decidedAt: string | null;
  }[];
  /** Returns for rework with their reasons, oldest first. */
  readonly returns?: readonly {
    readonly name: string;
    readonly comment: string;
    readonly at: string;
  }[];
  /** Labels of PIPL Arts. 55 and 56 and GB/T 39335-2020 (from the knowledge base). */
  readonly cited: {
    readonly art55: CitationDto;
    readonly art56: CitationDto;
    readonly standard: CitationDto;
  };
  readonly overrides?: DocumentOverrides;
}

const L = {
  title: {
    zh: '个人信息保护影响评估报告',
    en: 'Personal information protection impact assessment report',
  },
  ch1: { zh: '1 评估概述', en: '1 Overview' },
  s11: { zh: '1.1 评估对象与范围', en: '1.1 Scope' },
  s12: { zh: '1.2 评估依据', en: '1.2 Basis' },
  s13: { zh: '1.3 需要评估的情形', en: '1.3 Why an assessment is needed' },
  ch2: { zh: '2 个人信息处理情况', en: '2 The processing of personal information' },
  ch3: {
    zh: '3 合法性、正当性、必要性分析',
    en: '3 Lawfulness, legitimacy and necessity',
  },
  ch4: {
    zh: '4 对个人权益的影响及安全风险',
    en: '4 Impact on individuals and security risks',
  },
  ch5: {
    zh: '5 保护措施的合法性、有效性及与风险程度的适应性',
    en: '5 Protection measures: lawful, effective and proportionate to the risk',
  },
  ch6: { zh: '6 评估结论', en: '6 Conclusion' },
  ch7: { zh: '7 审核与批准', en: '7 Review and approval' },
  ch8: { zh: '8 保存期限', en: '8 Retention' },
} as const satisfies Record<string, Bilingual>;

export function buildPipiaReport(input: PipiaReportInput, lang: Lang): ReportDocument {
  const zh = lang === 'zh';
  const tx = (l: Bilingual) => l[lang];
  const a = input.assessment;
  const org = input.organisation;
  const approved = a.status === 'approved';
  const cite = (c: CitationDto) => (zh ? c.labelZh : c.labelEn);
  const blocks: Block[] = [];

  // 1 评估概述
  blocks.push(h1(tx(L.ch1)));
  if (!approved)
    blocks.push(
      p(
        b(zh ? '本报告为草稿：' : 'This report is a draft: '),
        zh
          ? `评估尚未批准（状态：${tx(STATUS[a.status])}），内容可能变更。`
          : `the assessment is not approved (status: ${tx(STATUS[a.status])}); its content may change.`,
      ),
    );
  blocks.push(
    h2(tx(L.s11)),
    fields(
      zh
        ? [
            ['个人信息处理者', org.name],
            ['评估名称', a.title],
            ['评估的处理活动', String(input.activities.length)],
            ['问卷版本', a.questionnaireVersion],
            ['评估状态', tx(STATUS[a.status])],
            ['编制人', orBlank(lang, a.createdByName)],
            ...(a.supersedes ? [['所替代的评估', a.supersedes] as const] : []),
          ]
        : [
            ['Personal information handler', org.nameEn ? `${org.nameEn} (${org.name})` : org.name],
            ['Assessment', a.title],
            ['Activities assessed', String(input.activities.length)],
            ['Questionnaire version', a.questionnaireVersion],
            ['Status', tx(STATUS[a.status])],
            ['Prepared by', orBlank(lang, a.createdByName)],
            ...(a.supersedes ? [['Supersedes', a.supersedes] as const] : []),
          ],
    ),
    table(
      zh
        ? [
            { header: '编号', width: 2 },
            { header: '处理活动', width: 5 },
            { header: '处理目的', width: 7 },
          ]
        : [
            { header: 'Code', width: 2 },
            { header: 'Activity', width: 5 },
            { header: 'Purpose', width: 7 },
          ],
      input.activities.map((x) => [x.code, x.name, x.purpose || none(lang)]),
      zh ? '表1 评估范围内的个人信息处理活动' : 'Table 1 Processing activities assessed',
    ),
    h2(tx(L.s12)),
    list([
      zh
        ? `${cite(input.cited.art55)}（应当事前进行个人信息保护影响评估的情形）`
        : `${cite(input.cited.art55)} (when an assessment is required beforehand)`,
      zh
        ? `${cite(input.cited.art56)}（评估内容；报告和处理情况记录至少保存三年）`
        : `${cite(input.cited.art56)} (what is assessed; report and records kept at least three years)`,
      zh
        ? `${cite(input.cited.standard)}（推荐性国家标准，评估方法参考）`
        : `${cite(input.cited.standard)} (recommended national standard, method)`,
    ]),
    h2(tx(L.s13)),
  );
  const overview = input.chapters.overview.filter((s) => s.questions.length > 0);
  if (input.triggers.length === 0)
    blocks.push(
      p(
        zh
          ? '评估开始时未发现第五十五条规定的情形；本评估为自愿开展。'
          : 'No Art. 55 case was found when the assessment was opened; it is voluntary.',
      ),
    );
  else
    blocks.push(
      table(
        zh
          ? [
              { header: '情形', width: 4 },
              { header: '涉及的处理活动及理由', width: 8 },
              { header: '依据', width: 4 },
            ]
          : [
              { header: 'Case', width: 4 },
              { header: 'Activities and reasons', width: 8 },
              { header: 'Citation', width: 4 },
            ],
        input.triggers.map((t) => [
          zh ? t.titleZh : t.titleEn,
          zh ? t.reasonZh : t.reasonEn,
          t.citations.map(cite).join(zh ? '；' : '; '),
        ]),
        zh
          ? '表2 需要进行个人信息保护影响评估的情形'
          : 'Table 2 Cases requiring an impact assessment',
      ),
    );

  overview.forEach((s, i) =>
    blocks.push(h2(`1.${4 + i} ${zh ? s.titleZh : s.titleEn}`), questionTable(s, lang)),
  );

  // 2 个人信息处理情况
  blocks.push(h1(tx(L.ch2)));
  input.activities.forEach((x, i) => blocks.push(...activityBlocks(x, i, lang)));

  // 3–5 questionnaire chapters
  blocks.push(h1(tx(L.ch3)), ...questionBlocks(input.chapters.lawfulness, '3', lang));
  blocks.push(h1(tx(L.ch4)), ...questionBlocks(input.chapters.impact, '4', lang));
  blocks.push(h1(tx(L.ch5)), ...questionBlocks(input.chapters.measures, '5', lang));

  // 6 评估结论
  blocks.push(
    h1(tx(L.ch6)),
    fields(
      zh
        ? [['总体风险等级', a.overallRisk ? tx(RISK[a.overallRisk]) : orBlank(lang, null)]]
        : [['Overall risk', a.overallRisk ? tx(RISK[a.overallRisk]) : orBlank(lang, null)]],
    ),
    ...(a.conclusion ? paragraphs(a.conclusion) : [p(orBlank(lang, null))]),
  );

  // 7 审核与批准
  blocks.push(h1(tx(L.ch7)));
  if (input.reviews.length === 0) blocks.push(p(zh ? '未指定审核人。' : 'No reviewer was named.'));
  else
    blocks.push(
      table(
        zh
          ? [
              { header: '审核人', width: 3 },
              { header: '审核意见', width: 2 },
              { header: '说明', width: 7 },
              { header: '时间', width: 3 },
            ]
          : [
              { header: 'Reviewer', width: 3 },
              { header: 'Decision', width: 2 },
              { header: 'Comment', width: 7 },
              { header: 'Time', width: 3 },
            ],
        input.reviews.map((r) => [
          r.name,
          tx(DECISION[r.decision ?? 'pending']),
          r.comment ?? '',
          r.decidedAt ? date(lang, r.decidedAt) : '',
        ]),
        zh ? '表 审核记录' : 'Table Reviews',
      ),
    );
  const returns = input.returns ?? [];
  if (returns.length > 0)
    blocks.push(
      table(
        zh
          ? [
              { header: '退回人', width: 3 },
              { header: '退回理由', width: 9 },
              { header: '时间', width: 3 },
            ]
          : [
              { header: 'Returned by', width: 3 },
              { header: 'Reason', width: 9 },
              { header: 'Time', width: 3 },
            ],
        returns.map((r) => [r.name, r.comment, date(lang, r.at)]),
        zh ? '表 退回记录' : 'Table Returns for rework',
      ),
    );
  blocks.push(
    fields(
      zh
        ? [
            ['提交审核时间', a.submittedAt ? date(lang, a.submittedAt) : '—'],
            ['批准人', approved ? orBlank(lang, a.approvedByName) : '—'],
            ['批准日期', approved ? date(lang, a.approvedOn) : '—'],
          ]
        : [
            ['Submitted', a.submittedAt ? date(lang, a.submittedAt) : '—'],
            ['Approved by', approved ? orBlank(lang, a.approvedByName) : '—'],
            ['Approved on', approved ? date(lang, a.approvedOn) : '—'],
          ],
    ),
  );

  // 8 保存期限
  blocks.push(
    h1(tx(L.ch8)),
    p(
      approved && a.retainUntil
        ? zh
          ? `依据${cite(input.cited.art56)}，个人信息保护影响评估报告和处理情况记录应当至少保存三年。本报告及所涉处理活动的处理情况记录保存至${date(lang, a.retainUntil)}，在此之前不得删除。`
          : `Under ${cite(input.cited.art56)} the report and the processing records are kept at least three years. This report and the records of the activities it covers are kept until ${date(lang, a.retainUntil)} and may not be deleted before.`
        : zh
          ? `依据${cite(input.cited.art56)}，个人信息保护影响评估报告和处理情况记录应当至少保存三年，自批准之日起计算；本评估尚未批准。`
          : `Under ${cite(input.cited.art56)} the report and the processing records are kept at least three years from approval; this assessment is not approved yet.`,
    ),
  );

  const title = zh ? `${a.title}个人信息保护影响评估报告` : `${a.title} — ${tx(L.title)}`;
  return {
    lang,
    title,
    cover: {
      title: tx(L.title),
      subtitle: zh ? `（${a.title}）` : `(${a.title})`,
      lines: zh
        ? [
            ['个人信息处理者', org.name],
            ['评估名称', a.title],
            ['总体风险等级', a.overallRisk ? tx(RISK[a.overallRisk]) : orBlank(lang, null)],
            ['报告状态', approved ? '已批准' : `草稿（${tx(STATUS[a.status])}）`],
          ]
        : [
            ['Personal information handler', org.nameEn ?? org.name],
            ['Assessment', a.title],
            ['Overall risk', a.overallRisk ? tx(RISK[a.overallRisk]) : orBlank(lang, null)],
            ['Status', approved ? 'Approved' : `Draft (${tx(STATUS[a.status])})`],
          ],
      date: date(lang, approved ? a.approvedOn : input.asOf),
      ...(input.overrides?.logo ? { logo: input.overrides.logo } : {}),
    },
    ...(approved ? {} : { watermark: zh ? '草稿' : 'DRAFT' }),
    header: zh
      ? `${org.name} 个人信息保护影响评估报告${approved ? '' : '（草稿）'}`
      : `${org.nameEn ?? org.name} PIPIA report${approved ? '' : ' (draft)'}`,
    blocks,
  };
}

function paragraphs(text: string): Block[] {
  return text
    .split(/\n+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => p(s));
}

function activityBlocks(x: PipiaReportActivity, i: number, lang: Lang): Block[] {
  const zh = lang === 'zh';
  const n = `2.${i + 1}`;
  const out: Block[] = [h2(`${n} ${x.code} ${x.name}`)];
  if (x.missing) {
    out.push(
      p(
        zh
          ? '该处理活动已不在个人信息处理活动记录中。'
          : 'This activity is no longer in the register.',
      ),
    );
    return out;
  }
  const categories = x.categories.map((c) => {
    const label = zh ? c.labelZh : c.labelEn;
    return c.sensitiveClass
      ? zh
        ? `${label}（敏感：${c.sensitiveClass.zh}）`
        : `${label} (sensitive: ${c.sensitiveClass.en})`
      : label;
  });
  const yes = (v: boolean) => (zh ? (v ? '是' : '否') : v ? 'Yes' : 'No');
  out.push(
    fields(
      zh
        ? [
            ['处理目的', x.purpose || none(lang)],
            [
              '处理依据（第十三条）',
              join(
                lang,
                x.legalBases.map((c) => word(LEGAL_BASIS, c, lang)),
              ),
            ],
            ['个人信息种类', join(lang, categories) || none(lang)],
            [
              '个人信息主体',
              join(
                lang,
                x.subjects.map((c) => word(SUBJECT, c, lang)),
              ),
            ],
            ['涉及个人数量', `${x.individuals}`],
            ['其中敏感个人信息涉及人数', `${x.sensitiveIndividuals}`],
            ['其中不满十四周岁未成年人', `${x.minorsUnder14}`],
            ['保存期限', x.retention || none(lang)],
            ['删除方式', orBlank(lang, x.deletion)],
            ['自动化决策', yes(x.automatedDecisionMaking)],
            ['公开个人信息', yes(x.publicDisclosure)],
            ['人脸识别', yes(x.faceRecognition)],
            [
              '单独同意',
              x.consents.length
                ? x.consents
                    .map((c) => `${word(CONSENT_CASE, c.case, lang)}：${c.method}`)
                    .join('；')
                : none(lang),
            ],
          ]
        : [
            ['Purpose', x.purpose || none(lang)],
            [
              'Legal bases (Art. 13)',
              join(
                lang,
                x.legalBases.map((c) => word(LEGAL_BASIS, c, lang)),
              ),
            ],
            ['Categories', join(lang, categories) || none(lang)],
            [
              'Data subjects',
              join(
                lang,
                x.subjects.map((c) => word(SUBJECT, c, lang)),
              ),
            ],
            ['Individuals', `${x.individuals}`],
            ['Of them with sensitive information', `${x.sensitiveIndividuals}`],
            ['Of them minors under 14', `${x.minorsUnder14}`],
            ['Retention', x.retention || none(lang)],
            ['Deletion', orBlank(lang, x.deletion)],
            ['Automated decision-making', yes(x.automatedDecisionMaking)],
            ['Public disclosure', yes(x.publicDisclosure)],
            ['Face recognition', yes(x.faceRecognition)],
            [
              'Separate consents',
              x.consents.length
                ? x.consents
                    .map((c) => `${word(CONSENT_CASE, c.case, lang)}: ${c.method}`)
                    .join('; ')
                : none(lang),
            ],
          ],
    ),
  );
  out.push(h3(zh ? `${n}.1 接收方` : `${n}.1 Recipients`));
  if (x.recipients.length === 0) out.push(p(none(lang)));
  else
    out.push(
      table(
        zh
          ? [
              { header: '接收方', width: 4 },
              { header: '关系', width: 3 },
              { header: '国家或地区', width: 2 },
              { header: '目的', width: 5 },
            ]
          : [
              { header: 'Recipient', width: 4 },
              { header: 'Relationship', width: 3 },
              { header: 'Country', width: 2 },
              { header: 'Purpose', width: 5 },
            ],
        x.recipients.map((r) => [
          r.name,
          word(RELATIONSHIP, r.relationship, lang),
          r.country,
          r.purpose ?? '',
        ]),
      ),
    );
  out.push(h3(zh ? `${n}.2 向境外提供` : `${n}.2 Transfers abroad`));
  if (x.transfers.length === 0) out.push(p(none(lang)));
  else
    out.push(
      table(
        zh
          ? [
              { header: '境外接收方', width: 4 },
              { header: '国家或地区', width: 2 },
              { header: '出境途径', width: 4 },
              { header: '豁免情形', width: 4 },
              { header: '编号', width: 2 },
            ]
          : [
              { header: 'Recipient abroad', width: 4 },
              { header: 'Country', width: 2 },
              { header: 'Mechanism', width: 4 },
              { header: 'Exemption', width: 4 },
              { header: 'Reference', width: 2 },
            ],
        x.transfers.map((t) => [
          t.recipientName,
          t.country,
          t.mechanism ? word(MECHANISM, t.mechanism, lang) : none(lang),
          t.exemption ? word(EXEMPTION, t.exemption, lang) : none(lang),
          t.reference ?? '',
        ]),
      ),
    );
  return out;
}

function questionBlocks(
  sections: readonly PipiaReportSection[],
  chapter: string,
  lang: Lang,
): Block[] {
  const zh = lang === 'zh';
  const out: Block[] = [];
  const applicable = sections.filter((s) => s.questions.length > 0);
  if (applicable.length === 0) {
    out.push(p(zh ? '本章无适用的评估问题。' : 'No question of this chapter applies.'));
    return out;
  }
  applicable.forEach((s, si) => {
    out.push(h2(`${chapter}.${si + 1} ${zh ? s.titleZh : s.titleEn}`), questionTable(s, lang));
  });
  return out;
}

function questionTable(s: PipiaReportSection, lang: Lang): Block {
  const zh = lang === 'zh';
  return table(
    zh
      ? [
          { header: '编号', width: 1.6 },
          { header: '评估问题', width: 5 },
          { header: '评估情况', width: 6 },
          { header: '风险', width: 1.2 },
          { header: '保护措施', width: 4 },
        ]
      : [
          { header: 'No.', width: 1.6 },
          { header: 'Question', width: 5 },
          { header: 'Finding', width: 6 },
          { header: 'Risk', width: 1.2 },
          { header: 'Measure', width: 4 },
        ],
    s.questions.map((q) => [
      q.id,
      zh ? q.textZh : q.textEn,
      q.answer?.answer || orBlank(lang, null),
      q.answer?.risk ? word(RISK, q.answer.risk, lang) : '—',
      q.answer?.measure ?? '',
    ]),
  );
}
