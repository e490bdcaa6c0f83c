/**
 * The rectification plan (整改方案) in words: validation messages of its fields
 * (src/shared/rectification-plan-schemas.ts, src/app/assessment/rectification.ts) and the labels
 * of measure kinds and product certificates.
 */
import type { WordTable } from './types';

/** Messages (area `rectification_plan`). */
export const RECTIFICATION_PLAN = {
  amount_negative: { en: 'an amount must not be negative', zh: '金额不能为负数' },
  amount_max: {
    en: 'an amount is limited to 10,000,000,000 CNY',
    zh: '金额不能超过 100 亿元',
  },
  amount_fen: {
    en: 'an amount has at most two decimals (fen)',
    zh: '金额最多保留两位小数（精确到分）',
  },
  budget_item_empty: { en: 'the budget item must not be empty', zh: '预算项目不能为空' },
  budget_item_too_long: {
    en: 'the budget item is limited to 200 characters',
    zh: '预算项目不能超过200个字符',
  },
  funding_source_too_long: {
    en: 'the funding source is limited to 200 characters',
    zh: '资金来源不能超过200个字符',
  },
  product_name_empty: { en: 'the product name must not be empty', zh: '产品名称不能为空' },
  product_name_too_long: {
    en: 'the product name is limited to 200 characters',
    zh: '产品名称不能超过200个字符',
  },
  product_type_too_long: {
    en: 'the product type is limited to 100 characters',
    zh: '产品类型不能超过100个字符',
  },
  vendor_too_long: { en: 'the vendor is limited to 200 characters', zh: '厂商不能超过200个字符' },
  model_too_long: { en: 'the model is limited to 200 characters', zh: '型号不能超过200个字符' },
  certificate_number_too_long: {
    en: 'the certificate number is limited to 100 characters',
    zh: '证书编号不能超过100个字符',
  },
  measures_too_long: {
    en: 'the measures is limited to 4000 characters',
    zh: '整改措施不能超过4000个字符',
  },
  objectives_too_long: {
    en: 'the objectives is limited to 4000 characters',
    zh: '整改目标不能超过4000个字符',
  },
  principles_too_long: {
    en: 'the principles is limited to 4000 characters',
    zh: '整改原则不能超过4000个字符',
  },
  budget_note_too_long: {
    en: 'the budget note is limited to 2000 characters',
    zh: '预算说明不能超过2000个字符',
  },
  quantity_whole: { en: 'a quantity is a whole number', zh: '数量应为整数' },
  quantity_min: { en: 'a quantity is at least 1', zh: '数量至少为 1' },
  quantity_max: { en: 'a quantity is at most 100000', zh: '数量不能超过 100000' },
  too_many_budget_lines: {
    en: 'at most {max} budget lines per item',
    zh: '每个整改项最多 {max} 条预算',
  },
  too_many_products: { en: 'at most {max} products per item', zh: '每个整改项最多 {max} 个产品' },
  start_after_due: {
    en: 'the start date {start} is after the due date {due}',
    zh: '计划开始日期 {start} 晚于计划完成日期 {due}',
  },
  invalid: { en: 'the rectification plan cannot be saved so', zh: '整改方案无法按此保存' },
} as const satisfies WordTable;

/** 措施类型 (area `measure_kind`). */
export const MEASURE_KIND = {
  technical: { zh: '技术措施', en: 'Technical' },
  management: { zh: '管理措施', en: 'Management' },
} as const satisfies WordTable;

/** 产品资质 (area `certification_kind`). */
export const CERTIFICATION_KIND = {
  sales_licence: {
    zh: '计算机信息系统安全专用产品销售许可证',
    en: 'Sales licence for computer-information-system security products',
  },
  security_certification: {
    zh: '网络关键设备和网络安全专用产品安全认证/检测',
    en: 'Security certification or test of network-critical equipment and security products',
  },
  commercial_crypto: {
    zh: '商用密码产品认证证书',
    en: 'Commercial cryptography product certificate',
  },
  other: { zh: '其他', en: 'Other' },
} as const satisfies WordTable;
