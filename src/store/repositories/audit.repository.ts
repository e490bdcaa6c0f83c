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
import { firstMismatch, parsePackedBatch, Sm3BatchWorker } from '../../audit/sm3-batch';
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
   * Called with the id of each row whose database-built hash input did not match its hash, so
   * it was re-read and checked in full (diagnostics; none for an intact chain).
   */
  readonly onFullCheck?: (id: string) => void;
  /** Called when a packed batch did not pass and is checked row by row (diagnostics). */
  readonly onRowByRow?: (afterSeq: number | null) => void;
  /** Read full rows and hash in JavaScript only (verifyChain's path; slower, for cross-checks). */
  readonly fullRows?: boolean;
  /** SQLite: check row by row, without packed batches (what a batch falls back to; for tests). */
  readonly rowByRow?: boolean;
  /**
   * SQLite: hash packed batches on a worker thread while the next is read (default: yes, once
   * the chain is longer than one batch). false keeps everything on the calling thread.
   */
  readonly worker?: boolean;
}

/**
 * The canonical content text of a row (canonicalize of its AuditContent, see CANONICAL_LAYOUT),
 * built by the database: SQLite's json_quote and PostgreSQL's to_json(text) write strings
 * exactly as JSON.stringify does, and `changes` is stored as canonical JSON already.
 */
function canonicalSql(postgres: boolean): RawBuilder<string> {
  const parts: RawBuilder<unknown>[] = [];
  CANONICAL_LAYOUT.forEach(({ key, column, kind }, i) => {
    parts.push(sql.lit(`${i === 0 ? '{' : ','}${JSON.stringify(key)}:`));
    const ref = sql.ref(column);
    if (kind === 'json') parts.push(sql`${ref}`);
    else if (kind === 'integer') parts.push(sql`cast(${ref} as text)`);
    else if (postgres) parts.push(sql`coalesce(to_json(${ref})::text, 'null')`);
    else parts.push(sql`json_quote(${ref})`);
  });
  parts.push(sql.lit('}'));
  return sql<string>`(${sql.join(parts, sql` || `)})`;
}

/**
 * What a row's hash is the SM3 of: prev_hash followed by the canonical content text. SQLite
 * hands it over as a blob (its UTF-8 bytes: no decoding into a JavaScript string and encoding
 * back for the hash).
 */
function hashInputSql(postgres: boolean): RawBuilder<string | Uint8Array> {
  const text = sql`(${sql.ref('prev_hash')} || ${canonicalSql(postgres)})`;
  return postgres ? sql<string>`${text}` : sql<Uint8Array>`cast(${text} as blob)`;
}

interface VerifyContext {
  readonly db: Kysely<Database>;
  readonly organisationId: string;
  readonly batchSize: number;
  readonly postgres: boolean;
  readonly opts: VerifyAuditOptions;
}

/**
 * SQLite: one batch packed by the database into a single byte string (see parsePackedBatch in
 * src/audit/sm3-batch.ts): one value per batch instead of a JavaScript object per row, which is
 * what reading rows mostly costs.
 */
async function readPacked(
  ctx: VerifyContext,
  after: number | null,
): Promise<{ rows: number; lastSeq: number | null; packed: Uint8Array | null } | 'too_big'> {
  const bytes = (column: string) => sql`length(cast(${sql.ref(column)} as blob))`;
  // A seq that is not an integer (SQLite allows it) packs as 'x', which does not parse. The
  // subquery hands its rows over in seq order (a LIMIT subquery runs as a co-routine); were it
  // not so, the seqs would not follow on and the batch would be checked row by row.
  const record = sql`(case when typeof(seq) = 'integer' then cast(seq as text) else 'x' end)
    || ',' || ${bytes('prev_hash')} || ',' || ${bytes('hash')} || ',' || ${bytes('canonical')}
    || ';' || hash || prev_hash || canonical`;
  const where = after === null ? sql`` : sql`and seq > ${after}`;
  const query = sql<{
    n: number;
    last_seq: number | null;
    packed: Uint8Array | null;
  }>`select count(*) as n, max(seq) as last_seq,
      cast(group_concat(${record}, '') as blob) as packed
    from (select seq, hash, prev_hash, ${canonicalSql(false)} as canonical from audit_entries
      where organisation_id = ${ctx.organisationId} ${where}
      order by seq limit ${ctx.batchSize}) as b`;
  let result;
  try {
    result = await query.execute(ctx.db);
  } catch (error) {
    // Over SQLite's 1 GB value limit (entries of 100 kB on average): go row by row.
    if ((error as { code?: unknown }).code === 'SQLITE_TOOBIG') return 'too_big';
    throw error;
  }
  const row = result.rows[0];
  return { rows: Number(row?.n ?? 0), lastSeq: row?.last_seq ?? null, packed: row?.packed ?? null };
}

