/**
 * Attachments on records (专家评审意见、主管部门核准、备案证明、测评报告的扫描件，网络拓扑图) and the
 * filing dossier (备案材料包): what each attachment is, and the messages of the upload and the zip.
 */
import type { WordTable } from './types';

/** What an attachment is (its `purpose`). */
export const ATTACHMENT_PURPOSE = {
  expert_review_opinion: { zh: '专家评审意见', en: 'Expert review opinion' },
  competent_approval: { zh: '主管部门核准意见', en: 'Competent-authority approval' },
  filing_certificate: { zh: '备案证明', en: 'Filing certificate' },
  assessment_report: { zh: '测评报告', en: 'Assessment report' },
  topology: { zh: '网络拓扑图', en: 'Network topology diagram' },
  security_policies: {
    zh: '安全组织机构及管理制度',
    en: 'Security organisation and policies',
  },
  security_design: {
    zh: '安全保护设施设计实施方案或改建实施方案',
    en: 'Design or rebuild plan of the security measures',
  },
  product_list: {
    zh: '安全产品清单及认证、销售许可证明',
    en: 'Security products with certification and sales licences',
  },
  other: { zh: '其他材料', en: 'Other document' },
} as const satisfies WordTable;

/** The record an attachment belongs to (its `recordKind`). */
export const ATTACHMENT_RECORD = {
  review: { zh: '评审/核准记录', en: 'Review/approval record' },
  filing: { zh: '备案记录', en: 'Filing record' },
  event: { zh: '测评记录', en: 'Assessment record' },
  system: { zh: '定级对象', en: 'System' },
} as const satisfies WordTable;

/** Messages of attachment uploads and the dossier. */
export const ATTACHMENT = {
  not_stored: { en: 'the attachment cannot be stored', zh: '无法保存附件' },
  media_type: {
    en: '{type} is not accepted; attach a PDF, JPEG or PNG scan',
    zh: '不接受 {type} 类型的文件；请上传 PDF、JPEG 或 PNG 格式的扫描件',
  },
  extension: {
    en: 'a {type} file must end in {extensions}',
    zh: '{type} 文件的扩展名应为 {extensions}',
  },
  content: {
    en: 'the content is not a {type} file (its first bytes do not match)',
    zh: '文件内容不是 {type} 格式（文件头不符）',
  },
  record_missing: {
    en: 'this system has no {kind:attachment_record} {id}',
    zh: '该定级对象没有标识为 {id} 的{kind:attachment_record}',
  },
  purpose_kind: {
    en: 'a {purpose:attachment_purpose} does not belong on a {kind:attachment_record}; use one of {allowed}',
    zh: '{purpose:attachment_purpose}不能附在{kind:attachment_record}上；可选：{allowed}',
  },
  digest_mismatch: {
    en: 'the stored attachment {id} does not match its SM3 digest',
    zh: '存储的附件 {id} 与其 SM3 摘要不符，已拒绝读取；请从备份恢复',
  },
  no_system_named: {
    en: 'no system named "{name}" in this organisation',
    zh: '本组织没有名为“{name}”的定级对象',
  },
  systems_named: {
    en: '{count} systems are named "{name}"; give the id',
    zh: '有 {count} 个定级对象名为“{name}”；请填写其标识',
  },
  system_full: {
    en: "the system's attachments already hold {mb} MB; together they may hold at most {limit} MB (so the filing dossier can be built): remove some first",
    zh: '该定级对象的附件已有 {mb} MB，合计最多 {limit} MB（以便生成备案材料包）；请先删除部分附件',
  },
  dossier_too_large: {
    en: 'the dossier would hold {mb} MB, more than the {limit} MB limit; download the documents and attachments one by one',
    zh: '备案材料包将达到 {mb} MB，超过 {limit} MB 的上限；请逐个下载文档和附件',
  },
} as const satisfies WordTable;
