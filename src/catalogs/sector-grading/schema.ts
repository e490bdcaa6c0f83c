/**
 * Zod schema of the sector grading guides (guides.yaml): rules of sector regulators that set a
 * floor under the MLPS level of certain systems (e.g. the health sector's core systems of
 * tertiary hospitals at level 3 or above). Each guide asks the user one yes/no question, names
 * the recommended minimum level and cites its public source; `status` says whether we read the
 * rule in the source's text (confirmed) or only in public restatements of it (unverified).
 */
import { z } from 'zod';
import { CATALOG_METADATA_FIELDS } from '../catalog-metadata';
import { IsoDateSchema } from '../knowledge-base.schema';

const text = z.string().trim().min(1, 'must not be empty');
const bilingual = z.strictObject({ zh: text, en: text });

/** Where a guide's rule comes from: the instrument, its issuer, number, date and URL. */
export const SectorGuideSourceSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a lower-case ASCII id'),
  instrumentZh: text,
  instrumentEn: text,
  issuerZh: text,
  issuerEn: text,
  /** Document number, e.g. 卫办发〔2011〕85号. */
  documentNumber: text.nullable(),
  /** Article or section where the rule is; null where it was not seen. */
  provisionZh: text.nullable(),
  provisionEn: text.nullable(),
  issuedOn: IsoDateSchema,
  url: z.url({ message: 'must be an absolute URL' }).nullable(),
  /** How we know what it says (which public copies were read). */
  note: text,
  /** `rule`: where the floor comes from; `related`: a later or companion instrument on grading. */
  relation: z.enum(['rule', 'related']),
});

export const SECTOR_GUIDE_STATUSES = ['confirmed', 'unverified'] as const;

export const SectorGradingGuideSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'must be a lower-case ASCII id'),
  /**
   * The sector, by its 行业类别 code on the filing form (a string, e.g. "45"), with names and the
   * words that recognise it in an organisation's free-text sector where no code was chosen.
   */
  sector: z.strictObject({
    code: z.string().regex(/^\d{1,3}$/, 'must be a 行业类别 code such as "45"'),
    zh: text,
    en: text,
    keywords: z.array(text).min(1),
  }),
  /** The yes/no question the wizard asks; "yes" means the guide applies to the system. */
  question: bilingual,
  recommendedMinimum: z.number().int().min(2).max(5),
  /** The rule in our words (never the legal text). */
  rule: bilingual,
  sources: z.array(SectorGuideSourceSchema).min(1),
  effectiveFrom: IsoDateSchema,
  effectiveTo: IsoDateSchema.nullable(),
  status: z.enum(SECTOR_GUIDE_STATUSES),
});

export const SectorGradingFileSchema = z.strictObject({
  ...CATALOG_METADATA_FIELDS,
  guides: z.array(SectorGradingGuideSchema),
});

export type SectorGuideSource = z.infer<typeof SectorGuideSourceSchema>;
export type SectorGradingGuide = z.infer<typeof SectorGradingGuideSchema>;
export type SectorGradingFile = z.infer<typeof SectorGradingFileSchema>;
