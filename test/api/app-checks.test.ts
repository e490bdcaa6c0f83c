import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import type { AppCheckView } from '../../src/app/data-security/app-checks/model';
import { TEST_DIALECTS } from '../support';
import { matrixAppCheck } from './app-checks-fixtures';
import { startHarness, type Client, type Harness } from './harness';

const EXAMPLE = parse(readFileSync('docs/examples/app-check.yaml', 'utf8')) as Record<
  string,
  unknown
>;

for (const dialect of TEST_DIALECTS) {
  describe(`app checks API on ${dialect}: 快行约车`, () => {
    let h: Harness | null;
    let officer: Client;
    let orgId: string;
    const url = (p = '') => `/api/organisations/${orgId}/data-security/app-checks${p}`;
    const pathsOf = (body: string) =>
      (JSON.parse(body).details as { path: string }[]).map((d) => d.path);

    before(async () => {
      h = await startHarness(dialect);
      if (!h) return;
      officer = await h.user('dpo.wang', { admin: true });
      const org = await officer.inject({
        method: 'POST',
        url: '/api/organisations',
        payload: { name: '某出行科技有限公司' },
      });
      assert.equal(org.statusCode, 201, org.body);
      orgId = org.json().id;
    });
    after(async () => {
      await h?.close();
    });

    it('checks the example ride-hailing app: over-collection, refusal, undisclosed SDK, exposure', async (t) => {
      if (!h) return t.skip('database unavailable');
      const res = await officer.inject({ method: 'POST', url: url(), payload: EXAMPLE });
      assert.equal(res.statusCode, 201, res.body);
      const check = res.json() as AppCheckView;
      assert.equal(check.version, 1);
      assert.equal(check.appVersion, '5.2.1');
      assert.deepEqual(check.appTypeName, { zh: '网络约车类', en: 'Ride hailing' });
      assert.deepEqual(
        check.flags.map((f) => f.id),
        [
          'over_collection',
          'basic_function_refused',
          'sdk_undisclosed',
          'notice_incomplete',
          'sensitive_permission_no_purpose',
          'permission_without_function',
        ],
      );
      const over = check.flags[0]!;
      assert.deepEqual(over.subjects, ['通讯录']);
      assert.ok(over.citations.some((c) => c.instrumentId === 'cac-app-necessary-pi-2021'));
      assert.deepEqual(over.penaltyIds, ['pipl-66-1']);
      assert.deepEqual(check.flags[2]!.subjects, ['某广告 SDK']);
      assert.deepEqual(check.flags[3]!.subjects, ['third_party_list']);
      assert.deepEqual(check.summary, { high: 3, medium: 3, low: 0, total: 6 });
      assert.deepEqual(
        check.overCollected.map((o) => o.item),
        ['通讯录'],
      );
      assert.deepEqual(check.exposure.penaltyIds, ['pipl-66-1', 'pipl-66-2']);
      assert.equal(check.exposure.removalRisk, true);

      const list = await officer.inject({ url: url() });
      assert.equal(list.statusCode, 200, list.body);
      assert.deepEqual(
        (list.json() as AppCheckView[]).map((c) => [c.code, c.summary.total]),
        [['APP-RIDE-1', 6]],
      );
    });

    it('a fix clears the flags; a stale version is refused (409) and changes nothing', async (t) => {
      if (!h) return t.skip('database unavailable');
      const created = await officer.inject({
        method: 'POST',
        url: url(),
        payload: matrixAppCheck('APP-2'),
      });
      assert.equal(created.statusCode, 201, created.body);
      const c = created.json() as AppCheckView;
      assert.deepEqual(
        c.flags.map((f) => f.id),
        ['over_collection'],
      );
      const fixed = await officer.inject({
        method: 'PATCH',
        url: url(`/${c.id}`),
        payload: { version: c.version, collected: [c.collected[0]] },
      });
      assert.equal(fixed.statusCode, 200, fixed.body);
      assert.equal(fixed.json().version, 2);
      assert.deepEqual(fixed.json().flags, []);
      const stale = await officer.inject({
        method: 'PATCH',
        url: url(`/${c.id}`),
        payload: { version: 1, name: '旧名称' },
      });
      assert.equal(stale.statusCode, 409, stale.body);
      assert.equal(stale.json().code, 'VERSION_CONFLICT');
      const read = await officer.inject({ url: url(`/${c.id}`) });
      assert.equal(read.json().name, '快行约车');
      assert.equal(read.json().version, 2);
    });

    it('refuses an unknown app type, an unknown data category and a taken code, naming the fields', async (t) => {
      if (!h) return t.skip('database unavailable');
      const bad = matrixAppCheck('APP-3');
      const res = await officer.inject({
        method: 'POST',
        url: url(),
        payload: {
          ...bad,
          appType: 'taxi',
          collected: [{ ...bad.collected[0], piCategory: 'mobile_no' }],
        },
      });
      assert.equal(res.statusCode, 400, res.body);
      assert.deepEqual(pathsOf(res.body), ['appType', 'collected[0].piCategory']);
      assert.match(res.json().details[0].message, /not an app type/);
      assert.equal(res.json().details[0].code, 'app_check.unknown_app_type');
      const schema = await officer.inject({
        method: 'POST',
        url: url(),
        payload: { ...bad, checkedOn: '2026-02-30' },
      });
      assert.equal(schema.statusCode, 400, schema.body);
      const taken = await officer.inject({
        method: 'POST',
        url: url(),
        payload: matrixAppCheck('APP-2'),
      });
      assert.equal(taken.statusCode, 400, taken.body);
      assert.deepEqual(pathsOf(taken.body), ['code']);
      const list = await officer.inject({ url: url() });
      assert.deepEqual(
        (list.json() as AppCheckView[]).map((c) => c.code),
        ['APP-2', 'APP-RIDE-1'],
      );
    });

    it('stores the content encrypted, audits codes and counts only, deletes', async (t) => {
      if (!h) return t.skip('database unavailable');
      const list = (await officer.inject({ url: url() })).json() as AppCheckView[];
      const ride = list.find((c) => c.code === 'APP-RIDE-1')!;
      const row = await h!.store.db
        .selectFrom('app_checks')
        .selectAll()
        .where('id', '=', ride.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.code, 'APP-RIDE-1');
      assert.equal(row.checked_on, '2026-03-02');
      assert.ok(!row.content_enc.includes('通讯录'));
      assert.ok(!row.content_enc.includes('example.cn'));
      const deleted = await officer.inject({ method: 'DELETE', url: url(`/${ride.id}`) });
      assert.equal(deleted.statusCode, 204, deleted.body);
      assert.equal((await officer.inject({ url: url(`/${ride.id}`) })).statusCode, 404);
      const entries = await h!.store.db
        .selectFrom('audit_entries')
        .select(['action', 'changes'])
        .where('organisation_id', '=', orgId)
        .where('action', 'like', 'datasec.app_check.%')
        .execute();
      const actions = new Set(entries.map((e) => e.action));
      for (const a of ['create', 'update', 'delete'])
        assert.ok(actions.has(`datasec.app_check.${a}`), a);
      const text = entries.map((e) => e.changes).join('\n');
      assert.ok(text.includes('APP-RIDE-1'));
      for (const personal of ['通讯录', '某广告 SDK', 'example.cn', '王工', '定位上车点'])
        assert.ok(!text.includes(personal), `audit holds "${personal}"`);
    });

    it('serves the catalog: 39 types, 网络约车类 with its items', async (t) => {
      if (!h) return t.skip('database unavailable');
      const res = await officer.inject({ url: '/api/catalog/app-necessary-pi' });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.equal(body.types.length, 39);
      const ride = body.types.find((x: { id: string }) => x.id === 'ride_hailing');
      assert.deepEqual(
        ride.items.map((i: { nameZh: string }) => i.nameZh),
        [
          '注册用户移动电话号码',
          '出发地',
          '到达地（目的地）',
          '位置信息',
          '行踪轨迹',
          '支付时间、支付金额、支付渠道等支付信息',
        ],
      );
    });
  });
}
