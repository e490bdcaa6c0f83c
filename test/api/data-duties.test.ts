/**
 * The data-security profile, the provisions of important data and the duties over the API, for
 * 某市第一人民医院 (its register and inventory: docs/examples/privacy-register.yaml and
 * docs/examples/data-inventory.yaml — DR-006 and DR-007 are important data), on SQLite and
 * PostgreSQL. The harness clock stands at 2026-03-02.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { DataSecurityDutiesView } from '../../src/app/data-security/duties/queries';
import { TEST_DIALECTS } from '../support';
import {
  HOSPITAL_ORGANISATION,
  HOSPITAL_SYSTEMS,
  hospitalRegisterText,
} from '../fixtures/privacy-register';
import { hospitalInventoryText } from '../fixtures/data-inventory';
import { startHarness, type Client, type Harness } from './harness';

for (const dialect of TEST_DIALECTS) {
  describe(`data-security duties API on ${dialect}: 某市第一人民医院`, () => {
    let h: Harness | null;
    let officer: Client;
    let orgId: string;
    const url = (p: string) => `/api/organisations/${orgId}/data-security${p}`;
    const problemsOf = (body: string) =>
      (JSON.parse(body).details as { path: string; message: string }[]).map((d) => d.path);
    const duties = async (asOf: string): Promise<DataSecurityDutiesView> => {
      const res = await officer.inject({ url: url(`/duties?asOf=${asOf}`) });
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };
    const duty = (v: DataSecurityDutiesView, ruleId: string, subjectId?: string) => {
      const hits = v.duties.filter(
        (d) => d.ruleId === ruleId && (subjectId === undefined || d.subject.id === subjectId),
      );
      assert.equal(hits.length, 1, `${ruleId}: ${hits.length}`);
      return hits[0]!;
    };

    before(async () => {
      h = await startHarness(dialect);
      if (!h) return;
      officer = await h.user('dso.zhao', { admin: true });
      const org = await officer.inject({
        method: 'POST',
        url: '/api/organisations',
        payload: { name: HOSPITAL_ORGANISATION },
      });
      assert.equal(org.statusCode, 201, org.body);
      orgId = org.json().id;
      for (const name of HOSPITAL_SYSTEMS) {
        const s = await officer.inject({
          method: 'POST',
          url: `/api/organisations/${orgId}/systems`,
          payload: { name, types: ['ordinary_system'], goLiveOn: '2020-06-01' },
        });
        assert.equal(s.statusCode, 201, s.body);
      }
      for (const [path, text] of [
        [`/api/organisations/${orgId}/privacy/file`, hospitalRegisterText()],
        [url('/import'), hospitalInventoryText()],
      ] as const) {
        const res = await officer.inject({
          method: 'POST',
          url: path,
          headers: { 'content-type': 'application/yaml' },
          payload: text,
        });
        assert.equal(res.statusCode, 200, res.body);
      }
    });
    after(async () => {
      await h?.close();
    });

    it('the inventory’s important data make the hospital an important-data processor', async (t) => {
      if (!h) return t.skip('database unavailable');
      const v = await duties('2026-03-02');
      assert.equal(v.asOf, '2026-03-02');
      const declare = duty(v, 'datasec.important-data.declare');
      assert.equal(declare.state, 'open');
      // DR-006 is declared on 2026-05-20: not yet on 2026-03-02; DR-007 never.
      assert.match(declare.reasonZh, /DR-006、DR-007/);
      assert.equal(declare.penalties[0]!.id, 'nds-57');
      assert.equal(declare.penalties[0]!.resolved, true);
      assert.equal(declare.penalties[0]!.inForce, true);
      const later = duty(await duties('2026-06-01'), 'datasec.important-data.declare');
      assert.match(later.reasonZh, /尚未记录申报的：DR-007/);
      assert.equal(duty(v, 'datasec.officer-and-body').state, 'open');
      const annual = v.duties.filter((d) => d.ruleId === 'datasec.risk-assessment.annual');
      // Nothing shows the important data before 2026 (no declaration, no assessment): no 2025 report.
      assert.deepEqual(
        annual.map((d) => [d.subject.id, d.state]),
        [['2026', 'upcoming']],
      );
      assert.equal(duty(v, 'datasec.reorganisation.disposal-plan').state, 'standing');
      // PI audit cycle: 1,850,000 individuals in the register — regular audits, no interval.
      assert.deepEqual(v.piAudit, {
        cycle: 'regular',
        intervalMonths: null,
        totalIndividuals: 1_850_000,
        lastCompletedOn: null,
        nextDueOn: null,
      });
      // Citations come labelled by the knowledge base.
      assert.equal(declare.citations[0]!.instrumentId, 'nds-regulations-2024');
      const early = await officer.inject({ url: url('/duties?asOf=2021-08-31') });
      assert.equal(early.statusCode, 400, early.body);
      assert.deepEqual(problemsOf(early.body), ['asOf']);
    });

    it('profile: versioned (0 creates, stale 409), checked, and it satisfies the officer duty', async (t) => {
      if (!h) return t.skip('database unavailable');
      const empty = await officer.inject({ url: url('/profile') });
      assert.equal(empty.statusCode, 200, empty.body);
      assert.equal(empty.json().version, 0);
      assert.equal(empty.json().dataSecurityOfficer, null);
      const bad = await officer.inject({
        method: 'PUT',
        url: url('/profile'),
        payload: { version: 0, dataSecurityOfficerAppointedOn: '2025-03-01' },
      });
      assert.equal(bad.statusCode, 400, bad.body);
      assert.deepEqual(problemsOf(bad.body), ['dataSecurityOfficerAppointedOn']);
      assert.equal((await officer.inject({ url: url('/profile') })).json().version, 0);
      const profile = {
        province: '44',
        dataSecurityOfficer: '张副院长（分管信息化）',
        dataSecurityOfficerAppointedOn: '2025-03-01',
        managementBody: '网络安全和信息化领导小组',
        importantDataDeclaredOn: null,
      };
      const saved = await officer.inject({
        method: 'PUT',
        url: url('/profile'),
        payload: { version: 0, ...profile },
      });
      assert.equal(saved.statusCode, 200, saved.body);
      assert.equal(saved.json().version, 1);
      assert.equal(saved.json().managementBody, '网络安全和信息化领导小组');
      assert.equal(saved.json().registeredUsers, null);
      const stale = await officer.inject({
        method: 'PUT',
        url: url('/profile'),
        payload: { version: 0, ...profile },
      });
      assert.equal(stale.statusCode, 409, stale.body);
      assert.equal(stale.json().code, 'VERSION_CONFLICT');
      assert.equal(duty(await duties('2026-03-02'), 'datasec.officer-and-body').state, 'satisfied');
      // The register's duty for 10 million individuals reads the same officer (none in the register).
      const pv = `/api/organisations/${orgId}/privacy`;
      const register = (await officer.inject({ url: `${pv}/profile` })).json();
      const { version: rv, updatedAt: _u, ...fields } = register;
      const large = await officer.inject({
        method: 'PUT',
        url: `${pv}/profile`,
        payload: {
          ...fields,
          version: rv,
          totalIndividuals: 10_000_000,
          dataSecurityOfficer: null,
        },
      });
      assert.equal(large.statusCode, 200, large.body);
      const privacyDuties = (await officer.inject({ url: `${pv}/duties?asOf=2026-03-02` })).json()
        .duties as { ruleId: string; state: string }[];
      assert.equal(
        privacyDuties.find((d) => d.ruleId === 'privacy.nds-large.security-officer')?.state,
        'satisfied',
      );
      const both = await duties('2026-03-02');
      assert.equal(both.piAudit.totalIndividuals, 10_000_000);
      assert.match(duty(both, 'datasec.officer-and-body').reasonZh, /第二十八条/);
      const restored = await officer.inject({
        method: 'PUT',
        url: `${pv}/profile`,
        payload: { ...fields, version: rv + 1 },
      });
      assert.equal(restored.statusCode, 200, restored.body);
      const row = await h.store.db
        .selectFrom('data_security_profiles')
        .select('data_enc')
        .where('organisation_id', '=', orgId)
        .executeTakeFirstOrThrow();
      assert.ok(!row.data_enc.includes('张副院长'), 'stored encrypted');
    });

    it('provisions: only important or core resources of the inventory, unique codes, versions', async (t) => {
      if (!h) return t.skip('database unavailable');
      const provision = {
        code: 'PRV-1',
        kind: 'provide',
        recipient: '区域医联体科研平台',
        dataResourceCodes: ['DR-007'],
        startsOn: '2026-04-01',
      };
      const wrong = await officer.inject({
        method: 'POST',
        url: url('/provisions'),
        payload: { ...provision, dataResourceCodes: ['DR-001', 'DR-999', 'DR-007', 'DR-007'] },
      });
      assert.equal(wrong.statusCode, 400, wrong.body);
      assert.deepEqual(problemsOf(wrong.body), [
        'dataResourceCodes.0',
        'dataResourceCodes.1',
        'dataResourceCodes.3',
      ]);
      assert.match(wrong.json().details[0].message, /graded general/);
      assert.equal((await officer.inject({ url: url('/provisions') })).json().length, 0);
      const created = await officer.inject({
        method: 'POST',
        url: url('/provisions'),
        payload: provision,
      });
      assert.equal(created.statusCode, 201, created.body);
      const p = created.json();
      assert.equal(p.version, 1);
      assert.equal(p.statutoryDuty, false);
      assert.equal(p.riskAssessedOn, null);
      const again = await officer.inject({
        method: 'POST',
        url: url('/provisions'),
        payload: provision,
      });
      assert.equal(again.statusCode, 400, again.body);
      assert.deepEqual(problemsOf(again.body), ['code']);

      let d = duty(await duties('2026-03-02'), 'datasec.provision.risk-assessment', 'PRV-1');
      assert.equal(d.dueDate, '2026-04-01');
      assert.equal(d.state, 'due_soon', 'within 30 days');
      assert.equal(
        duty(await duties('2026-02-15'), 'datasec.provision.risk-assessment').state,
        'upcoming',
      );
      assert.equal(
        duty(await duties('2026-04-02'), 'datasec.provision.risk-assessment').state,
        'overdue',
      );

      const edited = await officer.inject({
        method: 'PATCH',
        url: url(`/provisions/${p.id}`),
        payload: { version: 1, riskAssessedOn: '2026-03-20' },
      });
      assert.equal(edited.statusCode, 200, edited.body);
      assert.equal(edited.json().version, 2);
      assert.equal(edited.json().recipient, '区域医联体科研平台');
      d = duty(await duties('2026-04-02'), 'datasec.provision.risk-assessment', 'PRV-1');
      assert.equal(d.state, 'satisfied');
      const stale = await officer.inject({
        method: 'PATCH',
        url: url(`/provisions/${p.id}`),
        payload: { version: 1, statutoryDuty: true },
      });
      assert.equal(stale.statusCode, 409, stale.body);
      const general = await officer.inject({
        method: 'PATCH',
        url: url(`/provisions/${p.id}`),
        payload: { version: 2, dataResourceCodes: ['DR-004'] },
      });
      assert.equal(general.statusCode, 400, general.body);
      assert.equal(
        (await officer.inject({ url: url('/provisions') })).json()[0].dataResourceCodes[0],
        'DR-007',
      );
      const enc = await h.store.db
        .selectFrom('important_data_provisions')
        .select('data_enc')
        .where('id', '=', p.id)
        .executeTakeFirstOrThrow();
      assert.ok(!enc.data_enc.includes('区域医联体'), 'stored encrypted');
      const removed = await officer.inject({ method: 'DELETE', url: url(`/provisions/${p.id}`) });
      assert.equal(removed.statusCode, 204, removed.body);
      const gone = await officer.inject({
        method: 'PATCH',
        url: url(`/provisions/${p.id}`),
        payload: { version: 2, riskAssessedOn: '2026-03-21' },
      });
      assert.equal(gone.statusCode, 404, gone.body);
      const missing = await officer.inject({
        method: 'DELETE',
        url: url(`/provisions/${randomUUID()}`),
      });
      assert.equal(missing.statusCode, 404, missing.body);
    });

    it('a reported risk assessment of 2025 closes that year; an ordered audit is a duty; recorded audits feed the PI duty', async (t) => {
      if (!h) return t.skip('database unavailable');
      const id = randomUUID();
      await h.store.db
        .insertInto('data_risk_assessments')
        .values({
          id,
          organisation_id: orgId,
          year: 2025,
          title: '2025年度数据安全风险评估',
          status: 'reported',
          content_enc: h.ctx.cipher.encrypt('{}', {
            table: 'data_risk_assessments',
            column: 'content_enc',
            rowId: id,
          }),
          snapshot_enc: null,
          completed_on: '2025-12-01',
          completed_by: null,
          reported_on: '2025-12-15',
          version: 1,
          created_by: null,
          created_at: '2025-12-01T00:00:00.000Z',
          updated_at: '2025-12-15T00:00:00.000Z',
        })
        .execute();
      const v = await duties('2026-03-02');
      assert.deepEqual(
        v.duties
          .filter((d) => d.ruleId === 'datasec.risk-assessment.annual')
          .map((d) => d.subject.id),
        ['2026'],
      );

      const ordered = await officer.inject({
        method: 'POST',
        url: url('/pi-audits'),
        payload: {
          title: '市网信办要求的合规审计',
          kind: 'regulator_ordered',
          auditor: '某专业审计机构',
          periodFrom: '2025-01-01',
          periodTo: '2025-12-31',
          plannedOn: '2026-03-10',
          orderedDeadline: '2026-03-20',
        },
      });
      assert.equal(ordered.statusCode, 201, ordered.body);
      const audit = duty(await duties('2026-03-02'), 'datasec.pi-audit.ordered', ordered.json().id);
      assert.equal(audit.state, 'due_soon');
      assert.equal(audit.dueDate, '2026-03-20');
      assert.equal(audit.penalties[0]!.id, 'pipl-66-1');

      const done = await officer.inject({
        method: 'PATCH',
        url: url(`/pi-audits/${ordered.json().id}`),
        payload: { version: 1, status: 'completed', completedOn: '2026-03-01' },
      });
      assert.equal(done.statusCode, 200, done.body);
      const after = await duties('2026-03-02');
      assert.equal(duty(after, 'datasec.pi-audit.ordered').state, 'satisfied');
      assert.equal(after.piAudit.lastCompletedOn, '2026-03-01');
      // One compliance-audit duty, the register's, now knowing the audit recorded here.
      const privacy = await officer.inject({
        url: `/api/organisations/${orgId}/privacy/duties?asOf=2026-03-02`,
      });
      assert.equal(privacy.statusCode, 200, privacy.body);
      const audits = (privacy.json().duties as { ruleId: string; reasonZh: string }[]).filter(
        (d) => d.ruleId === 'privacy.compliance-audit',
      );
      assert.equal(audits.length, 1);
      assert.match(audits[0]!.reasonZh, /上次审计2026-03-01/);
      assert.equal(after.duties.filter((d) => d.ruleId === 'privacy.compliance-audit').length, 0);
    });

    it('important data abroad: done once the register’s transfers carrying it pass the security assessment', async (t) => {
      if (!h) return t.skip('database unavailable');
      const resources = (await officer.inject({ url: url('/resources') })).json() as {
        id: string;
        code: string;
        version: number;
      }[];
      const dr7 = resources.find((r) => r.code === 'DR-007')!;
      const abroad = await officer.inject({
        method: 'PATCH',
        url: url(`/resources/${dr7.id}`),
        payload: {
          version: dr7.version,
          crossBorder: true,
          crossBorderDestinations: ['DE'],
          privacyActivityCodes: ['PA-005'],
        },
      });
      assert.equal(abroad.statusCode, 200, abroad.body);
      let d = duty(await duties('2026-03-02'), 'datasec.important-data.export', 'DR-007');
      assert.equal(d.state, 'standing');
      assert.equal(d.eventDeadline, 'BEFORE_TRANSFER');
      assert.match(d.reasonZh, /没有涉及该资源的重要数据出境/);

      const pv = `/api/organisations/${orgId}/privacy`;
      const activities = (await officer.inject({ url: `${pv}/activities` })).json() as {
        id: string;
        code: string;
        version: number;
        transfers: { key: string; importantData: boolean; mechanism: unknown }[];
      }[];
      const pa5 = activities.find((a) => a.code === 'PA-005')!;
      const mark = (approvedOn: string | null) =>
        pa5.transfers.map((tr) => ({
          ...tr,
          importantData: true,
          mechanism: { kind: 'security_assessment', filedOn: '2026-01-05', approvedOn },
        }));
      let version = pa5.version;
      for (const [approvedOn, state] of [
        [null, 'standing'],
        ['2026-02-20', 'satisfied'],
      ] as const) {
        const patched = await officer.inject({
          method: 'PATCH',
          url: `${pv}/activities/${pa5.id}`,
          payload: { version, transfers: mark(approvedOn) },
        });
        assert.equal(patched.statusCode, 200, patched.body);
        version = patched.json().version;
        d = duty(await duties('2026-03-02'), 'datasec.important-data.export', 'DR-007');
        assert.equal(d.state, state, `approved ${approvedOn}`);
      }
      assert.match(d.reasonZh, /涉及的出境1项，已通过评估1项/);
    });

    it('audits every change with codes and dates, never names or recipients', async (t) => {
      if (!h) return t.skip('database unavailable');
      const entries = await h.store.db
        .selectFrom('audit_entries')
        .select(['action', 'changes'])
        .where('organisation_id', '=', orgId)
        .where('action', 'like', 'datasec.%')
        .execute();
      const actions = new Set(entries.map((e) => e.action));
      for (const a of [
        'datasec.profile.save',
        'datasec.provision.create',
        'datasec.provision.update',
        'datasec.provision.delete',
        'datasec.pi_audit.create',
        'datasec.pi_audit.update',
      ])
        assert.ok(actions.has(a), `${a} audited`);
      const text = entries.map((e) => e.changes).join('\n');
      assert.ok(text.includes('PRV-1') && text.includes('DR-007'));
      for (const secret of [
        '张副院长',
        '网络安全和信息化领导小组',
        '区域医联体科研平台',
        '某专业审计机构',
      ])
        assert.ok(!text.includes(secret), `audit holds "${secret}"`);
    });
  });
}
