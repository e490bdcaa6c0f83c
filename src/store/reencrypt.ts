import { SqliteAdapter, sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import {
  TOKEN_SCHEME,
  UNBOUND_TOKEN_VERSION,
  isFieldToken,
  isUnboundToken,
  parseFieldToken,
  type FieldBinding,
  type FieldCipher,
} from '../security/field-crypto';
import type { Database } from './schema';

/**
 * One encrypted column: the table, its primary key columns, and the column holding tokens. Each
 * value is bound to `{ table, column, rowId: keyColumns' values in this order }` (see
 * {@link bindingOf}); every encrypt/decrypt call site passes the same binding.
 */
export interface EncryptedColumn {
  readonly table: keyof Database & string;
  readonly keyColumns: readonly string[];
  readonly column: string;
}

/** Every column holding field-encrypted values (src/security/field-crypto.ts). */
export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  { table: 'organisations', keyColumns: ['id'], column: 'contact_phone_enc' },
  { table: 'organisations', keyColumns: ['id'], column: 'filing_profile_enc' },
  { table: 'systems', keyColumns: ['id'], column: 'filing_profile_enc' },
  { table: 'gradings', keyColumns: ['id'], column: 'narrative' },
  {
    table: 'obligation_statuses',
    keyColumns: ['organisation_id', 'obligation_key'],
    column: 'note',
  },
  {
    table: 'assessment_results',
    keyColumns: ['assessment_id', 'requirement_id', 'object_id'],
    column: 'record_enc',
  },
  {
    table: 'assessment_results',
    keyColumns: ['assessment_id', 'requirement_id', 'object_id'],
    column: 'reason_enc',
  },
  { table: 'assessment_evidence', keyColumns: ['id'], column: 'content_enc' },
  {
    table: 'finding_notes',
    keyColumns: ['assessment_id', 'requirement_id'],
    column: 'description_enc',
  },
  { table: 'major_risks', keyColumns: ['id'], column: 'note_enc' },
  { table: 'rectification_items', keyColumns: ['id'], column: 'plan_enc' },
  { table: 'rectification_items', keyColumns: ['id'], column: 'measures_enc' },
  {
    table: 'cii_evaluation_results',
    keyColumns: ['evaluation_id', 'requirement_id'],
    column: 'note_enc',
  },
  {
    table: 'cii_evaluation_results',
    keyColumns: ['evaluation_id', 'requirement_id'],
    column: 'evidence_enc',
  },
  { table: 'cii_evaluation_rectifications', keyColumns: ['id'], column: 'plan_enc' },
  { table: 'assessment_compensations', keyColumns: ['id'], column: 'reason_enc' },
  { table: 'privacy_register_profiles', keyColumns: ['organisation_id'], column: 'data_enc' },
  { table: 'privacy_activities', keyColumns: ['id'], column: 'data_enc' },
  { table: 'privacy_pipias', keyColumns: ['id'], column: 'content_enc' },
  { table: 'data_security_profiles', keyColumns: ['organisation_id'], column: 'data_enc' },
  { table: 'data_resources', keyColumns: ['id'], column: 'data_enc' },
  { table: 'important_data_provisions', keyColumns: ['id'], column: 'data_enc' },
  { table: 'data_risk_assessments', keyColumns: ['id'], column: 'content_enc' },
  { table: 'data_risk_assessments', keyColumns: ['id'], column: 'snapshot_enc' },
  { table: 'data_risk_items', keyColumns: ['id'], column: 'content_enc' },
  { table: 'security_incidents', keyColumns: ['id'], column: 'content_enc' },
  { table: 'app_checks', keyColumns: ['id'], column: 'content_enc' },
  { table: 'pi_audits', keyColumns: ['id'], column: 'content_enc' },
  { table: 'verification_findings', keyColumns: ['id'], column: 'description_enc' },
  { table: 'verification_findings', keyColumns: ['id'], column: 'solution_enc' },
  { table: 'record_attachments', keyColumns: ['id'], column: 'content_enc' },
];

/** The binding of a value of `c` in `row` (which holds at least c's key columns). */
export function bindingOf(
  c: EncryptedColumn,
  row: Readonly<Record<string, unknown>>,
): FieldBinding {
  return { table: c.table, column: c.column, rowId: c.keyColumns.map((k) => String(row[k])) };
}

/** `sm4:1:`: how unbound (version-1) tokens begin. */
const UNBOUND_PREFIX = `${TOKEN_SCHEME}:${UNBOUND_TOKEN_VERSION}:`;

/**
 * `substr(column, 1, 6) = 'sm4:1:'`: unlike `like`, PostgreSQL then reads only the start of a
 * large (TOASTed) value such as an evidence file — 12× faster on 2,000 files of 96 KB.
 */
