import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { WorkbookDto } from '../../src/shared/api-types';
import { TEST_DIALECTS } from '../support';
import { startHarness, type Client, type Harness } from './harness';
import { WORDING_CSV } from './wording-fixtures';

/**
 * The organisation's own copy of the standard's wording through the API: uploaded as the raw body
 * (CSV, .xlsx, JSON), listed, shown in the workbook and its Excel export, cleared; writers only;
 * never visible to another organisation.
 */
for (const dialect of TEST_DIALECTS) {
  describe(`requirement wording API on ${dialect}`, () => {
    let h: Harness | null;
    let owner: Client;
    let viewer: Client;
    let outsider: Client;
    let orgId: string;
    let assessmentId: string;
    const url = (path = '') => `/api/organisations/${orgId}/requirement-wording${path}`;

    before(async () => {
      h = await startHarness(dialect);
      if (!h) return;
      owner = await h.user('chen.jing', { admin: true });
      outsider = await h.user('wang.fang', { admin: true });
      viewer = await h.user('li.na');
      orgId = (
        await owner.inject({
          method: 'POST',
          url: '/api/organisations',
          payload: { name: '某市第一人民医院' },
        })
      ).json().id;
      await outsider.inject({
        method: 'POST',
        url: '/api/organisations',
        payload: { name: '某城市商业银行' },
      });
      await owner.inject({
        method: 'POST',
        url: `/api/organisations/${orgId}/members`,
        payload: { username: 'li.na', role: 'viewer' },
      });
      const systemId = (
        await owner.inject({
          method: 'POST',
          url: `/api/organisations/${orgId}/systems`,
          payload: { name: '医院信息系统（HIS）', types: ['ordinary_system'] },
        })
      ).json().id;
      const graded = await owner.inject({
        method: 'POST',
        url: `/api/organisations/${orgId}/systems/${systemId}/gradings`,
        payload: {
          businessInformation: [{ object: 'social_order_public_interest', degree: 'serious' }],
          systemService: [{ object: 'social_order_public_interest', degree: 'serious' }],
          gradedOn: '2026-01-05',
          reason: 'HIS中断将影响全院诊疗秩序',
          version: 1,
        },
      });
      assert.equal(graded.statusCode, 201, graded.statusMessage);
      const created = await owner.inject({
        method: 'POST',
        url: `/api/organisations/${orgId}/systems/${systemId}/assessments`,
        payload: { title: '2026年度等级测评' },
      });
      assert.equal(created.statusCode, 201, created.body);
      assessmentId = created.json().id;
      const object = await owner.inject({
        method: 'POST',
        url: `/api/organisations/${orgId}/assessments/${assessmentId}/objects`,
        payload: { name: 'HIS应用服务器', kind: 'server' },
      });
      assert.equal(object.statusCode, 201, object.body);
    });
    after(async () => h?.close());

    it('uploads, lists, shows in the workbook and Excel, and clears', async (t) => {
      if (!h) return t.skip('database unavailable');
      // A workbook served (and cached by revision) before the wording is loaded…
      const workbookUrl = `/api/organisations/${orgId}/assessments/${assessmentId}/workbook`;
      const first = await owner.inject({ url: workbookUrl });
      assert.equal(first.statusCode, 200);
      assert.ok((first.json() as WorkbookDto).rows.every((r) => r.standardText === null));
      const etag = first.headers.etag;
      const empty = await owner.inject({ url: url() });
      assert.equal(empty.statusCode, 200);
      assert.deepEqual(empty.json(), { count: 0, items: [] });

      // A dry run stores nothing.
      const dry = await owner.inject({
        method: 'PUT',
        url: url('?name=wording.csv&dryRun=true'),
        headers: { 'content-type': 'text/csv' },
        payload: WORDING_CSV,
      });
      assert.equal(dry.statusCode, 200, dry.body);
      assert.deepEqual(dry.json(), {
        entries: 1,
        created: 1,
        updated: 0,
        unchanged: 0,
        dryRun: true,
      });
      assert.equal((await owner.inject({ url: url() })).json().count, 0);

      const put = await owner.inject({
        method: 'PUT',
        url: url('?name=wording.csv'),
        headers: { 'content-type': 'text/csv' },
        payload: WORDING_CSV,
      });
      assert.equal(put.statusCode, 200, put.body);
      assert.equal(put.json().created, 1);

      // An .xlsx as octet-stream, level 3 by its clause.
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('原文');
      sheet.addRow(['条款', '标准原文']);
      sheet.addRow(['8.1.4.2 a)', '【本单位标准文本】访问控制（示例文本）']);
      const xlsx = await owner.inject({
        method: 'PUT',
        url: url('?name=gbt22239.xlsx&source=licensed_copy'),
        headers: { 'content-type': 'application/octet-stream' },
        payload: Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer),
      });
      assert.equal(xlsx.statusCode, 200, xlsx.body);

      // JSON as a plain JSON body.
      const json = await owner.inject({
        method: 'PUT',
        url: url('?name=wording.json&source=workbook'),
        payload: [{ requirementId: '8.1.4.3-a', level: 3, text: '安全审计（示例文本）' }],
      });
      assert.equal(json.statusCode, 200, json.body);

      const list = (await viewer.inject({ url: url() })).json();
      assert.equal(list.count, 3);
      assert.deepEqual(
        list.items.map((w: { requirementId: string; level: number | null; source: string }) => [
          w.requirementId,
          w.level,
          w.source,
        ]),
        [
          ['8.1.4.1-a', null, 'licensed_copy'],
          ['8.1.4.2-a', 3, 'licensed_copy'],
          ['8.1.4.3-a', 3, 'workbook'],
        ],
      );

      // …is not served from the cache afterwards.
      const fresh = await owner.inject({
        url: workbookUrl,
        headers: etag ? { 'if-none-match': String(etag) } : {},
      });
      assert.equal(fresh.statusCode, 200);
      const workbook: WorkbookDto = fresh.json();
      assert.equal(
        workbook.rows.find((r) => r.requirementId === '8.1.4.2-a')?.standardText,
        '【本单位标准文本】访问控制（示例文本）',
      );
      const exported = await owner.inject({
        url: `/api/organisations/${orgId}/assessments/${assessmentId}/export.xlsx`,
      });
      assert.equal(exported.statusCode, 200);
      const out = new ExcelJS.Workbook();
      await out.xlsx.load(exported.rawPayload as unknown as ExcelJS.Buffer);
      const headers = (out.getWorksheet('HIS应用服务器')?.getRow(1).values as unknown[]).map(
        String,
      );
      assert.ok(headers.includes('标准原文'));

      const cleared = await owner.inject({ method: 'DELETE', url: url() });
      assert.equal(cleared.statusCode, 200);
      assert.deepEqual(cleared.json(), { deleted: 3 });
      assert.equal((await owner.inject({ url: url() })).json().count, 0);
    });

    it('refuses bad files with every problem, readers cannot write, other organisations see nothing', async (t) => {
      if (!h) return t.skip('database unavailable');
      const bad = await owner.inject({
        method: 'PUT',
        url: url('?name=bad.csv'),
        headers: { 'content-type': 'text/csv' },
        payload: '编号,原文\n8.9.9.9-z,文本\n8.1.4.1-a,\n',
      });
      assert.equal(bad.statusCode, 400);
      const body = bad.json();
      assert.equal(body.code, 'VALIDATION_FAILED');
      assert.deepEqual(
        body.details.map((d: { path: string }) => d.path),
        ['row 2 column 编号', 'row 3 column 原文'],
      );
      assert.match(body.messageZh ?? '', /未保存任何内容/);

      const asViewer = await viewer.inject({
        method: 'PUT',
        url: url('?name=wording.csv'),
        headers: { 'content-type': 'text/csv' },
        payload: WORDING_CSV,
      });
      assert.equal(asViewer.statusCode, 403);
      assert.equal((await viewer.inject({ method: 'DELETE', url: url() })).statusCode, 403);

      await owner.inject({
        method: 'PUT',
        url: url('?name=wording.csv'),
        headers: { 'content-type': 'text/csv' },
        payload: WORDING_CSV,
      });
      const foreign = await outsider.inject({ url: url() });
      assert.equal(foreign.statusCode, 404);
      const write = await outsider.inject({ method: 'DELETE', url: url() });
      assert.equal(write.statusCode, 404);
      assert.equal((await owner.inject({ url: url() })).json().count, 1);
    });
  });
}
