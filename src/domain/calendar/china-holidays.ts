/**
 * Mainland China statutory holidays (放假) and adjusted working weekend days (调休上班), as data.
 *
 * Every year is transcribed from the State Council General Office's annual notice
 * 国务院办公厅关于 YYYY 年部分节假日安排的通知 (and, where one was issued, the later notice
 * amending it). The data records the arrangement as finally in force nationally; regional
 * extensions (e.g. some provinces extending the 2020 Spring Festival further) are not included.
 *
 * A new year must be added only from its published notice: the schedule is set by decree each
 * year and cannot be derived from the lunar calendar.
 */

import type { IsoDate } from './working-days';

/** First calendar year covered by {@link CHINA_HOLIDAY_SCHEDULES}. */
export const CHINA_CALENDAR_FIRST_YEAR = 2019;

/**
 * Last calendar year covered. The 2027 notice is not included: it could not be found and
 * confirmed when this data was compiled (2026-11-27).
 */
export const CHINA_CALENDAR_LAST_YEAR = 2026;

/** Festival keys, so callers can find a period without parsing Chinese names. */
export type ChinaFestival =
  | 'new-year'
  | 'spring-festival'
  | 'qingming'
  | 'labour-day'
  | 'dragon-boat'
  | 'mid-autumn'
  | 'national-day';

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
   * firstDay..lastDay; kept as data so tests can check the transcription.
   */
  readonly days: number;
  /** Weekend days that are working days to make up for this period (调休上班). */
  readonly adjustedWorkdays: readonly IsoDate[];
  /** Anything a reader of the data should know (amendments, non-statutory encouragements). */
  readonly note?: string;
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

const NEW_YEAR = { festivals: ['new-year'], nameZh: '元旦', nameEn: "New Year's Day" } as const;
const SPRING = {
  festivals: ['spring-festival'],
  nameZh: '春节',
  nameEn: 'Spring Festival',
} as const;
const QINGMING = {
  festivals: ['qingming'],
  nameZh: '清明节',
  nameEn: 'Qingming Festival',
} as const;
const LABOUR = { festivals: ['labour-day'], nameZh: '劳动节', nameEn: 'Labour Day' } as const;
const DRAGON_BOAT = {
  festivals: ['dragon-boat'],
  nameZh: '端午节',
  nameEn: 'Dragon Boat Festival',
} as const;
const MID_AUTUMN = {
  festivals: ['mid-autumn'],
  nameZh: '中秋节',
  nameEn: 'Mid-Autumn Festival',
} as const;
const NATIONAL_DAY = {
  festivals: ['national-day'],
  nameZh: '国庆节',
  nameEn: 'National Day',
} as const;

function annualNotice(
  year: number,
  documentNo: string,
  dated: IsoDate,
  published: IsoDate = dated,
): HolidayNotice {
  return { titleZh: `国务院办公厅关于${year}年部分节假日安排的通知`, documentNo, dated, published };
}

/**
 * Holiday arrangements 2019–2026, one entry per year, in ascending order.
 * Sources are cited per year; see {@link ChinaHolidayYear.notice}.
 */