function unboundWhere(eb: any, column: string): Expression<SqlBool> {
  return eb(
    eb.fn('substr', [eb.ref(column), eb.lit(1), eb.lit(UNBOUND_PREFIX.length)]),
    '=',
    UNBOUND_PREFIX,
  );
}

export interface ReencryptOptions {
  readonly columns?: readonly EncryptedColumn[];
  /** Rows read and rewritten per transaction (default 500). */
  readonly batchSize?: number;
  /**
   * Only bind unbound (version-1) tokens, leaving tokens under older keys and legacy plaintext
   * alone (what the server does at start). Default false: everything not current.
   */
  readonly unboundOnly?: boolean;
}

export interface ReencryptFailure {
  /** Primary key values of the row. */
  readonly key: Readonly<Record<string, unknown>>;
  /** Why the value could not be decrypted (never contains the value). */
  readonly error: string;
}

export interface ColumnReencryptCount {
  readonly table: string;
  readonly column: string;
  /** Non-null values looked at. */
  readonly scanned: number;
  /** Bound tokens under an older key re-encrypted with the current key. */
  readonly rotated: number;
  /** Unbound (version-1) tokens re-encrypted, with the current key, bound to their row. */
  readonly bound: number;
  /** Values that were not tokens (legacy plaintext), now encrypted. */
  readonly encryptedPlaintext: number;
  /** Already tokens under the current key: left alone. */
  readonly current: number;
  /** Changed by someone else between read and write: left alone (run again to pick them up). */
  readonly skipped: number;
  /**
   * Tokens that could not be decrypted (unknown key id, failed integrity check, bound to another
   * row): left alone.
   */
  readonly failed: number;
  readonly failures: readonly ReencryptFailure[];
}

export interface ReencryptResult {
  readonly currentKeyId: string;
  readonly columns: readonly ColumnReencryptCount[];
}

/** At most this many failures are listed per column (all are counted). */
const MAX_LISTED_FAILURES = 50;

/**
 * Re-encrypts, with the cipher's current key, every non-null value in `columns` that is not
 * already a bound token under that key: tokens under older keys are decrypted and re-encrypted,
 * unbound (version-1) tokens are bound to their table, column and row, and legacy plaintext is
 * encrypted. Rows are walked in primary-key order in batches, each batch in
 * its own transaction; a row is only rewritten if its value is still the one read (a concurrent
 * edit wins and is counted as skipped). Tokens that cannot be decrypted are counted and listed in
 * `failures`, not rewritten, and do not stop the run.
 *
 * On SQLite the connection is switched to `secure_delete` first and the WAL is checkpointed and
 * truncated at the end, so the old values do not linger in free pages or the WAL. PostgreSQL
 * keeps old row versions until VACUUM (and in WAL archives/backups) — see the report.
 */
export async function reencryptAll(
  db: Kysely<Database>,
  cipher: FieldCipher,
  options: ReencryptOptions = {},
): Promise<ReencryptResult> {
  const columns = options.columns ?? ENCRYPTED_COLUMNS;
  const batchSize = options.batchSize ?? 500;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError(`batchSize must be a positive integer (got ${batchSize})`);
  for (const c of columns) validateColumn(c);
  const sqlite = isSqlite(db);
  if (sqlite) await sql`pragma secure_delete = on`.execute(db);

  const results: ColumnReencryptCount[] = [];
  for (const c of columns)
    results.push(await reencryptColumn(db, cipher, c, batchSize, options.unboundOnly ?? false));

  if (sqlite) await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
  return { currentKeyId: cipher.currentKeyId, columns: results };
}

