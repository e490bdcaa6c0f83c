/**
 * Every field of the filing form (表一 to 表四), in the form's order, with where its value comes
 * from — the one place to change the mapping. A field whose `value` is null would be one dengbao
 * cannot hold (printed as a blank to fill in by hand); there are none left, and a test keeps it so.
 *
 * Empty lists (业务类型, 系统互联情况, 关键产品, 采用服务) count as not answered: the profile's
 * lists default to empty, so an empty one cannot tell "none" from "not entered yet".
 */
import { FILING_FORM_OPTIONS, optionLabel } from '../../../catalogs/filing-form';
import { LEVEL_MATRIX } from '../../../domain/mlps/grading';
import type { DimensionResultDto, RecordAttachmentDto } from '../../../shared/api-types';
import type { DataCategory, FormPerson } from '../../../shared/filing-profile';
import { HARM_DEGREES, HARMED_OBJECTS, SYSTEM_TYPES, type SystemType } from '../../../shared/mlps';
import type { Lang, TableBlock } from '../../model';
import { table } from '../../model';
import {
  blank,
  CONCLUSION,
  date,
  DEGREE,
  figure,
  figureName,
  levelShort,
  none,
  OBJECT,
  orBlank,
  SYSTEM_TYPE,
  type Bilingual,
} from '../labels';
import {
  attachmentLine,
  formDate,
  formLevel,
  latestAssessment,
  latestReview,
  orgProfile,
  systemProfile,
  type FilingFormInput,
} from './input';
import { box, choiceMarks, HAVE_NOT, optionMarks, YES_NO, yesNoIndex } from './marks';

export type FilingSheet = 1 | 2 | 3 | 4;

export type FieldValue = (input: FilingFormInput, lang: Lang) => string | null;

export interface FilingField {
  readonly sheet: FilingSheet;
  /** The form's item number ('01'…); '' for a row the form prints without one. */
  readonly item: string;
  /** The item's heading when several fields make up one item (03 承载业务情况: 业务类型, 业务描述). */
  readonly group?: Bilingual;
  readonly label: Bilingual;
  /** Where the value comes from, as a data path (for the README and reviewers). */
  readonly source: string;
  /** Our value; `null` (the getter itself) for a field dengbao holds no data for. */
  readonly value: FieldValue | null;
  /** Printed as a table of its own (关键产品, 采用服务, the harm matrices). */
  readonly table?: (input: FilingFormInput, lang: Lang) => TableBlock;
  /** 表四: the 附件名称 column. */
  readonly attachments?: (input: FilingFormInput, lang: Lang) => string;
}

const zhEn = (zh: string, en: string): Bilingual => ({ zh, en });
const colon = (lang: Lang) => (lang === 'zh' ? '：' : ': ');
const nonEmpty = (s: string | null | undefined): s is string => !!s && s.trim() !== '';

// --- 表一 helpers ---------------------------------------------------------------------------

function address(d: FilingFormInput, lang: Lang): string | null {
  const p = orgProfile(d);
  const parts = [p.province, p.city, p.county];
  if (!parts.some(nonEmpty) && !nonEmpty(p.address)) return null;
  const region = parts.map((x) => orBlank(lang, x)).join(lang === 'zh' ? '\u3000' : ', ');
  return `${region}\n${orBlank(lang, p.address)}`;
}

const PERSON_LABELS = {
  name: zhEn('姓名', 'Name'),
  title: zhEn('职务/职称', 'Title'),
  officePhone: zhEn('办公电话', 'Office phone'),
  mobilePhone: zhEn('移动电话', 'Mobile phone'),
  email: zhEn('电子邮件', 'E-mail'),
} as const;

type PersonPart = keyof typeof PERSON_LABELS;

const personFields = (
  sheet: FilingSheet,
  item: string,
  group: Bilingual,
  source: string,
  person: (d: FilingFormInput) => Partial<FormPerson> | null | undefined,
  parts: readonly PersonPart[],
): FilingField[] =>
  parts.map((part) => ({
    sheet,
    item,
    group,
    label: PERSON_LABELS[part],
    source: `${source}.${part}`,
    value: (d) => person(d)?.[part] ?? null,
  }));

/** 07 责任部门联系人: the profile's, else the organisation's contact (name and phone). */
const departmentContact = (d: FilingFormInput): Partial<FormPerson> | null => {
  const p = orgProfile(d).departmentContact;
  if (p) return p;
  if (!d.organisation.contactName) return null;
  return { name: d.organisation.contactName, officePhone: d.organisation.contactPhone };
};

