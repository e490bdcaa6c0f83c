/**
 * `dengbao backup`: one archive holding a consistent copy of the database, the encryption keys
 * and a manifest with SM3 digests and the audit heads; the heads are also appended to the audit
 * anchor file.
 *
 * SQLite: better-sqlite3's online backup API copies every page (the WAL's too) in one step, so
 * the copy is a single consistent snapshot even while a server writes. PostgreSQL: pg_dump
 * (custom format) on a snapshot exported from a repeatable-read transaction in which the audit
 * heads and schema version are read, so the manifest describes exactly what was dumped.
 */
import {
  mkdtempSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  existsSync,
  copyFileSync,
} from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { loadKeyring, KEYS_ENV, type LoadedKeyring } from '../../security/keyring';
import { openStore, storeOptionsFromEnv, type StoreOptions } from '../../store/database';
import type { Database } from '../../store/schema';
import {
  anchorFilePath,
  chainHeads,
  chainName,
  writeAnchors,
  type ChainHead,
} from '../audit-anchors';
import { sm3File, writeArchive, type ArchiveEntry } from './archive';
import {
  ENV_KEYS_ENTRY,
  KEY_FILE_ENTRY,
  MANIFEST_FORMAT,
  MANIFEST_NAME,
  MANIFEST_VERSION,
  PG_DUMP_ENTRY,
  SQLITE_ENTRY,
  type Manifest,
} from './manifest';
import { pgClientEnv, pgUrlWithoutPassword, runTool } from './pg-tools';

export const DENGBAO_VERSION = '0.1.0';

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export interface BackupOptions {
  readonly env: NodeJS.ProcessEnv;
  /** Default: from the environment (DATABASE_URL or DENGBAO_DATA_DIR). */
  readonly store?: StoreOptions;
  /** Archive path (default ./dengbao-backup-<UTC stamp>.tar.gz). Must not exist. */
  readonly out?: string;
  /** Leave the keys out (keep them elsewhere); restore then needs them configured. */
  readonly withoutKeys?: boolean;
  readonly now: () => Date;
}

export interface BackupResult {
  readonly archive: string;
  readonly bytes: number;
  readonly manifest: Manifest;
  readonly anchorFile: string;
  readonly ms: number;
}

const stamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

/** The last migration applied, or null when the table is not there. */
async function schemaVersion(db: Kysely<Database>): Promise<string | null> {
  try {
    const r = await sql<{
      name: string;
    }>`select name from kysely_migration order by name desc limit 1`.execute(db);
    return r.rows[0]?.name ?? null;
  } catch {
    return null;
  }
}

/** Key file text for the keys in use (the file itself, or the env keys in key file format). */
function keyEntry(
  loaded: LoadedKeyring,
  dir: string,
): { name: typeof KEY_FILE_ENTRY | typeof ENV_KEYS_ENTRY; file: string } {
  if (loaded.file) {
    const file = path.join(dir, KEY_FILE_ENTRY);
    copyFileSync(loaded.file, file);
    return { name: KEY_FILE_ENTRY, file };
  }
  const keys: Record<string, string> = {};
  for (const id of loaded.keyring.ids)
    keys[id] = (loaded.keyring.key(id) as Buffer).toString('hex');
  const file = path.join(dir, ENV_KEYS_ENTRY);
  writeFileSync(file, `${JSON.stringify({ current: loaded.keyring.currentId, keys }, null, 2)}\n`, {
    mode: 0o600,
    flag: 'wx',
  });
  return { name: ENV_KEYS_ENTRY, file };
}