async function reencryptColumn(
  db: Kysely<Database>,
  cipher: FieldCipher,
  c: EncryptedColumn,
  batchSize: number,
  unboundOnly: boolean,
): Promise<ColumnReencryptCount> {
  const counts = {
    scanned: 0,
    rotated: 0,
    bound: 0,
    encryptedPlaintext: 0,
    current: 0,
    skipped: 0,
    failed: 0,
  };
  const failures: ReencryptFailure[] = [];
  let last: unknown[] | null = null;
  for (;;) {
    const after: unknown[] | null = last;
    const rows = await db.transaction().execute(async (trx) => {
      const t = trx as unknown as Kysely<any>;
      let query = t
        .selectFrom(c.table)
        .select([...c.keyColumns, `${c.column} as __value`])
        .where(c.column, 'is not', null);
      if (unboundOnly) query = query.where((eb) => unboundWhere(eb, c.column));
      if (after) query = query.where((eb) => afterKey(eb, c.keyColumns, after));
      for (const k of c.keyColumns) query = query.orderBy(k);
      const batch = (await query.limit(batchSize).execute()) as Record<string, unknown>[];

      const pending: Change[] = [];
      let pendingBytes = 0;
      const flush = async () => {
        const written = await writeChanges(t, c, pending);
        for (const [i, change] of pending.entries()) {
          if (!written[i]) counts.skipped += 1;
          else if (change.kind === 'plaintext') counts.encryptedPlaintext += 1;
          else if (change.kind === 'unbound') counts.bound += 1;
          else counts.rotated += 1;
        }
        pending.length = 0;
        pendingBytes = 0;
      };
      for (const row of batch) {
        const value = row.__value;
        if (typeof value !== 'string') continue;
        counts.scanned += 1;
        const unbound = isUnboundToken(value);
        if (!cipher.needsRotation(value) || (unboundOnly && !unbound)) {
          counts.current += 1;
          continue;
        }
        const plaintext = !isFieldToken(value);
        const binding = bindingOf(c, row);
        let next: string;
        try {
          next = cipher.encrypt(plaintext ? value : cipher.decrypt(value, binding), binding);
        } catch (error) {
          counts.failed += 1;
          if (failures.length < MAX_LISTED_FAILURES)
            failures.push({
              key: Object.fromEntries(c.keyColumns.map((k) => [k, row[k]])),
              error: error instanceof Error ? error.message : String(error),
            });
          continue;
        }
        pending.push({
          key: c.keyColumns.map((k) => row[k]),
          value,
          next,
          kind: plaintext ? 'plaintext' : unbound ? 'unbound' : 'rotated',
        });
        pendingBytes += value.length + next.length;
        if (pending.length >= MAX_ROWS_PER_UPDATE || pendingBytes >= MAX_BYTES_PER_UPDATE)
          await flush();
      }
      if (pending.length) await flush();
      return batch;
    });
    const tail = rows[rows.length - 1];
    if (!tail || rows.length < batchSize) break;
    last = c.keyColumns.map((k) => tail[k]);
  }
  return { table: c.table, column: c.column, ...counts, failures };
}

interface Change {
  readonly key: readonly unknown[];
  /** The value read: the row is only rewritten if it still holds it. */
  readonly value: string;
  readonly next: string;
  readonly kind: 'plaintext' | 'unbound' | 'rotated';
}

/** Rows and bytes (old + new values) per UPDATE statement. */
const MAX_ROWS_PER_UPDATE = 200;
const MAX_BYTES_PER_UPDATE = 8 * 1024 * 1024;

/**
 * Rewrites the changed rows in one statement (`with v as (values …) update … from v … returning`,
 * which PostgreSQL and SQLite ≥ 3.35 both run): one round trip instead of one per row. A row is
 * only rewritten if it still holds the value read; returns, per change, whether it was written.
 */
async function writeChanges(
  db: Kysely<any>,
  c: EncryptedColumn,
  changes: readonly Change[],
): Promise<boolean[]> {
  const keys = c.keyColumns.map((_, i) => `__k${i}`);
  const rows = changes.map(
    (ch) => sql`(${sql.join([...ch.key, ch.value, ch.next].map((v) => sql`${v}`))})`,
  );
  const columns = sql.join([...keys, '__old', '__new'].map((k) => sql.id(k)));
  const column = sql.id(c.column);
  const match = sql.join(
    c.keyColumns.map((k, i) => sql`${sql.ref(`${c.table}.${k}`)} = v.${sql.id(keys[i] as string)}`),
    sql` and `,
  );
  const result = await sql<Record<string, unknown>>`
    with v (${columns}) as (values ${sql.join(rows)})
    update ${sql.table(c.table)} set ${column} = v.__new from v
    where ${match} and ${sql.ref(`${c.table}.${c.column}`)} = v.__old
    returning ${sql.join(c.keyColumns.map((k) => sql.id(k)))}`.execute(db);
  const written = new Set(
    result.rows.map((r) => JSON.stringify(c.keyColumns.map((k) => String(r[k])))),
  );
  return changes.map((ch) => written.has(JSON.stringify(ch.key.map(String))));
}

