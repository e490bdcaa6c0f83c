import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type { Database } from './schema';
import { migrateToLatest } from './migrations';

export type StoreDialect = 'sqlite' | 'postgres';

/** An open store: the Kysely handle plus what kind of database it is. */
export interface Store {
  readonly db: Kysely<Database>;
  readonly dialect: StoreDialect;
  /** Where the data lives (SQLite file path or a redacted PostgreSQL URL). */
  readonly location: string;
  /** Problems with the data files worth telling the operator (e.g. owned by another user). */
  readonly warnings?: readonly string[];
  close(): Promise<void>;
}

export type StoreOptions =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly schema?: string };

/**
 * Chooses the store from the environment: PostgreSQL when DATABASE_URL is set (in the schema
 * DATABASE_SCHEMA, default `public`), else SQLite under the data dir.
 */
export function storeOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): StoreOptions {
  if (env.DATABASE_URL) {
    const schema = env.DATABASE_SCHEMA?.trim();
    if (schema && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
      throw new Error(
        `DATABASE_SCHEMA must be a lower-case PostgreSQL identifier (letters, digits, _), got "${schema}"`,
      );
    return { kind: 'postgres', url: env.DATABASE_URL, ...(schema ? { schema } : {}) };
  }
  const dir = path.resolve(env.DENGBAO_DATA_DIR ?? 'data');
  return { kind: 'sqlite', file: path.join(dir, 'dengbao.sqlite') };
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres';
  }
}

/** Opens the store and brings its schema to the latest migration. */
export async function openStore(options: StoreOptions): Promise<Store> {
  let db: Kysely<Database>;
  let location: string;
  const warnings: string[] = [];
  if (options.kind === 'sqlite') {
    if (options.file !== ':memory:') warnings.push(...secureSqliteFiles(options.file));
    const database = new SQLite(options.file);
    database.pragma('journal_mode = WAL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: withStatementCache(database) }),
    });
    location = options.file;
  } else {
    // Loaded only for PostgreSQL: the embedded store never needs the driver.
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({
      connectionString: options.url,
      max: 10,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    location = redact(options.url);
    if (options.schema)
      await sql`create schema if not exists ${sql.id(options.schema)}`.execute(db);
  }
  await migrateToLatest(db, options.kind === 'postgres' ? options.schema : undefined);
  // SQLite creates -wal/-shm with the database file's mode; chmod them too should they be older.
  if (options.kind === 'sqlite' && options.file !== ':memory:')
    for (const f of [`${options.file}-wal`, `${options.file}-shm`]) ownerOnly(f, 0o600, warnings);
  return { db, dialect: options.kind, location, warnings, close: () => db.destroy() };
}

/**
 * Kysely prepares every query anew; on SQLite preparing costs as much as running a small query.
 * The same SQL text gets the same prepared statement back (least recently used out). Safe
 * because Kysely runs one query at a time on the single SQLite connection.
 */
function withStatementCache(database: SQLite.Database, size = 500): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = database.prepare.bind(database);
  const cachedPrepare = (source: string): SQLite.Statement => {
    let statement = cache.get(source);
    if (statement) {
      cache.delete(source); // re-inserted below: most recently used last
    } else {
      statement = prepare(source);
      if (cache.size >= size) cache.delete(cache.keys().next().value as string);
    }
    cache.set(source, statement);
    return statement;
  };
  return new Proxy(database, {
    get(target, property) {
      if (property === 'prepare') return cachedPrepare;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * Owner-only permissions for an existing path: chmod to `mode` when it is more open and ours;
 * a warning when it belongs to another user or cannot be changed.
 */
function ownerOnly(file: string, mode: number, warnings: string[]): void {
  if (process.platform === 'win32') return;
  let st;
  try {
    st = statSync(file);
  } catch {
    return;
  }
  if (typeof process.getuid === 'function' && st.uid !== process.getuid())
    warnings.push(
      `${file} belongs to another user (uid ${st.uid}); it should belong to the user dengbao runs as`,
    );
  if ((st.mode & 0o777 & ~mode) === 0) return;
  try {
    chmodSync(file, mode);
  } catch (error) {
    warnings.push(
      `${file} has mode ${(st.mode & 0o777).toString(8)}, and it cannot be changed to ${mode.toString(8)} (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
}

/**
 * The data directory 0700 and the database file (created empty here if new) 0600, so nothing of
 * it is readable by other local users. Returns warnings (files owned by another user).
 */
export function secureSqliteFiles(file: string): string[] {
  const warnings: string[] = [];
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  ownerOnly(dir, 0o700, warnings);
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) ownerOnly(f, 0o600, warnings);
  return warnings;
}

/** better-sqlite3's error for a database locked by another connection. */
const isBusy = (error: unknown) =>
  typeof (error as { code?: unknown }).code === 'string' &&
  ((error as { code: string }).code === 'SQLITE_BUSY' ||
    (error as { code: string }).code === 'SQLITE_LOCKED');

/**
 * Whether another connection (a running server, a CLI command) has the SQLite file open: an
 * exclusive lock cannot be had then. False when the file does not exist.
 */
export function sqliteInUse(file: string): boolean {
  if (!existsSync(file)) return false;
  const database = new SQLite(file, { fileMustExist: true, timeout: 0 });
  try {
    database.pragma('locking_mode = EXCLUSIVE');
    database.exec('begin exclusive');
    database.exec('rollback');
    return false;
  } catch (error) {
    if (isBusy(error)) return true;
    throw error;
  } finally {
    database.close();
  }
}

/**
 * What encrypted data an existing SQLite file holds, in words ("2 organisations, 15 encrypted
 * values in /data/dengbao.sqlite"), or null when it holds none (or does not exist). Read-only:
 * used to refuse creating a new key where only the old one can decrypt.
 */
export function sqliteEncryptedData(
  file: string,
  encryptedColumns: readonly { readonly table: string; readonly column: string }[],
): string | null {
  if (!existsSync(file) || statSync(file).size === 0) return null;
  const database = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const tables = new Set(
      (
        database.prepare(`select name from sqlite_master where type = 'table'`).all() as {
          name: string;
        }[]
      ).map((r) => r.name),
    );
    const count = (q: string) => Number((database.prepare(q).get() as { n: number }).n);
    const orgs = tables.has('organisations') ? count('select count(*) as n from organisations') : 0;
    let values = 0;
    for (const c of encryptedColumns)
      if (tables.has(c.table) && /^[a-z_]+$/.test(c.table + c.column))
        values += count(`select count(*) as n from ${c.table} where ${c.column} is not null`);
    if (orgs === 0 && values === 0) return null;
    const parts = [];
    if (orgs) parts.push(`${orgs} organisation${orgs === 1 ? '' : 's'}`);
    if (values) parts.push(`${values} encrypted value${values === 1 ? '' : 's'}`);
    return `${parts.join(', ')} in ${file}`;
  } finally {
    database.close();
  }
}
