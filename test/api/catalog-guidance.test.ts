import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_DIALECTS } from '../support';
import { startHarness, type Client, type Harness } from './harness';

interface GuidanceAnswer {
  requirementId: string;
  guidance: {
    testId: string | null;
    steps: { zh: string; en: string }[];
    expected: { zh: string; en: string };
    judgement: { zh: string; en: string };
    source: string;
  } | null;
}

for (const dialect of TEST_DIALECTS) {
  describe(`catalog test guidance API on ${dialect}`, () => {
    let h: Harness | null;
    let assessor: Client;

    before(async () => {
      h = await startHarness(dialect);
      if (!h) return;
      assessor = await h.user('li.jing');
    });
    after(async () => {
      await h?.close();
    });

    it('needs a signed-in user', async (t) => {
      if (!h) return t.skip('database unavailable');
      const res = await h.app.inject({
        method: 'GET',
        url: '/api/catalog/requirements/8.1.4.1-d/guidance',
      });
      assert.equal(res.statusCode, 401);
    });

    it('answers the steps, expected result and judgement of a level-3 requirement', async (t) => {
      if (!h) return t.skip('database unavailable');
      const res = await assessor.inject({
        method: 'GET',
        url: '/api/catalog/requirements/8.1.4.1-d/guidance',
      });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json() as GuidanceAnswer;
      assert.equal(body.requirementId, '8.1.4.1-d');
      assert.equal(body.guidance?.testId, 'L3-CES1-04');
      assert.equal(body.guidance?.source, 'GB/T 28448-2019 L3-CES1-04');
      assert.ok((body.guidance?.steps.length ?? 0) >= 2);
      assert.match(body.guidance?.judgement.zh ?? '', /不符合/);
    });

    it('answers null for a requirement without guidance and 404 for an unknown one', async (t) => {
      if (!h) return t.skip('database unavailable');
      const cloudItem = h.ctx.catalog.requirements.find(
        (r) => r.extension === 'cloud' && r.levels.some((l) => l.level === 3),
      );
      assert.ok(cloudItem);
      const none = await assessor.inject({
        method: 'GET',
        url: `/api/catalog/requirements/${cloudItem.id}/guidance`,
      });
      assert.equal(none.statusCode, 200, none.body);
      assert.equal((none.json() as GuidanceAnswer).guidance, null);
      const unknown = await assessor.inject({
        method: 'GET',
        url: '/api/catalog/requirements/8.1.4.1-z/guidance',
      });
      assert.equal(unknown.statusCode, 404, unknown.body);
      const bad = await assessor.inject({
        method: 'GET',
        url: '/api/catalog/requirements/not-an-id/guidance',
      });
      assert.equal(bad.statusCode, 400, bad.body);
    });
  });
}
