/**
 * Mainland China statutory holidays (放假) and adjusted working weekend days (调休上班): the shape
 * of the data. The data itself is catalog data (src/catalogs/calendar/cn-holidays.yaml, validated
 * by src/catalogs/holiday-calendar.ts) and reaches the pure functions here as an argument.
 *
 * Every year comes from the State Council General Office's annual notice
 * 国务院办公厅关于 YYYY 年部分节假日安排的通知 (and, where one was issued, the later notice
 * amending it). A new year must be added only from its published notice: the schedule is set by
 * decree each year and cannot be derived from the lunar calendar.
 */

import type { IsoDate } from './working-days';

/** Festival keys, so callers can find a period without parsing Chinese names. */
export const CHINA_FESTIVALS = [
  'new-year',
  'spring-festival',
  'qingming',
  'labour-day',
  'dragon-boat',
  'mid-autumn',
  'national-day',
] as const;
export type ChinaFestival = (typeof CHINA_FESTIVALS)[number];

/** A State Council General Office notice (国办发明电). */
export interface HolidayNotice {
  /** Full title in Chinese. */
  readonly titleZh: string;
  /** Document number, e.g. 国办发明电〔2024〕12号. */
  readonly documentNo: string;
  /** Date the notice bears (成文日期). */
  readonly dated: IsoDate;
  /** Date it was made public (gov.cn / Xinhua release). */
  readonly published: IsoDate;
  /** The notice on www.gov.cn. */
  readonly url: string;
}

/** One holiday period as announced: a contiguous run of days off. */
export interface HolidayPeriod {
  /** Which festivals the period covers (two when they are merged, e.g. National Day + Mid-Autumn). */
  readonly festivals: readonly ChinaFestival[];
  /** Name as written in the notice. */
  readonly nameZh: string;
  readonly nameEn: string;
  /** First day off (inclusive). May fall in the previous year for New Year's Day. */
  readonly firstDay: IsoDate;
  /** Last day off (inclusive). */
  readonly lastDay: IsoDate;
  /**
   * Length of the period in days, as the notice states it (共N天); 1 where the notice names a
   * single day that merely joins an ordinary weekend (与周末连休). Always equals the span
   * firstDay..lastDay; kept as data so the validator can check the transcription.
   */
  readonly days: number;
  /** Weekend days that are working days to make up for this period (调休上班). */
  readonly adjustedWorkdays: readonly IsoDate[];
  /** Anything a reader of the data should know (amendments, non-statutory encouragements). */
  readonly note?: string | undefined;
}

/** The full arrangement for one calendar year. */
export interface ChinaHolidayYear {
  readonly year: number;
  /** The annual notice. */
  readonly notice: HolidayNotice;
  /** Later notices that changed the annual one; the periods below already reflect them. */
  readonly amendments: readonly HolidayNotice[];
  readonly periods: readonly HolidayPeriod[];
}

/** The latest search for the next year's notice, while that year is not in the data. */
export interface NextYearCheck {
  readonly year: number;
  /** When someone last looked for the notice. */
  readonly checkedOn: IsoDate;
  readonly result: 'not-published';
  readonly note: string;
}

/** The holiday data as the catalog ships it: consecutive years, ascending. */
export interface HolidayCalendarData {
  /** Human version of the data (see the catalog's changelog). */
  readonly version: string;
  readonly years: readonly ChinaHolidayYear[];
  readonly nextYearCheck?: NextYearCheck | null | undefined;
}
