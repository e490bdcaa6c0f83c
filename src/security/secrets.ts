import { createHash, randomBytes } from 'node:crypto';

/** A random secret for cookies and tokens (256 bits, base64url). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** SM3 (GB/T 32905) hex digest; secrets are stored only as this hash. */
export function sm3Hex(value: string): string {
  return createHash('sm3').update(value, 'utf8').digest('hex');
}

/** API tokens look like `dbt_<id>_<secret>` so a leaked one is recognisable in logs and scanners. */
export const API_TOKEN_PREFIX = 'dbt_';