async function backupSqlite(
  file: string,
  dir: string,
): Promise<{ heads: ChainHead[]; version: string | null }> {
  if (!existsSync(file) || statSync(file).size === 0)
    throw new BackupError(
      `no database at ${file} (set DENGBAO_DATA_DIR, or DATABASE_URL for PostgreSQL)`,
    );
  const copy = path.join(dir, SQLITE_ENTRY);
  const source = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    // One step for all pages: a single read transaction, hence one consistent snapshot.
    await source.backup(copy, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  const database = new SQLite(copy);
  try {
    database.pragma('journal_mode = DELETE'); // one self-contained file in the archive
    const check = database.pragma('quick_check', { simple: true });
    if (check !== 'ok')
      throw new BackupError(`the database copy fails SQLite's quick_check: ${String(check)}`);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
    return { heads: await chainHeads(db), version: await schemaVersion(db) };
  } finally {
    database.close();
  }
}

async function backupPostgres(
  store: Extract<StoreOptions, { kind: 'postgres' }>,
  dir: string,
): Promise<{ heads: ChainHead[]; version: string | null }> {
  const opened = await openStore(store);
  const dump = path.join(dir, PG_DUMP_ENTRY);
  try {
    return await opened.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        const snap = await sql<{ id: string }>`select pg_export_snapshot() as id`.execute(trx);
        const args = ['-Fc', '--no-owner', '-f', dump, `--snapshot=${snap.rows[0]?.id}`];
        if (store.schema) args.push('-n', store.schema);
        args.push('--dbname', pgUrlWithoutPassword(store.url));
        // The dump runs on our snapshot while this transaction stays open.
        const [, heads, version] = await Promise.all([
          runTool('pg_dump', args, pgClientEnv(store.url)),
          chainHeads(trx),
          schemaVersion(trx),
        ]);
        return { heads, version };
      });
  } finally {
    await opened.close();
  }
}

/** Writes the archive; see the module comment. */
export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  const started = Date.now();
  const store = options.store ?? storeOptionsFromEnv(options.env);
  const now = options.now();
  const out = path.resolve(options.out ?? `dengbao-backup-${stamp(now)}.tar.gz`);
  if (existsSync(out)) throw new BackupError(`${out} already exists; choose another --out`);
  if (!existsSync(path.dirname(out)))
    throw new BackupError(`directory ${path.dirname(out)} does not exist`);
  // Keys first: a backup that cannot be decrypted later is worse than none.
  const loaded = options.withoutKeys ? null : loadKeyring({ env: options.env });
  const dir = mkdtempSync(path.join(path.dirname(out), '.dengbao-backup-'));
  try {
    const { heads, version } =
      store.kind === 'sqlite'
        ? await backupSqlite(store.file, dir)
        : await backupPostgres(store, dir);
    const dbName = store.kind === 'sqlite' ? SQLITE_ENTRY : PG_DUMP_ENTRY;
    const entries: { name: string; file: string }[] = [
      { name: dbName, file: path.join(dir, dbName) },
    ];
    const key = loaded ? keyEntry(loaded, dir) : null;
    if (key) entries.push(key);
    const files: Manifest['files'] = [];
    for (const e of entries)
      files.push({ name: e.name, size: statSync(e.file).size, sm3: await sm3File(e.file) });
    const manifest: Manifest = {
      format: MANIFEST_FORMAT,
      version: MANIFEST_VERSION,
      createdAt: now.toISOString(),
      dengbaoVersion: DENGBAO_VERSION,
      dialect: store.kind,
      schemaVersion: version,
      database: {
        file: dbName,
        ...(store.kind === 'postgres' && { pgSchema: store.schema ?? null }),
      },
      keys:
        loaded && key
          ? {
              file: key.name,
              source: loaded.file ? loaded.source : `environment variable ${KEYS_ENV}`,
              fromEnvironment: loaded.file === null,
              current: loaded.keyring.currentId,
              ids: [...loaded.keyring.ids],
            }
          : null,
      auditHeads: heads.map((h) => ({ ...h, chain: chainName(h.organisationId) })),
      files,
    };
    const manifestFile = path.join(dir, MANIFEST_NAME);
    writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    const archiveEntries: ArchiveEntry[] = [
      { name: MANIFEST_NAME, file: manifestFile, size: statSync(manifestFile).size },
      ...entries.map((e) => ({ ...e, size: statSync(e.file).size })),
    ];
    const tmp = path.join(dir, 'archive.tmp');
    await writeArchive(tmp, archiveEntries, now);
    renameSync(tmp, out);
    const anchorFile = anchorFilePath(options.env);
    await writeAnchors(null, anchorFile, 'backup', now, { heads });
    return {
      archive: out,
      bytes: statSync(out).size,
      manifest,
      anchorFile,
      ms: Date.now() - started,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
