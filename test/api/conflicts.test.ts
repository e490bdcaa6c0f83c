import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { TEST_DIALECTS } from '../support';
import { startHarness, type Client, type Harness } from './harness';

/**
 * Two (or more) clients create the same thing at the same moment. Exactly one wins; every other
 * gets a 409 that names what clashed — never a 500 (on PostgreSQL a failed INSERT aborts the
 * transaction, so the loser must not run another query in it).
 */
const RACERS = 6;

function outcome(responses: readonly LightMyRequestResponse[]) {
  const codes = responses.map((r) => r.statusCode);
  return {
    codes,
    winners: codes.filter((c) => c >= 200 && c < 300).length,
    losers: responses.filter((r) => r.statusCode >= 400),
  };
}

for (const dialect of TEST_DIALECTS) {
  describe(`concurrent creates on ${dialect}`, () => {
    let h: Harness | null;
    let owner: Client;
    let orgId: string;
    let assessmentId: string;
    let serverId: string;

    before(async () => {
      h = await startHarness(dialect);
      if (!h) return;
      owner = await h.user('wang.fang', { admin: true });
      const json = async (method: 'POST' | 'PUT', url: string, payload?: object) => {
        const res = await owner.inject({ method, url, ...(payload ? { payload } : {}) });
        assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
        return res.json();
      };
      orgId = (await json('POST', '/api/organisations', { name: '某省人民医院' })).id;
      const org = (p: string) => `/api/organisations/${orgId}${p}`;
      const system = await json('POST', org('/systems'), {
        name: '电子病历系统（EMR）',
        types: ['ordinary_system'],
      });
      await json('POST', org(`/systems/${system.id}/gradings`), {
        businessInformation: [{ object: 'social_order_public_interest', degree: 'serious' }],
        systemService: [{ object: 'social_order_public_interest', degree: 'serious' }],
        gradedOn: '2026-01-05',
        reason: '三级医院核心业务系统',
        version: system.version,
      });
      assessmentId = (
        await json('POST', org(`/systems/${system.id}/assessments`), { title: '2026年度等级测评' })
      ).id;
      serverId = (
        await json('POST', org(`/assessments/${assessmentId}/objects`), {
          name: 'EMR应用服务器',
          kind: 'server',
        })
      ).id;
    });
    after(async () => {
      await h?.close();
    });

    const org = (p: string) => `/api/organisations/${orgId}${p}`;
    const a = (p: string) => org(`/assessments/${assessmentId}${p}`);

    it('one of several identical result creates wins; the others get VERSION_CONFLICT naming the result', async (t) => {
      if (!h) return t.skip('database unavailable');
      for (const requirementId of ['8.1.4.1-a', '8.1.4.1-b', '8.1.4.1-c', '8.1.4.1-d']) {
        const res = await Promise.all(
          Array.from({ length: RACERS }, (_, i) =>
            owner.inject({
              method: 'PUT',
              url: a(`/results/${requirementId}/${serverId}`),
              payload: { version: 0, result: 'non_compliant', record: `记录${i}` },
            }),
          ),
        );
        const { codes, winners, losers } = outcome(res);
        assert.equal(winners, 1, `${requirementId}: ${codes.join(',')} ${res.map((r) => r.body)}`);
        for (const loser of losers) {
          assert.equal(loser.statusCode, 409, loser.body);
          assert.equal(loser.json().code, 'VERSION_CONFLICT');
          assert.match(
            loser.json().message,
            new RegExp(`result ${requirementId.replace('.', '\\.')}`),
          );
          assert.equal(loser.json().currentVersion, 1);
        }
      }
    });

    it('one of several identical bulk result creates wins (all or nothing for the others)', async (t) => {
      if (!h) return t.skip('database unavailable');
      const rows = ['8.1.4.2-a', '8.1.4.2-b', '8.1.4.2-c'].map((requirementId) => ({
        requirementId,
        objectId: serverId,
        version: 0,
        result: 'compliant',
      }));
      const res = await Promise.all(
        Array.from({ length: RACERS }, () =>
          owner.inject({ method: 'POST', url: a('/results'), payload: { rows } }),
        ),
      );
      const { codes, winners, losers } = outcome(res);
      assert.equal(winners, 1, codes.join(','));
      for (const loser of losers) assert.equal(loser.statusCode, 409, loser.body);
    });

    it('one of several identical finding-note creates wins; the others get VERSION_CONFLICT', async (t) => {
      if (!h) return t.skip('database unavailable');
      for (const requirementId of ['8.1.4.1-a', '8.1.4.1-b', '8.1.4.1-c', '8.1.4.1-d']) {
        const res = await Promise.all(
          Array.from({ length: RACERS }, (_, i) =>
            owner.inject({
              method: 'PUT',
              url: a(`/findings/${requirementId}`),
              payload: { version: 0, risk: 'medium', description: `说明${i}` },
            }),
          ),
        );
        const { codes, winners, losers } = outcome(res);
        assert.equal(winners, 1, `${requirementId}: ${codes.join(',')} ${res.map((r) => r.body)}`);
        for (const loser of losers) {
          assert.equal(loser.statusCode, 409, loser.body);
          assert.equal(loser.json().code, 'VERSION_CONFLICT');
          assert.match(loser.json().message, /finding/);
          assert.equal(loser.json().currentVersion, 1);
        }
      }
      const findings = await owner.inject({ method: 'GET', url: a('/findings') });
      assert.equal(findings.statusCode, 200);
    });

    it('concurrent "generate rectification items" all succeed and create each item once', async (t) => {
      if (!h) return t.skip('database unavailable');
      const res = await Promise.all(
        Array.from({ length: RACERS }, () =>
          owner.inject({ method: 'POST', url: a('/rectifications') }),
        ),
      );
      for (const r of res) assert.ok(r.statusCode < 300, `${r.statusCode} ${r.body}`);
      const list = await owner.inject({
        method: 'GET',
        url: org(`/rectifications?assessmentId=${assessmentId}`),
      });
      const ids = ((list.json().items ?? list.json()) as { requirementId: string }[]).map(
        (i) => i.requirementId,
      );
      assert.equal(new Set(ids).size, ids.length, `an item twice: ${ids.join(',')}`);
      assert.ok(ids.length >= 4, list.body);
    });

    it('a note on a requirement that is not a finding is a 404 and stores nothing', async (t) => {
      if (!h) return t.skip('database unavailable');
      // 8.1.4.2-a was recorded compliant above.
      for (let i = 0; i < 2; i++) {
        const res = await owner.inject({
          method: 'PUT',
          url: a('/findings/8.1.4.2-a'),
          payload: { version: 0, risk: 'low' },
        });
        assert.equal(res.statusCode, 404, `attempt ${i + 1}: ${res.body}`);
      }
    });

    it('one of several identical CII core businesses, assets and members wins; the others are refused by name', async (t) => {
      if (!h) return t.skip('database unavailable');
      const cases: [string, string, (i: number) => object, RegExp][] = [
        [
          'core business',
          org('/cii/core-businesses'),
          () => ({ name: '电力调度', sector: 'energy' }),
          /电力调度/,
        ],
        [
          'asset',
          org('/cii/assets'),
          (i) => ({ code: 'EMS-01', name: `能量管理系统${i}`, kind: 'information_system' }),
          /EMS-01/,
        ],
      ];
      for (const [what, url, payload, named] of cases) {
        const res = await Promise.all(
          Array.from({ length: RACERS }, (_, i) =>
            owner.inject({ method: 'POST', url, payload: payload(i) }),
          ),
        );
        const { codes, winners, losers } = outcome(res);
        assert.equal(winners, 1, `${what}: ${codes.join(',')}`);
        for (const loser of losers) {
          // Checked before the insert: 400 naming the field; lost the race at the insert: 409.
          assert.ok([400, 409].includes(loser.statusCode), `${what}: ${loser.body}`);
          assert.match(loser.body, named);
        }
      }
      await h.user('zhao.lei');
      const res = await Promise.all(
        Array.from({ length: RACERS }, () =>
          owner.inject({
            method: 'POST',
            url: org('/members'),
            payload: { username: 'zhao.lei', role: 'viewer' },
          }),
        ),
      );
      const { codes, winners, losers } = outcome(res);
      assert.equal(winners, 1, codes.join(','));
      for (const loser of losers) assert.equal(loser.statusCode, 409, loser.body);
    });
  });
}
