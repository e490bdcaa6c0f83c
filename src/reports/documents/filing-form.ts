/**
 * 网络安全等级保护备案表 (filing form) of one grading object: data in, {@link ReportDocument} out.
 *
 * Sourcing: the 2025 filing-form template (公网安〔2025〕1846号 Q1) was not available. The sheets
 * follow the long-standing form's four tables (表一 单位基本情况, 表二 定级对象情况, 表三 定级结果,
 * 表四 附件清单 for level 3+ — the sheet split follows the 2007 form issued with 公通字〔2007〕43号
 * (信息安全等级保护管理办法); the field list is from memory of that form and unverified), plus the two 2025 additions the
 * Q&A confirms (数据摸底调查表 Q14–Q16, 保护工作方案 for level 3+ Q23–Q24).
 *
 * The mapping from our data to every field is {@link FILING_FORM_FIELDS} — the one place to
 * change it. Fields with `value: null` are printed as "（待填写）" to fill in by hand; dengbao does
 * not hold them. They are ({@link FILING_FORM_UNSOURCED}):
 *
 *   表一: 单位地址, 邮政编码, 行政区划代码, 单位负责人（姓名、职务、办公电话、电子邮件）,
 *         隶属关系, 单位类型
 *   表二: 定级对象编号, 业务类型, 服务范围, 服务对象, 覆盖范围, 网络性质, 系统互联情况,
 *         关键产品使用情况, 系统采用服务情况, 是否为分系统及上级系统所属单位
 *   表三: 填表人
 */
import type { OrganisationDto, ReviewDto, SystemDetailDto } from '../../shared/api-types';
import type { ProtectionLevel, SystemType } from '../../shared/mlps';
import { fields, h1, p, table, type Block, type Lang, type ReportDocument } from '../model';
import {
  blank,
  date,
  DEGREE,
  EVENT_KIND,
  join,
  levelFull,
  levelShort,
  none,
  OBJECT,
  orBlank,
  SYSTEM_TYPE,
  yesNo,
  type Bilingual,
} from './labels';

export interface FilingFormInput {
  readonly organisation: OrganisationDto;
  readonly detail: SystemDetailDto;
  readonly hostSystemName?: string | null;
  /** Number of the organisation's graded objects per level (表一 定级对象数量), if known. */
  readonly levelCounts?: Partial<Record<ProtectionLevel, number>> | null;
  /** 填表日期 and cover date, YYYY-MM-DD. */
  readonly date: string;
}

export type FilingSheet = 1 | 2 | 3;

export interface FilingField {
  readonly sheet: FilingSheet;
  readonly label: Bilingual;
  /** Our value for the field; `null` (the getter itself) when dengbao holds no such data. */
  readonly value: ((input: FilingFormInput, lang: Lang) => string | null) | null;
}

export const FILING_FORM_SOURCING: Bilingual = {
  zh: '2025 版备案表原文未获取；表一至表四的划分依据旧版备案表（FORM-2007），字段清单凭经验整理、未经核实；表四增加公网安〔2025〕1846号明确的数据摸底调查表和保护工作方案。',
  en: 'The 2025 filing form text was not available; the four sheets follow the old form (FORM-2007), the field list is from memory and unverified; sheet 4 adds the data inventory and protection work plan confirmed by MPS letter 1846 (2025).',
};

const NEW_TECH: Partial<Record<SystemType, Bilingual>> = {
  cloud_platform: { zh: '云计算', en: 'cloud computing' },
  cloud_tenant_system: { zh: '云计算', en: 'cloud computing' },
  mobile_internet_system: { zh: '移动互联', en: 'mobile internet' },
  iot: { zh: '物联网', en: 'IoT' },
  industrial_control: { zh: '工业控制', en: 'industrial control' },
  big_data_platform: { zh: '大数据', en: 'big data' },
};

const latestReview = (input: FilingFormInput, kind: ReviewDto['kind']) =>
  input.detail.reviews.filter((r) => r.kind === kind).at(-1);

const reviewText = (lang: Lang, r: ReviewDto | undefined, done: Bilingual, notDone: Bilingual) =>
  r
    ? lang === 'zh'
      ? `${done.zh}（${date(lang, r.reviewedOn)}，${r.reviewer}，${levelShort(lang, r.agreedLevel)}）`
      : `${done.en} (${date(lang, r.reviewedOn)}, ${r.reviewer}, ${levelShort(lang, r.agreedLevel)})`
    : notDone[lang];

