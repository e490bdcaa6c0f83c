import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';

/**
 * The keyring of 128-bit SM4 keys used for field encryption (src/security/field-crypto.ts).
 *
 * Keys come from, in order:
 *   1. `DENGBAO_ENCRYPTION_KEYS` = "id:hex32,id:hex32" (the last one is current);
 *   2. `DENGBAO_KEY_FILE` = path to a JSON key file;
 *   3. the default key file `<DENGBAO_DATA_DIR or ./data>/keys.json`, created with one random key
 *      (mode 0600) when `createIfMissing` is set (embedded mode).
 *
 * Key file format: { "current": "k2", "keys": { "k1": "<32 hex>", "k2": "<32 hex>" } }.
 *
 * Keys never go to the database, and no error message or log line contains key material.
 */

export const KEYS_ENV = 'DENGBAO_ENCRYPTION_KEYS';
export const KEY_FILE_ENV = 'DENGBAO_KEY_FILE';
export const DEFAULT_KEY_FILE_NAME = 'keys.json';

/** Key ids are short ASCII (they appear in every token, separated by ':'). */
export const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
const KEY_HEX_PATTERN = /^[0-9a-fA-F]{32}$/;

/** A configuration problem with the keys; the message names the source and the key id. */
export class KeyringError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyringError';
  }
}

export interface Keyring {
  /** Id of the key new values are encrypted with. */
  readonly currentId: string;
  /** All key ids, in the order they were given. */
  readonly ids: readonly string[];
  /** The 16-byte key for `id` (a copy), or undefined when the keyring has no such key. */
  key(id: string): Buffer | undefined;
  has(id: string): boolean;
}

/**
 * Builds a keyring from id → 32-hex-character keys, validating every id and key.
 * `source` is used in error messages only (e.g. "DENGBAO_ENCRYPTION_KEYS" or "key file /x/keys.json").
 */
export function createKeyring(
  entries: Iterable<readonly [string, string]> | Readonly<Record<string, string>>,
  currentId: string,
  source = 'keyring',
): Keyring {
  const list: (readonly [string, string])[] = isIterable(entries)
    ? [...entries]
    : Object.entries(entries);
  if (list.length === 0) throw new KeyringError(`${source}: no keys`);
  const keys = new Map<string, Buffer>();
  for (const [id, hex] of list) {
    if (!KEY_ID_PATTERN.test(id))
      throw new KeyringError(
        `${source}: key id ${JSON.stringify(id)} is invalid (use 1-32 characters A-Z a-z 0-9 _ -)`,
      );
    if (keys.has(id)) throw new KeyringError(`${source}: duplicate key id '${id}'`);
    keys.set(id, parseKeyHex(hex, `${source}: key '${id}'`));
  }
  if (!keys.has(currentId))
    throw new KeyringError(
      `${source}: current key id ${JSON.stringify(currentId)} is not among the keys (${[...keys.keys()].join(', ')})`,
    );
  const ids = Object.freeze([...keys.keys()]);
  // Key material lives only in this closure: the object itself serialises/inspects without it.
  return Object.freeze({
    currentId,
    ids,
    key: (id: string) => {
      const k = keys.get(id);
      return k ? Buffer.from(k) : undefined;
    },
    has: (id: string) => keys.has(id),
  });
}

function isIterable(value: unknown): value is Iterable<readonly [string, string]> {
  return typeof value === 'object' && value !== null && Symbol.iterator in value;
}

function parseKeyHex(hex: unknown, what: string): Buffer {
  if (typeof hex !== 'string') throw new KeyringError(`${what} must be a string of 32 hex digits`);
  if (!KEY_HEX_PATTERN.test(hex)) {
    // Never echo the value: it may be (most of) a real key.
    const problem =
      hex.length !== 32 ? `has ${hex.length} characters` : 'contains characters other than 0-9 a-f';
    throw new KeyringError(
      `${what} must be 32 hex digits (a 128-bit SM4 key) but ${problem}; generate one with \`dengbao keys generate\``,
    );
  }
  return Buffer.from(hex, 'hex');
}

/** Parses "id:hex32,id:hex32" (whitespace around entries allowed); the last key is current. */
export function parseKeyList(text: string, source: string = KEYS_ENV): Keyring {
  const entries: [string, string][] = [];
  const parts = text.split(',');
  parts.forEach((raw, index) => {
    const part = raw.trim();
    if (!part) throw new KeyringError(`${source}: entry ${index + 1} is empty`);
    const colon = part.indexOf(':');
    if (colon < 0)
      throw new KeyringError(
        `${source}: entry ${index + 1} must look like "id:<32 hex digits>" (no ':' found)`,
      );
    entries.push([part.slice(0, colon).trim(), part.slice(colon + 1).trim()]);
  });
  const last = entries[entries.length - 1];
  if (!last) throw new KeyringError(`${source}: no keys`);
  return createKeyring(entries, last[0], source);
}

