/**
 * Zod schema of the penalty provisions (src/catalogs/penalties/penalties.yaml): per paragraph of
 * a penalty article, what it punishes (our words), the sanctions on the organisation and on the
 * directly responsible persons, the heavier tier (refusal to correct, serious circumstances),
 * the days the text was in force, and how sure we are. Cross-record checks (ids unique, amounts
 * ordered, dates ordered) live in penalties.ts.
 */
import { z } from 'zod';
import { CATALOG_METADATA_FIELDS } from './catalog-metadata';
import {
  InstrumentIdSchema,
  IsoDateSchema,
  ProvisionIdSchema,
  VerificationSchema,
} from './knowledge-base.schema';

const text = z.string().trim().min(1, 'must not be empty').max(600, 'is limited to 600 characters');
const han = text.refine((value) => /\p{Script=Han}/u.test(value), 'must be written in Chinese');
const yuan = z
  .number()
  .int('must be whole yuan')
  .min(0, 'must be 0 or more')
  .max(1_000_000_000, 'must be at most 1,000,000,000')
  .nullable();

/** Sanctions on the organisation (the processor) in one tier. */
export const OrganisationSanctionSchema = z.strictObject({
  warning: z.boolean(),
  /** 没收违法所得. */
  confiscation: z.boolean(),
  /** Lower bound of the fine in yuan; null: no lower bound ("…以下"). */
  fineMinCny: yuan,
  /** Upper bound in yuan; null: no fine in this tier. */
  fineMaxCny: yuan,
  /** "可以并处" — the authority may fine (true) rather than must (false). */
  fineOptional: z.boolean(),
  /** Alternative cap as a percentage of the previous year's turnover (PIPL Art. 66 ¶2). */
  turnoverPercentMax: z.number().min(0).max(100).nullable(),
  otherMeasuresZh: han.optional(),
  otherMeasuresEn: text.optional(),
});
export type OrganisationSanction = z.infer<typeof OrganisationSanctionSchema>;

/** Sanctions on the directly responsible managers and other directly responsible persons. */
export const IndividualSanctionSchema = z.strictObject({
  fineMinCny: yuan,
  fineMaxCny: yuan,
  fineOptional: z.boolean(),
  /** A ban from posts (PIPL Art. 66 ¶2), Chinese. */
  banZh: han.optional(),
  banEn: text.optional(),
});
export type IndividualSanction = z.infer<typeof IndividualSanctionSchema>;

export const PenaltyTierSchema = z.strictObject({
  conditionZh: han,
  conditionEn: text,
  organisation: OrganisationSanctionSchema,
  individual: IndividualSanctionSchema.nullable(),
});

export const PenaltyEntrySchema = z.strictObject({
  /** e.g. pipl-66-1 (law, article, paragraph) or nds-55 (a one-paragraph article). */
  id: z
    .string()
    .regex(/^[a-z][a-z0-9]*(-[0-9]{4})?-\d{1,3}(-\d{1,2})?$/, 'must be an id such as pipl-66-1'),
  instrumentId: InstrumentIdSchema,
  provisionId: ProvisionIdSchema,
  /** Paragraph (款) of the article, when the entry is one paragraph of it. */
  paragraph: z.number().int().min(1).max(20).nullable(),
  titleZh: han,
  titleEn: text,
  inForceFrom: IsoDateSchema,
  inForceTo: IsoDateSchema.nullable(),
  /** Who imposes it (our words). */
  authorityZh: han,
  authorityEn: text,
  triggerZh: han,
  triggerEn: text,
  /** The first tier: what the article imposes on the finding itself. */
  organisation: OrganisationSanctionSchema,
  individual: IndividualSanctionSchema.nullable(),
  /** The heavier tier of the same paragraph (拒不改正 / 情节严重 / 造成严重后果), if any. */
  escalated: PenaltyTierSchema.nullable(),
  tierNoteZh: han.optional(),
  tierNoteEn: text.optional(),
  verification: VerificationSchema,
});
export type PenaltyEntryRecord = z.infer<typeof PenaltyEntrySchema>;

export const PenaltiesFileSchema = z.strictObject({
  ...CATALOG_METADATA_FIELDS,
  penalties: z.array(PenaltyEntrySchema).min(1).max(200),
});
export type PenaltiesFile = z.infer<typeof PenaltiesFileSchema>;
