/**
 * Zod schema of the sensitive-information classifier (src/catalogs/pi-categories/categories.yaml):
 * a vocabulary of plain data categories (姓名, 人脸识别特征, 银行账户 …), each mapped to the PIPL
 * Art. 28 class that makes it sensitive personal information (or none), whether GB/T 35273-2020
 * Annex B lists it as 个人敏感信息 (a recommended standard: advisory), its citations into the
 * knowledge base and how sure we are. Cross-record checks (unique codes and labels, citations
 * consistent with the flags) live in pi-categories.ts.
 */
import { z } from 'zod';
import { DataCategoryCodeSchema } from '../shared/privacy-schemas';
import { CATALOG_METADATA_FIELDS } from './catalog-metadata';
import { CitationSchema, VerificationSchema, type Verification } from './knowledge-base.schema';

/**
 * The classes of sensitive personal information PIPL Art. 28 ¶1 names (生物识别、宗教信仰、特定身份、
 * 医疗健康、金融账户、行踪轨迹), plus `other` for what the article's open "等" covers by public
 * guidance (e.g. 性取向, 未公开的违法犯罪记录). Minors under 14 are the eighth case of the
 * article; they are a property of the data subjects, not of a category (see classifyActivity).
 */
export const PIPL_SENSITIVE_CLASSES = [
  'biometric',
  'religious_belief',
  'specific_identity',
  'medical_health',
  'financial_account',
  'whereabouts',
  'other',
] as const;
export type PiplSensitiveClass = (typeof PIPL_SENSITIVE_CLASSES)[number];

/** Labels of the Art. 28 classes, Chinese first. */
export const PIPL_SENSITIVE_CLASS_LABELS: Record<
  PiplSensitiveClass,
  { readonly zh: string; readonly en: string }
> = {
  biometric: { zh: '生物识别信息', en: 'Biometric information' },
  religious_belief: { zh: '宗教信仰信息', en: 'Religious belief' },
  specific_identity: { zh: '特定身份信息', en: 'Specific identity' },
  medical_health: { zh: '医疗健康信息', en: 'Medical and health information' },
  financial_account: { zh: '金融账户信息', en: 'Financial account information' },
  whereabouts: { zh: '行踪轨迹信息', en: 'Whereabouts and tracks' },
  other: {
    zh: '其他敏感个人信息（第二十八条“等”）',
    en: 'Other sensitive personal information (Art. 28 "etc.")',
  },
};

/** Groups the register shows the categories under. */
export const PI_CATEGORY_GROUPS = [
  'identity',
  'contact',
  'demographic',
  'biometric',
  'health',
  'financial',
  'location',
  'communication',
  'online',
  'device',
  'credentials',
  'employment',
  'education',
  'legal',
  'vehicle',
] as const;
export type PiCategoryGroup = (typeof PI_CATEGORY_GROUPS)[number];

const text = z.string().trim().min(1, 'must not be empty').max(600, 'is limited to 600 characters');
const han = text.refine((value) => /\p{Script=Han}/u.test(value), 'must be written in Chinese');

export const PiCategoryEntrySchema = z.strictObject({
  code: DataCategoryCodeSchema,
  labelZh: han,
  labelEn: text,
  group: z.enum(PI_CATEGORY_GROUPS),
  /** The PIPL Art. 28 class that makes the category sensitive; null: not sensitive by itself. */
  piplClass: z.enum(PIPL_SENSITIVE_CLASSES).nullable(),
  /** GB/T 35273-2020 Annex B (Table B.1) lists it as 个人敏感信息 (recommended standard). */
  gbt35273Sensitive: z.boolean(),
  /** Examples of what the category covers, Chinese. */
  examplesZh: han.optional(),
  citations: z.array(CitationSchema).min(1, 'give at least one citation'),
  verification: VerificationSchema,
  noteZh: han.optional(),
  noteEn: text.optional(),
});
export type PiCategoryEntry = z.infer<typeof PiCategoryEntrySchema>;

export const PiCategoriesFileSchema = z.strictObject({
  ...CATALOG_METADATA_FIELDS,
  categories: z.array(PiCategoryEntrySchema).min(1).max(500),
});
export type PiCategoriesFile = z.infer<typeof PiCategoriesFileSchema>;

/** One data category as the rest of dengbao uses it (validated, resolved). */
export interface PiCategory {
  readonly code: string;
  readonly labelZh: string;
  readonly labelEn: string;
  readonly group: PiCategoryGroup;
  readonly piplClass: PiplSensitiveClass | null;
  readonly gbt35273Sensitive: boolean;
  readonly examplesZh: string | null;
  readonly citations: readonly { readonly instrumentId: string; readonly provisionId?: string }[];
  readonly verification: Verification;
  readonly note: { readonly zh: string; readonly en: string } | null;
}
