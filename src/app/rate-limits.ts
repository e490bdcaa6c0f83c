import { sql } from 'kysely';
import type { Store } from '../store/database';

/** One request counted in its fixed window: hits so far and milliseconds until the window ends. */
export interface RateCount {
  readonly hits: number;
  readonly ttlMs: number;
}

/** Windows older than this are deleted now and then (longer than any limit's window). */
const KEEP_MS = 24 * 60 * 60 * 1000;
let sinceSweep = 0;

/**
 * Counts one request under `key` in the database, atomically, so that all server processes on
 * the same database share the count (a per-process counter lets N processes allow N times the
 * limit). A window older than `windowMs` starts over at 1.
 */
export async function countRequest(
  store: Store,
  key: string,
  windowMs: number,
  nowMs: number = Date.now(),
): Promise<RateCount> {
  const expired = sql<boolean>`rate_limit_windows.window_start_ms + ${windowMs} <= ${nowMs}`;
  const row = await store.db
    .insertInto('rate_limit_windows')
    .values({ key: key.slice(0, 300), window_start_ms: nowMs, hits: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql<number>`case when ${expired} then 1 else rate_limit_windows.hits + 1 end`,
        window_start_ms: sql<number>`case when ${expired} then ${nowMs} else rate_limit_windows.window_start_ms end`,
      }),
    )
    .returning(['hits', 'window_start_ms'])
    .executeTakeFirstOrThrow();
  if (++sinceSweep >= 1000) {
    sinceSweep = 0;
    await store.db
      .deleteFrom('rate_limit_windows')
      .where('window_start_ms', '<', nowMs - KEEP_MS)
      .execute();
  }
  return {
    hits: Number(row.hits),
    ttlMs: Math.max(0, Number(row.window_start_ms) + windowMs - nowMs),
  };
}

/** The current count under `key` without counting a request. */
export async function peekRequests(
  store: Store,
  key: string,
  windowMs: number,
  nowMs: number = Date.now(),
): Promise<RateCount> {
  const row = await store.db
    .selectFrom('rate_limit_windows')
    .select(['hits', 'window_start_ms'])
    .where('key', '=', key.slice(0, 300))
    .executeTakeFirst();
  if (!row || Number(row.window_start_ms) + windowMs <= nowMs) return { hits: 0, ttlMs: 0 };
  return { hits: Number(row.hits), ttlMs: Number(row.window_start_ms) + windowMs - nowMs };
}
