/**
 * Pure date arithmetic on ISO calendar dates and the mainland-China working-day calendar.
 *
 * Dates are plain 'YYYY-MM-DD' strings naming a calendar day, never an instant: there is no
 * clock and no time zone here. Internally days are counted in UTC so the host's zone and DST
 * can never shift a date.
 */

import type { ChinaHolidayYear, HolidayCalendarData } from './china-holidays';

/** An ISO 8601 calendar date, 'YYYY-MM-DD' (four-digit year, zero-padded month and day). */
export type IsoDate = string;

/**
 * Thrown by working-day functions for a date outside the years with holiday data. Falling back
 * to "weekends only" would silently miss holidays and make-up days, so we refuse instead. The
 * message names the date, its year and the years covered, in English ({@link message}) and
 * Chinese ({@link messageZh}).
 */
export class CalendarRangeError extends RangeError {
  override readonly name = 'CalendarRangeError';
  /** The date that fell outside the covered range. */
  readonly date: IsoDate;
  /** Its year. */
  readonly year: number;
  /** The covered range, first and last year inclusive. */
  readonly firstYear: number;
  readonly lastYear: number;
  /** The same explanation in Chinese, for users. */
  readonly messageZh: string;

  constructor(date: IsoDate, firstYear: number, lastYear: number) {
    const year = Number(date.slice(0, 4));
    super(
      `No China working-day calendar for ${year} (date ${date}): holiday data covers ` +
        `${firstYear}–${lastYear} only. Add the State Council General Office holiday notice for ` +
        `${year} to src/catalogs/calendar/cn-holidays.yaml to extend it.`,
    );
    this.date = date;
    this.year = year;
    this.firstYear = firstYear;
    this.lastYear = lastYear;
    this.messageZh =
      `无法按工作日计算：${date} 所在的 ${year} 年尚无国务院办公厅节假日安排数据` +
      `（现有数据覆盖 ${firstYear}–${lastYear} 年）。`;
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

interface Ymd {
  readonly y: number;
  readonly m: number; // 1-12
  readonly d: number;
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function parse(value: string): Ymd | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function format(y: number, m: number, d: number): IsoDate {
  // Arithmetic can leave the four-digit range; such a result is not an IsoDate.
  if (y < 0 || y > 9999) throw new RangeError(`Date out of range: year ${y}`);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

function parseOrThrow(value: IsoDate, label = 'date'): Ymd {
  const ymd = typeof value === 'string' ? parse(value) : null;
  if (!ymd) throw new TypeError(`Invalid ISO date for ${label}: ${JSON.stringify(value)}`);
  return ymd;
}

function assertInteger(n: number, label: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${label} must be an integer, got ${n}`);
}

/** Days since 1970-01-01 (UTC). setUTCFullYear avoids Date.UTC's 0-99 => 1900s quirk. */
function toDayNumber({ y, m, d }: Ymd): number {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return Math.round(t.getTime() / MS_PER_DAY);
}

function fromDayNumber(n: number): IsoDate {
  const t = new Date(n * MS_PER_DAY);
  return format(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/**
 * True when `value` is a string 'YYYY-MM-DD' naming a real calendar date (proleptic Gregorian,
 * years 0000–9999). Rejects '2025-1-1', '2025-02-30', timestamps and surrounding whitespace.
 */
export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && parse(value) !== null;
}

/**
 * Orders two dates: negative if `a` is earlier, 0 if equal, positive if later (-1/0/1).
 * Usable directly as an Array.prototype.sort comparator.
 * @throws TypeError if either is not a valid {@link IsoDate}.
 */
export function compareIsoDate(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  parseOrThrow(a, 'a');
  parseOrThrow(b, 'b');
  // Fixed-width, zero-padded strings sort chronologically.
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `date` plus `n` calendar days (n may be negative). Not limited to the covered years.
 * @throws TypeError on an invalid date; RangeError if n is not an integer.
 */
export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  const ymd = parseOrThrow(date);
  assertInteger(n, 'n');
  return fromDayNumber(toDayNumber(ymd) + n);
}

/**
 * `date` plus `n` months (n may be negative), clamping the day to the end of a shorter month:
 * 2025-01-31 + 1 month = 2025-02-28. Not limited to the covered years.
 * @throws TypeError on an invalid date; RangeError if n is not an integer.
 */
export function addMonths(date: IsoDate, n: number): IsoDate {
  const { y, m, d } = parseOrThrow(date);
  assertInteger(n, 'n');
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return format(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/**
 * `date` plus `n` years (n may be negative), clamping 29 February to the 28th in a common year:
 * 2024-02-29 + 1 year = 2025-02-28. Not limited to the covered years.
 * @throws TypeError on an invalid date; RangeError if n is not an integer.
 */
export function addYears(date: IsoDate, n: number): IsoDate {
  assertInteger(n, 'n');
  return addMonths(date, n * 12);
}

/**
 * The mainland-China working-day calendar over the years of `data`: statutory holiday periods
 * (放假) are days off, designated weekend days (调休上班) are working days, other days follow the
 * Monday–Friday week. Built from catalog data (the shipped data: shippedHolidayCalendar() in
 * src/catalogs/holiday-calendar.ts), so engines take it as an argument and stay pure.
 */
export interface WorkingDayCalendar {
  /** Version of the holiday data it was built from. */
  readonly version: string;
  /** First and last calendar year covered, inclusive. */
  readonly firstYear: number;
  readonly lastYear: number;
  readonly years: readonly ChinaHolidayYear[];
  /** The arrangement for `year`, or undefined when that year is not covered. */
  year(year: number): ChinaHolidayYear | undefined;
  /**
   * True when `date` falls in a covered year, i.e. the working-day functions will accept it.
   * @throws TypeError on an invalid date.
   */
  isCoveredDate(date: IsoDate): boolean;
  /**
   * Whether `date` is a working day in mainland China: Monday–Friday unless a statutory holiday
   * period (放假) covers it, plus the weekend days designated as working days (调休上班).
   *
   * Caveat: late December of the last covered year can still be changed by the next year's
   * notice (e.g. the 2019 notice made 2018-12-29 a working day and 2018-12-30/31 days off).
   *
   * @throws CalendarRangeError outside the covered years; TypeError on an invalid date.
   */
  isWorkingDay(date: IsoDate): boolean;
  /**
   * The date `n` working days after `date`.
   *
   * Convention (the usual "within N working days" reading): counting starts on the day after
   * `date`, and `date` itself never counts. So for n >= 1 the result is the n-th working day
   * strictly after `date` (Friday + 1 = the next Monday in an ordinary week); the result is
   * always a working day. For n = 0 the result is `date` itself if it is a working day,
   * otherwise the next working day.
   *
   * Example: 2025-09-30 + 1 = 2025-10-09 (National Day and Mid-Autumn, 1–8 October, intervene).
   *
   * @throws CalendarRangeError if `date` or any day examined lies outside the covered years;
   *   RangeError if n is negative or not an integer; TypeError on an invalid date.
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /**
   * Number of working days in the half-open interval (from, to]: `from` excluded, `to`
   * included. The inverse of {@link addWorkingDays}: for n >= 1,
   * workingDaysBetween(d, addWorkingDays(d, n)) === n. Returns 0 when from === to and the
   * negated count of (to, from] when `to` is earlier than `from`.
   *
   * @throws CalendarRangeError if either date is outside the covered years; TypeError on an
   *   invalid date.
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
}

/**
 * Builds a {@link WorkingDayCalendar} from holiday data. The years must be consecutive and
 * ascending (the catalog validator checks this with line numbers; this is the last guard).
 * @throws RangeError when there are no years or they are not consecutive.
 */
export function createWorkingDayCalendar(data: HolidayCalendarData): WorkingDayCalendar {
  const years = data.years;
  if (years.length === 0) throw new RangeError('Holiday data has no years');
  years.forEach((y, i) => {
    if (i > 0 && y.year !== (years[i - 1] as ChinaHolidayYear).year + 1)
      throw new RangeError(
        `Holiday data years must be consecutive: ${y.year} follows ${years[i - 1]?.year}`,
      );
  });
  const firstYear = (years[0] as ChinaHolidayYear).year;
  const lastYear = (years[years.length - 1] as ChinaHolidayYear).year;

  // Expanded once: every day off, and every weekend day that is worked instead.
  const daysOff = new Set<IsoDate>();
  const makeUpWorkdays = new Set<IsoDate>();
  for (const schedule of years) {
    for (const period of schedule.periods) {
      for (let day = period.firstDay; day <= period.lastDay; day = addCalendarDays(day, 1)) {
        daysOff.add(day);
      }
      for (const day of period.adjustedWorkdays) makeUpWorkdays.add(day);
    }
  }

  const assertCovered = (date: IsoDate, label?: string): Ymd => {
    const ymd = parseOrThrow(date, label);
    if (ymd.y < firstYear || ymd.y > lastYear)
      throw new CalendarRangeError(date, firstYear, lastYear);
    return ymd;
  };

  const workingUnchecked = (date: IsoDate, ymd: Ymd): boolean => {
    if (makeUpWorkdays.has(date)) return true;
    if (daysOff.has(date)) return false;
    // 1970-01-01 was a Thursday; 0 = Sunday ... 6 = Saturday.
    const weekday = (((toDayNumber(ymd) + 4) % 7) + 7) % 7;
    return weekday !== 0 && weekday !== 6;
  };

  const isWorkingDay = (date: IsoDate): boolean => workingUnchecked(date, assertCovered(date));

  return {
    version: data.version,
    firstYear,
    lastYear,
    years,
    year: (year) => years.find((y) => y.year === year),
    isCoveredDate(date) {
      const { y } = parseOrThrow(date);
      return y >= firstYear && y <= lastYear;
    },
    isWorkingDay,
    addWorkingDays(date, n) {
      assertInteger(n, 'n');
      if (n < 0) throw new RangeError(`n must be >= 0, got ${n}`);
      assertCovered(date);
      let day = date;
      if (n === 0) {
        while (!isWorkingDay(day)) day = addCalendarDays(day, 1);
        return day;
      }
      for (let counted = 0; counted < n;) {
        day = addCalendarDays(day, 1);
        if (isWorkingDay(day)) counted++;
      }
      return day;
    },
    workingDaysBetween(from, to) {
      assertCovered(from, 'from');
      assertCovered(to, 'to');
      const sign = compareIsoDate(from, to);
      if (sign === 0) return 0;
      const [start, end] = sign < 0 ? [from, to] : [to, from];
      let count = 0;
      for (let day = addCalendarDays(start, 1); day <= end; day = addCalendarDays(day, 1)) {
        if (isWorkingDay(day)) count++;
      }
      return sign < 0 ? count : -count;
    },
  };
}