function countLine(d: FilingFormInput, lang: Lang): string | null {
  if (!d.levelCounts) return null;
  return ([2, 3, 4, 5] as const)
    .map((l) =>
      lang === 'zh'
        ? `${levelShort(lang, l)} ${d.levelCounts?.[l] ?? 0} 个`
        : `${levelShort(lang, l)}: ${d.levelCounts?.[l] ?? 0}`,
    )
    .join(lang === 'zh' ? '\u3000' : '  ');
}

// --- 表二 helpers ---------------------------------------------------------------------------

/** 定级对象类型 and 采用的新技术: our object types, ticked like the form's options. */
const OBJECT_KIND: readonly { label: Bilingual; types: readonly SystemType[] }[] = [
  {
    label: zhEn('信息系统', 'Information system'),
    types: SYSTEM_TYPES.filter(
      (t) => t !== 'communication_network_facility' && t !== 'data_resource',
    ),
  },
  { label: SYSTEM_TYPE.communication_network_facility, types: ['communication_network_facility'] },
  { label: SYSTEM_TYPE.data_resource, types: ['data_resource'] },
];

const NEW_TECH: readonly { label: Bilingual; types: readonly SystemType[] }[] = [
  { label: zhEn('云计算', 'Cloud computing'), types: ['cloud_platform', 'cloud_tenant_system'] },
  { label: zhEn('移动互联', 'Mobile internet'), types: ['mobile_internet_system'] },
  { label: zhEn('物联网', 'IoT'), types: ['iot'] },
  { label: zhEn('工业控制', 'Industrial control'), types: ['industrial_control'] },
  { label: zhEn('大数据', 'Big data'), types: ['big_data_platform'] },
];

const tickAny = (
  lang: Lang,
  kinds: readonly { label: Bilingual; types: readonly SystemType[] }[],
  types: readonly SystemType[],
  noneChosen: string,
): string => {
  const chosen = kinds.map((k) => k.types.some((t) => types.includes(t)));
  const line = kinds
    .map((k, i) => `${box(chosen[i]!)}${k.label[lang]}`)
    .join(lang === 'zh' ? '\u3000' : '  ');
  return chosen.some(Boolean) ? line : `${line}\n${noneChosen}`;
};

/** 07 关键产品使用情况: one row per product type of the form, whether listed or not. */
function keyProductsTable(d: FilingFormInput, lang: Lang): TableBlock {
  const products = systemProfile(d).keyProducts ?? [];
  const missing = products.length === 0;
  const rows = optionRows('productType', lang).map(({ code, label }) => {
    const listed = products.filter((p) => p.type === code);
    if (listed.length === 0) {
      return [code, label, missing ? blank(lang) : '—', box(false), box(false), box(false)];
    }
    const other = listed.map((p) => p.typeOther).find(nonEmpty);
    const uses = new Set(listed.map((p) => p.domesticUse));
    const rates = listed
      .filter((p) => p.domesticUse === 'partial')
      .map((p) => `${p.domesticRate ?? 0}%`);
    return [
      code,
      other ? `${label}${colon(lang)}${other}` : label,
      String(listed.reduce((n, p) => n + p.count, 0)),
      box(uses.has('all')),
      box(uses.has('none')),
      uses.has('partial') ? `${box(true)} ${rates.join(lang === 'zh' ? '、' : ', ')}` : box(false),
    ];
  });
  return table(
    lang === 'zh'
      ? [
          { header: '序号', width: 1, align: 'center' },
          { header: '产品类型', width: 3 },
          { header: '数量', width: 1.2, align: 'center' },
          { header: '全部使用国产品', width: 1.8, align: 'center' },
          { header: '全部未使用国产品', width: 1.8, align: 'center' },
          { header: '部分使用及使用率', width: 2.2, align: 'center' },
        ]
      : [
          { header: 'No.', width: 1, align: 'center' },
          { header: 'Product type', width: 3 },
          { header: 'Count', width: 1.2, align: 'center' },
          { header: 'All domestic', width: 1.8, align: 'center' },
          { header: 'No domestic', width: 1.8, align: 'center' },
          { header: 'Partly domestic (share)', width: 2.2, align: 'center' },
        ],
    rows,
    lang === 'zh' ? '07 关键产品使用情况' : '07 Key products used',
  );
}

