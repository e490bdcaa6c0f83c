/**
 * `dengbao restore`: puts a backup archive back, refusing anything it cannot vouch for.
 *
 * In order, stopping at the first problem: every file's size and SM3 must match the manifest;
 * the database must be of the configured kind; SQLite must not be open in another process (stop
 * the server); an existing database (or a different key file) is replaced only with --force, and
 * then kept beside as `*.pre-restore-<time>`; the keys must decrypt a sample of every encrypted
 * column of the backed-up data; every audit chain must verify and end where the manifest says.
 * SQLite is checked on a copy next to the target and then put in place by rename, so a refused
 * restore changes nothing. PostgreSQL: the keys are checked on the dump's data before pg_restore
 * (--clean, in a single transaction); the audit chains can only be verified after it.
 * Afterwards a "restore" anchor records the restored heads, and every chain is verified again
 * against the anchor file (anchors newer than the backup are reported as given up).
 */
import { spawn } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { createFieldCipher } from '../../security/field-crypto';
import {
  KEY_FILE_ENV,
  KEYS_ENV,
  defaultKeyFilePath,
  loadKeyring,
  parseKeyFile,
  parseKeyList,
  type Keyring,
} from '../../security/keyring';
import {
  openStore,
  sqliteInUse,
  storeOptionsFromEnv,
  type StoreOptions,
} from '../../store/database';
import type { Database } from '../../store/schema';
import {
  allChains,
  anchorFilePath,
  readAnchorFile,
  verifyChainWithAnchors,
  writeAnchors,
  type ChainReport,
} from '../audit-anchors';
import { ArchiveError, extractArchive } from './archive';
import { checkSamples, sampleFromCopyText, sampleFromDb, type KeyCheck } from './key-check';
import {
  ENV_KEYS_ENTRY,
  MANIFEST_MAX_BYTES,
  MANIFEST_NAME,
  ManifestSchema,
  PG_DUMP_ENTRY,
  SQLITE_ENTRY,
  type Manifest,
} from './manifest';
import { pgClientEnv, pgUrlWithoutPassword, runTool } from './pg-tools';

export class RestoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreError';
  }
}

export interface RestoreOptions {
  readonly env: NodeJS.ProcessEnv;
  /** Default: from the environment (DATABASE_URL or DENGBAO_DATA_DIR). */
  readonly store?: StoreOptions;
  readonly archive: string;
  readonly force?: boolean;
  readonly now: () => Date;
  /** Progress lines for the operator. */
  readonly log?: (line: string) => void;
}

export interface RestoreResult {
  readonly manifest: Manifest;
  readonly keyCheck: KeyCheck;
  readonly keySource: string;
  /** Where the key file was written (null: keys come from the environment or were in place). */
  readonly keyFile: string | null;
  /** Files moved aside (the database and key file replaced). */
  readonly keptAside: readonly string[];
  /** Every chain verified after the restore, against the anchor file. */
  readonly reports: readonly ChainReport[];
  readonly anchorFile: string;
  readonly ms: number;
}

const stamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

/** Extracts and checks the archive into `dir`; returns the manifest. */
async function unpack(archive: string, dir: string): Promise<Manifest> {
  if (!existsSync(archive)) throw new RestoreError(`${archive} does not exist`);
  let manifest: Manifest | null = null;
  const extracted = await extractArchive(archive, dir, (name, seen) => {
    if (seen.length === 0) return name === MANIFEST_NAME ? MANIFEST_MAX_BYTES : undefined;
    if (!manifest) {
      let data: unknown;
      try {
        data = JSON.parse(readFileSync(path.join(dir, MANIFEST_NAME), 'utf8'));
      } catch {
        throw new RestoreError(`${archive}: manifest.json is not JSON`);
      }
      const parsed = ManifestSchema.safeParse(data);
      if (!parsed.success)
        throw new RestoreError(
          `${archive}: manifest.json is not a dengbao backup manifest (${parsed.error.issues
            .slice(0, 3)
            .map((i) => `${i.path.join('.')}: ${i.message}`)
            .join('; ')})`,
        );
      manifest = parsed.data;
    }
    return manifest.files.find((f) => f.name === name)?.size;
  }).catch((error: unknown) => {
    if (error instanceof ArchiveError) throw new RestoreError(`refused: ${error.message}`);
    throw error;
  });
  const m = manifest as Manifest | null;
  if (!m) throw new RestoreError(`${archive} holds no manifest.json: not a dengbao backup`);
  const expected = m.dialect === 'sqlite' ? SQLITE_ENTRY : PG_DUMP_ENTRY;
  if (m.database.file !== expected)
    throw new RestoreError(
      `refused: a ${m.dialect} backup holds ${expected}, not ${m.database.file}`,
    );
  for (const name of [m.database.file, m.keys?.file])
    if (name && !m.files.some((f) => f.name === name))
      throw new RestoreError(`refused: the manifest names ${name} but does not list its digest`);
  for (const f of m.files) {
    const got = extracted.find((e) => e.name === f.name);
    if (!got)
      throw new RestoreError(`refused: ${f.name} is listed in the manifest but not in the archive`);
    if (got.size !== f.size || got.sm3 !== f.sm3)
      throw new RestoreError(
        `refused: ${f.name} does not match the manifest (SM3 ${got.sm3}, manifest says ${f.sm3}): the archive is damaged or was altered`,
      );
  }
  return m;
}

