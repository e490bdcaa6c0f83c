/**
 * Pure date arithmetic on ISO calendar dates and the mainland-China working-day calendar.
 *
 * Dates are plain 'YYYY-MM-DD' strings naming a calendar day, never an instant: there is no
 * clock and no time zone here. Internally days are counted in UTC so the host's zone and DST
 * can never shift a date.
 */

import {
  CHINA_CALENDAR_FIRST_YEAR,
  CHINA_CALENDAR_LAST_YEAR,
  CHINA_HOLIDAY_SCHEDULES,
} from './china-holidays';

/** An ISO 8601 calendar date, 'YYYY-MM-DD' (four-digit year, zero-padded month and day). */
export type IsoDate = string;

/**
 * Thrown by working-day functions for a date outside the years with holiday data
 * ({@link CHINA_CALENDAR_FIRST_YEAR}–{@link CHINA_CALENDAR_LAST_YEAR}). Falling back to
 * "weekends only" would silently miss holidays and make-up days, so we refuse instead.
 */
export class CalendarRangeError extends RangeError {
  override readonly name = 'CalendarRangeError';
  /** The date that fell outside the covered range. */
  readonly date: IsoDate;
  /** Its year. */
  readonly year: number;
  /** The covered range, first and last year inclusive. */
  readonly firstYear: number = CHINA_CALENDAR_FIRST_YEAR;
  readonly lastYear: number = CHINA_CALENDAR_LAST_YEAR;

  constructor(date: IsoDate) {
    const year = Number(date.slice(0, 4));
    super(
      `No China working-day calendar for ${year} (date ${date}): holiday data covers ` +
        `${CHINA_CALENDAR_FIRST_YEAR}–${CHINA_CALENDAR_LAST_YEAR} only. Add the State Council ` +
        `holiday notice for ${year} to china-holidays.ts to extend it.`,
    );
    this.date = date;
    this.year = year;
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

// Expanded once: every day off, and every weekend day that is worked instead.
const DAYS_OFF = new Set<IsoDate>();
const MAKE_UP_WORKDAYS = new Set<IsoDate>();
for (const schedule of CHINA_HOLIDAY_SCHEDULES) {
  for (const period of schedule.periods) {
    for (let day = period.firstDay; day <= period.lastDay; day = addCalendarDays(day, 1)) {
      DAYS_OFF.add(day);
    }
    for (const day of period.adjustedWorkdays) MAKE_UP_WORKDAYS.add(day);
  }
}

/**
 * True when `date` falls in a year with holiday data ({@link CHINA_CALENDAR_FIRST_YEAR}–
 * {@link CHINA_CALENDAR_LAST_YEAR}), i.e. the working-day functions will accept it.
 * @throws TypeError on an invalid date.
 */
export function isCoveredDate(date: IsoDate): boolean {
  const { y } = parseOrThrow(date);
  return y >= CHINA_CALENDAR_FIRST_YEAR && y <= CHINA_CALENDAR_LAST_YEAR;
}

function assertCovered(date: IsoDate, label?: string): Ymd {
  const ymd = parseOrThrow(date, label);
  if (ymd.y < CHINA_CALENDAR_FIRST_YEAR || ymd.y > CHINA_CALENDAR_LAST_YEAR) {
    throw new CalendarRangeError(date);
  }
  return ymd;
}

function isWorkingDayUnchecked(date: IsoDate, ymd: Ymd): boolean {
  if (MAKE_UP_WORKDAYS.has(date)) return true;
  if (DAYS_OFF.has(date)) return false;
  // 1970-01-01 was a Thursday; 0 = Sunday ... 6 = Saturday.
  const weekday = (((toDayNumber(ymd) + 4) % 7) + 7) % 7;
  return weekday !== 0 && weekday !== 6;
}

/**
 * Whether `date` is a working day in mainland China: Monday–Friday unless a statutory holiday
 * period (放假) covers it, plus the weekend days designated as working days (调休上班).
 *
 * Caveat: late December of the last covered year can still be changed by the next year's notice
 * (e.g. the 2019 notice made 2018-12-29 a working day and 2018-12-30/31 days off).
 *
 * @throws CalendarRangeError outside the covered years; TypeError on an invalid date.
 */
export function isWorkingDay(date: IsoDate): boolean {
  return isWorkingDayUnchecked(date, assertCovered(date));
}

/**
 * The date `n` working days after `date`.
 *
 * Convention (the usual "within N working days" reading): counting starts on the day after
 * `date`, and `date` itself never counts. So for n >= 1 the result is the n-th working day
 * strictly after `date` (Friday + 1 = the next Monday in an ordinary week); the result is
 * always a working day. For n = 0 the result is `date` itself if it is a working day, otherwise
 * the next working day.
 *
 * Example: 2025-09-30 + 1 = 2025-10-09 (National Day and Mid-Autumn, 1–8 October, intervene).
 *
 * @throws CalendarRangeError if `date` or any day examined lies outside the covered years;
 *   RangeError if n is negative or not an integer; TypeError on an invalid date.
 */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
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
}

/**
 * Number of working days in the half-open interval (from, to]: `from` excluded, `to` included.
 * This is the inverse of {@link addWorkingDays}: for n >= 1,
 * workingDaysBetween(d, addWorkingDays(d, n)) === n. Returns 0 when from === to and the
 * negated count of (to, from] when `to` is earlier than `from`.
 *
 * @throws CalendarRangeError if either date is outside the covered years; TypeError on an
 *   invalid date.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
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
}
