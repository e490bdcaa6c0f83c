/**
 * 数据安全风险评估报告 (annual data-security risk assessment report) of one assessment: data in,
 * {@link ReportDocument} out.
 *
 * Structure after the contents NDS Regulations Art. 33 ¶1 requires, items (1)–(7) as chapters
 * 一 to 七 (our chapter titles, in our words), then the conclusion:
 * (1) the processor, its data-security management body and officer with contact;
 * (2) the important data processed — purpose, kinds, volume, manner, scope, retention, storage —
 *     and the processing activities, without the data itself (a table of the inventory frozen on
 *     completion);
 * (3) management rules and their implementation; technical measures (encryption, backup,
 *     labelling, access control, authentication …) and their effectiveness;
 * (4) risks found (with level from our likelihood × impact matrix and the countermeasures DSL
 *     Art. 30 asks for) and incidents with their handling (from the incident register);
 * (5) risk assessments of providing, entrusting or jointly processing important data (Art. 31);
 * (6) data transfers abroad; (7) other contents the authority asks for.
 * An assessment not completed is a draft: 草稿 watermark, a status line, and the live inventory.
 */
import type { RiskMatrix, RiskSummary } from '../../../domain/data-security/risk';
import type { CitationDto, OrganisationDto } from '../../../shared/api-types';
import type { RiskAssessmentStatus } from '../../../shared/data-security-schemas';
import {
  b,
  fields,
  h1,
  h2,
  p,
  table,
  type Block,
  type Lang,
  type ReportDocument,
} from '../../model';
import type { DocumentOverrides } from '../../overrides';
import { date, none, orBlank, period, type Bilingual } from '../labels';
import {
  AREA,
  GRADE,
  INCIDENT_GRADE,
  INCIDENT_STATUS,
  LEVEL,
  PROVISION_KIND,
  RISK_STATUS,
  STATUS,
  word,
} from './labels';

export interface DataRiskReportResource {
  readonly code: string;
  readonly name: string;
  readonly grade: string;
  readonly description: string | null;
  readonly records: number | null;
  readonly bytes: number | null;
  readonly volumeText: string | null;
  readonly locations: readonly string[];
  readonly owner: string | null;
  readonly crossBorder: boolean;
  readonly crossBorderDestinations: readonly string[];
  readonly recipients: readonly string[];
}

export interface DataRiskReportRisk {
  readonly code: string;
  readonly title: string;
  readonly description: string | null;
  readonly area: string;
  readonly likelihood: number;
  readonly impact: number;
  readonly score: number;
  readonly level: string;
  readonly measures: string | null;
  readonly owner: string | null;
  readonly dueOn: string | null;
  readonly status: string;
  readonly closedOn: string | null;
}

export interface DataRiskReportInput {
  readonly organisation: OrganisationDto;
  /** The day the document is produced (cover date of a draft). */
  readonly asOf: string;
  readonly assessment: {
    readonly year: number;
    readonly title: string;
    readonly status: RiskAssessmentStatus;
    readonly periodFrom: string;
    readonly periodTo: string;
    readonly assessor: string | null;
    readonly scope: string | null;
    readonly method: string | null;
    readonly managementMeasures: string | null;
    readonly technicalMeasures: string | null;
    readonly provisionAssessments: string | null;
    readonly exportSituation: string | null;
    readonly other: string | null;
    readonly conclusion: string | null;
    readonly createdByName: string | null;
    readonly completedOn: string | null;
    readonly completedByName: string | null;
    readonly report: {
      readonly reportedOn: string;
      readonly recipient: string;
      readonly reference: string | null;
    } | null;
  };
  readonly profile: {
    readonly dataSecurityOfficer: string | null;
    readonly managementBody: string | null;
  };
  /** The inventory: the snapshot taken on completion, or (draft) the live one. */
  readonly inventory: {
    readonly takenAt: string | null;
    readonly resources: readonly DataRiskReportResource[];
  };
  readonly provisions: readonly {
    readonly code: string;
    readonly kind: string | null;
    readonly recipient: string | null;
    readonly dataResourceCodes: readonly string[];
    readonly startsOn: string | null;
    readonly riskAssessedOn: string | null;
    readonly statutoryDuty: boolean;
  }[];
  readonly risks: readonly DataRiskReportRisk[];
  readonly summary: RiskSummary;
  readonly overdue: number;
  readonly incidents: readonly {
    readonly code: string;
    readonly title: string;
    /** Beijing date it was found. */
    readonly foundOn: string;
    readonly grade: string | null;
    readonly status: string;
  }[];
  readonly matrix: RiskMatrix;
  /** Labels of NDS Arts. 31, 33 and DSL Art. 30 (from the knowledge base). */
  readonly cited: {
    readonly art33: CitationDto;
    readonly art31: CitationDto;
    readonly dsl30: CitationDto;
  };
  readonly overrides?: DocumentOverrides;
}

