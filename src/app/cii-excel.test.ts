/**
 * The CII exchange file as an Excel workbook: the round trip of the bank example, what an
 * edited workbook reads as, every problem with its sheet, row and column, and the guards
 * against hostile files.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { parse } from 'yaml';
import { ValidationError, type ErrorDetail } from '../errors';
import { CiiFileSchema, type CiiFile } from '../shared/cii-schemas';
import { inflationBomb, manyRows } from '../../test/fixtures/workbook-bombs';
import {
  CII_WORKBOOK_MAX_BYTES,
  CII_WORKBOOK_MAX_ROWS,
  ciiWorkbook,
  parseWorkbookDate,
  readCiiWorkbook,
} from './cii-excel';

const EXAMPLE = new URL('../../docs/examples/cii-bank-payment-clearing.yaml', import.meta.url);
const bank = (): CiiFile => CiiFileSchema.parse(parse(readFileSync(EXAMPLE, 'utf8')));

/** Drops null and undefined fields, so `{ party: null }` and `{}` compare equal. */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => [k, normalise(v)]),
    );
  }
  return value;
}

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return book;
}

async function save(book: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The workbook of `file`, edited by `edit` as a user would in Excel. */
async function edited(
  file: CiiFile,
  edit: (book: ExcelJS.Workbook) => void | Promise<void>,
): Promise<Buffer> {
  const book = await load(await ciiWorkbook(file));
  await edit(book);
  return save(book);
}

const sheet = (book: ExcelJS.Workbook, name: string) => {
  const found = book.getWorksheet(name);
  assert.ok(found, `sheet ${name}`);
  return found;
};

/** Column number of a header on row 1. */
function columnOf(ws: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  ws.getRow(1).eachCell((cell, col) => {
    if (cell.value === header) found = col;
  });
  assert.ok(found, `column ${header} on sheet ${ws.name}`);
  return found;
}

function setCell(
  book: ExcelJS.Workbook,
  name: string,
  row: number,
  header: string,
  value: ExcelJS.CellValue,
): void {
  const ws = sheet(book, name);
  ws.getRow(row).getCell(columnOf(ws, header)).value = value;
}

/** The problems of a workbook that must not read; fails if it reads. */
async function problemsOf(buffer: Buffer): Promise<ErrorDetail[]> {
  try {
    await readCiiWorkbook(buffer);
  } catch (e) {
    assert.ok(e instanceof ValidationError, `a ValidationError, not ${String(e)}`);
    assert.equal(e.code, 'VALIDATION_FAILED');
    return [...e.details];
  }
  assert.fail('the workbook was read although it has problems');
}

/** A file using every optional field and the less common encodings. */
function richFile(): CiiFile {
  const file = bank();
  const asset = file.assets[0]!;
  asset.party = '某外包运营商';
  asset.system = '手机银行系统';
  const business = file.coreBusinesses[0]!;
  business.chainSteps = [
    { name: '支付指令受理', description: '柜面与手机银行受理，含 8:30 开门' },
    { name: '清算处理' },
  ];
  business.infoCategories = [
    { name: '支付交易信息', important: true, description: '含重要数据' },
    { name: '对账文件', important: false },
  ];
  business.boundaryFollow = {
    runs_on: true,
    authenticates_with: false,
    managed_by: true,
    protected_by: false,
  };
  business.flows[0]!.description = '从受理到清算的支付指令';
  file.coreBusinesses.push({
    name: '同城票据交换',
    sector: 'finance',
    chainSteps: [],
    infoCategories: [],
    boundaryFollow: {
      runs_on: false,
      authenticates_with: false,
      managed_by: false,
      protected_by: false,
    },
    flows: [
      {
        name: '票据影像',
        hops: [
          { asset: '001', stage: 'collection', note: '扫描' },
          { asset: 'CORE-DB', stage: 'storage' },
        ],
      },
    ],
  });
  file.assets.push({ code: '001', name: '票据影像采集终端', kind: 'information_system' });
  return file;
}

describe('CII exchange file as an Excel workbook', () => {
  it('round trip of the bank example: YAML → workbook → read back gives the same file', async () => {
    const file = bank();
    const { file: back } = await readCiiWorkbook(await ciiWorkbook(file));
    assert.deepEqual(normalise(back), normalise(file));
    // Not vacuous: the example has content in every part.
    assert.equal(back.assets.length, 23);
    assert.equal(back.dependencies.length, 19);
    assert.equal(back.coreBusinesses[0]?.flows[0]?.hops.length, 8);
    assert.equal(back.coreBusinesses[0]?.designatedOn, '2024-03-15');
  });

  it('round trip of optional fields: party, system, step descriptions, important marks, boundary rules, hop notes, text codes', async () => {
    const file = richFile();
    const { file: back } = await readCiiWorkbook(await ciiWorkbook(file));
    assert.deepEqual(normalise(back), normalise(file));
    assert.equal(back.coreBusinesses[1]?.boundaryFollow?.runs_on, false);
    assert.equal(back.coreBusinesses[1]?.designatedOn ?? null, null);
    assert.equal(back.assets.at(-1)?.code, '001');
  });

  it('the workbook has the documented sheets, Chinese headers with English comments, labels and drop-downs', async () => {
    const file = richFile();
    const book = await load(await ciiWorkbook(file));
    assert.deepEqual(
      book.worksheets.map((s) => s.name),
      ['说明', '资产', '依赖', '核心业务', '信息流'],
    );
    const headers = (name: string) =>
      (sheet(book, name).getRow(1).values as unknown[]).filter((v) => v !== undefined);
    assert.deepEqual(headers('资产'), ['编码', '名称', '类型', '外部单位', '关联定级对象', '说明']);
    assert.deepEqual(headers('依赖'), ['资产编码', '依赖类型', '被依赖资产编码', '说明']);
    assert.deepEqual(headers('核心业务'), [
      '名称',
      '行业领域',
      '认定部门',
      '认定通知',
      '认定日期',
      '说明',
      '关键业务链',
      '关键业务信息',
      '边界纳入规则',
    ]);
    assert.deepEqual(headers('信息流'), [
      '核心业务',
      '信息流',
      '信息类别',
      '说明',
      '序号',
      '资产编码',
      '生命周期阶段',
      '环节说明',
    ]);
    const assets = sheet(book, '资产');
    assert.match(String(assets.getCell('A1').note), /^code/);
    assert.equal(assets.getCell('C2').value, '信息系统');
    assert.equal(assets.getCell('C2').dataValidation?.type, 'list');
    assert.match(String(assets.getCell('C2').dataValidation?.formulae?.[0]), /外部系统/);
    assert.equal(assets.views[0]?.state, 'frozen');
    const business = sheet(book, '核心业务');
    assert.equal(business.getCell('B2').value, '金融');
    assert.equal(business.getCell('E2').value, '2024-03-15');
    assert.equal(
      business.getCell('G2').value,
      '支付指令受理：柜面与手机银行受理，含 8:30 开门；清算处理',
    );
    assert.equal(business.getCell('H2').value, '支付交易信息*：含重要数据；对账文件');
    assert.equal(business.getCell('I2').value, '运行于；运维管理');
    assert.equal(business.getCell('I3').value, '无');
    const flows = sheet(book, '信息流');
    assert.deepEqual((flows.getRow(4).values as unknown[]).slice(1), [
      '支付清算业务',
      '支付指令',
      '支付交易信息',
      '从受理到清算的支付指令',
      3,
      'PAY-GW',
      '传输',
      '',
    ]);
    assert.equal(flows.getCell('G2').dataValidation?.type, 'list');
    assert.equal(sheet(book, '依赖').getCell('B2').dataValidation?.type, 'list');
    assert.equal(business.getCell('B2').dataValidation?.type, 'list');
  });

  it('an edited workbook with an unknown asset kind, a bad date and a hop-sequence gap reports all three', async () => {
    const buffer = await edited(bank(), (book) => {
      setCell(book, '资产', 5, '类型', '大型主机');
      setCell(book, '核心业务', 2, '认定日期', '2024-02-30');
      // The user deletes hop 3 of 支付指令 (row 4): 序号 now runs 1, 2, 4, ….
      sheet(book, '信息流').spliceRows(4, 1);
    });
    const problems = await problemsOf(buffer);
    assert.deepEqual(problems.map((p) => p.path).sort(), [
      'sheet 信息流 row 4 column 序号',
      'sheet 核心业务 row 2 column 认定日期',
      'sheet 资产 row 5 column 类型',
    ]);
    const message = (path: string) => problems.find((p) => p.path === path)?.message ?? '';
    assert.match(message('sheet 资产 row 5 column 类型'), /大型主机.*not an asset type/);
    assert.match(message('sheet 核心业务 row 2 column 认定日期'), /2024-02-30.*YYYY-MM-DD/);
    assert.match(message('sheet 信息流 row 4 column 序号'), /gap.*no hop 3/);
  });

  it('English codes (and English labels) are accepted for kinds, stages and sectors', async () => {
    const file = bank();
    const buffer = await edited(file, (book) => {
      file.assets.forEach((a, i) => setCell(book, '资产', i + 2, '类型', a.kind));
      setCell(book, '资产', 2, '类型', 'Information system');
      file.dependencies.forEach((d, i) => setCell(book, '依赖', i + 2, '依赖类型', d.kind));
      setCell(book, '核心业务', 2, '行业领域', 'finance');
      const hops = file.coreBusinesses[0]!.flows.flatMap((f) => f.hops);
      hops.forEach((h, i) => setCell(book, '信息流', i + 2, '生命周期阶段', h.stage));
      setCell(book, '信息流', 3, '生命周期阶段', 'COLLECTION');
    });
    const { file: back } = await readCiiWorkbook(buffer);
    assert.deepEqual(normalise(back), normalise(file));
  });

  it('locate maps file paths and schema issue paths to the sheet, row and column the user sees', async () => {
    const { locate } = await readCiiWorkbook(await ciiWorkbook(bank()));
    assert.equal(
      locate('coreBusinesses[0].flows[0].hops[2].asset'),
      'sheet 信息流 row 4 column 资产编码',
    );
    assert.equal(
      locate('coreBusinesses[0].flows[1].hops[1].stage'),
      'sheet 信息流 row 11 column 生命周期阶段',
    );
    assert.equal(
      locate('coreBusinesses[0].flows[1].infoCategory'),
      'sheet 信息流 row 10 column 信息类别',
    );
    assert.equal(locate('assets[2].code'), 'sheet 资产 row 4 column 编码');
    assert.equal(locate('assets[2].system'), 'sheet 资产 row 4 column 关联定级对象');
    assert.equal(locate('dependencies[4].from'), 'sheet 依赖 row 6 column 资产编码');
    assert.equal(locate('dependencies[4].to'), 'sheet 依赖 row 6 column 被依赖资产编码');
    assert.equal(locate('coreBusinesses[0].name'), 'sheet 核心业务 row 2 column 名称');
    // Deeper than a cell (a zod issue inside a list cell) → the cell.
    assert.equal(
      locate('coreBusinesses[0].chainSteps[1].name'),
      'sheet 核心业务 row 2 column 关键业务链',
    );
    assert.equal(locate('format'), 'format');
  });

  it('hop rows may be in any order (序号 decides) and locate follows the rows', async () => {
    const file = bank();
    const buffer = await edited(file, (book) => {
      // The user sorts the hop rows of 支付指令 (rows 2–9) descending.
      const ws = sheet(book, '信息流');
      const rows: ExcelJS.CellValue[][] = [];
      for (let r = 2; r <= 9; r++) rows.push((ws.getRow(r).values as ExcelJS.CellValue[]).slice(1));
      rows.reverse().forEach((values, i) => {
        ws.getRow(i + 2).values = values;
      });
    });
    const { file: back, locate } = await readCiiWorkbook(buffer);
    assert.deepEqual(normalise(back), normalise(file));
    // Hop 3 of 支付指令 (PAY-GW, 序号 3) was row 4; reversed it is row 7.
    assert.equal(
      locate('coreBusinesses[0].flows[0].hops[2].asset'),
      'sheet 信息流 row 7 column 资产编码',
    );
    assert.equal(sheet(await load(buffer), '信息流').getCell('F7').value, 'PAY-GW');
  });

  it('flow-level columns only on the first hop row are accepted', async () => {
    const file = bank();
    const buffer = await edited(file, (book) => {
      for (const r of [3, 4, 5, 6, 7, 8, 9, 11]) {
        for (const h of ['核心业务', '信息流', '信息类别', '说明'])
          setCell(book, '信息流', r, h, null);
      }
    });
    const { file: back } = await readCiiWorkbook(buffer);
    assert.deepEqual(normalise(back), normalise(file));
  });

  it('flow-level columns that disagree between rows of a flow are reported', async () => {
    const buffer = await edited(bank(), (book) => {
      setCell(book, '信息流', 5, '信息类别', '客户账户信息');
      setCell(book, '信息流', 10, '说明', '归档');
      setCell(book, '信息流', 11, '说明', '归档后销毁');
    });
    const problems = await problemsOf(buffer);
    assert.deepEqual(
      problems.map((p) => p.path),
      ['sheet 信息流 row 5 column 信息类别', 'sheet 信息流 row 11 column 说明'],
    );
    assert.match(problems[0]!.message, /differs from “支付交易信息” in row 2/);
  });

  it('structural problems are all reported: missing sheet, empty required cell, unknown business, duplicate code, duplicate 序号, bad boundary rule, schema issues', async () => {
    const buffer = await edited(bank(), (book) => {
      book.removeWorksheet(sheet(book, '依赖').id);
      setCell(book, '资产', 3, '名称', '   ');
      setCell(book, '资产', 4, '编码', 'MB-APP');
      setCell(book, '资产', 6, '编码', 'bad code!');
      setCell(book, '核心业务', 2, '边界纳入规则', '运行于；对外交换');
      setCell(book, '信息流', 10, '核心业务', '不存在的业务');
      setCell(book, '信息流', 11, '核心业务', '不存在的业务');
      setCell(book, '信息流', 6, '序号', 4);
      setCell(book, '信息流', 7, '生命周期阶段', '归档');
    });
    const problems = await problemsOf(buffer);
    assert.deepEqual(problems.map((p) => p.path).sort(), [
      'sheet 依赖',
      'sheet 信息流 row 10 column 核心业务',
      'sheet 信息流 row 6 column 序号',
      'sheet 信息流 row 7 column 序号',
      'sheet 信息流 row 7 column 生命周期阶段',
      'sheet 核心业务 row 2 column 边界纳入规则',
      'sheet 资产 row 3 column 名称',
      'sheet 资产 row 4 column 编码',
      'sheet 资产 row 6 column 编码',
    ]);
    const message = (path: string) => problems.find((p) => p.path === path)?.message ?? '';
    assert.match(message('sheet 依赖'), /missing/);
    assert.match(message('sheet 资产 row 3 column 名称'), /empty/);
    assert.match(message('sheet 资产 row 4 column 编码'), /also in row 2/);
    assert.match(message('sheet 资产 row 6 column 编码'), /letters, digits/); // from the schema
    assert.match(message('sheet 信息流 row 10 column 核心业务'), /不存在的业务/);
    assert.match(message('sheet 信息流 row 6 column 序号'), /also in row 5/);
    // 1, 2, 3, 4, 4, 6 …: the duplicate leaves 5 missing.
    assert.match(message('sheet 信息流 row 7 column 序号'), /no hop 5/);
    assert.match(message('sheet 核心业务 row 2 column 边界纳入规则'), /boundary point/);
  });

  it('formula cells are read by their result, rich text as plain text, strings trimmed; dates typed in Excel are accepted', async () => {
    const file = bank();
    const buffer = await edited(file, (book) => {
      setCell(book, '资产', 2, '编码', { formula: 'TRIM(" MB-APP ")', result: '  MB-APP ' });
      setCell(book, '资产', 3, '名称', {
        richText: [{ text: '柜面' }, { font: { bold: true }, text: '业务系统 ' }],
      });
      // Typed as a date in Excel: a date-formatted cell.
      setCell(book, '核心业务', 2, '认定日期', new Date(Date.UTC(2024, 2, 15)));
      // (A new style object: exceljs shares one between cells loaded with the same style.)
      const date = sheet(book, '核心业务').getCell('E2');
      date.style = { ...date.style, numFmt: 'yyyy-mm-dd' };
      setCell(book, '依赖', 2, '说明', '   ');
    });
    const { file: back } = await readCiiWorkbook(buffer);
    assert.deepEqual(normalise(back), normalise(file));

    const broken = await edited(file, (book) => {
      setCell(book, '资产', 2, '名称', { formula: 'A1/0', result: { error: '#DIV/0!' } });
      setCell(book, '资产', 3, '名称', { formula: 'A1', date1904: false } as ExcelJS.CellValue);
    });
    const problems = await problemsOf(broken);
    assert.deepEqual(
      problems.map((p) => p.path),
      ['sheet 资产 row 2 column 名称', 'sheet 资产 row 3 column 名称'],
    );
    assert.match(problems[0]!.message, /#DIV\/0!/);
    assert.match(problems[1]!.message, /no saved result/);
  });

  it('hostile files are refused: too large, not a workbook, a zip bomb, too many rows', async () => {
    const tooLarge = Buffer.alloc(CII_WORKBOOK_MAX_BYTES + 1);
    tooLarge.writeUInt32LE(0x04034b50, 0);
    let problems = await problemsOf(tooLarge);
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /larger than 10 MB/);

    problems = await problemsOf(Buffer.from('编码,名称\nA,B\n'));
    assert.match(problems[0]!.message, /not an \.xlsx workbook/);

    // A zip bomb whose entries declare 1 kB each but inflate to 450 MB each: refused by the real
    // bytes counted while inflating, the moment they pass 128 MB.
    problems = await problemsOf(inflationBomb(4, 450 * 1024 * 1024, true));
    assert.deepEqual(
      problems.map((p) => p.path),
      ['file'],
    );
    assert.match(problems[0]!.message, /unpacks to more than 128 MB/);

    // A million rows in 2.5 MB: refused at row 50,002, long before the end.
    problems = await problemsOf(manyRows(1_000_000));
    assert.deepEqual(
      problems.map((p) => p.path),
      ['sheet 数据'],
    );
    assert.match(problems[0]!.message, /more than 50000 data rows/);

    const book = await load(await ciiWorkbook(bank()));
    const deps = sheet(book, '依赖');
    for (let r = 2; r <= CII_WORKBOOK_MAX_ROWS + 2; r++) deps.getRow(r).getCell(1).value = 'x';
    problems = await problemsOf(await save(book));
    assert.deepEqual(
      problems.map((p) => p.path),
      ['sheet 依赖'],
    );
    assert.match(problems[0]!.message, /more than 50000/);
  });

  it('a file whose list names contain the separators is refused on export, not silently altered', async () => {
    const file = bank();
    file.coreBusinesses[0]!.chainSteps[1] = { name: '清算；结算' };
    file.coreBusinesses[0]!.infoCategories[0] = { name: '重点*', important: false };
    await assert.rejects(ciiWorkbook(file), (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.deepEqual(
        e.details.map((d) => d.path),
        ['coreBusinesses[0].chainSteps[1].name', 'coreBusinesses[0].infoCategories[0].name'],
      );
      return true;
    });
  });

  it('dates: YYYY-MM-DD and common variants, real calendar dates only', () => {
    assert.equal(parseWorkbookDate('2024-03-15'), '2024-03-15');
    assert.equal(parseWorkbookDate('2024/3/5'), '2024-03-05');
    assert.equal(parseWorkbookDate('2024年3月15日'), '2024-03-15');
    assert.equal(parseWorkbookDate('2024-02-30'), undefined);
    assert.equal(parseWorkbookDate('15/03/2024'), undefined);
    assert.equal(parseWorkbookDate('45366'), undefined);
  });
});
