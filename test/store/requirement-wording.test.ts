/**
 * The standard's own wording (标准原文) an organisation loads from its licensed copy, on SQLite
 * and PostgreSQL: the file formats (CSV, .xlsx, YAML/JSON), clause and test-id look-up, every
 * problem named by row and column with nothing stored, dry runs, the audit entry, clearing, that
 * another organisation never sees it, and that it shows in the workbook and its Excel export.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { exportWorkbook, importWorkbook } from '../../src/app/assessment-excel';
import { workbookQuery } from '../../src/app/assessment/queries';
import {
  clauseKey,
  clearWordingCommand,
  importWordingCommand,
  importWordingFromPractitionerWorkbookCommand,
  parseLevel,
  parseWordingFile,
  wordingQuery,
} from '../../src/app/assessment/wording';
import { createOrganisationCommand } from '../../src/app/organisations/commands';
import { buildReport } from '../../src/app/reports';
import { documentText } from '../../src/reports/model';
import { AppError } from '../../src/errors';
import type { Store } from '../../src/store/database';
import { createHospitalAssessment } from '../fixtures/assessment-fixture';
import { level3Workbook } from '../fixtures/practitioner/workbooks';
import { openTestStore, TEST_DIALECTS, testContext } from '../support';

// Stand-ins for an organisation's licensed text (not the standard's words).
const TEXT_ALL = '【本单位标准文本】应对登录的用户进行身份标识和鉴别（示例文本）。';
const TEXT_L3 =
  '【本单位标准文本·第三级】身份标识具有唯一性，鉴别信息具有复杂度要求并定期更换（示例）。';
const TEXT_L2 = '【本单位标准文本·第二级】身份鉴别（示例）。';

async function problemsOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof AppError, String(error));
    return error;
  }
  assert.fail('expected the file to be refused');
}

async function xlsx(rows: (string | number | null)[][], sheet = '标准原文'): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  return Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('wording file parts (pure)', () => {
  it('reads clauses and levels as assessors write them', () => {
    assert.equal(clauseKey('8.1.4.1 a)'), '8.1.4.1-a');
    assert.equal(clauseKey('8.1.4.1a'), '8.1.4.1-a');
    assert.equal(clauseKey('8.1.4.1（a）'), '8.1.4.1-a');
    assert.equal(clauseKey('7.1.4.1-b'), '7.1.4.1-b');
    assert.equal(clauseKey('身份鉴别'), null);
    assert.equal(parseLevel('3'), 3);
    assert.equal(parseLevel('第三级'), 3);
    assert.equal(parseLevel('二级'), 2);
    assert.equal(parseLevel(''), null);
    assert.equal(parseLevel('第五级'), undefined);
  });
});

for (const dialect of TEST_DIALECTS) {
  describe(`requirement wording on ${dialect}`, () => {
    let store: Store | null;
    before(async () => {
      store = await openTestStore(dialect);
    });
    after(async () => store?.close());
    const skip = () => store === null;

    it('loads a CSV by 编号, an .xlsx by 条款 and a YAML list; shown in the workbook and Excel of this organisation only', async (t) => {
      if (skip()) return t.skip('database unavailable');
      const ctx = testContext(store as Store);
      const f = await createHospitalAssessment(ctx);
      const other = await createOrganisationCommand(
        ctx,
        f.actor,
        { name: '某城市商业银行', region: '浙江省杭州市', sector: '金融' },
        null,
      );

      // CSV as Excel saves it (BOM, CRLF, a quoted text with a comma).
      const csv = Buffer.from(
        `\uFEFF编号,等级,原文\r\n8.1.4.1-a,,"${TEXT_ALL}"\r\n8.1.4.1-a,第三级,"${TEXT_L3.replace('，', '，"",""')}"\r\n`,
      );
      let report = await importWordingCommand(ctx, f.actor, f.organisationId, csv, {
        fileName: '标准原文.csv',
      });
      assert.deepEqual(report, { entries: 2, created: 2, updated: 0, unchanged: 0, dryRun: false });
      let list = await wordingQuery(ctx, f.organisationId);
      assert.equal(list.count, 2);
      const l3 = list.items.find((w) => w.level === 3);
      assert.ok(l3?.text.includes('","'), 'quoted comma kept');
      assert.equal(list.items.find((w) => w.level === null)?.text, TEXT_ALL);
      assert.equal(list.items[0]?.source, 'licensed_copy');
      assert.equal(list.items[0]?.sourceName, '标准原文.csv');
      assert.equal(list.items[0]?.updatedBy, 'zhang.wei');

      // .xlsx by 条款 (the clause names the level: 7.x is level 2) and a GB/T 28448 test id.
      const book = await xlsx([
        ['GB/T 22239-2019 摘录（本单位购买的正式文本）'],
        ['条款', '标准原文'],
        ['7.1.4.1 a)', TEXT_L2],
        ['8.1.4.1 a)', TEXT_L3],
      ]);
      report = await importWordingCommand(ctx, f.actor, f.organisationId, book, {
        fileName: 'gbt22239.xlsx',
      });
      assert.deepEqual(report, { entries: 2, created: 1, updated: 1, unchanged: 0, dryRun: false });
      list = await wordingQuery(ctx, f.organisationId);
      assert.deepEqual(
        list.items.map((w) => [w.requirementId, w.level, w.text]),
        [
          ['8.1.4.1-a', null, TEXT_ALL],
          ['8.1.4.1-a', 2, TEXT_L2],
          ['8.1.4.1-a', 3, TEXT_L3],
        ],
      );

      // YAML with a test id (L3-CES1-04 is 8.1.4.1-d at level 3).
      const yaml = Buffer.from(
        `entries:\n  - requirementId: L3-CES1-04\n    text: 双因素鉴别（示例文本）\n  - requirementId: 8.1.3.1-a\n    level: 3\n    text: 边界防护（示例文本）\n`,
      );
      report = await importWordingCommand(ctx, f.actor, f.organisationId, yaml, {
        fileName: 'wording.yaml',
        source: 'workbook',
      });
      assert.equal(report.created, 2);
      list = await wordingQuery(ctx, f.organisationId);
      assert.deepEqual(
        list.items.find((w) => w.requirementId === '8.1.4.1-d'),
        {
          requirementId: '8.1.4.1-d',
          level: 3,
          text: '双因素鉴别（示例文本）',
          source: 'workbook',
          sourceName: 'wording.yaml',
          updatedBy: 'zhang.wei',
          updatedAt: list.items[0]?.updatedAt,
        },
      );

      // The same file again changes nothing and writes no audit entry.
      const audits = async () =>
        (
          await ctx.store.db
            .selectFrom('audit_entries')
            .select(['action', 'changes'])
            .where('organisation_id', '=', f.organisationId)
            .where('action', 'like', 'wording.%')
            .orderBy('seq')
            .execute()
        ).map((a) => a.action);
      assert.deepEqual(await audits(), ['wording.import', 'wording.import', 'wording.import']);
      report = await importWordingCommand(ctx, f.actor, f.organisationId, yaml, {
        fileName: 'wording.yaml',
        source: 'workbook',
      });
      assert.deepEqual(report, { entries: 2, created: 0, updated: 0, unchanged: 2, dryRun: false });
      assert.equal((await audits()).length, 3);

      // The level-3 workbook shows the level-3 text, our own words stay as they are.
      const grid = await workbookQuery(ctx, f.organisationId, f.assessmentId);
      const row = grid.rows.find((r) => r.requirementId === '8.1.4.1-a');
      assert.equal(row?.standardText, TEXT_L3);
      assert.notEqual(row?.text.zh, TEXT_L3);
      assert.equal(
        grid.rows.find((r) => r.requirementId === '8.1.4.1-d')?.standardText,
        '双因素鉴别（示例文本）',
      );
      assert.equal(grid.rows.find((r) => r.requirementId === '8.1.4.2-a')?.standardText, null);

      // The Excel export has a 标准原文 column after 测评项, and its import reads the same.
      const exported = await exportWorkbook(ctx, f.organisationId, f.assessmentId);
      const out = new ExcelJS.Workbook();
      await out.xlsx.load(exported as unknown as ExcelJS.Buffer);
      const sheet = out.getWorksheet('HIS应用服务器（麒麟V10）');
      assert.ok(sheet);
      const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
      assert.equal(headers[headers.indexOf('测评项') + 1], '标准原文');
      let texts = 0;
      sheet.eachRow((r, n) => {
        if (n > 1 && r.getCell(headers.indexOf('编号') + 1).value === '8.1.4.1-a') {
          assert.equal(r.getCell(headers.indexOf('标准原文') + 1).value, TEXT_L3);
          texts += 1;
        }
      });
      assert.equal(texts, 1);
      const again = await importWorkbook(ctx, f.actor, f.organisationId, f.assessmentId, exported);
      assert.equal(again.created + again.updated, 0);

      // The report's result appendix shows it under our words.
      const doc = await buildReport(
        ctx,
        f.organisationId,
        'assessment',
        f.assessmentId,
        'zh',
        '2026-04-15',
      );
      const text = documentText(doc).join('\n');
      assert.ok(text.includes(`标准原文：${TEXT_L3}`), 'appendix B shows the 标准原文');

      // Another organisation sees nothing and its workbook has no 标准原文.
      assert.deepEqual(await wordingQuery(ctx, other.id), { count: 0, items: [] });
      const bank = await createHospitalAssessment(ctx, {
        objects: [{ name: '核心业务系统', kind: 'application' }],
      });
      const bankGrid = await workbookQuery(ctx, bank.organisationId, bank.assessmentId);
      assert.ok(bankGrid.rows.every((r) => r.standardText === null));

      // Clearing removes every entry, with one audit entry; clearing nothing writes none.
      assert.deepEqual(await clearWordingCommand(ctx, f.actor, f.organisationId), { deleted: 5 });
      assert.deepEqual(await clearWordingCommand(ctx, f.actor, f.organisationId), { deleted: 0 });
      assert.equal((await wordingQuery(ctx, f.organisationId)).count, 0);
      assert.deepEqual((await audits()).slice(-1), ['wording.clear']);
      const cleared = await workbookQuery(ctx, f.organisationId, f.assessmentId);
      assert.ok(cleared.rows.every((r) => r.standardText === null));
    });

    it("takes the 测评项 texts of an assessor's own workbook, leaving out our own words", async (t) => {
      if (skip()) return t.skip('database unavailable');
      const ctx = testContext(store as Store);
      const f = await createHospitalAssessment(ctx, { objects: [] });
      // The fixture's 测评项 are our catalog's words; one row is given the organisation's text.
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await level3Workbook()).buffer as unknown as ExcelJS.Buffer);
      const sheet = book.getWorksheet('安全物理环境') as ExcelJS.Worksheet;
      let header = 0;
      let col = 0;
      sheet.eachRow((row, n) => {
        row.eachCell((c, i) => {
          if (!header && String(c.value).trim() === '测评项') {
            header = n;
            col = i;
          }
        });
      });
      assert.ok(header > 0, 'the fixture has a 测评项 header');
      let edited = 0;
      sheet.eachRow((row, n) => {
        const text = String(row.getCell(col).value ?? '');
        if (!edited && n > header && /^a[)）]/.test(text)) {
          row.getCell(col).value = 'a）【本单位标准文本】机房场地选择（示例文本）';
          edited = n;
        }
      });
      assert.ok(edited > 0);
      const buffer = Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer);
      const dry = await importWordingFromPractitionerWorkbookCommand(
        ctx,
        f.actor,
        f.organisationId,
        f.assessmentId,
        buffer,
        { fileName: '现场测评记录.xlsx', dryRun: true },
      );
      assert.deepEqual(dry, { entries: 1, created: 1, updated: 0, unchanged: 0, dryRun: true });
      assert.equal((await wordingQuery(ctx, f.organisationId)).count, 0);
      await importWordingFromPractitionerWorkbookCommand(
        ctx,
        f.actor,
        f.organisationId,
        f.assessmentId,
        buffer,
        { fileName: '现场测评记录.xlsx' },
      );
      const [entry, ...rest] = (await wordingQuery(ctx, f.organisationId)).items;
      assert.deepEqual(rest, []);
      assert.match(entry?.requirementId ?? '', /^8\.1\.1\.\d+-a$/);
      assert.equal(entry?.level, 3);
      assert.equal(entry?.text, '【本单位标准文本】机房场地选择（示例文本）');
      assert.equal(entry?.source, 'workbook');
      assert.equal(entry?.sourceName, '现场测评记录.xlsx');
    });

    it('names every problem with its row and column and stores nothing; a dry run stores nothing', async (t) => {
      if (skip()) return t.skip('database unavailable');
      const ctx = testContext(store as Store);
      const f = await createHospitalAssessment(ctx, { objects: [] });
      const csv = Buffer.from(
        [
          '编号,条款,等级,测评项',
          `8.1.4.1-a,,,${TEXT_ALL}`, // 2 fine
          '8.9.9.9-z,,,文本', // 3 unknown id
          ',9.9.9 z),,文本', // 4 unknown clause
          '8.1.4.1-a,8.1.4.2 a),,文本', // 5 clause of another item
          '8.1.4.1-d,,2,文本', // 6 not at level 2
          '8.1.4.1-b,,第五级,文本', // 7 bad level
          '8.1.4.1-c,,,', // 8 no text
          ',,3,文本', // 9 neither id nor clause
          `8.1.4.1-a,,,${TEXT_ALL}`, // 10 twice
          `8.1.4.2-a,,,${'长'.repeat(4001)}`, // 11 too long
        ].join('\n'),
      );
      const e = await problemsOf(
        importWordingCommand(ctx, f.actor, f.organisationId, csv, { fileName: 'a.csv' }),
      );
      assert.equal(e.code, 'VALIDATION_FAILED');
      assert.deepEqual(
        e.details.map((d) => d.path),
        [
          'row 3 column 编号',
          'row 4 column 条款',
          'row 5 column 条款',
          'row 6 column 等级',
          'row 7 column 等级',
          'row 8 column 测评项',
          'row 9 column 编号',
          'row 10 column 编号',
          'row 11 column 测评项',
        ],
        JSON.stringify(e.details, null, 1),
      );
      assert.match(e.message, /9 problem\(s\); nothing was stored/);
      const message = (path: string) => e.details.find((d) => d.path === path);
      assert.match(message('row 5 column 条款')?.message ?? '', /8\.1\.4\.2-a/);
      assert.match(message('row 10 column 编号')?.message ?? '', /first at row 2/);
      assert.equal(e.details[0]?.code, 'wording.id_unknown');
      assert.equal((await wordingQuery(ctx, f.organisationId)).count, 0);

      // A dry run says what would change and stores nothing.
      const good = Buffer.from(
        `编号,原文\n8.1.4.1-a,${TEXT_ALL}\n8.1.4.2-a,访问控制（示例文本）\n`,
      );
      const dry = await importWordingCommand(ctx, f.actor, f.organisationId, good, {
        fileName: 'b.csv',
        dryRun: true,
      });
      assert.deepEqual(dry, { entries: 2, created: 2, updated: 0, unchanged: 0, dryRun: true });
      assert.equal((await wordingQuery(ctx, f.organisationId)).count, 0);

      // YAML problems name the list index and field; files without a usable table are refused.
      const yaml = await problemsOf(
        parseWordingFile(
          ctx.catalog,
          Buffer.from('- requirementId: 8.1.4.1-a\n  level: 7\n  text: 文本\n'),
          'w.yaml',
        ),
      );
      assert.deepEqual(
        yaml.details.map((d) => d.path),
        ['[0].level'],
      );
      const noHeader = await problemsOf(
        parseWordingFile(ctx.catalog, await xlsx([['备注'], ['无关内容']]), 'x.xlsx'),
      );
      assert.equal(noHeader.details[0]?.code, 'wording.header_missing');
      // A CSV saved by Excel on a Chinese Windows is GBK: read as GB18030.
      const gbk = Buffer.concat([
        Buffer.from([0xb1, 0xe0, 0xba, 0xc5, 0x2c, 0xd4, 0xad, 0xce, 0xc4, 0x0a]), // 编号,原文
        Buffer.from('8.1.4.1-a,'),
        Buffer.from([0xce, 0xc4, 0xb1, 0xbe, 0x0a]), // 文本
      ]);
      assert.deepEqual(await parseWordingFile(ctx.catalog, gbk, 'g.csv'), [
        { requirementId: '8.1.4.1-a', level: null, text: '文本' },
      ]);
    });
  });
}