const L = {
  title: { zh: '数据安全风险评估报告', en: 'Data security risk assessment report' },
  ch1: { zh: '一、网络数据处理者基本情况', en: '1 The network data processor' },
  ch2: { zh: '二、重要数据的处理情况', en: '2 Processing of important data' },
  ch3: {
    zh: '三、数据安全管理制度及技术措施',
    en: '3 Data security rules and technical measures',
  },
  s31: { zh: '（一）管理制度及实施情况', en: '3.1 Rules and their implementation' },
  s32: { zh: '（二）技术措施及其有效性', en: '3.2 Technical measures and their effectiveness' },
  ch4: { zh: '四、数据安全风险及安全事件', en: '4 Risks found and security incidents' },
  s41: { zh: '（一）发现的数据安全风险', en: '4.1 Data security risks found' },
  s42: {
    zh: '（二）数据安全事件及处置情况',
    en: '4.2 Data security incidents and their handling',
  },
  ch5: {
    zh: '五、提供、委托处理、共同处理重要数据的风险评估情况',
    en: '5 Risk assessments of providing, entrusting and jointly processing important data',
  },
  ch6: { zh: '六、数据出境情况', en: '6 Data transfers abroad' },
  ch7: { zh: '七、其他报告内容', en: '7 Other contents' },
  ch8: { zh: '八、评估结论', en: '8 Conclusion' },
} as const satisfies Record<string, Bilingual>;

function paragraphs(text: string | null, lang: Lang): Block[] {
  const parts = (text ?? '')
    .split(/\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return parts.length > 0 ? parts.map((s) => p(s)) : [p(orBlank(lang, null))];
}

/** 约 120 万条 as the owner wrote it; else records and bytes as counted. */
function volume(r: DataRiskReportResource, lang: Lang): string {
  if (r.volumeText) return r.volumeText;
  const parts: string[] = [];
  if (r.records !== null) parts.push(lang === 'zh' ? `${r.records} 条` : `${r.records} records`);
  if (r.bytes !== null) parts.push(bytes(r.bytes));
  return parts.join(lang === 'zh' ? '，' : ', ') || '—';
}

function bytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i += 1;
  }
  return `${i === 0 ? v : v.toFixed(1)} ${units[i]}`;
}

