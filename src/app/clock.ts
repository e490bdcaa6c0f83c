/** The only source of "now" for shells; tests inject a fixed clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Today's date in Beijing time (UTC+8, no daylight saving), as YYYY-MM-DD. */
export function beijingToday(clock: Clock): string {
  return new Date(clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The Beijing calendar date of an ISO timestamp (a 02:00 submission in Beijing is 18:00 UTC the day before). */
export function beijingDateOf(isoTimestamp: string): string {
  return new Date(new Date(isoTimestamp).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function isoNow(clock: Clock): string {
  return clock.now().toISOString();
}
