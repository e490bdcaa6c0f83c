import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { KEY_ID_PATTERN, type Keyring } from './keyring';

/**
 * Field encryption for sensitive columns: SM4-CBC (GB/T 32907) with a random 16-byte IV and
 * PKCS#7 padding, then encrypt-then-MAC with HMAC-SM3 (GB/T 32905).
 *
 * Token (ASCII, safe in any text column), version 2:
 *
 *     sm4:2:<keyId>:<base64url iv>:<base64url ciphertext>:<base64url binding>:<base64url mac>
 *
 * Each value is bound to the place it is stored in: `binding` is HMAC-SM3 (first 16 bytes) over
 * the table, column and row key ({@link FieldBinding}), so a token copied to another row, column
 * or table fails to decrypt ("bound to another row") instead of showing a value that belongs
 * elsewhere. The MAC is HMAC-SM3 over the token text before the last ':' — scheme, version, key
 * id, IV, ciphertext and binding. Both use a MAC key derived from the SM4 key as
 * HMAC-SM3(key, "dengbao-field-mac-v1"), so the encryption and MAC keys differ. Decryption checks
 * the MAC (in constant time) before touching the ciphertext, then the binding.
 *
 * Version 1 (`sm4:1:<keyId>:<iv>:<ct>:<mac>`, no binding) is still read, so data written before
 * the binding keeps working until `dengbao keys reencrypt` (or the server at start) rewrites it as
 * version 2; a cipher made with `readUnbound: false` refuses it.
 */

export const TOKEN_SCHEME = 'sm4';
export const TOKEN_VERSION = 2;
/** The unbound version still read (see above). */
export const UNBOUND_TOKEN_VERSION = 1;
const CIPHER = 'sm4-cbc';
const BLOCK = 16;
const MAC_BYTES = 32;
const BINDING_BYTES = 16;
const MAC_LABEL = 'dengbao-field-mac-v1';
const BINDING_LABEL = 'dengbao-field-binding-v2\0';
const B64URL = /^[A-Za-z0-9_-]+$/;
/** Shape of a token (any version); legacy plaintext never matches because of the fixed layout. */
const TOKEN_SHAPE =
  /^sm4:(\d{1,3}):([A-Za-z0-9_-]{1,32}):([A-Za-z0-9_-]+):([A-Za-z0-9_-]+):(?:([A-Za-z0-9_-]+):)?([A-Za-z0-9_-]+)$/;

export type FieldCryptoFailure =
  /** Not a token, a part of the wrong length, or an unsupported version. */
  | 'malformed'
  /** The token names a key id the keyring lacks. */
  | 'unknown_key'
  /** The MAC does not match: altered, or encrypted under other key material. */
  | 'integrity'
  /** Intact, but written for another table, column or row. */
  | 'binding'
  /** An unbound (version 1) token where the cipher no longer accepts them. */
  | 'unbound';

/** A value that cannot be decrypted: malformed, unknown key id, failed integrity check, or moved. */
export class FieldCryptoError extends Error {
  constructor(
    message: string,
    readonly reason: FieldCryptoFailure = 'malformed',
  ) {
    super(message);
    this.name = 'FieldCryptoError';
  }
}

/**
 * Where a value is stored: its table, column and row key (the primary key values, in the order
 * of `keyColumns` in ENCRYPTED_COLUMNS, src/store/reencrypt.ts). A single-column key may be given
 * as a string; `'x'` and `['x']` bind the same.
 */
export interface FieldBinding {
  readonly table: string;
  readonly column: string;
  readonly rowId: string | readonly string[];
}

export interface FieldCipherOptions {
  /** Whether version-1 (unbound) tokens are still decrypted (default true). */
  readonly readUnbound?: boolean;
}

export interface FieldCipher {
  /** Id of the key `encrypt` uses. */
  readonly currentKeyId: string;
  /** Whether version-1 (unbound) tokens are decrypted. */
  readonly readsUnbound: boolean;
  encrypt(plaintext: string, binding: FieldBinding): string;
  /**
   * Throws FieldCryptoError for a malformed token, an unknown key id, a MAC mismatch, or a token
   * bound to another place than `binding`.
   */
  decrypt(token: string, binding: FieldBinding): string;
  /** True when the value is not a bound (current-version) token under the current key (incl. plaintext). */
  needsRotation(token: string): boolean;
}

