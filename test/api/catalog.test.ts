import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type {
  BaselineDto,
  CatalogItemDto,
  CatalogRequirementDetailDto,
  CatalogSummaryDto,
} from '../../src/shared/api-types';
import { TEST_DIALECTS } from '../support';
import { startHarness, type Client, type Harness } from './harness';

for (const dialect of TEST_DIALECTS) {
  describe(`catalog API on ${dialect}`, () => {
    let h: Harness | null;
    let officer: Client;
    let orgId: string;

    before(async () => {
      h = await startHarness(dialect);
      if (!h) return;
      officer = await h.user('zhou.min', { admin: true });
      const org = await officer.inject({
        method: 'POST',
        url: '/api/organisations',
        payload: { name: '某省电子政务云平台运营中心' },
      });
      assert.equal(org.statusCode, 201, org.body);
      orgId = org.json().id;
    });
    after(async () => {
      await h?.close();
    });

    it('needs a signed-in user', async (t) => {
      if (!h) return t.skip('database unavailable');
      const res = await h.app.inject({ method: 'GET', url: '/api/catalog' });
      assert.equal(res.statusCode, 401);
    });

    it('summarises the counts per level and extension', async (t) => {
      if (!h) return t.skip('database unavailable');
      const res = await officer.inject({ method: 'GET', url: '/api/catalog' });
      assert.equal(res.statusCode, 200, res.body);
      const summary = res.json() as CatalogSummaryDto;
      const l3 = summary.counts.find((c) => c.level === 3 && c.extension === 'general');
      assert.equal(l3?.items, 211);
      assert.equal(l3?.controlPoints, 71);
      assert.equal(summary.highRiskCases, 81);
      assert.equal(summary.majorRiskTriggers, 32);
      assert.ok(summary.coverage.some((c) => c.extension === 'big_data' && c.status === 'missing'));
    });

    it('lists, filters and searches items in Chinese and English', async (t) => {
      if (!h) return t.skip('database unavailable');
      const get = async (query: string) => {
        const res = await officer.inject({ method: 'GET', url: `/api/catalog/items?${query}` });
        assert.equal(res.statusCode, 200, res.body);
        return res.json() as { items: CatalogItemDto[]; total: number };
      };
      const ces = await get('level=3&extension=general&category=CES');
      assert.equal(ces.total, 34);
      assert.ok(ces.items.every((i) => i.category === 'CES' && i.clause.startsWith('8.1.4.')));
      const zh = await get(`level=3&q=${encodeURIComponent('身份鉴别')}`);
      assert.ok(zh.items.some((i) => i.id === '8.1.4.1-d'));
      const en = await get('level=3&q=two-factor');
      assert.ok(en.items.some((i) => i.id === '8.1.4.1-d'));
      const byTestId = await get('level=3&q=L3-CES1-04');
      assert.deepEqual(
        byTestId.items.map((i) => i.id),
        ['8.1.4.1-d'],
      );
      const level2 = await get('level=2&q=L3-CES1-04');
      assert.equal(level2.total, 0, 'two-factor authentication starts at level 3');
      const cloud = await get('level=3&extension=cloud');
      assert.equal(cloud.total, 46);
      assert.ok(cloud.items.every((i) => i.responsibility !== null));
    });

    it('shows one requirement with its levels, high-risk cases, triggers and crosswalk', async (t) => {
      if (!h) return t.skip('database unavailable');
      const res = await officer.inject({
        method: 'GET',
        url: '/api/catalog/requirements/8.1.4.1-d',
      });
      assert.equal(res.statusCode, 200, res.body);
      const detail = res.json() as CatalogRequirementDetailDto;
      assert.deepEqual(
        detail.levels.map((l) => [l.level, l.clause, l.testId]),
        [
          [3, '8.1.4.1', 'L3-CES1-04'],
          [4, '9.1.4.1', null],
        ],
      );
      assert.ok(detail.highRiskCases.some((c) => c.id === '6.4.1.3' && c.mitigations.length > 0));
      assert.ok(detail.majorRiskTriggers.some((tr) => tr.id === 'A-19'));
      assert.ok(detail.alsoSatisfies.some((m) => m.controlId === '8.5'));
      assert.ok(detail.provenance.sources.every((s) => s.description.zh && s.description.en));
    });

    it('answers bad input with a specific 400 and unknown ids with 404', async (t) => {
      if (!h) return t.skip('database unavailable');
      const bad = await officer.inject({ method: 'GET', url: '/api/catalog/items?level=7' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /level must be 1, 2, 3 or 4/);
      const badExt = await officer.inject({
        method: 'GET',
        url: '/api/catalog/baseline?level=3&extension=cloud,blockchain',
      });
      assert.equal(badExt.statusCode, 400);
      assert.match(badExt.body, /extension/);
      const missing = await officer.inject({
        method: 'GET',
        url: '/api/catalog/requirements/8.1.4.1-z',
      });
      assert.equal(missing.statusCode, 404);
      const malformed = await officer.inject({
        method: 'GET',
        url: '/api/catalog/requirements/DROP TABLE',
      });
      assert.equal(malformed.statusCode, 400);
    });

    it('computes a baseline for a level and extensions, with its gaps', async (t) => {
      if (!h) return t.skip('database unavailable');
      const res = await officer.inject({
        method: 'GET',
        url: '/api/catalog/baseline?level=3&extension=cloud&cloudRole=tenant',
      });
      assert.equal(res.statusCode, 200, res.body);
      const baseline = res.json() as BaselineDto;
      assert.equal(baseline.counts.byExtension.general, 211);
      assert.ok((baseline.counts.byExtension.cloud ?? 0) < 46);
      assert.ok(baseline.items.every((i) => i.responsibility !== 'provider'));
      assert.deepEqual(baseline.gaps, []);
      const l5 = (
        await officer.inject({ method: 'GET', url: '/api/catalog/baseline?level=5' })
      ).json() as BaselineDto;
      assert.equal(l5.requirementsLevel, 4);
      assert.ok(l5.note);
    });

    it("serves a system's baseline from its level and types, and refuses an ungraded one", async (t) => {
      if (!h) return t.skip('database unavailable');
      const created = await officer.inject({
        method: 'POST',
        url: `/api/organisations/${orgId}/systems`,
        payload: {
          name: '政务服务移动端（租户）',
          types: ['cloud_tenant_system', 'mobile_internet_system'],
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      const system = created.json() as { id: string; version: number };
      const url = `/api/organisations/${orgId}/systems/${system.id}/baseline`;
      const ungraded = await officer.inject({ method: 'GET', url });
      assert.equal(ungraded.statusCode, 400);
      assert.match(ungraded.body, /grade it/);

      const graded = await officer.inject({
        method: 'POST',
        url: `/api/organisations/${orgId}/systems/${system.id}/gradings`,
        payload: {
          businessInformation: [{ object: 'social_order_public_interest', degree: 'serious' }],
          systemService: [{ object: 'social_order_public_interest', degree: 'general' }],
          gradedOn: '2026-03-01',
          reason: '承载全省政务服务事项',
          version: system.version,
        },
      });
      assert.equal(graded.statusCode, 201, graded.body);
      const res = await officer.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, res.body);
      const baseline = res.json() as BaselineDto;
      assert.equal(baseline.level, 3);
      assert.deepEqual(baseline.extensions, ['general', 'cloud', 'mobile']);
      assert.equal(baseline.cloudRole, 'tenant');
      assert.equal(baseline.counts.byExtension.mobile, 19);
      assert.equal(baseline.system?.name, '政务服务移动端（租户）');
    });
  });
}
