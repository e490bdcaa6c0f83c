import assert from 'node:assert/strict';
import { it } from 'node:test';
import { DEFAULT_SECURITY_CONFIG } from '../security/config';
import type { SignInThrottleRow } from '../store/schema';
import { afterFailure, blockMinutes, isBlocked, nameKeyOf, sourceKeyOf } from './sign-in-throttle';

const policy = { ...DEFAULT_SECURITY_CONFIG, lockoutThreshold: 5, lockoutMinutes: 15 };
const at = (minutes: number) => new Date(Date.UTC(2026, 2, 2, 1) + minutes * 60_000).toISOString();
const key = { nameKey: 'admin', source: '203.0.113.7' };

/** Fails `n` times at minute `t`, from `row`. */
function fail(row: SignInThrottleRow | undefined, n: number, t: number) {
  let blockedUntil: string | null = null;
  for (let i = 0; i < n; i++) {
    const next = afterFailure(row, key, at(t), policy);
    row = next.row;
    blockedUntil = next.blockedUntil ?? blockedUntil;
  }
  return { row: row!, blockedUntil };
}

it('blocks an address after the threshold, doubling each block in a row up to the cap', () => {
  const first = fail(undefined, 4, 0);
  assert.equal(first.blockedUntil, null);
  const blocked = fail(first.row, 1, 0);
  assert.equal(blocked.blockedUntil, at(15));
  assert.ok(isBlocked(blocked.row, at(14)));
  assert.ok(!isBlocked(blocked.row, at(15)));
  // Attempts during the block are counted for the owner but do not extend it.
  const during = fail(blocked.row, 20, 5);
  assert.equal(during.row.blocked_until, at(15));
  assert.equal(during.row.total_failures, 25);
  const second = fail(during.row, 5, 16);
  assert.equal(second.blockedUntil, at(16 + 30));
  assert.deepEqual(
    [1, 2, 3, 4, 5, 6, 7, 8, 30].map((n) => blockMinutes(policy, n)),
    [15, 30, 60, 120, 240, 480, 960, 1440, 1440],
  );
});

it('starts the growth over after a quiet day', () => {
  const blocked = fail(undefined, 10, 0).row;
  const later = fail(fail(blocked, 5, 20).row, 4, 20 + 1441);
  assert.equal(later.row.blocks, 0);
  assert.equal(later.row.failures, 4);
});

it('keys names case-insensitively and IPv6 callers by their /64', () => {
  assert.equal(nameKeyOf('  Admin '), 'admin');
  assert.equal(sourceKeyOf('2001:db8::1'), sourceKeyOf('2001:db8:0:0:ffff:1:2:3'));
  assert.notEqual(sourceKeyOf('2001:db8:0:1::1'), sourceKeyOf('2001:db8::1'));
  assert.equal(sourceKeyOf('::ffff:192.0.2.1'), '192.0.2.1');
  assert.equal(sourceKeyOf(null), '');
});
