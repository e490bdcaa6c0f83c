/**
 * The personal-information catalogs served to any signed-in user: the sensitive-information
 * classifier, the PIPIA questionnaire (sections with their questions), the penalty provisions
 * and the free-trade-zone negative lists; refused without a session.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_DIALECTS } from '../support';
import { startHarness, type Harness } from './harness';

for (const dialect of TEST_DIALECTS) {
  describe(`personal-information catalogs on ${dialect}`, () => {
    let h: Harness | null;
    const skip = () => h === null;
    before(async () => {
      h = await startHarness(dialect);
    });
    after(async () => {
      await h?.close();
    });

    it('serves the categories with their Art. 28 class', { skip: skip() }, async () => {
      const reader = await h!.user('reader.pi');
      const res = await reader.inject({ url: '/api/catalog/pi-categories' });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json() as {
        version: string;
        categories: {
          code: string;
          piplClass: string | null;
          piplClassZh: string | null;
          sensitive: boolean;
          gbt35273Sensitive: boolean;
          citations: { instrumentId: string }[];
        }[];
      };
      assert.match(body.version, /^\d{4}\.\d+\.\d+$/);
      const face = body.categories.find((c) => c.code === 'face_features');
      assert.equal(face?.piplClass, 'biometric');
      assert.equal(face?.piplClassZh, '生物识别信息');
      assert.equal(face?.sensitive, true);
      const id = body.categories.find((c) => c.code === 'id_card_number');
      assert.equal(id?.sensitive, false);
      assert.equal(id?.gbt35273Sensitive, true);
      const anonymous = await h!.app.inject({ url: '/api/catalog/pi-categories' });
      assert.equal(anonymous.statusCode, 401);
    });

    it('serves the questionnaire with questions nested in sections', { skip: skip() }, async () => {
      const reader = await h!.user('reader.pipia');
      const res = await reader.inject({ url: '/api/catalog/pipia-questionnaire' });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json() as {
        version: string;
        sections: { id: string; questions: { id: string; appliesWhen: string[] }[] }[];
        riskMatrix: { impact: Record<string, Record<string, string>> };
      };
      const abroad = body.sections.find((s) => s.id === 'abroad');
      assert.ok(abroad && abroad.questions.every((q) => q.appliesWhen.includes('transfer_abroad')));
      assert.ok(body.sections.find((s) => s.id === 'lawfulness')?.questions.length);
      assert.equal(body.riskMatrix.impact.severe?.high, 'severe');
      const anonymous = await h!.app.inject({ url: '/api/catalog/pipia-questionnaire' });
      assert.equal(anonymous.statusCode, 401);
    });

    it('serves the penalty provisions', { skip: skip() }, async () => {
      const reader = await h!.user('reader.penalties');
      const res = await reader.inject({ url: '/api/catalog/penalties' });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json() as {
        items: { id: string; organisation: { fineMaxCny: number | null } }[];
        total: number;
      };
      assert.equal(body.total, body.items.length);
      assert.equal(
        body.items.find((p) => p.id === 'pipl-66-2')?.organisation.fineMaxCny,
        50_000_000,
      );
      const anonymous = await h!.app.inject({ url: '/api/catalog/penalties' });
      assert.equal(anonymous.statusCode, 401);
    });

    it('serves the free-trade-zone negative lists', { skip: skip() }, async () => {
      const reader = await h!.user('reader.ftz');
      const res = await reader.inject({ url: '/api/catalog/ftz-negative-lists' });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json() as {
        version: string;
        items: { id: string; zoneZh: string; effectiveFrom: string }[];
        total: number;
      };
      assert.equal(body.total, body.items.length);
      const tianjin = body.items.find((l) => l.id === 'tianjin-2024');
      assert.equal(tianjin?.effectiveFrom, '2024-05-08');
      assert.equal(tianjin?.zoneZh, '中国（天津）自由贸易试验区');
      const anonymous = await h!.app.inject({ url: '/api/catalog/ftz-negative-lists' });
      assert.equal(anonymous.statusCode, 401);
    });
  });
}
