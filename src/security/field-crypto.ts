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
 * Token (ASCII, safe in any text column):
 *
 *     sm4:1:<keyId>:<base64url iv>:<base64url ciphertext>:<base64url mac>
 *
 * The MAC is HMAC-SM3 over the token text before the last ':' — i.e. "sm4:1:<keyId>:<iv>:<ct>" —
 * so the scheme, version, key id, IV and ciphertext are all authenticated. The MAC key is derived
 * from the SM4 key as HMAC-SM3(key, "dengbao-field-mac-v1"), so the encryption and MAC keys
 * differ. Decryption checks the MAC (in constant time) before touching the ciphertext.
 */

export const TOKEN_SCHEME = 'sm4';
export const TOKEN_VERSION = 1;
const CIPHER = 'sm4-cbc';
const BLOCK = 16;
const MAC_BYTES = 32;
const MAC_LABEL = 'dengbao-field-mac-v1';
const B64URL = /^[A-Za-z0-9_-]+$/;
/** Shape of a token (any version); legacy plaintext never matches because of the fixed layout. */
const TOKEN_SHAPE =
  /^sm4:(\d{1,3}):([A-Za-z0-9_-]{1,32}):([A-Za-z0-9_-]+):([A-Za-z0-9_-]+):([A-Za-z0-9_-]+)$/;

/** A value that cannot be decrypted: malformed, unknown key id, or failed integrity check. */
export class FieldCryptoError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FieldCryptoError';
  }
}

export interface FieldCipher {
  /** Id of the key `encrypt` uses. */
  readonly currentKeyId: string;
  encrypt(plaintext: string): string;
  /** Throws FieldCryptoError for a malformed token, an unknown key id or a MAC mismatch. */
  decrypt(token: string): string;
  /** True when the value is not a current-version token under the current key (incl. plaintext). */
  needsRotation(token: string): boolean;
}

export interface ParsedToken {
  readonly version: number;
  readonly keyId: string;
  readonly iv: string;
  readonly ciphertext: string;
  readonly mac: string;
}

/** Whether `value` has the shape of an encrypted token (of any version). */
export function isFieldToken(value: string): boolean {
  return TOKEN_SHAPE.test(value);
}

/** Splits a token into its parts without verifying it; null when it is not token-shaped. */
export function parseFieldToken(value: string): ParsedToken | null {
  const m = TOKEN_SHAPE.exec(value);
  if (!m) return null;
  const [, version, keyId, iv, ciphertext, mac] = m;
  return {
    version: Number(version),
    keyId: keyId ?? '',
    iv: iv ?? '',
    ciphertext: ciphertext ?? '',
    mac: mac ?? '',
  };
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

/** Strict base64url decode: canonical, unpadded, and of the expected length. */
function decodePart(text: string, what: string, check: (length: number) => boolean): Buffer {
  if (!B64URL.test(text)) throw new FieldCryptoError(`encrypted value: ${what} is not base64url`);
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.toString('base64url') !== text || !check(bytes.length))
    throw new FieldCryptoError(`encrypted value: ${what} has the wrong length or encoding`);
  return bytes;
}

export function createFieldCipher(keyring: Keyring): FieldCipher {
  const currentKeyId = keyring.currentId;
  if (!KEY_ID_PATTERN.test(currentKeyId))
    throw new FieldCryptoError(`invalid current key id ${JSON.stringify(currentKeyId)}`);

  const keyFor = (id: string): Buffer => {
    const key = keyring.key(id);
    if (!key)
      throw new FieldCryptoError(
        `encrypted value uses key '${id}', which is not in the keyring (known: ${keyring.ids.join(', ')}); add the old key back to decrypt it`,
      );
    return key;
  };

  return Object.freeze({
    currentKeyId,

    encrypt(plaintext: string): string {
      if (typeof plaintext !== 'string')
        throw new FieldCryptoError('only strings can be encrypted');
      const key = keyFor(currentKeyId);
      const iv = randomBytes(BLOCK);
      const cipher = createCipheriv(CIPHER, key, iv);
      const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const authenticated = `${TOKEN_SCHEME}:${TOKEN_VERSION}:${currentKeyId}:${iv.toString('base64url')}:${ct.toString('base64url')}`;
      return `${authenticated}:${mac(key, authenticated).toString('base64url')}`;
    },

    decrypt(token: string): string {
      if (typeof token !== 'string' || !TOKEN_SHAPE.test(token))
        throw new FieldCryptoError(
          'value is not an encrypted token (expected sm4:1:<keyId>:<iv>:<ciphertext>:<mac>)',
        );
      const parsed = parseFieldToken(token) as ParsedToken;
      if (parsed.version !== TOKEN_VERSION)
        throw new FieldCryptoError(
          `encrypted value has unsupported token version ${parsed.version} (this build reads version ${TOKEN_VERSION})`,
        );
      const key = keyFor(parsed.keyId);
      const iv = decodePart(parsed.iv, 'IV', (n) => n === BLOCK);
      const ct = decodePart(parsed.ciphertext, 'ciphertext', (n) => n >= BLOCK && n % BLOCK === 0);
      const tag = decodePart(parsed.mac, 'MAC', (n) => n === MAC_BYTES);
      const authenticated = token.slice(0, token.lastIndexOf(':'));
      const expected = mac(key, authenticated);
      if (!timingSafeEqual(tag, expected))
        throw new FieldCryptoError(
          `encrypted value under key '${parsed.keyId}' failed its integrity check: it was altered, or key '${parsed.keyId}' is not the key it was encrypted with`,
        );
      try {
        const decipher = createDecipheriv(CIPHER, key, iv);
        return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
      } catch {
        // Unreachable with a valid MAC unless the key material is inconsistent.
        throw new FieldCryptoError(
          `encrypted value under key '${parsed.keyId}' cannot be decrypted`,
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
): string | null {
  return plaintext === null || plaintext === undefined ? null : cipher.encrypt(plaintext);
}

/** Decrypts a value that may be absent: null/undefined stay null. */
export function decryptNullable(
  cipher: FieldCipher,
  token: string | null | undefined,
): string | null {
  return token === null || token === undefined ? null : cipher.decrypt(token);
}