/** Parses the JSON key file text; `source` names the file in errors. */
export function parseKeyFile(text: string, source: string): Keyring {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new KeyringError(`${source}: not valid JSON (${(error as Error).message})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new KeyringError(`${source}: must be a JSON object { "current": ..., "keys": { ... } }`);
  const record = data as Record<string, unknown>;
  const unknownFields = Object.keys(record).filter((k) => k !== 'current' && k !== 'keys');
  if (unknownFields.length)
    throw new KeyringError(
      `${source}: unknown field(s) ${unknownFields.map((f) => JSON.stringify(f)).join(', ')}; only "current" and "keys" are allowed`,
    );
  const duplicates = duplicateObjectKeys(text);
  if (duplicates.length)
    throw new KeyringError(
      `${source}: duplicate key id ${duplicates.map((d) => `'${d}'`).join(', ')}`,
    );
  const { current, keys } = record;
  if (typeof current !== 'string')
    throw new KeyringError(`${source}: "current" must be the id of one of the keys`);
  if (typeof keys !== 'object' || keys === null || Array.isArray(keys))
    throw new KeyringError(`${source}: "keys" must be an object { "<id>": "<32 hex digits>" }`);
  const entries = Object.entries(keys as Record<string, unknown>).map(([id, hex]) => {
    if (typeof hex !== 'string')
      throw new KeyringError(`${source}: key '${id}' must be a string of 32 hex digits`);
    return [id, hex] as const;
  });
  return createKeyring(entries, current, source);
}

/**
 * Names of members that occur twice in the same object of a JSON text (JSON.parse silently keeps
 * the last). Call only on text JSON.parse accepted.
 */
function duplicateObjectKeys(text: string): string[] {
  const stack: Set<string>[] = [];
  const found: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '{') stack.push(new Set());
    else if (ch === '}') stack.pop();
    else if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const literal = text.slice(i, j + 1);
      let k = j + 1;
      while (k < text.length && /\s/.test(text[k] ?? '')) k++;
      const members = stack[stack.length - 1];
      if (text[k] === ':' && members) {
        const name = JSON.parse(literal) as string;
        if (members.has(name)) found.push(name);
        else members.add(name);
      }
      i = j;
    }
  }
  return found;
}

/** 32 hex characters (128 bits) from the system CSPRNG. */
export function generateKey(): string {
  return randomBytes(16).toString('hex');
}

/** The next free id of the form kN after the highest existing kN (k1, k2, ...). */
export function nextKeyId(existing: Iterable<string>): string {
  const taken = new Set(existing);
  let n = 0;
  for (const id of taken) {
    const m = /^k(\d{1,9})$/.exec(id);
    if (m) n = Math.max(n, Number(m[1]));
  }
  n += 1;
  while (taken.has(`k${n}`)) n += 1;
  return `k${n}`;
}

/** Where the default key file lives: `<DENGBAO_DATA_DIR or ./data>/keys.json`. */
export function defaultKeyFilePath(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(path.resolve(env.DENGBAO_DATA_DIR || 'data'), DEFAULT_KEY_FILE_NAME);
}

export interface LoadKeyringOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** Create the DEFAULT key file with one random key when no key source exists (embedded mode). */
  readonly createIfMissing?: boolean;
  /**
   * Asked when the default key file is missing: a description of the encrypted data the
   * database already holds (e.g. "3 organisations and 12 encrypted values in /data/dengbao.sqlite"),
   * or null when it holds none. A new key cannot decrypt existing data, so then no key is created
   * and loading fails with what to do instead.
   */
  readonly existingData?: () => string | null;
}

export interface LoadedKeyring {
  readonly keyring: Keyring;
  /** True when the default key file was created by this call: tell the operator to back it up. */
  readonly created: boolean;
  /** Human-readable source: "DENGBAO_ENCRYPTION_KEYS" or "key file /abs/path/keys.json". */
  readonly source: string;
  /** The key file in use, or null when the keys come from DENGBAO_ENCRYPTION_KEYS. */
  readonly file: string | null;
  /** Problems worth telling the operator about (e.g. a key file readable by others). */
  readonly warnings: readonly string[];
}

/**
 * Loads the keyring from the environment (see the module comment for the order). Logs nothing.
 * An explicit DENGBAO_KEY_FILE that does not exist is always an error (never silently replaced by
 * a new key); only the default key file is created, and only with `createIfMissing`.
 */
export function loadKeyring(options: LoadKeyringOptions = {}): LoadedKeyring {
  const env = options.env ?? process.env;
  const list = env[KEYS_ENV];
  if (list && list.trim()) {
    return {
      keyring: parseKeyList(list, KEYS_ENV),
      created: false,
      source: KEYS_ENV,
      file: null,
      warnings: [],
    };
  }
  const explicit = env[KEY_FILE_ENV];
  if (explicit && explicit.trim()) {
    const file = path.resolve(explicit.trim());
    const source = `key file ${file} (${KEY_FILE_ENV})`;
    const text = readKeyFileText(file, source);
    if (text === undefined)
      throw new KeyringError(`${source} does not exist; create it or fix ${KEY_FILE_ENV}`);
    return {
      keyring: parseKeyFile(text, source),
      created: false,
      source,
      file,
      warnings: modeWarnings(file),
    };
  }
  const file = defaultKeyFilePath(env);
  const source = `key file ${file}`;
  const text = readKeyFileText(file, source);
  if (text !== undefined)
    return {
      keyring: parseKeyFile(text, source),
      created: false,
      source,
      file,
      warnings: modeWarnings(file),
    };
  const existing = options.existingData?.() ?? null;
  if (existing !== null)
    throw new KeyringError(
      `${source} is missing, but the database already holds encrypted data (${existing}); a new key could not decrypt it, so none was created. ` +
        `Put the key file back from your backup (\`dengbao restore\` restores it with the database), or set ${KEYS_ENV} or ${KEY_FILE_ENV} to the keys the data was encrypted with`,
    );
  if (!options.createIfMissing)
    throw new KeyringError(
      `no encryption keys: set ${KEYS_ENV} or ${KEY_FILE_ENV}, or create ${file} (with the embedded SQLite store the server creates it on first start; with DATABASE_URL give the keys explicitly so every server shares them)`,
    );
  const id = 'k1';
  const created = createKeyFileExclusive(file, { current: id, keys: { [id]: generateKey() } });
  // Another process may have created it first: whatever is on disk now is the key file.
  const onDisk = readKeyFileText(file, source);
  if (onDisk === undefined) throw new KeyringError(`${source} vanished right after creation`);
  return {
    keyring: parseKeyFile(onDisk, source),
    created,
    source,
    file,
    warnings: modeWarnings(file),
  };
}

/** The file's text, or undefined when it does not exist. */
function readKeyFileText(file: string, source: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new KeyringError(`${source}: cannot read (${code ?? String(error)})`);
  }
}

