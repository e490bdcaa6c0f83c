/**
 * Bilingual vocabulary and formatting for the document builders. Chinese labels come from the
 * shared vocabularies (LABELS_ZH, ITEM_RESULT_ZH, RISK_LEVEL_ZH, TEST_OBJECT_KIND_ZH,
 * CONCLUSION_ZH) so documents say exactly what the UI and CLI say; English labels follow the
 * web UI's en.json.
 */
import { CONCLUSION_ZH } from '../../domain/mlps/assessment/scoring';
import type {
  CatalogCategory,
  CatalogExtension,
  ItemResultCode,
  RectificationStatusCode,
  ReviewDto,
  EventDto,
  RiskLevelCode,
  ScoreResultDto,
} from '../../shared/api-types';
import {
  ITEM_RESULT_ZH,
  RISK_LEVEL_ZH,
  TEST_OBJECT_KIND_ZH,
  type TestObjectKind,
} from '../../shared/assessment-vocabulary';
import {
  LABELS_ZH,
  type GradingDimension,
  type HarmDegree,
  type HarmedObject,
  type ProtectionLevel,
  type SystemType,
} from '../../shared/mlps';
import {
  CATEGORY as VOCABULARY_CATEGORY,
  EXTENSION as VOCABULARY_EXTENSION,
  label,
} from '../../shared/vocabulary';
import type { Lang } from '../model';

export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/** The text of a bilingual label in `lang`. */
export const t = (lang: Lang, label: Bilingual): string => label[lang];

const zhEn = <K extends string>(
  zh: Readonly<Record<K, string>>,
  en: Readonly<Record<K, string>>,
): Readonly<Record<K, Bilingual>> =>
  Object.fromEntries((Object.keys(zh) as K[]).map((k) => [k, { zh: zh[k], en: en[k] }])) as Record<
    K,
    Bilingual
  >;

export const LEVEL = zhEn<`${ProtectionLevel}`>(LABELS_ZH.level, {
  1: 'Level 1 (autonomous protection)',
  2: 'Level 2 (guided protection)',
  3: 'Level 3 (supervised protection)',
  4: 'Level 4 (mandatory protection)',
  5: 'Level 5 (specially controlled protection)',
});

const ZH_NUMERALS = ['零', '一', '二', '三', '四', '五'] as const;

/** 第三级 / Level 3. */
export const levelShort = (lang: Lang, level: number): string =>
  lang === 'zh' ? `第${ZH_NUMERALS[level] ?? level}级` : `Level ${level}`;

export const levelFull = (lang: Lang, level: number): string =>
  LEVEL[String(level) as `${ProtectionLevel}`]?.[lang] ?? levelShort(lang, level);

export const OBJECT = zhEn<HarmedObject>(LABELS_ZH.object, {
  citizen_legal_person: 'Rights of citizens, legal persons and other organisations',
  social_order_public_interest: 'Social order and public interest',
  national_security: 'National security',
});

export const DEGREE = zhEn<HarmDegree>(LABELS_ZH.degree, {
  general: 'General harm',
  serious: 'Serious harm',
  especially_serious: 'Especially serious harm',
});

export const DIMENSION = zhEn<GradingDimension>(LABELS_ZH.dimension, {
  business_information: 'Business information security',
  system_service: 'System service security',
});

export const SYSTEM_TYPE = zhEn<SystemType>(LABELS_ZH.systemType, {
  ordinary_system: 'Information system',
  cloud_platform: 'Cloud platform',
  cloud_tenant_system: 'Cloud tenant system',
  mobile_internet_system: 'Mobile internet system',
  iot: 'IoT',
  industrial_control: 'Industrial control system',
  big_data_platform: 'Big-data platform',
  communication_network_facility: 'Communication network facility',
  data_resource: 'Data resource',
});

/** GB/T 22239-2019 security categories (安全类), in the standard's order. */
export const CATEGORY_ORDER: readonly CatalogCategory[] = [
  'PES',
  'CNS',
  'ABS',
  'CES',
  'SMC',
  'PSS',
  'ORS',
  'HRS',
  'CMS',
  'MMS',
];

/** The categories' labels: the shared vocabulary's (src/shared/vocabulary), as the UI and CLI show them. */
export const CATEGORY: Readonly<Record<CatalogCategory, Bilingual>> = VOCABULARY_CATEGORY;

/** A category label; codes outside the catalog (e.g. `comprehensive`) fall back to a label or the code. */
export const categoryLabel = (lang: Lang, code: string): string => label('category', code, lang);

export const EXTENSION: Readonly<Record<CatalogExtension, Bilingual>> = VOCABULARY_EXTENSION;

export const ITEM_RESULT = zhEn<ItemResultCode>(ITEM_RESULT_ZH, {
  compliant: 'Compliant',
  partial: 'Partial',
  non_compliant: 'Non-compliant',
  not_applicable: 'Not applicable',
});

export const RISK = zhEn<RiskLevelCode>(RISK_LEVEL_ZH, {
  high: 'High risk',
  medium: 'Medium risk',
  low: 'Low risk',
});

export const RECTIFICATION_STATUS = zhEn<RectificationStatusCode>(
  {
    open: '待整改',
    in_progress: '整改中',
    fixed: '已整改待复测',
    verified: '复测通过',
    risk_accepted: '风险接受',
  },
  {
    open: 'Open',
    in_progress: 'In progress',
    fixed: 'Fixed, awaiting re-test',
    verified: 'Verified',
    risk_accepted: 'Risk accepted',
  },
);

