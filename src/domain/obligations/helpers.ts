import {
  addCalendarDays as addDaysChecked,
  addMonths as addMonthsChecked,
  CalendarRangeError,
  type IsoDate,
} from '../calendar';
import type { DatedEvent, DraftObligation, FilingFacts, RuleContext } from './types';

/*
 * Hot-path helpers for the rules. Dates reaching the engine were validated at the boundary
 * (zod IsoDateSchema), and zero-padded ISO dates order as strings, so comparisons are plain
 * string comparisons. Date arithmetic is memoised: an estate has few distinct dates, and the
 * calendar's checked arithmetic costs microseconds per call (see bench/).
 */

export function compareIsoDate(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Keyed by interval, then date: no key strings to allocate on the hot path.
const dayCache = new Map<number, Map<IsoDate, IsoDate>>();
const monthCache = new Map<number, Map<IsoDate, IsoDate>>();
const CACHE_LIMIT = 100_000;

function memo(
  cache: Map<number, Map<IsoDate, IsoDate>>,
  date: IsoDate,
  n: number,
  f: (d: IsoDate, n: number) => IsoDate,
): IsoDate {
  let byDate = cache.get(n);
  if (byDate === undefined) cache.set(n, (byDate = new Map()));
  let hit = byDate.get(date);
  if (hit === undefined) {
    if (byDate.size >= CACHE_LIMIT) byDate.clear();
    hit = f(date, n);
    byDate.set(date, hit);
  }
  return hit;
}

export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  return memo(dayCache, date, n, addDaysChecked);
}

export function addMonths(date: IsoDate, n: number): IsoDate {
  return memo(monthCache, date, n, addMonthsChecked);
}

/** The later of the given dates, ignoring nulls; null when none is known. */
export function latest(...dates: readonly (IsoDate | null | undefined)[]): IsoDate | null {
  let best: IsoDate | null = null;
  for (const d of dates) {
    if (d && (best === null || d > best)) best = d;
  }
  return best;
}

/** The most recent event on or before `asOf` (events after asOf have not happened yet). */
export function lastEvent(events: readonly DatedEvent[], asOf: IsoDate): IsoDate | null {
  let best: IsoDate | null = null;
  for (const e of events) {
    const d = e.completedOn;
    if (d <= asOf && (best === null || d > best)) best = d;
  }
  return best;
}

/** The latest filing on or before `asOf`. */
export function lastFiling(filings: readonly FilingFacts[], asOf: IsoDate): FilingFacts | null {
  let best: FilingFacts | null = null;
  for (const f of filings) {
    if (f.filedOn > asOf) continue;
    if (best === null || f.filedOn > best.filedOn) best = f;
  }
  return best;
}

/** Next due date of a recurring duty: one interval after the last occurrence, else after `start`. */
export function nextRecurrence(last: IsoDate | null, start: IsoDate, months: number): IsoDate {
  return addMonths(last ?? start, months);
}

/**
 * `n` working days after `from` on the calendar in `context`, or, when that cannot be computed
 * (no calendar, or a date outside the years of the holiday data), the gap to report instead.
 * Never throws for a date past the data: the caller turns the gap into an "undetermined"
 * obligation with a message naming the date and the years covered.
 */
export function workingDayDeadline(
  context: RuleContext | undefined,
  from: IsoDate,
  n: number,
):
  | { readonly ok: true; readonly due: IsoDate }
  | { readonly ok: false; readonly gap: NonNullable<DraftObligation['calendarGap']> } {
  const calendar = context?.calendar ?? null;
  if (calendar === null) {
    return {
      ok: false,
      gap: {
        date: null,
        firstYear: null,
        lastYear: null,
        messageZh: `未提供工作日日历，无法计算自${from}起${n}个工作日的期限。`,
        messageEn: `No working-day calendar was supplied, so ${n} working days from ${from} cannot be counted.`,
      },
    };
  }
  try {
    return { ok: true, due: calendar.addWorkingDays(from, n) };
  } catch (error) {
    if (!(error instanceof CalendarRangeError)) throw error;
    return {
      ok: false,
      gap: {
        date: error.date,
        firstYear: error.firstYear,
        lastYear: error.lastYear,
        messageZh: `${error.messageZh}自${from}起${n}个工作日的期限待补充该年国务院办公厅放假通知后计算。`,
        messageEn: `No State Council holiday arrangement for ${error.year} yet (date ${error.date}; holiday data covers ${error.firstYear}–${error.lastYear}). The deadline of ${n} working days from ${from} is computed once that year's notice is in the data.`,
      },
    };
  }
}
