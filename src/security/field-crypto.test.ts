import assert from 'node:assert/strict';
import { createCipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  FieldCryptoError,
  createFieldCipher,
  decryptNullable,
  encryptNullable,
  isFieldToken,
  isUnboundToken,
  parseFieldToken,
  type FieldBinding,
} from './field-crypto';
import { createKeyring } from './keyring';

const K1 = '00112233445566778899aabbccddeeff';
const K2 = 'ffeeddccbbaa99887766554433221100';
const PHONE = '联系电话 13800138000';

const ring1 = createKeyring({ k1: K1 }, 'k1', 'test');
const ring12 = createKeyring({ k1: K1, k2: K2 }, 'k2', 'test');

/** Where the test values live. */
const AT: FieldBinding = { table: 'organisations', column: 'contact_phone_enc', rowId: 'org-1' };

/**
 * A version-1 (unbound) token as builds before the binding wrote them, made here independently
 * of the module: SM4-CBC, then HMAC-SM3 over "sm4:1:<keyId>:<iv>:<ct>" with the derived MAC key.
 */
function v1Token(hexKey: string, keyId: string, plaintext: string): string {
  const key = Buffer.from(hexKey, 'hex');
  const iv = randomBytes(16);
  const c = createCipheriv('sm4-cbc', key, iv);
  const ct = Buffer.concat([c.update(plaintext, 'utf8'), c.final()]);
  const text = `sm4:1:${keyId}:${iv.toString('base64url')}:${ct.toString('base64url')}`;
  const macKey = createHmac('sm3', key).update('dengbao-field-mac-v1').digest();
  return `${text}:${createHmac('sm3', macKey).update(text).digest('base64url')}`;
}