/** 08 系统采用服务情况: one row per service type of the form, with who provides it. */
function servicesTable(d: FilingFormInput, lang: Lang): TableBlock {
  const services = systemProfile(d).services ?? [];
  const missing = services.length === 0;
  const rows = optionRows('serviceType', lang).map(({ code, label }) => {
    const used = services.filter((s) => s.type === code);
    const providers = new Set(used.map((s) => s.provider));
    const other = used.map((s) => s.typeOther).find(nonEmpty);
    return [
      code,
      other ? `${label}${colon(lang)}${other}` : label,
      missing ? blank(lang) : choiceMarks(HAVE_NOT, used.length > 0 ? 0 : 1, lang),
      box(providers.has('in_house')),
      box(providers.has('domestic')),
      box(providers.has('foreign')),
    ];
  });
  return table(
    lang === 'zh'
      ? [
          { header: '序号', width: 1, align: 'center' },
          { header: '服务类型', width: 2.4 },
          { header: '是否采用', width: 2, align: 'center' },
          { header: '本行业（单位）', width: 2, align: 'center' },
          { header: '国内其他服务商', width: 2, align: 'center' },
          { header: '国外服务商', width: 1.6, align: 'center' },
        ]
      : [
          { header: 'No.', width: 1, align: 'center' },
          { header: 'Service', width: 2.4 },
          { header: 'Used', width: 2, align: 'center' },
          { header: 'Own sector (in house)', width: 2, align: 'center' },
          { header: 'Other domestic provider', width: 2, align: 'center' },
          { header: 'Foreign provider', width: 1.6, align: 'center' },
        ],
    rows,
    lang === 'zh' ? '08 系统采用服务情况' : '08 Services used',
  );
}

const optionRows = (listId: 'productType' | 'serviceType', lang: Lang) =>
  FILING_FORM_OPTIONS[listId].options.map((o) => ({ code: o.code, label: o[lang] }));

const summary = (lang: Lang, items: readonly string[]): string | null =>
  items.length === 0 ? null : items.join(lang === 'zh' ? '；' : '; ');

function assessmentAgency(d: FilingFormInput, lang: Lang): string | null {
  const a = latestAssessment(d);
  if (!a) return lang === 'zh' ? '尚未开展等级测评' : 'Not assessed yet';
  if (!nonEmpty(a.agency)) return null;
  if (a.status === 'in_progress') {
    return lang === 'zh' ? `${a.agency}（测评进行中）` : `${a.agency} (assessment in progress)`;
  }
  return a.agency;
}

/** 12/13: the parent's name for a sub-system, 无 for a system that is none, blank when unknown. */
const parentValue =
  (pick: 'parentSystemName' | 'parentOrganisationName'): FieldValue =>
  (d, lang) => {
    const p = systemProfile(d);
    if (p.isSubsystem === false) return none(lang);
    if (p.isSubsystem !== true) return null;
    return p[pick] ?? null;
  };

// --- 表三 helpers ---------------------------------------------------------------------------

/** 是否有主管部门: as recorded, else yes when an authority is named or has approved the level. */
const hasAuthority = (d: FilingFormInput): boolean | null =>
  d.detail.system.hasCompetentAuthority ??
  (nonEmpty(d.detail.system.competentAuthority) || latestReview(d, 'competent_approval')
    ? true
    : null);

const LEVELS = [1, 2, 3, 4, 5] as const;

const levelMarks = (lang: Lang, level: number | null | undefined): string =>
  choiceMarks(
    LEVELS.map((l) => ({ zh: levelShort('zh', l), en: levelShort('en', l) })),
    level ? level - 1 : null,
    lang,
  );

type Dimension = 'businessInformation' | 'systemService';

const dimension = (d: FilingFormInput, dim: Dimension): DimensionResultDto | null =>
  d.detail.grading?.result[dim] ?? null;

/** The harmed-object × degree matrix with the grading's cells ■ and each cell's level. */
function harmMatrix(d: FilingFormInput, lang: Lang, dim: Dimension): TableBlock {
  const cells = dimension(d, dim)?.cells ?? [];
  const matrix = d.detail.grading?.result.matrix ?? LEVEL_MATRIX;
  return table(
    [
      { header: lang === 'zh' ? '受侵害的客体' : 'Object harmed', width: 4 },
      ...HARM_DEGREES.map((g) => ({ header: DEGREE[g][lang], width: 2, align: 'center' as const })),
    ],
    HARMED_OBJECTS.map((o) => [
      OBJECT[o][lang],
      ...HARM_DEGREES.map(
        (g) =>
          `${box(cells.some((c) => c.object === o && c.degree === g))} ${levelShort(lang, matrix[o][g])}`,
      ),
    ]),
    lang === 'zh'
      ? `${dim === 'businessInformation' ? '业务信息' : '系统服务'}安全被破坏时所侵害的客体及侵害程度`
      : `Objects harmed and degree when ${dim === 'businessInformation' ? 'business information' : 'system service'} security is compromised`,
  );
}