/** The keys the restored data will be read with, and where they come from. */
function restoreKeyring(
  manifest: Manifest,
  dir: string,
  env: NodeJS.ProcessEnv,
): { keyring: Keyring; source: string; archiveKeyFile: string | null } {
  const archiveKeyFile = manifest.keys ? path.join(dir, manifest.keys.file) : null;
  if (env[KEYS_ENV]?.trim())
    return {
      keyring: parseKeyList(env[KEYS_ENV] as string),
      source: KEYS_ENV,
      archiveKeyFile: null,
    };
  if (archiveKeyFile) {
    const source = `the key file in the archive (${manifest.keys?.file})`;
    return {
      keyring: parseKeyFile(readFileSync(archiveKeyFile, 'utf8'), source),
      source,
      archiveKeyFile,
    };
  }
  const loaded = loadKeyring({ env });
  return { keyring: loaded.keyring, source: loaded.source, archiveKeyFile: null };
}

const keyCheckLine = (check: KeyCheck, source: string) =>
  check.decrypted
    ? `keys from ${source} decrypt the data (${check.decrypted} sampled value(s))`
    : `keys from ${source}: the backup holds no encrypted values to check them against`;

function keyRefusal(check: KeyCheck, source: string): RestoreError {
  const f = check.failure as NonNullable<KeyCheck['failure']>;
  return new RestoreError(
    `refused: the keys from ${source} do not decrypt the backed-up data (${f.sample.table}.${f.sample.column}, row ${f.sample.rowId.join('/')}: ${f.message}); nothing was changed. ` +
      `Restore with the key file that belongs to this backup, or set ${KEYS_ENV} / ${KEY_FILE_ENV} to the right keys`,
  );
}

/** Every chain verified; also that each ends exactly at the manifest's head. */
async function verifyAgainstManifest(
  db: Kysely<Database>,
  manifest: Manifest,
  anchorFile: ReturnType<typeof readAnchorFile> | null,
  verified?: readonly ChainReport[],
): Promise<{ reports: ChainReport[]; problems: string[] }> {
  const chains = new Set(await allChains(db));
  for (const h of manifest.auditHeads) chains.add(h.organisationId);
  const reports: ChainReport[] = [];
  for (const id of [...chains].sort()) {
    const before = verified?.find((r) => r.organisationId === id)?.verification;
    reports.push(await verifyChainWithAnchors(db, id, anchorFile, before));
  }
  const problems = reports.filter((r) => !r.ok).map((r) => r.message);
  for (const h of manifest.auditHeads) {
    const r = reports.find((x) => x.organisationId === h.organisationId);
    const v = r?.verification;
    if (v?.ok && (v.lastSeq !== h.seq || v.lastHash !== h.hash))
      problems.push(
        `audit chain ${h.chain} ends at seq ${v.lastSeq} but the manifest says ${h.seq} (${h.hash}): the database does not match its manifest`,
      );
  }
  return { reports, problems };
}

/** Moves `file` aside as `<file>.pre-restore-<stamp>` when it exists; returns the new name. */
function moveAside(file: string, suffix: string): string | null {
  if (!existsSync(file)) return null;
  const to = `${file}.pre-restore-${suffix}`;
  renameSync(file, to);
  return to;
}

