/**
 * Zod schema of the app necessary-information catalog (src/catalogs/app-necessary-pi/types.yaml):
 * the items the 2021 rules name as necessary, the 39 common app types with their basic function
 * and necessary items, the requirements an app check flags with the provisions they rest on, and
 * the enforcement practice the exposure describes. Cross-record checks (ids unique, references
 * resolve, categories exist, citations match the APP_RULES constants) live in app-necessary-pi.ts.
 */
import { z } from 'zod';
import { CATALOG_METADATA_FIELDS } from './catalog-metadata';
import { VerificationSchema } from './knowledge-base.schema';

const text = z.string().trim().min(1, 'must not be empty').max(600, 'is limited to 600 characters');
const han = text.refine((value) => /\p{Script=Han}/u.test(value), 'must be written in Chinese');
const id = z
  .string()
  .regex(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/, 'must be a snake_case id such as ride_hailing');

export const AppPiItemSchema = z.strictObject({
  id,
  nameZh: han,
  nameEn: text,
  /** Data category of src/catalogs/pi-categories; null where none fits. */
  piCategory: z.string().min(1).nullable(),
});
export type AppPiItem = z.infer<typeof AppPiItemSchema>;

export const AppTypeItemSchema = z.strictObject({
  item: id,
  /** When the item is necessary only for part of the basic function. */
  conditionZh: han.optional(),
  conditionEn: text.optional(),
});

export const AppTypeSchema = z.strictObject({
  id,
  /** Position in Art. 5: (一) = 1 … (三十九) = 39. */
  number: z.number().int().min(1).max(39),
  nameZh: han,
  nameEn: text,
  basicFunctionZh: han,
  basicFunctionEn: text,
  /** The rules say the basic function needs no personal information at all. */
  noPersonalInformationNeeded: z.boolean(),
  items: z.array(AppTypeItemSchema).max(30),
  functionVerification: VerificationSchema,
  scopeVerification: VerificationSchema,
});
export type AppType = z.infer<typeof AppTypeSchema>;

const CitationSchema = z.strictObject({
  instrumentId: z.string().min(1),
  provisionId: z.string().min(1),
});

export const APP_REQUIREMENT_SEVERITIES = ['high', 'medium', 'low'] as const;

export const AppRequirementSchema = z.strictObject({
  id,
  severity: z.enum(APP_REQUIREMENT_SEVERITIES),
  titleZh: han,
  titleEn: text,
  descriptionZh: han,
  descriptionEn: text,
  citations: z.array(CitationSchema).min(1).max(10),
  verification: VerificationSchema,
});
export type AppRequirement = z.infer<typeof AppRequirementSchema>;

export const AppEnforcementSchema = z.strictObject({
  id,
  titleZh: han,
  titleEn: text,
  descriptionZh: han,
  descriptionEn: text,
  sourceUrl: z.string().trim().url('must be a URL').max(500),
  verification: VerificationSchema,
});
export type AppEnforcement = z.infer<typeof AppEnforcementSchema>;

export const AppNecessaryPiFileSchema = z.strictObject({
  ...CATALOG_METADATA_FIELDS,
  items: z.array(AppPiItemSchema).min(1).max(500),
  types: z.array(AppTypeSchema).min(1).max(39),
  requirements: z.array(AppRequirementSchema).min(1).max(100),
  enforcement: z.array(AppEnforcementSchema).max(20),
});
export type AppNecessaryPiFile = z.infer<typeof AppNecessaryPiFileSchema>;