const dimensionText = (
  input: FilingFormInput,
  lang: Lang,
  dim: 'businessInformation' | 'systemService',
) => {
  const g = input.detail.grading;
  if (!g) return null;
  return join(
    lang,
    g.result[dim].cells.map((c) =>
      lang === 'zh'
        ? `${OBJECT[c.object].zh}：${DEGREE[c.degree].zh}`
        : `${OBJECT[c.object].en}: ${DEGREE[c.degree].en.toLowerCase()}`,
    ),
  );
};

const latestAssessment = (input: FilingFormInput) =>
  input.detail.events.filter((e) => e.kind === 'mlps_assessment').at(-1);

/** Every form field, in sheet order, with where its value comes from. */
export const FILING_FORM_FIELDS: readonly FilingField[] = [
  // 表一 单位基本情况
  {
    sheet: 1,
    label: { zh: '单位名称', en: 'Organisation name' },
    value: (d) => d.organisation.name,
  },
  {
    sheet: 1,
    label: { zh: '统一社会信用代码', en: 'Unified social credit code' },
    value: (d) => d.organisation.creditCode,
  },
  { sheet: 1, label: { zh: '单位地址', en: 'Address' }, value: null },
  { sheet: 1, label: { zh: '邮政编码', en: 'Postcode' }, value: null },
  { sheet: 1, label: { zh: '行政区划代码', en: 'Administrative division code' }, value: null },
  {
    sheet: 1,
    label: { zh: '所在地区', en: 'Region' },
    value: (d) => d.organisation.region,
  },
  {
    sheet: 1,
    label: {
      zh: '单位负责人（姓名、职务、办公电话、电子邮件）',
      en: 'Head of organisation (name, title, phone, e-mail)',
    },
    value: null,
  },
  {
    sheet: 1,
    label: { zh: '责任部门', en: 'Responsible department' },
    value: (d) => d.detail.system.responsibleDepartment,
  },
  {
    sheet: 1,
    label: { zh: '联系人', en: 'Contact person' },
    value: (d) => d.organisation.contactName,
  },
  {
    sheet: 1,
    label: { zh: '联系电话', en: 'Contact phone' },
    value: (d) => d.organisation.contactPhone,
  },
  { sheet: 1, label: { zh: '隶属关系', en: 'Administrative affiliation' }, value: null },
  { sheet: 1, label: { zh: '单位类型', en: 'Type of organisation' }, value: null },
  {
    sheet: 1,
    label: { zh: '行业类别', en: 'Sector' },
    value: (d) => d.organisation.sector,
  },
  {
    sheet: 1,
    label: { zh: '定级对象数量（按等级）', en: 'Graded objects by level' },
    value: (d, lang) => {
      if (!d.levelCounts) return null;
      const parts = ([2, 3, 4, 5] as const).map(
        (l) => `${levelShort(lang, l)}${lang === 'zh' ? '：' : ': '}${d.levelCounts?.[l] ?? 0}`,
      );
      return join(lang, parts);
    },
  },

  // 表二 定级对象情况
  {
    sheet: 2,
    label: { zh: '定级对象名称', en: 'Name of the grading object' },
    value: (d) => d.detail.system.name,
  },
  { sheet: 2, label: { zh: '定级对象编号', en: 'Object number' }, value: null },
  {
    sheet: 2,
    label: { zh: '定级对象类型', en: 'Object type' },
    value: (d, lang) =>
      join(
        lang,
        d.detail.system.types.map((x) => SYSTEM_TYPE[x][lang]),
      ),
  },
  {
    sheet: 2,
    label: { zh: '采用的新技术', en: 'New technologies used' },
    value: (d, lang) => {
      const techs = [
        ...new Set(d.detail.system.types.flatMap((x) => (NEW_TECH[x] ? [NEW_TECH[x][lang]] : []))),
      ];
      return techs.length === 0 ? none(lang) : join(lang, techs);
    },
  },
  { sheet: 2, label: { zh: '业务类型', en: 'Business type' }, value: null },
  {
    sheet: 2,
    label: { zh: '业务描述', en: 'Business description' },
    value: (d) => d.detail.system.description,
  },
  { sheet: 2, label: { zh: '服务范围', en: 'Service scope' }, value: null },
  { sheet: 2, label: { zh: '服务对象', en: 'Users served' }, value: null },
  { sheet: 2, label: { zh: '覆盖范围', en: 'Network coverage' }, value: null },
  { sheet: 2, label: { zh: '网络性质', en: 'Nature of the network' }, value: null },
  { sheet: 2, label: { zh: '系统互联情况', en: 'Interconnections' }, value: null },
  { sheet: 2, label: { zh: '关键产品使用情况', en: 'Key products used' }, value: null },
  { sheet: 2, label: { zh: '系统采用服务情况', en: 'Services used' }, value: null },
  {
    sheet: 2,
    label: { zh: '承载（所在）平台', en: 'Hosted on' },
    value: (d, lang) => (d.detail.system.hostSystemId ? (d.hostSystemName ?? null) : none(lang)),
  },
  {
    sheet: 2,
    label: { zh: '投入运行日期', en: 'In operation since' },
    value: (d, lang) => (d.detail.system.goLiveOn ? date(lang, d.detail.system.goLiveOn) : null),
  },
  {
    sheet: 2,
    label: { zh: '是否为关键信息基础设施', en: 'Critical information infrastructure' },
    value: (d, lang) =>
      d.detail.system.isCii === null ? null : yesNo(lang, d.detail.system.isCii),
  },
  {
    sheet: 2,
    label: {
      zh: '是否为分系统及上级系统所属单位',
      en: 'Sub-system of another unit’s system (and that unit)',
    },
    value: null,
  },
  {
    sheet: 2,
    label: { zh: '等级测评单位', en: 'Assessment agency' },
    value: (d) => latestAssessment(d)?.agency ?? null,
  },

  // 表三 定级结果
  {
    sheet: 3,
    label: {
      zh: '业务信息安全受侵害客体及侵害程度',
      en: 'Business information: objects harmed and degree',
    },
    value: (d, lang) => dimensionText(d, lang, 'businessInformation'),
  },
  {
    sheet: 3,
    label: { zh: '业务信息安全保护等级', en: 'Business information security level' },
    value: (d, lang) =>
      d.detail.grading ? levelShort(lang, d.detail.grading.result.businessInformation.level) : null,
  },
  {
    sheet: 3,
    label: {
      zh: '系统服务安全受侵害客体及侵害程度',
      en: 'System service: objects harmed and degree',
    },
    value: (d, lang) => dimensionText(d, lang, 'systemService'),
  },
  {
    sheet: 3,
    label: { zh: '系统服务安全保护等级', en: 'System service security level' },
    value: (d, lang) =>
      d.detail.grading ? levelShort(lang, d.detail.grading.result.systemService.level) : null,
  },
  {
    sheet: 3,
    label: { zh: '安全保护等级', en: 'Security protection level' },
    value: (d, lang) => (d.detail.grading ? levelFull(lang, d.detail.grading.level) : null),
  },
  {
    sheet: 3,
    label: { zh: '定级时间', en: 'Graded on' },
    value: (d, lang) => (d.detail.grading ? date(lang, d.detail.grading.gradedOn) : null),
  },
  {
    sheet: 3,
    label: { zh: '专家评审情况', en: 'Expert review' },
    value: (d, lang) =>
      reviewText(
        lang,
        latestReview(d, 'expert_review'),
        { zh: '已评审', en: 'Reviewed' },
        { zh: '未评审', en: 'Not reviewed' },
      ),
  },
  {
    sheet: 3,
    label: { zh: '是否有主管部门', en: 'Has a competent authority' },
    value: (d, lang) =>
      d.detail.system.hasCompetentAuthority === null
        ? null
        : yesNo(lang, d.detail.system.hasCompetentAuthority),
  },
  {
    sheet: 3,
    label: { zh: '主管部门名称', en: 'Competent authority' },
    value: (d, lang) =>
      d.detail.system.hasCompetentAuthority === false
        ? none(lang)
        : d.detail.system.competentAuthority,
  },
  {
    sheet: 3,
    label: { zh: '主管部门审批定级情况', en: 'Approval by the competent authority' },
    value: (d, lang) =>
      d.detail.system.hasCompetentAuthority === false
        ? lang === 'zh'
          ? '不适用'
          : 'Not applicable'
        : reviewText(
            lang,
            latestReview(d, 'competent_approval'),
            { zh: '已核准', en: 'Approved' },
            { zh: '未核准', en: 'Not approved' },
          ),
  },
  {
    sheet: 3,
    label: { zh: '定级报告', en: 'Grading report' },
    value: (d, lang) =>
      d.detail.grading
        ? lang === 'zh'
          ? '有（见附件）'
          : 'Yes (attached)'
        : lang === 'zh'
          ? '无'
          : 'No',
  },
  {
    sheet: 3,
    label: { zh: '原备案证明编号', en: 'Existing filing certificate number' },
    value: (d, lang) => {
      const f = d.detail.filings.at(-1);
      return f ? (f.certificateNumber ?? null) : none(lang);
    },
  },
  { sheet: 3, label: { zh: '填表人', en: 'Completed by' }, value: null },
  { sheet: 3, label: { zh: '填表日期', en: 'Date' }, value: (d, lang) => date(lang, d.date) },
];

