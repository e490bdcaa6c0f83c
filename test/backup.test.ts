import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { CLI_ACTOR } from '../src/app/actor';
import {
  anchorFilePath,
  readAnchorFile,
  startAnchorSchedule,
  verifyChainWithAnchors,
} from '../src/app/audit-anchors';
import { extractArchive, writeArchive } from '../src/app/backup/archive';
import { createBackup } from '../src/app/backup/backup';
import { restoreBackup } from '../src/app/backup/restore';
import {
  createOrganisationCommand,
  updateOrganisationCommand,
} from '../src/app/organisations/commands';
import { createFieldCipher } from '../src/security/field-crypto';
import { parseKeyFile, parseKeyList } from '../src/security/keyring';
import { openStore, type Store, type StoreOptions } from '../src/store/database';
import { postgresAvailable, testContext, TEST_PG_URL } from './support';

const root = mkdtempSync(path.join(tmpdir(), 'dengbao-backup-'));
after(() => rmSync(root, { recursive: true, force: true }));
const NOW = () => new Date('2026-12-07T02:00:00Z');
const posix = process.platform !== 'win32';
const K1 = 'k1:00112233445566778899aabbccddeeff';
const WRONG = 'k1:ffeeddccbbaa99887766554433221100';

let n = 0;
function dataDir(): string {
  const dir = path.join(root, `d${++n}`);
  return dir;
}

function envFor(dir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { DENGBAO_DATA_DIR: dir, ...extra };
}

/** An app context over `store` whose cipher uses the key file in `dir` (created by the test). */
function ctxWithKeyFile(store: Store, dir: string) {
  const file = path.join(dir, 'keys.json');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, JSON.stringify({ current: 'k1', keys: { k1: K1.slice(3) } }), {
      mode: 0o600,
    });
  }
  const keyring = parseKeyFile(readFileSync(file, 'utf8'), file);
  return { ...testContext(store), cipher: createFieldCipher(keyring) };
}

