import assert from 'node:assert/strict';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import {
  KeyringError,
  addKeyToFile,
  createKeyring,
  defaultKeyFilePath,
  generateKey,
  loadKeyring,
  nextKeyId,
  parseKeyFile,
  parseKeyList,
} from './keyring';

const K1 = '00112233445566778899aabbccddeeff';
const K2 = 'FFEEDDCCBBAA99887766554433221100';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dengbao-keys-'));
  dirs.push(dir);
  return dir;
}
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const fails = (pattern: RegExp) => (e: unknown) =>
  e instanceof KeyringError && pattern.test(e.message);
const posix = process.platform !== 'win32';

describe('keyring', () => {
  it('generateKey gives 32 random hex characters', () => {
    const a = generateKey();
    assert.match(a, /^[0-9a-f]{32}$/);
    assert.notEqual(a, generateKey());
  });

  it('parses DENGBAO_ENCRYPTION_KEYS; the last key is current', () => {
    const ring = parseKeyList(` k1:${K1} , k2026a:${K2}`);
    assert.equal(ring.currentId, 'k2026a');
    assert.deepEqual(ring.ids, ['k1', 'k2026a']);
    assert.equal(ring.key('k1')?.toString('hex'), K1);
    assert.equal(ring.key('k2026a')?.toString('hex'), K2.toLowerCase());
    assert.equal(ring.key('nope'), undefined);
  });

  it('rejects bad hex, wrong length, duplicate ids and bad ids, naming the source and id, never the key', () => {
    const src = /DENGBAO_ENCRYPTION_KEYS/;
    const bad = `${K1.slice(0, 31)}g`;
    assert.throws(
      () => parseKeyList(`k1:${bad}`),
      fails(/DENGBAO_ENCRYPTION_KEYS: key 'k1'.*other than 0-9/),
    );
    assert.throws(() => parseKeyList(`k1:${K1}00`), fails(/key 'k1'.*has 34 characters/));
    assert.throws(() => parseKeyList(`k1:${K1},k1:${K2}`), fails(/duplicate key id 'k1'/));
    assert.throws(() => parseKeyList(`k:1:${K1}`), fails(src));
    assert.throws(() => parseKeyList(`${K1}`), fails(/entry 1 must look like/));
    assert.throws(() => parseKeyList(`k1:${K1},,k2:${K2}`), fails(/entry 2 is empty/));
    assert.throws(() => parseKeyList(`bad id:${K1}`), fails(/key id "bad id" is invalid/));
    try {
      parseKeyList(`k1:${bad}`);
    } catch (e) {
      assert.ok(!(e as Error).message.includes(bad.slice(0, 20)), 'error must not echo the key');
    }
  });

  it('parses the key file and validates it strictly', () => {
    const ring = parseKeyFile(JSON.stringify({ current: 'k1', keys: { k1: K1, k2: K2 } }), 'f');
    assert.equal(ring.currentId, 'k1');
    assert.throws(
      () => parseKeyFile(JSON.stringify({ current: 'k3', keys: { k1: K1 } }), 'key file x'),
      fails(/key file x: current key id "k3" is not among the keys \(k1\)/),
    );
    assert.throws(
      () => parseKeyFile(`{ "current": "k1", "keys": { "k1": "${K1}", "k1": "${K2}" } }`, 'f'),
      fails(/f: duplicate key id 'k1'/),
    );
    assert.throws(() => parseKeyFile('{ "current": "k1", "keys": {} }', 'f'), fails(/no keys/));
    assert.throws(() => parseKeyFile('{', 'f'), fails(/not valid JSON/));
    assert.throws(
      () => parseKeyFile(JSON.stringify({ current: 'k1', keys: { k1: K1 }, extra: 1 }), 'f'),
      fails(/unknown field/),
    );
    assert.throws(
      () => parseKeyFile(JSON.stringify({ current: 'k1', keys: { k1: 5 } }), 'f'),
      fails(/key 'k1' must be a string/),
    );
  });

  it('nextKeyId continues kN numbering', () => {
    assert.equal(nextKeyId([]), 'k1');
    assert.equal(nextKeyId(['k1', 'k2']), 'k3');
    assert.equal(nextKeyId(['k2026a', 'k7']), 'k8');
  });

  it('loads from the env first, then DENGBAO_KEY_FILE, then the default file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'explicit.json');
    writeFileSync(file, JSON.stringify({ current: 'f1', keys: { f1: K1 } }), { mode: 0o600 });
    const env = {
      DENGBAO_ENCRYPTION_KEYS: `e1:${K1}`,
      DENGBAO_KEY_FILE: file,
      DENGBAO_DATA_DIR: dir,
    };
    const fromEnv = loadKeyring({ env });
    assert.equal(fromEnv.keyring.currentId, 'e1');
    assert.equal(fromEnv.source, 'DENGBAO_ENCRYPTION_KEYS');
    assert.equal(fromEnv.file, null);
    const fromFile = loadKeyring({ env: { ...env, DENGBAO_ENCRYPTION_KEYS: '' } });
    assert.equal(fromFile.keyring.currentId, 'f1');
    assert.equal(fromFile.file, file);
    assert.match(fromFile.source, /explicit\.json/);
    // An explicit key file that is missing is an error even with createIfMissing.
    assert.throws(
      () =>
        loadKeyring({
          env: { DENGBAO_KEY_FILE: path.join(dir, 'missing.json') },
          createIfMissing: true,
        }),
      fails(/missing\.json.*does not exist/),
    );
  });

  it('creates the default key file (mode 0600) only when asked, then reuses it', () => {
    const dir = path.join(tempDir(), 'data');
    const env = { DENGBAO_DATA_DIR: dir };
    assert.throws(() => loadKeyring({ env }), fails(/no encryption keys/));
    assert.ok(!existsSync(defaultKeyFilePath(env)));
    const first = loadKeyring({ env, createIfMissing: true });
    assert.equal(first.created, true);
    assert.equal(first.file, path.join(dir, 'keys.json'));
    assert.equal(first.keyring.currentId, 'k1');
    assert.deepEqual(first.warnings, []);
    if (posix) assert.equal(statSync(first.file as string).mode & 0o777, 0o600);
    const second = loadKeyring({ env, createIfMissing: true });
    assert.equal(second.created, false);
    assert.deepEqual(second.keyring.key('k1'), first.keyring.key('k1'));
  });

  it('makes a key file readable by others owner-only (0600) and says so', { skip: !posix }, () => {
    const dir = tempDir();
    const file = path.join(dir, 'keys.json');
    writeFileSync(file, JSON.stringify({ current: 'k1', keys: { k1: K1 } }), { mode: 0o644 });
    chmodSync(file, 0o644);
    const loaded = loadKeyring({ env: { DENGBAO_KEY_FILE: file } });
    assert.match(
      loaded.warnings[0] ?? '',
      /readable by group\/others \(mode 644\); changed to 600/,
    );
    assert.equal(statSync(file).mode & 0o777, 0o600);
  });

  it(
    'warns when the key file belongs to another user',
    { skip: !posix || process.getuid?.() !== 0 },
    () => {
      const dir = tempDir();
      const file = path.join(dir, 'keys.json');
      writeFileSync(file, JSON.stringify({ current: 'k1', keys: { k1: K1 } }), { mode: 0o600 });
      chownSync(file, 65534, 65534);
      const loaded = loadKeyring({ env: { DENGBAO_KEY_FILE: file } });
      assert.match(loaded.warnings.join('\n'), /belongs to another user \(uid 65534\)/);
    },
  );

  it('never creates a key file where the database already holds encrypted data', () => {
    const dir = tempDir();
    const env = { DENGBAO_DATA_DIR: dir };
    assert.throws(
      () =>
        loadKeyring({
          env,
          createIfMissing: true,
          existingData: () => `1 organisation in ${path.join(dir, 'dengbao.sqlite')}`,
        }),
      (error: Error) =>
        error instanceof KeyringError &&
        error.message.includes(path.join(dir, 'keys.json')) &&
        /is missing, but the database already holds encrypted data \(1 organisation in /.test(
          error.message,
        ) &&
        /dengbao restore/.test(error.message) &&
        /DENGBAO_ENCRYPTION_KEYS/.test(error.message),
    );
    assert.equal(existsSync(path.join(dir, 'keys.json')), false);
    // An empty database is no reason to refuse.
    const fresh = loadKeyring({ env, createIfMissing: true, existingData: () => null });
    assert.equal(fresh.created, true);
  });

  it('addKeyToFile adds a new current key and keeps the old ones and mode 0600', () => {
    const dir = tempDir();
    const env = { DENGBAO_DATA_DIR: dir };
    const { keyring: before, file } = loadKeyring({ env, createIfMissing: true });
    const added = addKeyToFile(file as string);
    assert.equal(added.id, 'k2');
    assert.equal(added.keyring.currentId, 'k2');
    const reloaded = loadKeyring({ env }).keyring;
    assert.equal(reloaded.currentId, 'k2');
    assert.deepEqual(reloaded.key('k1'), before.key('k1'));
    assert.notDeepEqual(reloaded.key('k2'), before.key('k1'));
    if (posix) assert.equal(statSync(file as string).mode & 0o777, 0o600);
    assert.equal(addKeyToFile(file as string, 'k2026a').keyring.currentId, 'k2026a');
    assert.throws(() => addKeyToFile(file as string, 'k1'), fails(/'k1' already exists/));
    const data = JSON.parse(readFileSync(file as string, 'utf8')) as { keys: object };
    assert.deepEqual(Object.keys(data.keys), ['k1', 'k2', 'k2026a']);
  });

  it('createKeyring validates the current id', () => {
    assert.throws(() => createKeyring({ k1: K1 }, 'k2', 'src'), fails(/src: current key id "k2"/));
  });
});