/** Replaces part `index` (0-based, of the 7 ':'-separated parts) of a token. */
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
    const token = c.encrypt(PHONE, AT);
    assert.match(
      token,
      /^sm4:2:k1:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]+:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]{43}$/,
      'sm4:2:<keyId>:<iv 16 bytes>:<ct>:<binding 16 bytes>:<mac 32 bytes>',
    );
    assert.ok(!token.includes('13800138000'));
    assert.ok(!token.includes('org-1'), 'the row id is not written into the token');
    assert.equal(c.decrypt(token, AT), PHONE);
    assert.ok(isFieldToken(token));
    assert.equal(isUnboundToken(token), false);
    assert.equal(parseFieldToken(token)?.keyId, 'k1');
    assert.equal(parseFieldToken(token)?.version, 2);
    assert.equal(c.currentKeyId, 'k1');
  });

  it('round-trips the empty string and long text', () => {
    const c = createFieldCipher(ring1);
    assert.equal(c.decrypt(c.encrypt('', AT), AT), '');
    const long = '等级保护'.repeat(1000) + '😀';
    assert.equal(c.decrypt(c.encrypt(long, AT), AT), long);
  });

  it('uses a random IV: the same text encrypts differently each time', () => {
    const c = createFieldCipher(ring1);
    const a = c.encrypt(PHONE, AT);
    const b = c.encrypt(PHONE, AT);
    assert.notEqual(a, b);
    assert.notEqual(parseFieldToken(a)?.iv, parseFieldToken(b)?.iv);
    assert.equal(c.decrypt(a, AT), c.decrypt(b, AT));
  });

  it('refuses a value moved to another row, column or table: bound to another row', () => {
    const c = createFieldCipher(ring12);
    const token = c.encrypt(PHONE, AT);
    const elsewhere: FieldBinding[] = [
      { ...AT, rowId: 'org-2' },
      { ...AT, rowId: ['org-1', ''] },
      { ...AT, column: 'contact_name' },
      { ...AT, table: 'major_risks', column: 'note_enc' },
      { table: 'assessment_results', column: 'record_enc', rowId: ['a-1', '8.1.4.1', 'o-1'] },
    ];
    for (const other of elsewhere)
      assert.throws(
        () => c.decrypt(token, other),
        (e: unknown) =>
          e instanceof FieldCryptoError &&
          e.reason === 'binding' &&
          /is bound to another row, column or table/.test(e.message) &&
          e.message.includes(`${other.table}.${other.column}`) &&
          !e.message.includes(PHONE),
        JSON.stringify(other),
      );
    // Composite keys: each part counts, and the parts cannot be re-split.
    const composite: FieldBinding = {
      table: 'finding_notes',
      column: 'description_enc',
      rowId: ['a:1', 'b'],
    };
    const t2 = c.encrypt('发现', composite);
    assert.equal(c.decrypt(t2, composite), '发现');
    assert.throws(
      () => c.decrypt(t2, { ...composite, rowId: ['a', '1:b'] }),
      /bound to another row/,
    );
    assert.throws(
      () => c.decrypt(t2, { ...composite, rowId: ['b', 'a:1'] }),
      /bound to another row/,
    );
    // A single key as a string or a one-element array binds the same.
    assert.equal(c.decrypt(token, { ...AT, rowId: ['org-1'] }), PHONE);
  });

  it('cannot be re-bound by editing the binding part: the MAC covers it', () => {
    const c = createFieldCipher(ring1);
    const mine = c.encrypt(PHONE, AT);
    const theirs = c.encrypt('其他', { ...AT, rowId: 'org-2' });
    // Transplant org-2's binding tag onto org-1's ciphertext and try to read it as org-2's.
    const forged = withPart(mine, 5, () => theirs.split(':')[5] ?? '');
    assert.throws(
      () => c.decrypt(forged, { ...AT, rowId: 'org-2' }),
      (e: unknown) => e instanceof FieldCryptoError && e.reason === 'integrity',
    );
  });

  it('requires a binding on every call', () => {
    const c = createFieldCipher(ring1);
    const token = c.encrypt(PHONE, AT);
    for (const bad of [
      undefined,
      {},
      { ...AT, rowId: [] },
      { ...AT, table: '' },
      { ...AT, rowId: [1] },
    ] as unknown as FieldBinding[]) {
      assert.throws(() => c.encrypt(PHONE, bad), rejects(/bound to its table, column and row/));
      assert.throws(() => c.decrypt(token, bad), rejects(/bound to its table, column and row/));
    }
  });

  it('rejects a flipped bit in the IV, the ciphertext, the binding or the MAC', () => {
    const c = createFieldCipher(ring1);
    const token = c.encrypt(PHONE, AT);
    for (const [index, name] of [
      [3, 'iv'],
      [4, 'ciphertext'],
      [5, 'binding'],
      [6, 'mac'],
    ] as const) {
      for (const byte of [0, 7, 15]) {
        const bad = withPart(token, index, (p) => flipBit(p, byte));
        assert.notEqual(bad, token);
        assert.throws(() => c.decrypt(bad, AT), rejects(/integrity check/), `${name} byte ${byte}`);
      }
    }
  });

  it('rejects a changed key id, known or unknown', () => {
    const c = createFieldCipher(ring12);
    const underK1 = createFieldCipher(ring1).encrypt(PHONE, AT);
    // Relabelled as k2 (a key the ring has): the MAC covers the key id, so it fails.
    assert.throws(
      () =>
        c.decrypt(
          withPart(underK1, 2, () => 'k2'),
          AT,
        ),
      rejects(/integrity check/),
    );
    // Relabelled as a key the ring does not have: named in the error.
    assert.throws(
      () =>
        c.decrypt(
          withPart(underK1, 2, () => 'k9'),
          AT,
        ),
      rejects(/key 'k9', which is not in the keyring \(known: k1, k2\)/),
    );
  });

  it('rejects malformed tokens, other versions, and a truncated MAC', () => {
    const c = createFieldCipher(ring1);
    const token = c.encrypt(PHONE, AT);
    assert.throws(() => c.decrypt('13800138000', AT), rejects(/not an encrypted token/));
    assert.throws(() => c.decrypt(`${token}:x`, AT), rejects(/not an encrypted token/));
    assert.throws(
      () =>
        c.decrypt(
          withPart(token, 1, () => '3'),
          AT,
        ),
      rejects(/unsupported token version 3/),
    );
    // A version-2 token without its binding part, or a version-1 token with one.
    const v1 = v1Token(K1, 'k1', PHONE);
    assert.throws(
      () =>
        c.decrypt(
          token
            .split(':')
            .filter((_, i) => i !== 5)
            .join(':'),
          AT,
        ),
      rejects(/version 2 has the wrong number of parts/),
    );
    assert.throws(
      () =>
        c.decrypt(
          withPart(token, 1, () => '1'),
          AT,
        ),
      rejects(/wrong number/),
    );
    assert.throws(
      () =>
        c.decrypt(
          withPart(v1, 1, () => '2'),
          AT,
        ),
      rejects(/wrong number/),
    );
    assert.throws(
      () =>
        c.decrypt(
          withPart(token, 6, (p) => p.slice(0, -4)),
          AT,
        ),
      rejects(/MAC has the wrong length/),
    );
    assert.throws(
      () =>
        c.decrypt(
          withPart(token, 5, (p) => p.slice(0, -2)),
          AT,
        ),
      rejects(/binding has the wrong length/),
    );
    assert.throws(
      () =>
        c.decrypt(
          withPart(token, 3, (p) => p.slice(0, -1)),
          AT,
        ),
      rejects(/IV has/),
    );
  });

  it('fails the integrity check with the wrong key material under the same id', () => {
    const token = createFieldCipher(ring1).encrypt(PHONE, AT);
    const other = createFieldCipher(createKeyring({ k1: K2 }, 'k1', 'test'));
    assert.throws(() => other.decrypt(token, AT), rejects(/integrity check/));
  });

  it('reads version-1 (unbound) tokens until they are re-encrypted, unless told not to', () => {
    const v1 = v1Token(K1, 'k1', PHONE);
    assert.ok(isFieldToken(v1) && isUnboundToken(v1));
    const c = createFieldCipher(ring12);
    assert.equal(c.readsUnbound, true);
    // Unbound: readable anywhere (which is why `keys reencrypt` binds them).
    assert.equal(c.decrypt(v1, AT), PHONE);
    assert.equal(c.decrypt(v1, { ...AT, rowId: 'org-2' }), PHONE);
    assert.equal(c.needsRotation(v1), true);
    // Even under the current key a v1 token needs rewriting.
    assert.equal(createFieldCipher(ring1).needsRotation(v1), true);
    assert.throws(
      () =>
        c.decrypt(
          withPart(v1, 4, (p) => flipBit(p)),
          AT,
        ),
      rejects(/integrity/),
    );
    const strict = createFieldCipher(ring12, { readUnbound: false });
    assert.equal(strict.readsUnbound, false);
    assert.throws(
      () => strict.decrypt(v1, AT),
      (e: unknown) =>
        e instanceof FieldCryptoError &&
        e.reason === 'unbound' &&
        /unbound version-1 token/.test(e.message),
    );
    assert.equal(strict.decrypt(strict.encrypt(PHONE, AT), AT), PHONE);
  });

  it('keeps decrypting old-key tokens after a new current key is added; needsRotation flags them', () => {
    const old = createFieldCipher(ring1);
    const oldToken = old.encrypt(PHONE, AT);
    const rotated = createFieldCipher(ring12);
    assert.equal(rotated.currentKeyId, 'k2');
    assert.equal(rotated.decrypt(oldToken, AT), PHONE);
    assert.equal(rotated.needsRotation(oldToken), true);
    const fresh = rotated.encrypt(PHONE, AT);
    assert.equal(parseFieldToken(fresh)?.keyId, 'k2');
    assert.equal(rotated.needsRotation(fresh), false);
    assert.equal(old.needsRotation(oldToken), false);
    // Legacy plaintext is not a token and needs encrypting.
    assert.equal(rotated.needsRotation('13800138000'), true);
    assert.equal(isFieldToken('SM4: 已采用国密算法'), false);
  });

  it('nullable helpers pass null through', () => {
    const c = createFieldCipher(ring1);
    assert.equal(encryptNullable(c, null, AT), null);
    assert.equal(encryptNullable(c, undefined, AT), null);
    assert.equal(decryptNullable(c, null, AT), null);
    assert.equal(decryptNullable(c, encryptNullable(c, PHONE, AT), AT), PHONE);
    assert.throws(() => decryptNullable(c, encryptNullable(c, PHONE, AT), { ...AT, rowId: 'x' }));
  });

  it('never exposes key material through the keyring or cipher objects', () => {
    const c = createFieldCipher(ring12);
    const dumped = JSON.stringify({ ring12, c }) + String(ring12);
    assert.ok(!dumped.includes(K1) && !dumped.includes(K2));
  });
});