function reviewState(
  d: FilingFormInput,
  lang: Lang,
  kind: 'expert_review' | 'competent_approval',
): string {
  const r = latestReview(d, kind);
  const choices =
    kind === 'expert_review'
      ? [zhEn('已评审', 'Reviewed'), zhEn('未评审', 'Not reviewed')]
      : [zhEn('已审批', 'Approved'), zhEn('未审批', 'Not approved')];
  const marks = choiceMarks(choices, r ? 0 : 1, lang);
  if (!r) return marks;
  const who = kind === 'expert_review' ? zhEn('评审专家', 'Reviewers') : zhEn('审批部门', 'By');
  const lines = [
    `${lang === 'zh' ? '日期' : 'Date'}${colon(lang)}${date(lang, r.reviewedOn)}`,
    `${who[lang]}${colon(lang)}${r.reviewer}`,
    `${lang === 'zh' ? '同意等级' : 'Level agreed'}${colon(lang)}${levelShort(lang, r.agreedLevel)}`,
  ];
  if (nonEmpty(r.opinion))
    lines.push(`${lang === 'zh' ? '意见' : 'Opinion'}${colon(lang)}${r.opinion}`);
  return `${marks}\n${lines.join(lang === 'zh' ? '；' : '; ')}`;
}

const gradingReportName = (d: FilingFormInput, lang: Lang) =>
  lang === 'zh'
    ? `《${d.detail.system.name}定级报告》`
    : `${d.detail.system.name} — grading report`;

// --- 表四 helpers ---------------------------------------------------------------------------

/**
 * 表四 lines take the attachments of their own purpose (uploaded under 备案表表四材料 on the
 * system), and also an attachment of purpose `other` whose file name has one of these words
 * (scans uploaded before the purposes existed). Ours, not the form's.
 */
export const TABLE4_FILE_NAME_WORDS: Readonly<Record<string, readonly string[]>> = {
  '01': ['拓扑', 'topology'],
  '02': ['组织机构', '管理制度', '制度汇编', '安全制度', 'policies', 'organisation'],
  '03': ['设计方案', '实施方案', '改建', '建设方案', 'design'],
  '04': ['产品清单', '销售许可', '认证证书', 'product list', 'licence', 'certificate'],
};

const attachmentsFor = (
  d: FilingFormInput,
  purposes: readonly RecordAttachmentDto['purpose'][],
  item: string,
): RecordAttachmentDto[] => {
  const words = TABLE4_FILE_NAME_WORDS[item] ?? [];
  return d.detail.attachments.filter(
    (a) =>
      purposes.includes(a.purpose) ||
      (a.purpose === 'other' &&
        words.some((w) => a.fileName.toLowerCase().includes(w.toLowerCase()))),
  );
};

const attachmentList = (lang: Lang, list: readonly RecordAttachmentDto[]) =>
  list.map((a) => attachmentLine(lang, a));

function assessmentReport(d: FilingFormInput, lang: Lang): string[] {
  const a = latestAssessment(d);
  if (!a || a.status !== 'completed') return [];
  const parts: string[] = [];
  if (nonEmpty(a.reportNumber))
    parts.push(`${lang === 'zh' ? '报告编号' : 'No.'} ${a.reportNumber}`);
  if (nonEmpty(a.agency)) parts.push(a.agency);
  if (a.reportDate) parts.push(date(lang, a.reportDate));
  if (a.score) {
    parts.push(
      `${lang === 'zh' ? '结论' : 'conclusion'}${colon(lang)}${CONCLUSION[a.score.conclusion][lang]}` +
        (lang === 'zh'
          ? `（${figureName(lang, a.score.policy)}${figure(a.score)}）`
          : ` (${figureName(lang, a.score.policy).toLowerCase()} ${figure(a.score)})`),
    );
  }
  const name =
    lang === 'zh'
      ? `《${d.detail.system.name}等级测评报告》`
      : `${d.detail.system.name} — level assessment report`;
  return [
    `${name}${lang === 'zh' ? '（' : ' ('}${parts.join(lang === 'zh' ? '，' : ', ')}${lang === 'zh' ? '）' : ')'}`,
  ];
}

interface Table4Line {
  readonly item: string;
  readonly label: Bilingual;
  readonly source: string;
  /** What dengbao holds for the line, as 附件名称 lines. */
  readonly held: (d: FilingFormInput, lang: Lang) => string[];
}

