import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { SecurityConfig } from './config';

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCb(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
  );

/** scrypt cost: N=2^15, r=8, p=1 (~32 MiB, tens of ms), stored with the hash so it can be raised later. */
const PARAMS = { N: 32768, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

/** Hashes a password as `scrypt$N$r$p$<salt b64>$<hash b64>`. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, {
    ...PARAMS,
    maxmem: 64 * 1024 * 1024,
  });
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** Constant-time check of a password against a stored hash; false for any malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4] as string, 'base64');
  const expected = Buffer.from(parts[5] as string, 'base64');
  const key = await scrypt(password.normalize('NFKC'), salt, expected.length, {
    N,
    r,
    p,
    maxmem: 256 * 1024 * 1024,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash of a random password, used to make timing of unknown users look like known ones. */
export const DUMMY_HASH_PROMISE = hashPassword(randomBytes(16).toString('hex'));

let common: ReadonlySet<string> | undefined;
/** The list in common-passwords.txt (read once). */
export function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(
    readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#')),
  );
  return common;
}

/**
 * Whether the password is on the common list, as typed (lower-cased) or once its trailing digits
 * and symbols are gone: "Woaini1314!" and "P@ssw0rd2026" are as guessable as their stems.
 */
export function isCommonPassword(password: string): boolean {
  const lower = password.normalize('NFKC').toLowerCase();
  const stem = lower.replace(/[^\p{L}]+$/u, '');
  const list = commonPasswords();
  return list.has(lower) || (stem.length > 0 && list.has(stem));
}

/** Every reason a password breaks the policy (empty when it is acceptable). */
export function passwordProblems(
  password: string,
  username: string,
  config: SecurityConfig,
): string[] {
  const problems: string[] = [];
  if ([...password].length < config.passwordMinLength) {
    problems.push(`must be at least ${config.passwordMinLength} characters`);
  }
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) =>
    re.test(password),
  ).length;
  if (classes < config.passwordMinClasses) {
    problems.push(
      `must mix at least ${config.passwordMinClasses} of: lower-case, upper-case, digits, symbols`,
    );
  }
  if (username && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push('must not contain the user name');
  }
  if (isCommonPassword(password)) {
    problems.push('is one of the most common passwords (or one with digits or symbols added)');
  }
  return problems;
}
