/**
 * Messages of the personal-information register's wire schemas (src/shared/privacy-schemas.ts),
 * so a zod problem reads in Chinese on the server's answers and in the web forms, which check the
 * same schemas before sending.
 */
import type { WordTable } from './types';

/** Messages of the register's fields (area `privacy_schema`). */
export const PRIVACY_SCHEMA = {
  not_empty: { en: 'must not be empty', zh: '不能为空' },
  whole_number: { en: 'must be a whole number', zh: '应为整数' },
  zero_or_more: { en: 'must be 0 or more', zh: '应为 0 或正整数' },
  local_code: {
    en: 'must be 1–40 letters, digits, ".", "_" or "-"',
    zh: '应为 1–40 个字母、数字或“.”“_”“-”',
  },
  category_code: {
    en: 'must be a data category code such as face_features',
    zh: '应为个人信息类别代码，例如 face_features',
  },
  country_code: {
    en: 'must be an ISO 3166-1 alpha-2 code such as US, DE, HK',
    zh: '应为 ISO 3166-1 两位字母国家或地区代码，例如 US、DE、HK',
  },
  legal_basis_required: {
    en: 'name at least one legal basis (PIPL Art. 13)',
    zh: '至少选择一项合法性基础（《个人信息保护法》第十三条）',
  },
  category_required: {
    en: 'name at least one data category',
    zh: '至少选择一个个人信息类别',
  },
  subject_required: {
    en: 'name at least one kind of data subject',
    zh: '至少选择一类个人信息主体',
  },
} as const satisfies WordTable;