/** The template fields dengbao holds no data for (printed as blanks), by sheet. */
export const FILING_FORM_UNSOURCED: readonly { sheet: FilingSheet; label: Bilingual }[] =
  FILING_FORM_FIELDS.filter((f) => f.value === null).map((f) => ({
    sheet: f.sheet,
    label: f.label,
  }));

/** 表四 附件清单: what is attached, for which objects, and whether we have it. */
interface Attachment {
  readonly label: Bilingual;
  /** Applies to this object (level thresholds, competent authority). */
  readonly applies: (d: FilingFormInput, level: number) => boolean;
  readonly scope: Bilingual;
  /** What we know about it; null = to be supplied by the operator. */
  readonly status: (d: FilingFormInput, lang: Lang) => string | null;
}

const ATTACHMENTS: readonly Attachment[] = [
  {
    label: { zh: '定级报告', en: 'Grading report' },
    applies: () => true,
    scope: { zh: '全部', en: 'All' },
    status: (d, lang) =>
      d.detail.grading
        ? lang === 'zh'
          ? `已编制（定级日期${date(lang, d.detail.grading.gradedOn)}）`
          : `Prepared (graded ${date(lang, d.detail.grading.gradedOn)})`
        : null,
  },
  {
    label: { zh: '专家评审意见', en: 'Expert review opinion' },
    applies: (_d, level) => level >= 2,
    scope: { zh: '第二级以上', en: 'Level 2+' },
    status: (d, lang) => {
      const r = latestReview(d, 'expert_review');
      return r ? reviewText(lang, r, { zh: '已评审', en: 'Reviewed' }, { zh: '', en: '' }) : null;
    },
  },
  {
    label: { zh: '主管部门核准意见', en: 'Competent-authority approval' },
    applies: (d) => d.detail.system.hasCompetentAuthority !== false,
    scope: { zh: '有行业主管部门的', en: 'Where a competent authority exists' },
    status: (d, lang) => {
      const r = latestReview(d, 'competent_approval');
      return r ? reviewText(lang, r, { zh: '已核准', en: 'Approved' }, { zh: '', en: '' }) : null;
    },
  },
  {
    label: { zh: '数据摸底调查表', en: 'Data inventory sheets' },
    applies: (_d, level) => level >= 2,
    scope: { zh: '第二级以上', en: 'Level 2+' },
    status: () => null,
  },
  {
    label: { zh: '系统拓扑结构及说明', en: 'Network topology and description' },
    applies: (_d, level) => level >= 3,
    scope: { zh: '第三级以上', en: 'Level 3+' },
    status: () => null,
  },
  {
    label: { zh: '安全组织机构及管理制度', en: 'Security organisation and policies' },
    applies: (_d, level) => level >= 3,
    scope: { zh: '第三级以上', en: 'Level 3+' },
    status: () => null,
  },
  {
    label: {
      zh: '安全保护设施设计实施方案或改建实施方案',
      en: 'Design or rebuild plan of the security measures',
    },
    applies: (_d, level) => level >= 3,
    scope: { zh: '第三级以上', en: 'Level 3+' },
    status: () => null,
  },
  {
    label: {
      zh: '使用的安全产品清单及认证、销售许可证明',
      en: 'Security products used, with certification and sales licences',
    },
    applies: (_d, level) => level >= 3,
    scope: { zh: '第三级以上', en: 'Level 3+' },
    status: () => null,
  },
  {
    label: { zh: '等级测评报告', en: 'Level assessment report' },
    applies: (_d, level) => level >= 3,
    scope: { zh: '第三级以上', en: 'Level 3+' },
    status: (d, lang) => {
      const e = latestAssessment(d);
      if (!e) return null;
      const parts = [date(lang, e.completedOn), e.agency, e.reportNumber].filter(
        (x): x is string => !!x,
      );
      return lang === 'zh'
        ? `已完成${EVENT_KIND.mlps_assessment.zh}（${parts.join('，')}）`
        : `Completed (${parts.join(', ')})`;
    },
  },
  {
    label: { zh: '网络安全保护工作方案', en: 'Security protection work plan' },
    applies: (_d, level) => level >= 3,
    scope: { zh: '第三级以上', en: 'Level 3+' },
    status: () => null,
  },
];

