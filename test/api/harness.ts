import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { createUser } from '../../src/app/identity';
import { CLI_ACTOR } from '../../src/app/actor';
import type { AppContext } from '../../src/app/context';
import type { SecurityConfig } from '../../src/security/config';
import { buildApp, type DengbaoApp } from '../../src/server/app';
import type { Store, StoreDialect } from '../../src/store/database';
import { openTestStore, testContext } from '../support';

/** A clock the test moves by hand (lockout, idle and expiry tests). */
export class TestClock {
  private t: number;
  constructor(iso: string) {
    this.t = Date.parse(iso);
  }
  now = (): Date => new Date(this.t);
  advanceMinutes(m: number): void {
    this.t += m * 60_000;
  }
}

export const STRONG_PASSWORD = 'Dengbao#2026-test';

/** A signed-in client: sends the session cookie and, on writes, the CSRF header. */
export interface Client {
  readonly username: string;
  readonly userId: string;
  readonly csrf: string;
  inject(opts: InjectOptions): Promise<LightMyRequestResponse>;
}

export interface Harness {
  readonly app: DengbaoApp;
  readonly store: Store;
  readonly ctx: AppContext;
  readonly clock: TestClock;
  /** Creates an account (platform admin when asked) and signs it in. */
  user(username: string, opts?: { admin?: boolean }): Promise<Client>;
  signIn(username: string, password?: string): Promise<Client>;
  close(): Promise<void>;
}

export async function startHarness(
  dialect: StoreDialect,
  opts: { startAt?: string; security?: Partial<SecurityConfig>; auditAnchorFile?: string } = {},
): Promise<Harness | null> {
  const store = await openTestStore(dialect);
  if (!store) return null;
  const clock = new TestClock(opts.startAt ?? '2026-03-02T01:00:00Z');
  const base = testContext(store);
  // Tests sign in often; the rate limit has its own test.
  const security = { ...base.security, signInRateLimitPerMinute: 10_000, ...opts.security };
  const ctx: AppContext = {
    ...base,
    clock,
    security,
    auditAnchorFile: opts.auditAnchorFile ?? null,
  };
  const app = await buildApp({ ...ctx, webDir: '/nonexistent' });
  const signIn = async (username: string, password = STRONG_PASSWORD): Promise<Client> => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username, password },
    });
    if (res.statusCode !== 200)
      throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'dengbao_session');
    const body = res.json() as { csrfToken: string; user: { id: string } };
    return {
      username,
      userId: body.user.id,
      csrf: body.csrfToken,
      inject: (opts) => {
        const headers = { ...(opts.headers ?? {}), 'x-csrf-token': body.csrfToken };
        return app.inject({
          ...opts,
          headers,
          cookies: { ...(opts.cookies ?? {}), dengbao_session: cookie?.value ?? '' },
        });
      },
    };
  };
  return {
    app,
    store,
    ctx,
    clock,
    signIn,
    async user(username, opts = {}) {
      await createUser(ctx, CLI_ACTOR, {
        username,
        displayName: username,
        password: STRONG_PASSWORD,
        isPlatformAdmin: opts.admin ?? false,
        mustChangePassword: false,
      });
      return signIn(username);
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
}
