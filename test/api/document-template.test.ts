import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { DocumentTemplateDto } from '../../src/shared/document-template-schemas';
import { OVERRIDABLE_BLOCKS } from '../../src/reports/documents/overridable-blocks';
import { TEST_DIALECTS } from '../support';
import { startHarness, type Client, type Harness } from './harness';
import { solidPng } from './document-template-fixtures';

/**
 * 文书模板 through the API: the blocks with their defaults, an organisation's text per language
 * (round trip, reset, stale version, unknown key, bad text), the logo (stored and served back
 * byte for byte; wrong type, oversize and oversized pixels refused), who may change it, and the
 * audit entries (lengths, never the logo's bytes).
 */
const line = OVERRIDABLE_BLOCKS.find((b) => !b.multiline);
const paragraph = OVERRIDABLE_BLOCKS.find((b) => b.multiline);

for (const dialect of TEST_DIALECTS) {
  describe(`document template API on ${dialect}`, () => {
    let h: Harness | null;
    let owner: Client;
    let viewer: Client;
    let orgId: string;
    const url = (path = '') => `/api/organisations/${orgId}/document-template${path}`;
    const template = async (who: Client = owner) => {
      const res = await who.inject({ url: url() });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as DocumentTemplateDto;
    };
    const blockOf = (t: DocumentTemplateDto, key: string) =>
      t.documents.flatMap((d) => d.blocks).find((b) => b.key === key);

    before(async () => {
      h = await startHarness(dialect);
      if (!h) return;
      owner = await h.user('chen.jing', { admin: true });
      orgId = (
        await owner.inject({
          method: 'POST',
          url: '/api/organisations',
          payload: { name: '某市第一人民医院' },
        })
      ).json().id;
      await h.user('li.na');
      await owner.inject({
        method: 'POST',
        url: `/api/organisations/${orgId}/members`,
        payload: { username: 'li.na', role: 'viewer' },
      });
      viewer = await h.signIn('li.na');
    });
    after(async () => h?.close());

    it('lists every block the documents offer, with both defaults, grouped by document', async (t) => {
      if (!h) return t.skip('database unavailable');
      const got = await template(viewer);
      const keys = got.documents.flatMap((d) => d.blocks.map((b) => b.key));
      assert.deepEqual([...keys].sort(), OVERRIDABLE_BLOCKS.map((b) => b.key).sort());
      for (const d of got.documents) {
        assert.ok(d.label.zh && d.label.en, d.document);
        for (const b of d.blocks) {
          assert.ok(b.key.startsWith(`${d.document}.`), b.key);
          assert.equal(typeof b.defaults.zh, 'string', `${b.key} defaults`);
          assert.equal(b.zh, null);
          assert.equal(b.version, 0);
        }
      }
      assert.equal(got.logo, null);
      assert.equal(got.limits.logoMaxBytes, 512 * 1024);
    });

    it('sets, reads back and resets a block per language; a stale version is a 409', async (t) => {
      if (!h) return t.skip('database unavailable');
      if (!line) return t.skip('no single-line block offered by the builders yet');
      const put = (payload: object, who: Client = owner) =>
        who.inject({ method: 'PUT', url: url(`/blocks/${line.key}`), payload });

      const zhOnly = await put({ zh: '  某某测评中心（盖章）  ', version: 0 });
      assert.equal(zhOnly.statusCode, 200, zhOnly.body);
      assert.equal(zhOnly.json().zh, '某某测评中心（盖章）', 'trimmed');
      assert.equal(zhOnly.json().en, null);
      assert.equal(zhOnly.json().version, 1);
      assert.equal(zhOnly.json().oneLanguageOnly, true);
      assert.deepEqual((await template()).oneLanguageOnly, [line.key], '中英文不一致');

      const stale = await put({ en: 'Someone else', version: 0 });
      assert.equal(stale.statusCode, 409, stale.body);
      assert.equal(stale.json().code, 'VERSION_CONFLICT');
      assert.equal(stale.json().currentVersion, 1);

      const both = await put({ en: 'Example Testing Centre (seal)', version: 1 });
      assert.equal(both.statusCode, 200, both.body);
      assert.equal(both.json().version, 2);
      assert.equal(both.json().oneLanguageOnly, false);
      const read = blockOf(await template(viewer), line.key)!;
      assert.equal(read.zh, '某某测评中心（盖章）');
      assert.equal(read.en, 'Example Testing Centre (seal)');
      assert.equal(read.updatedBy, 'chen.jing');
      assert.deepEqual((await template()).oneLanguageOnly, []);

      // The same text again changes nothing (and is not audited).
      const same = await put({ zh: '某某测评中心（盖章）', version: 2 });
      assert.equal(same.json().version, 2);

      const reset = await put({ zh: '', en: '', version: 2 });
      assert.equal(reset.statusCode, 200, reset.body);
      assert.equal(reset.json().zh, null);
      assert.equal(reset.json().en, null);
      assert.equal(reset.json().version, 3, 'a reset still moves the version on');
      const afterReset = blockOf(await template(), line.key)!;
      assert.equal(afterReset.zh, null);
      assert.equal(afterReset.version, 3);

      // Two saves of the same version at once: one wins, the other is told (never a lost update).
      const race = await Promise.all([
        put({ zh: '甲的文本', version: 3 }),
        put({ zh: '乙的文本', version: 3 }),
      ]);
      assert.deepEqual(
        race.map((r) => r.statusCode).sort(),
        [200, 409],
        race.map((r) => r.body).join(),
      );
      const winner = race.find((r) => r.statusCode === 200)!.json().zh;
      assert.equal(blockOf(await template(), line.key)!.zh, winner);
      const back = await put({ zh: '', version: 4 });
      assert.equal(back.json().version, 5);

      const forbidden = await put({ zh: '查看者改不了', version: 5 }, viewer);
      assert.equal(forbidden.statusCode, 403, forbidden.body);
    });

    it('refuses unknown keys by name, control characters, line breaks in a line and over-long text', async (t) => {
      if (!h) return t.skip('database unavailable');
      const unknown = await owner.inject({
        method: 'PUT',
        url: url('/blocks/assessment.no_such_block'),
        payload: { zh: '随便写', version: 0 },
      });
      assert.equal(unknown.statusCode, 400, unknown.body);
      assert.match(unknown.json().message, /assessment\.no_such_block/);
      assert.equal(unknown.json().details[0].path, 'key');
      assert.equal(unknown.json().details[0].code, 'template.block_unknown');
      assert.match(unknown.json().details[0].messageZh, /assessment\.no_such_block 不是可调整/);

      if (!line) return;
      const put = (payload: object) =>
        owner.inject({ method: 'PUT', url: url(`/blocks/${line.key}`), payload });
      const bell = await put({ zh: '响铃\u0007', version: 5 });
      assert.equal(bell.statusCode, 400, bell.body);
      const broken = await put({ zh: '第一行\n第二行', version: 5 });
      assert.equal(broken.statusCode, 400, broken.body);
      assert.equal(broken.json().details[0].code, 'template.text_single_line');
      assert.equal(broken.json().details[0].path, 'zh');
      const long = await put({ en: 'x'.repeat(201), version: 5 });
      assert.equal(long.statusCode, 400, long.body);
      assert.equal(long.json().details[0].code, 'template.text_too_long');
      const nothing = await put({ version: 5 });
      assert.equal(nothing.statusCode, 400, nothing.body);
      assert.equal(nothing.json().details[0].code, 'template.lang_missing');

      if (!paragraph) return;
      const lines = await owner.inject({
        method: 'PUT',
        url: url(`/blocks/${paragraph.key}`),
        payload: { zh: '一、本报告仅对被测对象有效。\r\n二、未经书面同意不得复制。', version: 0 },
      });
      assert.equal(lines.statusCode, 200, lines.body);
      assert.equal(lines.json().zh, '一、本报告仅对被测对象有效。\n二、未经书面同意不得复制。');
    });

    it('stores the logo, serves it back byte for byte, and refuses other files', async (t) => {
      if (!h) return t.skip('database unavailable');
      const png = solidPng(320, 120, [180, 20, 30]);
      const upload = (body: Buffer, type = 'image/png', query = '', who: Client = owner) =>
        who.inject({
          method: 'PUT',
          url: url(`/logo${query}`),
          headers: { 'content-type': type },
          payload: body,
        });

      const stored = await upload(png, 'application/octet-stream', '?version=0');
      assert.equal(stored.statusCode, 200, stored.body);
      assert.equal(stored.json().mediaType, 'image/png', 'the bytes decide the type');
      assert.equal(stored.json().width, 320);
      assert.equal(stored.json().height, 120);
      assert.equal(stored.json().size, png.length);
      const sm3 = createHash('sm3').update(png).digest('hex');
      assert.equal(stored.json().sm3, sm3);

      const back = await viewer.inject({ url: url('/logo') });
      assert.equal(back.statusCode, 200);
      assert.equal(back.headers['content-type'], 'image/png');
      assert.equal(back.headers['x-content-sm3'], sm3);
      assert.ok(back.rawPayload.equals(png));
      assert.equal((await template(viewer)).logo?.version, 1);

      const stale = await upload(png, 'image/png', '?version=0');
      assert.equal(stale.statusCode, 409, stale.body);

      const gif = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(64)]);
      const notPicture = await upload(gif, 'image/png');
      assert.equal(notPicture.statusCode, 400, notPicture.body);
      assert.equal(notPicture.json().details[0].code, 'template.logo_type');

      const padded = Buffer.concat([png, Buffer.alloc(520 * 1024)]);
      const tooBig = await upload(padded);
      assert.equal(tooBig.statusCode, 400, tooBig.body);
      assert.equal(tooBig.json().details[0].code, 'template.logo_too_large');
      const huge = await upload(Buffer.concat([png, Buffer.alloc(2 * 1024 * 1024)]));
      assert.equal(huge.statusCode, 413, 'refused unread');

      const wide = Buffer.from(png);
      wide.writeUInt32BE(3000, 16); // IHDR width
      const tooWide = await upload(wide);
      assert.equal(tooWide.statusCode, 400, tooWide.body);
      assert.equal(tooWide.json().details[0].code, 'template.logo_pixels');
      assert.match(tooWide.json().details[0].messageZh, /3000×120/);

      const truncated = await upload(png.subarray(0, 12));
      assert.equal(truncated.statusCode, 400, truncated.body);
      assert.equal(truncated.json().details[0].code, 'template.logo_damaged');

      assert.equal((await upload(png, 'image/png', '', viewer)).statusCode, 403);
      // Nothing refused replaced the stored logo.
      assert.equal((await template()).logo?.sm3, sm3);

      const removed = await owner.inject({ method: 'DELETE', url: url('/logo?version=1') });
      assert.equal(removed.statusCode, 204, removed.body);
      assert.equal((await owner.inject({ url: url('/logo') })).statusCode, 404);
      assert.equal((await template()).logo, null);
    });

    it('audits every change with the block and lengths, never the logo bytes', async (t) => {
      if (!h) return t.skip('database unavailable');
      const res = await owner.inject({ url: `/api/organisations/${orgId}/audit?limit=200` });
      assert.equal(res.statusCode, 200, res.body);
      const entries = (res.json().items ?? res.json().entries ?? res.json()) as {
        action: string;
        entityId: string | null;
        changes: Record<string, { before: unknown; after: unknown }>;
      }[];
      const blocks = entries.filter((e) => e.action === 'document_template.block.update');
      if (line) {
        // The first change (the log lists the newest first): zh from the default to 10 characters.
        const first = blocks.filter((e) => e.entityId === line.key).at(-1);
        assert.ok(first, JSON.stringify(blocks));
        assert.deepEqual(first.changes.zh_length, {
          before: null,
          after: '某某测评中心（盖章）'.length,
        });
        assert.equal(first.changes.en_length, undefined, 'en untouched');
        assert.equal(first.changes.block!.after, line.key);
        // set zh, set en, reset both, the race's winner, reset (the unchanged save wrote nothing)
        assert.equal(blocks.filter((e) => e.entityId === line.key).length, 5);
      }
      const logo = entries.filter((e) => e.action.startsWith('document_template.logo.'));
      assert.deepEqual(logo.map((e) => e.action).sort(), [
        'document_template.logo.delete',
        'document_template.logo.update',
      ]);
      assert.ok(!JSON.stringify(logo).includes('iVBOR'), 'no base64 picture in the log');
      assert.equal(logo.find((e) => e.action.endsWith('update'))!.changes.width!.after, 320);
    });
  });
}
