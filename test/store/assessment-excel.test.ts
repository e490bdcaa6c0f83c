/**
 * The assessment workbook's Excel round trip (测评结果记录表), on SQLite and PostgreSQL: what the
 * export looks like to an assessor, what an edited file imports as, every problem the import
 * reports (with sheet, Excel row and column) and that a file with problems writes nothing.
 */
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import {
  exportWorkbook,
  importWorkbook,
  parseResult,
  sheetNamesFor,
} from '../../src/app/assessment-excel';
import {
  addTestObjectCommand,
  updateAssessmentCommand,
  writeResultsCommand,
} from '../../src/app/assessment/commands';
import { workbookQuery } from '../../src/app/assessment/queries';
import type { AppContext } from '../../src/app/context';
import { AppError } from '../../src/errors';
import type { Store } from '../../src/store/database';
import { listResults } from '../../src/store/repositories/assessments.repository';
import {
  createHospitalAssessment,
  fillExportedWorkbook,
  HOSPITAL_OBJECTS,
  largeObjectList,
  recordSomeResults,
  rowsPerKind,
  type AssessmentFixture,
} from '../fixtures/assessment-fixture';
import { openTestStore, TEST_DIALECTS, testContext } from '../support';

const HEADERS = [
  '序号',
  '扩展标准',
  '安全类',
  '控制点',
  '条款',
  '测评项',
  '结果记录',
  '符合情况',
  '原因说明',
  '权重',
  '编号',
];
// Sheet names of HOSPITAL_OBJECTS (the '/' of 运维堡垒机/日志审计 is not allowed by Excel).
const ROOM = '主机房（门诊楼3层）';
const SERVER = 'HIS应用服务器（麒麟V10）';
const DATABASE = 'HIS数据库 达梦DM8';
const MIDDLEWARE = '东方通 TongWeb 7';
const APP = '医院信息系统（HIS）';
const CLOUD = '政务云租户控制台';
const BASTION = '运维堡垒机／日志审计';
const DOCS = '信息安全管理制度汇编';

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return book;
}

async function save(book: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

function sheetOf(book: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = book.getWorksheet(name);
  assert.ok(sheet, `sheet ${name} exists`);
  return sheet;
}

/** The cell of `header` in Excel row `row`. */
function cell(sheet: ExcelJS.Worksheet, row: number, header: string): ExcelJS.Cell {
  const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  const col = headers.indexOf(header);
  assert.ok(col > 0, `column ${header} in ${sheet.name}`);
  return sheet.getRow(row).getCell(col);
}

/** Excel row number of requirement `id` in an object sheet. */
function rowOf(sheet: ExcelJS.Worksheet, id: string): number {
  let found = 0;
  sheet.eachRow((row, r) => {
    if (r > 1 && String(cell(sheet, r, '编号').value) === id) found = r;
  });
  assert.ok(found > 0, `${id} in ${sheet.name}`);
  return found;
}

/** The 说明 sheet's mapping table: last row number and the row of a sheet. */
function mappingRows(guide: ExcelJS.Worksheet): { header: number; last: number } {
  let header = 0;
  guide.eachRow((row, r) => {
    if (row.getCell(2).value === '工作表') header = r;
  });
  let last = header;
  while (guide.getRow(last + 1).getCell(2).value) last += 1;
  return { header, last };
}

async function problemsOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof AppError, String(error));
    return error;
  }
  assert.fail('expected the import to be refused');
}

async function auditCount(ctx: AppContext, organisationId: string): Promise<number> {
  const rows = await ctx.store.db
    .selectFrom('audit_entries')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .execute();
  return rows.length;
}

describe('workbook sheet names and results (pure)', () => {
  it('sanitises object names into unique Excel sheet names', () => {
    const long = '华东一区应用服务器'.repeat(4); // 36 characters
    const names = sheetNamesFor([
      '运维堡垒机/日志审计',
      'DMZ区:Web[1]*?\\',
      '说明',
      long,
      long,
      'History',
      'Web',
      'web',
      '  ',
      "'引号'",
    ]);
    assert.deepEqual(names, [
      '运维堡垒机／日志审计',
      'DMZ区：Web［1］＊？＼',
      '说明(2)',
      long.slice(0, 31),
      `${long.slice(0, 28)}(2)`,
      'History(2)',
      'Web',
      'web(2)',
      '测评对象',
      '引号',
    ]);
    for (const n of names) assert.ok(n.length <= 31 && !/[[\]:*?/\\]/.test(n), n);
  });

  it('reads 符合情况 in Chinese or as the English codes, nothing else', () => {
    assert.equal(parseResult('符合'), 'compliant');
    assert.equal(parseResult(' 部分 符合 '), 'partial');
    assert.equal(parseResult('不符合'), 'non_compliant');
    assert.equal(parseResult('不适用'), 'not_applicable');
    assert.equal(parseResult('Compliant'), 'compliant');
    assert.equal(parseResult('non-compliant'), 'non_compliant');
    assert.equal(parseResult('not applicable'), 'not_applicable');
    assert.equal(parseResult('partial'), 'partial');
    assert.equal(parseResult('基本符合'), undefined);
    assert.equal(parseResult('yes'), undefined);
  });
});