export function buildDataRiskReport(input: DataRiskReportInput, lang: Lang): ReportDocument {
  const zh = lang === 'zh';
  const tx = (l: Bilingual) => l[lang];
  const a = input.assessment;
  const org = input.organisation;
  const final = a.status !== 'draft';
  const cite = (c: CitationDto) => (zh ? c.labelZh : c.labelEn);
  const sep = zh ? '、' : ', ';
  const paren = (x: string) => (zh ? `（${x}）` : ` (${x})`);
  const blocks: Block[] = [];

  if (!final)
    blocks.push(
      p(
        b(zh ? '本报告为草稿：' : 'This report is a draft: '),
        zh
          ? '评估尚未完成，内容可能变更；重要数据处理情况取自当前数据资源目录，完成评估时冻结。'
          : 'the assessment is not completed and may change; the data processed is the current inventory, frozen on completion.',
      ),
    );
  blocks.push(
    p(
      zh
        ? `本报告依据${cite(input.cited.art33)}和${cite(input.cited.dsl30)}编制，按第三十三条第一款规定的内容逐项说明。`
        : `Prepared under ${cite(input.cited.art33)} and ${cite(input.cited.dsl30)}; chapters 1–7 follow the contents listed in Art. 33 ¶1.`,
    ),
  );

  // 一、基本情况
  blocks.push(
    h1(tx(L.ch1)),
    fields(
      zh
        ? [
            ['网络数据处理者名称', org.name],
            ['统一社会信用代码', orBlank(lang, org.creditCode)],
            ['所在地区', orBlank(lang, org.region)],
            ['所属行业', orBlank(lang, org.sector)],
            ['网络数据安全管理机构', orBlank(lang, input.profile.managementBody)],
            ['网络数据安全负责人及联系方式', orBlank(lang, input.profile.dataSecurityOfficer)],
            ['评估年度', `${a.year}年度`],
            ['评估期间', period(lang, a.periodFrom, a.periodTo)],
            ['评估实施方', orBlank(lang, a.assessor)],
          ]
        : [
            ['Network data processor', org.nameEn ? `${org.nameEn} (${org.name})` : org.name],
            ['Unified social credit code', orBlank(lang, org.creditCode)],
            ['Region', orBlank(lang, org.region)],
            ['Sector', orBlank(lang, org.sector)],
            ['Data security management body', orBlank(lang, input.profile.managementBody)],
            ['Data security officer and contact', orBlank(lang, input.profile.dataSecurityOfficer)],
            ['Year assessed', String(a.year)],
            ['Period', period(lang, a.periodFrom, a.periodTo)],
            ['Assessed by', orBlank(lang, a.assessor)],
          ],
    ),
  );
  if (a.scope) blocks.push(h2(zh ? '评估范围' : 'Scope'), ...paragraphs(a.scope, lang));
  blocks.push(
    h2(zh ? '评估方法' : 'Method'),
    ...(a.method ? paragraphs(a.method, lang) : []),
    p(zh ? input.matrix.basisZh : input.matrix.basisEn),
  );

  // 二、重要数据的处理情况
  const res = input.inventory.resources;
  const count = (g: string) => res.filter((r) => r.grade === g).length;
  blocks.push(
    h1(tx(L.ch2)),
    p(
      zh
        ? `${input.inventory.takenAt ? `截至评估完成时（${date(lang, input.inventory.takenAt)}）` : '截至本报告生成时'}，数据资源目录共登记数据资源 ${res.length} 项，其中核心数据 ${count('core')} 项、重要数据 ${count('important')} 项、一般数据 ${count('general')} 项。下表列示数据处理情况，不包括数据内容本身。`
        : `${input.inventory.takenAt ? `When the assessment was completed (${date(lang, input.inventory.takenAt)})` : 'When this report was produced'} the data inventory held ${res.length} resources: ${count('core')} core, ${count('important')} important and ${count('general')} general. The table describes the processing, not the data itself.`,
    ),
  );
  const ordered = [...res].sort(
    (x, y) =>
      ['core', 'important', 'general'].indexOf(x.grade) -
        ['core', 'important', 'general'].indexOf(y.grade) || x.code.localeCompare(y.code),
  );
  blocks.push(
    res.length === 0
      ? p(none(lang))
      : table(
          zh
            ? [
                { header: '编号', width: 2 },
                { header: '数据资源', width: 4 },
                { header: '级别', width: 2.6 },
                { header: '用途及说明', width: 4.4 },
                { header: '数量', width: 3 },
                { header: '存储地点', width: 4 },
                { header: '是否出境', width: 2.5 },
              ]
            : [
                { header: 'Code', width: 2 },
                { header: 'Resource', width: 4 },
                { header: 'Grade', width: 2 },
                { header: 'Purpose and description', width: 5 },
                { header: 'Volume', width: 3 },
                { header: 'Storage locations', width: 4 },
                { header: 'Abroad', width: 2.5 },
              ],
          ordered.map((r) => [
            r.code,
            r.name,
            word(GRADE, r.grade, lang),
            r.description ?? '',
            volume(r, lang),
            r.locations.join(sep) || '—',
            r.crossBorder
              ? `${zh ? '是' : 'Yes'}${r.crossBorderDestinations.length ? paren(r.crossBorderDestinations.join(sep)) : ''}`
              : zh
                ? '否'
                : 'No',
          ]),
          zh ? '表1 数据资源及其处理情况' : 'Table 1 Data resources and their processing',
        ),
  );

  // 三、管理制度及技术措施
  blocks.push(
    h1(tx(L.ch3)),
    h2(tx(L.s31)),
    ...paragraphs(a.managementMeasures, lang),
    h2(tx(L.s32)),
    ...paragraphs(a.technicalMeasures, lang),
  );

  // 四、风险及事件
  const s = input.summary;
  blocks.push(
    h1(tx(L.ch4)),
    h2(tx(L.s41)),
    p(
      zh
        ? `本次评估共发现数据安全风险 ${s.total} 项：极高 ${s.byLevel.critical} 项、高 ${s.byLevel.high} 项、中 ${s.byLevel.medium} 项、低 ${s.byLevel.low} 项；尚未处置完毕 ${s.open} 项（其中逾期 ${input.overdue} 项），已关闭 ${s.byStatus.closed} 项，已接受 ${s.byStatus.accepted} 项。`
        : `${s.total} data security risks were found: ${s.byLevel.critical} critical, ${s.byLevel.high} high, ${s.byLevel.medium} medium, ${s.byLevel.low} low; ${s.open} still open (${input.overdue} overdue), ${s.byStatus.closed} closed, ${s.byStatus.accepted} accepted.`,
    ),
  );
  blocks.push(
    input.risks.length === 0
      ? p(none(lang))
      : table(
          zh
            ? [
                { header: '编号', width: 1.6 },
                { header: '环节', width: 1.8 },
                { header: '风险描述', width: 4.4 },
                { header: '可能性', width: 1.7, align: 'center' },
                { header: '影响', width: 1.4, align: 'center' },
                { header: '等级', width: 1.4, align: 'center' },
                { header: '应对措施', width: 4 },
                { header: '责任人', width: 1.8 },
                { header: '期限', width: 2.2 },
                { header: '状态', width: 2.2 },
              ]
            : [
                { header: 'Code', width: 1.6 },
                { header: 'Area', width: 1.8 },
                { header: 'Risk', width: 4.4 },
                { header: 'L', width: 1.4, align: 'center' },
                { header: 'I', width: 1.4, align: 'center' },
                { header: 'Level', width: 1.7, align: 'center' },
                { header: 'Measures', width: 4 },
                { header: 'Owner', width: 1.8 },
                { header: 'Due', width: 2.2 },
                { header: 'Status', width: 2.2 },
              ],
          input.risks.map((r) => [
            r.code,
            word(AREA, r.area, lang),
            r.description ? `${r.title}：${r.description}` : r.title,
            String(r.likelihood),
            String(r.impact),
            word(LEVEL, r.level, lang),
            r.measures ?? '—',
            r.owner ?? '—',
            r.dueOn ? date(lang, r.dueOn) : '—',
            r.status === 'closed' && r.closedOn
              ? `${word(RISK_STATUS, r.status, lang)}${paren(date(lang, r.closedOn))}`
              : word(RISK_STATUS, r.status, lang),
          ]),
          zh
            ? '表2 发现的数据安全风险'
            : 'Table 2 Data security risks found (L likelihood, I impact, 1–5)',
        ),
  );
  blocks.push(h2(tx(L.s42)));
  blocks.push(
    input.incidents.length === 0
      ? p(
          zh
            ? `评估期间（${period(lang, a.periodFrom, a.periodTo)}）安全事件登记簿中无网络安全事件记录。`
            : `The incident register holds no incident found in the period (${period(lang, a.periodFrom, a.periodTo)}).`,
        )
      : table(
          zh
            ? [
                { header: '编号', width: 2 },
                { header: '事件', width: 6 },
                { header: '发现日期', width: 3 },
                { header: '级别', width: 2 },
                { header: '处置情况', width: 2.5 },
              ]
            : [
                { header: 'Code', width: 2 },
                { header: 'Incident', width: 6 },
                { header: 'Found on', width: 3 },
                { header: 'Grade', width: 2 },
                { header: 'Handling', width: 2.5 },
              ],
          input.incidents.map((i) => [
            i.code,
            i.title,
            date(lang, i.foundOn),
            i.grade ? word(INCIDENT_GRADE, i.grade, lang) : zh ? '未定级' : 'Not graded',
            word(INCIDENT_STATUS, i.status, lang),
          ]),
          zh ? '表3 评估期间发生的安全事件' : 'Table 3 Incidents in the period',
        ),
  );

  // 五、提供、委托处理、共同处理
  blocks.push(h1(tx(L.ch5)));
  if (a.provisionAssessments) blocks.push(...paragraphs(a.provisionAssessments, lang));
  if (input.provisions.length > 0)
    blocks.push(
      table(
        zh
          ? [
              { header: '编号', width: 2 },
              { header: '方式', width: 2 },
              { header: '接收方', width: 4 },
              { header: '涉及数据资源', width: 3.5 },
              { header: '开始日期', width: 2.5 },
              { header: '风险评估日期', width: 2.5 },
            ]
          : [
              { header: 'Code', width: 2 },
              { header: 'Kind', width: 2 },
              { header: 'Recipient', width: 4 },
              { header: 'Resources', width: 3.5 },
              { header: 'Starts', width: 2.5 },
              { header: 'Risk assessed', width: 2.5 },
            ],
        input.provisions.map((x) => [
          x.code,
          word(PROVISION_KIND, x.kind, lang),
          x.recipient ?? '—',
          x.dataResourceCodes.join(sep) || '—',
          x.startsOn ? date(lang, x.startsOn) : '—',
          x.riskAssessedOn
            ? date(lang, x.riskAssessedOn)
            : x.statutoryDuty
              ? zh
                ? '履行法定职责或义务，无需评估'
                : 'Statutory duty: not required'
              : zh
                ? '未评估'
                : 'Not assessed',
        ]),
        zh
          ? `表4 重要数据的提供、委托处理、共同处理（${cite(input.cited.art31)}）`
          : `Table 4 Provision, entrusted and joint processing of important data (${cite(input.cited.art31)})`,
      ),
    );
  else if (!a.provisionAssessments)
    blocks.push(
      p(
        zh
          ? '未登记提供、委托处理、共同处理重要数据的情况。'
          : 'No provision, entrusted or joint processing of important data is on record.',
      ),
    );

  // 六、数据出境
  blocks.push(h1(tx(L.ch6)));
  const abroad = res.filter((r) => r.crossBorder);
  if (a.exportSituation) blocks.push(...paragraphs(a.exportSituation, lang));
  else
    blocks.push(
      p(
        abroad.length === 0
          ? zh
            ? '数据资源目录中无向境外提供的数据资源。'
            : 'No resource of the inventory is provided abroad.'
          : zh
            ? `数据资源目录中有 ${abroad.length} 项数据资源向境外提供：${abroad.map((r) => `${r.code} ${r.name}（${word(GRADE, r.grade, lang)}；${r.crossBorderDestinations.join(sep) || '目的地未填写'}）`).join('；')}。`
            : `${abroad.length} resource(s) of the inventory are provided abroad: ${abroad.map((r) => `${r.code} ${r.name} (${word(GRADE, r.grade, lang)}; ${r.crossBorderDestinations.join(sep) || 'destination not given'})`).join('; ')}.`,
      ),
    );

  // 七、其他
  blocks.push(h1(tx(L.ch7)), ...(a.other?.trim() ? paragraphs(a.other, lang) : [p(none(lang))]));

  // 八、结论
  blocks.push(
    h1(tx(L.ch8)),
    ...paragraphs(a.conclusion, lang),
    fields(
      zh
        ? [
            ['报告状态', tx(STATUS[a.status])],
            ['编制人', orBlank(lang, a.createdByName)],
            ['完成日期', final ? date(lang, a.completedOn) : '—'],
            ['审定人', final ? orBlank(lang, a.completedByName) : '—'],
            ['报送日期', a.report ? date(lang, a.report.reportedOn) : '—'],
            ['报送单位', a.report?.recipient ?? '—'],
            ['报送文号', a.report?.reference ?? '—'],
          ]
        : [
            ['Status', tx(STATUS[a.status])],
            ['Prepared by', orBlank(lang, a.createdByName)],
            ['Completed on', final ? date(lang, a.completedOn) : '—'],
            ['Signed off by', final ? orBlank(lang, a.completedByName) : '—'],
            ['Reported on', a.report ? date(lang, a.report.reportedOn) : '—'],
            ['Reported to', a.report?.recipient ?? '—'],
            ['Reference', a.report?.reference ?? '—'],
          ],
    ),
  );

  const title = zh
    ? `${org.name}${a.year}年度数据安全风险评估报告`
    : `${org.nameEn ?? org.name} ${a.year} ${tx(L.title)}`;
  return {
    lang,
    title,
    cover: {
      title: tx(L.title),
      subtitle: zh ? `（${a.year}年度）` : `(${a.year})`,
      lines: zh
        ? [
            ['网络数据处理者', org.name],
            ['评估名称', a.title],
            ['评估期间', period(lang, a.periodFrom, a.periodTo)],
            ['报告状态', final ? tx(STATUS[a.status]) : '草稿'],
          ]
        : [
            ['Network data processor', org.nameEn ?? org.name],
            ['Assessment', a.title],
            ['Period', period(lang, a.periodFrom, a.periodTo)],
            ['Status', final ? tx(STATUS[a.status]) : 'Draft'],
          ],
      date: date(lang, final ? a.completedOn : input.asOf),
      ...(input.overrides?.logo ? { logo: input.overrides.logo } : {}),
    },
    ...(final ? {} : { watermark: zh ? '草稿' : 'DRAFT' }),
    header: zh
      ? `${org.name} ${a.year}年度数据安全风险评估报告${final ? '' : '（草稿）'}`
      : `${org.nameEn ?? org.name} ${a.year} data security risk assessment${final ? '' : ' (draft)'}`,
    blocks,
  };
}
