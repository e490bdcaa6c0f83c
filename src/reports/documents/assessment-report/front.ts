/**
 * The assessment report's front matter: the cover, 声明 (the organisation may reword it), the
 * 网络安全等级测评基本信息表, and the conclusion page with its extension table (per extension
 * and security category: items, results and rate).
 */
import type { OverridableBlock } from '../../overrides';
import { wording } from '../../overrides';
import {
  b,
  fields,
  pageBreak,
  table,
  type Block,
  type ParagraphBlock,
  type ReportDocument,
  type Run,
} from '../../model';
import {
  categoryLabel,
  date,
  EXTENSION,
  figure,
  figureName,
  levelFull,
  orBlank,
  period,
  type Bilingual,
} from '../labels';
import { categoryRank, col, countOutcomes, simpleRate, type ReportContext } from './context';

const STATEMENT_DEFAULT: Bilingual = {
  zh: [
    '本报告是被测对象的网络安全等级测评报告，测评结论仅对被测对象在测评期间的安全状态有效。',
    '本报告的测评结论以被测单位提供的材料和测评期间的现场情况为依据，其有效性建立在被测单位所提供材料真实、完整的基础之上。',
    '测评工作完成后，被测对象的系统构成、网络结构或安全措施发生变更的，变更涉及的部分应重新进行等级测评。',
    '本报告的测评结论不能作为对被测对象内部各组成部分（子系统）的单独结论。引用本报告的测评结果或结论时应保持其原意，不得擅自增加、删改或掩盖事实。',
  ].join('\n'),
  en: [
    "This is the MLPS level assessment report of the system under assessment; its conclusion holds for the system's state during the assessment only.",
    'The conclusion rests on the material the organisation provided and what the assessors saw on site; it is valid only insofar as that material is true and complete.',
    'Where the composition, network structure or security measures of the system change after the assessment, the parts concerned must be assessed again.',
    'The conclusion is not a conclusion on any component (sub-system) of the system on its own. Anyone quoting its results or conclusion must keep their meaning and must not add to, alter or hide facts.',
  ].join('\n'),
};

/** The blocks of the assessment report an organisation may reword (文书模板). */
export const ASSESSMENT_REPORT_BLOCKS: readonly OverridableBlock[] = [
  {
    key: 'assessment.statement',
    label: { zh: '等级测评报告：声明', en: 'Assessment report: statement' },
    defaults: STATEMENT_DEFAULT,
    multiline: true,
  },
  {
    key: 'assessment.agency_name',
    label: {
      zh: '等级测评报告封面：测评机构名称（留空则取测评记录中的测评机构）',
      en: "Assessment report cover: agency name (empty: the assessment's agency)",
    },
    defaults: { zh: '', en: '' },
  },
  {
    key: 'assessment.agency_address',
    label: {
      zh: '等级测评报告封面：测评机构地址（留空则不印）',
      en: 'Assessment report cover: agency address (empty: not printed)',
    },
    defaults: { zh: '', en: '' },
  },
  {
    key: 'assessment.agency_phone',
    label: {
      zh: '等级测评报告封面：测评机构联系电话（留空则不印）',
      en: 'Assessment report cover: agency phone (empty: not printed)',
    },
    defaults: { zh: '', en: '' },
  },
];

const centred = (...runs: Run[]): ParagraphBlock => ({ kind: 'paragraph', align: 'center', runs });
const right = (text: string): ParagraphBlock => ({
  kind: 'paragraph',
  align: 'right',
  runs: [{ text }],
});

/** The agency as the cover and the basic-information table print it. */
export function agencyLines(ctx: ReportContext): {
  name: string;
  address: string | null;
  phone: string | null;
} {
  const { lang } = ctx;
  const overrides = ctx.input.overrides;
  const name = wording(overrides, 'assessment.agency_name', lang, ctx.assessment.agency ?? '');
  const address = wording(overrides, 'assessment.agency_address', lang, '');
  const phone = wording(overrides, 'assessment.agency_phone', lang, '');
  return { name: orBlank(lang, name), address: address || null, phone: phone || null };
}

/** 草稿 / DRAFT status as the cover and chapter 1 state it. */
export function draftStatus(ctx: ReportContext): string {
  const { zh, before } = ctx;
  const c = before.counts;
  const done = c.items - c.unanswered - c.untested;
  return zh
    ? `本报告为草稿：测评尚在进行中（状态：进行中，已测 ${done}/${c.items} 项），结论为暂定，不得作为正式等级测评报告使用。`
    : `This report is a DRAFT: the assessment is still in progress (status: in progress, ${done} of ${c.items} items done); the conclusion is provisional and the report is not a final assessment report.`;
}

