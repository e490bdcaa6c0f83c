/**
 * `tsx bench/audit-verify.ts [count]`: builds a chain of `count` (default 1,000,000) audit entries
 * for one organisation in a fresh SQLite file (bulk inserts, hashes from chainHash), then times
 * verifyAudit over it. Target: 1,000,000 entries verified in under 10 s.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { canonicalize, chainHash, GENESIS_HASH, type AuditContent } from '../src/audit/chain';
import { openStore } from '../src/store/database';
import { verifyAudit } from '../src/store/repositories/audit.repository';
import type { AuditEntryRow } from '../src/store/schema';

/** Rows per transaction, and per INSERT statement (15 columns: under SQLite's 32,766 variables). */
const TX_ROWS = 20_000;
const STATEMENT_ROWS = 1_000;

const seconds = (ms: number) => (ms / 1000).toFixed(2);

export async function benchAuditVerify(count: number): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dengbao-audit-bench-'));
  const store = await openStore({ kind: 'sqlite', file: path.join(dir, 'audit.sqlite') });
  try {
    const org = randomUUID();
    const users = Array.from({ length: 20 }, () => randomUUID());
    let prev = GENESIS_HASH;
    const t0 = performance.now();
    for (let first = 1; first <= count; first += TX_ROWS) {
      const last = Math.min(first + TX_ROWS - 1, count);
      await store.db.transaction().execute(async (trx) => {
        for (let from = first; from <= last; from += STATEMENT_ROWS) {
          const rows: AuditEntryRow[] = [];
          for (let seq = from; seq <= Math.min(from + STATEMENT_ROWS - 1, last); seq++) {
            const content: AuditContent = {
              organisationId: org,
              seq,
              at: new Date(Date.UTC(2026, 0, 1) + seq * 1000).toISOString(),
              actorUserId: users[seq % users.length] ?? null,
              actorTokenId: null,
              actorLabel: `用户${seq % users.length}`,
              action: 'system.update',
              entityType: 'system',
              entityId: `sys-${seq % 5000}`,
              changes: {
                name: { before: `业务系统${seq - 1}`, after: `业务系统${seq}` },
                level: { before: 2, after: 3 },
                contact_phone_enc: { before: '[redacted]', after: '[redacted]' },
              },
              requestId: `req-${seq}`,
              sourceIp: '10.20.30.40',
            };
            const hash = chainHash(prev, content);
            rows.push({
              id: randomUUID(),
              organisation_id: org,
              seq,
              at: content.at,
              actor_user_id: content.actorUserId,
              actor_token_id: content.actorTokenId,
              actor_label: content.actorLabel,
              action: content.action,
              entity_type: content.entityType,
              entity_id: content.entityId,
              changes: canonicalize(content.changes),
              request_id: content.requestId,
              source_ip: content.sourceIp,
              prev_hash: prev,
              hash,
            });
            prev = hash;
          }
          await trx.insertInto('audit_entries').values(rows).execute();
        }
      });
    }
    const insertMs = performance.now() - t0;

    const t1 = performance.now();
    const result = await verifyAudit(store.db, org);
    const verifyMs = performance.now() - t1;
    if (!result.ok || result.count !== count || result.lastHash !== prev)
      throw new Error(`audit bench: unexpected verification result ${JSON.stringify(result)}`);
    const n = count.toLocaleString('en');
    console.log(`audit    insert ${n} chained entries (hashing included): ${seconds(insertMs)} s`);
    console.log(
      `audit    verify ${n} entries: ${seconds(verifyMs)} s (${Math.round(count / (verifyMs / 1000)).toLocaleString('en')} entries/s, rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB, load average ${loadavg()[0]?.toFixed(1)})`,
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchAuditVerify(Number(process.argv[2] ?? 1_000_000));
}
