import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql, type Kysely } from 'kysely';
import {
  chainHash,
  contentOfRow,
  diffChanges,
  GENESIS_HASH,
  type ChainVerification,
} from '../../src/audit/chain';
import { openStore, type Store } from '../../src/store/database';
import {
  AUDIT_APPEND_ONLY_MESSAGE,
  dropAuditGuard,
} from '../../src/store/migrations/2026-12-07b-audit-immutable';
import {
  appendAudit,
  latestAuditHash,
  listAudit,
  verifyAudit as verifyFast,
  type AuditEvent,
  type VerifyAuditOptions,
} from '../../src/store/repositories/audit.repository';
import type { Database } from '../../src/store/schema';
import pg from 'pg';
import { openTestStore, postgresAvailable, TEST_DIALECTS, TEST_PG_URL } from '../support';

const at = (i: number) => `2026-03-02T01:00:${String(i % 60).padStart(2, '0')}.000Z`;

function event(organisationId: string, i: number, extra: Partial<AuditEvent> = {}): AuditEvent {
  return {
    organisationId,
    action: 'system.update',
    entityType: 'system',
    entityId: `sys-${i % 3}`,
    changes: diffChanges(
      { name: `业务系统${i}`, level: 2, secret: 'a' },
      { name: `业务系统${i + 1}`, level: 2 + (i % 2), secret: 'b' },
      { redact: ['secret'] },
    ),
    actor: { userId: i % 2 ? 'user-1' : 'user-2', label: i % 2 ? '张三' : '李四' },
    requestId: `req-${i}`,
    sourceIp: '192.0.2.10',
    ...extra,
  };
}

/**
 * verifyAudit, cross-checked: the packed batches (with and without the hashing worker) and the
 * row-by-row path must give exactly what reading full rows into verifyChain gives, and never need
 * a full-row check on an intact chain.
 */
async function verifyAudit(
  db: Kysely<Database>,
  org: string,
  opts: VerifyAuditOptions = {},
): Promise<ChainVerification> {
  const fullChecks: string[] = [];
  const onFullCheck = (id: string) => fullChecks.push(id);
  const fallbacks: (number | null)[] = [];
  const onRowByRow = (after: number | null) => fallbacks.push(after);
  const fast = await verifyFast(db, org, { ...opts, onFullCheck, onRowByRow });
  const full = await verifyFast(db, org, { ...opts, fullRows: true });
  assert.deepEqual(fast, full);
  // Batches of 2: packed and hashed on the worker thread while the next batch is read; packed
  // without the worker; row by row.
  for (const more of [{}, { worker: false }, { rowByRow: true }])
    assert.deepEqual(
      await verifyFast(db, org, { batchSize: 2, ...more, onFullCheck, onRowByRow }),
      full,
    );
  assert.deepEqual(await verifyFast(db, org, { ...opts, rowByRow: true, onFullCheck }), full);
  if (fast.ok) {
    assert.deepEqual(fullChecks, [], 'database-built hash input differs from canonical');
    assert.deepEqual(fallbacks, [], 'an intact packed batch was checked row by row');
  }
  return fast;
}

const brokenAt = (r: ChainVerification) =>
  r.ok ? `ok ${r.count}` : `${r.firstBroken.reason}@${r.firstBroken.seq}`;

