/**
 * The bounded spreadsheet reader: what it reads from a workbook Excel (here exceljs) writes, and
 * the hostile files of issue 12 — each built here at run time — refused with the limit named.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { ValidationError } from '../errors';
import { neutraliseCell } from '../shared/spreadsheet-cells';
import {
  entry,
  farColumn,
  inflationBomb,
  longCell,
  manyRows,
  manySheets,
  sheetEntry,
  skeleton,
  zip,
} from '../../test/fixtures/workbook-bombs';
import { say, wordsOf } from '../shared/vocabulary';
import { cellText, readCell } from './cells';
import { DEFAULT_IMPORT_LIMITS, importLimitsFromEnv, tighten } from './limits';
import { readSpreadsheet } from './reader';
import type { CellValue } from './types';

const MB = 1024 * 1024;

/** The one problem of a file the reader refuses; fails if it reads. */
async function refusal(
  buffer: Buffer,
  own?: Parameters<typeof readSpreadsheet>[1],
): Promise<{ path: string; message: string }> {
  try {
    await readSpreadsheet(buffer, own);
  } catch (e) {
    assert.ok(e instanceof ValidationError, `a ValidationError, not ${String(e)}`);
    assert.equal(e.status, 400);
    assert.equal(e.details.length, 1, JSON.stringify(e.details));
    const d = e.details[0]!;
    // Every refusal is keyed, so a Chinese client shows it in Chinese.
    assert.ok(d.code && wordsOf(d.code), `a vocabulary code, not ${String(d.code)}`);
    assert.match(say(d.code, d.params, 'zh'), /[\u4e00-\u9fff]/);
    return { path: d.path, message: d.message };
  }
  assert.fail('the file was read');
}

/** The uncompressed size a zip's central directory declares for its entries. */
function declaredSizes(buffer: Buffer): number[] {
  const sizes: number[] = [];
  for (let p = buffer.indexOf(0x02014b50 & 0xff); p >= 0; p = buffer.indexOf(0x50, p + 1)) {
    if (buffer.readUInt32LE(p) === 0x02014b50) sizes.push(buffer.readUInt32LE(p + 24));
    if (p + 4 > buffer.length - 4) break;
  }
  return sizes;
}

describe('spreadsheet reader: what it reads', () => {
  it('reads values the way a user sees them: text, numbers, dates, formula results, rich text, links, merges', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('资产');
    sheet.addRow(['编码', '数量', '启用', '日期', '公式', '富文本', '链接']);
    sheet.addRow([
      'MB-APP',
      -12.5,
      true,
      new Date(Date.UTC(2024, 2, 15)),
      { formula: 'TRIM(" A ")', result: 'A' },
      { richText: [{ text: '柜面' }, { font: { bold: true }, text: '业务系统' }] },
      { text: '国家标准', hyperlink: 'https://openstd.samr.gov.cn' },
    ] as ExcelJS.CellValue[]);
    sheet.getCell('D2').numFmt = 'yyyy-mm-dd';
    sheet.getCell('A4').value = {
      formula: 'A1/0',
      result: { error: '#DIV/0!' },
    } as ExcelJS.CellValue;
    sheet.getCell('B4').value = { formula: 'A1' } as ExcelJS.CellValue;
    sheet.getCell('C4').value = neutraliseCell('=HYPERLINK("http://x","y")');
    sheet.getCell('A6').value = '合并';
    sheet.mergeCells('A6:B7');
    sheet.getCell('C7').value = '备注';
    // Reaching past the last row with values, a range adds no rows there (nor would A1:XFD1048576).
    sheet.getCell('A9').value = '到底';
    sheet.mergeCells('A9:C5000');
    book.addWorksheet('空表');
    const buffer = Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer);

    const read = await readSpreadsheet(buffer);
    assert.deepEqual(
      read.sheets.map((s) => s.name),
      ['资产', '空表'],
    );
    const s = read.sheets[0]!;
    assert.deepEqual(
      s.rows.map((r) => r.r),
      [1, 2, 4, 6, 7, 9],
    );
    const row2 = s.rows[1]!.cells;
    assert.deepEqual(row2.slice(0, 3), ['MB-APP', -12.5, true]);
    assert.ok(row2[3] instanceof Date);
    assert.equal((row2[3] as Date).toISOString(), '2024-03-15T00:00:00.000Z');
    assert.deepEqual(row2.slice(4).map(cellText), ['A', '柜面业务系统', '国家标准']);
    assert.deepEqual(s.cell(4, 1), { error: '#DIV/0!' });
    assert.match(readCell(s.cell(4, 1)).problem ?? '', /#DIV\/0!/);
    assert.match(readCell(s.cell(4, 2)).problem ?? '', /no saved result/);
    // Our own neutralised text reads back as it was.
    assert.equal(s.cell(4, 3), `'=HYPERLINK("http://x","y")`);
    assert.equal(cellText(s.cell(4, 3)), '=HYPERLINK("http://x","y")');
    // A merged range reads as its top-left value in every cell.
    for (const [r, c] of [
      [6, 1],
      [6, 2],
      [7, 1],
      [7, 2],
    ] as const) {
      assert.equal(s.cell(r, c), '合并');
    }
    assert.equal(s.cell(5, 1), null);
    assert.deepEqual(s.rows.at(-1), { r: 9, cells: ['到底', '到底', '到底'] });
    assert.equal(read.sheets[1]!.rows.length, 0);
  });

  it('reads shared strings without their phonetic runs, and cells without references', async () => {
    const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const buffer = zip([
      ...skeleton(['表'], true),
      entry(
        'xl/sharedStrings.xml',
        `<sst xmlns="${ns}"><si><r><t>等级</t></r><r><t xml:space="preserve"> 保护</t></r><rPh><t>とう</t></rPh></si><si><t>&lt;a&amp;b&gt;</t></si></sst>`,
      ),
      sheetEntry(1, '<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c><v>3</v></c></row>'),
    ]);
    const s = (await readSpreadsheet(buffer)).sheets[0]!;
    assert.deepEqual(s.rows, [{ r: 1, cells: ['等级 保护', '<a&b>', 3] }]);
  });
});

