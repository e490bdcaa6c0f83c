/**
 * Zod schema for the China holiday calendar (src/catalogs/calendar/cn-holidays.yaml): one entry
 * per year transcribed from the State Council General Office's annual notice, with the notice's
 * number, dates and www.gov.cn URL. Cross-record checks (consecutive years, spans, weekends,
 * overlaps, the next-year search record) live in holiday-calendar.ts.
 */
import { z } from 'zod';
import { CHINA_FESTIVALS } from '../domain/calendar/china-holidays';
import { CATALOG_METADATA_FIELDS } from './catalog-metadata';
import { IsoDateSchema } from './knowledge-base.schema';

const text = z.string().trim().min(1, 'must not be empty');

/** A notice of the State Council General Office, e.g. 国办发明电〔2025〕7号. */
export const HolidayNoticeSchema = z.strictObject({
  titleZh: text,
  documentNo: z
    .string()
    .regex(/^国办发明电〔\d{4}〕\d+号$/, 'must be a document number like 国办发明电〔2025〕7号'),
  dated: IsoDateSchema,
  published: IsoDateSchema,
  url: z
    .url({ message: 'must be an absolute URL' })
    .regex(/^https:\/\/www\.gov\.cn\//, 'must be the notice on https://www.gov.cn/'),
});

export const HolidayPeriodSchema = z.strictObject({
  festivals: z.array(z.enum(CHINA_FESTIVALS)).min(1).max(2),
  nameZh: text,
  nameEn: text,
  firstDay: IsoDateSchema,
  lastDay: IsoDateSchema,
  days: z.number().int().min(1).max(10),
  adjustedWorkdays: z.array(IsoDateSchema),
  note: text.optional(),
});

export const HolidayYearSchema = z.strictObject({
  year: z.number().int().min(1999).max(2999),
  notice: HolidayNoticeSchema,
  amendments: z.array(HolidayNoticeSchema),
  periods: z.array(HolidayPeriodSchema).min(1),
});

export const NextYearCheckSchema = z.strictObject({
  year: z.number().int(),
  checkedOn: IsoDateSchema,
  result: z.literal('not-published'),
  note: text,
});

/** The whole file. */
export const HolidayCalendarFileSchema = z.strictObject({
  ...CATALOG_METADATA_FIELDS,
  nextYearCheck: NextYearCheckSchema.nullable().optional(),
  years: z.array(HolidayYearSchema).min(1),
});
export type HolidayCalendarFile = z.infer<typeof HolidayCalendarFileSchema>;
