/**
 * Free-trade-zone negative lists through the API: the register profile names a list by its id
 * (validated against src/catalogs/ftz-negative-lists), the paths honour a claimed
 * `ftz_negative_list` exemption only from the list's effective day, and the lists are served at
 * GET /api/catalog/ftz-negative-lists.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_DIALECTS } from '../support';
import { startHarness, type Client, type Harness } from './harness';

const register = (zone: string | null) => `format: dengbao.privacy.v1
profile:
  ciiOperator: false
  totalIndividuals: 300000
  freeTradeZone: ${zone === null ? 'null' : zone}
activities:
  - code: PA-FTZ
    name: 跨境电商会员管理
    purpose: 向境外关联公司提供会员订单信息以完成跨境配送
    legalBases: [consent]
    dataCategories: [name, phone_number]
    dataSubjects: [customers]
    individuals: 300000
    sensitiveIndividuals: 0
    retention: 会员注销后30日内删除
    recipients:
      - key: R-US
        relationship: other_handler
        name: Example Fulfilment Inc.
        country: US
        purpose: 跨境配送
    transfers:
      - key: T-US
        recipientKey: R-US
        exemption: ftz_negative_list
transferBatches:
  - { activity: PA-FTZ, transferKey: T-US, transferredOn: '2024-05-01', individuals: 200000, sensitiveIndividuals: 0 }
`;

for (const dialect of TEST_DIALECTS) {
  describe(`free-trade-zone negative lists on ${dialect}`, () => {
    let h: Harness | null;
    let officer: Client;
    let orgId: string;
    const url = (p: string) => `/api/organisations/${orgId}/privacy${p}`;
    const pathOn = async (asOf: string) => {
      const res = await officer.inject({ url: url(`/paths?asOf=${asOf}`) });
      assert.equal(res.statusCode, 200, res.body);
      return (
        res.json() as {
          paths: { path: string; exemption: string | null; explanationZh: string }[];
        }
      ).paths[0]!;
    };

    before(async () => {
      h = await startHarness(dialect);
      if (!h) return;
      officer = await h.user('dpo.ftz', { admin: true });
      const org = await officer.inject({
        method: 'POST',
        url: '/api/organisations',
        payload: { name: '某跨境电商（天津）有限公司' },
      });
      assert.equal(org.statusCode, 201, org.body);
      orgId = org.json().id;
    });
    after(async () => {
      await h?.close();
    });

    it('refuses a file whose profile names an unknown list, naming the known ids', async (t) => {
      if (!h) return t.skip('database unavailable');
      const res = await officer.inject({
        method: 'POST',
        url: url('/file'),
        headers: { 'content-type': 'application/yaml' },
        payload: register('上海自贸区'),
      });
      assert.equal(res.statusCode, 400, res.body);
      const detail = (res.json().details as { path: string; message: string }[]).find(
        (d) => d.path === 'profile.freeTradeZone',
      );
      assert.ok(detail, res.body);
      assert.match(detail.message, /tianjin-2024/);
    });

    it('honours the Tianjin list from its effective day (2024-05-08), not the day before', async (t) => {
      if (!h) return t.skip('database unavailable');
      const res = await officer.inject({
        method: 'POST',
        url: url('/file'),
        headers: { 'content-type': 'application/yaml' },
        payload: register('tianjin-2024'),
      });
      assert.equal(res.statusCode, 200, res.body);
      const before = await pathOn('2024-05-07');
      assert.equal(before.path, 'standard_contract_or_certification');
      assert.match(before.explanationZh, /尚未施行/);
      const on = await pathOn('2024-05-08');
      assert.equal(on.path, 'exempt');
      assert.equal(on.exemption, 'ftz_negative_list');
      assert.match(on.explanationZh, /中国（天津）自由贸易试验区/);
    });

    it('refuses a profile edit naming an unknown list at freeTradeZone', async (t) => {
      if (!h) return t.skip('database unavailable');
      const profile = (await officer.inject({ url: url('/profile') })).json();
      const { updatedAt, ...fields } = profile;
      void updatedAt;
      const res = await officer.inject({
        method: 'PUT',
        url: url('/profile'),
        payload: { ...fields, freeTradeZone: 'atlantis-2024' },
      });
      assert.equal(res.statusCode, 400, res.body);
      assert.ok(
        (res.json().details as { path: string }[]).some((d) => d.path === 'freeTradeZone'),
        res.body,
      );
      const cleared = await officer.inject({
        method: 'PUT',
        url: url('/profile'),
        payload: { ...fields, freeTradeZone: null },
      });
      assert.equal(cleared.statusCode, 200, cleared.body);
      const p = await pathOn('2024-05-08');
      assert.equal(p.path, 'standard_contract_or_certification');
      assert.match(p.explanationZh, /未指明/);
    });
  });
}
