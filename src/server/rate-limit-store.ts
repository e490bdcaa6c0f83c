import { countRequest, peekRequests } from '../app/rate-limits';
import type { AppContext } from '../app/context';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * A @fastify/rate-limit store that counts in the database (src/app/rate-limits.ts), so the
 * limit holds across `serve --workers` processes and several servers on one PostgreSQL.
 * Each route gets its own key space through `child`.
 */
export function databaseRateLimitStore(store: AppContext['store']) {
  return class DatabaseRateLimitStore {
    private readonly scope: string;

    /** The plugin constructs the root store with its options; `child` passes the route. */
    constructor(scope?: unknown) {
      this.scope = typeof scope === 'string' ? scope : '';
    }

    incr(key: string, callback: Callback, timeWindow: number): void {
      countRequest(store, `${this.scope}|${key}`, timeWindow).then(
        (r) => callback(null, { current: r.hits, ttl: r.ttlMs }),
        (e: unknown) => callback(e instanceof Error ? e : new Error(String(e))),
      );
    }

    read(key: string, callback: Callback, timeWindow: number): void {
      peekRequests(store, `${this.scope}|${key}`, timeWindow).then(
        (r) => callback(null, { current: r.hits, ttl: r.ttlMs }),
        (e: unknown) => callback(e instanceof Error ? e : new Error(String(e))),
      );
    }

    // Typed loosely: at run time the plugin passes its merged parameters with `routeInfo`.
    child(routeOptions: object) {
      const route = (routeOptions as { routeInfo?: { method?: unknown; url?: unknown } }).routeInfo;
      return new DatabaseRateLimitStore(
        `${String(route?.method ?? '')} ${String(route?.url ?? '')}`,
      );
    }
  };
}