/**
 * Makes the key file owner-only (0600) when this process owns it; warns when it did so, when it
 * cannot, and when the file belongs to another user.
 */
function modeWarnings(file: string): string[] {
  if (process.platform === 'win32') return [];
  const warnings: string[] = [];
  try {
    const st = statSync(file);
    const mode = st.mode & 0o777;
    const owned = typeof process.getuid !== 'function' || st.uid === process.getuid();
    if (!owned)
      warnings.push(
        `key file ${file} belongs to another user (uid ${st.uid}); it should belong to the user dengbao runs as`,
      );
    if (mode & 0o077) {
      const was = mode.toString(8).padStart(3, '0');
      try {
        chmodSync(file, 0o600);
        warnings.push(
          `key file ${file} was readable by group/others (mode ${was}); changed to 600`,
        );
      } catch {
        warnings.push(
          `key file ${file} is readable by group/others (mode ${was}); run chmod 600 on it`,
        );
      }
    }
  } catch {
    // Reported elsewhere if it matters.
  }
  return warnings;
}

interface KeyFileData {
  current: string;
  keys: Record<string, string>;
}

function serialise(data: KeyFileData): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** Writes `data` to a new temp file (mode 0600) next to `file` and returns the temp path. */
function writeTemp(file: string, data: KeyFileData): string {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, serialise(data));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  chmodSync(tmp, 0o600);
  return tmp;
}

/** Creates `file` atomically unless it exists; returns whether this call created it. */
function createKeyFileExclusive(file: string, data: KeyFileData): boolean {
  const tmp = writeTemp(file, data);
  try {
    linkSync(tmp, file); // fails with EEXIST when another process got there first
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new KeyringError(
      `key file ${file}: cannot create (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  } finally {
    unlinkSync(tmp);
  }
}

/**
 * Adds a new random key to the key file and makes it current (key rotation). The file is
 * replaced atomically and keeps mode 0600. `id` defaults to the next kN. Returns the new id and
 * the resulting keyring.
 */
export function addKeyToFile(file: string, id?: string): { id: string; keyring: Keyring } {
  const abs = path.resolve(file);
  const source = `key file ${abs}`;
  const text = readKeyFileText(abs, source);
  if (text === undefined) throw new KeyringError(`${source} does not exist`);
  const existing = parseKeyFile(text, source);
  const data = JSON.parse(text) as KeyFileData;
  const newId = id ?? nextKeyId(existing.ids);
  if (!KEY_ID_PATTERN.test(newId))
    throw new KeyringError(
      `${source}: key id ${JSON.stringify(newId)} is invalid (use 1-32 characters A-Z a-z 0-9 _ -)`,
    );
  if (existing.has(newId)) throw new KeyringError(`${source}: key id '${newId}' already exists`);
  const next: KeyFileData = { current: newId, keys: { ...data.keys, [newId]: generateKey() } };
  const keyring = createKeyring(Object.entries(next.keys), newId, source);
  const tmp = writeTemp(abs, next);
  try {
    renameSync(tmp, abs);
  } catch (error) {
    unlinkSync(tmp);
    throw new KeyringError(
      `${source}: cannot replace (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  return { id: newId, keyring };
}