const TABLE4: readonly Table4Line[] = [
  {
    item: '01',
    label: zhEn('系统拓扑结构及说明', 'Network topology and description'),
    source: 'detail.attachments[purpose=topology]',
    held: (d, lang) => attachmentList(lang, attachmentsFor(d, ['topology'], '01')),
  },
  {
    item: '02',
    label: zhEn('安全组织机构及管理制度', 'Security organisation and policies'),
    source: 'detail.attachments[purpose=other, file name]',
    held: (d, lang) => attachmentList(lang, attachmentsFor(d, ['security_policies'], '02')),
  },
  {
    item: '03',
    label: zhEn(
      '安全保护设施设计实施方案或改建实施方案',
      'Design or rebuild plan of the security measures',
    ),
    source: 'detail.attachments[purpose=other, file name]',
    held: (d, lang) => attachmentList(lang, attachmentsFor(d, ['security_design'], '03')),
  },
  {
    item: '04',
    label: zhEn(
      '使用的安全产品清单及认证、销售许可证明',
      'Security products used, with certification and sales licences',
    ),
    source: 'detail.attachments[purpose=other, file name]',
    held: (d, lang) => attachmentList(lang, attachmentsFor(d, ['product_list'], '04')),
  },
  {
    item: '05',
    label: zhEn('等级测评报告', 'Level assessment report'),
    source:
      'latest assessment (agency, report number, date, conclusion); detail.attachments[purpose=assessment_report]',
    held: (d, lang) => [
      ...assessmentReport(d, lang),
      ...attachmentList(lang, attachmentsFor(d, ['assessment_report'], '05')),
    ],
  },
  {
    item: '06',
    label: zhEn('专家评审情况', 'Expert review'),
    source: 'detail.reviews[kind=expert_review]; detail.attachments[purpose=expert_review_opinion]',
    held: (d, lang) => {
      const r = latestReview(d, 'expert_review');
      return [
        ...(r
          ? [
              lang === 'zh'
                ? `专家评审意见（${date(lang, r.reviewedOn)}，${r.reviewer}）`
                : `Expert review opinion (${date(lang, r.reviewedOn)}, ${r.reviewer})`,
            ]
          : []),
        ...attachmentList(lang, attachmentsFor(d, ['expert_review_opinion'], '06')),
      ];
    },
  },
  {
    item: '07',
    label: zhEn('上级主管部门审批意见', 'Approval of the competent authority'),
    source:
      'detail.reviews[kind=competent_approval]; detail.attachments[purpose=competent_approval]',
    held: (d, lang) => {
      const r = latestReview(d, 'competent_approval');
      return [
        ...(r
          ? [
              lang === 'zh'
                ? `主管部门审批意见（${date(lang, r.reviewedOn)}，${r.reviewer}）`
                : `Approval (${date(lang, r.reviewedOn)}, ${r.reviewer})`,
            ]
          : []),
        ...attachmentList(lang, attachmentsFor(d, ['competent_approval'], '07')),
      ];
    },
  },
  {
    item: '08',
    label: zhEn('数据摸底调查表', 'Data inventory'),
    source: 'dataInventory (data-security inventory) | organisation.filingProfile.dataCategories',
    held: (d, lang) => {
      const n = relevantDataCategories(d).length;
      if (n === 0) return [];
      return [
        lang === 'zh'
          ? `见附表《数据摸底调查表》（${n} 类数据）`
          : `See the attached data inventory (${n} categories)`,
      ];
    },
  },
  {
    item: '09',
    label: zhEn('网络安全保护工作方案', 'Security protection work plan'),
    source: 'organisation.filingProfile.protectionWorkPlan',
    held: (d, lang) => {
      const plan = orgProfile(d).protectionWorkPlan;
      if (!plan) return [];
      return [
        lang === 'zh'
          ? `见附表《${plan.year}年度网络安全保护工作方案（摘要）》`
          : `See the attached ${plan.year} security protection work plan (summary)`,
      ];
    },
  },
];

/**
 * The data categories of the 数据摸底调查表 this object's form carries: the data inventory's rows
 * for the object (its resources and the unassigned ones) when it has any; otherwise the
 * organisation's hand-entered categories, its own and the unassigned.
 */
export function relevantDataCategories(d: FilingFormInput): readonly DataCategory[] {
  if (d.dataInventory && d.dataInventory.length > 0) return d.dataInventory;
  const name = d.detail.system.name;
  return (orgProfile(d).dataCategories ?? []).filter(
    (c) => (c.systems ?? []).length === 0 || (c.systems ?? []).includes(name),
  );
}

// --- the mapping ----------------------------------------------------------------------------

const G = {
  address: zhEn('单位地址', 'Address'),
  head: zhEn('单位负责人', 'Head of organisation'),
  contact: zhEn('责任部门联系人', 'Contact in the responsible department'),
  objects: zhEn('定级对象数量', 'Grading objects'),
  business: zhEn('承载业务情况', 'Business carried'),
  service: zhEn('服务情况', 'Services'),
  platform: zhEn('网络平台', 'Network platform'),
} as const;

