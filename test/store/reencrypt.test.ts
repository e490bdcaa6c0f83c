import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { createFieldCipher, parseFieldToken } from '../../src/security/field-crypto';
import { createKeyring } from '../../src/security/keyring';
import { openStore, type Store } from '../../src/store/database';
import {
  ENCRYPTED_COLUMNS,
  reencryptAll,
  scanKeyUsage,
  type ColumnReencryptCount,
} from '../../src/store/reencrypt';
import type { Database } from '../../src/store/schema';
import { openTestStore, TEST_DIALECTS } from '../support';

const K1 = '0123456789abcdeffedcba9876543210';
const K2 = '00112233445566778899aabbccddeeff';
const NOW = '2026-03-02T01:00:00.000Z';
const DIGITS = '13800138000';
const PHONE = `联系电话 ${DIGITS}`;

const cipherK1 = createFieldCipher(createKeyring({ k1: K1 }, 'k1', 'test'));
const cipherK2 = createFieldCipher(createKeyring({ k1: K1, k2: K2 }, 'k2', 'test'));

let seq = 0;
async function insertOrganisation(
  db: Kysely<Database>,
  phoneEnc: string | null,
  id = `org-${String(++seq).padStart(4, '0')}`,
): Promise<string> {
  await db
    .insertInto('organisations')
    .values({
      id,
      name: `某单位${id}`,
      contact_name: '张三',
      contact_phone_enc: phoneEnc,
      version: 1,
      created_at: NOW,
      updated_at: NOW,
    })
    .execute();
  return id;
}

async function insertStatus(db: Kysely<Database>, orgId: string, key: string, note: string | null) {
  const systemId = `${orgId}-sys-${key}`;
  await db
    .insertInto('systems')
    .values({
      id: systemId,
      organisation_id: orgId,
      name: '网上银行系统',
      types: '["ordinary_system"]',
      version: 1,
      created_at: NOW,
      updated_at: NOW,
    })
    .execute();
  await db
    .insertInto('obligation_statuses')
    .values({
      organisation_id: orgId,
      obligation_key: key,
      system_id: systemId,
      status: 'done',
      note,
      updated_at: NOW,
    })
    .execute();
}

/** The column exactly as the database holds it, cast to text. */
async function rawPhone(db: Kysely<Database>, id: string): Promise<string> {
  const res = await sql<{
    v: string;
  }>`select cast(contact_phone_enc as text) as v from organisations where id = ${id}`.execute(db);
  return res.rows[0]?.v ?? '';
}

/** Every column of the row as the database returns it, plus (on PostgreSQL) the row cast to text. */
async function rawRowText(store: Store, id: string): Promise<string> {
  const row = await store.db
    .selectFrom('organisations')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  let text = JSON.stringify(row);
  if (store.dialect === 'postgres') {
    const res = await sql<{
      v: string;
    }>`select o::text as v from organisations o where o.id = ${id}`.execute(store.db);
    text += res.rows[0]?.v ?? '';
  }
  return text;
}

function count(result: { columns: readonly ColumnReencryptCount[] }, column: string) {
  const c = result.columns.find((x) => x.column === column);
  assert.ok(c, `no counts for ${column}`);
  return c;
}

