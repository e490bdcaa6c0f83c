/**
 * The tamper-evident audit chain (pure: no database, no I/O).
 *
 * Every organisation has its own chain (organisation id '' is the platform chain: accounts,
 * sign-ins, organisation creation). Entry `seq` n (1, 2, 3, …) stores
 *
 *     prev_hash = hash of entry n-1 (GENESIS_HASH for n = 1)
 *     hash      = hex(SM3(prev_hash + canonicalize(content)))          -- GB/T 32905-2016
 *
 * where `content` is the {@link AuditContent} of the entry: every column except `id`,
 * `prev_hash` and `hash`. Editing any hashed field of an entry breaks its own hash; deleting,
 * inserting or reordering entries breaks the `seq` run or the `prev_hash` links. What the chain
 * cannot show on its own is a consistent rewrite of the whole chain from some entry onwards, or
 * a truncated tail: for that, record the last entry's seq and hash (`latestAuditHash`)
 * somewhere the database administrator cannot write, and compare later.
 */
import { hash as oneShotHash } from 'node:crypto';

/** The hash before the first entry of every chain: 64 hex zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** Shown instead of the value of a redacted field (password hashes, encrypted values, secrets). */
export const REDACTED = '[redacted]';

/** One changed field: its value before and after (null when created / deleted / unset). */
export interface FieldChange {
  readonly before: unknown;
  readonly after: unknown;
}

/** `{ field: { before, after } }` of the changed fields only. */
export type Changes = Record<string, FieldChange>;

/** The fields of an audit entry covered by its hash (camelCase; nullable where the column is). */
export interface AuditContent {
  readonly organisationId: string;
  readonly seq: number;
  /** ISO-8601 instant, e.g. `2026-03-02T01:00:00.000Z`. */
  readonly at: string;
  readonly actorUserId: string | null;
  readonly actorTokenId: string | null;
  readonly actorLabel: string | null;
  /** e.g. `system.update`, `user.sign_in`. */
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string | null;
  readonly changes: Changes;
  readonly requestId: string | null;
  readonly sourceIp: string | null;
}

/** The stored columns {@link verifyChain} reads; `AuditEntryRow` (src/store/schema.ts) fits. */
export interface AuditChainRow {
  readonly id: string;
  readonly organisation_id: string;
  readonly seq: number;
  readonly at: string;
  readonly actor_user_id: string | null;
  readonly actor_token_id: string | null;
  readonly actor_label: string | null;
  readonly action: string;
  readonly entity_type: string;
  readonly entity_id: string | null;
  /** `canonicalize(changes)` as written by `appendAudit`. */
  readonly changes: string;
  readonly request_id: string | null;
  readonly source_ip: string | null;
  readonly prev_hash: string;
  readonly hash: string;
}

/**
 * Deterministic JSON of a JSON-like value, the byte string the chain hashes:
 *
 * - object keys sorted at every depth by UTF-16 code units (`Array.prototype.sort`'s default
 *   order, the order RFC 8785 prescribes), so key insertion order never matters;
 * - no whitespace at all;
 * - strings exactly as `JSON.stringify` writes them (escapes `"`, `\`, control characters and lone
 *   surrogates; everything else, Chinese included, stays literal and is hashed as UTF-8);
 * - numbers as `JSON.stringify` writes them (ECMAScript shortest round-trip form, `-0` as `0`);
 *   NaN and ±Infinity are rejected rather than silently becoming `null`;
 * - `true`, `false`, `null`; an object property whose value is `undefined` is left out and an
 *   `undefined` array element is written `null` (both as `JSON.stringify` does), so a value and
 *   its JSON round trip canonicalize identically;
 * - a value with `toJSON` (a Date) is replaced by what `toJSON` returns; any other non-plain
 *   object (Map, Set, class instance), a bigint, a function or a symbol is rejected.
 *
 * For the values audit entries hold this is the JSON Canonicalization Scheme (RFC 8785).
 * `JSON.parse(canonicalize(v))` canonicalizes back to the same string.
 */
