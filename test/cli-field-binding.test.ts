import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createCipheriv, createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createFieldCipher } from '../src/security/field-crypto';
import { parseKeyList } from '../src/security/keyring';
import { openStore } from '../src/store/database';

const BIN = path.resolve('bin/dengbao.js');
const K1 = '0123456789abcdeffedcba9876543210';
const dataDir = mkdtempSync(path.join(tmpdir(), 'dengbao-cli-binding-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: {
      ...process.env,
      DENGBAO_DATA_DIR: dataDir,
      DATABASE_URL: '',
      DENGBAO_ENCRYPTION_KEYS: `k1:${K1}`,
    },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A version-1 (unbound) token as builds before the binding wrote them. */
function v1Token(plaintext: string): string {
  const key = Buffer.from(K1, 'hex');
  const iv = randomBytes(16);
  const c = createCipheriv('sm4-cbc', key, iv);
  const ct = Buffer.concat([c.update(plaintext, 'utf8'), c.final()]);
  const text = `sm4:1:k1:${iv.toString('base64url')}:${ct.toString('base64url')}`;
  const macKey = createHmac('sm3', key).update('dengbao-field-mac-v1').digest();
  return `${text}:${createHmac('sm3', macKey).update(text).digest('base64url')}`;
}

describe('dengbao keys: values written before the field binding', () => {
  it('status counts unbound values, reencrypt binds them to their row', async () => {
    const file = path.join(dataDir, 'dengbao.sqlite');
    const store = await openStore({ kind: 'sqlite', file });
    const now = '2026-03-02T01:00:00.000Z';
    for (const id of ['org-a', 'org-b'])
      await store.db
        .insertInto('organisations')
        .values({
          id,
          name: `某单位 ${id}`,
          contact_phone_enc: v1Token(`1380013800${id.at(-1) === 'a' ? 1 : 2}`),
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
    await store.close();

    const status = run(['keys', 'status']);
    assert.equal(status.code, 0, status.err);
    assert.match(status.out, /organisations\.contact_phone_enc\s+\(unbound, v1\)\s+2\s+not bound/);

    const bound = run(['keys', 'reencrypt']);
    assert.equal(bound.code, 0, bound.err);
    assert.match(bound.out, /bound \(v1\)/);
    assert.match(bound.out, /organisations\.contact_phone_enc\s+2\s+0\s+2\s+0\s+0\s+0\s+0/);

    const after = run(['keys', 'status']);
    assert.equal(after.code, 0, after.err);
    assert.doesNotMatch(after.out, /unbound/);

    const reopened = await openStore({ kind: 'sqlite', file });
    const rows = await sql<{
      id: string;
      phone: string;
    }>`select id, contact_phone_enc as phone from organisations order by id`.execute(reopened.db);
    await reopened.close();
    const cipher = createFieldCipher(parseKeyList(`k1:${K1}`, 'test'));
    const at = (id: string) => ({ table: 'organisations', column: 'contact_phone_enc', rowId: id });
    const [a, b] = rows.rows;
    assert.match(a!.phone, /^sm4:2:k1:/);
    assert.equal(cipher.decrypt(a!.phone, at('org-a')), '13800138001');
    assert.equal(cipher.decrypt(b!.phone, at('org-b')), '13800138002');
    // Now bound: org-a's value pasted into org-b's row no longer reads as org-b's phone.
    assert.throws(() => cipher.decrypt(a!.phone, at('org-b')), /bound to another row/);
  });
});