export const CONCLUSION = zhEn<ScoreResultDto['conclusion']>(CONCLUSION_ZH, {
  compliant: 'Compliant',
  basically_compliant: 'Basically compliant',
  non_compliant: 'Non-compliant',
  excellent: 'Excellent',
  good: 'Good',
  fair: 'Fair',
  poor: 'Poor',
});

export const OBJECT_KIND = zhEn<TestObjectKind>(TEST_OBJECT_KIND_ZH, {
  network: 'Communication network (whole network)',
  area_boundary: 'Area boundary',
  management_centre: 'Security management centre',
  data: 'Data',
  machine_room: 'Machine room',
  network_device: 'Network device',
  security_device: 'Security device',
  server: 'Server / OS',
  database: 'Database',
  middleware: 'Middleware',
  application: 'Business application',
  terminal: 'Terminal',
  management_platform: 'Security management platform',
  cloud_platform: 'Cloud platform / virtualisation',
  document: 'Management documents',
  personnel: 'Interviewees',
});

export const objectKindLabel = (lang: Lang, kind: string): string =>
  (OBJECT_KIND as Record<string, Bilingual>)[kind]?.[lang] ?? kind;

export const REVIEW_KIND = zhEn<ReviewDto['kind']>(
  { expert_review: '专家评审', competent_approval: '主管部门核准' },
  { expert_review: 'Expert review', competent_approval: 'Competent-authority approval' },
);

export const EVENT_KIND = zhEn<EventDto['kind']>(
  {
    mlps_assessment: '等级测评',
    crypto_assessment: '商用密码应用安全性评估',
    cii_risk_assessment: '关基安全检测评估',
  },
  {
    mlps_assessment: 'MLPS level assessment',
    crypto_assessment: 'Commercial crypto assessment',
    cii_risk_assessment: 'CII testing and risk assessment',
  },
);

export const CLOUD_ROLE = zhEn<'provider' | 'tenant'>(
  { provider: '云服务商（云平台）', tenant: '云租户（云上系统）' },
  { provider: 'Cloud service provider (platform)', tenant: 'Cloud tenant (system on a cloud)' },
);

// --- formatting ------------------------------------------------------------------------------

/** A field we have no data for: a blank line to fill in by hand. */
export const blank = (lang: Lang): string => (lang === 'zh' ? '（待填写）' : '(to be filled in)');

export const none = (lang: Lang): string => (lang === 'zh' ? '无' : 'None');

/** `value`, or the fill-in blank when it is missing or empty. */
export const orBlank = (lang: Lang, value: string | null | undefined): string =>
  value === null || value === undefined || value.trim() === '' ? blank(lang) : value;

/** 2026年1月5日 / 2026-01-05. */
export function date(lang: Lang, iso: string | null | undefined): string {
  if (!iso) return blank(lang);
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return lang === 'zh' ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : `${m[1]}-${m[2]}-${m[3]}`;
}

/** A date span, 2026年3月2日至2026年3月20日 / 2026-03-02 to 2026-03-20. */
export function period(lang: Lang, from: string | null, to: string | null): string {
  if (!from && !to) return blank(lang);
  return lang === 'zh'
    ? `${date(lang, from)}至${date(lang, to)}`
    : `${date(lang, from)} to ${date(lang, to)}`;
}

export const yesNo = (lang: Lang, value: boolean | null | undefined): string =>
  value === null || value === undefined
    ? blank(lang)
    : lang === 'zh'
      ? value
        ? '是'
        : '否'
      : value
        ? 'Yes'
        : 'No';

/** Joins a list: 甲、乙、丙 / a, b, c. */
export const join = (lang: Lang, items: readonly string[]): string =>
  items.join(lang === 'zh' ? '、' : ', ');

/** A rate or score as printed: two decimals, with % for rates. */
export const rate = (value: number): string => `${value.toFixed(2)}%`;
export const score = (value: number): string => value.toFixed(2);

/** The figure of a score result as printed (符合率 for T2025, 综合得分 for T2021). */
export const figure = (s: Pick<ScoreResultDto, 'policy' | 'value'>): string =>
  s.policy === 'T2025' ? rate(s.value) : score(s.value);

export const figureName = (lang: Lang, policy: ScoreResultDto['policy']): string =>
  policy === 'T2025'
    ? lang === 'zh'
      ? '符合率'
      : 'Compliance rate'
    : lang === 'zh'
      ? '综合得分'
      : 'Composite score';

/** "N（M个已整改）" as the 2025 template prints major risks (公网安〔2025〕1846号 Q22). */
export function majorRiskCount(
  lang: Lang,
  majorRisks: ScoreResultDto['majorRisks'],
  zhLabel?: string,
): string {
  if (lang === 'zh') return zhLabel ?? `${majorRisks.total}（${majorRisks.rectified}个已整改）`;
  return `${majorRisks.total} (${majorRisks.rectified} rectified)`;
}

/** Chinese full stop or English period, for sentences built from parts. */
export const stop = (lang: Lang): string => (lang === 'zh' ? '。' : '.');
export const colon = (lang: Lang): string => (lang === 'zh' ? '：' : ': ');
