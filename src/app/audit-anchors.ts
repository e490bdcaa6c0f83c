/**
 * Audit anchors: the head (seq and SM3 hash) of each audit chain, appended to a file outside the
 * database at each server start, each day and at each backup. `audit verify` reads the file, so
 * an entry that was anchored and is now gone (a cut-off tail) or different (a rebuilt chain) is
 * reported without anyone having noted an anchor by hand.
 *
 * File: JSON Lines, one anchor a line, appended (mode 0600):
 *   {"at":"2026-12-07T01:00:00.000Z","reason":"daily","organisationId":"","chain":"platform","seq":12,"hash":"…"}
 * organisationId '' is the platform chain. A "restore" line records the head a restore put in
 * place: anchors written before it with a higher seq were lost by that restore, and are reported
 * as such rather than as tampering.
 *
 * The file protects only as far as it is out of an attacker's reach: point
 * DENGBAO_AUDIT_ANCHOR_FILE at storage the database's users cannot write (another host's mount,
 * an append-only file), and ship the server log, where every anchor is also written.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { ChainVerification } from '../audit/chain';
import { verifyAudit } from '../store/repositories/audit.repository';
import type { Database } from '../store/schema';

export const ANCHOR_FILE_ENV = 'DENGBAO_AUDIT_ANCHOR_FILE';
export const DEFAULT_ANCHOR_FILE_NAME = 'audit-anchors.jsonl';

export type AnchorReason = 'start' | 'daily' | 'backup' | 'manual' | 'restore';
const REASONS: readonly AnchorReason[] = ['start', 'daily', 'backup', 'manual', 'restore'];

export interface AuditAnchor {
  readonly at: string;
  readonly reason: AnchorReason;
  /** '' for the platform chain. */
  readonly organisationId: string;
  readonly seq: number;
  readonly hash: string;
}

export interface ChainHead {
  readonly organisationId: string;
  readonly seq: number;
  readonly hash: string;
}

/** DENGBAO_AUDIT_ANCHOR_FILE, else `<DENGBAO_DATA_DIR or ./data>/audit-anchors.jsonl`. */
export function anchorFilePath(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env[ANCHOR_FILE_ENV]?.trim();
  if (explicit) return path.resolve(explicit);
  return path.join(path.resolve(env.DENGBAO_DATA_DIR || 'data'), DEFAULT_ANCHOR_FILE_NAME);
}

export const chainName = (organisationId: string) =>
  organisationId === '' ? 'platform' : organisationId;

/** The last entry of every chain that has entries (the platform chain first). */
export async function chainHeads(db: Kysely<Database>): Promise<ChainHead[]> {
  const rows = await sql<{ organisation_id: string; seq: number | string; hash: string }>`
    select a.organisation_id, a.seq, a.hash from audit_entries a
    join (select organisation_id, max(seq) as seq from audit_entries group by organisation_id) m
      on m.organisation_id = a.organisation_id and m.seq = a.seq
    order by a.organisation_id`.execute(db);
  return rows.rows.map((r) => ({
    organisationId: r.organisation_id,
    seq: Number(r.seq),
    hash: r.hash,
  }));
}