describe('spreadsheet reader: hostile files (issue 12)', () => {
  it('refuses an empty file, a 2-byte file, a CSV and a truncated workbook as not readable', async () => {
    let d = await refusal(Buffer.alloc(0));
    assert.deepEqual(d, { path: 'file', message: 'the file is empty (文件为空)' });
    d = await refusal(Buffer.from('PK'));
    assert.equal(d.path, 'file');
    assert.match(d.message, /not an \.xlsx workbook \(不是 \.xlsx 文件\)/);
    d = await refusal(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]));
    assert.match(d.message, /only 6 bytes.*文件过小/);
    d = await refusal(Buffer.from('编码,名称\nA,B\n'));
    assert.match(d.message, /not an \.xlsx workbook/);
    const whole = manySheets(3);
    d = await refusal(whole.subarray(0, Math.floor(whole.length / 2)));
    assert.match(d.message, /cannot be read.*无法读取/);
    // A zip that is not a workbook (a .docx, say).
    d = await refusal(zip([entry('word/document.xml', '<w:document/>')]));
    assert.match(d.message, /not an \.xlsx workbook/);
  });

  it('refuses a zip bomb by the bytes it really inflates to, whatever sizes it declares', async () => {
    for (const lie of [false, true]) {
      const bomb = inflationBomb(4, 450 * MB, lie);
      assert.ok(bomb.length < 4 * MB, `${bomb.length} bytes on disk`);
      const declared = declaredSizes(bomb);
      assert.ok(
        lie ? declared.every((n) => n <= 1024) : declared.some((n) => n > 400 * MB),
        String(declared),
      );
      const started = performance.now();
      const d = await refusal(bomb);
      assert.equal(d.path, 'file');
      assert.match(d.message, /unpacks to more than 128 MB \(文件解压后超过 128 MB，已拒绝\)/);
      assert.ok(performance.now() - started < 30_000);
    }
    // A lower limit, set by an importer (or DENGBAO_IMPORT_MAX_INFLATED_BYTES), stops it earlier.
    const d = await refusal(inflationBomb(1, 20 * MB, true), { maxInflatedBytes: 8 * MB });
    assert.match(d.message, /more than 8 MB/);
  });

  it('refuses a million rows, too many sheets, an over-long cell and a value far to the right, naming the place', async () => {
    let d = await refusal(manyRows(1_000_000));
    assert.deepEqual(d, {
      path: 'sheet 数据',
      message:
        'the sheet has more than 100000 data rows (数据行超过 100000 行); split the workbook',
    });
    assert.match((await refusal(manyRows(200), { maxRows: 150 })).message, /more than 150 data/);
    await readSpreadsheet(manyRows(151), { maxRows: 150 }); // header + 150 data rows: fine

    d = await refusal(manySheets(1001));
    assert.equal(d.path, 'file');
    assert.match(d.message, /more than 1000 sheets \(工作表超过 1000 个\)/);
    assert.equal((await readSpreadsheet(manySheets(1000))).sheets.length, 1000);

    for (const shared of [true, false]) {
      d = await refusal(longCell(40_000, shared));
      assert.deepEqual(d, {
        path: 'sheet 长文本 row 3 column C',
        message: 'the cell holds 40000 characters, more than 32767 (单元格文本超过 32767 个字符)',
      });
    }
    assert.equal(
      (await readSpreadsheet(longCell(32_767))).sheets[0]!.cell(3, 3),
      '长'.repeat(32_767),
    );

    d = await refusal(farColumn('XFD'));
    assert.equal(d.path, 'sheet 宽表 row 1 column XFD');
    assert.match(d.message, /beyond the 256 columns allowed \(列数超过 256\)/);
    assert.equal((await readSpreadsheet(farColumn('IV'))).sheets[0]!.cell(1, 256), 2);
  });

  it('a parse that outgrows its worker heap or its time is a 400, and the reader still works after', async () => {
    // 60,000 rows of ten distinct texts need far more than a 16 MB heap.
    const rows: string[] = [];
    for (let r = 1; r <= 60_000; r++) {
      let cells = '';
      for (let c = 0; c < 10; c++) cells += `<c t="inlineStr"><is><t>第${r}行第${c}列</t></is></c>`;
      rows.push(`<row r="${r}">${cells}</row>`);
    }
    const big = zip([...skeleton(['大表']), sheetEntry(1, rows.join(''))]);
    let d = await refusal(big, { workerHeapMb: 16 });
    assert.equal(d.path, 'file');
    assert.match(d.message, /more than the 16 MB of memory allowed \(文件内容过大/);
    d = await refusal(manyRows(1_000_000), { timeoutMs: 1 });
    assert.match(d.message, /took longer than 0\.001 s \(读取超时\)/);
    assert.equal((await readSpreadsheet(big)).sheets[0]!.rows.length, 60_000);
  });
});

