/**
 * Failed sign-ins slow down one (user name, source address) pair, never the account as a whole.
 *
 * - After `lockoutThreshold` consecutive failures from one address for one name, that address
 *   is refused for that name for `lockoutMinutes`; each further block in a row doubles, up to
 *   `lockoutMaxMinutes`. After a quiet period as long as the longest block the growth starts over.
 * - Another address is not affected: someone guessing the administrator's password from their
 *   own machine cannot keep the administrator out (GB/T 22239-2019 8.1.4.1-b limits failed
 *   attempts; it does not ask for a lock that a stranger can trigger).
 * - Names without an account are tracked exactly like real ones, and a blocked pair gets the
 *   same answer as a wrong password: nothing tells a caller whether a name exists or is blocked.
 * - A second administrator (or `dengbao users unlock`) clears every block of a name.
 * - Many addresses guessing one name still get few guesses each (threshold per block, blocks
 *   growing), on top of the per-address request rate limit and the password policy.
 */
import type { SecurityConfig } from '../security/config';
import type { SignInThrottleRow } from '../store/schema';

/** The key a name is throttled under: as typed, trimmed and lower-cased, existing or not. */
export const nameKeyOf = (username: string): string => username.trim().toLowerCase().slice(0, 100);
/**
 * The key of the caller's address ('' when unknown). An IPv6 address counts by its /64 network,
 * which one host usually holds whole: rotating addresses inside it gains no extra guesses.
 */
export function sourceKeyOf(ip: string | null): string {
  const raw = (ip ?? '').trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(raw);
  if (mapped) return mapped[1]!;
  if (!raw.includes(':')) return raw.slice(0, 64);
  const [head = '', tail = ''] = raw.split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = raw.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = raw.includes('::')
    ? [...left, ...Array<string>(Math.max(8 - left.length - right.length, 0)).fill('0'), ...right]
    : left;
  const prefix = groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '') || '0');
  return `${prefix.join(':')}::/64`.slice(0, 64);
}

const addMinutes = (iso: string, minutes: number) =>
  new Date(Date.parse(iso) + minutes * 60_000).toISOString();

/** Length of the n-th block in a row (n ≥ 1). */
export function blockMinutes(security: SecurityConfig, n: number): number {
  const doubled = security.lockoutMinutes * 2 ** Math.min(Math.max(n - 1, 0), 20);
  return Math.min(doubled, Math.max(security.lockoutMaxMinutes, security.lockoutMinutes));
}

export const isBlocked = (row: SignInThrottleRow | undefined, now: string): boolean =>
  !!row?.blocked_until && row.blocked_until > now;

/** The row after one more failure at `now`; `blockedUntil` is set when this failure starts a block. */
export function afterFailure(
  row: SignInThrottleRow | undefined,
  key: { nameKey: string; source: string },
  now: string,
  security: SecurityConfig,
): { row: SignInThrottleRow; blockedUntil: string | null } {
  const quietFor = Math.max(security.lockoutMaxMinutes, security.lockoutMinutes);
  const fresh = !row || (!isBlocked(row, now) && addMinutes(row.last_failure_at, quietFor) <= now);
  const base: SignInThrottleRow = fresh
    ? {
        name_key: key.nameKey,
        source: key.source,
        failures: 0,
        total_failures: row?.total_failures ?? 0,
        blocks: 0,
        blocked_until: null,
        last_failure_at: now,
      }
    : row!;
  const next = { ...base, total_failures: base.total_failures + 1, last_failure_at: now };
  // Attempts during a block are counted for the owner's report but neither extend nor add blocks.
  if (isBlocked(base, now)) return { row: next, blockedUntil: null };
  next.failures = base.failures + 1;
  if (next.failures < security.lockoutThreshold) return { row: next, blockedUntil: null };
  next.blocks = base.blocks + 1;
  next.failures = 0;
  next.blocked_until = addMinutes(now, blockMinutes(security, next.blocks));
  return { row: next, blockedUntil: next.blocked_until };
}

/** What the account's owner is told after a successful sign-in (null: nothing happened). */
export interface SignInNotice {
  /** Failed sign-ins for this name since its last successful one, from every address. */
  readonly failedAttempts: number;
  readonly lastFailureAt: string | null;
  readonly lastFailureFrom: string | null;
  /** Addresses still refused for this name, and until when. */
  readonly blockedSources: readonly { readonly source: string; readonly until: string }[];
}

export function noticeOf(rows: readonly SignInThrottleRow[], now: string): SignInNotice | null {
  const counted = rows.filter((r) => r.total_failures > 0);
  const blocked = rows.filter((r) => isBlocked(r, now));
  if (counted.length === 0 && blocked.length === 0) return null;
  const latest = [...counted].sort((a, b) => b.last_failure_at.localeCompare(a.last_failure_at))[0];
  return {
    failedAttempts: counted.reduce((n, r) => n + Number(r.total_failures), 0),
    lastFailureAt: latest?.last_failure_at ?? null,
    lastFailureFrom: latest ? latest.source || null : null,
    blockedSources: blocked.map((r) => ({ source: r.source, until: r.blocked_until! })),
  };
}
