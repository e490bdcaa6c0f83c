import assert from 'node:assert/strict';
import { createCipheriv, createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  FieldCryptoError,
  createFieldCipher,
  decryptNullable,
  encryptNullable,
  isFieldToken,
  parseFieldToken,
} from './field-crypto';
import { createKeyring } from './keyring';

const K1 = '00112233445566778899aabbccddeeff';
const K2 = 'ffeeddccbbaa99887766554433221100';
const PHONE = '联系电话 13800138000';

const ring1 = createKeyring({ k1: K1 }, 'k1', 'test');
const ring12 = createKeyring({ k1: K1, k2: K2 }, 'k2', 'test');

/** Replaces part `index` (0-based, of the 6 ':'-separated parts) of a token. */
function withPart(token: string, index: number, f: (part: string) => string): string {
  const parts = token.split(':');
  parts[index] = f(parts[index] ?? '');
  return parts.join(':');
}

/** Flips the lowest bit of the first byte of a base64url part, keeping it canonical. */
function flipBit(part: string, byte = 0): string {
  const bytes = Buffer.from(part, 'base64url');
  bytes[byte] = (bytes[byte] ?? 0) ^ 0x01;
  return bytes.toString('base64url');
}

const rejects = (pattern: RegExp) => (e: unknown) =>
  e instanceof FieldCryptoError && pattern.test(e.message);

describe('SM4 primitive', () => {
  it('matches the GB/T 32907 test vector (SM4-ECB, one block)', () => {
    const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
    const cipher = createCipheriv('sm4-ecb', key, null).setAutoPadding(false);
    const out = Buffer.concat([cipher.update(key), cipher.final()]);
    assert.equal(out.toString('hex'), '681edf34d206965e86b3e94f536e4246');
  });

  it('has SM3 (GB/T 32905 example: "abc")', () => {
    assert.equal(
      createHash('sm3').update('abc').digest('hex'),
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    );
  });
});

describe('field cipher', () => {
  it('round-trips Chinese text, and the token has the documented shape', () => {
    const c = createFieldCipher(ring1);
    const token = c.encrypt(PHONE);
    assert.match(
      token,
      /^sm4:1:k1:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]+:[A-Za-z0-9_-]{43}$/,
      'sm4:1:<keyId>:<iv 16 bytes>:<ct>:<mac 32 bytes>',
    );
    assert.ok(!token.includes('13800138000'));
    assert.equal(c.decrypt(token), PHONE);
    assert.ok(isFieldToken(token));
    assert.equal(parseFieldToken(token)?.keyId, 'k1');
    assert.equal(c.currentKeyId, 'k1');
  });

  it('round-trips the empty string and long text', () => {
    const c = createFieldCipher(ring1);
    assert.equal(c.decrypt(c.encrypt('')), '');
    const long = '等级保护'.repeat(1000) + '😀';
    assert.equal(c.decrypt(c.encrypt(long)), long);
  });

  it('uses a random IV: the same text encrypts differently each time', () => {
    const c = createFieldCipher(ring1);
    const a = c.encrypt(PHONE);
    const b = c.encrypt(PHONE);
    assert.notEqual(a, b);
    assert.notEqual(parseFieldToken(a)?.iv, parseFieldToken(b)?.iv);
    assert.equal(c.decrypt(a), c.decrypt(b));
  });

  it('rejects a flipped bit in the IV, the ciphertext or the MAC', () => {
    const c = createFieldCipher(ring1);
    const token = c.encrypt(PHONE);
    for (const [index, name] of [
      [3, 'iv'],
      [4, 'ciphertext'],
      [5, 'mac'],
    ] as const) {
      for (const byte of [0, 7, 15]) {
        const bad = withPart(token, index, (p) => flipBit(p, byte));
        assert.notEqual(bad, token);
        assert.throws(() => c.decrypt(bad), rejects(/integrity check/), `${name} byte ${byte}`);
      }
    }
  });

  it('rejects a changed key id, known or unknown', () => {
    const c = createFieldCipher(ring12);
    const underK1 = createFieldCipher(ring1).encrypt(PHONE);
    // Relabelled as k2 (a key the ring has): the MAC covers the key id, so it fails.
    assert.throws(() => c.decrypt(withPart(underK1, 2, () => 'k2')), rejects(/integrity check/));
    // Relabelled as a key the ring does not have: named in the error.
    assert.throws(
      () => c.decrypt(withPart(underK1, 2, () => 'k9')),
      rejects(/key 'k9', which is not in the keyring \(known: k1, k2\)/),
    );
  });

  it('rejects malformed tokens, other versions, and a truncated MAC', () => {
    const c = createFieldCipher(ring1);
    const token = c.encrypt(PHONE);
    assert.throws(() => c.decrypt('13800138000'), rejects(/not an encrypted token/));
    assert.throws(() => c.decrypt(`${token}:x`), rejects(/not an encrypted token/));
    assert.throws(
      () => c.decrypt(withPart(token, 1, () => '2')),
      rejects(/unsupported token version 2/),
    );
    assert.throws(
      () => c.decrypt(withPart(token, 5, (p) => p.slice(0, -4))),
      rejects(/MAC has the wrong length/),
    );
    assert.throws(() => c.decrypt(withPart(token, 3, (p) => p.slice(0, -1))), rejects(/IV has/));
  });

  it('fails the integrity check with the wrong key material under the same id', () => {
    const token = createFieldCipher(ring1).encrypt(PHONE);
    const other = createFieldCipher(createKeyring({ k1: K2 }, 'k1', 'test'));
    assert.throws(() => other.decrypt(token), rejects(/integrity check/));
  });

  it('keeps decrypting old-key tokens after a new current key is added; needsRotation flags them', () => {
    const old = createFieldCipher(ring1);
    const oldToken = old.encrypt(PHONE);
    const rotated = createFieldCipher(ring12);
    assert.equal(rotated.currentKeyId, 'k2');
    assert.equal(rotated.decrypt(oldToken), PHONE);
    assert.equal(rotated.needsRotation(oldToken), true);
    const fresh = rotated.encrypt(PHONE);
    assert.equal(parseFieldToken(fresh)?.keyId, 'k2');
    assert.equal(rotated.needsRotation(fresh), false);
    assert.equal(old.needsRotation(oldToken), false);
    // Legacy plaintext is not a token and needs encrypting.
    assert.equal(rotated.needsRotation('13800138000'), true);
    assert.equal(isFieldToken('SM4: 已采用国密算法'), false);
  });

  it('nullable helpers pass null through', () => {
    const c = createFieldCipher(ring1);
    assert.equal(encryptNullable(c, null), null);
    assert.equal(encryptNullable(c, undefined), null);
    assert.equal(decryptNullable(c, null), null);
    assert.equal(decryptNullable(c, encryptNullable(c, PHONE)), PHONE);
  });

  it('never exposes key material through the keyring or cipher objects', () => {
    const c = createFieldCipher(ring12);
    const dumped = JSON.stringify({ ring12, c }) + String(ring12);
    assert.ok(!dumped.includes(K1) && !dumped.includes(K2));
  });
});