/** (k1, k2, ...) > (v1, v2, ...) spelled out, so it works on any SQL dialect. */
function afterKey(
  eb: any,
  keys: readonly string[],
  values: readonly unknown[],
): Expression<SqlBool> {
  return eb.or(
    keys.map((k, i) =>
      eb.and([...keys.slice(0, i).map((p, j) => eb(p, '=', values[j])), eb(k, '>', values[i])]),
    ),
  );
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function validateColumn(c: EncryptedColumn): void {
  for (const name of [c.table, c.column, ...c.keyColumns])
    if (!IDENTIFIER.test(name))
      throw new Error(
        `encrypted column ${c.table}.${c.column}: invalid identifier ${JSON.stringify(name)}`,
      );
  if (c.keyColumns.length === 0)
    throw new Error(`encrypted column ${c.table}.${c.column}: keyColumns must not be empty`);
}

function isSqlite(db: Kysely<Database>): boolean {
  try {
    return db.getExecutor().adapter instanceof SqliteAdapter;
  } catch {
    return false;
  }
}

export interface KeyUsage {
  readonly table: string;
  readonly column: string;
  /** Number of tokens per key id. */
  readonly byKeyId: Readonly<Record<string, number>>;
  /** Non-null values that are not tokens (legacy plaintext). */
  readonly plaintext: number;
  /** Tokens not yet bound to their row (version 1), counted in byKeyId too. */
  readonly unbound: number;
}

/**
 * Counts, per encrypted column, how many values each key id protects and how many are still
 * plaintext, without decrypting anything. Use it to check that every key id in use is in the
 * keyring before rotating, and to see when an old key is no longer needed.
 */
export async function scanKeyUsage(
  db: Kysely<Database>,
  columns: readonly EncryptedColumn[] = ENCRYPTED_COLUMNS,
  batchSize = 1000,
): Promise<KeyUsage[]> {
  const out: KeyUsage[] = [];
  for (const c of columns) {
    validateColumn(c);
    const byKeyId: Record<string, number> = {};
    let plaintext = 0;
    let unbound = 0;
    let last: unknown[] | null = null;
    for (;;) {
      const after: unknown[] | null = last;
      let query = (db as unknown as Kysely<any>)
        .selectFrom(c.table)
        .select([...c.keyColumns, `${c.column} as __value`])
        .where(c.column, 'is not', null);
      if (after) query = query.where((eb) => afterKey(eb, c.keyColumns, after));
      for (const k of c.keyColumns) query = query.orderBy(k);
      const rows = (await query.limit(batchSize).execute()) as Record<string, unknown>[];
      for (const row of rows) {
        const value = row.__value;
        if (typeof value !== 'string') continue;
        const parsed = parseFieldToken(value);
        if (!parsed) plaintext += 1;
        else byKeyId[parsed.keyId] = (byKeyId[parsed.keyId] ?? 0) + 1;
        if (parsed?.version === UNBOUND_TOKEN_VERSION) unbound += 1;
      }
      const tail = rows[rows.length - 1];
      if (!tail || rows.length < batchSize) break;
      last = c.keyColumns.map((k) => tail[k]);
    }
    out.push({ table: c.table, column: c.column, byKeyId, plaintext, unbound });
  }
  return out;
}

/** Per column, how many values are unbound (version-1) tokens, counted in SQL (nothing decrypted). */
export async function countUnbound(
  db: Kysely<Database>,
  columns: readonly EncryptedColumn[] = ENCRYPTED_COLUMNS,
): Promise<{ table: string; column: string; unbound: number }[]> {
  const out = [];
  for (const c of columns) {
    validateColumn(c);
    const row = await (db as unknown as Kysely<any>)
      .selectFrom(c.table)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where((eb) => unboundWhere(eb, c.column))
      .executeTakeFirst();
    out.push({ table: c.table, column: c.column, unbound: Number(row?.n ?? 0) });
  }
  return out;
}

export interface BindResult {
  /** Values bound to their row by this run. */
  readonly bound: number;
  /** Unbound values left (undecryptable, or written concurrently by an older build). */
  readonly remaining: number;
  readonly columns: readonly ColumnReencryptCount[];
}

/**
 * Binds every unbound (version-1) token to its row, re-encrypting it with the current key; run by
 * the server at start, so data written before the binding is protected without an operator step.
 * Cheap when there is nothing to do (one count of values starting `sm4:1:` per column). Values that cannot
 * be decrypted are left alone and counted in `remaining` (`dengbao keys reencrypt` lists them).
 */
export async function bindUnboundValues(
  db: Kysely<Database>,
  cipher: FieldCipher,
  options: Pick<ReencryptOptions, 'batchSize'> = {},
): Promise<BindResult> {
  const before = await countUnbound(db);
  const columns = ENCRYPTED_COLUMNS.filter((c) =>
    before.some((b) => b.table === c.table && b.column === c.column && b.unbound > 0),
  );
  if (columns.length === 0) return { bound: 0, remaining: 0, columns: [] };
  const result = await reencryptAll(db, cipher, { ...options, columns, unboundOnly: true });
  const remaining = (await countUnbound(db, columns)).reduce((n, c) => n + c.unbound, 0);
  return {
    bound: result.columns.reduce((n, c) => n + c.bound, 0),
    remaining,
    columns: result.columns,
  };
}