for (const dialect of TEST_DIALECTS) {
  describe(`re-encryption on ${dialect}`, () => {
    let store: Store | null;
    before(async () => {
      store = await openTestStore(dialect);
    });
    after(async () => store?.close());
    const skip = () => store === null;

    it(
      'rotates k1 tokens to k2 and never leaves the phone in the raw row',
      { skip: skip() },
      async () => {
        const s = store as Store;
        const id = await insertOrganisation(s.db, cipherK1.encrypt(PHONE));
        assert.ok(!(await rawRowText(s, id)).includes(DIGITS));
        assert.equal(parseFieldToken(await rawPhone(s.db, id))?.keyId, 'k1');

        const result = await reencryptAll(s.db, cipherK2, { batchSize: 2 });
        assert.equal(result.currentKeyId, 'k2');
        const phone = count(result, 'contact_phone_enc');
        assert.equal(phone.rotated, 1);
        assert.equal(phone.encryptedPlaintext, 0);
        assert.equal(phone.failed, 0);

        const raw = await rawPhone(s.db, id);
        assert.match(raw, /^sm4:1:k2:/);
        assert.equal(cipherK2.decrypt(raw), PHONE);
        assert.ok(!raw.includes(DIGITS));
        assert.ok(!(await rawRowText(s, id)).includes(DIGITS));
        // k1 alone can no longer read it.
        assert.throws(() => cipherK1.decrypt(raw), /key 'k2', which is not in the keyring/);
        // Idempotent: a second run finds nothing to do.
        const again = count(await reencryptAll(s.db, cipherK2), 'contact_phone_enc');
        assert.equal(again.rotated + again.encryptedPlaintext, 0);
        assert.equal(again.current, again.scanned);
      },
    );

    it(
      'walks many rows in batches, encrypts legacy plaintext, counts separately, leaves nulls and undecryptable values',
      { skip: skip() },
      async () => {
        const s = store as Store;
        const underK1: string[] = [];
        for (let i = 0; i < 7; i++)
          underK1.push(await insertOrganisation(s.db, cipherK1.encrypt(`${PHONE}-${i}`)));
        const plain = await insertOrganisation(s.db, '13900139000');
        const empty = await insertOrganisation(s.db, '');
        const none = await insertOrganisation(s.db, null);
        const foreign = createFieldCipher(createKeyring({ k9: K2 }, 'k9', 'test')).encrypt('x');
        const lost = await insertOrganisation(s.db, foreign);
        await insertStatus(s.db, plain, 'mlps.filing', 'SM4: 已采用国密算法，备注电话 13700137000');
        await insertStatus(s.db, plain, 'mlps.grading', cipherK1.encrypt('已完成'));
        await insertStatus(s.db, empty, 'mlps.grading', null);

        const usage = await scanKeyUsage(s.db);
        const phoneUsage = usage.find((u) => u.column === 'contact_phone_enc');
        assert.ok(phoneUsage);
        assert.equal(phoneUsage.byKeyId.k9, 1);
        assert.ok((phoneUsage.byKeyId.k1 ?? 0) >= 7);

        const result = await reencryptAll(s.db, cipherK2, { batchSize: 3 });
        const phone = count(result, 'contact_phone_enc');
        assert.equal(phone.rotated, 7);
        assert.equal(phone.encryptedPlaintext, 2, 'plaintext phone and the empty string');
        assert.equal(phone.failed, 1);
        assert.deepEqual(phone.failures[0]?.key, { id: lost });
        assert.match(phone.failures[0]?.error ?? '', /key 'k9'/);
        const note = count(result, 'note');
        assert.deepEqual(
          { rotated: note.rotated, plaintext: note.encryptedPlaintext, scanned: note.scanned },
          { rotated: 1, plaintext: 1, scanned: 2 },
        );

        for (const [i, id] of underK1.entries()) {
          const raw = await rawPhone(s.db, id);
          assert.match(raw, /^sm4:1:k2:/);
          assert.equal(cipherK2.decrypt(raw), `${PHONE}-${i}`);
        }
        assert.equal(cipherK2.decrypt(await rawPhone(s.db, plain)), '13900139000');
        assert.equal(cipherK2.decrypt(await rawPhone(s.db, empty)), '');
        const nullRow = await s.db
          .selectFrom('organisations')
          .select('contact_phone_enc')
          .where('id', '=', none)
          .executeTakeFirstOrThrow();
        assert.equal(nullRow.contact_phone_enc, null);
        assert.equal(await rawPhone(s.db, lost), foreign, 'undecryptable value left as it was');

        const notes = await s.db
          .selectFrom('obligation_statuses')
          .select(['obligation_key', sql<string | null>`cast(note as text)`.as('note')])
          .where('organisation_id', '=', plain)
          .orderBy('obligation_key')
          .execute();
        assert.equal(
          cipherK2.decrypt(notes[0]?.note ?? ''),
          'SM4: 已采用国密算法，备注电话 13700137000',
        );
        assert.ok(!(notes[0]?.note ?? '').includes('13700137000'));
        assert.equal(cipherK2.decrypt(notes[1]?.note ?? ''), '已完成');

        const after = (await scanKeyUsage(s.db)).find((u) => u.column === 'contact_phone_enc');
        assert.equal(after?.plaintext, 0);
        assert.equal(after?.byKeyId.k1, undefined);
      },
    );

    it('rejects bad options', { skip: skip() }, async () => {
      const s = store as Store;
      await assert.rejects(reencryptAll(s.db, cipherK2, { batchSize: 0 }), /batchSize/);
      await assert.rejects(
        reencryptAll(s.db, cipherK2, {
          columns: [{ table: 'organisations', keyColumns: ['id'], column: 'x; drop table y' }],
        }),
        /invalid identifier/,
      );
    });
  });
}

