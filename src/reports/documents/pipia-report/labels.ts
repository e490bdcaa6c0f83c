/**
 * Words of the PIPIA report (个人信息保护影响评估报告) for the register's codes, Chinese first.
 * The codes are those of src/shared/privacy-schemas.ts.
 */
import type {
  ConsentCase,
  DataSubjectKind,
  ExemptionGround,
  LegalBasis,
  PipiaRiskLevel,
  PipiaStatus,
  RecipientRelationship,
  TransferMechanism,
} from '../../../shared/privacy-schemas';
import type { Bilingual } from '../labels';

export const LEGAL_BASIS: Readonly<Record<LegalBasis, Bilingual>> = {
  consent: { zh: '取得个人同意', en: 'Consent' },
  contract_or_hr: {
    zh: '订立、履行合同或实施人力资源管理所必需',
    en: 'Necessary for a contract or HR management',
  },
  legal_duty: { zh: '履行法定职责或者法定义务所必需', en: 'Necessary for a legal duty' },
  emergency: {
    zh: '应对突发公共卫生事件或紧急情况下保护生命健康和财产安全所必需',
    en: 'Public-health emergency or protection of life and property',
  },
  news_public_interest: {
    zh: '为公共利益实施新闻报道、舆论监督等行为，在合理的范围内处理',
    en: 'News reporting and public-opinion supervision in the public interest',
  },
  public_information: {
    zh: '在合理的范围内处理已公开的个人信息',
    en: 'Personal information already made public, within a reasonable scope',
  },
  other_law: { zh: '法律、行政法规规定的其他情形', en: 'Other cases under laws and regulations' },
};

export const SUBJECT: Readonly<Record<DataSubjectKind, Bilingual>> = {
  customers: { zh: '客户', en: 'Customers' },
  patients: { zh: '患者', en: 'Patients' },
  employees: { zh: '员工', en: 'Employees' },
  job_applicants: { zh: '求职者', en: 'Job applicants' },
  students: { zh: '学生', en: 'Students' },
  minors_under_14: { zh: '不满十四周岁未成年人', en: 'Minors under 14' },
  visitors: { zh: '访客', en: 'Visitors' },
  business_contacts: { zh: '业务联系人', en: 'Business contacts' },
  public: { zh: '社会公众', en: 'The public' },
  other: { zh: '其他', en: 'Other' },
};

export const RELATIONSHIP: Readonly<Record<RecipientRelationship, Bilingual>> = {
  entrusted_processor: { zh: '受托处理者', en: 'Entrusted processor' },
  other_handler: { zh: '其他个人信息处理者', en: 'Other handler' },
  joint_handler: { zh: '共同处理者', en: 'Joint handler' },
};

export const MECHANISM: Readonly<Record<TransferMechanism, Bilingual>> = {
  security_assessment: { zh: '数据出境安全评估', en: 'CAC security assessment' },
  standard_contract: { zh: '个人信息出境标准合同', en: 'Standard contract' },
  certification: { zh: '个人信息保护认证', en: 'Certification' },
};

export const EXEMPTION: Readonly<Record<ExemptionGround, Bilingual>> = {
  no_personal_information: { zh: '不含个人信息或重要数据', en: 'No personal information' },
  collected_abroad: { zh: '境外收集和产生', en: 'Collected abroad' },
  contract_with_individual: {
    zh: '订立、履行个人作为一方当事人的合同所必需',
    en: 'Contract with the individual',
  },
  cross_border_hr: { zh: '跨境人力资源管理所必需', en: 'Cross-border HR management' },
  emergency: { zh: '紧急情况下保护生命健康和财产安全', en: 'Emergency' },
  ftz_negative_list: {
    zh: '自由贸易试验区负面清单外',
    en: 'Outside a free-trade-zone negative list',
  },
};

export const CONSENT_CASE: Readonly<Record<ConsentCase, Bilingual>> = {
  art23_provision: { zh: '向其他处理者提供（第二十三条）', en: 'Provision (Art. 23)' },
  art25_disclosure: { zh: '公开（第二十五条）', en: 'Disclosure (Art. 25)' },
  art26_public_camera: { zh: '公共场所图像（第二十六条）', en: 'Public cameras (Art. 26)' },
  art29_sensitive: { zh: '敏感个人信息（第二十九条）', en: 'Sensitive information (Art. 29)' },
  art31_guardian: { zh: '监护人同意（第三十一条）', en: 'Guardian consent (Art. 31)' },
  art39_abroad: { zh: '向境外提供（第三十九条）', en: 'Provision abroad (Art. 39)' },
};

/** GB/T 39335-2020 risk levels: 低 / 中 / 高 / 严重. */
export const RISK: Readonly<Record<PipiaRiskLevel, Bilingual>> = {
  low: { zh: '低', en: 'Low' },
  medium: { zh: '中', en: 'Medium' },
  high: { zh: '高', en: 'High' },
  severe: { zh: '严重', en: 'Severe' },
};

export const STATUS: Readonly<Record<PipiaStatus, Bilingual>> = {
  draft: { zh: '草稿', en: 'Draft' },
  in_review: { zh: '审核中', en: 'In review' },
  returned: { zh: '已退回修改', en: 'Returned' },
  approved: { zh: '已批准', en: 'Approved' },
};

export const DECISION: Readonly<Record<'agree' | 'return' | 'pending', Bilingual>> = {
  agree: { zh: '同意', en: 'Agree' },
  return: { zh: '退回修改', en: 'Returned' },
  pending: { zh: '未审核', en: 'Pending' },
};

/** A code's words, or the code itself when it is unknown (an older register entry). */
export const word = <K extends string>(
  table: Readonly<Record<K, Bilingual>>,
  code: string,
  lang: 'zh' | 'en',
): string => (table as Record<string, Bilingual>)[code]?.[lang] ?? code;