/** Puts the archive's key file in place (or leaves an identical one); returns [path, moved aside]. */
function installKeyFile(
  archiveKeyFile: string | null,
  env: NodeJS.ProcessEnv,
  suffix: string,
): { keyFile: string | null; aside: string | null } {
  if (!archiveKeyFile || env[KEYS_ENV]?.trim()) return { keyFile: null, aside: null };
  const target = env[KEY_FILE_ENV]?.trim()
    ? path.resolve(env[KEY_FILE_ENV] as string)
    : defaultKeyFilePath(env);
  const text = readFileSync(archiveKeyFile);
  if (existsSync(target) && readFileSync(target).equals(text))
    return { keyFile: null, aside: null };
  mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  const aside = moveAside(target, suffix);
  const tmp = `${target}.restore-tmp`;
  copyFileSync(archiveKeyFile, tmp);
  chmodSync(tmp, 0o600);
  renameSync(tmp, target);
  return { keyFile: target, aside };
}

function differentKeyFileInPlace(
  manifest: Manifest,
  dir: string,
  env: NodeJS.ProcessEnv,
): string | null {
  if (!manifest.keys || env[KEYS_ENV]?.trim()) return null;
  const target = env[KEY_FILE_ENV]?.trim()
    ? path.resolve(env[KEY_FILE_ENV] as string)
    : defaultKeyFilePath(env);
  if (!existsSync(target)) return null;
  return readFileSync(target).equals(readFileSync(path.join(dir, manifest.keys.file)))
    ? null
    : target;
}