export const FILING_FORM_FIELDS: readonly FilingField[] = [
  // 表一 单位基本情况
  {
    sheet: 1,
    item: '01',
    label: zhEn('单位名称', 'Organisation name'),
    source: 'organisation.name',
    value: (d) => d.organisation.name,
  },
  {
    sheet: 1,
    item: '',
    label: zhEn('统一社会信用代码', 'Unified social credit code'),
    source: 'organisation.creditCode',
    value: (d) => d.organisation.creditCode,
  },
  {
    sheet: 1,
    item: '02',
    label: G.address,
    source: 'organisation.filingProfile.province/city/county/address',
    value: address,
  },
  {
    sheet: 1,
    item: '03',
    label: zhEn('邮政编码', 'Postal code'),
    source: 'organisation.filingProfile.postalCode',
    value: (d) => orgProfile(d).postalCode ?? null,
  },
  {
    sheet: 1,
    item: '04',
    label: zhEn('行政区划代码', 'Administrative division code'),
    source: 'organisation.filingProfile.divisionCode',
    value: (d) => orgProfile(d).divisionCode ?? null,
  },
  ...personFields(1, '05', G.head, 'organisation.filingProfile.head', (d) => orgProfile(d).head, [
    'name',
    'title',
    'officePhone',
    'email',
  ]),
  {
    sheet: 1,
    item: '06',
    label: zhEn('责任部门', 'Responsible department'),
    source: 'organisation.filingProfile.responsibleDepartment, else system.responsibleDepartment',
    value: (d) =>
      orgProfile(d).responsibleDepartment ?? d.detail.system.responsibleDepartment ?? null,
  },
  ...personFields(
    1,
    '07',
    G.contact,
    'organisation.filingProfile.departmentContact (else organisation.contactName/contactPhone)',
    departmentContact,
    ['name', 'title', 'officePhone', 'mobilePhone', 'email'],
  ),
  {
    sheet: 1,
    item: '08',
    label: zhEn('隶属关系', 'Affiliation'),
    source: 'organisation.filingProfile.affiliation (+affiliationOther)',
    value: (d, lang) => {
      const p = orgProfile(d);
      return optionMarks('affiliation', p.affiliation ? [p.affiliation] : [], lang, {
        other: p.affiliationOther,
      });
    },
  },
  {
    sheet: 1,
    item: '09',
    label: zhEn('单位类型', 'Organisation type'),
    source: 'organisation.filingProfile.organisationType (+organisationTypeOther)',
    value: (d, lang) => {
      const p = orgProfile(d);
      return optionMarks('organisationType', p.organisationType ? [p.organisationType] : [], lang, {
        other: p.organisationTypeOther,
      });
    },
  },
  {
    sheet: 1,
    item: '10',
    label: zhEn('行业类别', 'Sector'),
    source: 'organisation.filingProfile.sectorCode (+sectorOther)',
    value: (d, lang) => {
      const p = orgProfile(d);
      return optionMarks('sector', p.sectorCode ? [p.sectorCode] : [], lang, {
        other: p.sectorOther,
      });
    },
  },
  {
    sheet: 1,
    item: '11',
    group: G.objects,
    label: zhEn('定级对象总数', 'Total'),
    source: "the organisation's systems",
    value: (d, lang) =>
      d.objectCount == null ? null : lang === 'zh' ? `${d.objectCount} 个` : String(d.objectCount),
  },
  {
    sheet: 1,
    item: '11',
    group: G.objects,
    label: zhEn('其中', 'Of which'),
    source: "the organisation's systems by level",
    value: countLine,
  },

  // 表二 定级对象情况
  {
    sheet: 2,
    item: '01',
    label: zhEn('定级对象名称', 'Name'),
    source: 'system.name',
    value: (d) => d.detail.system.name,
  },
  {
    sheet: 2,
    item: '02',
    label: zhEn('定级对象编号', 'Number'),
    source: 'system.filingProfile.objectNumber',
    value: (d) => systemProfile(d).objectNumber ?? null,
  },
  {
    sheet: 2,
    item: '',
    label: zhEn('定级对象类型', 'Object type'),
    source: 'system.types',
    value: (d, lang) => tickAny(lang, OBJECT_KIND, d.detail.system.types, blank(lang)),
  },
  {
    sheet: 2,
    item: '',
    label: zhEn('采用的新技术', 'New technologies'),
    source: 'system.types',
    value: (d, lang) => tickAny(lang, NEW_TECH, d.detail.system.types, none(lang)),
  },
  {
    sheet: 2,
    item: '03',
    group: G.business,
    label: zhEn('业务类型', 'Business type'),
    source: 'system.filingProfile.businessTypes (+businessTypeOther)',
    value: (d, lang) =>
      optionMarks('businessType', systemProfile(d).businessTypes ?? [], lang, {
        other: systemProfile(d).businessTypeOther,
      }),
  },
  {
    sheet: 2,
    item: '03',
    group: G.business,
    label: zhEn('业务描述', 'Description'),
    source: 'system.description',
    value: (d) => d.detail.system.description,
  },
  {
    sheet: 2,
    item: '04',
    group: G.service,
    label: zhEn('服务范围', 'Scope'),
    source: 'system.filingProfile.serviceScope (+serviceScopeCount, serviceScopeOther)',
    value: (d, lang) => {
      const p = systemProfile(d);
      return optionMarks('serviceScope', p.serviceScope ? [p.serviceScope] : [], lang, {
        other: p.serviceScopeOther,
        count: p.serviceScopeCount,
      });
    },
  },
  {
    sheet: 2,
    item: '04',
    group: G.service,
    label: zhEn('服务对象', 'Users'),
    source: 'system.filingProfile.serviceTargets (+serviceTargetsOther)',
    value: (d, lang) => {
      const p = systemProfile(d);
      return optionMarks('serviceTargets', p.serviceTargets ? [p.serviceTargets] : [], lang, {
        other: p.serviceTargetsOther,
      });
    },
  },
  {
    sheet: 2,
    item: '05',
    group: G.platform,
    label: zhEn('覆盖范围', 'Coverage'),
    source: 'system.filingProfile.coverage (+coverageOther)',
    value: (d, lang) => {
      const p = systemProfile(d);
      return optionMarks('coverage', p.coverage ? [p.coverage] : [], lang, {
        other: p.coverageOther,
      });
    },
  },
  {
    sheet: 2,
    item: '05',
    group: G.platform,
    label: zhEn('网络性质', 'Nature'),
    source: 'system.filingProfile.networkNature (+networkNatureOther)',
    value: (d, lang) => {
      const p = systemProfile(d);
      return optionMarks('networkNature', p.networkNature ? [p.networkNature] : [], lang, {
        other: p.networkNatureOther,
      });
    },
  },
  {
    sheet: 2,
    item: '06',
    label: zhEn('系统互联情况', 'Interconnection'),
    source: 'system.filingProfile.interconnections (+interconnectionsOther)',
    value: (d, lang) =>
      optionMarks('interconnection', systemProfile(d).interconnections ?? [], lang, {
        other: systemProfile(d).interconnectionsOther,
      }),
  },
  {
    sheet: 2,
    item: '07',
    label: zhEn('关键产品使用情况', 'Key products used'),
    source: 'system.filingProfile.keyProducts',
    value: (d, lang) =>
      summary(
        lang,
        (systemProfile(d).keyProducts ?? []).map(
          (p) => `${optionLabel('productType', p.type, lang) ?? p.type} ${p.count}`,
        ),
      ),
    table: keyProductsTable,
  },
  {
    sheet: 2,
    item: '08',
    label: zhEn('系统采用服务情况', 'Services used'),
    source: 'system.filingProfile.services',
    value: (d, lang) =>
      summary(
        lang,
        (systemProfile(d).services ?? []).map(
          (s) => optionLabel('serviceType', s.type, lang) ?? s.type,
        ),
      ),
    table: servicesTable,
  },
  {
    sheet: 2,
    item: '09',
    label: zhEn('等级测评单位名称', 'Assessment agency'),
    source: 'latest level assessment agency, else the latest mlps_assessment event',
    value: assessmentAgency,
  },
  {
    sheet: 2,
    item: '10',
    label: zhEn('何时投入运行使用', 'In operation since'),
    source: 'system.goLiveOn',
    value: (d, lang) => (d.detail.system.goLiveOn ? date(lang, d.detail.system.goLiveOn) : null),
  },
  {
    sheet: 2,
    item: '11',
    label: zhEn('是否是分系统', 'Sub-system'),
    source: 'system.filingProfile.isSubsystem',
    value: (d, lang) => {
      const i = yesNoIndex(systemProfile(d).isSubsystem);
      return i === null ? null : choiceMarks(YES_NO, i, lang);
    },
  },
  {
    sheet: 2,
    item: '12',
    label: zhEn('上级系统名称', 'Parent system'),
    source: 'system.filingProfile.parentSystemName',
    value: parentValue('parentSystemName'),
  },
  {
    sheet: 2,
    item: '13',
    label: zhEn('上级系统所属单位名称', 'Organisation of the parent system'),
    source: 'system.filingProfile.parentOrganisationName',
    value: parentValue('parentOrganisationName'),
  },

  // 表三 定级结果
  ...(
    [
      [
        '01',
        'businessInformation',
        zhEn('业务信息安全保护等级', 'Business information security level'),
      ],
      ['02', 'systemService', zhEn('系统服务安全保护等级', 'System service security level')],
    ] as const
  ).flatMap(([item, dim, label]): FilingField[] => [
    {
      sheet: 3,
      item,
      label,
      source: `grading.result.${dim}.level`,
      value: (d, lang) => {
        const r = dimension(d, dim);
        return r ? levelMarks(lang, r.level) : null;
      },
    },
    {
      sheet: 3,
      item,
      label: zhEn('受侵害的客体及侵害程度', 'Objects harmed and degree'),
      source: `grading.result.${dim}.cells`,
      value: (d) => (dimension(d, dim) ? 'matrix' : null),
      table: (d, lang) => harmMatrix(d, lang, dim),
    },
  ]),
  {
    sheet: 3,
    item: '03',
    label: zhEn('安全保护等级', 'Security protection level'),
    source: 'grading.level',
    value: (d, lang) => (d.detail.grading ? levelMarks(lang, d.detail.grading.level) : null),
  },
  {
    sheet: 3,
    item: '04',
    label: zhEn('定级时间', 'Graded on'),
    source: 'grading.gradedOn',
    value: (d, lang) => (d.detail.grading ? date(lang, d.detail.grading.gradedOn) : null),
  },
  {
    sheet: 3,
    item: '05',
    label: zhEn('专家评审情况', 'Expert review'),
    source: 'detail.reviews[kind=expert_review] (date, reviewers, opinion)',
    value: (d, lang) => reviewState(d, lang, 'expert_review'),
  },
  {
    sheet: 3,
    item: '06',
    label: zhEn('是否有主管部门', 'Competent authority'),
    source: 'system.hasCompetentAuthority, else a named authority or an approval record',
    value: (d, lang) => {
      const i = yesNoIndex(hasAuthority(d));
      return i === null ? null : choiceMarks(HAVE_NOT, i, lang);
    },
  },
  {
    sheet: 3,
    item: '07',
    label: zhEn('主管部门名称', 'Name of the competent authority'),
    source: 'system.competentAuthority, else the approving authority of the approval record',
    value: (d, lang) =>
      hasAuthority(d) === false
        ? none(lang)
        : nonEmpty(d.detail.system.competentAuthority)
          ? d.detail.system.competentAuthority
          : (latestReview(d, 'competent_approval')?.reviewer ?? null),
  },
  {
    sheet: 3,
    item: '08',
    label: zhEn('主管部门审批定级情况', 'Approval of the level by the competent authority'),
    source: 'detail.reviews[kind=competent_approval] (date, authority, opinion)',
    value: (d, lang) =>
      hasAuthority(d) === false
        ? lang === 'zh'
          ? '不适用（无主管部门）'
          : 'Not applicable (no competent authority)'
        : reviewState(d, lang, 'competent_approval'),
  },
  {
    sheet: 3,
    item: '09',
    label: zhEn('定级报告', 'Grading report'),
    source: 'grading (the grading report dengbao produces)',
    value: (d, lang) =>
      d.detail.grading
        ? `${choiceMarks(HAVE_NOT, 0, lang)}\n${lang === 'zh' ? '附件名称' : 'Attachment'}${colon(lang)}${gradingReportName(d, lang)}`
        : choiceMarks(HAVE_NOT, 1, lang),
  },
  {
    sheet: 3,
    item: '',
    label: zhEn('填表人', 'Filled in by'),
    source: "system.filingProfile.formFilledBy, else the grading recorder's display name",
    value: (d) => systemProfile(d).formFilledBy ?? d.recorderName ?? null,
  },
  {
    sheet: 3,
    item: '',
    label: zhEn('填表日期', 'Date'),
    source: 'latest filing.filedOn, else the as-of date',
    value: (d, lang) => date(lang, formDate(d)),
  },

  // 表四 第三级以上定级对象提交材料情况
  ...TABLE4.map((line): FilingField => ({
    sheet: 4,
    item: line.item,
    label: line.label,
    source: line.source,
    value: (d, lang) => choiceMarks(HAVE_NOT, line.held(d, lang).length > 0 ? 0 : 1, lang),
    attachments: (d, lang) => line.held(d, lang).join('\n'),
  })),
];

/** The form fields dengbao holds no data for (printed as blanks); empty, and a test keeps it so. */
export const FILING_FORM_UNSOURCED: readonly {
  sheet: FilingSheet;
  item: string;
  label: Bilingual;
}[] = FILING_FORM_FIELDS.filter((f) => f.value === null).map((f) => ({
  sheet: f.sheet,
  item: f.item,
  label: f.label,
}));

/** Whether the form applies 表四 to the object (第三级以上). */
export const hasTable4 = (d: FilingFormInput): boolean => formLevel(d) >= 3;