export function canonicalize(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalize: ${value} is not JSON`);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ',';
          const item: unknown = value[i];
          out += item === undefined ? 'null' : canonicalize(item);
        }
        return `${out}]`;
      }
      const toJSON = (value as { toJSON?: unknown }).toJSON;
      if (typeof toJSON === 'function') return canonicalize(toJSON.call(value));
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null)
        throw new TypeError('canonicalize: not a plain object (Map, Set, class instance?)');
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).sort();
      let out = '{';
      for (const key of keys) {
        const item = record[key];
        if (item === undefined) continue;
        if (out.length > 1) out += ',';
        out += JSON.stringify(key);
        out += ':';
        out += canonicalize(item);
      }
      return `${out}}`;
    }
    default:
      throw new TypeError(`canonicalize: a ${typeof value} is not JSON`);
  }
}

const str = (s: string | null) => (s === null ? 'null' : JSON.stringify(s));

/**
 * canonicalize(content) written out directly (the keys below are in sorted order), with the
 * `changes` member given as its canonical JSON text. Equal to canonicalize(content); the tests
 * hold the two together.
 */
function canonicalContent(c: AuditContent, changesJson: string): string {
  if (!Number.isSafeInteger(c.seq)) throw new TypeError(`audit content: seq ${c.seq}`);
  return (
    `{"action":${str(c.action)},"actorLabel":${str(c.actorLabel)},"actorTokenId":${str(c.actorTokenId)}` +
    `,"actorUserId":${str(c.actorUserId)},"at":${str(c.at)},"changes":${changesJson}` +
    `,"entityId":${str(c.entityId)},"entityType":${str(c.entityType)}` +
    `,"organisationId":${str(c.organisationId)},"requestId":${str(c.requestId)}` +
    `,"seq":${c.seq},"sourceIp":${str(c.sourceIp)}}`
  );
}

/** hex SM3 (GB/T 32905) of the UTF-8 bytes of `prevHash + canonicalize(content)`. */
export function chainHash(prevHash: string, content: AuditContent): string {
  return sm3(prevHash, canonicalContent(content, canonicalize(content.changes)));
}

/** One-shot SM3 (crypto.hash, Node >= 20.12) of the UTF-8 bytes of prevHash + canonical. */
function sm3(prevHash: string, canonical: string): string {
  return oneShotHash('sm3', prevHash + canonical, 'hex');
}

/** The hashed content of a stored row (its `changes` column parsed from JSON). */
export function contentOfRow(row: AuditChainRow): AuditContent {
  return { ...contentFields(row), changes: JSON.parse(row.changes) as Changes };
}

/** The row's content with `changes` left empty (canonicalContent takes the changes text). */
function contentFields(row: AuditChainRow): AuditContent {
  return {
    organisationId: row.organisation_id,
    seq: row.seq,
    at: row.at,
    actorUserId: row.actor_user_id,
    actorTokenId: row.actor_token_id,
    actorLabel: row.actor_label,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    changes: {},
    requestId: row.request_id,
    sourceIp: row.source_ip,
  };
}

export type ChainBreak = 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap' | 'out_of_order';

export type ChainVerification =
  | {
      readonly ok: true;
      /** Entries verified. */
      readonly count: number;
      /** seq of the last entry (0, or `start.seq`, when there are none). */
      readonly lastSeq: number;
      /** hash of the last entry (GENESIS_HASH, or `start.hash`, when there are none). */
      readonly lastHash: string;
    }
  | {
      readonly ok: false;
      /** Entries verified intact before the broken one. */
      readonly count: number;
      readonly firstBroken: {
        /** The stored seq of the offending row. */
        readonly seq: number;
        readonly id: string;
        readonly reason: ChainBreak;
        readonly message: string;
      };
    };

/** Where a partial verification resumes: the seq and hash of the last entry already verified. */
export interface ChainPosition {
  readonly seq: number;
  readonly hash: string;
}

/** The columns that link a row into its chain. */
export interface ChainLink {
  readonly id: string;
  readonly seq: number;
  readonly prev_hash: string;
  readonly hash: string;
}

/**
 * The hashed fields in canonical (sorted-key) order with their columns, for building the
 * canonical content text elsewhere (verifyAudit has the database build it): `string` columns
 * are written as JSON strings or `null`, `json` verbatim, `integer` as decimal digits.
 */
export const CANONICAL_LAYOUT: readonly {
  readonly key: keyof AuditContent;
  readonly column: keyof AuditChainRow;
  readonly kind: 'string' | 'json' | 'integer';
}[] = [
  { key: 'action', column: 'action', kind: 'string' },
  { key: 'actorLabel', column: 'actor_label', kind: 'string' },
  { key: 'actorTokenId', column: 'actor_token_id', kind: 'string' },
  { key: 'actorUserId', column: 'actor_user_id', kind: 'string' },
  { key: 'at', column: 'at', kind: 'string' },
  { key: 'changes', column: 'changes', kind: 'json' },
  { key: 'entityId', column: 'entity_id', kind: 'string' },
  { key: 'entityType', column: 'entity_type', kind: 'string' },
  { key: 'organisationId', column: 'organisation_id', kind: 'string' },
  { key: 'requestId', column: 'request_id', kind: 'string' },
  { key: 'seq', column: 'seq', kind: 'integer' },
  { key: 'sourceIp', column: 'source_ip', kind: 'string' },
];

/**
 * Why `row.hash` is not the hash of its content after `prevHash`, or null when it is.
 *
 * The stored `changes` text is tried first as the canonical JSON of `changes` (appendAudit
 * stores exactly that), so an intact row costs one JSON.parse and one SM3. That is sound: a JSON
 * object's extent is fixed by its text, so if the hash matches, the text is the canonical one
 * that was hashed. Only when it does not match is the text re-canonicalized, so a row whose
 * `changes` was merely re-formatted (e.g. the column moved to jsonb) still verifies by its
 * content, as the definition of the hash says.
 */
function contentMismatch(row: AuditChainRow, prevHash: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(row.changes);
  } catch {
    return 'the changes column is not valid JSON: the entry was altered';
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return 'the changes column is not a JSON object: the entry was altered';
  const content = contentFields(row);
  let hash = sm3(prevHash, canonicalContent(content, row.changes));
  if (hash !== row.hash) {
    const canonical = canonicalize(parsed);
    if (canonical !== row.changes) hash = sm3(prevHash, canonicalContent(content, canonical));
  }
  return hash === row.hash
    ? null
    : `stored hash ${row.hash} does not match the entry's content (recomputed ${hash}): the entry was altered`;
}

