import { z } from 'zod';

/**
 * Account and session policy. Defaults follow GB/T 22239-2019 level-3 identity authentication
 * (8.1.4.1: complex passwords changed periodically, lock on repeated failures, log out on
 * inactivity) and CSL's 6-month log retention; every value can be tightened by environment.
 */
export interface SecurityConfig {
  readonly passwordMinLength: number;
  /** Character classes (lower, upper, digit, symbol) a password must mix. */
  readonly passwordMinClasses: number;
  /** A password older than this must be changed before anything else (0 = never). */
  readonly passwordMaxAgeDays: number;
  /** Consecutive failures from one address for one user name before that address is refused. */
  readonly lockoutThreshold: number;
  /** The first refusal; each further one in a row doubles, up to `lockoutMaxMinutes`. */
  readonly lockoutMinutes: number;
  readonly lockoutMaxMinutes: number;
  readonly sessionIdleMinutes: number;
  readonly sessionAbsoluteHours: number;
  readonly signInRateLimitPerMinute: number;
  readonly apiTokenMaxDays: number;
  /** Audit entries are kept at least this long (CSL: 6 months); the application never deletes them. */
  readonly auditRetentionDays: number;
  /** Send cookies with the Secure flag (set when served over HTTPS). */
  readonly secureCookies: boolean;
}

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const EnvSchema = z.object({
  DENGBAO_PASSWORD_MIN_LENGTH: int(8, 128).default(12),
  DENGBAO_PASSWORD_MIN_CLASSES: int(1, 4).default(3),
  DENGBAO_PASSWORD_MAX_AGE_DAYS: int(0, 3650).default(90),
  DENGBAO_LOCKOUT_THRESHOLD: int(1, 100).default(5),
  DENGBAO_LOCKOUT_MINUTES: int(1, 1440).default(15),
  DENGBAO_LOCKOUT_MAX_MINUTES: int(1, 10_080).default(1440),
  DENGBAO_SESSION_IDLE_MINUTES: int(1, 1440).default(30),
  DENGBAO_SESSION_ABSOLUTE_HOURS: int(1, 720).default(12),
  DENGBAO_SIGNIN_RATE_LIMIT: int(1, 10_000).default(10),
  DENGBAO_API_TOKEN_MAX_DAYS: int(1, 3650).default(365),
  DENGBAO_AUDIT_RETENTION_DAYS: int(183, 36_500).default(183),
  DENGBAO_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
});

export const DEFAULT_SECURITY_CONFIG: SecurityConfig = securityConfigFromEnv({});

/** Reads the policy from the environment; a bad value is a start-up error naming the variable. */
export function securityConfigFromEnv(env: Record<string, string | undefined>): SecurityConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
    throw new Error(`invalid security configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  return {
    passwordMinLength: e.DENGBAO_PASSWORD_MIN_LENGTH,
    passwordMinClasses: e.DENGBAO_PASSWORD_MIN_CLASSES,
    passwordMaxAgeDays: e.DENGBAO_PASSWORD_MAX_AGE_DAYS,
    lockoutThreshold: e.DENGBAO_LOCKOUT_THRESHOLD,
    lockoutMinutes: e.DENGBAO_LOCKOUT_MINUTES,
    lockoutMaxMinutes: e.DENGBAO_LOCKOUT_MAX_MINUTES,
    sessionIdleMinutes: e.DENGBAO_SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.DENGBAO_SESSION_ABSOLUTE_HOURS,
    signInRateLimitPerMinute: e.DENGBAO_SIGNIN_RATE_LIMIT,
    apiTokenMaxDays: e.DENGBAO_API_TOKEN_MAX_DAYS,
    auditRetentionDays: e.DENGBAO_AUDIT_RETENTION_DAYS,
    secureCookies: e.DENGBAO_SECURE_COOKIES === 'true',
  };
}
