import { addCalendarDays, addMonths, compareIsoDate, type IsoDate } from '../calendar';
import type { DatedEvent, FilingFacts } from './types';

/** The later of the given dates, ignoring nulls; null when none is known. */
export function latest(...dates: readonly (IsoDate | null | undefined)[]): IsoDate | null {
  let best: IsoDate | null = null;
  for (const d of dates) {
    if (d && (best === null || compareIsoDate(d, best) > 0)) best = d;
  }
  return best;
}

/** The most recent event on or before `asOf` (events after asOf have not happened yet). */
export function lastEvent(events: readonly DatedEvent[], asOf: IsoDate): IsoDate | null {
  return latest(...events.map((e) => e.completedOn).filter((d) => compareIsoDate(d, asOf) <= 0));
}

/** The latest filing on or before `asOf`. */
export function lastFiling(filings: readonly FilingFacts[], asOf: IsoDate): FilingFacts | null {
  let best: FilingFacts | null = null;
  for (const f of filings) {
    if (compareIsoDate(f.filedOn, asOf) > 0) continue;
    if (best === null || compareIsoDate(f.filedOn, best.filedOn) > 0) best = f;
  }
  return best;
}

/** Next due date of a recurring duty: one interval after the last occurrence, else after `start`. */
export function nextRecurrence(last: IsoDate | null, start: IsoDate, months: number): IsoDate {
  return addMonths(last ?? start, months);
}

export { addCalendarDays, addMonths, compareIsoDate };
