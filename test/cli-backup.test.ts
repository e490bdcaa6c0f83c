import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { CLI_ACTOR } from '../src/app/actor';
import { updateOrganisationCommand } from '../src/app/organisations/commands';
import { createFieldCipher } from '../src/security/field-crypto';
import { parseKeyFile } from '../src/security/keyring';
import { startServer } from '../src/server/main';
import { openStore } from '../src/store/database';
import { testContext } from './support';

const BIN = path.resolve('bin/dengbao.js');
const root = mkdtempSync(path.join(tmpdir(), 'dengbao-cli-backup-'));
after(() => rmSync(root, { recursive: true, force: true }));
const posix = process.platform !== 'win32';

function run(dataDir: string, args: string[], input?: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input,
    encoding: 'utf8',
    cwd: root,
    env: {
      ...process.env,
      DENGBAO_DATA_DIR: dataDir,
      DATABASE_URL: '',
      DENGBAO_ENCRYPTION_KEYS: '',
      DENGBAO_KEY_FILE: '',
      DENGBAO_AUDIT_ANCHOR_FILE: '',
      DENGBAO_ADMIN_PASSWORD: '',
      ...env,
    },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A data directory with an administrator, an organisation (encrypted phone) and some history. */
async function populated(name: string): Promise<{ dir: string; orgId: string }> {
  const dir = path.join(root, name);
  const admin = run(dir, ['users', 'create-admin', '--username', 'admin'], 'Dengbao#Secure-2026\n');
  assert.equal(admin.code, 0, admin.err);
  const org = run(dir, ['orgs', 'create', '--name', '某市第一人民医院', '--owner', 'admin']);
  assert.equal(org.code, 0, org.err);
  const orgId = org.out.trim();
  // The contact phone (SM4-encrypted) as the web UI sets it, with the data directory's key.
  const store = await openStore({ kind: 'sqlite', file: path.join(dir, 'dengbao.sqlite') });
  try {
    const keyring = parseKeyFile(readFileSync(path.join(dir, 'keys.json'), 'utf8'), 'keys.json');
    const ctx = { ...testContext(store), cipher: createFieldCipher(keyring) };
    const current = await store.db
      .selectFrom('organisations')
      .select('version')
      .where('id', '=', orgId)
      .executeTakeFirstOrThrow();
    await updateOrganisationCommand(ctx, CLI_ACTOR, orgId, {
      version: current.version,
      contactPhone: '0571-88886666',
    } as never);
  } finally {
    await store.close();
  }
  return { dir, orgId };
}

describe('dengbao CLI: keys never recreated, backup, restore, anchors', () => {
  it('refuses to run on a data directory whose keys.json is gone, and creates no new key', async () => {
    const { dir } = await populated('lost-key');
    const keyFile = path.join(dir, 'keys.json');
    const db = path.join(dir, 'dengbao.sqlite');
    if (posix) {
      assert.equal(statSync(dir).mode & 0o777, 0o700);
      assert.equal(statSync(db).mode & 0o777, 0o600);
      assert.equal(statSync(keyFile).mode & 0o777, 0o600);
    }
    rmSync(keyFile);
    const before = sha(db);
    for (const args of [
      ['orgs', 'list'],
      ['audit', 'verify', '--all'],
      ['keys', 'rotate'],
    ]) {
      const r = run(dir, args);
      assert.equal(r.code, 1, `${args.join(' ')}: ${r.err}`);
      assert.match(
        r.err,
        /key file .*keys\.json is missing, but the database already holds encrypted data \(1 organisation, 1 encrypted value in .*dengbao\.sqlite\); a new key could not decrypt it, so none was created\. Put the key file back from your backup \(`dengbao restore` restores it with the database\), or set DENGBAO_ENCRYPTION_KEYS or DENGBAO_KEY_FILE/,
      );
      assert.equal(existsSync(keyFile), false, 'no new key file');
    }
    assert.equal(sha(db), before, 'the database is untouched');
  });

  it('the server refuses to start on that directory too', async () => {
    const dir = path.join(root, 'lost-key');
    assert.ok(existsSync(path.join(dir, 'dengbao.sqlite')));
    await assert.rejects(
      startServer({ DENGBAO_DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'silent' }),
      /keys\.json is missing, but the database already holds encrypted data/,
    );
    assert.equal(existsSync(path.join(dir, 'keys.json')), false);
  });

  it('backs up, restores into a new directory and verifies every audit chain', async () => {
    const { dir, orgId } = await populated('source');
    const archive = path.join(root, 'source.tar.gz');
    const b = run(dir, ['backup', '--out', archive]);
    assert.equal(b.code, 0, b.err);
    assert.match(b.out, /backup written: .*source\.tar\.gz \([\d.]+ MB, [\d.]+ s\)/);
    assert.match(b.out, /dengbao\.sqlite +\d+ bytes +SM3 [0-9a-f]{64}/);
    assert.match(b.out, /2 audit chain\(s\) anchored in .*audit-anchors\.jsonl/);
    assert.match(b.err, /the archive holds the encryption keys/);
    if (posix) assert.equal(statSync(archive).mode & 0o777, 0o600);
    // tar can read it, manifest first.
    const listing = spawnSync('tar', ['tzf', archive], { encoding: 'utf8' });
    if (listing.status === 0)
      assert.deepEqual(listing.stdout.trim().split('\n'), [
        'manifest.json',
        'dengbao.sqlite',
        'keys.json',
      ]);

    const target = path.join(root, 'restored');
    const r = run(target, ['restore', archive]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /2 file\(s\) match their SM3 digests/);
    assert.match(
      r.out,
      /keys: the key file in the archive \(keys\.json\) decrypt \d+ sampled value\(s\)/,
    );
    assert.match(
      r.out,
      new RegExp(`audit chain intact: \\d+ entries, last seq \\d+, .*\\(chain ${orgId}\\)`),
    );
    assert.match(r.out, /audit chain intact: .*\(chain platform\)/);
    const verify = run(target, ['audit', 'verify', '--all']);
    assert.equal(verify.code, 0, verify.err);
    assert.match(verify.out, /anchors hold \(latest seq \d+, .*, restore\)/);
    const shown = run(target, ['orgs', 'show', orgId]);
    if (shown.code === 0) assert.match(shown.out, /0571-88886666/);

    // Again over it: refused without --force.
    const again = run(target, ['restore', archive]);
    assert.equal(again.code, 1);
    assert.match(again.err, /refused: a database exists at .*; give --force to replace/);

    // Not while another process (a server) has the database open.
    const open = new Database(path.join(target, 'dengbao.sqlite'));
    open.pragma('journal_mode = WAL');
    open.prepare('select count(*) from organisations').get();
    try {
      const busy = run(target, ['restore', '--force', archive]);
      assert.equal(busy.code, 1);
      assert.match(
        busy.err,
        /refused: .*dengbao\.sqlite is open in another process \(a running dengbao server\?\); stop it first/,
      );
    } finally {
      open.close();
    }
  });

  it('audit verify catches a cut-off tail from the anchors written at backup, with no --anchor', async () => {
    const { dir, orgId } = await populated('cut');
    const b = run(dir, ['backup', '--out', path.join(root, 'cut.tar.gz')]);
    assert.equal(b.code, 0, b.err);
    const intact = run(dir, ['audit', 'verify', '--org', orgId]);
    assert.equal(intact.code, 0, intact.err);
    assert.match(intact.out, /anchors hold \(latest seq (\d+), .*, backup\)/);
    const last = Number(/latest seq (\d+)/.exec(intact.out)?.[1]);
    // An attacker with write access to the file drops the append-only trigger, cuts the tail.
    const db = new Database(path.join(dir, 'dengbao.sqlite'));
    db.exec('drop trigger if exists audit_entries_no_delete');
    db.prepare('delete from audit_entries where organisation_id = ? and seq >= ?').run(
      orgId,
      last - 1,
    );
    db.close();
    const cut = run(dir, ['audit', 'verify', '--org', orgId]);
    assert.equal(cut.code, 1, cut.out);
    assert.match(
      cut.err,
      new RegExp(
        `audit chain CUT: entry seq ${last} \\(hash [0-9a-f]{64}\\), anchored .* \\(backup\\) in .*audit-anchors\\.jsonl, is gone; the chain now ends at seq ${last - 2} \\(chain ${orgId}\\)`,
      ),
    );
    const all = run(dir, ['audit', 'verify', '--all']);
    assert.equal(all.code, 1);
    // Without the anchor file the shortened chain looks intact: the anchors are what catch it.
    const blind = run(dir, ['audit', 'verify', '--org', orgId, '--no-anchor-file']);
    assert.equal(blind.code, 0);
  });
});
