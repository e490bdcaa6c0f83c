import { createFieldCipher, type FieldCipher } from '../security/field-crypto';
import type { Keyring } from '../security/keyring';
import type { Store } from '../store/database';
import { bindUnboundValues } from '../store/reencrypt';

export interface StartupFieldCipher {
  /** The cipher the server uses: refuses unbound (version-1) values once none is left. */
  readonly cipher: FieldCipher;
  /** Values bound to their row by this start. */
  readonly bound: number;
  /** Unbound values that could not be bound (not decryptable with this keyring). */
  readonly remaining: number;
  /** What to log: info lines and warnings. */
  readonly info: readonly string[];
  readonly warnings: readonly string[];
}

/**
 * At server start, binds field values written before the binding (token version 1) to their
 * table, column and row, so the upgrade needs no operator step. When none is left the server's
 * cipher refuses unbound values from then on (one pasted in from an old backup, say); when some
 * cannot be bound (a missing old key) they stay readable and a warning says what to do.
 */
export async function fieldCipherAtStart(
  store: Store,
  keyring: Keyring,
): Promise<StartupFieldCipher> {
  const result = await bindUnboundValues(store.db, createFieldCipher(keyring));
  const info =
    result.bound > 0
      ? [
          `bound ${result.bound} encrypted field value(s) written before the field binding to their table, column and row`,
        ]
      : [];
  const warnings =
    result.remaining > 0
      ? [
          `${result.remaining} encrypted field value(s) are not bound to their row (they cannot be decrypted with the configured keys); run \`dengbao keys reencrypt\` to list them`,
        ]
      : [];
  return {
    cipher: createFieldCipher(keyring, { readUnbound: result.remaining > 0 }),
    bound: result.bound,
    remaining: result.remaining,
    info,
    warnings,
  };
}