for (const dialect of TEST_DIALECTS) {
  describe(`assessment workbook Excel round trip on ${dialect}`, () => {
    let store: Store | null;
    before(async () => {
      store = await openTestStore(dialect);
    });
    after(async () => store?.close());
    const skip = () => store === null;

    /** The hospital assessment with the database server's CES rows partly recorded. */
    async function hospital(ctx: AppContext): Promise<AssessmentFixture> {
      const fixture = await createHospitalAssessment(ctx);
      const grid = await workbookQuery(ctx, fixture.organisationId, fixture.assessmentId);
      const database = fixture.objects.find((o) => o.kind === 'database');
      const application = fixture.objects.find((o) => o.kind === 'application');
      const rows = grid.rows
        .filter((r) => r.objectId === database?.id || r.objectId === application?.id)
        .filter((r) => r.requirementId !== '8.1.4.1-a')
        .slice(0, 30);
      await recordSomeResults(ctx, fixture, rows);
      return fixture;
    }

    it('exports the workbook an assessor expects and imports the edited file', async (t) => {
      if (skip()) return t.skip('database unavailable');
      const ctx = testContext(store as Store);
      const f = await hospital(ctx);
      const database = f.objects.find((o) => o.kind === 'database');
      assert.ok(database);
      await writeResultsCommand(ctx, f.actor, f.organisationId, f.assessmentId, {
        rows: [
          {
            requirementId: '8.1.4.1-a',
            objectId: database.id,
            version: 0,
            result: 'partial',
            record: '核查达梦DM8：已启用口令复杂度策略（PWD_POLICY=15），但未配置登录失败锁定。',
            reason: '未配置登录失败处理功能（FAILED_LOGIN_ATTEMPS 未设置）。',
          },
        ],
      });
      const before = await workbookQuery(ctx, f.organisationId, f.assessmentId);
      const recorded = before.rows.filter((r) => r.result !== null).length;
      assert.equal(recorded, 31);

      const exported = await exportWorkbook(ctx, f.organisationId, f.assessmentId);
      const book = await load(exported);
      assert.deepEqual(
        book.worksheets.map((s) => s.name),
        ['说明', ...sheetNamesFor(HOSPITAL_OBJECTS.map((o) => o.name)), '安全问题'],
      );
      assert.ok(book.getWorksheet(BASTION));

      // 说明: the project and the sheet → object table.
      const guide = sheetOf(book, '说明');
      const texts: string[] = [];
      guide.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
      for (const expected of [
        '2026年度医院信息系统（HIS）等级测评',
        '医院信息系统（HIS）',
        '第三级（监督保护级）',
        '33010099001-26001-26-0001-01',
        '2026-04-15',
        f.assessmentId,
        ctx.catalog.sourceHash,
        '数据库管理系统',
      ]) {
        assert.ok(
          texts.some((x) => x.includes(expected)),
          `说明 shows ${expected}`,
        );
      }
      assert.ok(texts.some((x) => x.includes('云计算安全扩展要求')));
      const { header, last } = mappingRows(guide);
      assert.equal(last - header, HOSPITAL_OBJECTS.length);
      const dbMapRow = guide.getRow(
        header + 1 + HOSPITAL_OBJECTS.findIndex((o) => o.name === 'HIS数据库 达梦DM8'),
      );
      assert.equal(dbMapRow.getCell(2).value, DATABASE);
      assert.equal(dbMapRow.getCell(3).value, 'HIS数据库 达梦DM8');
      assert.equal(dbMapRow.getCell(6).value, database.id);

      // An object sheet: headers, frozen header row, list validation, one known row.
      const sheet = sheetOf(book, DATABASE);
      assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), HEADERS);
      assert.equal(sheet.views[0]?.state, 'frozen');
      assert.equal((sheet.views[0] as ExcelJS.WorksheetViewFrozen).ySplit, 1);
      assert.equal(
        sheet.rowCount - 1,
        before.rows.filter((r) => r.objectId === database.id).length,
      );
      const r = rowOf(sheet, '8.1.4.1-a');
      assert.equal(cell(sheet, r, '扩展标准').value, '安全通用要求');
      assert.equal(cell(sheet, r, '安全类').value, '安全计算环境');
      assert.equal(cell(sheet, r, '控制点').value, '身份鉴别');
      assert.equal(cell(sheet, r, '条款').value, '8.1.4.1 a)');
      assert.equal(
        cell(sheet, r, '测评项').value,
        '对登录用户进行标识和鉴别，标识唯一，鉴别信息满足复杂度并定期更换。',
      );
      assert.equal(
        cell(sheet, r, '结果记录').value,
        '核查达梦DM8：已启用口令复杂度策略（PWD_POLICY=15），但未配置登录失败锁定。',
      );
      assert.equal(cell(sheet, r, '符合情况').value, '部分符合');
      assert.match(String(cell(sheet, r, '原因说明').value), /FAILED_LOGIN/);
      assert.equal(typeof cell(sheet, r, '权重').value, 'number');
      assert.deepEqual(cell(sheet, r, '符合情况').dataValidation?.formulae, [
        '"符合,部分符合,不符合,不适用"',
      ]);
      assert.equal(cell(sheet, r, '符合情况').dataValidation?.type, 'list');
      // The cloud tenant's items sit on the cloud-platform object's sheet.
      const cloud = sheetOf(book, CLOUD);
      const cloudRows: string[] = [];
      cloud.eachRow((row, n) => {
        if (n > 1) cloudRows.push(String(cell(cloud, n, '扩展标准').value));
      });
      assert.ok(cloudRows.includes('云计算安全扩展要求'));
      assert.ok(cloudRows.includes('安全通用要求'));

      // Importing the untouched export changes nothing.
      const same = await importWorkbook(ctx, f.actor, f.organisationId, f.assessmentId, exported);
      const total = before.rows.length;
      assert.deepEqual(same, {
        rows: total,
        created: 0,
        updated: 0,
        unchanged: recorded,
        skipped: total - recorded,
        findingNotes: 0,
      });

      // The assessor edits on site.
      cell(sheet, r, '符合情况').value = '符合';
      cell(sheet, r, '结果记录').value =
        '复核：已设置 FAILED_LOGIN_ATTEMPS=5、PASSWORD_LOCK_TIME=30，口令复杂度策略已启用。';
      cell(sheet, r, '原因说明').value = null;
      let na = 0;
      sheet.eachRow((_, n) => {
        if (!na && n > 1 && cell(sheet, n, '符合情况').value === '') na = n;
      });
      const naId = String(cell(sheet, na, '编号').value);
      cell(sheet, na, '符合情况').value = '不适用';
      cell(sheet, na, '原因说明').value = '数据库不提供远程管理接口，仅本地维护。';
      const app = sheetOf(book, APP);
      const appRow = rowOf(app, '8.1.4.1-a');
      assert.equal(cell(app, appRow, '符合情况').value, '');
      cell(app, appRow, '符合情况').value = 'non_compliant';
      cell(app, appRow, '结果记录').value = 'HIS 登录仅用户名+口令，未限制口令复杂度。';
      // Clearing a recorded row is "not assessed in this file", not a deletion.
      let cleared = 0;
      sheet.eachRow((row, n) => {
        if (cleared || n === 1 || n === r || !cell(sheet, n, '符合情况').value) return;
        cleared = n;
      });
      const clearedId = String(cell(sheet, cleared, '编号').value);
      for (const h of ['符合情况', '结果记录', '原因说明']) cell(sheet, cleared, h).value = '';

      const edited = await save(book);
      const report = await importWorkbook(ctx, f.actor, f.organisationId, f.assessmentId, edited);
      assert.deepEqual(report, {
        rows: total,
        created: 2,
        updated: 1,
        unchanged: recorded - 2,
        skipped: total - recorded - 1,
        findingNotes: 0,
      });

      const afterGrid = await workbookQuery(ctx, f.organisationId, f.assessmentId);
      const find = (id: string, objectId: string) =>
        afterGrid.rows.find((x) => x.requirementId === id && x.objectId === objectId);
      const changed = find('8.1.4.1-a', database.id);
      assert.equal(changed?.result, 'compliant');
      assert.match(changed?.record ?? '', /PASSWORD_LOCK_TIME=30/);
      assert.equal(changed?.reason, null);
      assert.equal(changed?.version, 2);
      assert.equal(find(naId, database.id)?.result, 'not_applicable');
      const appObject = f.objects.find((o) => o.kind === 'application');
      assert.equal(find('8.1.4.1-a', appObject?.id ?? '')?.result, 'non_compliant');
      assert.equal(find(clearedId, database.id)?.version, 1, 'a cleared row is kept');
      assert.equal(afterGrid.rows.filter((x) => x.result !== null).length, recorded + 2);

      // One audit entry per import, with the file's SM3 digest and the counts.
      const audits = await ctx.store.db
        .selectFrom('audit_entries')
        .selectAll()
        .where('organisation_id', '=', f.organisationId)
        .where('action', '=', 'assessment.results.import')
        .orderBy('seq')
        .execute();
      assert.equal(audits.length, 2);
      const changes = JSON.parse(audits[1]?.changes ?? '{}');
      assert.equal(changes.file.after.sm3, createHash('sm3').update(edited).digest('hex'));
      assert.deepEqual(changes.counts.after, report);
      assert.equal(audits[1]?.actor_label, 'zhang.wei');

      // The same file again: nothing to do.
      const again = await importWorkbook(ctx, f.actor, f.organisationId, f.assessmentId, edited);
      assert.equal(again.created + again.updated, 0);
    });

    it('reports every problem of a bad workbook with sheet, row and column, and writes nothing', async (t) => {
      if (skip()) return t.skip('database unavailable');
      const ctx = testContext(store as Store);
      const f = await hospital(ctx);
      const book = await load(await exportWorkbook(ctx, f.organisationId, f.assessmentId));
      const expected: string[] = [];
      const expect = (sheet: string, row?: number, column?: string) =>
        expected.push(
          `sheet ${sheet}${row !== undefined ? ` row ${row}` : ''}${column ? ` column ${column}` : ''}`,
        );

      const srv = sheetOf(book, SERVER);
      // 1 unknown 编号 (reported, not guessed)
      cell(srv, 2, '编号').value = '8.9.9.9-z';
      expect(SERVER, 2, '编号');
      // 2 text changed
      cell(srv, 3, '测评项').value = `${String(cell(srv, 3, '测评项').value)}（已修改）`;
      expect(SERVER, 3, '测评项');
      // 3 条款 does not match the 编号
      cell(srv, 4, '条款').value = '8.1.4.9 z)';
      expect(SERVER, 4, '条款');
      // 4 invalid 符合情况
      cell(srv, 5, '符合情况').value = '基本符合';
      expect(SERVER, 5, '符合情况');
      // 5 部分符合 without a reason
      cell(srv, 6, '符合情况').value = '部分符合';
      cell(srv, 6, '结果记录').value = '部分服务器未配置登录失败处理。';
      expect(SERVER, 6, '原因说明');
      // 6 不适用 without a reason
      cell(srv, 7, '符合情况').value = '不适用';
      expect(SERVER, 7, '原因说明');
      // 7 record too long
      cell(srv, 8, '符合情况').value = '符合';
      cell(srv, 8, '结果记录').value = '核'.repeat(4001);
      expect(SERVER, 8, '结果记录');
      // 8 reason too long
      cell(srv, 9, '符合情况').value = '部分符合';
      cell(srv, 9, '结果记录').value = '审计记录仅保留30天。';
      cell(srv, 9, '原因说明').value = '因'.repeat(1001);
      expect(SERVER, 9, '原因说明');
      // 9 weight changed
      const weight = cell(srv, 10, '权重').value;
      assert.equal(typeof weight, 'number');
      cell(srv, 10, '权重').value = weight === 1 ? 0.7 : 1;
      expect(SERVER, 10, '权重');
      // 10 weight not a number
      cell(srv, 11, '权重').value = '高';
      expect(SERVER, 11, '权重');
      // 11 a record without a result
      cell(srv, 12, '结果记录').value = '已核查，待确认';
      expect(SERVER, 12, '符合情况');
      // (valid rows next to them are not reported)
      cell(srv, 13, '符合情况').value = '不符合';
      cell(srv, 13, '结果记录').value = '未启用安全审计功能。';

      // 12 a requirement that does not apply to a machine room
      const room = sheetOf(book, ROOM);
      cell(room, 2, '编号').value = '8.1.4.1-a';
      expect(ROOM, 2, '编号');

      const db = sheetOf(book, DATABASE);
      // 13 the same requirement twice in one sheet (reported at the second)
      const copy = db.addRow(db.getRow(2).values as ExcelJS.CellValue[]);
      expect(DATABASE, copy.number, '编号');
      // 14 content without an 编号
      cell(db, 3, '编号').value = null;
      cell(db, 3, '符合情况').value = '符合';
      expect(DATABASE, 3, '编号');
      cell(db, 4, '符合情况').value = ' 符合 ';

      // 15 a required column missing (the sheet's rows are not read)
      const mw = sheetOf(book, MIDDLEWARE);
      cell(mw, 1, '原因说明').value = '备注';
      expect(MIDDLEWARE, 1, '原因说明');

      // 16 a cloud item has no weight in the baseline: giving one is an edit
      const cloud = sheetOf(book, CLOUD);
      let cloudRow = 0;
      cloud.eachRow((row, n) => {
        if (!cloudRow && n > 1 && cell(cloud, n, '扩展标准').value === '云计算安全扩展要求')
          cloudRow = n;
      });
      assert.equal(cell(cloud, cloudRow, '权重').value, '');
      cell(cloud, cloudRow, '权重').value = 1;
      expect(CLOUD, cloudRow, '权重');

      // English codes are accepted.
      const app = sheetOf(book, APP);
      cell(app, 2, '符合情况').value = 'partial';
      cell(app, 2, '结果记录').value = '抽查5个账户，2个口令超过90天未更换。';
      cell(app, 2, '原因说明').value = '部分账户口令未定期更换。';

      // 17 a sheet no test object is mapped to
      book.addWorksheet('额外的表').addRow(['备注', '现场补充记录']);
      expect('额外的表');

      // The 说明 table: 18 the same object twice, 19 an unknown object, 20 a sheet listed twice.
      const guide = sheetOf(book, '说明');
      const { last } = mappingRows(guide);
      const roomId = f.objects.find((o) => o.kind === 'machine_room')?.id;
      const docsId = f.objects.find((o) => o.kind === 'document')?.id;
      guide.getRow(last + 1).values = [12, '主机房副本', '主机房', '机房', 22, roomId];
      book.addWorksheet('主机房副本').addRow(HEADERS);
      expect('主机房副本');
      guide.getRow(last + 2).values = [13, '已删除的对象', '旧服务器', '服务器', 40, randomUUID()];
      expect('说明', last + 2, '对象编号（请勿修改）');
      guide.getRow(last + 3).values = [14, DOCS, DOCS, '管理文档', 120, docsId];
      expect('说明', last + 3, '工作表');
      assert.equal(expected.length, 20);

      const resultsBefore = await listResults(ctx.store.db, f.assessmentId);
      const auditsBefore = await auditCount(ctx, f.organisationId);
      const error = await problemsOf(
        importWorkbook(ctx, f.actor, f.organisationId, f.assessmentId, await save(book)),
      );
      assert.equal(error.code, 'VALIDATION_FAILED');
      assert.deepEqual(
        error.details.map((d) => d.path).sort(),
        [...expected].sort(),
        JSON.stringify(error.details, null, 1),
      );
      assert.equal(error.message, 'the workbook has 20 problem(s); nothing was imported');
      const message = (path: string) => error.details.find((d) => d.path === path)?.message ?? '';
      assert.match(message(`sheet ${SERVER} row 2 column 编号`), /not a requirement.*not guessed/);
      assert.match(message(`sheet ${SERVER} row 3 column 测评项`), /requirement text changed/);
      assert.match(message(`sheet ${SERVER} row 5 column 符合情况`), /基本符合/);
      assert.match(message(`sheet ${SERVER} row 6 column 原因说明`), /部分符合/);
      assert.match(
        message(`sheet ${SERVER} row 8 column 结果记录`),
        /4001 characters; at most 4000/,
      );
      assert.match(
        message(`sheet ${SERVER} row 12 column 符合情况`),
        /no result|符合情况 is empty/,
      );
      assert.match(message(`sheet ${ROOM} row 2 column 编号`), /does not apply/);
      assert.match(message(`sheet ${DATABASE} row ${copy.number} column 编号`), /row 2/);
      assert.match(message('sheet 主机房副本'), /same test object/);
      assert.match(message('sheet 额外的表'), /未知工作表/);
      assert.match(
        message(`sheet 说明 row ${last + 2} column 对象编号（请勿修改）`),
        /no test object/,
      );
      assert.match(message(`sheet 说明 row ${last + 3} column 工作表`), /already listed/);

      assert.deepEqual(await listResults(ctx.store.db, f.assessmentId), resultsBefore);
      assert.equal(await auditCount(ctx, f.organisationId), auditsBefore);
    });

    it('refuses files it cannot use, as a whole', async (t) => {
      if (skip()) return t.skip('database unavailable');
      const ctx = testContext(store as Store);
      const f = await hospital(ctx);
      const exported = await exportWorkbook(ctx, f.organisationId, f.assessmentId);
      const resultsBefore = await listResults(ctx.store.db, f.assessmentId);
      const only = async (buffer: Buffer) => {
        const e = await problemsOf(
          importWorkbook(ctx, f.actor, f.organisationId, f.assessmentId, buffer),
        );
        assert.equal(e.code, 'VALIDATION_FAILED');
        assert.equal(e.details.length, 1, JSON.stringify(e.details));
        return e.details[0] as { path: string; message: string };
      };

      // Not an .xlsx at all (a CSV saved by mistake), a truncated file, an empty one.
      let d = await only(Buffer.from('序号,编号,符合情况\n1,8.1.4.1-a,符合\n'));
      assert.equal(d.path, 'file');
      assert.match(d.message, /not an \.xlsx/);
      d = await only(exported.subarray(0, Math.floor(exported.length / 2)));
      assert.equal(d.path, 'file');
      assert.match(d.message, /cannot be read/);
      d = await only(Buffer.alloc(0));
      assert.match(d.message, /empty/);

      // Without 说明 the sheets cannot be mapped.
      let book = await load(exported);
      book.removeWorksheet(sheetOf(book, '说明').id);
      d = await only(await save(book));
      assert.equal(d.path, 'sheet 说明');

      // 说明 without its object table.
      book = await load(exported);
      let guide = sheetOf(book, '说明');
      guide.getRow(mappingRows(guide).header).getCell(2).value = '表';
      d = await only(await save(book));
      assert.equal(d.path, 'sheet 说明');
      assert.match(d.message, /对象编号/);

      // A workbook exported from another assessment.
      book = await load(exported);
      guide = sheetOf(book, '说明');
      let idRow = 0;
      guide.eachRow((row, n) => {
        if (row.getCell(1).value === '测评编号') idRow = n;
      });
      guide.getRow(idRow).getCell(2).value = randomUUID();
      d = await only(await save(book));
      assert.equal(d.path, `sheet 说明 row ${idRow} column 测评编号`);
      assert.match(d.message, /another assessment/);

      assert.deepEqual(await listResults(ctx.store.db, f.assessmentId), resultsBefore);

      // A completed assessment takes no import (409), whatever the file.
      const grid = await workbookQuery(ctx, f.organisationId, f.assessmentId);
      await updateAssessmentCommand(ctx, f.actor, f.organisationId, f.assessmentId, {
        version: grid.assessment.version,
        status: 'completed',
      });
      const conflict = await problemsOf(
        importWorkbook(ctx, f.actor, f.organisationId, f.assessmentId, exported),
      );
      assert.equal(conflict.code, 'CONFLICT');
      assert.equal(conflict.status, 409);
      assert.deepEqual(await listResults(ctx.store.db, f.assessmentId), resultsBefore);
    });

    it('imports a 10,000-row workbook', async (t) => {
      if (skip()) return t.skip('database unavailable');
      const ctx = testContext(store as Store);
      const f = await createHospitalAssessment(ctx, { objects: [] });
      const objects = largeObjectList(
        10_000,
        await rowsPerKind(ctx, f.organisationId, f.assessmentId),
      );
      for (const input of objects) {
        await addTestObjectCommand(ctx, f.actor, f.organisationId, f.assessmentId, input);
      }
      const exported = await exportWorkbook(ctx, f.organisationId, f.assessmentId);
      const { buffer, filled } = await fillExportedWorkbook(exported);
      assert.ok(filled >= 10_000, `${filled} rows`);
      const started = performance.now();
      const report = await importWorkbook(ctx, f.actor, f.organisationId, f.assessmentId, buffer);
      t.diagnostic(
        `${dialect}: ${filled} rows on ${objects.length} sheets imported in ${(performance.now() - started).toFixed(0)} ms`,
      );
      assert.deepEqual(report, {
        rows: filled,
        created: filled,
        updated: 0,
        unchanged: 0,
        skipped: 0,
        findingNotes: 0,
      });
      assert.equal((await listResults(ctx.store.db, f.assessmentId)).length, filled);
    });
  });
}