async function orgWithHistory(store: Store, dir: string, name: string, edits: number) {
  const ctx = ctxWithKeyFile(store, dir);
  let org = await createOrganisationCommand(
    ctx,
    CLI_ACTOR,
    { name, contactPhone: '0571-88886666' } as never,
    null,
  );
  for (let i = 0; i < edits; i++)
    org = await updateOrganisationCommand(ctx, CLI_ACTOR, org.id, {
      version: org.version,
      contactPhone: `0571-8888${String(i).padStart(4, '0')}`,
    } as never);
  return org;
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('backup and restore (SQLite)', () => {
  it('backs up the WAL too while the store is open and writing; a plain file copy does not', async () => {
    const dir = dataDir();
    const file = path.join(dir, 'dengbao.sqlite');
    const store = await openStore({ kind: 'sqlite', file });
    // The schema goes into the main file; the newest writes stay in the WAL.
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(store.db);
    await sql`pragma wal_autocheckpoint = 0`.execute(store.db);
    const org = await orgWithHistory(store, dir, '某市第一人民医院', 30);
    assert.ok(statSync(`${file}-wal`).size > 0, 'writes are in the WAL');
    // The operator's plain copy of the database file misses them.
    const plain = path.join(root, 'plain-copy.sqlite');
    copyFileSync(file, plain);
    const copy = new Database(plain, { readonly: true });
    const inCopy = (copy.prepare('select count(*) as n from audit_entries').get() as { n: number })
      .n;
    copy.close();

    // Back up while more writes go on.
    const out = path.join(root, 'wal.tar.gz');
    const writing = orgWithHistory(store, dir, '某城市商业银行', 10);
    const result = await createBackup({ env: envFor(dir), out, now: NOW });
    await writing;
    const backedUp = result.manifest.auditHeads.find((h) => h.organisationId === org.id);
    assert.equal(backedUp?.seq, 31);
    assert.ok(inCopy < 31, `a plain copy holds ${inCopy} entries`);
    if (posix) assert.equal(statSync(out).mode & 0o777, 0o600);
    assert.deepEqual(
      result.manifest.files.map((f) => f.name),
      ['dengbao.sqlite', 'keys.json'],
    );
    for (const f of result.manifest.files) assert.match(f.sm3, /^[0-9a-f]{64}$/);
    assert.equal(result.manifest.dialect, 'sqlite');
    assert.match(result.manifest.schemaVersion ?? '', /^2026-/);
    // The backup anchored every chain it holds.
    const anchors = readAnchorFile(anchorFilePath(envFor(dir))).anchors;
    assert.ok(
      anchors.some((a) => a.organisationId === org.id && a.seq === 31 && a.reason === 'backup'),
    );
    await store.close();

    // Restore into a new data directory: every row of the backup is there and verifies.
    const target = dataDir();
    const restored = await restoreBackup({ env: envFor(target), archive: out, now: NOW });
    assert.ok(restored.reports.every((r) => r.ok));
    assert.equal(restored.keyCheck.failure, null);
    assert.ok(restored.keyCheck.decrypted >= 2);
    const db = new Database(path.join(target, 'dengbao.sqlite'), { readonly: true });
    const seq = db
      .prepare('select max(seq) as s from audit_entries where organisation_id = ?')
      .get(org.id) as { s: number };
    db.close();
    assert.equal(seq.s, 31);
    assert.equal(sha(path.join(target, 'keys.json')), sha(path.join(dir, 'keys.json')));
    if (posix) {
      assert.equal(statSync(path.join(target, 'dengbao.sqlite')).mode & 0o777, 0o600);
      assert.equal(statSync(path.join(target, 'keys.json')).mode & 0o777, 0o600);
    }
    // The restored store reads the encrypted phone with the restored key file.
    const reopened = await openStore({ kind: 'sqlite', file: path.join(target, 'dengbao.sqlite') });
    const ctx = ctxWithKeyFile(reopened, target);
    const row = await reopened.db
      .selectFrom('organisations')
      .select('contact_phone_enc')
      .where('id', '=', org.id)
      .executeTakeFirstOrThrow();
    assert.equal(
      ctx.cipher.decrypt(row.contact_phone_enc as string, {
        table: 'organisations',
        column: 'contact_phone_enc',
        rowId: org.id,
      }),
      '0571-88880029',
    );
    await reopened.close();
  });

  it('takes a consistent snapshot while another process keeps appending audit entries', async () => {
    const dir = dataDir();
    const file = path.join(dir, 'dengbao.sqlite');
    const store = await openStore({ kind: 'sqlite', file });
    await orgWithHistory(store, dir, '某市水务集团', 0);
    await store.close();
    // A writer process (like a busy server): one audit entry per transaction, as fast as it can.
    const writer = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `import { openStore } from ${JSON.stringify(path.resolve('src/store/database.ts'))};
         import { appendAudit } from ${JSON.stringify(path.resolve('src/store/repositories/audit.repository.ts'))};
         const store = await openStore({ kind: 'sqlite', file: ${JSON.stringify(file)} });
         for (let i = 0; ; i++) {
           await appendAudit(store.db, { organisationId: '', action: 'user.sign_in', entityType: 'user',
             entityId: 'u' + i, changes: {}, actor: { label: 'load' } }, new Date().toISOString());
           if (i === 50) process.stdout.write('ready\\n');
         }`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        writer.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
        writer.on('exit', (code) => reject(new Error(`writer exited (${code})`)));
      });
      const out = path.join(root, 'busy.tar.gz');
      const result = await createBackup({ env: envFor(dir), out, now: NOW });
      const platform = result.manifest.auditHeads.find((h) => h.organisationId === '');
      assert.ok((platform?.seq ?? 0) > 50, `platform chain at ${platform?.seq}`);
      writer.kill();
      // The restore verifies every chain and that each ends exactly at the manifest's head.
      const restored = await restoreBackup({ env: envFor(dataDir()), archive: out, now: NOW });
      const report = restored.reports.find((r) => r.organisationId === '');
      assert.equal(report?.ok, true, report?.message);
      assert.equal(report?.verification.ok && report.verification.lastSeq, platform?.seq);
    } finally {
      writer.kill();
    }
  });

  it('refuses an archive whose files do not match the manifest, and changes nothing', async () => {
    const dir = dataDir();
    const store = await openStore({ kind: 'sqlite', file: path.join(dir, 'dengbao.sqlite') });
    await orgWithHistory(store, dir, '某省政务云', 3);
    await store.close();
    const out = path.join(root, 'good.tar.gz');
    await createBackup({ env: envFor(dir), out, now: NOW });
    // Repack with one byte of the database changed, the manifest kept.
    const unpacked = mkdtempSync(path.join(root, 'x-'));
    const entries = await extractArchive(out, unpacked, () => 1e9);
    const dbFile = path.join(unpacked, 'dengbao.sqlite');
    const bytes = readFileSync(dbFile);
    const i = bytes.indexOf(Buffer.from('某省政务云'));
    assert.ok(i > 0);
    bytes[i + 2] = (bytes[i + 2] as number) ^ 1;
    writeFileSync(dbFile, bytes);
    const tampered = path.join(root, 'tampered.tar.gz');
    await writeArchive(
      tampered,
      entries.map((e) => ({
        name: e.name,
        file: path.join(unpacked, e.name),
        size: statSync(path.join(unpacked, e.name)).size,
      })),
      NOW(),
    );
    const target = dataDir();
    await assert.rejects(
      restoreBackup({ env: envFor(target), archive: tampered, now: NOW }),
      /refused: dengbao\.sqlite does not match the manifest \(SM3 [0-9a-f]{64}, manifest says [0-9a-f]{64}\)/,
    );
    assert.deepEqual(
      readdirSync(target).filter((f) => !f.startsWith('.')),
      [],
      'nothing restored',
    );
    // A manifest that leaves the database out of its digests (and the archive without it).
    const manifestFile = path.join(unpacked, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
      files: { name: string }[];
    };
    manifest.files = manifest.files.filter((f) => f.name !== 'dengbao.sqlite');
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const partial = path.join(root, 'partial.tar.gz');
    await writeArchive(
      partial,
      ['manifest.json', 'keys.json'].map((name) => ({
        name,
        file: path.join(unpacked, name),
        size: statSync(path.join(unpacked, name)).size,
      })),
      NOW(),
    );
    await assert.rejects(
      restoreBackup({ env: envFor(target), archive: partial, now: NOW }),
      /refused: the manifest names dengbao\.sqlite but does not list its digest/,
    );
    assert.equal(existsSync(path.join(target, 'dengbao.sqlite')), false);
    // Garbage is not a backup either.
    const junk = path.join(root, 'junk.tar.gz');
    writeFileSync(junk, 'PK\x03\x04 not a backup');
    await assert.rejects(
      restoreBackup({ env: envFor(target), archive: junk, now: NOW }),
      /cannot read .* as a dengbao backup/,
    );
  });

  it('refuses keys that do not decrypt the data, and an existing database without --force', async () => {
    const dir = dataDir();
    const store = await openStore({ kind: 'sqlite', file: path.join(dir, 'dengbao.sqlite') });
    await orgWithHistory(store, dir, '某市疾控中心', 2);
    await store.close();
    const out = path.join(root, 'nokeys.tar.gz');
    const result = await createBackup({ env: envFor(dir), out, withoutKeys: true, now: NOW });
    assert.equal(result.manifest.keys, null);
    const target = dataDir();
    await assert.rejects(
      restoreBackup({
        env: envFor(target, { DENGBAO_ENCRYPTION_KEYS: WRONG }),
        archive: out,
        now: NOW,
      }),
      /refused: the keys from DENGBAO_ENCRYPTION_KEYS do not decrypt the backed-up data \(organisations\.contact_phone_enc, row [0-9a-f-]{36}: .*\); nothing was changed/,
    );
    assert.equal(existsSync(path.join(target, 'dengbao.sqlite')), false);
    // The right key restores it.
    const ok = await restoreBackup({
      env: envFor(target, { DENGBAO_ENCRYPTION_KEYS: K1 }),
      archive: out,
      now: NOW,
    });
    assert.ok(ok.reports.every((r) => r.ok));
    const before = sha(path.join(target, 'dengbao.sqlite'));
    // Again over the existing database: refused without --force, unchanged.
    await assert.rejects(
      restoreBackup({
        env: envFor(target, { DENGBAO_ENCRYPTION_KEYS: K1 }),
        archive: out,
        now: NOW,
      }),
      /refused: a database exists at .*dengbao\.sqlite; give --force to replace/,
    );
    assert.equal(sha(path.join(target, 'dengbao.sqlite')), before);
    const forced = await restoreBackup({
      env: envFor(target, { DENGBAO_ENCRYPTION_KEYS: K1 }),
      archive: out,
      force: true,
      now: () => new Date('2026-12-07T03:00:00Z'),
    });
    assert.ok(
      forced.keptAside.some((f) => f.endsWith('dengbao.sqlite.pre-restore-20261207T030000Z')),
    );
  });

  it('catches a cut-off audit tail from the anchors a backup wrote, without a manual anchor', async () => {
    const dir = dataDir();
    const file = path.join(dir, 'dengbao.sqlite');
    let store = await openStore({ kind: 'sqlite', file });
    const org = await orgWithHistory(store, dir, '某市人民医院', 5);
    await store.close();
    await createBackup({ env: envFor(dir), out: path.join(root, 'anchor.tar.gz'), now: NOW });
    // An attacker with write access to the file drops the guard and cuts the last two entries.
    const db = new Database(file);
    db.exec('drop trigger if exists audit_entries_no_delete');
    db.prepare('delete from audit_entries where organisation_id = ? and seq > 4').run(org.id);
    db.close();
    store = await openStore({ kind: 'sqlite', file });
    const report = await verifyChainWithAnchors(
      store.db,
      org.id,
      readAnchorFile(anchorFilePath(envFor(dir))),
    );
    await store.close();
    assert.equal(report.verification.ok, true, 'the shortened chain is still a valid chain');
    assert.equal(report.ok, false);
    assert.match(
      report.message,
      /^audit chain CUT: entry seq 6 \(hash [0-9a-f]{64}\), anchored 2026-12-07T02:00:00\.000Z \(backup\) in .*audit-anchors\.jsonl, is gone; the chain now ends at seq 4/,
    );
  });

  it('restoring an older backup over newer data says which anchored entries it gave up', async () => {
    const dir = dataDir();
    const file = path.join(dir, 'dengbao.sqlite');
    let store = await openStore({ kind: 'sqlite', file });
    const org = await orgWithHistory(store, dir, '某市公安局', 2);
    await store.close();
    const older = path.join(root, 'older.tar.gz');
    await createBackup({ env: envFor(dir), out: older, now: NOW });
    store = await openStore({ kind: 'sqlite', file });
    const ctx = ctxWithKeyFile(store, dir);
    await updateOrganisationCommand(ctx, CLI_ACTOR, org.id, {
      version: org.version,
      name: '某市公安局（新）',
    } as never);
    await store.close();
    await createBackup({
      env: envFor(dir),
      out: path.join(root, 'newer.tar.gz'),
      now: () => new Date('2026-12-07T04:00:00Z'),
    });
    const restored = await restoreBackup({
      env: envFor(dir),
      archive: older,
      force: true,
      now: () => new Date('2026-12-07T05:00:00Z'),
    });
    const report = restored.reports.find((r) => r.organisationId === org.id);
    assert.equal(report?.ok, true);
    assert.match(
      report?.message ?? '',
      /last seq 3, .*; anchors hold \(latest seq 3, 2026-12-07T05:00:00\.000Z, restore\); 1 anchor\(s\) beyond the head were given up by a restore \(2026-12-07T05:00:00\.000Z\)/,
    );
    // Without the restore line, the same file would call it a cut-off tail.
    const lines = readFileSync(anchorFilePath(envFor(dir)), 'utf8')
      .trim()
      .split('\n');
    const withoutRestore = lines.filter((l) => !l.includes('"restore"'));
    writeFileSync(anchorFilePath(envFor(dir)), `${withoutRestore.join('\n')}\n`);
    store = await openStore({ kind: 'sqlite', file });
    const blamed = await verifyChainWithAnchors(
      store.db,
      org.id,
      readAnchorFile(anchorFilePath(envFor(dir))),
    );
    await store.close();
    assert.match(blamed.message, /^audit chain CUT: entry seq 4 /);
  });

  it('the server anchors changed chains at start and again when the date changes', async () => {
    const dir = dataDir();
    const store = await openStore({ kind: 'sqlite', file: path.join(dir, 'dengbao.sqlite') });
    const org = await orgWithHistory(store, dir, '某区教育局', 1);
    const file = path.join(dir, 'audit-anchors.jsonl');
    let now = new Date('2026-12-07T15:59:00Z');
    const logged: string[] = [];
    const log = { info: (m: string) => logged.push(m), error: (m: string) => logged.push(m) };
    const schedule = await startAnchorSchedule(store.db, file, () => now, log, 10);
    try {
      const atStart = readAnchorFile(file).anchors;
      assert.deepEqual(
        atStart.map((a) => [a.organisationId, a.seq, a.reason]),
        [[org.id, 2, 'start']],
      );
      if (posix) assert.equal(statSync(file).mode & 0o777, 0o600);
      assert.match(
        logged[0] ?? '',
        new RegExp(`audit anchor \\(start\\): chain ${org.id} seq 2 hash`),
      );
      // Same day: nothing more. Next day, after a change: the new head.
      await new Promise((r) => setTimeout(r, 40));
      assert.equal(readAnchorFile(file).anchors.length, 1);
      await updateOrganisationCommand(ctxWithKeyFile(store, dir), CLI_ACTOR, org.id, {
        version: org.version,
        name: '某区教育局（本级）',
      } as never);
      now = new Date('2026-12-08T00:01:00Z');
      for (let i = 0; i < 100 && readAnchorFile(file).anchors.length < 2; i++)
        await new Promise((r) => setTimeout(r, 20));
      const daily = readAnchorFile(file).anchors[1];
      assert.equal(daily?.reason, 'daily');
      assert.equal(daily?.seq, 3);
      assert.equal(daily?.at, '2026-12-08T00:01:00.000Z');
    } finally {
      schedule.stop();
      await store.close();
    }
  });

  it(
    'creates the data directory 0700 and the database files 0600, and tightens existing ones',
    { skip: !posix },
    async () => {
      const dir = dataDir();
      const store = await openStore({ kind: 'sqlite', file: path.join(dir, 'dengbao.sqlite') });
      await orgWithHistory(store, dir, '某县医院', 1);
      assert.equal(statSync(dir).mode & 0o777, 0o700);
      for (const f of ['dengbao.sqlite', 'dengbao.sqlite-wal', 'dengbao.sqlite-shm'])
        assert.equal(statSync(path.join(dir, f)).mode & 0o777, 0o600, f);
      await store.close();
      chmodSync(dir, 0o755);
      chmodSync(path.join(dir, 'dengbao.sqlite'), 0o644);
      const again = await openStore({ kind: 'sqlite', file: path.join(dir, 'dengbao.sqlite') });
      await again.close();
      assert.equal(statSync(dir).mode & 0o777, 0o700);
      assert.equal(statSync(path.join(dir, 'dengbao.sqlite')).mode & 0o777, 0o600);
    },
  );
});

