import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';
import { migrateToLatest } from './migrations';

export type StoreDialect = 'sqlite' | 'postgres';

/** An open store: the Kysely handle plus what kind of database it is. */
export interface Store {
  readonly db: Kysely<Database>;
  readonly dialect: StoreDialect;
  /** Where the data lives (SQLite file path or a redacted PostgreSQL URL). */
  readonly location: string;
  close(): Promise<void>;
}

export type StoreOptions =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly schema?: string };

/** Chooses the store from the environment: PostgreSQL when DATABASE_URL is set, else SQLite under the data dir. */
export function storeOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): StoreOptions {
  if (env.DATABASE_URL) return { kind: 'postgres', url: env.DATABASE_URL };
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
  if (options.kind === 'sqlite') {
    if (options.file !== ':memory:') mkdirSync(path.dirname(options.file), { recursive: true });
    const database = new SQLite(options.file);
    database.pragma('journal_mode = WAL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
    location = options.file;
  } else {
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
  return { db, dialect: options.kind, location, close: () => db.destroy() };
}
