/**
 * Personal-information compliance audits over the API: planned, completed with findings tracked,
 * checked (all-or-nothing), versioned, encrypted at rest and scoped to the organisation; on
 * SQLite and PostgreSQL. The harness clock stands at 2026-03-02.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { PiAuditView } from '../../src/app/data-security/pi-audits/model';
import { TEST_DIALECTS } from '../support';
import { startHarness, type Client, type Harness } from './harness';

const PLAN = {
  title: '2026年度个人信息保护合规审计',
  kind: 'self',
  auditor: '内审部',
  periodFrom: '2025-01-01',
  periodTo: '2025-12-31',
  plannedOn: '2026-04-15',
  scope: '门诊预约、检验报告外送、员工信息三项处理活动',
  findings: [
    {
      code: 'F-1',
      title: '隐私政策未列明第三方SDK',
      severity: 'medium',
      owner: '信息中心',
      dueOn: '2026-02-28',
    },
    { code: 'F-2', title: '检验外送合同缺少安全条款', severity: 'high', dueOn: '2026-06-30' },
    {
      code: 'F-3',
      title: '员工信息访问日志保存不足',
      severity: 'low',
      status: 'closed',
      closedOn: '2026-01-10',
    },
  ],
};

for (const dialect of TEST_DIALECTS) {
  describe(`PI compliance audits API on ${dialect}`, () => {
    let h: Harness | null;
    let owner: Client;
    let orgId: string;
    let otherOrgId: string;
    const url = (p = '', org = () => orgId) =>
      `/api/organisations/${org()}/data-security/pi-audits${p}`;
    const problemsOf = (body: string) =>
      (JSON.parse(body).details as { path: string }[]).map((d) => d.path);

    before(async () => {
      h = await startHarness(dialect);
      if (!h) return;
      owner = await h.user('dpo.sun', { admin: true });
      for (const name of ['某市第一人民医院', '某区妇幼保健院']) {
        const org = await owner.inject({
          method: 'POST',
          url: '/api/organisations',
          payload: { name },
        });
        assert.equal(org.statusCode, 201, org.body);
        if (orgId) otherOrgId = org.json().id;
        else orgId = org.json().id;
      }
    });
    after(async () => {
      await h?.close();
    });

    it('plans an audit with its findings; open and overdue findings are counted', async (t) => {
      if (!h) return t.skip('database unavailable');
      const res = await owner.inject({ method: 'POST', url: url(), payload: PLAN });
      assert.equal(res.statusCode, 201, res.body);
      const a: PiAuditView = res.json();
      assert.equal(a.version, 1);
      assert.equal(a.status, 'planned');
      assert.equal(a.completedOn, null);
      assert.equal(a.findings.length, 3);
      assert.equal(a.findings[0]!.status, 'open');
      assert.equal(a.openFindings, 2);
      assert.equal(a.overdueFindings, 1, 'F-1 was due on 2026-02-28');
      const list = await owner.inject({ url: url() });
      assert.equal(list.statusCode, 200, list.body);
      assert.deepEqual(
        list.json().map((x: PiAuditView) => x.title),
        [PLAN.title],
      );
      const one = await owner.inject({ url: url(`/${a.id}`) });
      assert.equal(one.json().scope, PLAN.scope);
      // Content encrypted; title, kind, status and dates in clear.
      const row = await h.store.db
        .selectFrom('pi_audits')
        .selectAll()
        .where('id', '=', a.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.status, 'planned');
      assert.equal(row.planned_on, '2026-04-15');
      for (const text of ['门诊预约', '隐私政策未列明', '内审部'])
        assert.ok(!row.content_enc.includes(text), `"${text}" in clear`);
    });

    it('refuses inconsistent audits with every problem and saves nothing', async (t) => {
      if (!h) return t.skip('database unavailable');
      const before = (await owner.inject({ url: url() })).json().length;
      const bad = await owner.inject({
        method: 'POST',
        url: url(),
        payload: {
          ...PLAN,
          periodFrom: '2026-01-01',
          periodTo: '2025-12-31',
          completedOn: '2026-02-01',
          orderedDeadline: '2026-05-01',
          findings: [
            { code: 'F-1', title: 'a', severity: 'low' },
            { code: 'F-1', title: 'b', severity: 'low', closedOn: '2026-01-01' },
          ],
        },
      });
      assert.equal(bad.statusCode, 400, bad.body);
      assert.deepEqual(problemsOf(bad.body).sort(), [
        'completedOn',
        'findings.1.closedOn',
        'findings.1.code',
        'orderedDeadline',
        'periodTo',
      ]);
      const noDate = await owner.inject({
        method: 'POST',
        url: url(),
        payload: { ...PLAN, status: 'completed' },
      });
      assert.equal(noDate.statusCode, 400, noDate.body);
      assert.deepEqual(problemsOf(noDate.body), ['completedOn']);
      assert.equal((await owner.inject({ url: url() })).json().length, before);
    });

    it('records completion and closes findings with versions; stale edits get 409', async (t) => {
      if (!h) return t.skip('database unavailable');
      const [a] = (await owner.inject({ url: url() })).json() as PiAuditView[];
      const findings = a!.findings.map((f) =>
        f.code === 'F-1' ? { ...f, status: 'closed', closedOn: '2026-03-01' } : f,
      );
      const done = await owner.inject({
        method: 'PATCH',
        url: url(`/${a!.id}`),
        payload: {
          version: 1,
          status: 'completed',
          completedOn: '2026-03-01',
          findings,
          reportReference: '审计报告〔2026〕1号',
        },
      });
      assert.equal(done.statusCode, 200, done.body);
      assert.equal(done.json().version, 2);
      assert.equal(done.json().completedOn, '2026-03-01');
      assert.equal(done.json().openFindings, 1);
      assert.equal(done.json().overdueFindings, 0);
      assert.equal(done.json().scope, PLAN.scope, 'fields left out stay');
      const stale = await owner.inject({
        method: 'PATCH',
        url: url(`/${a!.id}`),
        payload: { version: 1, title: '旧版本' },
      });
      assert.equal(stale.statusCode, 409, stale.body);
      assert.equal(stale.json().code, 'VERSION_CONFLICT');
      // Reopening without clearing the date is refused.
      const reopen = await owner.inject({
        method: 'PATCH',
        url: url(`/${a!.id}`),
        payload: { version: 2, status: 'in_progress' },
      });
      assert.equal(reopen.statusCode, 400, reopen.body);
      assert.deepEqual(problemsOf(reopen.body), ['completedOn']);
      const row = await h.store.db
        .selectFrom('pi_audits')
        .select(['completed_on', 'status', 'version'])
        .where('id', '=', a!.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(
        { ...row, version: Number(row.version) },
        {
          completed_on: '2026-03-01',
          status: 'completed',
          version: 2,
        },
      );
    });

    it('is scoped to the organisation; deletes with an audit entry that keeps no text', async (t) => {
      if (!h) return t.skip('database unavailable');
      const [a] = (await owner.inject({ url: url() })).json() as PiAuditView[];
      const elsewhere = await owner.inject({ url: url(`/${a!.id}`, () => otherOrgId) });
      assert.equal(elsewhere.statusCode, 404, elsewhere.body);
      assert.equal((await owner.inject({ url: url('', () => otherOrgId) })).json().length, 0);
      const notId = await owner.inject({ url: url('/not-a-uuid') });
      assert.equal(notId.statusCode, 400, notId.body);
      const removed = await owner.inject({ method: 'DELETE', url: url(`/${a!.id}`) });
      assert.equal(removed.statusCode, 204, removed.body);
      assert.equal((await owner.inject({ url: url(`/${a!.id}`) })).statusCode, 404);
      assert.equal(
        (await owner.inject({ method: 'DELETE', url: url(`/${randomUUID()}`) })).statusCode,
        404,
      );
      const entries = await h.store.db
        .selectFrom('audit_entries')
        .select(['action', 'changes'])
        .where('organisation_id', '=', orgId)
        .where('action', 'like', 'datasec.pi_audit.%')
        .execute();
      assert.deepEqual([...new Set(entries.map((e) => e.action))].sort(), [
        'datasec.pi_audit.create',
        'datasec.pi_audit.delete',
        'datasec.pi_audit.update',
      ]);
      const text = entries.map((e) => e.changes).join('\n');
      assert.ok(text.includes('F-2:high:open'));
      for (const secret of ['门诊预约', '隐私政策未列明', '内审部', '审计报告〔2026〕1号'])
        assert.ok(!text.includes(secret), `audit holds "${secret}"`);
    });
  });
}
