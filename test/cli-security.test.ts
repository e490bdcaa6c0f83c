import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';

const BIN = path.resolve('bin/dengbao.js');
const dataDir = mkdtempSync(path.join(tmpdir(), 'dengbao-cli-sec-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

function run(args: string[], input?: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input,
    encoding: 'utf8',
    env: {
      ...process.env,
      DENGBAO_DATA_DIR: dataDir,
      DATABASE_URL: '',
      DENGBAO_ADMIN_PASSWORD: '',
      ...env,
    },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('dengbao CLI: accounts, audit chain and keys', () => {
  it('creates the first administrator from stdin, never with a weak or default password', () => {
    const weak = run(['users', 'create-admin', '--username', 'admin'], 'admin123\n');
    assert.equal(weak.code, 1);
    assert.match(weak.err, /password: must be at least 12 characters/);
    const ok = run(
      ['users', 'create-admin', '--username', 'admin', '--display-name', '管理员'],
      'Dengbao#Secure-2026\n',
    );
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.out, /created platform administrator admin/);
    const again = run(['users', 'create-admin', '--username', 'admin'], 'Dengbao#Secure-2026\n');
    assert.equal(again.code, 1);
    assert.match(again.err, /already exists/);
    // The key file for SM4 was created beside the data, readable by the owner only.
    const keyFile = path.join(dataDir, 'keys.json');
    assert.ok(existsSync(keyFile));
    assert.equal(statSync(keyFile).mode & 0o077, 0);
  });

  it('refuses a common password for the first administrator, also with digits and symbols added', () => {
    for (const password of ['Woaini1314!!!', 'P@ssw0rd2026!', 'Admin@123456789']) {
      const res = run(['users', 'create-admin', '--username', 'admin2'], `${password}\n`);
      assert.equal(res.code, 1, password);
      assert.match(res.err, /password: is one of the most common passwords/);
    }
  });

  it('lists failed sign-ins and blocked addresses, and unlocks every address of an account', () => {
    const db = new Database(path.join(dataDir, 'dengbao.sqlite'));
    const until = new Date(Date.now() + 15 * 60_000).toISOString();
    const insert = db.prepare(
      'insert into sign_in_throttles (name_key, source, failures, total_failures, blocks, blocked_until, last_failure_at) values (?, ?, ?, ?, ?, ?, ?)',
    );
    insert.run('admin', '203.0.113.7', 0, 7, 1, until, new Date().toISOString());
    insert.run('admin', '198.51.100.9', 2, 2, 0, null, new Date().toISOString());
    db.close();
    const listed = run(['users', 'list']);
    assert.equal(listed.code, 0, listed.err);
    const line = listed.out.split('\n').find((l) => l.startsWith('admin '))!;
    assert.match(line, / 9 /);
    assert.ok(line.includes(until), line);
    const unlocked = run(['users', 'unlock', '--username', 'admin']);
    assert.equal(unlocked.code, 0, unlocked.err);
    const check = new Database(path.join(dataDir, 'dengbao.sqlite'));
    const left = check
      .prepare("select count(*) as n from sign_in_throttles where name_key = 'admin'")
      .get() as { n: number };
    const audit = check
      .prepare("select count(*) as n from audit_entries where action = 'user.unlock'")
      .get() as { n: number };
    check.close();
    assert.equal(left.n, 0);
    assert.equal(audit.n, 1);
    assert.equal(run(['users', 'unlock', '--username', 'nobody']).code, 1);
  });

  it('verifies the audit chain and names the first broken entry after tampering', () => {
    const orgId = run([
      'orgs',
      'create',
      '--name',
      '某市第一人民医院',
      '--owner',
      'admin',
    ]).out.trim();
    assert.match(orgId, /^[0-9a-f-]{36}$/);
    assert.equal(run(['systems', 'import', '--org', orgId, 'test/fixtures/systems.yaml']).code, 0);
    const intact = run(['audit', 'verify', '--org', orgId]);
    assert.equal(intact.code, 0, intact.err);
    assert.match(intact.out, /intact/);
    assert.equal(run(['audit', 'verify', '--platform']).code, 0);

    const db = new Database(path.join(dataDir, 'dengbao.sqlite'));
    const third = db
      .prepare('select id, seq from audit_entries where organisation_id = ? and seq = 3')
      .get(orgId) as { id: string; seq: number };
    // An attacker with write access to the file drops the append-only trigger first.
    db.exec('drop trigger audit_entries_no_delete');
    db.prepare('delete from audit_entries where id = ?').run(third.id);
    db.close();
    const broken = run(['audit', 'verify', '--org', orgId]);
    assert.equal(broken.code, 1);
    assert.match(broken.err, /BROKEN at seq 4/);
  });

  it('catches a cut-off tail against an anchor kept outside the database', () => {
    const orgId = run([
      'orgs',
      'create',
      '--name',
      '某城市商业银行',
      '--owner',
      'admin',
    ]).out.trim();
    assert.equal(run(['systems', 'import', '--org', orgId, 'test/fixtures/systems.yaml']).code, 0);
    const anchor = run(['audit', 'anchor', '--org', orgId]).out.trim();
    assert.match(anchor, /^\d+:[0-9a-f]{64}$/);
    const db = new Database(path.join(dataDir, 'dengbao.sqlite'));
    db.exec('drop trigger if exists audit_entries_no_delete');
    db.prepare(
      'delete from audit_entries where organisation_id = ? and seq = (select max(seq) from audit_entries where organisation_id = ?)',
    ).run(orgId, orgId);
    db.close();
    // Without the anchor a shortened chain still looks whole; with it the cut shows.
    assert.equal(run(['audit', 'verify', '--org', orgId]).code, 0);
    const cut = run(['audit', 'verify', '--org', orgId, '--anchor', anchor]);
    assert.equal(cut.code, 1);
    assert.match(cut.err, /CUT/);
    assert.equal(run(['audit', 'verify', '--org', orgId, '--anchor', 'nonsense']).code, 2);
  });

  it('rotates the SM4 key and re-encrypts what was encrypted under the old one', () => {
    const before = JSON.parse(readFileSync(path.join(dataDir, 'keys.json'), 'utf8'));
    const rotated = run(['keys', 'rotate']);
    assert.equal(rotated.code, 0, rotated.err);
    const afterKeys = JSON.parse(readFileSync(path.join(dataDir, 'keys.json'), 'utf8'));
    assert.notEqual(afterKeys.current, before.current);
    assert.ok(afterKeys.keys[before.current], 'the old key stays to read old backups');
    assert.ok(existsSync(path.join(dataDir, 'keys.json')));
  });

  it('exits 2 for usage errors of the new commands', () => {
    assert.equal(run(['audit', 'verify']).code, 2);
    assert.equal(run(['users', 'create-admin']).code, 2);
  });
});