for (const dialect of TEST_DIALECTS) {
  describe(`audit table refuses edits on ${dialect}`, () => {
    let store: Store | null;
    before(async () => {
      store = await openTestStore(dialect);
    });
    after(async () => store?.close());

    it('rejects UPDATE and DELETE (and TRUNCATE) while appends go on', async (t) => {
      if (!store) return t.skip('database unavailable');
      const db = store.db;
      const org = randomUUID();
      for (let i = 1; i <= 3; i++) await appendAudit(db, event(org, i), at(i));
      const refused = new RegExp(AUDIT_APPEND_ONLY_MESSAGE);
      const attempts = [
        sql`update audit_entries set action = 'x' where organisation_id = ${org} and seq = 2`,
        sql`update audit_entries set seq = seq + 10 where organisation_id = ${org}`,
        sql`delete from audit_entries where organisation_id = ${org} and seq = 3`,
        sql`delete from audit_entries`,
        ...(dialect === 'postgres' ? [sql`truncate audit_entries`] : []),
      ];
      for (const q of attempts) await assert.rejects(q.execute(db), refused);
      await assert.rejects(
        db.updateTable('audit_entries').set({ actor_label: '别人' }).where('seq', '=', 1).execute(),
        refused,
      );
      await assert.rejects(
        db.deleteFrom('audit_entries').where('organisation_id', '=', org).execute(),
        refused,
      );
      // A refused delete inside a business transaction rolls the whole transaction back.
      await assert.rejects(
        db.transaction().execute(async (trx) => {
          await appendAudit(trx, event(org, 4), at(4));
          await trx.deleteFrom('audit_entries').where('seq', '=', 1).execute();
        }),
        refused,
      );
      // Nothing changed, and the chain goes on.
      await appendAudit(db, event(org, 4), at(4));
      const rows = await db
        .selectFrom('audit_entries')
        .select(['seq', 'action', 'actor_label'])
        .where('organisation_id', '=', org)
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        rows.map((r) => [r.seq, r.action]),
        [1, 2, 3, 4].map((seq) => [seq, 'system.update']),
      );
      assert.equal(rows[0]!.actor_label, '张三');
      assert.equal(brokenAt(await verifyAudit(db, org)), 'ok 4');
      if (dialect === 'postgres') {
        // The migration also took UPDATE/DELETE/TRUNCATE away from everyone, owner included.
        const grants = await sql<{ privilege_type: string }>`
            select distinct privilege_type from information_schema.role_table_grants
            where table_schema = current_schema() and table_name = 'audit_entries'`.execute(db);
        const granted = grants.rows.map((r) => r.privilege_type).sort();
        assert.ok(granted.includes('INSERT') && granted.includes('SELECT'), String(granted));
        for (const p of ['UPDATE', 'DELETE', 'TRUNCATE']) assert.ok(!granted.includes(p), p);
      }
    });
  });

  if (dialect === 'postgres')
    it('on PostgreSQL, a server role that owns the tables (not a superuser) has no UPDATE/DELETE/TRUNCATE either', async (t) => {
      if (!(await postgresAvailable())) return t.skip('database unavailable');
      // A login role of its own, as in production; dropped again at the end.
      const role = `dengbao_app_${randomUUID().slice(0, 8)}`;
      const admin = new pg.Client({ connectionString: TEST_PG_URL });
      await admin.connect();
      await admin.query(`create role ${role} login`);
      await admin.query(`grant create on database ${admin.database} to ${role}`);
      let store: Store | null = null;
      try {
        const url = new URL(TEST_PG_URL);
        url.username = role;
        url.password = '';
        store = await openStore({ kind: 'postgres', url: url.toString(), schema: role });
        const db = store.db;
        await appendAudit(db, event(role, 1), at(1));
        for (const q of [
          sql`update audit_entries set action = 'x'`,
          sql`delete from audit_entries`,
          sql`truncate audit_entries`,
        ])
          await assert.rejects(q.execute(db), /permission denied for table audit_entries/);
        // The owner may grant itself the rights back; the triggers still refuse.
        await sql`grant update, delete, truncate on audit_entries to current_user`.execute(db);
        for (const q of [
          sql`update audit_entries set action = 'x'`,
          sql`delete from audit_entries`,
          sql`truncate audit_entries`,
        ])
          await assert.rejects(q.execute(db), new RegExp(AUDIT_APPEND_ONLY_MESSAGE));
        await appendAudit(db, event(role, 2), at(2));
        assert.equal(brokenAt(await verifyAudit(db, role)), 'ok 2');
      } finally {
        await store?.close();
        await admin.query(`drop schema if exists ${role} cascade`);
        await admin.query(`revoke create on database ${admin.database} from ${role}`);
        await admin.query(`drop role ${role}`);
        await admin.end();
      }
    });

  describe(`audit chain on ${dialect}`, () => {
    let store: Store | null;
    before(async () => {
      store = await openTestStore(dialect);
      // The tamper tests below play an attacker with DDL rights, who drops the triggers first.
      if (store) await dropAuditGuard(store.db);
    });
    after(async () => store?.close());
    const skip = () => store === null;

    /** A fresh chain of `n` entries, each appended in its own transaction. */
    async function chain(n: number, org: string = randomUUID()): Promise<string> {
      const db = (store as Store).db;
      for (let i = 1; i <= n; i++)
        await db.transaction().execute((trx) => appendAudit(trx, event(org, i), at(i)));
      return org;
    }
    const exec = (q: ReturnType<typeof sql>) => q.execute((store as Store).db);

    it('appends entries that verify, each chain on its own', { skip: skip() }, async () => {
      const db = (store as Store).db;
      const org = await chain(5);
      const other = await chain(2);
      const platform = await chain(1, '');
      const result = await verifyAudit(db, org);
      const last = await latestAuditHash(db, org);
      assert.deepEqual(result, { ok: true, count: 5, lastSeq: 5, lastHash: last.hash });
      assert.equal(last.seq, 5);
      assert.deepEqual(await latestAuditHash(db, randomUUID()), { seq: 0, hash: GENESIS_HASH });
      assert.equal(brokenAt(await verifyAudit(db, other)), 'ok 2');
      assert.equal(brokenAt(await verifyAudit(db, platform)), 'ok 1');

      const rows = await db
        .selectFrom('audit_entries')
        .selectAll()
        .where('organisation_id', '=', org)
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        rows.map((r) => r.seq),
        [1, 2, 3, 4, 5],
      );
      assert.equal(rows[0]!.prev_hash, GENESIS_HASH);
      for (let i = 1; i < rows.length; i++) assert.equal(rows[i]!.prev_hash, rows[i - 1]!.hash);
      assert.equal(rows[2]!.hash, chainHash(rows[2]!.prev_hash, contentOfRow(rows[2]!)));
      // Redacted values never reach the table.
      assert.deepEqual(JSON.parse(rows[0]!.changes).secret, {
        before: '[redacted]',
        after: '[redacted]',
      });
      assert.equal(rows[0]!.actor_label, '张三');

      // Tampering with org A's chain leaves org B's intact.
      await exec(sql`update audit_entries set action = 'x' where organisation_id = ${org}`);
      assert.equal(brokenAt(await verifyAudit(db, org)), 'hash_mismatch@1');
      assert.equal(brokenAt(await verifyAudit(db, other)), 'ok 2');
    });

    it('(a) detects an edited changes column', { skip: skip() }, async () => {
      const db = (store as Store).db;
      const org = await chain(5);
      await exec(
        sql`update audit_entries set changes = ${'{"name":{"after":"篡改","before":"业务系统3"}}'} where organisation_id = ${org} and seq = 3`,
      );
      const r = await verifyAudit(db, org);
      assert.equal(brokenAt(r), 'hash_mismatch@3');
      assert.equal(r.count, 2);
      const id = await db
        .selectFrom('audit_entries')
        .select('id')
        .where('organisation_id', '=', org)
        .where('seq', '=', 3)
        .executeTakeFirstOrThrow();
      assert.equal(r.ok ? null : r.firstBroken.id, id.id);
    });

    it('(b) detects a deleted middle row at the following seq', { skip: skip() }, async () => {
      const org = await chain(5);
      await exec(sql`delete from audit_entries where organisation_id = ${org} and seq = 3`);
      assert.equal(brokenAt(await verifyAudit((store as Store).db, org)), 'sequence_gap@4');
    });

    it('(c) detects two rows with swapped seq values', { skip: skip() }, async () => {
      const swap = async (org: string, a: number, b: number) => {
        await exec(
          sql`update audit_entries set seq = -1 where organisation_id = ${org} and seq = ${a}`,
        );
        await exec(
          sql`update audit_entries set seq = ${a} where organisation_id = ${org} and seq = ${b}`,
        );
        await exec(
          sql`update audit_entries set seq = ${b} where organisation_id = ${org} and seq = -1`,
        );
      };
      const org = await chain(5);
      await swap(org, 2, 4);
      assert.equal(brokenAt(await verifyAudit((store as Store).db, org)), 'prev_hash_mismatch@2');
      const adjacent = await chain(5);
      await swap(adjacent, 4, 5);
      assert.equal(
        brokenAt(await verifyAudit((store as Store).db, adjacent)),
        'prev_hash_mismatch@4',
      );
      // A row moved below seq 1 is still read (the first batch has no lower bound).
      const moved = await chain(3);
      await exec(
        sql`update audit_entries set seq = 0 where organisation_id = ${moved} and seq = 1`,
      );
      assert.equal(brokenAt(await verifyAudit((store as Store).db, moved)), 'out_of_order@0');
    });

    it('(c) detects swapped contents', { skip: skip() }, async () => {
      const db = (store as Store).db;
      const org = await chain(5);
      // Move row 2's content (everything but id and seq, hashes included) into row 4 and back.
      const rows = await db
        .selectFrom('audit_entries')
        .selectAll()
        .where('organisation_id', '=', org)
        .where('seq', 'in', [2, 4])
        .orderBy('seq')
        .execute();
      const [r2, r4] = rows as [(typeof rows)[number], (typeof rows)[number]];
      for (const [target, source] of [
        [r2, r4],
        [r4, r2],
      ] as const)
        await db
          .updateTable('audit_entries')
          .set({ changes: source.changes, entity_id: source.entity_id, at: source.at })
          .where('id', '=', target.id)
          .execute();
      assert.equal(brokenAt(await verifyAudit(db, org)), 'hash_mismatch@2');
    });

    it('(d) detects a forged row with a wrong prev hash', { skip: skip() }, async () => {
      const db = (store as Store).db;
      const org = await chain(5);
      const r4 = await db
        .selectFrom('audit_entries')
        .selectAll()
        .where('organisation_id', '=', org)
        .where('seq', '=', 4)
        .executeTakeFirstOrThrow();
      const forged = {
        ...r4,
        id: randomUUID(),
        seq: 6,
        action: 'system.delete',
        prev_hash: r4.hash,
      };
      forged.hash = chainHash(forged.prev_hash, contentOfRow(forged));
      await db.insertInto('audit_entries').values(forged).execute();
      const r = await verifyAudit(db, org);
      assert.equal(brokenAt(r), 'prev_hash_mismatch@6');
      assert.equal(r.ok ? null : r.firstBroken.id, forged.id);
      assert.equal(r.count, 5);
    });

    it('(e) serialises concurrent appends into one chain', { skip: skip() }, async () => {
      const db = (store as Store).db;
      const org = randomUUID();
      const other = randomUUID();
      const rows = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          db.transaction().execute(async (trx) => {
            // Some work in the transaction before and after the append.
            await trx.selectFrom('audit_entries').select('id').limit(1).execute();
            const row = await appendAudit(trx, event(i % 4 === 3 ? other : org, i), at(i));
            await new Promise((resolve) => setTimeout(resolve, 2));
            return row;
          }),
        ),
      );
      const seqs = (o: string) =>
        rows
          .filter((r) => r.organisation_id === o)
          .map((r) => r.seq)
          .sort((a, b) => a - b);
      assert.deepEqual(
        seqs(org),
        Array.from({ length: 15 }, (_, i) => i + 1),
      );
      assert.deepEqual(seqs(other), [1, 2, 3, 4, 5]);
      assert.equal(brokenAt(await verifyAudit(db, org)), 'ok 15');
      assert.equal(brokenAt(await verifyAudit(db, other)), 'ok 5');

      const single = randomUUID();
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          db.transaction().execute((trx) => appendAudit(trx, event(single, i), at(i))),
        ),
      );
      assert.equal(brokenAt(await verifyAudit(db, single)), 'ok 20');
      // Outside a transaction appendAudit opens its own.
      await Promise.all(
        Array.from({ length: 5 }, (_, i) => appendAudit(db, event(single, i), at(i))),
      );
      assert.equal(brokenAt(await verifyAudit(db, single)), 'ok 25');
    });

    it('rolls back with the caller and verifies across batches', { skip: skip() }, async () => {
      const db = (store as Store).db;
      const org = await chain(7);
      await assert.rejects(
        db.transaction().execute(async (trx) => {
          await appendAudit(trx, event(org, 8), at(8));
          throw new Error('business change failed');
        }),
        /business change failed/,
      );
      assert.equal((await latestAuditHash(db, org)).seq, 7);
      assert.equal(brokenAt(await verifyAudit(db, org, { batchSize: 2 })), 'ok 7');
      assert.equal(brokenAt(await verifyAudit(db, org, { batchSize: 7 })), 'ok 7');
      await exec(sql`delete from audit_entries where organisation_id = ${org} and seq = 5`);
      const r = await verifyAudit(db, org, { batchSize: 2 });
      assert.equal(brokenAt(r), 'sequence_gap@6');
      assert.equal(r.count, 4);
    });

    // Packed batches are SQLite's path only.
    if (dialect === 'sqlite')
      it('goes row by row when SQLite cannot pack a batch', async () => {
        const db = (store as Store).db;
        const org = await chain(7);
        // SQLite refuses values over 1 GB (SQLITE_TOOBIG); make the packed query fail that way
        // from its `from`-th run on.
        const tooBig = (from: number) => {
          let runs = 0;
          return db.withPlugin({
            transformQuery: (args) => {
              if (args.node.kind === 'RawNode' && ++runs >= from)
                throw Object.assign(new Error('string or blob too big'), { code: 'SQLITE_TOOBIG' });
              return args.node;
            },
            transformResult: async (args) => args.result,
          });
        };
        for (const from of [1, 2, 3])
          assert.equal(brokenAt(await verifyFast(tooBig(from), org, { batchSize: 2 })), 'ok 7');
        await exec(
          sql`update audit_entries set at = ${at(40)} where organisation_id = ${org} and seq = 6`,
        );
        for (const from of [1, 2, 3, 4])
          assert.equal(
            brokenAt(await verifyFast(tooBig(from), org, { batchSize: 2 })),
            'hash_mismatch@6',
          );
      });

    it('hashes awkward text the same in SQL and JavaScript', { skip: skip() }, async () => {
      const db = (store as Store).db;
      const org = randomUUID();
      const awkward = 'q"uote \\ back/slash \n\t\u0001\u001f\u007f 中文 😀 \u2028';
      await appendAudit(
        db,
        {
          organisationId: org,
          action: 'x.y"z',
          entityType: 'ty\\pe',
          entityId: awkward,
          changes: {
            [awkward]: {
              before: [1, 0.1, -5, 1e21, 2.5e-7, true, null],
              after: { z: 1, a: awkward },
            },
            '': { before: null, after: '' },
          },
          actor: { userId: null, tokenId: 'tok', label: awkward },
          requestId: awkward,
          sourceIp: '::1',
        },
        at(1),
      );
      await appendAudit(db, event(org, 2, { actor: {}, requestId: null, sourceIp: null }), at(2));
      assert.equal(brokenAt(await verifyAudit(db, org)), 'ok 2');
    });

    it(
      'judges changes by content: re-formatted passes, not JSON breaks',
      { skip: skip() },
      async () => {
        const db = (store as Store).db;
        const org = await chain(3);
        const row = await db
          .selectFrom('audit_entries')
          .select('changes')
          .where('organisation_id', '=', org)
          .where('seq', '=', 2)
          .executeTakeFirstOrThrow();
        const parsed = JSON.parse(row.changes) as Record<string, unknown>;
        const reordered = Object.fromEntries(Object.entries(parsed).reverse());
        await exec(
          sql`update audit_entries set changes = ${JSON.stringify(reordered, null, 2)} where organisation_id = ${org} and seq = 2`,
        );
        for (const opts of [
          {},
          { batchSize: 1 },
          { batchSize: 2 },
          { batchSize: 2, worker: false },
          { rowByRow: true },
        ]) {
          const checked: string[] = [];
          const fallbacks: (number | null)[] = [];
          const r = await verifyFast(db, org, {
            ...opts,
            onFullCheck: (id) => checked.push(id),
            onRowByRow: (after) => fallbacks.push(after),
          });
          assert.equal(brokenAt(r), 'ok 3');
          assert.equal(checked.length, 1);
          assert.equal(fallbacks.length, dialect === 'sqlite' && !opts.rowByRow ? 1 : 0);
        }
        await exec(
          sql`update audit_entries set changes = ${'{"name":'} where organisation_id = ${org} and seq = 2`,
        );
        assert.equal(brokenAt(await verifyAudit(db, org)), 'hash_mismatch@2');
        await exec(
          sql`update audit_entries set changes = ${'[]'} where organisation_id = ${org} and seq = 2`,
        );
        assert.equal(brokenAt(await verifyAudit(db, org)), 'hash_mismatch@2');
      },
    );

    it('rejects malformed events and clips client-supplied values', { skip: skip() }, async () => {
      const db = (store as Store).db;
      const org = randomUUID();
      await assert.rejects(appendAudit(db, event(org, 1), '2026-03-02'), /ISO instant/);
      await assert.rejects(appendAudit(db, event(org, 1, { action: '' }), at(1)), /action/);
      await assert.rejects(
        appendAudit(db, event(org, 1, { entityType: 'x'.repeat(61) }), at(1)),
        /entity_type/,
      );
      const row = await appendAudit(
        db,
        event(org, 1, { requestId: '请'.repeat(150), sourceIp: '1'.repeat(100) }),
        at(1),
      );
      assert.equal(row.request_id, '请'.repeat(100));
      assert.equal(row.source_ip?.length, 64);
      assert.equal(row.seq, 1);
      assert.equal(brokenAt(await verifyAudit(db, org)), 'ok 1');
    });

    it('lists entries newest first with filters and a total', { skip: skip() }, async () => {
      const db = (store as Store).db;
      const org = await chain(6);
      await chain(3); // another organisation
      const all = await listAudit(db, org, { limit: 4, offset: 0 });
      assert.equal(all.total, 6);
      assert.deepEqual(
        all.rows.map((r) => r.seq),
        [6, 5, 4, 3],
      );
      const page2 = await listAudit(db, org, { limit: 4, offset: 4 });
      assert.deepEqual(
        page2.rows.map((r) => r.seq),
        [2, 1],
      );
      const byUser = await listAudit(db, org, { userId: 'user-1', limit: 50, offset: 0 });
      assert.deepEqual(
        byUser.rows.map((r) => r.seq),
        [5, 3, 1],
      );
      assert.equal(byUser.total, 3);
      const byEntity = await listAudit(db, org, {
        entityType: 'system',
        entityId: 'sys-1',
        action: 'system.update',
        limit: 50,
        offset: 0,
      });
      assert.deepEqual(
        byEntity.rows.map((r) => r.seq),
        [4, 1],
      );
      const window = await listAudit(db, org, { from: at(2), to: at(5), limit: 50, offset: 0 });
      assert.deepEqual(
        window.rows.map((r) => r.seq),
        [4, 3, 2],
      );
      assert.equal((await listAudit(db, org, { action: 'nope', limit: 5, offset: 0 })).total, 0);
    });
  });
}