export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const archive = path.resolve(options.archive);
  const store = options.store ?? storeOptionsFromEnv(options.env);
  const suffix = stamp(options.now());
  const anchorPath = anchorFilePath(options.env);

  if (store.kind === 'sqlite') {
    const target = store.file;
    const dataDir = path.dirname(target);
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (sqliteInUse(target))
      throw new RestoreError(
        `refused: ${target} is open in another process (a running dengbao server?); stop it first`,
      );
    const dir = mkdtempSync(path.join(dataDir, '.restore-'));
    try {
      const manifest = await unpack(archive, dir);
      log(
        `archive ${archive}: ${manifest.files.length} file(s) match their SM3 digests (backup of ${manifest.createdAt})`,
      );
      if (manifest.dialect !== 'sqlite')
        throw new RestoreError(
          `refused: the archive holds a ${manifest.dialect} backup, and the configured store is SQLite (unset DATABASE_URL to restore to SQLite, or set it to restore PostgreSQL)`,
        );
      const existing = existsSync(target) && statSync(target).size > 0;
      const otherKeys = differentKeyFileInPlace(manifest, dir, options.env);
      if ((existing || otherKeys) && !options.force)
        throw new RestoreError(
          `refused: ${[
            existing && `a database exists at ${target}`,
            otherKeys && `a different key file exists at ${otherKeys}`,
          ]
            .filter(Boolean)
            .join(
              ' and ',
            )}; give --force to replace (the current files are kept as *.pre-restore-${suffix})`,
        );
      const keys = restoreKeyring(manifest, dir, options.env);
      const staged = path.join(dir, manifest.database.file);
      const opened = await openStore({ kind: 'sqlite', file: staged });
      let verified;
      let keyCheck: KeyCheck;
      try {
        keyCheck = checkSamples(createFieldCipher(keys.keyring), await sampleFromDb(opened.db));
        if (keyCheck.failure) throw keyRefusal(keyCheck, keys.source);
        log(keyCheckLine(keyCheck, keys.source));
        verified = await verifyAgainstManifest(opened.db, manifest, null);
      } finally {
        await opened.close();
      }
      if (verified.problems.length)
        throw new RestoreError(
          `refused: the audit log in the backup does not verify; nothing was changed:\n  ${verified.problems.join('\n  ')}`,
        );
      log(`audit log in the backup verifies (${verified.reports.length} chain(s))`);
      // Install: the old files aside, then the checked copy in by rename (same directory).
      const keptAside: string[] = [];
      for (const f of [target, `${target}-wal`, `${target}-shm`]) {
        const aside = moveAside(f, suffix);
        if (aside) keptAside.push(aside);
      }
      for (const f of [`${staged}-wal`, `${staged}-shm`]) rmSync(f, { force: true });
      renameSync(staged, target);
      chmodSync(target, 0o600);
      const installed = installKeyFile(keys.archiveKeyFile, options.env, suffix);
      if (installed.aside) keptAside.push(installed.aside);
      return await finish(
        options,
        manifest,
        keyCheck,
        keys.source,
        installed.keyFile,
        keptAside,
        anchorPath,
        started,
        verified.reports,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  // PostgreSQL
  const dir = mkdtempSync(path.join(tmpdir(), 'dengbao-restore-'));
  try {
    const manifest = await unpack(archive, dir);
    log(
      `archive ${archive}: ${manifest.files.length} file(s) match their SM3 digests (backup of ${manifest.createdAt})`,
    );
    if (manifest.dialect !== 'postgres')
      throw new RestoreError(
        `refused: the archive holds a ${manifest.dialect} backup, and the configured store is PostgreSQL (DATABASE_URL)`,
      );
    const dumped = manifest.database.pgSchema ?? null;
    if ((store.schema ?? null) !== dumped)
      throw new RestoreError(
        `refused: the dump is of schema ${dumped ?? '(the whole database)'}, and the store uses ${store.schema ?? 'the default schema'}`,
      );
    const otherKeys = differentKeyFileInPlace(manifest, dir, options.env);
    const existing = await pgHasStore(store);
    if ((existing || otherKeys) && !options.force)
      throw new RestoreError(
        `refused: ${[
          existing &&
            `the database ${pgUrlWithoutPassword(store.url)} already holds a dengbao store`,
          otherKeys && `a different key file exists at ${otherKeys}`,
        ]
          .filter(Boolean)
          .join(' and ')}; give --force to replace it (pg_restore --clean)`,
      );
    const keys = restoreKeyring(manifest, dir, options.env);
    const dump = path.join(dir, manifest.database.file);
    const child = spawn('pg_restore', ['--data-only', '-f', '-', dump], {
      env: pgClientEnv(store.url),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stderr.resume();
    const keyCheck = checkSamples(createFieldCipher(keys.keyring), await sampleFromCopyText(child));
    if (keyCheck.failure) throw keyRefusal(keyCheck, keys.source);
    log(keyCheckLine(keyCheck, keys.source));
    await runTool(
      'pg_restore',
      [
        '--clean',
        '--if-exists',
        '--no-owner',
        '--single-transaction',
        '--exit-on-error',
        '--dbname',
        pgUrlWithoutPassword(store.url),
        dump,
      ],
      pgClientEnv(store.url),
    );
    log(`pg_restore put the dump in place (${pgUrlWithoutPassword(store.url)})`);
    const installed = installKeyFile(keys.archiveKeyFile, options.env, suffix);
    return await finish(
      options,
      manifest,
      keyCheck,
      keys.source,
      installed.keyFile,
      installed.aside ? [installed.aside] : [],
      anchorPath,
      started,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether the PostgreSQL target already has dengbao's tables. */
async function pgHasStore(store: Extract<StoreOptions, { kind: 'postgres' }>): Promise<boolean> {
  const pg = (await import('pg')).default;
  const client = new pg.Client({
    connectionString: store.url,
    ...(store.schema ? { options: `-c search_path=${store.schema}` } : {}),
  });
  await client.connect();
  try {
    const r = await client.query<{ t: string | null }>(
      `select to_regclass('audit_entries')::text as t`,
    );
    return r.rows[0]?.t != null;
  } finally {
    await client.end();
  }
}

/** Restore anchors, then every chain checked in place against the anchor file. */
async function finish(
  options: RestoreOptions,
  manifest: Manifest,
  keyCheck: KeyCheck,
  keySource: string,
  keyFile: string | null,
  keptAside: string[],
  anchorPath: string,
  started: number,
  /** SQLite: the chains as verified on the copy that was renamed into place. */
  verified?: readonly ChainReport[],
): Promise<RestoreResult> {
  const opened = await openStore(options.store ?? storeOptionsFromEnv(options.env));
  try {
    await writeAnchors(opened.db, anchorPath, 'restore', options.now());
    const { reports, problems } = await verifyAgainstManifest(
      opened.db,
      manifest,
      readAnchorFile(anchorPath),
      verified,
    );
    if (problems.length)
      throw new RestoreError(
        `restored, but the audit log does not verify:\n  ${problems.join('\n  ')}`,
      );
    return {
      manifest,
      keyCheck,
      keySource:
        manifest.keys?.file === ENV_KEYS_ENTRY && keyFile
          ? `${keySource} (installed as ${keyFile})`
          : keySource,
      keyFile,
      keptAside,
      reports,
      anchorFile: anchorPath,
      ms: Date.now() - started,
    };
  } finally {
    await opened.close();
  }
}
