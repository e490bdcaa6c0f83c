/**
 * China working-day calendar: statutory holidays and make-up working days from the State
 * Council's annual notices, and pure ISO-date arithmetic built on them.
 */

export {
  CHINA_CALENDAR_FIRST_YEAR,
  CHINA_CALENDAR_LAST_YEAR,
  CHINA_HOLIDAY_SCHEDULES,
  getChinaHolidayYear,
} from './china-holidays';
export type {
  ChinaFestival,
  ChinaHolidayYear,
  HolidayNotice,
  HolidayPeriod,
} from './china-holidays';
export {
  CalendarRangeError,
  addCalendarDays,
  addMonths,
  addWorkingDays,
  addYears,
  compareIsoDate,
  isCoveredDate,
  isIsoDate,
  isWorkingDay,
  workingDaysBetween,
} from './working-days';
export type { IsoDate } from './working-days';