describe('dengbao audit verify', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dengbao-audit-cli-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  // main.ts registers the command; run it the same way here, on its own.
  const script = `
    import { Command, CommanderError } from 'commander';
    import { registerAudit } from './src/cli/commands/audit.command.ts';
    import { reportError } from './src/cli/io.ts';
    const program = new Command('dengbao').exitOverride();
    registerAudit(program);
    try { await program.parseAsync(process.argv.slice(1), { from: 'user' }); }
    catch (e) { process.exitCode = e instanceof CommanderError ? 2 : reportError(e); }`;
  const run = (...args: string[]) => {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script, '--', ...args],
      { encoding: 'utf8', env: { ...process.env, DENGBAO_DATA_DIR: dir, DATABASE_URL: '' } },
    );
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it('reports an intact chain (exit 0) and a broken one (exit 1)', async () => {
    const org = randomUUID();
    const store = await openStore({ kind: 'sqlite', file: path.join(dir, 'dengbao.sqlite') });
    let last = '';
    try {
      for (let i = 1; i <= 3; i++) last = (await appendAudit(store.db, event(org, i), at(i))).hash;
      await appendAudit(store.db, event('', 1), at(1));
    } finally {
      await store.close();
    }
    const ok = run('audit', 'verify', '--org', org);
    assert.equal(ok.code, 0, ok.err);
    assert.equal(
      ok.out,
      `audit chain intact: 3 entries, last seq 3, last hash ${last} (chain ${org}); no anchor for this chain yet\n`,
    );
    const platform = run('audit', 'verify', '--org', '');
    assert.equal(platform.code, 0, platform.err);
    assert.match(
      platform.out,
      /^audit chain intact: 1 entries, last seq 1, last hash [0-9a-f]{64} \(chain platform\)/,
    );

    const tamper = await openStore({ kind: 'sqlite', file: path.join(dir, 'dengbao.sqlite') });
    try {
      await dropAuditGuard(tamper.db);
      await sql`update audit_entries set actor_label = 'someone else' where organisation_id = ${org} and seq = 2`.execute(
        tamper.db,
      );
    } finally {
      await tamper.close();
    }
    // Tampering with one chain leaves the others intact.
    const platformJson = run('audit', 'verify', '--platform', '--json');
    assert.equal(platformJson.code, 0, platformJson.err);
    assert.equal(JSON.parse(platformJson.out).count, 1);
    const json = run('audit', 'verify', '--org', org, '--json');
    assert.equal(json.code, 1);
    assert.match(json.err, /audit chain BROKEN at seq 2 \([0-9a-f-]{36}\): hash_mismatch/);
    assert.equal(JSON.parse(json.out).firstBroken.seq, 2);
  });
});
