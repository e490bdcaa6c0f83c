/**
 * `tsx bench/backup.ts [auditEntries]`: builds a SQLite store with 200 organisations (encrypted
 * contact phones) and `auditEntries` (default 500,000) audit entries, then times `dengbao backup`
 * (createBackup) and `dengbao restore` (restoreBackup, incl. digest, key and audit checks) into a
 * new directory, and prints the database and archive sizes.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CLI_ACTOR } from '../src/app/actor';
import { createBackup } from '../src/app/backup/backup';
import { restoreBackup } from '../src/app/backup/restore';
import { createOrganisationCommand } from '../src/app/organisations/commands';
import { canonicalize, chainHash, GENESIS_HASH, type AuditContent } from '../src/audit/chain';
import { createFieldCipher } from '../src/security/field-crypto';
import { parseKeyList } from '../src/security/keyring';
import { openStore } from '../src/store/database';
import type { AuditEntryRow } from '../src/store/schema';
import { testContext } from '../test/support';

const KEY = 'k1:00112233445566778899aabbccddeeff';
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main(count: number): Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), 'dengbao-backup-bench-'));
  try {
    const dir = path.join(root, 'data');
    const file = path.join(dir, 'dengbao.sqlite');
    const store = await openStore({ kind: 'sqlite', file });
    writeFileSync(
      path.join(dir, 'keys.json'),
      JSON.stringify({ current: 'k1', keys: { k1: KEY.slice(3) } }),
      { mode: 0o600 },
    );
    const ctx = { ...testContext(store), cipher: createFieldCipher(parseKeyList(KEY)) };
    for (let i = 0; i < 200; i++)
      await createOrganisationCommand(
        ctx,
        CLI_ACTOR,
        {
          name: `某市第${i}人民医院`,
          contactPhone: `0571-8888${String(i).padStart(4, '0')}`,
        } as never,
        null,
      );
    const org = randomUUID();
    let prev = GENESIS_HASH;
    for (let first = 1; first <= count; first += 20_000) {
      await store.db.transaction().execute(async (trx) => {
        for (let from = first; from < first + 20_000 && from <= count; from += 1000) {
          const rows: AuditEntryRow[] = [];
          for (let seq = from; seq < from + 1000 && seq <= count; seq++) {
            const content: AuditContent = {
              organisationId: org,
              seq,
              at: new Date(Date.UTC(2026, 0, 1) + seq * 1000).toISOString(),
              actorUserId: null,
              actorTokenId: null,
              actorLabel: `用户${seq % 20}`,
              action: 'system.update',
              entityType: 'system',
              entityId: `sys-${seq % 5000}`,
              changes: { name: { before: `业务系统${seq - 1}`, after: `业务系统${seq}` } },
              requestId: `req-${seq}`,
              sourceIp: '10.20.30.40',
            };
            const hash = chainHash(prev, content);
            rows.push({
              id: randomUUID(),
              organisation_id: org,
              seq,
              at: content.at,
              actor_user_id: null,
              actor_token_id: null,
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
    await store.close();
    const now = () => new Date();
    const env = { DENGBAO_DATA_DIR: dir };
    const out = path.join(root, 'backup.tar.gz');
    const b = await createBackup({ env, out, now });
    const target = path.join(root, 'restored');
    const r = await restoreBackup({ env: { DENGBAO_DATA_DIR: target }, archive: out, now });
    console.log(
      `backup: database ${mb(statSync(file).size)} (${count} audit entries, 200 organisations) → archive ${mb(b.bytes)} in ${(b.ms / 1000).toFixed(1)} s; ` +
        `restore (SM3 digests, ${r.keyCheck.decrypted} values decrypted, ${r.reports.length} chains verified) in ${(r.ms / 1000).toFixed(1)} s`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main(Number(process.argv[2] ?? 500_000));