export const CHINA_HOLIDAY_SCHEDULES: readonly ChinaHolidayYear[] = [
  {
    year: 2019,
    // Dated 2018-12-04, released on gov.cn 2018-12-06.
    notice: annualNotice(2019, '国办发明电〔2018〕15号', '2018-12-04', '2018-12-06'),
    amendments: [
      {
        titleZh: '国务院办公厅关于调整2019年劳动节假期安排的通知',
        documentNo: '国办发明电〔2019〕3号',
        dated: '2019-03-22',
        published: '2019-03-22',
      },
    ],
    periods: [
      {
        ...NEW_YEAR,
        firstDay: '2018-12-30',
        lastDay: '2019-01-01',
        days: 3,
        adjustedWorkdays: ['2018-12-29'],
      },
      {
        ...SPRING,
        firstDay: '2019-02-04',
        lastDay: '2019-02-10',
        days: 7,
        adjustedWorkdays: ['2019-02-02', '2019-02-03'],
      },
      {
        ...QINGMING,
        firstDay: '2019-04-05',
        lastDay: '2019-04-05',
        days: 1,
        adjustedWorkdays: [],
        note: '与周末连休 (joins the weekend)',
      },
      {
        ...LABOUR,
        firstDay: '2019-05-01',
        lastDay: '2019-05-04',
        days: 4,
        adjustedWorkdays: ['2019-04-28', '2019-05-05'],
        note: 'As amended by 国办发明电〔2019〕3号; the annual notice had 5月1日 only.',
      },
      {
        ...DRAGON_BOAT,
        firstDay: '2019-06-07',
        lastDay: '2019-06-07',
        days: 1,
        adjustedWorkdays: [],
        note: '与周末连休 (joins the weekend)',
      },
      {
        ...MID_AUTUMN,
        firstDay: '2019-09-13',
        lastDay: '2019-09-13',
        days: 1,
        adjustedWorkdays: [],
        note: '与周末连休 (joins the weekend)',
      },
      {
        ...NATIONAL_DAY,
        firstDay: '2019-10-01',
        lastDay: '2019-10-07',
        days: 7,
        adjustedWorkdays: ['2019-09-29', '2019-10-12'],
      },
    ],
  },
  {
    year: 2020,
    notice: annualNotice(2020, '国办发明电〔2019〕16号', '2019-11-21'),
    amendments: [
      {
        titleZh: '国务院办公厅关于延长2020年春节假期的通知',
        documentNo: '国办发明电〔2020〕1号',
        dated: '2020-01-26',
        published: '2020-01-27',
      },
    ],
    periods: [
      { ...NEW_YEAR, firstDay: '2020-01-01', lastDay: '2020-01-01', days: 1, adjustedWorkdays: [] },
      {
        ...SPRING,
        firstDay: '2020-01-24',
        lastDay: '2020-02-02',
        days: 10,
        // The extension swallowed the 2020-02-01 (Saturday) make-up day of the annual notice.
        adjustedWorkdays: ['2020-01-19'],
        note:
          'Extended to 2月2日 (COVID-19) by 国办发明电〔2020〕1号; the annual notice had ' +
          '1月24日至30日 (7 days) with 1月19日 and 2月1日 as working days. Work resumed 2月3日.',
      },
      {
        ...QINGMING,
        firstDay: '2020-04-04',
        lastDay: '2020-04-06',
        days: 3,
        adjustedWorkdays: [],
      },
      {
        ...LABOUR,
        firstDay: '2020-05-01',
        lastDay: '2020-05-05',
        days: 5,
        adjustedWorkdays: ['2020-04-26', '2020-05-09'],
      },
      {
        ...DRAGON_BOAT,
        firstDay: '2020-06-25',
        lastDay: '2020-06-27',
        days: 3,
        adjustedWorkdays: ['2020-06-28'],
      },
      {
        festivals: ['national-day', 'mid-autumn'],
        nameZh: '国庆节、中秋节',
        nameEn: 'National Day and Mid-Autumn Festival',
        firstDay: '2020-10-01',
        lastDay: '2020-10-08',
        days: 8,
        adjustedWorkdays: ['2020-09-27', '2020-10-10'],
      },
    ],
  },
  {
    year: 2021,
    notice: annualNotice(2021, '国办发明电〔2020〕27号', '2020-11-25'),
    amendments: [],
    periods: [
      { ...NEW_YEAR, firstDay: '2021-01-01', lastDay: '2021-01-03', days: 3, adjustedWorkdays: [] },
      {
        ...SPRING,
        firstDay: '2021-02-11',
        lastDay: '2021-02-17',
        days: 7,
        adjustedWorkdays: ['2021-02-07', '2021-02-20'],
      },
      {
        ...QINGMING,
        firstDay: '2021-04-03',
        lastDay: '2021-04-05',
        days: 3,
        adjustedWorkdays: [],
      },
      {
        ...LABOUR,
        firstDay: '2021-05-01',
        lastDay: '2021-05-05',
        days: 5,
        adjustedWorkdays: ['2021-04-25', '2021-05-08'],
      },
      {
        ...DRAGON_BOAT,
        firstDay: '2021-06-12',
        lastDay: '2021-06-14',
        days: 3,
        adjustedWorkdays: [],
      },
      {
        ...MID_AUTUMN,
        firstDay: '2021-09-19',
        lastDay: '2021-09-21',
        days: 3,
        adjustedWorkdays: ['2021-09-18'],
      },
      {
        ...NATIONAL_DAY,
        firstDay: '2021-10-01',
        lastDay: '2021-10-07',
        days: 7,
        adjustedWorkdays: ['2021-09-26', '2021-10-09'],
      },
    ],
  },
  {
    year: 2022,
    notice: annualNotice(2022, '国办发明电〔2021〕11号', '2021-10-25'),
    amendments: [],
    periods: [
      { ...NEW_YEAR, firstDay: '2022-01-01', lastDay: '2022-01-03', days: 3, adjustedWorkdays: [] },
      {
        ...SPRING,
        firstDay: '2022-01-31',
        lastDay: '2022-02-06',
        days: 7,
        adjustedWorkdays: ['2022-01-29', '2022-01-30'],
      },
      {
        ...QINGMING,
        firstDay: '2022-04-03',
        lastDay: '2022-04-05',
        days: 3,
        adjustedWorkdays: ['2022-04-02'],
      },
      {
        ...LABOUR,
        firstDay: '2022-04-30',
        lastDay: '2022-05-04',
        days: 5,
        adjustedWorkdays: ['2022-04-24', '2022-05-07'],
      },
      {
        ...DRAGON_BOAT,
        firstDay: '2022-06-03',
        lastDay: '2022-06-05',
        days: 3,
        adjustedWorkdays: [],
      },
      {
        ...MID_AUTUMN,
        firstDay: '2022-09-10',
        lastDay: '2022-09-12',
        days: 3,
        adjustedWorkdays: [],
      },
      {
        ...NATIONAL_DAY,
        firstDay: '2022-10-01',
        lastDay: '2022-10-07',
        days: 7,
        adjustedWorkdays: ['2022-10-08', '2022-10-09'],
      },
    ],
  },
  {
    year: 2023,
    notice: annualNotice(2023, '国办发明电〔2022〕16号', '2022-12-08'),
    amendments: [],
    periods: [
      {
        ...NEW_YEAR,
        firstDay: '2022-12-31',
        lastDay: '2023-01-02',
        days: 3,
        adjustedWorkdays: [],
      },
      {
        ...SPRING,
        firstDay: '2023-01-21',
        lastDay: '2023-01-27',
        days: 7,
        adjustedWorkdays: ['2023-01-28', '2023-01-29'],
      },
      {
        ...QINGMING,
        firstDay: '2023-04-05',
        lastDay: '2023-04-05',
        days: 1,
        adjustedWorkdays: [],
      },
      {
        ...LABOUR,
        firstDay: '2023-04-29',
        lastDay: '2023-05-03',
        days: 5,
        adjustedWorkdays: ['2023-04-23', '2023-05-06'],
      },
      {
        ...DRAGON_BOAT,
        firstDay: '2023-06-22',
        lastDay: '2023-06-24',
        days: 3,
        adjustedWorkdays: ['2023-06-25'],
      },
      {
        festivals: ['mid-autumn', 'national-day'],
        nameZh: '中秋节、国庆节',
        nameEn: 'Mid-Autumn Festival and National Day',
        firstDay: '2023-09-29',
        lastDay: '2023-10-06',
        days: 8,
        adjustedWorkdays: ['2023-10-07', '2023-10-08'],
      },
    ],
  },
  {
    year: 2024,
    notice: annualNotice(2024, '国办发明电〔2023〕7号', '2023-10-25'),
    amendments: [],
    periods: [
      {
        ...NEW_YEAR,
        firstDay: '2024-01-01',
        lastDay: '2024-01-01',
        days: 1,
        adjustedWorkdays: [],
        note: '与周末连休 (joins the weekend)',
      },
      {
        ...SPRING,
        firstDay: '2024-02-10',
        lastDay: '2024-02-17',
        days: 8,
        adjustedWorkdays: ['2024-02-04', '2024-02-18'],
        // Only an encouragement: 除夕 stays a statutory working day.
        note: 'Employers were encouraged (not required) to let staff rest on 除夕, 2024-02-09.',
      },
      {
        ...QINGMING,
        firstDay: '2024-04-04',
        lastDay: '2024-04-06',
        days: 3,
        adjustedWorkdays: ['2024-04-07'],
      },
      {
        ...LABOUR,
        firstDay: '2024-05-01',
        lastDay: '2024-05-05',
        days: 5,
        adjustedWorkdays: ['2024-04-28', '2024-05-11'],
      },
      {
        ...DRAGON_BOAT,
        firstDay: '2024-06-10',
        lastDay: '2024-06-10',
        days: 1,
        adjustedWorkdays: [],
        note: '与周末连休 (joins the weekend)',
      },
      {
        ...MID_AUTUMN,
        firstDay: '2024-09-15',
        lastDay: '2024-09-17',
        days: 3,
        adjustedWorkdays: ['2024-09-14'],
      },
      {
        ...NATIONAL_DAY,
        firstDay: '2024-10-01',
        lastDay: '2024-10-07',
        days: 7,
        adjustedWorkdays: ['2024-09-29', '2024-10-12'],
      },
    ],
  },
  {
    year: 2025,
    // First year under the 2024-11 revision of 全国年节及纪念日放假办法 (in force 2025-01-01):
    // Spring Festival and Labour Day each gain one statutory day (11 -> 13 days a year).
    notice: annualNotice(2025, '国办发明电〔2024〕12号', '2024-11-12'),
    amendments: [],
    periods: [
      {
        ...NEW_YEAR,
        firstDay: '2025-01-01',
        lastDay: '2025-01-01',
        days: 1,
        adjustedWorkdays: [],
        note: '不调休 (no make-up day)',
      },
      {
        ...SPRING,
        firstDay: '2025-01-28',
        lastDay: '2025-02-04',
        days: 8,
        adjustedWorkdays: ['2025-01-26', '2025-02-08'],
      },
      {
        ...QINGMING,
        firstDay: '2025-04-04',
        lastDay: '2025-04-06',
        days: 3,
        adjustedWorkdays: [],
      },
      {
        ...LABOUR,
        firstDay: '2025-05-01',
        lastDay: '2025-05-05',
        days: 5,
        adjustedWorkdays: ['2025-04-27'],
      },
      {
        ...DRAGON_BOAT,
        firstDay: '2025-05-31',
        lastDay: '2025-06-02',
        days: 3,
        adjustedWorkdays: [],
      },
      {
        festivals: ['national-day', 'mid-autumn'],
        nameZh: '国庆节、中秋节',
        nameEn: 'National Day and Mid-Autumn Festival',
        firstDay: '2025-10-01',
        lastDay: '2025-10-08',
        days: 8,
        adjustedWorkdays: ['2025-09-28', '2025-10-11'],
      },
    ],
  },
  {
    year: 2026,
    notice: annualNotice(2026, '国办发明电〔2025〕7号', '2025-11-04'),
    amendments: [],
    periods: [
      {
        ...NEW_YEAR,
        firstDay: '2026-01-01',
        lastDay: '2026-01-03',
        days: 3,
        adjustedWorkdays: ['2026-01-04'],
      },
      {
        ...SPRING,
        firstDay: '2026-02-15',
        lastDay: '2026-02-23',
        days: 9,
        adjustedWorkdays: ['2026-02-14', '2026-02-28'],
      },
      {
        ...QINGMING,
        firstDay: '2026-04-04',
        lastDay: '2026-04-06',
        days: 3,
        adjustedWorkdays: [],
      },
      {
        ...LABOUR,
        firstDay: '2026-05-01',
        lastDay: '2026-05-05',
        days: 5,
        adjustedWorkdays: ['2026-05-09'],
      },
      {
        ...DRAGON_BOAT,
        firstDay: '2026-06-19',
        lastDay: '2026-06-21',
        days: 3,
        adjustedWorkdays: [],
      },
      {
        ...MID_AUTUMN,
        firstDay: '2026-09-25',
        lastDay: '2026-09-27',
        days: 3,
        adjustedWorkdays: [],
      },
      {
        ...NATIONAL_DAY,
        firstDay: '2026-10-01',
        lastDay: '2026-10-07',
        days: 7,
        adjustedWorkdays: ['2026-09-20', '2026-10-10'],
      },
    ],
  },
];

/** The arrangement for `year`, or undefined when that year is not covered. */
export function getChinaHolidayYear(year: number): ChinaHolidayYear | undefined {
  return CHINA_HOLIDAY_SCHEDULES.find((y) => y.year === year);
}
