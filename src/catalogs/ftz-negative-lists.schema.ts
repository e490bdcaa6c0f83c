/**
 * Zod schema of the free-trade-zone data-export negative lists
 * (src/catalogs/ftz-negative-lists/lists.yaml): which list exists, for which zone, issued by whom,
 * in effect from when, the sectors it names, where it was read and how sure we are. The lists'
 * data items are not encoded. Cross-record checks (ids unique, dates ordered, sectors in both
 * languages) live in ftz-negative-lists.ts.
 */
import { z } from 'zod';
import { CATALOG_METADATA_FIELDS } from './catalog-metadata';
import { IsoDateSchema, VerificationSchema } from './knowledge-base.schema';

const text = z.string().trim().min(1, 'must not be empty').max(600, 'is limited to 600 characters');
const han = text.refine((value) => /\p{Script=Han}/u.test(value), 'must be written in Chinese');

/** A list id: zone and edition year, e.g. `tianjin-2024`. */
export const FtzListIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*-\d{4}$/, 'must be an id such as tianjin-2024');

export const FtzNegativeListSchema = z.strictObject({
  id: FtzListIdSchema,
  titleZh: han,
  titleEn: text,
  zoneZh: han,
  zoneEn: text,
  issuerZh: han,
  issuerEn: text,
  /** Date on the issuing notice, or the first report of it (see the file's header). */
  publishedOn: IsoDateSchema,
  /** First day a processor in the zone may rely on the list (inclusive). */
  effectiveFrom: IsoDateSchema,
  /** Last day (inclusive) before a new edition replaced it; null: still in effect. */
  effectiveTo: IsoDateSchema.nullable(),
  /** Sectors / data categories the list names (as far as read); empty when not read. */
  sectorsZh: z.array(han).max(50),
  sectorsEn: z.array(text).max(50),
  sourceUrl: z.string().trim().url('must be a URL').max(500),
  /** Whether sourceUrl is an official (government) page. */
  sourceOfficial: z.boolean(),
  sourceNote: text,
  verification: VerificationSchema,
});
export type FtzNegativeListRecord = z.infer<typeof FtzNegativeListSchema>;

export const FtzNegativeListsFileSchema = z.strictObject({
  ...CATALOG_METADATA_FIELDS,
  lists: z.array(FtzNegativeListSchema).min(1).max(100),
});
export type FtzNegativeListsFile = z.infer<typeof FtzNegativeListsFileSchema>;
