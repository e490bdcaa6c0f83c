/**
 * The assessment workbook's Excel file, issue 14 parts, on SQLite and PostgreSQL: the 安全问题
 * sheet (findings with their high-risk guide cases) filled in and read back into the finding
 * notes, 结果记录 required for 不符合 / 部分符合, sheets that follow an object's own control
 * points, object attributes on 说明, and the optional test-guidance columns.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { exportWorkbook, importWorkbook, parseEntries } from '../../src/app/assessment-excel';
import { addTestObjectCommand, writeResultsCommand } from '../../src/app/assessment/commands';
import { findingsQuery, workbookQuery } from '../../src/app/assessment/queries';
import { testGuidanceFor } from '../../src/catalogs/test-guidance';
import { AppError } from '../../src/errors';
import type { Store } from '../../src/store/database';
import { listFindingNotes } from '../../src/store/repositories/assessments.repository';
import { createHospitalAssessment } from '../fixtures/assessment-fixture';
import { openTestStore, TEST_DIALECTS, testContext } from '../support';

const SERVER = 'HIS应用服务器（麒麟V10）';
const DATABASE = 'HIS数据库 达梦DM8';

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return book;
}

const save = async (book: ExcelJS.Workbook) =>
  Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer);

function headersOf(sheet: ExcelJS.Worksheet): string[] {
  return (sheet.getRow(1).values as unknown[]).slice(1).map((v) => String(v ?? ''));
}

function cell(sheet: ExcelJS.Worksheet, row: number, header: string): ExcelJS.Cell {
  const col = headersOf(sheet).indexOf(header) + 1;
  assert.ok(col > 0, `column ${header} in ${sheet.name}`);
  return sheet.getRow(row).getCell(col);
}

/** Excel rows whose 编号 (and, on 安全问题, case) match. */
function rowsOf(sheet: ExcelJS.Worksheet, id: string, caseId?: string): number[] {
  const out: number[] = [];
  sheet.eachRow((_, r) => {
    if (r === 1 || String(cell(sheet, r, '编号').value) !== id) return;
    if (caseId && !String(cell(sheet, r, '高风险案例').value).startsWith(caseId)) return;
    out.push(r);
  });
  return out;
}

async function refused(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof AppError, String(error));
    return error;
  }
  assert.fail('expected the import to be refused');
}

describe('已见情形 / 缓解措施 cells (pure)', () => {
  const entries = [
    { zh: '存在空口令账户。', en: 'Empty passwords.' },
    { zh: '鉴别可被绕过。', en: 'Authentication can be bypassed.' },
    { zh: '未限制远程登录，登录地址不受控。', en: 'Remote sign-in unrestricted.' },
  ];
  it('reads numbers, texts and numbered texts; names what it cannot read', () => {
    assert.deepEqual(parseEntries('1、3', entries), { indexes: [0, 2] });
    assert.deepEqual(parseEntries('3, 1 ,1', entries), { indexes: [0, 2] });
    assert.deepEqual(parseEntries('鉴别可被绕过。', entries), { indexes: [1] });
    assert.deepEqual(parseEntries('2. 鉴别可被绕过。\n未限制远程登录，登录地址不受控。', entries), {
      indexes: [1, 2],
    });
    assert.deepEqual(parseEntries('Empty passwords.', entries), { indexes: [0] });
    assert.deepEqual(parseEntries('', entries), { indexes: [] });
    assert.deepEqual(parseEntries('4', entries), { bad: '4' });
    assert.deepEqual(parseEntries('口令太短', entries), { bad: '口令太短' });
  });
});