export function cover(ctx: ReportContext): ReportDocument['cover'] {
  const { zh, lang, assessment: a, input } = ctx;
  const agency = agencyLines(ctx);
  const title = zh
    ? `${ctx.systemName}等级测评报告`
    : `${ctx.systemName} — Level assessment report`;
  const lines: [string, string][] = zh
    ? [
        ['被测单位', input.organisation.name],
        ['被测对象', ctx.systemName],
        ['测评机构', agency.name],
      ]
    : [
        ['Organisation', input.organisation.nameEn ?? input.organisation.name],
        ['System', ctx.systemName],
        ['Agency', agency.name],
      ];
  if (agency.address) lines.push([zh ? '机构地址' : 'Agency address', agency.address]);
  if (agency.phone) lines.push([zh ? '联系电话' : 'Agency phone', agency.phone]);
  if (ctx.draft) {
    lines.push([zh ? '报告状态' : 'Status', zh ? '草稿（测评进行中）' : 'DRAFT (in progress)']);
  }
  const logo = input.overrides?.logo;
  return {
    number: [zh ? '报告编号' : 'Report number', orBlank(lang, a.reportNumber)],
    title,
    subtitle: zh ? '网络安全等级保护' : 'MLPS (网络安全等级保护)',
    lines,
    date: date(lang, ctx.reportDate),
    ...(logo ? { logo } : {}),
  };
}

/** 声明: the organisation's wording or ours, one paragraph per line, then the seal line. */
export function statement(ctx: ReportContext): Block[] {
  const { zh, lang } = ctx;
  const text = wording(ctx.input.overrides, 'assessment.statement', lang, STATEMENT_DEFAULT[lang]);
  return [
    centred(b(zh ? '声明' : 'Statement')),
    ...text
      .split(/\n+/)
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line): ParagraphBlock => ({ kind: 'paragraph', runs: [{ text: line }] })),
    right(`${zh ? '测评机构（盖章）：' : 'Assessment agency (seal): '}${agencyLines(ctx).name}`),
    right(date(lang, ctx.reportDate)),
    pageBreak,
  ];
}

/** 网络安全等级测评基本信息表. */
export function basicInformation(ctx: ReportContext): Block[] {
  const { zh, lang, assessment: a, before, input } = ctx;
  const org = input.organisation;
  const agency = agencyLines(ctx);
  const rows: [string, string][] = zh
    ? [
        ['被测单位名称', org.name],
        ['统一社会信用代码', orBlank(lang, org.creditCode)],
        ['所在地区', orBlank(lang, org.region)],
        ['联系人', orBlank(lang, org.contactName)],
        ['联系电话', orBlank(lang, org.contactPhone)],
        ['被测对象名称', ctx.systemName],
        ['安全保护等级', levelFull(lang, a.level)],
        ['备案证明编号', orBlank(lang, input.system?.certificateNumber)],
        ['测评机构', agency.name],
        ...(agency.address ? [['测评机构地址', agency.address] as [string, string]] : []),
        ...(agency.phone ? [['测评机构电话', agency.phone] as [string, string]] : []),
        ['报告编号', orBlank(lang, a.reportNumber)],
        ['报告日期', date(lang, ctx.reportDate)],
        ['测评时间', period(lang, a.periodStart, a.periodEnd)],
        ['高风险问题数量', String(before.risks.high.total)],
        ['中风险问题数量', String(before.risks.medium.total)],
        ['低风险问题数量', String(before.risks.low.total)],
        ['重大风险隐患数量', ctx.major(before)],
        [figureName(lang, before.policy), figure(before)],
        ['等级测评结论', ctx.conclusionOf(before)],
      ]
    : [
        ['Organisation', org.nameEn ? `${org.nameEn} (${org.name})` : org.name],
        ['Unified social credit code', orBlank(lang, org.creditCode)],
        ['Region', orBlank(lang, org.region)],
        ['Contact', orBlank(lang, org.contactName)],
        ['Contact phone', orBlank(lang, org.contactPhone)],
        ['System under assessment', ctx.systemName],
        ['Protection level', levelFull(lang, a.level)],
        ['Filing certificate number', orBlank(lang, input.system?.certificateNumber)],
        ['Assessment agency', agency.name],
        ...(agency.address ? [['Agency address', agency.address] as [string, string]] : []),
        ...(agency.phone ? [['Agency phone', agency.phone] as [string, string]] : []),
        ['Report number', orBlank(lang, a.reportNumber)],
        ['Report date', date(lang, ctx.reportDate)],
        ['Assessment period', period(lang, a.periodStart, a.periodEnd)],
        ['High-risk problems', String(before.risks.high.total)],
        ['Medium-risk problems', String(before.risks.medium.total)],
        ['Low-risk problems', String(before.risks.low.total)],
        ['Major risk hidden dangers', ctx.major(before)],
        [figureName(lang, before.policy), figure(before)],
        ['Conclusion', ctx.conclusionOf(before)],
      ];
  return [
    fields(rows, zh ? '网络安全等级测评基本信息表' : 'Basic information of the level assessment'),
    pageBreak,
  ];
}

