import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_DIALECTS } from '../support';
import { startHarness, type Client, type Harness } from './harness';

for (const dialect of TEST_DIALECTS) {
  describe(`API on ${dialect}`, () => {
    let h: Harness | null;
    let owner: Client;
    let orgId: string;
    let otherOrgId: string;
    let app: { inject: Client['inject'] };

    before(async () => {
      h = await startHarness(dialect);
      if (!h) return;
      owner = await h.user('li.hua', { admin: true });
      app = owner;
      const org = await owner.inject({
        method: 'POST',
        url: '/api/organisations',
        payload: { name: '某市第一人民医院', region: '浙江省杭州市' },
      });
      assert.equal(org.statusCode, 201, org.body);
      orgId = org.json().id;
      const outsider = await h.user('wang.fang', { admin: true });
      otherOrgId = (
        await outsider.inject({
          method: 'POST',
          url: '/api/organisations',
          payload: { name: '某城市商业银行' },
        })
      ).json().id;
    });
    after(async () => {
      await h?.close();
    });

    const skip = () => h === null;

    async function createHis(name = '医院信息系统（HIS）') {
      const res = await app.inject({
        method: 'POST',
        url: `/api/organisations/${orgId}/systems`,
        payload: {
          name,
          types: ['ordinary_system'],
          goLiveOn: '2025-12-01',
          isCii: false,
          isNationalEgov: false,
          hasCompetentAuthority: true,
          competentAuthority: '省卫生健康委员会',
        },
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json() as { id: string; version: number };
    }

    it('serves health and the OpenAPI document', async (t) => {
      if (skip()) return t.skip('database unavailable');
      assert.deepEqual((await app.inject({ url: '/api/health' })).json(), {
        status: 'ok',
        store: dialect,
      });
      const doc = (await app.inject({ url: '/api/openapi.json' })).json();
      assert.ok(doc.paths['/api/organisations/{orgId}/systems/{systemId}/gradings']);
      assert.ok(doc.paths['/api/organisations/{orgId}/obligations']);
    });

    it(
      'grades a system, records review and filing, and derives its obligations',
      { skip: skip() },
      async () => {
        const sys = await createHis();
        const graded = await app.inject({
          method: 'POST',
          url: `/api/organisations/${orgId}/systems/${sys.id}/gradings`,
          payload: {
            businessInformation: [{ object: 'social_order_public_interest', degree: 'serious' }],
            systemService: [{ object: 'citizen_legal_person', degree: 'serious' }],
            gradedOn: '2026-01-05',
            reason: '门诊业务中断将严重影响区域医疗秩序',
            version: sys.version,
          },
        });
        assert.equal(graded.statusCode, 201, graded.body);
        const detail = graded.json();
        assert.equal(detail.system.level, 3);
        assert.equal(detail.grading.result.businessInformation.level, 3);
        assert.equal(detail.grading.result.systemService.level, 2);
        assert.equal(detail.grading.recordedBy, 'li.hua', 'the history says who changed the level');
        assert.match(detail.grading.result.citations[0].labelZh, /定级指南/);

        let obligations = (
          await app.inject({
            url: `/api/organisations/${orgId}/obligations?asOf=2026-01-10&systemId=${sys.id}`,
          })
        ).json();
        const filing = obligations.items.find(
          (o: { ruleId: string }) => o.ruleId === 'mlps.filing',
        );
        assert.equal(filing.dueDate, '2026-02-04');
        assert.equal(filing.state, 'due_soon');
        assert.ok(
          filing.citations.some((c: { labelZh: string }) => c.labelZh.includes('第十五条')),
        );

        const review = await app.inject({
          method: 'POST',
          url: `/api/organisations/${orgId}/systems/${sys.id}/reviews`,
          payload: {
            kind: 'expert_review',
            reviewedOn: '2026-01-15',
            reviewer: '省等保专家组',
            agreedLevel: 3,
          },
        });
        assert.equal(review.statusCode, 201, review.body);
        const filed = await app.inject({
          method: 'POST',
          url: `/api/organisations/${orgId}/systems/${sys.id}/filings`,
          payload: {
            filedOn: '2026-01-28',
            bureau: '杭州市公安局网络安全保卫支队',
            certificateNumber: '33010099001-26001',
            level: 3,
          },
        });
        assert.equal(filed.statusCode, 201, filed.body);
        assert.equal(filed.json().system.certificateNumber, '33010099001-26001');

        obligations = (
          await app.inject({
            url: `/api/organisations/${orgId}/obligations?asOf=2026-02-10&systemId=${sys.id}`,
          })
        ).json();
        const states = Object.fromEntries(
          obligations.items.map((o: { ruleId: string; state: string }) => [o.ruleId, o.state]),
        );
        assert.equal(states['mlps.filing'], 'satisfied');
        assert.equal(states['mlps.expert-review'], 'satisfied');
        assert.equal(states['mlps.competent-approval'], 'overdue');
        const renewal = obligations.items.find(
          (o: { ruleId: string }) => o.ruleId === 'mlps.filing-certificate-renewal',
        );
        assert.equal(renewal.dueDate, '2029-01-28');

        // Mark the approval not applicable: a reason is required.
        const approval = obligations.items.find(
          (o: { ruleId: string }) => o.ruleId === 'mlps.competent-approval',
        );
        const noReason = await app.inject({
          method: 'PUT',
          url: `/api/organisations/${orgId}/obligations/status`,
          payload: { key: approval.key, status: 'not_applicable', asOf: '2026-02-10' },
        });
        assert.equal(noReason.statusCode, 400);
        assert.equal(noReason.json().details[0].path, 'note');
        const marked = await app.inject({
          method: 'PUT',
          url: `/api/organisations/${orgId}/obligations/status`,
          payload: {
            key: approval.key,
            status: 'not_applicable',
            note: '主管部门书面答复无需核准',
            asOf: '2026-02-10',
          },
        });
        assert.equal(marked.statusCode, 200, marked.body);
        assert.equal(marked.json().effectiveState, 'not_applicable');
      },
    );

    it('refuses a stale edit with 409 and the current version', async (t) => {
      if (skip()) return t.skip('database unavailable');
      const sys = await createHis('电子病历系统');
      const first = await app.inject({
        method: 'PATCH',
        url: `/api/organisations/${orgId}/systems/${sys.id}`,
        payload: { version: sys.version, description: '第一位编辑' },
      });
      assert.equal(first.statusCode, 200);
      const second = await app.inject({
        method: 'PATCH',
        url: `/api/organisations/${orgId}/systems/${sys.id}`,
        payload: { version: sys.version, description: '第二位编辑' },
      });
      assert.equal(second.statusCode, 409);
      assert.equal(second.json().code, 'VERSION_CONFLICT');
      assert.equal(second.json().currentVersion, sys.version + 1);
      const now = (
        await app.inject({ url: `/api/organisations/${orgId}/systems/${sys.id}` })
      ).json();
      assert.equal(now.system.description, '第一位编辑');
    });

    it('names the field of bad input and writes nothing', async (t) => {
      if (skip()) return t.skip('database unavailable');
      const sys = await createHis('预约挂号系统');
      const cases: [string, unknown, string][] = [
        [
          'unknown object',
          {
            businessInformation: [{ object: 'company', degree: 'serious' }],
            systemService: [{ object: 'citizen_legal_person', degree: 'general' }],
            gradedOn: '2026-01-05',
            reason: 'x',
            version: 1,
          },
          'businessInformation[0].object',
        ],
        [
          'unknown degree',
          {
            businessInformation: [{ object: 'citizen_legal_person', degree: 'catastrophic' }],
            systemService: [{ object: 'citizen_legal_person', degree: 'general' }],
            gradedOn: '2026-01-05',
            reason: 'x',
            version: 1,
          },
          'businessInformation[0].degree',
        ],
        [
          'not a date',
          {
            businessInformation: [{ object: 'citizen_legal_person', degree: 'general' }],
            systemService: [{ object: 'citizen_legal_person', degree: 'general' }],
            gradedOn: '2026-02-30',
            reason: 'x',
            version: 1,
          },
          'gradedOn',
        ],
      ];
      for (const [label, payload, path] of cases) {
        const res = await app.inject({
          method: 'POST',
          url: `/api/organisations/${orgId}/systems/${sys.id}/gradings`,
          payload: payload as object,
        });
        assert.equal(res.statusCode, 400, label);
        assert.equal(res.json().code, 'VALIDATION_FAILED', label);
        assert.ok(
          res.json().details.some((d: { path: string }) => d.path === path),
          `${label}: ${res.body}`,
        );
      }
      // Chinese wording rides along for zh-CN clients.
      const zh = await app.inject({
        method: 'POST',
        url: `/api/organisations/${orgId}/systems/${sys.id}/gradings`,
        payload: {
          businessInformation: [],
          systemService: [{ object: 'citizen_legal_person', degree: 'x' }],
          gradedOn: '2026-02-30',
          reason: 'x',
          version: 1,
        },
      });
      const zhByPath = Object.fromEntries(
        zh.json().details.map((d: { path: string; messageZh: string }) => [d.path, d.messageZh]),
      );
      assert.equal(zhByPath.businessInformation, '至少选择一个受侵害的客体');
      assert.equal(zhByPath.gradedOn, '不是有效的日历日期');
      assert.match(zhByPath['systemService[0].degree'], /无效选项/);
      const level = await app.inject({
        method: 'POST',
        url: `/api/organisations/${orgId}/systems/${sys.id}/filings`,
        payload: { filedOn: '2026-01-05', bureau: '某局', level: 6 },
      });
      assert.equal(level.statusCode, 400);
      assert.equal(level.json().details[0].path, 'level');
      const after = (
        await app.inject({ url: `/api/organisations/${orgId}/systems/${sys.id}` })
      ).json();
      assert.equal(after.system.level, null);
      assert.equal(after.gradingHistory.length, 0);
      assert.equal(after.filings.length, 0);
    });

    it(
      'does not reveal or change a system through another organisation',
      { skip: skip() },
      async () => {
        const sys = await createHis('检验信息系统（LIS）');
        const read = await app.inject({
          url: `/api/organisations/${otherOrgId}/systems/${sys.id}`,
        });
        assert.equal(read.statusCode, 404);
        assert.equal(read.json().code, 'NOT_FOUND');
        const write = await app.inject({
          method: 'PATCH',
          url: `/api/organisations/${otherOrgId}/systems/${sys.id}`,
          payload: { version: 1, name: '篡改' },
        });
        assert.equal(write.statusCode, 404);
        // Not a member of the other organisation: its list is as absent as its rows.
        const list = await app.inject({ url: `/api/organisations/${otherOrgId}/systems` });
        assert.equal(list.statusCode, 404);
        assert.equal(list.json().code, 'NOT_FOUND');
        assert.equal(
          (await app.inject({ url: `/api/organisations/${orgId}/systems/${sys.id}` })).json().system
            .name,
          '检验信息系统（LIS）',
        );
      },
    );

    it('lists with filter, sort and paging', async (t) => {
      if (skip()) return t.skip('database unavailable');
      const res = (
        await app.inject({
          url: `/api/organisations/${orgId}/systems?sort=name&order=desc&limit=2`,
        })
      ).json();
      assert.equal(res.items.length, 2);
      assert.ok(res.total >= 4);
      const filtered = (
        await app.inject({ url: `/api/organisations/${orgId}/systems?level=3` })
      ).json();
      assert.ok(filtered.items.every((s: { level: number }) => s.level === 3));
      assert.equal(
        (await app.inject({ url: `/api/organisations/${orgId}/systems?level=9` })).statusCode,
        400,
      );
      const byLevel = (
        await app.inject({ url: `/api/organisations/${orgId}/systems?sort=level&order=asc` })
      ).json();
      const levels = byLevel.items.map((s: { level: number | null }) => s.level);
      const firstNull = levels.indexOf(null);
      assert.ok(firstNull > 0, 'graded systems first');
      assert.ok(
        levels.slice(firstNull).every((l: number | null) => l === null),
        'ungraded systems last',
      );
    });
  });
}