/** One batch of rows with the database-built hash input (seq > `after`). */
function readRows(ctx: VerifyContext, after: number | null) {
  let q = ctx.db
    .selectFrom('audit_entries')
    .select(['id', 'seq', 'prev_hash', 'hash', hashInputSql(ctx.postgres).as('hash_input')])
    .where('organisation_id', '=', ctx.organisationId)
    .orderBy('seq')
    .limit(ctx.batchSize);
  if (after !== null) q = q.where('seq', '>', after);
  return q.execute();
}

type InputRow = Awaited<ReturnType<typeof readRows>>[number];

/**
 * Checks rows one by one from `start`: links, then the hash over the database-built input; a row
 * whose input does not match is re-read in full and judged by verifyChain's own code.
 * `count` in the result counts these rows only.
 */
async function checkRows(
  ctx: VerifyContext,
  rows: readonly InputRow[],
  start: ChainPosition,
): Promise<ChainVerification> {
  const verifier = new ChainVerifier(start);
  for (const row of rows) {
    if (!verifier.link(row)) return verifier.result();
    if (!verifier.matchesHashInput(row, row.hash_input)) {
      ctx.opts.onFullCheck?.(row.id);
      const full = await ctx.db
        .selectFrom('audit_entries')
        .selectAll()
        .where('id', '=', row.id)
        .executeTakeFirstOrThrow();
      if (!verifier.content(full)) return verifier.result();
    }
    verifier.accept(row);
  }
  return verifier.result();
}

const lastSeqOf = (rows: readonly { seq: number }[]) =>
  (rows[rows.length - 1] as { seq: number }).seq;

/**
 * Verifies an organisation's whole chain (or '' for the platform chain) with the rules of
 * `verifyChain`, reading it in batches ordered by seq (keyset pagination: `seq > last seq read`)
 * so memory stays bounded whatever the length. The first batch has no lower bound, so a row
 * moved to seq 0 or below is seen (and reported out_of_order). Returns the first broken entry,
 * or the count and last hash.
 *
 * Speed: the database builds each row's canonical content, so JavaScript only links rows and
 * computes one SM3 each. On SQLite (1,000,000 entries in about 5 s) the database also packs a
 * whole batch into one byte string, the links are checked in JavaScript and the SM3s computed on
 * a worker thread while the next batch is read; a batch in which anything does not match is
 * checked again row by row. On PostgreSQL rows are checked one by one while the server builds
 * the next batch. A row whose database-built input does not match its hash is re-read in full
 * and judged by verifyChain's own code, so the result never depends on the database's JSON
 * quoting. Dialects other than SQLite and PostgreSQL read full rows.
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
  const ctx: VerifyContext = { db, organisationId, batchSize, postgres, opts };

  let count = 0;
  let position: ChainPosition = { seq: 0, hash: GENESIS_HASH };
  /** Adds a batch's result; returns the final result when the chain broke in it. */
  const add = (result: ChainVerification): ChainVerification | null => {
    if (!result.ok) return { ...result, count: count + result.count };
    count += result.count;
    position = { seq: result.lastSeq, hash: result.lastHash };
    return null;
  };
  const ok = (): ChainVerification => ({
    ok: true,
    count,
    lastSeq: position.seq,
    lastHash: position.hash,
  });

  /** Row by row from `after` to the end. */
  const rowByRow = async (after: number | null): Promise<ChainVerification> => {
    let rows = await readRows(ctx, after);
    while (rows.length > 0) {
      // The next batch is read (on PostgreSQL: built by the server) while this one is checked.
      const next = rows.length === batchSize ? readRows(ctx, lastSeqOf(rows)) : null;
      next?.catch(() => undefined);
      const broken = add(await checkRows(ctx, rows, position));
      if (broken) return broken;
      rows = next ? await next : [];
    }
    return ok();
  };
  if (postgres || opts.rowByRow) return rowByRow(null);

  let worker: Sm3BatchWorker | null = null;
  try {
    let after: number | null = null;
    let batch = await readPacked(ctx, after);
    for (;;) {
      if (batch === 'too_big') return await rowByRow(after);
      if (batch.rows === 0) return ok();
      const more = batch.rows === batchSize;
      const parsed = parsePackedBatch(batch.packed ?? new Uint8Array(0), position);
      const intact = parsed.linked && parsed.count === batch.rows;
      if (intact && more && opts.worker !== false) worker ??= new Sm3BatchWorker();
      // Hash this batch (on the worker) while the next one is read.
      const [mismatch, next] = await Promise.all([
        !intact
          ? 0
          : worker && more
            ? worker.firstMismatch(parsed.inputs, parsed.hashes)
            : firstMismatch(parsed.inputs, parsed.hashes),
        more ? readPacked(ctx, batch.lastSeq) : null,
      ]);
      if (intact && mismatch === -1) {
        count += parsed.count;
        position = parsed.end;
      } else {
        // Something does not match: find and explain it row by row.
        opts.onRowByRow?.(after);
        const broken = add(await checkRows(ctx, await readRows(ctx, after), position));
        if (broken) return broken;
      }
      if (!next) return ok();
      after = batch.lastSeq;
      batch = next;
    }
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
