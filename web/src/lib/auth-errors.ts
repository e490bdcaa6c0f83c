import { ApiRequestError } from '../api/client';
import { formatTimestamp } from './dates';

export type SignInProblem =
  | { key: 'login.error.wrongPassword' }
  | { key: 'login.error.lockedUntil'; until: string }
  | { key: 'login.error.lockedFor'; minutes: number }
  | { key: 'login.error.locked' }
  | { key: 'login.error.rateLimitedFor'; seconds: number }
  | { key: 'login.error.rateLimited' }
  | { key: 'error.network' }
  | null;

const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})/;

/**
 * What to tell the user about a failed sign-in. The server's ACCOUNT_LOCKED message names the
 * instant (or the minutes) and the rate limiter the seconds to wait; both are read from the text.
 * `null`: show the generic error.
 */
export function signInProblem(error: unknown): SignInProblem {
  if (!(error instanceof ApiRequestError)) return null;
  if (error.status === 0) return { key: 'error.network' };
  const { code, message } = error.body;
  if (code === 'UNAUTHENTICATED') return { key: 'login.error.wrongPassword' };
  if (code === 'ACCOUNT_LOCKED') {
    const instant = ISO_INSTANT.exec(message)?.[0];
    if (instant) return { key: 'login.error.lockedUntil', until: formatTimestamp(instant) };
    const minutes = /(\d+)\s*minute/.exec(message)?.[1];
    if (minutes) return { key: 'login.error.lockedFor', minutes: Number(minutes) };
    return { key: 'login.error.locked' };
  }
  if (code === 'RATE_LIMITED' || error.status === 429) {
    const seconds = /(\d+)\s*second/.exec(message)?.[1];
    if (seconds) return { key: 'login.error.rateLimitedFor', seconds: Number(seconds) };
    return { key: 'login.error.rateLimited' };
  }
  return null;
}

/** Only same-origin paths are followed after sign-in (no open redirect to another site). */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\'))
    return null;
  if (next === '/login' || next.startsWith('/login?')) return null;
  return next;
}