/** Appends anchors to the file in one write (created 0600, directory 0700), then fsyncs. */
export function appendAnchors(file: string, anchors: readonly AuditAnchor[]): void {
  if (anchors.length === 0) return;
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const text = anchors
    .map((a) =>
      JSON.stringify({
        at: a.at,
        reason: a.reason,
        organisationId: a.organisationId,
        chain: chainName(a.organisationId),
        seq: a.seq,
        hash: a.hash,
      }),
    )
    .join('\n');
  const fd = openSync(file, 'a', 0o600);
  try {
    writeSync(fd, `${text}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export interface AnchorFile {
  readonly file: string;
  readonly exists: boolean;
  /** In file order. */
  readonly anchors: readonly AuditAnchor[];
  /** Lines that are not anchors (line number and why): a damaged or edited file. */
  readonly problems: readonly string[];
}

const HASH = /^[0-9a-f]{64}$/;

/** Reads and checks every line of the anchor file (a missing file has no anchors). */
export function readAnchorFile(file: string): AnchorFile {
  if (!existsSync(file)) return { file, exists: false, anchors: [], problems: [] };
  const anchors: AuditAnchor[] = [];
  const problems: string[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      let v: Record<string, unknown>;
      try {
        v = JSON.parse(line) as Record<string, unknown>;
      } catch {
        problems.push(`line ${i + 1}: not JSON`);
        return;
      }
      const { at, reason, organisationId, seq, hash } = v ?? {};
      if (
        typeof at !== 'string' ||
        Number.isNaN(Date.parse(at)) ||
        !REASONS.includes(reason as AnchorReason) ||
        typeof organisationId !== 'string' ||
        typeof seq !== 'number' ||
        !Number.isInteger(seq) ||
        seq < 0 ||
        typeof hash !== 'string' ||
        !HASH.test(hash)
      ) {
        problems.push(`line ${i + 1}: not an anchor {at, reason, organisationId, seq, hash}`);
        return;
      }
      anchors.push({ at, reason: reason as AnchorReason, organisationId, seq, hash });
    });
  return { file, exists: true, anchors, problems };
}

/** The last anchor of each chain in the file. */
export function lastAnchors(anchors: readonly AuditAnchor[]): Map<string, AuditAnchor> {
  const last = new Map<string, AuditAnchor>();
  for (const a of anchors) last.set(a.organisationId, a);
  return last;
}

export interface WriteAnchorsOptions {
  /** Skip chains whose head is what the file's last anchor for them already says. */
  readonly onlyChanged?: boolean;
  /** The file's anchors as already read (saves re-reading it for onlyChanged). */
  readonly previous?: ReadonlyMap<string, AuditAnchor>;
  /** The heads to write (default: read from the database now). */
  readonly heads?: readonly ChainHead[];
}

/** Appends the head of every chain to the anchor file; returns what was written. */
export async function writeAnchors(
  db: Kysely<Database> | null,
  file: string,
  reason: AnchorReason,
  at: Date,
  options: WriteAnchorsOptions = {},
): Promise<AuditAnchor[]> {
  if (!options.heads && !db) throw new Error('writeAnchors: give the database or the heads');
  const heads = options.heads ?? (await chainHeads(db as Kysely<Database>));
  const previous =
    options.onlyChanged && !options.previous
      ? lastAnchors(readAnchorFile(file).anchors)
      : options.previous;
  const anchors = heads
    .filter((h) => {
      if (!options.onlyChanged) return true;
      const p = previous?.get(h.organisationId);
      return !p || p.seq !== h.seq || p.hash !== h.hash;
    })
    .map((h) => ({ at: at.toISOString(), reason, ...h }));
  appendAnchors(file, anchors);
  return anchors;
}

export interface AnchorBreak {
  readonly anchor: AuditAnchor;
  /** 'missing': no entry with that seq any more (a cut-off tail); 'different': another hash. */
  readonly kind: 'missing' | 'different';
}

export interface AnchorCheck {
  /** Anchors of this chain that were checked (after leaving out those lost by a restore). */
  readonly checked: number;
  /** The highest anchored seq checked, if any. */
  readonly latest: AuditAnchor | null;
  readonly broken: readonly AnchorBreak[];
  /** Anchors beyond the head a later restore put in place: entries that restore gave up. */
  readonly lostByRestore: readonly { anchor: AuditAnchor; restore: AuditAnchor }[];
}

/**
 * Checks a chain against the anchors (in file order) of the anchor file: every anchored entry
 * must still be in the database with the anchored hash, except anchors a later restore line
 * for the chain superseded (seq above the restored head).
 */
export async function checkAnchors(
  db: Kysely<Database>,
  organisationId: string,
  anchors: readonly AuditAnchor[],
): Promise<AnchorCheck> {
  const mine = anchors.filter((a) => a.organisationId === organisationId);
  const effective: AuditAnchor[] = [];
  const lostByRestore: { anchor: AuditAnchor; restore: AuditAnchor }[] = [];
  mine.forEach((a, i) => {
    const restore = mine.slice(i + 1).find((r) => r.reason === 'restore' && r.seq < a.seq);
    if (restore) lostByRestore.push({ anchor: a, restore });
    else effective.push(a);
  });
  const seqs = [...new Set(effective.map((a) => a.seq))].filter((s) => s > 0);
  const stored = new Map<number, string>();
  for (let i = 0; i < seqs.length; i += 500) {
    const rows = await db
      .selectFrom('audit_entries')
      .select(['seq', 'hash'])
      .where('organisation_id', '=', organisationId)
      .where('seq', 'in', seqs.slice(i, i + 500))
      .execute();
    for (const r of rows) stored.set(Number(r.seq), r.hash);
  }
  const broken: AnchorBreak[] = [];
  const seen = new Set<string>();
  for (const a of effective) {
    if (a.seq === 0) continue;
    const key = `${a.seq}:${a.hash}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const hash = stored.get(a.seq);
    if (hash === undefined) broken.push({ anchor: a, kind: 'missing' });
    else if (hash !== a.hash) broken.push({ anchor: a, kind: 'different' });
  }
  const latest = effective.reduce<AuditAnchor | null>(
    (m, a) => (!m || a.seq >= m.seq ? a : m),
    null,
  );
  return { checked: effective.length, latest, broken, lostByRestore };
}

/** Every chain with entries, the platform chain ('') always included. */
export async function allChains(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('audit_entries').select('organisation_id').distinct().execute();
  const ids = new Set(rows.map((r) => r.organisation_id));
  ids.add('');
  return [...ids].sort();
}

export interface AnchorSchedule {
  stop(): void;
}

/**
 * Server side: anchors every changed chain now (reason 'start'), then once a day when the UTC
 * date changes (checked every `checkEveryMs`, default 10 minutes, on an unref'd timer).
 * `log` receives each anchor written (the server log is a second copy outside the database).
 */
export async function startAnchorSchedule(
  db: Kysely<Database>,
  file: string,
  now: () => Date,
  log: { info(msg: string): void; error(msg: string): void },
  checkEveryMs = 10 * 60 * 1000,
): Promise<AnchorSchedule> {
  const previous = lastAnchors(readAnchorFile(file).anchors);
  const write = async (reason: AnchorReason) => {
    const written = await writeAnchors(db, file, reason, now(), { onlyChanged: true, previous });
    for (const a of written) {
      previous.set(a.organisationId, a);
      log.info(
        `audit anchor (${reason}): chain ${chainName(a.organisationId)} seq ${a.seq} hash ${a.hash} → ${file}`,
      );
    }
  };
  await write('start');
  let day = now().toISOString().slice(0, 10);
  const timer = setInterval(() => {
    const today = now().toISOString().slice(0, 10);
    if (today === day) return;
    day = today;
    write('daily').catch((error: unknown) =>
      log.error(`audit anchors not written to ${file}: ${String(error)}`),
    );
  }, checkEveryMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

export interface ChainReport {
  readonly organisationId: string;
  readonly chain: string;
  readonly verification: ChainVerification;
  readonly anchors: AnchorCheck | null;
  readonly ok: boolean;
  /** One line a user can act on. */
  readonly message: string;
}

/** Verifies a chain's hashes and, when an anchor file is given, that no anchored entry is gone. */
export async function verifyChainWithAnchors(
  db: Kysely<Database>,
  organisationId: string,
  anchorFile: AnchorFile | null,
  /** The chain's verification when already done on these very rows (restore: before the rename). */
  verified?: ChainVerification,
): Promise<ChainReport> {
  const chain = chainName(organisationId);
  const verification = verified ?? (await verifyAudit(db, organisationId));
  const anchors = anchorFile ? await checkAnchors(db, organisationId, anchorFile.anchors) : null;
  const base = { organisationId, chain, verification, anchors };
  if (!verification.ok) {
    const b = verification.firstBroken;
    return {
      ...base,
      ok: false,
      message: `audit chain BROKEN at seq ${b.seq} (${b.id}): ${b.reason} — ${b.message} (chain ${chain}; ${verification.count} earlier ${verification.count === 1 ? 'entry' : 'entries'} intact)`,
    };
  }
  const first = anchors?.broken[0];
  if (first) {
    const a = first.anchor;
    const more =
      anchors.broken.length > 1 ? `; ${anchors.broken.length - 1} more anchor(s) fail` : '';
    return {
      ...base,
      ok: false,
      message:
        first.kind === 'missing'
          ? `audit chain CUT: entry seq ${a.seq} (hash ${a.hash}), anchored ${a.at} (${a.reason}) in ${anchorFile?.file}, is gone; the chain now ends at seq ${verification.lastSeq} (chain ${chain})${more}`
          : `audit chain REBUILT: entry seq ${a.seq} no longer has the hash anchored ${a.at} (${a.reason}) in ${anchorFile?.file} (chain ${chain})${more}`,
    };
  }
  const held = anchors?.latest
    ? `; anchors hold (latest seq ${anchors.latest.seq}, ${anchors.latest.at}, ${anchors.latest.reason})`
    : anchorFile
      ? '; no anchor for this chain yet'
      : '';
  const lost = anchors?.lostByRestore.length
    ? `; ${anchors.lostByRestore.length} anchor(s) beyond the head were given up by a restore (${anchors.lostByRestore[0]?.restore.at})`
    : '';
  return {
    ...base,
    ok: true,
    message: `audit chain intact: ${verification.count} entries, last seq ${verification.lastSeq}, last hash ${verification.lastHash} (chain ${chain})${held}${lost}`,
  };
}

/** What the API and the audit page show: the chain's verification, failed when an anchor fails. */
export type AuditVerificationView =
  | (ChainVerification & { readonly anchors: AnchorSummary | null })
  | {
      readonly ok: false;
      readonly count: number;
      readonly firstBroken: {
        readonly seq: number;
        readonly id: string;
        readonly reason: 'anchor_missing' | 'anchor_mismatch';
        readonly message: string;
      };
      readonly anchors: AnchorSummary;
    };

export interface AnchorSummary {
  readonly checked: number;
  readonly latestSeq: number | null;
  readonly latestAt: string | null;
  readonly lostByRestore: number;
}

/** Verifies one chain and, when an anchor file is configured, its anchors (API, web). */
export async function verifyAuditView(
  db: Kysely<Database>,
  organisationId: string,
  anchorFile: string | null | undefined,
): Promise<AuditVerificationView> {
  if (!anchorFile) return { ...(await verifyAudit(db, organisationId)), anchors: null };
  const report = await verifyChainWithAnchors(db, organisationId, readAnchorFile(anchorFile));
  const a = report.anchors;
  const anchors: AnchorSummary = {
    checked: a?.checked ?? 0,
    latestSeq: a?.latest?.seq ?? null,
    latestAt: a?.latest?.at ?? null,
    lostByRestore: a?.lostByRestore.length ?? 0,
  };
  const broken = a?.broken[0];
  if (!report.verification.ok || !broken) return { ...report.verification, anchors };
  return {
    ok: false,
    count: report.verification.count,
    firstBroken: {
      seq: broken.anchor.seq,
      id: '',
      reason: broken.kind === 'missing' ? 'anchor_missing' : 'anchor_mismatch',
      message: report.message,
    },
    anchors,
  };
}
