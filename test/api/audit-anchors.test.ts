import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { writeAnchors } from '../../src/app/audit-anchors';
import { dropAuditGuard } from '../../src/store/migrations/2026-12-07b-audit-immutable';
import { TEST_DIALECTS } from '../support';
import { startHarness, type Client, type Harness } from './harness';

/**
 * The audit page's verify button (GET …/audit/verify) reads the anchor file outside the
 * database: a tail cut off by someone with DDL rights is reported, not "intact".
 */
for (const dialect of TEST_DIALECTS) {
  describe(`audit verify with anchors on ${dialect}`, () => {
    let h: Harness | null;
    let owner: Client;
    let orgId: string;
    let dir: string;
    let anchorFile: string;

    before(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'dengbao-anchors-'));
      anchorFile = path.join(dir, 'audit-anchors.jsonl');
      h = await startHarness(dialect, { auditAnchorFile: anchorFile });
      if (!h) return;
      owner = await h.user('anchor.owner', { admin: true });
      orgId = (
        await owner.inject({
          method: 'POST',
          url: '/api/organisations',
          payload: { name: '某省政务云平台运营中心' },
        })
      ).json().id;
      for (const name of ['政务服务网', '统一身份认证平台', '电子证照库']) {
        const res = await owner.inject({
          method: 'POST',
          url: `/api/organisations/${orgId}/systems`,
          payload: { name, types: ['ordinary_system'] },
        });
        assert.equal(res.statusCode, 201, res.body);
      }
    });
    after(async () => {
      await h?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('says the chain is intact and which anchor holds, then reports a cut-off tail', async (t) => {
      if (!h) return t.skip('database unavailable');
      const verify = async () =>
        (await owner.inject({ url: `/api/organisations/${orgId}/audit/verify` })).json();

      const before = await verify();
      assert.equal(before.ok, true);
      assert.deepEqual(before.anchors, {
        checked: 0,
        latestSeq: null,
        latestAt: null,
        lostByRestore: 0,
      });

      const written = await writeAnchors(h.store.db, anchorFile, 'daily', h.clock.now());
      const mine = written.find((a) => a.organisationId === orgId);
      assert.ok(mine && mine.seq >= 4, 'the organisation chain is anchored');
      const anchored = await verify();
      assert.equal(anchored.ok, true);
      assert.equal(anchored.anchors.latestSeq, mine.seq);

      // An attacker with DDL rights drops the guard and deletes the last two entries: the chain
      // that is left still verifies on its own, the anchor does not.
      await dropAuditGuard(h.store.db);
      await sql`delete from audit_entries where organisation_id = ${orgId} and seq > ${mine.seq - 2}`.execute(
        h.store.db,
      );
      const cut = await verify();
      assert.equal(cut.ok, false);
      assert.equal(cut.firstBroken.reason, 'anchor_missing');
      assert.equal(cut.firstBroken.seq, mine.seq);
      assert.match(cut.firstBroken.message, /audit chain CUT/);
    });
  });
}