describe('backup and restore (PostgreSQL)', () => {
  it('round-trips a schema through pg_dump/pg_restore and refuses a wrong key first', async (t) => {
    if (!(await postgresAvailable())) return t.skip('PostgreSQL unreachable');
    const schema = `t_bk_${Date.now().toString(36)}`;
    const options: StoreOptions = { kind: 'postgres', url: TEST_PG_URL, schema };
    const dir = dataDir();
    const env = envFor(dir, { DATABASE_URL: TEST_PG_URL, DENGBAO_ENCRYPTION_KEYS: K1 });
    const drop = async () => {
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      await c.query(`drop schema if exists "${schema}" cascade`);
      await c.end();
    };
    try {
      let store = await openStore(options);
      const ctx = { ...testContext(store), cipher: createFieldCipher(parseKeyList(K1)) };
      const org = await createOrganisationCommand(
        ctx,
        CLI_ACTOR,
        { name: '某省大数据中心', contactPhone: '0571-12345678' } as never,
        null,
      );
      const out = path.join(root, 'pg.tar.gz');
      const started = Date.now();
      const result = await createBackup({ env, store: options, out, now: NOW });
      assert.equal(result.manifest.dialect, 'postgres');
      assert.equal(result.manifest.database.pgSchema, schema);
      assert.deepEqual(
        result.manifest.files.map((f) => f.name),
        ['dengbao.pgdump', 'keys-from-env.json'],
      );
      assert.equal(result.manifest.auditHeads.find((h) => h.organisationId === org.id)?.seq, 1);
      // A change after the backup.
      await updateOrganisationCommand(ctx, CLI_ACTOR, org.id, {
        version: org.version,
        name: '某省大数据管理中心',
      } as never);
      await store.close();

      // Wrong keys: refused before pg_restore touches the database.
      await assert.rejects(
        restoreBackup({
          env: { ...env, DENGBAO_ENCRYPTION_KEYS: WRONG },
          store: options,
          archive: out,
          force: true,
          now: NOW,
        }),
        /refused: the keys from DENGBAO_ENCRYPTION_KEYS do not decrypt the backed-up data \(organisations\.contact_phone_enc/,
      );
      // Over the existing schema only with --force.
      await assert.rejects(
        restoreBackup({ env, store: options, archive: out, now: NOW }),
        /already holds a dengbao store; give --force/,
      );
      const restored = await restoreBackup({
        env,
        store: options,
        archive: out,
        force: true,
        now: NOW,
      });
      assert.ok(
        restored.reports.every((r) => r.ok),
        restored.reports.map((r) => r.message).join('\n'),
      );
      store = await openStore(options);
      const row = await store.db
        .selectFrom('organisations')
        .select(['name'])
        .where('id', '=', org.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.name, '某省大数据中心', 'the state of the backup, not the later change');
      // The append-only guard came back with the restore.
      await assert.rejects(
        sql`delete from audit_entries`.execute(store.db),
        /append-only|permission denied/,
      );
      await store.close();
      console.log(`# PostgreSQL backup + restore: ${Date.now() - started} ms`);
    } finally {
      await drop();
    }
  });
});
