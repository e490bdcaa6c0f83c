/**
 * Issue 12, part 7: exports that stay data. A system named `=HYPERLINK(…)` and texts starting with
 * `+`, `-`, `@`, tab or CR come out of every xlsx export as text cells with a leading quote —
 * never a formula, never a string Excel turns into one when the cell is edited — and our own
 * workbooks still import back unchanged. (The web's CSV exports: test/web-csv.test.ts.)
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { TEST_DIALECTS } from '../support';
import { startHarness, type Client, type Harness } from './harness';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SYSTEM = '=HYPERLINK("http://x","y")';
const DESCRIPTION = "\r=cmd|' /C calc'!A0";
const OBJECT = '@SUM(A1)';
const RECORD = '-1+1：口令策略未启用';
const NOTE = '+86 10 1234 5678 联系运维';
const ASSET = '=1+2 数据库';
const ASSET_NOTE = '@远程运维';

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return book;
}

/** Every cell of every sheet: no formula, no text a spreadsheet would take for one. */
function assertAllData(book: ExcelJS.Workbook, what: string): string[] {
  const texts: string[] = [];
  for (const sheet of book.worksheets) {
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const where = `${what} ${sheet.name}!${cell.address}`;
        assert.notEqual(cell.type, ExcelJS.ValueType.Formula, where);
        assert.notEqual(cell.type, ExcelJS.ValueType.SharedString, where);
        if (typeof cell.value === 'string') {
          assert.doesNotMatch(cell.value, /^[=+\-@\t\r]/, `${where}: ${cell.value}`);
          texts.push(cell.value);
        }
      }),
    );
  }
  return texts;
}

for (const dialect of TEST_DIALECTS) {
  describe(`exports that stay data on ${dialect}`, () => {
    let h: Harness | null;
    let owner: Client;
    let orgId: string;
    let assessmentId: string;
    const url = (path: string) => `/api/organisations/${orgId}${path}`;
    const xlsx = async (path: string) => {
      const res = await owner.inject({ url: url(path) });
      assert.equal(res.statusCode, 200, res.body);
      assert.match(String(res.headers['content-type']), /spreadsheetml/);
      return res.rawPayload;
    };

    before(async () => {
      h = await startHarness(dialect);
      if (!h) return;
      owner = await h.user('sun.hao', { admin: true });
      orgId = (
        await owner.inject({
          method: 'POST',
          url: '/api/organisations',
          payload: { name: '某省政务云' },
        })
      ).json().id;
      const system = await owner.inject({
        method: 'POST',
        url: url('/systems'),
        payload: { name: SYSTEM, types: ['ordinary_system'], description: DESCRIPTION },
      });
      assert.equal(system.statusCode, 201, system.body);
      const graded = await owner.inject({
        method: 'POST',
        url: url(`/systems/${system.json().id}/gradings`),
        payload: {
          businessInformation: [{ object: 'social_order_public_interest', degree: 'serious' }],
          systemService: [{ object: 'social_order_public_interest', degree: 'serious' }],
          gradedOn: '2026-01-05',
          reason: '政务服务',
          version: system.json().version,
        },
      });
      assert.equal(graded.statusCode, 201, graded.body);
      assessmentId = (
        await owner.inject({
          method: 'POST',
          url: url(`/systems/${system.json().id}/assessments`),
          payload: { title: '2026年度等级测评' },
        })
      ).json().id;
      const object = await owner.inject({
        method: 'POST',
        url: url(`/assessments/${assessmentId}/objects`),
        payload: { name: OBJECT, kind: 'server' },
      });
      assert.equal(object.statusCode, 201, object.body);
      const result = await owner.inject({
        method: 'PUT',
        url: url(`/assessments/${assessmentId}/results/8.1.4.1-a/${object.json().id}`),
        payload: { result: 'non_compliant', record: RECORD, version: 0 },
      });
      assert.equal(result.statusCode, 200, result.body);
      const note = await owner.inject({
        method: 'PUT',
        url: url(`/assessments/${assessmentId}/findings/8.1.4.1-a`),
        payload: { version: 0, risk: null, description: NOTE },
      });
      assert.ok(note.statusCode < 300, note.body);
      const cii = await owner.inject({
        method: 'POST',
        url: url('/cii/import'),
        payload: {
          format: 'dengbao.cii.v1',
          assets: [
            { code: 'DB-1', name: ASSET, kind: 'information_system', description: ASSET_NOTE },
          ],
          dependencies: [],
          coreBusinesses: [],
        },
      });
      assert.equal(cii.statusCode, 200, cii.body);
    });
    after(async () => {
      await h?.close();
    });

    it('the system inventory, findings and obligations workbooks', async (t) => {
      if (!h) return t.skip('database unavailable');
      const systems = assertAllData(await load(await xlsx('/systems.xlsx')), 'systems.xlsx');
      assert.ok(systems.includes(`'${SYSTEM}`), systems.join(' | '));
      // (XML reads a carriage return back as a line feed.)
      assert.ok(systems.includes(`'${DESCRIPTION.replace('\r', '\n')}`), JSON.stringify(systems));
      const findings = assertAllData(
        await load(await xlsx(`/assessments/${assessmentId}/findings.xlsx`)),
        'findings.xlsx',
      );
      assert.ok(findings.includes(`'${OBJECT}`), findings.join(' | '));
      assert.ok(findings.includes(`'${NOTE}`));
      const obligations = assertAllData(
        await load(await xlsx('/obligations.xlsx?asOf=2026-03-02')),
        'obligations.xlsx',
      );
      assert.ok(obligations.includes(`'${SYSTEM}`));
    });

    it('the assessment workbook: neutralised, and it imports back without a change', async (t) => {
      if (!h) return t.skip('database unavailable');
      const buffer = await xlsx(`/assessments/${assessmentId}/export.xlsx`);
      const book = await load(buffer);
      const texts = assertAllData(book, 'export.xlsx');
      assert.ok(texts.includes(`'${RECORD}`));
      assert.ok(texts.includes(`'${OBJECT}`));
      const back = await owner.inject({
        method: 'POST',
        url: url(`/assessments/${assessmentId}/import`),
        headers: { 'content-type': XLSX },
        payload: buffer,
      });
      assert.equal(back.statusCode, 200, back.body);
      assert.equal(back.json().unchanged, 1, back.body);
      assert.equal(back.json().updated, 0);
      const workbook = await owner.inject({ url: url(`/assessments/${assessmentId}/workbook`) });
      assert.equal(
        (workbook.json() as { rows: { record: string | null }[] }).rows.find((r) => r.record)
          ?.record,
        RECORD,
      );
    });

    it('the CII workbook: neutralised, and it imports back without a change', async (t) => {
      if (!h) return t.skip('database unavailable');
      const buffer = await xlsx('/cii/export?format=xlsx');
      const texts = assertAllData(await load(buffer), 'cii.xlsx');
      assert.ok(texts.includes(`'${ASSET}`), JSON.stringify(texts));
      assert.ok(texts.includes(`'${ASSET_NOTE}`), JSON.stringify(texts));
      const back = await owner.inject({
        method: 'POST',
        url: url('/cii/import'),
        headers: { 'content-type': XLSX },
        payload: buffer,
      });
      assert.equal(back.statusCode, 200, back.body);
      assert.deepEqual(back.json().assets, { created: 0, updated: 0 });
      const model = (await owner.inject({ url: url('/cii/export') })).json();
      assert.equal(model.assets[0].name, ASSET);
      assert.equal(model.assets[0].description, ASSET_NOTE);
    });
  });
}
