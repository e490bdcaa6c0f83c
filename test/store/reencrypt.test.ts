import assert from 'node:assert/strict';
import { createCipheriv, createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import SQLiteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import {
  createFieldCipher,
  parseFieldToken,
  type FieldBinding,
  type FieldCipher,
} from '../../src/security/field-crypto';
import { createKeyring } from '../../src/security/keyring';
import { fieldCipherAtStart } from '../../src/app/field-binding';
import { openStore, type Store } from '../../src/store/database';
import { migrateToLatest } from '../../src/store/migrations';
import {
  ENCRYPTED_COLUMNS,
  bindUnboundValues,
  countUnbound,
  reencryptAll,
  scanKeyUsage,
  type ColumnReencryptCount,
} from '../../src/store/reencrypt';
import type { Database } from '../../src/store/schema';
import { openTestStore, TEST_DIALECTS } from '../support';

const K1 = '0123456789abcdeffedcba9876543210';
const K2 = '00112233445566778899aabbccddeeff';
const K3 = '2b7e151628aed2a6abf7158809cf4f3c';
const NOW = '2026-03-02T01:00:00.000Z';
const DIGITS = '13800138000';
const PHONE = `联系电话 ${DIGITS}`;

const cipherK1 = createFieldCipher(createKeyring({ k1: K1 }, 'k1', 'test'));
const cipherK2 = createFieldCipher(createKeyring({ k1: K1, k2: K2 }, 'k2', 'test'));

/** Where an organisation's contact phone lives. */
const phoneAt = (id: string): FieldBinding => ({
  table: 'organisations',
  column: 'contact_phone_enc',
  rowId: id,
});

/**
 * A version-1 (unbound) token as builds before the binding wrote them, built here independently
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

let seq = 0;
const nextOrgId = () => `org-${String(++seq).padStart(4, '0')}`;

async function insertOrganisation(
  db: Kysely<Database>,
  phoneEnc: string | null | ((id: string) => string),
  id = nextOrgId(),
): Promise<string> {
  if (typeof phoneEnc === 'function') phoneEnc = phoneEnc(id);
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
        const id = await insertOrganisation(s.db, (id) => cipherK1.encrypt(PHONE, phoneAt(id)));
        assert.ok(!(await rawRowText(s, id)).includes(DIGITS));
        assert.equal(parseFieldToken(await rawPhone(s.db, id))?.keyId, 'k1');

        const result = await reencryptAll(s.db, cipherK2, { batchSize: 2 });
        assert.equal(result.currentKeyId, 'k2');
        const phone = count(result, 'contact_phone_enc');
        assert.equal(phone.rotated, 1);
        assert.equal(phone.bound, 0);
        assert.equal(phone.encryptedPlaintext, 0);
        assert.equal(phone.failed, 0);

        const raw = await rawPhone(s.db, id);
        assert.match(raw, /^sm4:2:k2:/);
        assert.equal(cipherK2.decrypt(raw, phoneAt(id)), PHONE);
        assert.ok(!raw.includes(DIGITS));
        assert.ok(!(await rawRowText(s, id)).includes(DIGITS));
        // k1 alone can no longer read it.
        assert.throws(
          () => cipherK1.decrypt(raw, phoneAt(id)),
          /key 'k2', which is not in the keyring/,
        );
        // Idempotent: a second run finds nothing to do.
        const again = count(await reencryptAll(s.db, cipherK2), 'contact_phone_enc');
        assert.equal(again.rotated + again.bound + again.encryptedPlaintext, 0);
        assert.equal(again.current, again.scanned);
      },
    );

    it(
      'walks many rows in batches, encrypts legacy plaintext, counts separately, leaves nulls and undecryptable values',
      { skip: skip() },
      async () => {
        const s = store as Store;
        // Four bound tokens under k1, three unbound (version 1) ones written by an older build.
        const underK1: string[] = [];
        for (let i = 0; i < 7; i++)
          underK1.push(
            await insertOrganisation(s.db, (id) =>
              i < 4
                ? cipherK1.encrypt(`${PHONE}-${i}`, phoneAt(id))
                : v1Token(K1, 'k1', `${PHONE}-${i}`),
            ),
          );
        const plain = await insertOrganisation(s.db, '13900139000');
        const empty = await insertOrganisation(s.db, '');
        const none = await insertOrganisation(s.db, null);
        const lostId = nextOrgId();
        const foreign = createFieldCipher(createKeyring({ k9: K2 }, 'k9', 'test')).encrypt(
          'x',
          phoneAt(lostId),
        );
        const lost = await insertOrganisation(s.db, foreign, lostId);
        await insertStatus(s.db, plain, 'mlps.filing', 'SM4: 已采用国密算法，备注电话 13700137000');
        await insertStatus(s.db, plain, 'mlps.grading', v1Token(K1, 'k1', '已完成'));
        await insertStatus(s.db, empty, 'mlps.grading', null);

        const usage = await scanKeyUsage(s.db);
        const phoneUsage = usage.find((u) => u.column === 'contact_phone_enc');
        assert.ok(phoneUsage);
        assert.equal(phoneUsage.byKeyId.k9, 1);
        assert.ok((phoneUsage.byKeyId.k1 ?? 0) >= 7);
        assert.ok(phoneUsage.unbound >= 3);

        const result = await reencryptAll(s.db, cipherK2, { batchSize: 3 });
        const phone = count(result, 'contact_phone_enc');
        assert.equal(phone.rotated, 4);
        assert.equal(phone.bound, 3);
        assert.equal(phone.encryptedPlaintext, 2, 'plaintext phone and the empty string');
        assert.equal(phone.failed, 1);
        assert.deepEqual(phone.failures[0]?.key, { id: lost });
        assert.match(phone.failures[0]?.error ?? '', /key 'k9'/);
        const note = count(result, 'note');
        assert.deepEqual(
          { bound: note.bound, plaintext: note.encryptedPlaintext, scanned: note.scanned },
          { bound: 1, plaintext: 1, scanned: 2 },
        );

        for (const [i, id] of underK1.entries()) {
          const raw = await rawPhone(s.db, id);
          assert.match(raw, /^sm4:2:k2:/);
          assert.equal(cipherK2.decrypt(raw, phoneAt(id)), `${PHONE}-${i}`);
        }
        assert.equal(cipherK2.decrypt(await rawPhone(s.db, plain), phoneAt(plain)), '13900139000');
        assert.equal(cipherK2.decrypt(await rawPhone(s.db, empty), phoneAt(empty)), '');
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
        const noteAt = (key: string): FieldBinding => ({
          table: 'obligation_statuses',
          column: 'note',
          rowId: [plain, key],
        });
        assert.equal(
          cipherK2.decrypt(notes[0]?.note ?? '', noteAt('mlps.filing')),
          'SM4: 已采用国密算法，备注电话 13700137000',
        );
        assert.ok(!(notes[0]?.note ?? '').includes('13700137000'));
        assert.equal(cipherK2.decrypt(notes[1]?.note ?? '', noteAt('mlps.grading')), '已完成');

        const after = (await scanKeyUsage(s.db)).find((u) => u.column === 'contact_phone_enc');
        assert.equal(after?.plaintext, 0);
        assert.equal(after?.byKeyId.k1, undefined);
        assert.equal(after?.unbound, 0);
      },
    );

    it(
      'refuses a value copied by SQL to another row, column or table, and leaves it for the report',
      { skip: skip() },
      async () => {
        const s = store as Store;
        const a = await insertOrganisation(s.db, (id) => cipherK2.encrypt(PHONE, phoneAt(id)));
        const b = await insertOrganisation(s.db, (id) =>
          cipherK2.encrypt('13500135000', phoneAt(id)),
        );
        await insertStatus(s.db, b, 'mlps.filing', null);
        // Someone with database access moves a's phone into b's row and into b's obligation note.
        await sql`update organisations set contact_phone_enc = (select contact_phone_enc from organisations where id = ${a}) where id = ${b}`.execute(
          s.db,
        );
        await sql`update obligation_statuses set note = (select contact_phone_enc from organisations where id = ${a}) where organisation_id = ${b}`.execute(
          s.db,
        );
        const moved = await rawPhone(s.db, b);
        assert.equal(moved, await rawPhone(s.db, a));
        assert.equal(cipherK2.decrypt(moved, phoneAt(a)), PHONE);
        assert.throws(
          () => cipherK2.decrypt(moved, phoneAt(b)),
          /organisations\.contact_phone_enc \[org-\d+\] is bound to another row, column or table/,
        );
        assert.throws(
          () =>
            cipherK2.decrypt(moved, {
              table: 'obligation_statuses',
              column: 'note',
              rowId: [b, 'mlps.filing'],
            }),
          /bound to another row/,
        );
        // Rotating to k3 must not launder the moved value into a valid one bound to b.
        const cipherK3 = createFieldCipher(createKeyring({ k1: K1, k2: K2, k3: K3 }, 'k3', 'test'));
        const result = await reencryptAll(s.db, cipherK3);
        for (const column of ['contact_phone_enc', 'note']) {
          const c = count(result, column);
          const failure = c.failures.find((f) => Object.values(f.key).includes(b));
          assert.ok(failure, column);
          assert.match(failure.error, /bound to another row/);
          assert.ok(!failure.error.includes(DIGITS));
        }
        assert.equal(await rawPhone(s.db, b), moved, 'left as it was');
        assert.equal(cipherK3.decrypt(await rawPhone(s.db, a), phoneAt(a)), PHONE);
        await sql`delete from obligation_statuses where organisation_id = ${b}`.execute(s.db);
        await sql`delete from systems where organisation_id = ${b}`.execute(s.db);
        await sql`delete from organisations where id = ${b}`.execute(s.db);
      },
    );

    it(
      'binds unbound values at start: cheap when none, counted, and a moved value then fails',
      { skip: skip() },
      async () => {
        const s = store as Store;
        // Left over from the tests above: nothing unbound, nothing to do.
        assert.deepEqual(await bindUnboundValues(s.db, cipherK2), {
          bound: 0,
          remaining: 0,
          columns: [],
        });
        const ids: string[] = [];
        for (let i = 0; i < 5; i++)
          ids.push(await insertOrganisation(s.db, v1Token(K1, 'k1', `${PHONE}-${i}`)));
        const lost = await insertOrganisation(s.db, v1Token(K2, 'k9', 'x'));
        const unbound = (await countUnbound(s.db)).find((c) => c.column === 'contact_phone_enc');
        assert.equal(unbound?.unbound, 6);
        // An unbound value reads anywhere: copying one is not detected yet.
        const v1 = await rawPhone(s.db, ids[0]!);
        assert.equal(cipherK2.decrypt(v1, phoneAt(ids[1]!)), `${PHONE}-0`);

        const result = await bindUnboundValues(s.db, cipherK2, { batchSize: 2 });
        assert.equal(result.bound, 5);
        assert.equal(result.remaining, 1, 'the value under a missing key stays unbound');
        assert.equal(count(result, 'contact_phone_enc').failures[0]?.key.id, lost);
        for (const [i, id] of ids.entries()) {
          const raw = await rawPhone(s.db, id);
          assert.match(raw, /^sm4:2:k2:/);
          assert.equal(cipherK2.decrypt(raw, phoneAt(id)), `${PHONE}-${i}`);
          assert.throws(() => cipherK2.decrypt(raw, phoneAt(lost)), /bound to another row/);
        }
        // Bound tokens under an older key are the operator's rotation, not the start's business.
        const oldKey = await insertOrganisation(s.db, (id) => cipherK1.encrypt(PHONE, phoneAt(id)));
        assert.equal((await bindUnboundValues(s.db, cipherK2)).bound, 0);
        assert.match(await rawPhone(s.db, oldKey), /^sm4:2:k1:/);
        await sql`delete from organisations where id = ${lost}`.execute(s.db);
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

for (const dialect of TEST_DIALECTS) {
  describe(`server start on ${dialect}`, () => {
    let store: Store | null;
    before(async () => {
      store = await openTestStore(dialect);
    });
    after(async () => store?.close());

    it('binds values written before the binding, then refuses unbound ones', async (t) => {
      if (!store) return t.skip('database unavailable');
      const db = store.db;
      const ring = createKeyring({ k1: K1, k2: K2 }, 'k2', 'test');
      const ids: string[] = [];
      for (let i = 0; i < 3; i++)
        ids.push(await insertOrganisation(db, v1Token(K1, 'k1', `${PHONE}-${i}`)));
      const first = await fieldCipherAtStart(store, ring);
      assert.deepEqual([first.bound, first.remaining, first.warnings], [3, 0, []]);
      assert.match(first.info[0] ?? '', /bound 3 encrypted field value/);
      assert.equal(first.cipher.readsUnbound, false);
      for (const [i, id] of ids.entries())
        assert.equal(first.cipher.decrypt(await rawPhone(db, id), phoneAt(id)), `${PHONE}-${i}`);
      // A version-1 value pasted in later (from an old backup, say) is refused, not read.
      const pasted = v1Token(K1, 'k1', '13600136000');
      assert.throws(() => first.cipher.decrypt(pasted, phoneAt(ids[0]!)), /unbound version-1/);
      // Nothing to do on the next start.
      const again = await fieldCipherAtStart(store, ring);
      assert.deepEqual([again.bound, again.remaining, again.info], [0, 0, []]);
      // A value under a key the keyring lacks stays unbound: readable elsewhere, and said so.
      const lost = await insertOrganisation(db, v1Token(K2, 'k9', 'x'));
      const partial = await fieldCipherAtStart(store, ring);
      assert.equal(partial.remaining, 1);
      assert.equal(partial.cipher.readsUnbound, true);
      assert.match(
        partial.warnings[0] ?? '',
        /1 encrypted field value\(s\) are not bound.*keys reencrypt/,
      );
      await sql`delete from organisations where id = ${lost}`.execute(db);
    });
  });
}

describe('ENCRYPTED_COLUMNS', () => {
  it('lists every field-encrypted column: phone, obligation note, assessment records, files and the personal-information register', () => {
    assert.deepEqual(
      ENCRYPTED_COLUMNS.map((c) => `${c.table}.${c.column}`),
      [
        'organisations.contact_phone_enc',
        'organisations.filing_profile_enc',
        'systems.filing_profile_enc',
        'gradings.narrative',
        'obligation_statuses.note',
        'assessment_results.record_enc',
        'assessment_results.reason_enc',
        'assessment_evidence.content_enc',
        'finding_notes.description_enc',
        'major_risks.note_enc',
        'rectification_items.plan_enc',
        'rectification_items.measures_enc',
        'cii_evaluation_results.note_enc',
        'cii_evaluation_results.evidence_enc',
        'cii_evaluation_rectifications.plan_enc',
        'assessment_compensations.reason_enc',
        'privacy_register_profiles.data_enc',
        'privacy_activities.data_enc',
        'privacy_pipias.content_enc',
        'data_security_profiles.data_enc',
        'data_resources.data_enc',
        'important_data_provisions.data_enc',
        'data_risk_assessments.content_enc',
        'data_risk_assessments.snapshot_enc',
        'data_risk_items.content_enc',
        'security_incidents.content_enc',
        'app_checks.content_enc',
        'pi_audits.content_enc',
        'verification_findings.description_enc',
        'verification_findings.solution_enc',
        'record_attachments.content_enc',
      ],
    );
  });

  it('misses no encrypted column of the migrated schema (every *_enc column is listed)', async () => {
    const store = await openStore({ kind: 'sqlite', file: ':memory:' });
    try {
      const tables = await sql<{
        name: string;
      }>`select name from sqlite_master where type = 'table'`.execute(store.db);
      const encrypted: string[] = [];
      for (const { name } of tables.rows) {
        const columns = await sql<{
          name: string;
        }>`select name from pragma_table_info(${name})`.execute(store.db);
        for (const c of columns.rows)
          if (c.name.endsWith('_enc')) encrypted.push(`${name}.${c.name}`);
      }
      const listed = new Set(ENCRYPTED_COLUMNS.map((c) => `${c.table}.${c.column}`));
      assert.deepEqual(
        encrypted.filter((c) => !listed.has(c)),
        [],
        'add them to ENCRYPTED_COLUMNS in src/store/reencrypt.ts',
      );
      assert.ok(encrypted.length >= 13);
    } finally {
      await store.close();
    }
  });
});

describe('re-encryption and concurrent edits', () => {
  it('rewrites a row only if it still holds the value read; a concurrent edit wins and is counted', async () => {
    const database = new SQLiteDatabase(':memory:');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
    try {
      await migrateToLatest(db);
      const ids = [];
      for (let i = 0; i < 5; i++)
        ids.push(
          await insertOrganisation(db, (id) => cipherK1.encrypt(`${PHONE}-${i}`, phoneAt(id))),
        );
      const edited = ids[2]!;
      const theirs = cipherK2.encrypt('13700137000', phoneAt(edited));
      // Someone saves org 2 between the batch read and its rewrite (same connection, so inside
      // the re-encryption's transaction, as a concurrent commit would look to its UPDATE).
      const racing: FieldCipher = {
        ...cipherK2,
        currentKeyId: cipherK2.currentKeyId,
        readsUnbound: true,
        decrypt: (token, binding) => cipherK2.decrypt(token, binding),
        needsRotation: (token) => cipherK2.needsRotation(token),
        encrypt: (plaintext, binding) => {
          if ([binding.rowId].flat().join() === edited)
            database
              .prepare('update organisations set contact_phone_enc = ? where id = ?')
              .run(theirs, edited);
          return cipherK2.encrypt(plaintext, binding);
        },
      };
      const phone = count(
        await reencryptAll(db, racing, { columns: ENCRYPTED_COLUMNS.slice(0, 1) }),
        'contact_phone_enc',
      );
      assert.deepEqual([phone.rotated, phone.skipped], [4, 1]);
      assert.equal(await rawPhone(db, edited), theirs, 'the concurrent edit is kept');
      for (const [i, id] of ids.entries())
        assert.equal(
          cipherK2.decrypt(await rawPhone(db, id), phoneAt(id)),
          id === edited ? '13700137000' : `${PHONE}-${i}`,
        );
    } finally {
      await db.destroy();
    }
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
    const id = await insertOrganisation(store.db, (id) => cipherK1.encrypt(PHONE, phoneAt(id)));
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
    assert.match(raw, /^sm4:2:k2:/);
    assert.equal(cipherK2.decrypt(raw, phoneAt(id)), PHONE);
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
    assert.equal(cipherK2.decrypt(raw, phoneAt(id)), legacyPhone);
    await other.close();
    await store.close();
  });
});
