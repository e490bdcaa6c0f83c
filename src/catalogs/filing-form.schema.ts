/**
 * Zod schema of the filing form's option lists (src/catalogs/filing-form/options.yaml): per list
 * its label, where it is on the form, the profile field that holds the answer, whether several
 * options may be ticked, whether it was checked against a copy of the form, its sources and the
 * options with the form's codes. Cross-record checks (every list present, codes unique, exactly
 * one 其他, sources known) live in filing-form.ts.
 */
import { z } from 'zod';
import { FILING_OPTION_LIST_IDS, FILING_OPTION_LIST_STATUS } from '../shared/filing-profile';
import { CATALOG_METADATA_FIELDS } from './catalog-metadata';
import { IsoDateSchema } from './knowledge-base.schema';

const text = z.string().trim().min(1, 'must not be empty').max(400, 'is limited to 400 characters');
const han = text.refine((value) => /\p{Script=Han}/u.test(value), 'must be written in Chinese');

export const FilingFormSourceEntrySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'must be a lower-case id such as gtz-2007-43'),
  titleZh: han,
  titleEn: text,
  url: z.url({ message: 'must be an absolute URL' }).optional(),
  dated: IsoDateSchema.optional(),
  noteZh: han.optional(),
  noteEn: text.optional(),
});

export const FilingFormOptionEntrySchema = z.strictObject({
  /** The number the form prints in front of the option. */
  code: z.string().regex(/^\d{1,3}$/, 'must be the digits the form prints, e.g. 45'),
  zh: han,
  en: text,
  other: z.literal(true).optional(),
  counted: z.literal(true).optional(),
});

export const FilingFormListEntrySchema = z.strictObject({
  label: z.strictObject({ zh: han, en: text }),
  formItem: z.string().regex(/^表[一二三四] \d{2}$/, 'must be where the question is, e.g. 表一 10'),
  field: z.string().regex(/^[a-zA-Z]+(\[\]\.[a-zA-Z]+)?$/, 'must be a filing-profile field'),
  multiple: z.boolean(),
  status: z.enum(FILING_OPTION_LIST_STATUS),
  noteZh: han.optional(),
  noteEn: text.optional(),
  sources: z.array(z.string()).min(1, 'give at least one source'),
  options: z.array(FilingFormOptionEntrySchema).min(2).max(60),
});

export const FilingFormOptionsFileSchema = z.strictObject({
  ...CATALOG_METADATA_FIELDS,
  edition: z.strictObject({
    year: z.number().int().min(2007).max(2100),
    titleZh: han,
    titleEn: text,
    issuedWith: z.string(),
    noteZh: han,
    noteEn: text,
  }),
  sources: z.array(FilingFormSourceEntrySchema).min(1),
  lists: z.strictObject(
    Object.fromEntries(FILING_OPTION_LIST_IDS.map((id) => [id, FilingFormListEntrySchema])) as {
      [K in (typeof FILING_OPTION_LIST_IDS)[number]]: typeof FilingFormListEntrySchema;
    },
  ),
});
export type FilingFormOptionsFile = z.infer<typeof FilingFormOptionsFileSchema>;