const SHEETS: Record<FilingSheet | 4, Bilingual> = {
  1: { zh: '表一 单位基本情况', en: 'Sheet 1 Organisation' },
  2: { zh: '表二 定级对象情况', en: 'Sheet 2 Grading object' },
  3: { zh: '表三 定级结果', en: 'Sheet 3 Grading result' },
  4: { zh: '表四 附件清单', en: 'Sheet 4 Attachments' },
};

export function buildFilingForm(input: FilingFormInput, lang: Lang): ReportDocument {
  const system = input.detail.system;
  const level = input.detail.grading?.level ?? system.level ?? 0;
  const blocks: Block[] = [];
  for (const sheet of [1, 2, 3] as const) {
    blocks.push(h1(SHEETS[sheet][lang]));
    blocks.push(
      fields(
        FILING_FORM_FIELDS.filter((f) => f.sheet === sheet).map((f) => [
          f.label[lang],
          orBlank(lang, f.value ? f.value(input, lang) : null),
        ]),
      ),
    );
  }
  if (level === 1) {
    blocks.push(
      p(
        lang === 'zh'
          ? '注：第一级定级对象无需到公安机关备案。'
          : 'Note: level-1 objects are not filed with public security.',
      ),
    );
  }
  blocks.push(h1(SHEETS[4][lang]));
  blocks.push(
    table(
      lang === 'zh'
        ? [
            { header: '序号', width: 1, align: 'center' },
            { header: '附件名称', width: 5 },
            { header: '适用范围', width: 2 },
            { header: '提供情况', width: 4 },
          ]
        : [
            { header: 'No.', width: 1, align: 'center' },
            { header: 'Attachment', width: 5 },
            { header: 'Required for', width: 2 },
            { header: 'Status', width: 4 },
          ],
      ATTACHMENTS.map((a, i) => [
        String(i + 1),
        a.label[lang],
        a.scope[lang],
        a.applies(input, level)
          ? orBlank(lang, a.status(input, lang))
          : lang === 'zh'
            ? '不适用'
            : 'Not applicable',
      ]),
    ),
  );
  const title =
    lang === 'zh' ? `${system.name}网络安全等级保护备案表` : `${system.name} — MLPS filing form`;
  return {
    lang,
    title,
    cover: {
      title: lang === 'zh' ? '网络安全等级保护备案表' : 'MLPS filing form',
      subtitle: system.name,
      lines:
        lang === 'zh'
          ? [
              ['备案单位', input.organisation.name],
              ['定级对象', system.name],
              ['安全保护等级', level ? levelFull(lang, level) : blank(lang)],
              ['备案证明编号', orBlank(lang, input.detail.filings.at(-1)?.certificateNumber)],
            ]
          : [
              ['Organisation', input.organisation.nameEn ?? input.organisation.name],
              ['Grading object', system.name],
              ['Protection level', level ? levelFull(lang, level) : blank(lang)],
              ['Certificate number', orBlank(lang, input.detail.filings.at(-1)?.certificateNumber)],
            ],
      date: date(lang, input.date),
    },
    header: lang === 'zh' ? `${system.name} 备案表` : `${system.name} filing form`,
    blocks,
  };
}