describe('import limits', () => {
  it('documented defaults, each settable by environment, tightened but never loosened by an importer', () => {
    assert.deepEqual(DEFAULT_IMPORT_LIMITS, {
      maxFileBytes: 20 * MB,
      maxInflatedBytes: 128 * MB,
      maxSheets: 1000,
      maxRows: 100_000,
      maxColumns: 256,
      maxCellChars: 32_767,
      maxCells: 2_000_000,
      workerHeapMb: 256,
      timeoutMs: 60_000,
    });
    const set = importLimitsFromEnv({
      DENGBAO_IMPORT_MAX_FILE_BYTES: '1048576',
      DENGBAO_IMPORT_MAX_INFLATED_BYTES: '67108864',
      DENGBAO_IMPORT_MAX_SHEETS: '50',
      DENGBAO_IMPORT_MAX_ROWS: '5000',
      DENGBAO_IMPORT_MAX_COLUMNS: '64',
      DENGBAO_IMPORT_MAX_CELL_CHARS: '4000',
      DENGBAO_IMPORT_MAX_CELLS: '100000',
      DENGBAO_IMPORT_WORKER_HEAP_MB: '128',
      DENGBAO_IMPORT_TIMEOUT_SECONDS: '20',
    });
    assert.deepEqual(Object.values(set), [MB, 64 * MB, 50, 5000, 64, 4000, 100_000, 128, 20_000]);
    assert.throws(
      () => importLimitsFromEnv({ DENGBAO_IMPORT_MAX_ROWS: 'lots' }),
      /DENGBAO_IMPORT_MAX_ROWS/,
    );
    assert.equal(tighten(set, { maxRows: 50_000 }).maxRows, 5000);
    assert.equal(tighten(set, { maxRows: 100 }).maxRows, 100);
  });
});

// Types of the values the importers switch on.
const _values: CellValue[] = ['', 0, false, new Date(0), { error: '#N/A' }, { formula: 'A1' }];
void _values;