for (const dialect of TEST_DIALECTS) {
  describe(`assessment Excel: findings sheet, records, scopes and guidance on ${dialect}`, () => {
    let store: Store | null;
    before(async () => {
      store = await openTestStore(dialect);
    });
    after(async () => store?.close());
    const skip = () => store === null;

    it('lists findings with their guide cases and reads 确认风险, 已见情形 and 缓解措施 back', async (t) => {
      if (skip()) return t.skip('database unavailable');
      const ctx = testContext(store as Store);
      const f = await createHospitalAssessment(ctx);
      const id = (name: string) => f.objects.find((o) => o.name === name)?.id as string;
      await writeResultsCommand(ctx, f.actor, f.organisationId, f.assessmentId, {
        rows: [
          {
            requirementId: '8.1.4.1-a',
            objectId: id(DATABASE),
            version: 0,
            result: 'non_compliant',
            record: '达梦DM8 存在空口令的 SYSDBA 账户，可远程登录。',
          },
          {
            requirementId: '8.1.4.1-a',
            objectId: id(SERVER),
            version: 0,
            result: 'compliant',
            record: '麒麟V10 已启用口令复杂度策略。',
          },
        ],
      });
      const exported = await exportWorkbook(ctx, f.organisationId, f.assessmentId);
      const book = await load(exported);
      assert.equal(book.worksheets.at(-1)?.name, '安全问题');
      const sheet = book.getWorksheet('安全问题') as ExcelJS.Worksheet;
      assert.deepEqual(headersOf(sheet), [
        '序号',
        '编号',
        '条款',
        '控制点',
        '问题（测评项）',
        '测评对象及结果',
        '建议风险',
        '建议依据',
        '确认风险',
        '高风险案例',
        '案例情形',
        '案例缓解措施',
        '已见情形',
        '缓解措施',
      ]);
      const [r] = rowsOf(sheet, '8.1.4.1-a', '6.4.1.1');
      assert.ok(r, 'a row for 8.1.4.1-a and case 6.4.1.1');
      assert.equal(cell(sheet, r, '条款').value, '8.1.4.1 a)');
      assert.match(String(cell(sheet, r, '测评对象及结果').value), /HIS数据库 达梦DM8：不符合/);
      assert.match(
        String(cell(sheet, r, '测评对象及结果').value),
        /HIS应用服务器（麒麟V10）：符合/,
      );
      assert.match(String(cell(sheet, r, '建议风险').value), /^(高|中|低)风险$/);
      assert.equal(cell(sheet, r, '确认风险').value, '');
      assert.match(String(cell(sheet, r, '案例情形').value), /^1\. 存在可登录的空口令账户/);
      assert.match(String(cell(sheet, r, '案例缓解措施').value), /\n2\. /);
      assert.equal(cell(sheet, r, '确认风险').dataValidation?.type, 'list');

      // The untouched file changes nothing.
      const same = await importWorkbook(ctx, f.actor, f.organisationId, f.assessmentId, exported);
      assert.equal(same.findingNotes, 0);
      assert.deepEqual(await listFindingNotes(ctx.store.db, f.assessmentId), []);

      // The assessor fills in what was seen (by number) and the mitigation (by its text).
      const mitigation = String(cell(sheet, r, '案例缓解措施').value)
        .split('\n')[0]
        ?.replace(/^1\. /, '') as string;
      cell(sheet, r, '已见情形').value = '1';
      cell(sheet, r, '缓解措施').value = mitigation;
      cell(sheet, r, '确认风险').value = '中风险';
      const filled = await save(book);
      const report = await importWorkbook(ctx, f.actor, f.organisationId, f.assessmentId, filled);
      assert.equal(report.findingNotes, 1);
      assert.equal(report.created + report.updated, 0);
      const finding = (await findingsQuery(ctx, f.organisationId, f.assessmentId)).find(
        (x) => x.requirementId === '8.1.4.1-a',
      );
      assert.deepEqual(finding?.observations, [
        { caseId: '6.4.1.1', symptoms: [0], mitigations: [0] },
      ]);
      assert.equal(finding?.risk, 'medium');
      assert.equal(finding?.confirmedBy, 'zhang.wei');

      // Exported again, the sheet shows the notes as numbers; importing that is a no-op.
      const again = await load(await exportWorkbook(ctx, f.organisationId, f.assessmentId));
      const sheet2 = again.getWorksheet('安全问题') as ExcelJS.Worksheet;
      const [r2] = rowsOf(sheet2, '8.1.4.1-a', '6.4.1.1');
      assert.ok(r2);
      assert.equal(cell(sheet2, r2, '已见情形').value, '1');
      assert.equal(cell(sheet2, r2, '缓解措施').value, '1');
      assert.equal(cell(sheet2, r2, '确认风险').value, '中风险');
      const noop = await importWorkbook(
        ctx,
        f.actor,
        f.organisationId,
        f.assessmentId,
        await save(again),
      );
      assert.equal(noop.findingNotes, 0);

      // Problems are named by sheet, row and column; nothing is written.
      const notesBefore = await listFindingNotes(ctx.store.db, f.assessmentId);
      cell(sheet2, r2, '已见情形').value = '1、9';
      cell(sheet2, r2, '确认风险').value = '严重';
      const db = again.getWorksheet(DATABASE) as ExcelJS.Worksheet;
      const [dbRow] = rowsOf(db, '8.1.4.2-a');
      assert.ok(dbRow);
      cell(db, dbRow, '符合情况').value = '不符合';
      cell(db, dbRow, '结果记录').value = '';
      const error = await refused(
        importWorkbook(ctx, f.actor, f.organisationId, f.assessmentId, await save(again)),
      );
      assert.deepEqual(error.details.map((d) => d.path).sort(), [
        `sheet ${DATABASE} row ${dbRow} column 结果记录`,
        `sheet 安全问题 row ${r2} column 已见情形`,
        `sheet 安全问题 row ${r2} column 确认风险`,
      ]);
      const byPath = new Map(error.details.map((d) => [d.path, d]));
      assert.equal(
        byPath.get(`sheet ${DATABASE} row ${dbRow} column 结果记录`)?.code,
        'workbook_xlsx.record_required',
      );
      assert.match(byPath.get(`sheet 安全问题 row ${r2} column 已见情形`)?.message ?? '', /“9”/);
      assert.deepEqual(await listFindingNotes(ctx.store.db, f.assessmentId), notesBefore);
    });

    it('object sheets follow the object’s own control points; 说明 lists attributes; guidance columns on request', async (t) => {
      if (skip()) return t.skip('database unavailable');
      const ctx = testContext(store as Store);
      const f = await createHospitalAssessment(ctx);
      await addTestObjectCommand(ctx, f.actor, f.organisationId, f.assessmentId, {
        name: '运维终端区',
        kind: 'terminal',
        attributes: { ipAddresses: ['10.20.0.0/24'], os: 'Windows 10', role: '运维终端' },
        controlPoints: ['8.1.4.1'],
      });
      const grid = await workbookQuery(ctx, f.organisationId, f.assessmentId);
      const exported = await exportWorkbook(ctx, f.organisationId, f.assessmentId);
      const book = await load(exported);

      // 说明: attributes beside each object.
      const guide = book.getWorksheet('说明') as ExcelJS.Worksheet;
      let header = 0;
      guide.eachRow((row, n) => {
        if (row.getCell(2).value === '工作表') header = n;
      });
      const guideHeaders = (guide.getRow(header).values as unknown[]).map((v) => String(v ?? ''));
      const at = (row: number, h: string) => guide.getRow(row).getCell(guideHeaders.indexOf(h));
      let switchRow = 0;
      let terminalRow = 0;
      guide.eachRow((row, n) => {
        if (row.getCell(3).value === '核心交换机 H3C S10508') switchRow = n;
        if (row.getCell(3).value === '运维终端区') terminalRow = n;
      });
      assert.equal(at(switchRow, 'IP地址').value, '10.10.0.1');
      assert.equal(at(switchRow, '型号').value, 'S10508');
      assert.equal(at(switchRow, '版本').value, 'Comware V7.1.070');
      assert.equal(at(terminalRow, '操作系统/产品').value, 'Windows 10');
      assert.equal(at(terminalRow, '用途').value, '运维终端');

      // The terminal area's sheet lists exactly its control point's items.
      const terminal = book.getWorksheet('运维终端区') as ExcelJS.Worksheet;
      const ids: string[] = [];
      terminal.eachRow((_, n) => {
        if (n > 1) ids.push(String(cell(terminal, n, '编号').value));
      });
      const expected = grid.rows
        .filter((r) => r.objectId === grid.assessment.objects.at(-1)?.id)
        .map((r) => r.requirementId);
      assert.deepEqual(ids, expected);
      assert.ok(ids.length >= 3 && ids.every((x) => x.startsWith('8.1.4.1-')), ids.join());
      assert.equal(at(terminalRow, '测评项数').value, ids.length);

      // A row of another control point on that sheet is reported.
      cell(terminal, 2, '编号').value = '8.1.4.2-a';
      const error = await refused(
        importWorkbook(ctx, f.actor, f.organisationId, f.assessmentId, await save(book)),
      );
      assert.deepEqual(
        error.details.map((d) => d.path),
        ['sheet 运维终端区 row 2 column 编号'],
      );

      // No guidance columns unless asked; asked, they follow 测评项 and hold the level-3 guidance.
      const plain = book.getWorksheet(SERVER) as ExcelJS.Worksheet;
      assert.ok(!headersOf(plain).includes('测评步骤'));
      const guided = await exportWorkbook(ctx, f.organisationId, f.assessmentId, {
        guidance: true,
      });
      const server = (await load(guided)).getWorksheet(SERVER) as ExcelJS.Worksheet;
      const headers = headersOf(server);
      const textAt = headers.indexOf('测评项');
      assert.deepEqual(headers.slice(textAt + 1, textAt + 4), ['测评步骤', '预期结果', '判定依据']);
      const guidance = testGuidanceFor('8.1.4.1-a');
      assert.ok(guidance, 'the shipped guidance has 8.1.4.1-a');
      const [row] = rowsOf(server, '8.1.4.1-a');
      assert.ok(row);
      assert.ok(
        String(cell(server, row, '测评步骤').value).startsWith(`1. ${guidance.steps[0]?.zh}`),
      );
      assert.equal(cell(server, row, '预期结果').value, guidance.expected.zh);
      assert.equal(cell(server, row, '判定依据').value, guidance.judgement.zh);
      // The guidance columns are not read back: the file imports as it is.
      const report = await importWorkbook(ctx, f.actor, f.organisationId, f.assessmentId, guided);
      assert.equal(report.created + report.updated, 0);
    });
  });
}
