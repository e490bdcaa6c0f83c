/**
 * China working-day calendar: the shape of the State Council's annual holiday notices (the data
 * itself is catalog data, src/catalogs/calendar/cn-holidays.yaml) and pure ISO-date arithmetic.
 */

export { CHINA_FESTIVALS } from './china-holidays';
export type {
  ChinaFestival,
  ChinaHolidayYear,
  HolidayCalendarData,
  HolidayNotice,
  HolidayPeriod,
  NextYearCheck,
} from './china-holidays';
export {
  CalendarRangeError,
  addCalendarDays,
  addMonths,
  addYears,
  compareIsoDate,
  createWorkingDayCalendar,
  isIsoDate,
} from './working-days';
export type { IsoDate, WorkingDayCalendar } from './working-days';