export interface ParsedToken {
  readonly version: number;
  readonly keyId: string;
  readonly iv: string;
  readonly ciphertext: string;
  /** The binding tag (version 2); '' for version 1. */
  readonly binding: string;
  readonly mac: string;
}

/** Whether `value` has the shape of an encrypted token (of any version). */
export function isFieldToken(value: string): boolean {
  return TOKEN_SHAPE.test(value);
}

/** Whether `value` is a token without a binding (version 1). */
export function isUnboundToken(value: string): boolean {
  return parseFieldToken(value)?.version === UNBOUND_TOKEN_VERSION;
}

/** Splits a token into its parts without verifying it; null when it is not token-shaped. */
export function parseFieldToken(value: string): ParsedToken | null {
  const m = TOKEN_SHAPE.exec(value);
  if (!m) return null;
  const [, version, keyId, iv, ciphertext, binding, mac] = m;
  return {
    version: Number(version),
    keyId: keyId ?? '',
    iv: iv ?? '',
    ciphertext: ciphertext ?? '',
    binding: binding ?? '',
    mac: mac ?? '',
  };
}

/** The binding as one unambiguous string (JSON array: table, column, key values). */
function canonicalBinding(binding: FieldBinding): string {
  const rowId = typeof binding?.rowId === 'string' ? [binding.rowId] : binding?.rowId;
  if (
    !binding ||
    typeof binding.table !== 'string' ||
    !binding.table ||
    typeof binding.column !== 'string' ||
    !binding.column ||
    !Array.isArray(rowId) ||
    rowId.length === 0 ||
    !rowId.every((p) => typeof p === 'string')
  )
    throw new FieldCryptoError(
      'a field value must be bound to its table, column and row key (strings)',
    );
  return JSON.stringify([binding.table, binding.column, ...rowId]);
}

/** Human-readable place, for errors: `table.column [key]` (ids only, never values). */
export function describeBinding(binding: FieldBinding): string {
  const rowId = typeof binding.rowId === 'string' ? [binding.rowId] : binding.rowId;
  return `${binding.table}.${binding.column} [${rowId.join(', ')}]`;
}

/** Derived MAC keys, once per key: bulk reads decrypt thousands of values. */
const macKeys = new WeakMap<Buffer, Buffer>();

function macKey(key: Buffer): Buffer {
  let derived = macKeys.get(key);
  if (derived === undefined) {
    derived = createHmac('sm3', key).update(MAC_LABEL, 'utf8').digest();
    macKeys.set(key, derived);
  }
  return derived;
}

function mac(key: Buffer, authenticated: string): Buffer {
  return createHmac('sm3', macKey(key)).update(authenticated, 'ascii').digest();
}

function bindingTag(key: Buffer, binding: FieldBinding): Buffer {
  return createHmac('sm3', macKey(key))
    .update(BINDING_LABEL + canonicalBinding(binding), 'utf8')
    .digest()
    .subarray(0, BINDING_BYTES);
}

/** Strict base64url decode: canonical, unpadded, and of the expected length. */
function decodePart(text: string, what: string, check: (length: number) => boolean): Buffer {
  if (!B64URL.test(text))
    throw new FieldCryptoError(`encrypted value: ${what} is not base64url`, 'malformed');
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.toString('base64url') !== text || !check(bytes.length))
    throw new FieldCryptoError(
      `encrypted value: ${what} has the wrong length or encoding`,
      'malformed',
    );
  return bytes;
}

