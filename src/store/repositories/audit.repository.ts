/**
 * The SM3-chained audit log (see src/audit/chain.ts for the chain itself).
 *
 * Retention: audit entries are kept. This module has no update or delete function on purpose,
 * and nothing else in the application may write to `audit_entries` except {@link appendAudit}.
 * Any other change to the table (an edit, a deletion, a reordering) is what {@link verifyAudit}
 * reports.
 */
import { randomUUID } from 'node:crypto';
import { PostgresAdapter, SqliteAdapter, sql, type Kysely, type RawBuilder } from 'kysely';
import {
  CANONICAL_LAYOUT,
  canonicalize,
  chainHash,
  ChainVerifier,
  GENESIS_HASH,
  type AuditContent,
  type ChainPosition,
  type ChainVerification,
  type Changes,
} from '../../audit/chain';
import { firstMismatch, packBytes, Sm3BatchWorker, type HashInputs } from '../../audit/sm3-batch';
import type { AuditEntryRow, Database } from '../schema';

/** Who did it: a signed-in user, an API token, or a label only (e.g. `system`, a CLI user). */
export interface AuditActor {
  readonly userId?: string | null;
  readonly tokenId?: string | null;
  /** Human-readable, kept even if the user or token is later deleted (e.g. `张三 (zhangsan)`). */
  readonly label?: string | null;
}

/** What to record. Build `changes` with `diffChanges` (src/audit/chain.ts). */
export interface AuditEvent {
  /** The chain: the organisation's id, or '' for the platform chain. */
  readonly organisationId: string;
  /** `entity.verb`, e.g. `system.update`, `user.sign_in`. */
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string | null;
  readonly changes: Changes;
  readonly actor: AuditActor;
  readonly requestId?: string | null;
  readonly sourceIp?: string | null;
}

/** Column widths (migration 2026-11-27b-security): longer values fail on PostgreSQL. */
const LIMITS = {
  organisation_id: 36,
  action: 60,
  entity_type: 60,
  entity_id: 300,
  actor_user_id: 36,
  actor_token_id: 36,
  actor_label: 200,
  request_id: 100,
  source_ip: 64,
} as const;

const length = (s: string) => [...s].length;

/** `2026-03-02T01:00:00.000Z` (Date#toISOString), or with an offset; at most 30 characters. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;

/** Client-supplied values are cut to the column width (before hashing, so the hash matches). */
function clip(value: string | null | undefined, max: number): string | null {
  if (value === null || value === undefined) return null;
  return length(value) <= max ? value : [...value].slice(0, max).join('');
}

/** Throws on a value the column cannot hold (these come from code, not from users). */
function checkColumn(value: string | null, column: keyof typeof LIMITS, required = false): void {
  if (value === null) {
    if (required) throw new Error(`audit entry: ${column} is required`);
    return;
  }
  const min = required && column !== 'organisation_id' ? 1 : 0;
  if (length(value) < min || length(value) > LIMITS[column])
    throw new Error(`audit entry: ${column} must be ${min}–${LIMITS[column]} characters`);
}

/**
 * Whether `db` talks to PostgreSQL, read from the Kysely adapter (covers transactions and any
 * dialect built on kysely's PostgresAdapter). Everything else is treated as SQLite.
 */