/**
 * Verifies ONE chain row by row, in the order read (`order by seq`), from the genesis or from
 * `start` (the last entry verified before). Each row, in turn, must
 *
 * 1. have seq = previous seq + 1: a smaller or equal seq is `out_of_order` (duplicate or rows
 *    not in seq order), a larger one is `sequence_gap` (a deleted entry, or a seq moved away);
 * 2. have prev_hash = the previous row's hash, else `prev_hash_mismatch` (reordered, swapped or
 *    forged entries);
 * 3. have hash = chainHash(prev_hash, content), else `hash_mismatch` (an edited field, or a
 *    `changes` column that is not a JSON object).
 *
 * {@link ChainVerifier.next} does all three; a reader that has the hash input built for it can
 * call {@link ChainVerifier.link}, {@link ChainVerifier.matchesHashInput} and, only
 * when that fails, {@link ChainVerifier.content} with the full row, then
 * {@link ChainVerifier.accept}. After the first break every call returns false.
 */
export class ChainVerifier {
  #expectedSeq: number;
  #prevHash: string;
  #count = 0;
  #broken: Extract<ChainVerification, { ok: false }>['firstBroken'] | null = null;

  constructor(start?: ChainPosition) {
    this.#expectedSeq = (start?.seq ?? 0) + 1;
    this.#prevHash = start?.hash ?? GENESIS_HASH;
  }

  /** Checks and accepts a full row (steps 1–3). */
  next(row: AuditChainRow): boolean {
    if (!this.link(row) || !this.content(row)) return false;
    this.accept(row);
    return true;
  }