export function createFieldCipher(keyring: Keyring, options: FieldCipherOptions = {}): FieldCipher {
  const currentKeyId = keyring.currentId;
  const readsUnbound = options.readUnbound ?? true;
  if (!KEY_ID_PATTERN.test(currentKeyId))
    throw new FieldCryptoError(`invalid current key id ${JSON.stringify(currentKeyId)}`);

  const keyFor = (id: string): Buffer => {
    const key = keyring.key(id);
    if (!key)
      throw new FieldCryptoError(
        `encrypted value uses key '${id}', which is not in the keyring (known: ${keyring.ids.join(', ')}); add the old key back to decrypt it`,
        'unknown_key',
      );
    return key;
  };

  return Object.freeze({
    currentKeyId,
    readsUnbound,

    encrypt(plaintext: string, binding: FieldBinding): string {
      if (typeof plaintext !== 'string')
        throw new FieldCryptoError('only strings can be encrypted');
      const key = keyFor(currentKeyId);
      const bound = bindingTag(key, binding);
      const iv = randomBytes(BLOCK);
      const cipher = createCipheriv(CIPHER, key, iv);
      const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const authenticated = `${TOKEN_SCHEME}:${TOKEN_VERSION}:${currentKeyId}:${iv.toString('base64url')}:${ct.toString('base64url')}:${bound.toString('base64url')}`;
      return `${authenticated}:${mac(key, authenticated).toString('base64url')}`;
    },

    decrypt(token: string, binding: FieldBinding): string {
      // Checked first, so a call site without its binding fails on every value, not only on v2.
      canonicalBinding(binding);
      const parsed = typeof token === 'string' ? parseFieldToken(token) : null;
      if (!parsed)
        throw new FieldCryptoError(
          'value is not an encrypted token (expected sm4:2:<keyId>:<iv>:<ciphertext>:<binding>:<mac>)',
        );
      const unbound = parsed.version === UNBOUND_TOKEN_VERSION;
      if (!unbound && parsed.version !== TOKEN_VERSION)
        throw new FieldCryptoError(
          `encrypted value has unsupported token version ${parsed.version} (this build reads versions ${UNBOUND_TOKEN_VERSION} and ${TOKEN_VERSION})`,
        );
      if (unbound !== (parsed.binding === ''))
        throw new FieldCryptoError(
          `encrypted value of version ${parsed.version} has the wrong number of parts`,
        );
      if (unbound && !readsUnbound)
        throw new FieldCryptoError(
          `encrypted value at ${describeBinding(binding)} is an unbound version-1 token, which this server no longer accepts: run \`dengbao keys reencrypt\` on data restored from before the binding`,
          'unbound',
        );
      const key = keyFor(parsed.keyId);
      const iv = decodePart(parsed.iv, 'IV', (n) => n === BLOCK);
      const ct = decodePart(parsed.ciphertext, 'ciphertext', (n) => n >= BLOCK && n % BLOCK === 0);
      const bound = unbound
        ? null
        : decodePart(parsed.binding, 'binding', (n) => n === BINDING_BYTES);
      const tag = decodePart(parsed.mac, 'MAC', (n) => n === MAC_BYTES);
      const authenticated = token.slice(0, token.lastIndexOf(':'));
      const expected = mac(key, authenticated);
      if (!timingSafeEqual(tag, expected))
        throw new FieldCryptoError(
          `encrypted value under key '${parsed.keyId}' failed its integrity check: it was altered, or key '${parsed.keyId}' is not the key it was encrypted with`,
          'integrity',
        );
      if (bound && !timingSafeEqual(bound, bindingTag(key, binding)))
        throw new FieldCryptoError(
          `encrypted value at ${describeBinding(binding)} is bound to another row, column or table: it was copied or moved there, not written there by dengbao`,
          'binding',
        );
      try {
        const decipher = createDecipheriv(CIPHER, key, iv);
        return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
      } catch {
        // Unreachable with a valid MAC unless the key material is inconsistent.
        throw new FieldCryptoError(
          `encrypted value under key '${parsed.keyId}' cannot be decrypted`,
          'integrity',
        );
      }
    },

    needsRotation(token: string): boolean {
      const parsed = parseFieldToken(token);
      return !parsed || parsed.version !== TOKEN_VERSION || parsed.keyId !== currentKeyId;
    },
  });
}

/** Encrypts a value that may be absent: null/undefined stay null. */
export function encryptNullable(
  cipher: FieldCipher,
  plaintext: string | null | undefined,
  binding: FieldBinding,
): string | null {
  return plaintext === null || plaintext === undefined ? null : cipher.encrypt(plaintext, binding);
}

/** Decrypts a value that may be absent: null/undefined stay null. */
export function decryptNullable(
  cipher: FieldCipher,
  token: string | null | undefined,
  binding: FieldBinding,
): string | null {
  return token === null || token === undefined ? null : cipher.decrypt(token, binding);
}
