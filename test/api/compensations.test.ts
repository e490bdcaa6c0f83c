import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type {
  AssessmentDto,
  AssessmentScoreDto,
  FindingDto,
  WorkbookDto,
} from '../../src/shared/api-types';
import type {
  CompensationDto,
  CompensationsDto,
  PreviousFindingsDto,
} from '../../src/shared/compensation-schemas';
import { buildReport } from '../../src/app/reports';
import { TEST_DIALECTS } from '../support';
import { startHarness, type Client, type Harness } from './harness';

/**
 * Issue 14 parts 7 and 8 through the API: a hospital's 2025 assessment where the database
 * server's missing two-factor authentication (8.1.4.1-d) is compensated by the bastion host's
 * (整体测评), and the 2026 assessment started from it (objects copied, last year's results and
 * findings with their rectification state).
 */
for (const dialect of TEST_DIALECTS) {
  describe(`overall assessment and year over year on ${dialect}`, () => {
    let h: Harness | null;
    let owner: Client;
    let orgId: string;
    let systemId: string;
    let firstId: string;
    let secondId: string;
    const ids: Record<string, string> = {};

    before(async () => {
      h = await startHarness(dialect);
      if (!h) return;
      owner = await h.user('wang.min', { admin: true });
      orgId = (
        await owner.inject({
          method: 'POST',
          url: '/api/organisations',
          payload: { name: '某省人民医院' },
        })
      ).json().id;
      const system = await owner.inject({
        method: 'POST',
        url: `/api/organisations/${orgId}/systems`,
        payload: { name: '医院信息系统（HIS）', types: ['ordinary_system'] },
      });
      systemId = system.json().id;
      const graded = await owner.inject({
        method: 'POST',
        url: `/api/organisations/${orgId}/systems/${systemId}/gradings`,
        payload: {
          businessInformation: [{ object: 'social_order_public_interest', degree: 'serious' }],
          systemService: [{ object: 'social_order_public_interest', degree: 'serious' }],
          gradedOn: '2025-01-05',
          reason: '三级甲等医院核心业务系统',
          version: system.json().version,
        },
      });
      assert.equal(graded.statusCode, 201, graded.body);
    });
    after(async () => {
      await h?.close();
    });

    const url = (path: string) => `/api/organisations/${orgId}${path}`;
    const first = (path = '') => url(`/assessments/${firstId}${path}`);
    const second = (path = '') => url(`/assessments/${secondId}${path}`);
    const put = (
      requirementId: string,
      object: string,
      body: { result: string; record?: string; reason?: string },
    ) =>
      owner.inject({
        method: 'PUT',
        url: first(`/results/${requirementId}/${ids[object]}`),
        payload: { ...body, version: 0 },
      });

    it('records the 2025 assessment: two-factor missing on the server, present on the bastion host', async (t) => {
      if (!h) return t.skip('database unavailable');
      const created = await owner.inject({
        method: 'POST',
        url: url(`/systems/${systemId}/assessments`),
        payload: { title: '2025年度等级测评', reportDate: '2025-06-10' },
      });
      assert.equal(created.statusCode, 201, created.body);
      firstId = created.json().id;
      for (const [name, kind, ip] of [
        ['数据库服务器', 'server', '10.1.2.3'],
        ['运维堡垒机', 'security_device', '10.1.0.5'],
        ['互联网边界', 'area_boundary', null],
      ] as const) {
        const res = await owner.inject({
          method: 'POST',
          url: first('/objects'),
          payload: {
            name,
            kind,
            ...(ip ? { attributes: { ipAddresses: [ip], os: 'Linux' } } : {}),
          },
        });
        assert.equal(res.statusCode, 201, res.body);
        ids[name] = res.json().id;
      }
      for (const res of [
        await put('8.1.4.1-d', '数据库服务器', {
          result: 'non_compliant',
          record: '仅用户名+口令登录，未采用双因素鉴别',
        }),
        await put('8.1.4.1-d', '运维堡垒机', {
          result: 'compliant',
          record: '口令+数字证书双因素鉴别',
        }),
        await put('8.1.4.3-a', '数据库服务器', {
          result: 'non_compliant',
          record: '未开启审计功能',
        }),
        await put('8.1.4.3-a', '运维堡垒机', { result: 'compliant' }),
        await put('8.1.3.2-a', '互联网边界', { result: 'compliant' }),
      ]) {
        assert.equal(res.statusCode, 200, res.body);
      }
      const findings = (await owner.inject({ method: 'GET', url: first('/findings') })).json()
        .items as FindingDto[];
      assert.deepEqual(
        findings.map((f) => f.requirementId),
        ['8.1.4.1-d', '8.1.4.3-a'],
      );
    });

    let scoreBefore: AssessmentScoreDto;
    let twoFactor: CompensationDto;

    it('refuses a compensation whose scope does not match, or whose measure is not 符合', async (t) => {
      if (!h) return t.skip('database unavailable');
      scoreBefore = (await owner.inject({ method: 'GET', url: first('/score') })).json();
      const wrongScope = await owner.inject({
        method: 'POST',
        url: first('/compensations'),
        payload: {
          requirementId: '8.1.4.1-d',
          objectId: ids['数据库服务器'],
          scope: 'layer',
          compensatingRequirementId: '8.1.4.1-d',
          compensatingObjectId: ids['运维堡垒机'],
          adjustedResult: 'compliant',
          reason: '服务器仅能经堡垒机运维',
        },
      });
      assert.equal(wrongScope.statusCode, 400, wrongScope.body);
      const detail = wrongScope.json().details[0];
      assert.equal(detail.path, 'scope');
      assert.equal(detail.code, 'compensation.scope_mismatch');
      assert.match(wrongScope.body, /测评项间/);

      const notCompliant = await owner.inject({
        method: 'POST',
        url: first('/compensations'),
        payload: {
          requirementId: '8.1.4.3-a',
          objectId: ids['数据库服务器'],
          scope: 'item',
          compensatingRequirementId: '8.1.4.1-d',
          compensatingObjectId: ids['数据库服务器'],
          adjustedResult: 'partial',
          reason: '—',
        },
      });
      assert.equal(notCompliant.statusCode, 400, notCompliant.body);
      assert.deepEqual(
        (notCompliant.json().details as { code: string }[]).map((d) => d.code),
        ['compensation.scope_mismatch', 'compensation.compensating_not_compliant'],
      );
    });

    it("compensates the server's two-factor by the bastion host's: outcome, rate, reason and findings change", async (t) => {
      if (!h) return t.skip('database unavailable');
      const res = await owner.inject({
        method: 'POST',
        url: first('/compensations'),
        payload: {
          requirementId: '8.1.4.1-d',
          objectId: ids['数据库服务器'],
          scope: 'item',
          compensatingRequirementId: '8.1.4.1-d',
          compensatingObjectId: ids['运维堡垒机'],
          adjustedResult: 'compliant',
          reason: '数据库服务器仅允许经运维堡垒机登录，堡垒机采用口令+数字证书双因素鉴别',
        },
      });
      assert.equal(res.statusCode, 201, res.body);
      twoFactor = res.json() as CompensationDto;
      assert.equal(twoFactor.active, true);
      assert.equal(twoFactor.compensatingObjectName, '运维堡垒机');
      assert.deepEqual(twoFactor.adjustments, [
        {
          objectId: ids['数据库服务器'],
          objectName: '数据库服务器',
          original: 'non_compliant',
          adjusted: 'compliant',
        },
      ]);
      // A layer compensation over every object of the audit item, partly.
      const layer = await owner.inject({
        method: 'POST',
        url: first('/compensations'),
        payload: {
          requirementId: '8.1.4.3-a',
          objectId: null,
          scope: 'layer',
          compensatingRequirementId: '8.1.3.2-a',
          compensatingObjectId: ids['互联网边界'],
          adjustedResult: 'partial',
          reason: '边界访问控制仅允许运维网段访问数据库服务器',
        },
      });
      assert.equal(layer.statusCode, 201, layer.body);

      const list = (
        await owner.inject({ method: 'GET', url: first('/compensations') })
      ).json() as CompensationsDto;
      assert.equal(list.total, 2);
      assert.equal(list.items[0]?.reason, twoFactor.reason);
      assert.deepEqual(
        list.outcomes.map((o) => `${o.requirementId}:${o.before}->${o.after}`),
        ['8.1.4.1-d:partial->compliant', '8.1.4.3-a:partial->partial'],
      );

      const score = (
        await owner.inject({ method: 'GET', url: first('/score') })
      ).json() as AssessmentScoreDto;
      assert.equal(score.before.counts.compliant, scoreBefore.before.counts.compliant + 1);
      assert.ok(score.before.value > scoreBefore.before.value, `${score.before.value}`);
      const reason = score.before.reasons.find((r) => r.zh.startsWith('整体测评'));
      assert.match(reason?.zh ?? '', /2 个测评结果经补偿调整/);
      assert.match(reason?.zh ?? '', /8\.1\.4\.1-d 不符合→符合（由 8\.1\.4\.1-d 补偿）/);
      assert.ok(!scoreBefore.before.reasons.some((r) => r.zh.startsWith('整体测评')));

      const findings = (await owner.inject({ method: 'GET', url: first('/findings') })).json()
        .items as FindingDto[];
      assert.deepEqual(
        findings.map((f) => f.requirementId),
        ['8.1.4.3-a'],
      );
      const server = findings[0]?.objects.find((o) => o.name === '数据库服务器');
      assert.equal(server?.result, 'partial');
      assert.equal(server?.originalResult, 'non_compliant');
      assert.equal(findings[0]?.result, 'partial');

      // Chapter 4 of the report lists them (4.1 within a layer, 4.2 between layers, 4.3 outcomes).
      const report = JSON.stringify(
        await buildReport(h.ctx, orgId, 'assessment', firstId, 'zh', '2025-06-10'),
      );
      const chapter4 = report.slice(
        report.indexOf('4 整体测评'),
        report.indexOf('5 安全问题风险分析'),
      );
      assert.match(chapter4, /数据库服务器：不符合→符合/);
      assert.match(chapter4, /堡垒机采用口令\+数字证书双因素鉴别/);
      assert.match(chapter4, /4\.2 区域间安全测评.*边界访问控制仅允许运维网段访问数据库服务器/s);
      assert.match(chapter4, /1 个测评项的结果发生变化/);

      // The recorded result is kept.
      const workbook = (
        await owner.inject({ method: 'GET', url: first('/workbook') })
      ).json() as WorkbookDto;
      const row = workbook.rows.find(
        (r) => r.requirementId === '8.1.4.1-d' && r.objectId === ids['数据库服务器'],
      );
      assert.equal(row?.result, 'non_compliant');
    });

    it('edits with versions, lists a compensation inactive when its measure fails, and deletes', async (t) => {
      if (!h) return t.skip('database unavailable');
      const stale = await owner.inject({
        method: 'PATCH',
        url: first(`/compensations/${twoFactor.id}`),
        payload: { version: 7, adjustedResult: 'partial' },
      });
      assert.equal(stale.statusCode, 409);
      const edited = await owner.inject({
        method: 'PATCH',
        url: first(`/compensations/${twoFactor.id}`),
        payload: { version: 1, reason: '经堡垒机集中运维，双因素鉴别在堡垒机实现' },
      });
      assert.equal(edited.statusCode, 200, edited.body);
      assert.equal(edited.json().version, 2);
      // The bastion host's result drops: the compensation adjusts nothing and says why.
      const drop = await owner.inject({
        method: 'PUT',
        url: first(`/results/8.1.4.1-d/${ids['运维堡垒机']}`),
        payload: {
          result: 'partial',
          record: '部分账户未启用证书',
          reason: '个别账户',
          version: 1,
        },
      });
      assert.equal(drop.statusCode, 200, drop.body);
      const list = (
        await owner.inject({ method: 'GET', url: first('/compensations') })
      ).json() as CompensationsDto;
      const inactive = list.items.find((c) => c.id === twoFactor.id);
      assert.equal(inactive?.active, false);
      assert.equal(inactive?.problems[0]?.code, 'compensation.compensating_not_compliant');
      assert.match(inactive?.problems[0]?.message.zh ?? '', /运维堡垒机/);
      const restore = await owner.inject({
        method: 'PUT',
        url: first(`/results/8.1.4.1-d/${ids['运维堡垒机']}`),
        payload: { result: 'compliant', version: 2 },
      });
      assert.equal(restore.statusCode, 200, restore.body);

      const extra = await owner.inject({
        method: 'POST',
        url: first('/compensations'),
        payload: {
          requirementId: '8.1.4.3-a',
          objectId: ids['数据库服务器'],
          scope: 'control_point',
          compensatingRequirementId: '8.1.4.1-d',
          compensatingObjectId: ids['运维堡垒机'],
          adjustedResult: 'partial',
          reason: '堡垒机记录运维操作',
        },
      });
      // Already partial through the layer compensation? No: the recorded result counts.
      assert.equal(extra.statusCode, 201, extra.body);
      const gone = await owner.inject({
        method: 'DELETE',
        url: first(`/compensations/${extra.json().id}`),
      });
      assert.equal(gone.statusCode, 204);
      const audit = await h!.ctx.store.db
        .selectFrom('audit_entries')
        .select(['action'])
        .where('action', 'like', 'assessment.compensation.%')
        .execute();
      assert.deepEqual(audit.map((a) => a.action).sort(), [
        'assessment.compensation.create',
        'assessment.compensation.create',
        'assessment.compensation.create',
        'assessment.compensation.delete',
        'assessment.compensation.update',
      ]);
      const stored = await h!.ctx.store.db
        .selectFrom('assessment_compensations')
        .select(['reason_enc'])
        .execute();
      assert.ok(stored.every((r) => !r.reason_enc.includes('堡垒机')));
    });

    it('starts the 2026 assessment from the 2025 one: objects, last results and findings with rectification', async (t) => {
      if (!h) return t.skip('database unavailable');
      const generated = await owner.inject({ method: 'POST', url: first('/rectifications') });
      assert.equal(generated.statusCode, 201, generated.body);
      const created = await owner.inject({
        method: 'POST',
        url: url(`/systems/${systemId}/assessments`),
        payload: { title: '2026年度等级测评', reportDate: '2026-06-10', startFromPrevious: true },
      });
      assert.equal(created.statusCode, 201, created.body);
      const dto = created.json() as AssessmentDto;
      secondId = dto.id;
      assert.deepEqual(
        dto.objects.map((o) => o.name),
        ['数据库服务器', '运维堡垒机', '互联网边界'],
      );
      const server = dto.objects.find((o) => o.name === '数据库服务器');
      assert.deepEqual(server?.attributes.ipAddresses, ['10.1.2.3']);
      assert.equal(server?.attributes.os, 'Linux');
      assert.notEqual(server?.id, ids['数据库服务器']);

      const workbook = (
        await owner.inject({ method: 'GET', url: second('/workbook') })
      ).json() as WorkbookDto;
      const row = workbook.rows.find(
        (r) => r.requirementId === '8.1.4.1-d' && r.objectId === server?.id,
      );
      assert.equal(row?.result, null);
      assert.deepEqual(row?.previous, {
        result: 'non_compliant',
        record: '仅用户名+口令登录，未采用双因素鉴别',
      });
      const unanswered = workbook.rows.find(
        (r) => r.requirementId === '8.1.4.2-a' && r.objectId === server?.id,
      );
      assert.equal(unanswered?.previous, null);

      const previous = (
        await owner.inject({ method: 'GET', url: second('/previous-findings') })
      ).json() as PreviousFindingsDto;
      assert.equal(previous.previous?.id, firstId);
      assert.equal(previous.previous?.title, '2025年度等级测评');
      assert.deepEqual(
        previous.items.map((i) => [
          i.requirementId,
          i.result,
          i.rectification?.status,
          i.currentResult,
        ]),
        [['8.1.4.3-a', 'partial', 'open', 'unanswered']],
      );
      assert.deepEqual(previous.items[0]?.objects, ['数据库服务器']);

      // Naming the previous assessment explicitly works too; an assessment without one shows none.
      const named = await owner.inject({
        method: 'POST',
        url: url(`/systems/${systemId}/assessments`),
        payload: { title: '2026年度复测', previousAssessmentId: firstId },
      });
      assert.equal(named.statusCode, 201, named.body);
      assert.equal((named.json() as AssessmentDto).objects.length, 3);
      const none = (
        await owner.inject({ method: 'GET', url: first('/previous-findings') })
      ).json() as PreviousFindingsDto;
      assert.deepEqual(none, { previous: null, items: [], total: 0 });
    });

    it('refuses a previous assessment of another system and hides everything from another organisation', async (t) => {
      if (!h) return t.skip('database unavailable');
      const other = await owner.inject({
        method: 'POST',
        url: url('/systems'),
        payload: { name: '互联网医院门户', types: ['ordinary_system'] },
      });
      const graded = await owner.inject({
        method: 'POST',
        url: url(`/systems/${other.json().id}/gradings`),
        payload: {
          businessInformation: [{ object: 'citizen_legal_person', degree: 'serious' }],
          systemService: [{ object: 'citizen_legal_person', degree: 'serious' }],
          gradedOn: '2026-01-05',
          reason: '门户',
          version: other.json().version,
        },
      });
      assert.equal(graded.statusCode, 201, graded.body);
      const wrong = await owner.inject({
        method: 'POST',
        url: url(`/systems/${other.json().id}/assessments`),
        payload: { title: '门户测评', previousAssessmentId: firstId },
      });
      assert.equal(wrong.statusCode, 400, wrong.body);
      assert.equal(wrong.json().details[0].code, 'previous_assessment.other_system');
      const nothing = await owner.inject({
        method: 'POST',
        url: url(`/systems/${other.json().id}/assessments`),
        payload: { title: '门户测评', startFromPrevious: true },
      });
      assert.equal(nothing.statusCode, 400, nothing.body);
      assert.equal(nothing.json().details[0].code, 'previous_assessment.none');

      const stranger = await h!.user('zhao.lei', { admin: true });
      const theirOrg = (
        await stranger.inject({
          method: 'POST',
          url: '/api/organisations',
          payload: { name: '另一家医院' },
        })
      ).json().id;
      const base = `/api/organisations/${theirOrg}/assessments/${firstId}`;
      for (const path of ['/compensations', '/previous-findings']) {
        const res = await stranger.inject({ method: 'GET', url: `${base}${path}` });
        assert.equal(res.statusCode, 404, `${path}: ${res.body}`);
      }
      const post = await stranger.inject({
        method: 'POST',
        url: `${base}/compensations`,
        payload: {
          requirementId: '8.1.4.1-d',
          objectId: null,
          scope: 'item',
          compensatingRequirementId: '8.1.4.1-a',
          compensatingObjectId: null,
          adjustedResult: 'partial',
          reason: 'x',
        },
      });
      assert.equal(post.statusCode, 404, post.body);
    });
  });
}