  /** Steps 1 and 2; records the break when the row does not link on. */
  link(row: ChainLink): boolean {
    if (this.#broken) return false;
    const expected = this.#expectedSeq;
    // SQLite can hold any value in an integer column; a seq that is not an integer is out of order.
    if (!Number.isSafeInteger(row.seq))
      return this.#break(
        row,
        'out_of_order',
        `seq ${JSON.stringify(row.seq)} is not an integer (${expected} was expected)`,
      );
    if (row.seq < expected)
      return this.#break(
        row,
        'out_of_order',
        `seq ${row.seq} where ${expected} was expected: entries are not in seq order or a seq is repeated`,
      );
    if (row.seq > expected)
      return this.#break(
        row,
        'sequence_gap',
        expected === row.seq - 1
          ? `entry seq ${expected} is missing`
          : `entries seq ${expected}–${row.seq - 1} are missing`,
      );
    if (row.prev_hash !== this.#prevHash)
      return this.#break(
        row,
        'prev_hash_mismatch',
        `prev_hash ${row.prev_hash} does not match the hash of the entry before it (${this.#prevHash})`,
      );
    return true;
  }

  /**
   * Whether row.hash = SM3(`input`), where `input` is the row's prev_hash followed by its
   * canonical content text (see CANONICAL_LAYOUT), as a string or as its UTF-8 bytes, built by
   * someone else (verifyAudit has the database build it). Call after {@link link} accepted the
   * row, so its prev_hash is the previous row's hash. Records nothing: false only means "check
   * the full row with {@link content}".
   */
  matchesHashInput(row: ChainLink, input: string | Uint8Array): boolean {
    return !this.#broken && oneShotHash('sm3', input, 'hex') === row.hash;
  }

  /** Step 3 from the full row; records the break when the content does not match its hash. */
  content(row: AuditChainRow): boolean {
    if (this.#broken) return false;
    const mismatch = contentMismatch(row, this.#prevHash);
    return mismatch ? this.#break(row, 'hash_mismatch', mismatch) : true;
  }

  /** Moves past a row that passed link and content (or matchesHashInput). */
  accept(row: ChainLink): void {
    this.#prevHash = row.hash;
    this.#expectedSeq = row.seq + 1;
    this.#count++;
  }

  /** The last entry accepted (or the start). */
  get position(): ChainPosition {
    return { seq: this.#expectedSeq - 1, hash: this.#prevHash };
  }

  result(): ChainVerification {
    if (this.#broken) return { ok: false, count: this.#count, firstBroken: this.#broken };
    return {
      ok: true,
      count: this.#count,
      lastSeq: this.#expectedSeq - 1,
      lastHash: this.#prevHash,
    };
  }

  #break(row: ChainLink, reason: ChainBreak, message: string): false {
    this.#broken = { seq: row.seq, id: row.id, reason, message };
    return false;
  }
}

/**
 * Checks rows of ONE chain (see {@link ChainVerifier} for the rules), given in the order read,
 * from the genesis or from `start`, so a long chain can be verified batch by batch. Stops at the
 * first broken row.
 */
export function verifyChain(
  rows: Iterable<AuditChainRow>,
  start?: ChainPosition,
): ChainVerification {
  const verifier = new ChainVerifier(start);
  for (const row of rows) if (!verifier.next(row)) break;
  return verifier.result();
}

/** Shallow diff options. */
export interface DiffOptions {
  /** Fields whose values must not be logged: a change shows as `[redacted]` (or null when unset). */
  readonly redact?: readonly string[];
}

/**
 * The fields that differ between two versions of an entity, as `{ field: { before, after } }`.
 * `before` null means created (every non-null field of `after` is listed with before null);
 * `after` null means deleted. A missing or undefined field counts as null. Values are compared by
 * their canonical JSON, so nested objects/arrays with the same content are unchanged whatever
 * their key order. A changed redacted field is listed with `[redacted]` for each non-null side,
 * so the log shows that (and whether it was set or cleared) but not the value.
 */
export function diffChanges(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  opts: DiffOptions = {},
): Changes {
  const redact = new Set(opts.redact ?? []);
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].sort();
  const changes: Changes = {};
  for (const key of keys) {
    const b = before?.[key] ?? null;
    const a = after?.[key] ?? null;
    if (canonicalize(b) === canonicalize(a)) continue;
    const change: FieldChange = redact.has(key)
      ? { before: b === null ? null : REDACTED, after: a === null ? null : REDACTED }
      : { before: b, after: a };
    // defineProperty: a field named `__proto__` stays an ordinary field.
    Object.defineProperty(changes, key, {
      value: change,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return changes;
}