export function isPostgres(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Appends one entry to the event's organisation chain and returns it.
 *
 * Pass the caller's transaction so the entry commits or rolls back with the change it records.
 * When `db` is not a transaction, the append runs in a transaction of its own.
 *
 * Concurrency: on PostgreSQL the chain is locked first with a transaction-scoped advisory lock,
 * `pg_advisory_xact_lock(hashtext('dengbao.audit'), hashtext(organisation_id))` (the two-key form,
 * so it cannot collide with single-key advisory locks used elsewhere), held until the caller's
 * transaction ends; concurrent writers to one chain therefore queue, and writers to different
 * chains do not. The lock only helps at READ COMMITTED (PostgreSQL's default), where the read of
 * the last entry after the lock sees every committed entry; a REPEATABLE READ / SERIALIZABLE
 * caller that has already read may see a stale tail, and then the unique (organisation_id, seq)
 * constraint rejects the insert and the caller's transaction fails rather than forking the chain.
 * SQLite serialises writers itself (one connection, and one writer per database file).
 */
export async function appendAudit(
  db: Kysely<Database>,
  event: AuditEvent,
  at: string,
): Promise<AuditEntryRow> {
  if (!db.isTransaction) return db.transaction().execute((trx) => appendAudit(trx, event, at));
  if (!ISO_INSTANT.test(at) || Number.isNaN(Date.parse(at)))
    throw new Error(`audit entry: at ${at} is not an ISO instant (use Date#toISOString)`);
  const organisationId = event.organisationId;
  checkColumn(organisationId, 'organisation_id', true);
  checkColumn(event.action, 'action', true);
  checkColumn(event.entityType, 'entity_type', true);
  checkColumn(event.entityId, 'entity_id');
  checkColumn(event.actor.userId ?? null, 'actor_user_id');
  checkColumn(event.actor.tokenId ?? null, 'actor_token_id');

  if (isPostgres(db))
    await sql`select pg_advisory_xact_lock(hashtext('dengbao.audit'), hashtext(${organisationId}))`.execute(
      db,
    );
  const last = await latestAuditHash(db, organisationId);

  const content: AuditContent = {
    organisationId,
    seq: last.seq + 1,
    at,
    actorUserId: event.actor.userId ?? null,
    actorTokenId: event.actor.tokenId ?? null,
    actorLabel: clip(event.actor.label, LIMITS.actor_label),
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    // Round-trip through canonical JSON so the hash is over exactly what verification will parse.
    changes: JSON.parse(canonicalize(event.changes)) as Changes,
    requestId: clip(event.requestId, LIMITS.request_id),
    sourceIp: clip(event.sourceIp, LIMITS.source_ip),
  };
  const row: AuditEntryRow = {
    id: randomUUID(),
    organisation_id: organisationId,
    seq: content.seq,
    at,
    actor_user_id: content.actorUserId,
    actor_token_id: content.actorTokenId,
    actor_label: content.actorLabel,
    action: content.action,
    entity_type: content.entityType,
    entity_id: content.entityId,
    changes: canonicalize(content.changes),
    request_id: content.requestId,
    source_ip: content.sourceIp,
    prev_hash: last.hash,
    hash: chainHash(last.hash, content),
  };
  await db.insertInto('audit_entries').values(row).execute();
  return row;
}

/**
 * The seq and hash of the chain's last entry ({ seq: 0, hash: GENESIS_HASH } for an empty chain).
 * Publishing this value somewhere out of the database's reach lets a later check prove that the
 * chain was not truncated or rewritten up to that point.
 */
export async function latestAuditHash(
  db: Kysely<Database>,
  organisationId: string,
): Promise<ChainPosition> {
  const last = await db
    .selectFrom('audit_entries')
    .select(['seq', 'hash'])
    .where('organisation_id', '=', organisationId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return last ? { seq: Number(last.seq), hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
}

export interface AuditListQuery {
  /** Entries by this user (actor_user_id). */
  readonly userId?: string | undefined;
  readonly entityType?: string | undefined;
  readonly entityId?: string | undefined;
  /** Exact action, e.g. `system.update`. */
  readonly action?: string | undefined;
  /** ISO instant, inclusive: at >= from. */
  readonly from?: string | undefined;
  /** ISO instant, exclusive: at < to. */
  readonly to?: string | undefined;
  readonly limit: number;
  readonly offset: number;
}

/** One page of a chain's entries, newest (highest seq) first, and how many match in all. */
export async function listAudit(
  db: Kysely<Database>,
  organisationId: string,
  query: AuditListQuery,
): Promise<{ rows: AuditEntryRow[]; total: number }> {
  let q = db.selectFrom('audit_entries').where('organisation_id', '=', organisationId);
  if (query.userId !== undefined) q = q.where('actor_user_id', '=', query.userId);
  if (query.entityType !== undefined) q = q.where('entity_type', '=', query.entityType);
  if (query.entityId !== undefined) q = q.where('entity_id', '=', query.entityId);
  if (query.action !== undefined) q = q.where('action', '=', query.action);
  if (query.from !== undefined) q = q.where('at', '>=', query.from);
  if (query.to !== undefined) q = q.where('at', '<', query.to);
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(Math.max(0, Math.floor(query.limit)))
      .offset(Math.max(0, Math.floor(query.offset)))
      .execute(),
    q.select((eb) => eb.fn.countAll<number | string | bigint>().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: Number(count?.n ?? 0) };
}

/** Rows read per query by {@link verifyAudit}. */
export const VERIFY_BATCH = 10_000;

export interface VerifyAuditOptions {
  /** Rows per query (default VERIFY_BATCH). */
  readonly batchSize?: number;
  /**
   * Called with the id of each row whose database-built canonical text did not match its hash,
   * so it was re-read and checked in full (diagnostics; none for an intact chain).
   */
  readonly onFullCheck?: (id: string) => void;
  /** Read full rows and hash in JavaScript only (verifyChain's path; slower, for cross-checks). */
  readonly fullRows?: boolean;
  /**
   * Hash each batch on a worker thread while the next is read (default: yes, once the chain is
   * longer than one batch). false keeps everything on the calling thread.
   */
  readonly worker?: boolean;
}

/**
 * What a row's hash is the SM3 of, built by the database: prev_hash followed by the canonical
 * content text (canonicalize of its AuditContent, see CANONICAL_LAYOUT). SQLite's json_quote and
 * PostgreSQL's to_json(text) write strings exactly as JSON.stringify does, and `changes` is
 * stored as canonical JSON already. SQLite hands it over as a blob (its UTF-8 bytes: no decoding
 * into a JavaScript string and encoding back for the hash, a third of the verification time).
 */
function hashInputSql(postgres: boolean): RawBuilder<string | Uint8Array> {
  const parts: RawBuilder<unknown>[] = [sql.ref('prev_hash')];
  CANONICAL_LAYOUT.forEach(({ key, column, kind }, i) => {
    parts.push(sql.lit(`${i === 0 ? '{' : ','}${JSON.stringify(key)}:`));
    const ref = sql.ref(column);
    if (kind === 'json') parts.push(sql`${ref}`);
    else if (kind === 'integer') parts.push(sql`cast(${ref} as text)`);
    else if (postgres) parts.push(sql`coalesce(to_json(${ref})::text, 'null')`);
    else parts.push(sql`json_quote(${ref})`);
  });
  parts.push(sql.lit('}'));
  const text = sql.join(parts, sql` || `);
  return postgres ? sql<string>`(${text})` : sql<Uint8Array>`cast(${text} as blob)`;
}

/**
 * Verifies an organisation's whole chain (or '' for the platform chain) with the rules of
 * `verifyChain`, reading it in batches ordered by seq (keyset pagination: `seq > last seq read`)
 * so memory stays bounded whatever the length. The first batch has no lower bound, so a row
 * moved to seq 0 or below is seen (and reported out_of_order). Returns the first broken entry,
 * or the count and last hash.
 *
 * Speed: the database builds what each row's hash is computed over, so JavaScript reads 5 columns
 * and computes one SM3 per row, on a worker thread while the next batch is read (see
 * src/audit/sm3-batch.ts). A row whose text does not match its hash is re-read in full and
 * checked by verifyChain's own code before it is reported, so the result never depends on the
 * database's JSON quoting. Other dialects than SQLite and PostgreSQL read full rows.
 */
export async function verifyAudit(
  db: Kysely<Database>,
  organisationId: string,
  opts: VerifyAuditOptions = {},
): Promise<ChainVerification> {
  const batchSize = opts.batchSize ?? VERIFY_BATCH;
  const adapter = db.getExecutor().adapter;
  const postgres = adapter instanceof PostgresAdapter;
  if (opts.fullRows || (!postgres && !(adapter instanceof SqliteAdapter)))
    return verifyAuditFullRows(db, organisationId, batchSize);
  const hashInput = hashInputSql(postgres);
  const read = (after: number | null) => {
    let q = db
      .selectFrom('audit_entries')
      .select(['id', 'seq', 'prev_hash', 'hash', hashInput.as('hash_input')])
      .where('organisation_id', '=', organisationId)
      .orderBy('seq')
      .limit(batchSize);
    if (after !== null) q = q.where('seq', '>', after);
    return q.execute();
  };
  const inputsOf = (rows: { hash_input: string | Uint8Array }[]): HashInputs =>
    postgres
      ? { kind: 'strings', strings: rows.map((r) => r.hash_input as string) }
      : packBytes(rows.map((r) => r.hash_input as Uint8Array));

  const verifier = new ChainVerifier();
  let worker: Sm3BatchWorker | null = null;
  try {
    let rows = await read(null);
    while (rows.length > 0) {
      const more = rows.length === batchSize;
      const hashes = rows.map((r) => r.hash);
      // With more to read, hash this batch on the worker while the next one is read.
      if (more && opts.worker !== false) worker ??= new Sm3BatchWorker();
      const [mismatch, next] = await Promise.all([
        worker && more
          ? worker.firstMismatch(inputsOf(rows), hashes)
          : firstMismatch(inputsOf(rows), hashes),
        more ? read((rows[rows.length - 1] as { seq: number }).seq) : [],
      ]);
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i] as (typeof rows)[number];
        if (!verifier.link(row)) return verifier.result();
        // Rows before the first mismatch are known good (their prev_hash linked, so the input
        // the database built is theirs); from it on, check here and fall back to the full row.
        if (mismatch !== -1 && i >= mismatch) {
          if (i === mismatch || !verifier.matchesHashInput(row, row.hash_input)) {
            opts.onFullCheck?.(row.id);
            const full = await db
              .selectFrom('audit_entries')
              .selectAll()
              .where('id', '=', row.id)
              .executeTakeFirstOrThrow();
            if (!verifier.content(full)) return verifier.result();
          }
        }
        verifier.accept(row);
      }
      rows = next;
    }
    return verifier.result();
  } finally {
    await worker?.close();
  }
}

/** verifyAudit reading full rows and hashing in JavaScript only. */
async function verifyAuditFullRows(
  db: Kysely<Database>,
  organisationId: string,
  batchSize: number,
): Promise<ChainVerification> {
  const verifier = new ChainVerifier();
  let cursor: number | null = null;
  for (;;) {
    let q = db
      .selectFrom('audit_entries')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .orderBy('seq')
      .limit(batchSize);
    if (cursor !== null) q = q.where('seq', '>', cursor);
    const rows = await q.execute();
    for (const row of rows) if (!verifier.next(row)) return verifier.result();
    if (rows.length < batchSize) return verifier.result();
    cursor = (rows[rows.length - 1] as AuditEntryRow).seq;
  }
}