/**
 * 等级测评结论 page: the conclusion with its figures, then the extension table — per extension
 * (安全通用要求, 云计算安全扩展要求, …) and security category the items and their results.
 */
export function conclusionPage(ctx: ReportContext): Block[] {
  const { zh, lang, before, assessment: a } = ctx;
  const risks = zh
    ? `高风险 ${before.risks.high.total} 个，中风险 ${before.risks.medium.total} 个，低风险 ${before.risks.low.total} 个`
    : `${before.risks.high.total} high, ${before.risks.medium.total} medium, ${before.risks.low.total} low`;
  const groups = new Map<string, string[]>();
  for (const i of ctx.indicators) {
    const key = `${i.extension}\u0000${i.category}`;
    let ids = groups.get(key);
    if (!ids) groups.set(key, (ids = []));
    ids.push(i.id);
  }
  const extensionRank = (e: string) => {
    const at = a.extensions.indexOf(e as (typeof a.extensions)[number]);
    return e === 'general' ? -1 : at === -1 ? 99 : at;
  };
  const keys = [...groups.keys()].sort((x, y) => {
    const [ex, cx] = x.split('\u0000') as [string, string];
    const [ey, cy] = y.split('\u0000') as [string, string];
    return extensionRank(ex) - extensionRank(ey) || categoryRank(cx) - categoryRank(cy);
  });
  const extensionLabel = (e: string) => (EXTENSION as Record<string, Bilingual>)[e]?.[lang] ?? e;
  const rows = keys.map((key) => {
    const [extension, category] = key.split('\u0000') as [string, string];
    const c = countOutcomes(ctx, groups.get(key)!);
    return [
      extensionLabel(extension),
      categoryLabel(lang, category),
      String(c.items),
      String(c.compliant),
      String(c.partial),
      String(c.nonCompliant),
      String(c.notApplicable),
      simpleRate(c),
    ];
  });
  return [
    centred(b(zh ? '等级测评结论' : 'Assessment conclusion')),
    fields(
      zh
        ? [
            ['被测对象', ctx.systemName],
            ['安全保护等级', levelFull(lang, a.level)],
            [figureName(lang, before.policy), figure(before)],
            ['安全问题', risks],
            ['重大风险隐患', ctx.major(before)],
            ['等级测评结论', ctx.conclusionOf(before)],
          ]
        : [
            ['System', ctx.systemName],
            ['Protection level', levelFull(lang, a.level)],
            [figureName(lang, before.policy), figure(before)],
            ['Security problems', risks],
            ['Major risk hidden dangers', ctx.major(before)],
            ['Conclusion', ctx.conclusionOf(before)],
          ],
    ),
    table(
      zh
        ? [
            col('要求类别', 3),
            col('安全类', 3),
            col('要求项', 1, 'right'),
            col('符合', 1, 'right'),
            col('部分符合', 1, 'right'),
            col('不符合', 1, 'right'),
            col('不适用', 1, 'right'),
            col('符合率', 2, 'right'),
          ]
        : [
            col('Requirements', 3),
            col('Category', 3),
            col('Items', 1, 'right'),
            col('Compliant', 1, 'right'),
            col('Partial', 1, 'right'),
            col('Non-compliant', 1, 'right'),
            col('N/A', 1, 'right'),
            col('Rate', 2, 'right'),
          ],
      rows,
      zh ? '等级测评结论扩展表' : 'Conclusion extension table',
    ),
    {
      kind: 'paragraph',
      runs: [
        {
          text: zh
            ? '注：扩展表按要求类别和安全类列出要求项的测评结果；符合率为符合项数占适用项数（符合、部分符合、不符合）的比例，整体测评调整后的结果已计入。'
            : 'Note: the extension table gives the item results per requirement set and category; the rate is compliant items over applicable items (compliant, partial, non-compliant), after the overall assessment.',
        },
      ],
    },
    pageBreak,
  ];
}