describe('ENCRYPTED_COLUMNS', () => {
  it('lists every field-encrypted column: phone, obligation note, assessment records and files', () => {
    assert.deepEqual(
      ENCRYPTED_COLUMNS.map((c) => `${c.table}.${c.column}`),
      [
        'organisations.contact_phone_enc',
        'obligation_statuses.note',
        'assessment_results.record_enc',
        'assessment_results.reason_enc',
        'assessment_evidence.content_enc',
        'finding_notes.description_enc',
        'major_risks.note_enc',
        'rectification_items.plan_enc',
        'cii_evaluation_results.note_enc',
        'cii_evaluation_results.evidence_enc',
        'cii_evaluation_rectifications.plan_enc',
      ],
    );
  });
});

describe('re-encryption on a SQLite file', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'dengbao-reencrypt-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  function fileBytes(file: string): Buffer {
    return Buffer.concat(
      [file, `${file}-wal`, `${file}-journal`]
        .filter((f) => existsSync(f))
        .map((f) => readFileSync(f)),
    );
  }

  it('the phone number bytes never reach the file or the WAL', async () => {
    const file = path.join(dir, 'a.sqlite');
    let store = await openStore({ kind: 'sqlite', file });
    const id = await insertOrganisation(store.db, cipherK1.encrypt(PHONE));
    const phone = count(await reencryptAll(store.db, cipherK2), 'contact_phone_enc');
    assert.equal(phone.rotated, 1);
    await store.close();
    const bytes = fileBytes(file);
    assert.equal(
      bytes.indexOf(Buffer.from(DIGITS, 'utf8')),
      -1,
      'phone digits in the database files',
    );
    // Sanity: the search sees what SQLite writes (text is stored as UTF-8).
    assert.notEqual(bytes.indexOf(Buffer.from('张三', 'utf8')), -1);
    store = await openStore({ kind: 'sqlite', file });
    const raw = await rawPhone(store.db, id);
    await store.close();
    assert.match(raw, /^sm4:1:k2:/);
    assert.equal(cipherK2.decrypt(raw), PHONE);
  });

  it('legacy plaintext, once encrypted, is scrubbed from the file, free pages and the WAL', async () => {
    const file = path.join(dir, 'b.sqlite');
    const legacyPhone = '13911112222';
    // Long enough to spill into overflow pages, which SQLite frees without zeroing by default.
    const legacyNote = `整改联系人电话 13622223333。${'等级测评整改意见：'.repeat(400)}`;
    let store = await openStore({ kind: 'sqlite', file });
    const id = await insertOrganisation(store.db, legacyPhone);
    await insertStatus(store.db, id, 'mlps.filing', legacyNote);
    await store.close(); // checkpoints: the plaintext is now in the main database file
    assert.notEqual(fileBytes(file).indexOf(Buffer.from('13622223333')), -1, 'precondition');

    store = await openStore({ kind: 'sqlite', file });
    // Another connection (a running server) keeps the WAL from being removed at close.
    const other = await openStore({ kind: 'sqlite', file });
    const result = await reencryptAll(store.db, cipherK2);
    assert.equal(count(result, 'contact_phone_enc').encryptedPlaintext, 1);
    assert.equal(count(result, 'note').encryptedPlaintext, 1);
    const bytes = fileBytes(file);
    for (const digits of [legacyPhone, '13622223333'])
      assert.equal(bytes.indexOf(Buffer.from(digits)), -1, `${digits} left in the database files`);
    assert.equal(bytes.indexOf(Buffer.from('等级测评整改意见')), -1);
    const raw = await rawPhone(other.db, id);
    assert.equal(cipherK2.decrypt(raw), legacyPhone);
    await other.close();
    await store.close();
  });
});
