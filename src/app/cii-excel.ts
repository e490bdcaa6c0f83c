/**
 * The CII exchange file (dengbao.cii.v1) as an Excel workbook, both ways: a 说明 sheet, then
 * 资产, 依赖, 核心业务 and 信息流 (one row per hop). Headers are Chinese; each header cell's
 * comment gives the English field name, and import accepts either.
 *
 * Reading is strict and complete: every problem of the whole workbook is collected with its
 * sheet, Excel row and column, and a ValidationError lists them all — nothing partial comes
 * back. The returned `locate` maps file paths (`coreBusinesses[0].flows[1].hops[3].asset`) to
 * the cell the user sees, so the import's later cross-reference checks point into the workbook.
 */
import type ExcelJS from 'exceljs';
import { ValidationError, detail, formatPath, keyedDetail, type ErrorDetail } from '../errors';
import type { MessageCode, Params } from '../shared/vocabulary';
import {
  CII_ASSET_KIND_LABELS,
  CII_ASSET_KINDS,
  CII_DEPENDENCY_KINDS,
  CII_DEPENDENCY_LABELS,
  CII_LIFECYCLE_STAGES,
  CII_SECTOR_LABELS,
  CII_SECTORS,
  CII_STAGE_LABELS,
  CiiFileSchema,
  type CiiFile,
} from '../shared/cii-schemas';
import { clean, headerKey, readCell, squash } from '../spreadsheet/cells';
import { readSpreadsheet, type Workbook } from '../spreadsheet/reader';
import { addSafeRow, BORDER, FONT, HEADER_FILL, styleHeaderCell } from '../spreadsheet/styles';
import { at } from '../spreadsheet/types';
import type { Locate } from './cii/file';

// Loaded on first use: exceljs takes longer to load than the rest of the server start.
const loadExcel = async () => (await import('exceljs')).default;

/** Larger files are refused before they are unzipped (tighter than the general import limit). */
export const CII_WORKBOOK_MAX_BYTES = 10 * 1024 * 1024;
/** Data rows per sheet (the header row not counted). */
export const CII_WORKBOOK_MAX_ROWS = 50_000;
/** Excel's limit for the text of one cell. */
const CELL_MAX_CHARS = 32_767;

export const CII_SHEETS = {
  guide: '说明',
  assets: '资产',
  dependencies: '依赖',
  businesses: '核心业务',
  flows: '信息流',
} as const;

/** Separator of the list cells (关键业务链, 关键业务信息, 边界纳入规则); ";" is read too. */
const LIST_SEPARATOR = '；';
/** Between a step's or category's name and its description: `名称：说明`. */
const DESCRIPTION_SEPARATOR = '：';
/** After a category's name: it holds important data (important = true). */
const IMPORTANT_MARK = '*';
/** 边界纳入规则 "none followed" (an empty cell means the default rules). */
const FOLLOW_NONE = '无';

interface ColumnDef<K extends string = string> {
  readonly key: K;
  readonly zh: string;
  /** The file's field name; also accepted as the header on import. */
  readonly en: string;
  readonly width: number;
  readonly required?: boolean;
  /** Stored as text (numFmt "@"), so Excel keeps codes like 001 and dates as typed. */
  readonly text?: boolean;
  /** More for the header comment. */
  readonly hint?: string;
}

const ASSET_COLUMNS = [
  {
    key: 'code',
    zh: '编码',
    en: 'code',
    width: 16,
    required: true,
    text: true,
    hint: 'Unique asset code (1–60 letters, digits, ".", "_", "-"); dependencies and hops refer to it. Import merges assets by code.',
  },
  { key: 'name', zh: '名称', en: 'name', width: 28, required: true },
  {
    key: 'kind',
    zh: '类型',
    en: 'kind',
    width: 16,
    required: true,
    hint: 'Asset kind: choose from the list; English codes (information_system …) are accepted too.',
  },
  {
    key: 'party',
    zh: '外部单位',
    en: 'party',
    width: 24,
    hint: 'For external systems: the party that runs it.',
  },
  {
    key: 'system',
    zh: '关联定级对象',
    en: 'system',
    width: 24,
    hint: "Name of the organisation's MLPS system (grading object) this asset is.",
  },
  { key: 'description', zh: '说明', en: 'description', width: 40 },
] as const satisfies readonly ColumnDef[];

const DEPENDENCY_COLUMNS = [
  {
    key: 'from',
    zh: '资产编码',
    en: 'from',
    width: 18,
    required: true,
    text: true,
    hint: 'Code of the asset that depends.',
  },
  {
    key: 'kind',
    zh: '依赖类型',
    en: 'kind',
    width: 14,
    required: true,
    hint: 'Dependency kind: choose from the list; English codes (runs_on …) are accepted too.',
  },
  {
    key: 'to',
    zh: '被依赖资产编码',
    en: 'to',
    width: 18,
    required: true,
    text: true,
    hint: 'Code of the asset depended on.',
  },
  { key: 'note', zh: '说明', en: 'note', width: 40 },
] as const satisfies readonly ColumnDef[];

const BUSINESS_COLUMNS = [
  {
    key: 'name',
    zh: '名称',
    en: 'name',
    width: 22,
    required: true,
    hint: 'Core business name; import merges core businesses by name.',
  },
  {
    key: 'sector',
    zh: '行业领域',
    en: 'sector',
    width: 20,
    required: true,
    hint: 'Sector: choose from the list; English codes (finance …) are accepted too.',
  },
  { key: 'designatingAuthority', zh: '认定部门', en: 'designatingAuthority', width: 18 },
  { key: 'designationNotice', zh: '认定通知', en: 'designationNotice', width: 20 },
  {
    key: 'designatedOn',
    zh: '认定日期',
    en: 'designatedOn',
    width: 12,
    text: true,
    hint: 'Date designated, YYYY-MM-DD.',
  },
  { key: 'description', zh: '说明', en: 'description', width: 32 },
  {
    key: 'chainSteps',
    zh: '关键业务链',
    en: 'chainSteps',
    width: 36,
    hint: 'Chain steps in order, separated by "；"; "名称：说明" adds a description.',
  },
  {
    key: 'infoCategories',
    zh: '关键业务信息',
    en: 'infoCategories',
    width: 36,
    hint: 'Information categories separated by "；"; a trailing "*" after the name marks important data; "名称*：说明" adds a description.',
  },
  {
    key: 'boundaryFollow',
    zh: '边界纳入规则',
    en: 'boundaryFollow',
    width: 30,
    hint: 'Empty = the default rules (all four dependency kinds pull assets inside). Otherwise the dependency kinds followed, separated by "；"; "无" = none.',
  },
] as const satisfies readonly ColumnDef[];

const FLOW_COLUMNS = [
  {
    key: 'business',
    zh: '核心业务',
    en: 'coreBusiness',
    width: 18,
    required: true,
    hint: 'Name of a core business on sheet 核心业务. Empty = as in the row above.',
  },
  {
    key: 'name',
    zh: '信息流',
    en: 'flow',
    width: 20,
    required: true,
    hint: 'Flow name (unique within its core business). Empty = as in the row above.',
  },
  {
    key: 'infoCategory',
    zh: '信息类别',
    en: 'infoCategory',
    width: 16,
    hint: "One of the business's information categories. Same on every row of the flow, or only on its first row.",
  },
  {
    key: 'description',
    zh: '说明',
    en: 'description',
    width: 28,
    hint: 'Flow description. Same on every row of the flow, or only on its first row.',
  },
  {
    key: 'seq',
    zh: '序号',
    en: 'seq',
    width: 7,
    required: true,
    hint: 'Hop number within the flow: 1, 2, 3 … without gaps.',
  },
  {
    key: 'asset',
    zh: '资产编码',
    en: 'asset',
    width: 16,
    required: true,
    text: true,
    hint: 'Code of the asset at this hop.',
  },
  {
    key: 'stage',
    zh: '生命周期阶段',
    en: 'stage',
    width: 14,
    required: true,
    hint: 'Life-cycle stage: choose from the list; English codes (collection …) are accepted too.',
  },
  { key: 'note', zh: '环节说明', en: 'note', width: 28, hint: 'Note on this hop.' },
] as const satisfies readonly ColumnDef[];

type FlowKey = (typeof FLOW_COLUMNS)[number]['key'];

/** The boundary rules' followable kinds (exchanges_with_external is a boundary point, never). */
const FOLLOW_KINDS = ['runs_on', 'authenticates_with', 'managed_by', 'protected_by'] as const;

const zhList = (labels: Readonly<Record<string, { zh: string }>>, codes: readonly string[]) =>
  codes.map((c) => labels[c]?.zh ?? c);

/* ----------------------------------------------------------------------------------------- */
/* Export                                                                                    */
/* ----------------------------------------------------------------------------------------- */

/** Drop-downs reach this many rows below the data, so rows the user adds get them too. */
const DROPDOWN_SPARE_ROWS = 1000;

interface WithDataValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

/**
 * The exchange file as an .xlsx workbook. A file whose step or category names (or their
 * descriptions) contain the list separators cannot be written so that it reads back the same:
 * that is a ValidationError naming each such value, never a silently altered workbook.
 */
export async function ciiWorkbook(file: CiiFile): Promise<Buffer> {
  const unwritable = unwritableValues(file);
  if (unwritable.length > 0) {
    throw new ValidationError(
      { code: 'cii_xlsx.unwritable', params: { count: unwritable.length } },
      unwritable,
    );
  }
  const book = new (await loadExcel()).Workbook();
  book.creator = 'dengbao';
  book.title = '关键信息基础设施（CII）交换文件 dengbao.cii.v1';

  writeGuide(book, file);

  const assets = addDataSheet(book, CII_SHEETS.assets, ASSET_COLUMNS);
  for (const a of file.assets) {
    addDataRow(assets, ASSET_COLUMNS, {
      code: a.code,
      name: a.name,
      kind: CII_ASSET_KIND_LABELS[a.kind].zh,
      party: a.party ?? '',
      system: a.system ?? '',
      description: a.description ?? '',
    });
  }
  addDropDown(assets, ASSET_COLUMNS, 'kind', file.assets.length, {
    title: '类型',
    values: zhList(CII_ASSET_KIND_LABELS, CII_ASSET_KINDS),
  });

  const dependencies = addDataSheet(book, CII_SHEETS.dependencies, DEPENDENCY_COLUMNS);
  for (const d of file.dependencies) {
    addDataRow(dependencies, DEPENDENCY_COLUMNS, {
      from: d.from,
      kind: CII_DEPENDENCY_LABELS[d.kind].zh,
      to: d.to,
      note: d.note ?? '',
    });
  }
  addDropDown(dependencies, DEPENDENCY_COLUMNS, 'kind', file.dependencies.length, {
    title: '依赖类型',
    values: zhList(CII_DEPENDENCY_LABELS, CII_DEPENDENCY_KINDS),
  });

  const businesses = addDataSheet(book, CII_SHEETS.businesses, BUSINESS_COLUMNS);
  for (const b of file.coreBusinesses) {
    addDataRow(businesses, BUSINESS_COLUMNS, {
      name: b.name,
      sector: CII_SECTOR_LABELS[b.sector].zh,
      designatingAuthority: b.designatingAuthority ?? '',
      designationNotice: b.designationNotice ?? '',
      designatedOn: b.designatedOn ?? '',
      description: b.description ?? '',
      chainSteps: b.chainSteps.map((s) => listItem(s.name, s.description)).join(LIST_SEPARATOR),
      infoCategories: b.infoCategories
        .map((c) => listItem(c.name + (c.important ? IMPORTANT_MARK : ''), c.description))
        .join(LIST_SEPARATOR),
      boundaryFollow: followText(b.boundaryFollow),
    });
  }
  addDropDown(businesses, BUSINESS_COLUMNS, 'sector', file.coreBusinesses.length, {
    title: '行业领域',
    values: zhList(CII_SECTOR_LABELS, CII_SECTORS),
  });

  const flows = addDataSheet(book, CII_SHEETS.flows, FLOW_COLUMNS);
  let hopRows = 0;
  for (const b of file.coreBusinesses) {
    for (const f of b.flows) {
      f.hops.forEach((h, i) => {
        // Flow-level columns repeat on every hop row, so sorting or filtering keeps them.
        addDataRow(flows, FLOW_COLUMNS, {
          business: b.name,
          name: f.name,
          infoCategory: f.infoCategory ?? '',
          description: f.description ?? '',
          seq: i + 1,
          asset: h.asset,
          stage: CII_STAGE_LABELS[h.stage].zh,
          note: h.note ?? '',
        });
        hopRows += 1;
      });
    }
  }
  addDropDown(flows, FLOW_COLUMNS, 'stage', hopRows, {
    title: '生命周期阶段',
    values: zhList(CII_STAGE_LABELS, CII_LIFECYCLE_STAGES),
  });

  const out = await book.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

const listItem = (name: string, description: string | null | undefined) =>
  description ? `${name}${DESCRIPTION_SEPARATOR}${description}` : name;

function followText(follow: CiiFile['coreBusinesses'][number]['boundaryFollow']): string {
  if (!follow) return '';
  const kinds = FOLLOW_KINDS.filter((k) => follow[k]);
  return kinds.length === 0
    ? FOLLOW_NONE
    : kinds.map((k) => CII_DEPENDENCY_LABELS[k].zh).join(LIST_SEPARATOR);
}

/** Values the list cells cannot hold faithfully (they would be split or marked on reading). */
function unwritableValues(file: CiiFile): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const separators = /[；;]/;
  file.coreBusinesses.forEach((b, bi) => {
    const check = (
      list: readonly { name: string; description?: string | null | undefined }[],
      field: 'chainSteps' | 'infoCategories',
    ) => {
      list.forEach((item, i) => {
        const path = `coreBusinesses[${bi}].${field}[${i}]`;
        if (separators.test(item.name) || item.name.includes(DESCRIPTION_SEPARATOR)) {
          problems.push(detail(`${path}.name`, 'cii_xlsx.name_has_separator', { name: item.name }));
        } else if (field === 'infoCategories' && /[*＊]$/.test(item.name)) {
          problems.push(
            detail(`${path}.name`, 'cii_xlsx.name_ends_with_star', { name: item.name }),
          );
        }
        if (item.description && separators.test(item.description)) {
          problems.push(detail(`${path}.description`, 'cii_xlsx.description_has_separator'));
        }
      });
      const joined = list.reduce((n, s) => n + s.name.length + (s.description?.length ?? 0) + 2, 0);
      if (joined > CELL_MAX_CHARS) {
        problems.push(
          detail(`coreBusinesses[${bi}].${field}`, 'cii_xlsx.list_too_long', {
            max: CELL_MAX_CHARS,
          }),
        );
      }
    };
    check(b.chainSteps, 'chainSteps');
    check(b.infoCategories, 'infoCategories');
  });
  return problems;
}

function writeGuide(book: ExcelJS.Workbook, file: CiiFile): void {
  const guide = book.addWorksheet(CII_SHEETS.guide, {
    properties: { tabColor: { argb: 'FF4472C4' } },
  });
  guide.columns = [{ width: 14 }, { width: 60 }, { width: 40 }];
  const title = addSafeRow(guide, ['关键信息基础设施（CII）交换文件 — dengbao.cii.v1']);
  title.font = { ...FONT, size: 14, bold: true };
  guide.mergeCells(title.number, 1, title.number, 3);
  const sub = addSafeRow(guide, [
    'CII exchange file as a workbook: the same content as the YAML/JSON file (format dengbao.cii.v1).',
  ]);
  sub.font = { ...FONT, italic: true };
  guide.mergeCells(sub.number, 1, sub.number, 3);
  addSafeRow(guide, []);

  const sheetsTitle = addSafeRow(guide, ['工作表']);
  sheetsTitle.font = { ...FONT, size: 12, bold: true };
  const header = addSafeRow(guide, ['工作表 Sheet', '内容 Content', '导入时按此合并 Merged by']);
  for (let c = 1; c <= 3; c++) {
    const cell = header.getCell(c);
    cell.font = { ...FONT, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
  }
  const sheets: [string, string, string][] = [
    [
      CII_SHEETS.assets,
      `每行一个资产（${file.assets.length} 个）：信息系统、网络设施、云平台、数据中心、外部系统等。Assets.`,
      '编码 (code)',
    ],
    [
      CII_SHEETS.dependencies,
      `每行一条依赖（${file.dependencies.length} 条）：“资产编码”依赖于“被依赖资产编码”。编码须在“资产”表或系统中已有。Dependencies.`,
      '资产编码 + 被依赖资产编码 + 依赖类型',
    ],
    [
      CII_SHEETS.businesses,
      `每行一个核心业务（${file.coreBusinesses.length} 个），含关键业务链、关键业务信息和边界纳入规则。Core businesses.`,
      '名称 (name)',
    ],
    [
      CII_SHEETS.flows,
      '每行是关键业务信息流的一个环节（信息经过的资产及生命周期阶段）。Information flows, one row per hop.',
      '核心业务 + 信息流 (flow name)',
    ],
  ];
  for (const line of sheets) {
    const row = addSafeRow(guide, line);
    for (let c = 1; c <= 3; c++) {
      const cell = row.getCell(c);
      cell.font = FONT;
      cell.border = BORDER;
      cell.alignment = { wrapText: true, vertical: 'top' };
    }
  }
  addSafeRow(guide, []);
  const howTo = addSafeRow(guide, ['填写说明']);
  howTo.font = { ...FONT, size: 12, bold: true };
  const instructions = [
    '1. 导入按键合并：资产按“编码”，核心业务按“名称”，信息流按“核心业务 + 信息流”，依赖按“资产编码 + 被依赖资产编码 + 依赖类型”。已有的更新，没有的新建。',
    '2. 导入从不删除：从表中删去的行不会删除系统中已有的资产、依赖、核心业务或信息流。但留在表中的行以表中内容为准，清空的单元格会清空对应字段。',
    '3. 全部或全不：导入前检查整个文件，只要有一处问题就什么都不导入，并逐项列出工作表、行号和列名。',
    '4. 请勿修改工作表名称和表头（表头批注中是英文字段名）。有下拉列表的列可填中文名称，也可填英文代码（如 information_system、finance、collection）。',
    `5. 关键业务链：环节名称按顺序以“${LIST_SEPARATOR}”分隔；需要说明时写作“名称${DESCRIPTION_SEPARATOR}说明”。关键业务信息：同样格式，名称后加“${IMPORTANT_MARK}”表示含重要数据或大量个人信息，如“支付交易信息${IMPORTANT_MARK}”。`,
    `6. 边界纳入规则：留空 = 默认规则（运行于、认证依赖、运维管理、安全防护四类依赖所指的资产都纳入边界）；否则列出纳入的依赖类型，以“${LIST_SEPARATOR}”分隔；填“${FOLLOW_NONE}”表示都不纳入。“对外交换”从不纳入，是边界点。`,
    '7. 认定日期写作 YYYY-MM-DD，如 2024-03-15。',
    '8. 信息流：同一信息流的各行“序号”从 1 起连续编号（1、2、3……，不得跳号或重复）。核心业务、信息流、信息类别、说明为整条信息流的内容，每行重复；也可只写在第一行，下面的行留空表示“同上”；多行填写时必须一致。',
    `9. 文件不超过 ${CII_WORKBOOK_MAX_BYTES / 1024 / 1024} MB，每个工作表不超过 ${CII_WORKBOOK_MAX_ROWS.toLocaleString('en')} 行。公式单元格按其计算结果读取。`,
  ];
  for (const line of instructions) {
    const row = addSafeRow(guide, [line]);
    row.getCell(1).font = FONT;
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    guide.mergeCells(row.number, 1, row.number, 3);
    row.height = 30;
  }
  guide.views = [{ showGridLines: false }];
}

function addDataSheet(
  book: ExcelJS.Workbook,
  name: string,
  columns: readonly ColumnDef[],
): ExcelJS.Worksheet {
  const sheet = book.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, activeCell: 'A2' }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    },
  });
  sheet.columns = columns.map((c) => ({
    width: c.width,
    style: {
      font: FONT,
      alignment: { vertical: 'top', wrapText: c.width >= 20 },
      ...(c.text ? { numFmt: '@' } : {}),
    },
  }));
  const head = addSafeRow(
    sheet,
    columns.map((c) => c.zh),
  );
  columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    styleHeaderCell(cell, c.required);
    cell.note = `${c.en}${c.required ? ' (required 必填)' : ''}${c.hint ? `\n${c.hint}` : ''}`;
  });
  head.height = 20;
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

function addDataRow<K extends string>(
  sheet: ExcelJS.Worksheet,
  columns: readonly ColumnDef<K>[],
  values: Readonly<Record<K, string | number>>,
): void {
  const row = addSafeRow(
    sheet,
    columns.map((c) => values[c.key]),
  );
  for (let c = 1; c <= columns.length; c++) row.getCell(c).border = BORDER;
}

function addDropDown<K extends string>(
  sheet: ExcelJS.Worksheet,
  columns: readonly ColumnDef<K>[],
  key: K,
  rows: number,
  list: { title: string; values: readonly string[] },
): void {
  const col = sheet.getColumn(columns.findIndex((c) => c.key === key) + 1).letter;
  // One range entry (typed per cell only in exceljs' .d.ts). A warning, not a stop: English
  // codes typed by hand are accepted on import.
  (sheet as unknown as WithDataValidations).dataValidations.add(
    `${col}2:${col}${rows + 1 + DROPDOWN_SPARE_ROWS}`,
    {
      type: 'list',
      allowBlank: true,
      formulae: [`"${list.values.join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: list.title,
      error: `请从列表中选择（也接受英文代码）：${list.values.join('、')}`,
      showInputMessage: true,
      promptTitle: list.title,
      prompt: '从列表中选择',
    },
  );
}

/* ----------------------------------------------------------------------------------------- */
/* Import                                                                                    */
/* ----------------------------------------------------------------------------------------- */

/** One problem per place: the first found is the one reported. */
class Problems {
  private readonly byPlace = new Map<string, ErrorDetail>();
  add(path: string, code: MessageCode, params: Params = {}): void {
    if (!this.byPlace.has(path)) this.byPlace.set(path, detail(path, code, params));
  }
  /** A problem worded elsewhere (a schema's message): keyed when the vocabulary knows it. */
  addMessage(path: string, message: string): void {
    if (!this.byPlace.has(path)) this.byPlace.set(path, keyedDetail(path, message));
  }
  get size(): number {
    return this.byPlace.size;
  }
  list(): ErrorDetail[] {
    return [...this.byPlace.values()];
  }
}

/** The workbook within the general import limits, tightened to this file's own. */
const loadWorkbook = (buffer: Buffer): Promise<Workbook> =>
  readSpreadsheet(buffer, { maxFileBytes: CII_WORKBOOK_MAX_BYTES, maxRows: CII_WORKBOOK_MAX_ROWS });

interface DataRow<K extends string> {
  readonly row: number;
  readonly cells: Readonly<Record<K, string>>;
}

/**
 * The data rows of a sheet, as text by column key. Undefined when the sheet or a column is
 * missing (reported). Rows with no text in any known column are skipped.
 */
function readSheet<K extends string>(
  book: Workbook,
  name: string,
  columns: readonly ColumnDef<K>[],
  problems: Problems,
): DataRow<K>[] | undefined {
  const sheet = book.sheets.find((s) => s.name.trim() === name);
  if (!sheet) {
    problems.add(at(name), 'cii_xlsx.sheet_missing', { sheet: name });
    return undefined;
  }
  const byHeader = new Map<string, number>();
  const header = sheet.rows[0]?.r === 1 ? sheet.rows[0].cells : [];
  header.forEach((value, i) => {
    const col = i + 1;
    const read = readCell(value);
    const key = read.problem ? '' : headerKey(read.text);
    if (!key) return;
    const column = columns.find((c) => c.zh === key || c.en.toLowerCase() === key);
    if (!column) return; // a column of the user's own: ignored
    if (byHeader.has(column.key)) {
      problems.add(at(name, 1, column.zh), 'cii_xlsx.column_twice', {
        column: column.zh,
        first: byHeader.get(column.key) as number,
        second: col,
      });
    } else byHeader.set(column.key, col);
  });
  const missing = columns.filter((c) => !byHeader.has(c.key));
  for (const c of missing) {
    problems.add(at(name, 1, c.zh), 'cii_xlsx.column_missing', { column: c.zh, columnEn: c.en });
  }
  if (missing.length > 0) return undefined;

  const rows: DataRow<K>[] = [];
  for (const { r, cells: values } of sheet.rows) {
    if (r === 1) continue;
    const cells = {} as Record<K, string>;
    let any = false;
    for (const c of columns) {
      const read = readCell(values[(byHeader.get(c.key) as number) - 1]);
      if (read.problem) {
        problems.add(at(name, r, c.zh), read.code, read.params);
        cells[c.key] = '';
        any = true;
        continue;
      }
      const text = clean(read.text);
      cells[c.key] = text;
      if (text) any = true;
    }
    if (any) rows.push({ row: r, cells });
  }
  return rows;
}

const norm = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-/]+/g, '');

/** Chinese label, English code or English label → code. */
function labelReader<C extends string>(
  codes: readonly C[],
  labels: Readonly<Record<C, { zh: string; en: string }>>,
): (text: string) => C | undefined {
  const map = new Map<string, C>();
  for (const c of codes) {
    map.set(norm(labels[c].zh), c);
    map.set(norm(c), c);
    map.set(norm(labels[c].en), c);
  }
  return (text) => map.get(norm(text));
}

const assetKind = labelReader(CII_ASSET_KINDS, CII_ASSET_KIND_LABELS);
const dependencyKind = labelReader(CII_DEPENDENCY_KINDS, CII_DEPENDENCY_LABELS);
const sector = labelReader(CII_SECTORS, CII_SECTOR_LABELS);
const stage = labelReader(CII_LIFECYCLE_STAGES, CII_STAGE_LABELS);

/** The params naming what a cell may hold: the Chinese labels and the English codes. */
const choices = (labels: Readonly<Record<string, { zh: string }>>, codes: readonly string[]) => ({
  labels: codes.map((c) => labels[c]?.zh).join('、'),
  codes: codes.join(', '),
});

/** YYYY-MM-DD; also 2024/3/15, 2024.3.15 and 2024年3月15日. Undefined if not a real date. */
export function parseWorkbookDate(text: string): string | undefined {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : undefined;
}

interface ListItem {
  name: string;
  description?: string;
}

function parseList(text: string): ListItem[] {
  return text
    .split(/[；;]/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((item) => {
      const i = item.indexOf(DESCRIPTION_SEPARATOR);
      if (i < 0) return { name: squash(item) };
      const description = clean(item.slice(i + 1));
      return {
        name: squash(item.slice(0, i)),
        ...(description ? { description } : {}),
      };
    });
}

type Follow = Record<(typeof FOLLOW_KINDS)[number], boolean>;

type Problem = { code: MessageCode; params: Params };

function parseFollow(text: string): { follow: Follow | null } | { problem: Problem } {
  const tokens = text
    .split(/[；;、,，]/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
  if (tokens.length === 0) return { follow: null };
  const one = tokens.length === 1 ? norm(tokens[0]!) : '';
  if (one === '默认' || one === 'default') return { follow: null };
  const follow: Follow = {
    runs_on: false,
    authenticates_with: false,
    managed_by: false,
    protected_by: false,
  };
  if (one === norm(FOLLOW_NONE) || one === 'none') return { follow };
  for (const token of tokens) {
    const kind = dependencyKind(token);
    if (kind === 'exchanges_with_external') {
      return { problem: { code: 'cii_xlsx.follow_external', params: { given: token } } };
    }
    if (!kind) {
      return {
        problem: {
          code: 'cii_xlsx.follow_invalid',
          params: {
            given: token,
            labels: FOLLOW_KINDS.map((k) => CII_DEPENDENCY_LABELS[k].zh).join('、'),
            none: FOLLOW_NONE,
          },
        },
      };
    }
    follow[kind] = true;
  }
  return { follow };
}

const optional = (text: string) => (text === '' ? null : text);

/** Where file paths are in the workbook; the longest mapped prefix of a path wins. */
function locator(places: ReadonlyMap<string, string>): Locate {
  return (path) => {
    let p = path;
    for (;;) {
      const hit = places.get(p);
      if (hit !== undefined) return hit;
      const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      if (cut <= 0) return path;
      p = p.slice(0, cut);
    }
  };
}

/** What the sheet readers share: the problems found and where each file path is. */
interface ReadContext {
  readonly book: Workbook;
  readonly problems: Problems;
  readonly places: Map<string, string>;
}

/**
 * The data rows of a sheet, each with `cell(key)` (its place) and the row's place recorded for
 * `path` and every column (`path.key`). Required cells found empty are reported.
 */
function rowsOf<K extends string>(
  ctx: ReadContext,
  sheet: string,
  columns: readonly ColumnDef<K>[],
  path: string,
  skipRequired: readonly K[] = [],
): (DataRow<K> & { cell: (key: K) => string; path: string })[] {
  ctx.places.set(path, at(sheet));
  const rows = readSheet(ctx.book, sheet, columns, ctx.problems) ?? [];
  return rows.map((r, i) => {
    const zh = (key: K) => columns.find((c) => c.key === key)?.zh ?? key;
    const cell = (key: K) => at(sheet, r.row, zh(key));
    const itemPath = `${path}[${i}]`;
    ctx.places.set(itemPath, at(sheet, r.row));
    for (const c of columns) {
      ctx.places.set(`${itemPath}.${c.key}`, cell(c.key));
      if (c.required && !skipRequired.includes(c.key) && r.cells[c.key] === '') {
        ctx.problems.add(cell(c.key), 'cii_xlsx.required', { column: c.zh });
      }
    }
    return { ...r, cell, path: itemPath };
  });
}

function readAssets(ctx: ReadContext): Record<string, unknown>[] {
  const firstRow = new Map<string, number>();
  return rowsOf(ctx, CII_SHEETS.assets, ASSET_COLUMNS, 'assets').map(({ row, cells, cell }) => {
    const code = squash(cells.code);
    const kindText = squash(cells.kind);
    const kind = kindText ? assetKind(kindText) : undefined;
    if (kindText && !kind) {
      ctx.problems.add(cell('kind'), 'cii_xlsx.asset_kind_invalid', {
        given: kindText,
        ...choices(CII_ASSET_KIND_LABELS, CII_ASSET_KINDS),
      });
    }
    const first = code ? firstRow.get(code) : undefined;
    if (first !== undefined) {
      ctx.problems.add(cell('code'), 'cii_xlsx.asset_code_twice', { code, row: first });
    } else if (code) firstRow.set(code, row);
    return {
      code,
      name: squash(cells.name),
      kind: kind ?? kindText,
      party: optional(squash(cells.party)),
      system: optional(squash(cells.system)),
      description: optional(cells.description),
    };
  });
}

function readDependencies(ctx: ReadContext): Record<string, unknown>[] {
  const rows = rowsOf(ctx, CII_SHEETS.dependencies, DEPENDENCY_COLUMNS, 'dependencies');
  return rows.map(({ cells, cell }) => {
    const kindText = squash(cells.kind);
    const kind = kindText ? dependencyKind(kindText) : undefined;
    if (kindText && !kind) {
      ctx.problems.add(cell('kind'), 'cii_xlsx.dependency_kind_invalid', {
        given: kindText,
        ...choices(CII_DEPENDENCY_LABELS, CII_DEPENDENCY_KINDS),
      });
    }
    return {
      from: squash(cells.from),
      to: squash(cells.to),
      kind: kind ?? kindText,
      note: optional(cells.note),
    };
  });
}

type BusinessDraft = Record<string, unknown> & { flows: Record<string, unknown>[] };

/** The core businesses, and the index and row of each by name. */
function readBusinesses(ctx: ReadContext): {
  businesses: BusinessDraft[];
  byName: Map<string, { index: number; row: number }>;
} {
  const byName = new Map<string, { index: number; row: number }>();
  const rows = rowsOf(ctx, CII_SHEETS.businesses, BUSINESS_COLUMNS, 'coreBusinesses');
  const businesses = rows.map(({ row, cells, cell }, index): BusinessDraft => {
    const name = squash(cells.name);
    const first = name ? byName.get(name) : undefined;
    if (first !== undefined) {
      ctx.problems.add(cell('name'), 'cii_xlsx.business_twice', { name, row: first.row });
    } else if (name) byName.set(name, { index, row });
    const sectorText = squash(cells.sector);
    const sectorCode = sectorText ? sector(sectorText) : undefined;
    if (sectorText && !sectorCode) {
      ctx.problems.add(cell('sector'), 'cii_xlsx.sector_invalid', {
        given: sectorText,
        ...choices(CII_SECTOR_LABELS, CII_SECTORS),
      });
    }
    const dateText = squash(cells.designatedOn);
    const date = dateText ? parseWorkbookDate(dateText) : undefined;
    if (dateText && !date) {
      const serial = /^\d{5}(\.\d+)?$/.test(dateText);
      ctx.problems.add(
        cell('designatedOn'),
        serial ? 'cii_xlsx.date_serial' : 'cii_xlsx.date_invalid',
        { given: dateText },
      );
    }
    const follow = parseFollow(cells.boundaryFollow);
    if ('problem' in follow)
      ctx.problems.add(cell('boundaryFollow'), follow.problem.code, follow.problem.params);
    return {
      name,
      sector: sectorCode ?? sectorText,
      designatingAuthority: optional(squash(cells.designatingAuthority)),
      designationNotice: optional(squash(cells.designationNotice)),
      designatedOn: date ?? optional(dateText),
      description: optional(cells.description),
      chainSteps: parseList(cells.chainSteps),
      infoCategories: parseList(cells.infoCategories).map((item) => {
        const important = /[*＊]$/.test(item.name);
        return { ...item, name: item.name.replace(/\s*[*＊]$/, ''), important };
      }),
      boundaryFollow: 'follow' in follow ? follow.follow : null,
      flows: [],
    };
  });
  return { businesses, byName };
}

interface HopRow {
  readonly row: number;
  readonly seq: number | undefined;
  readonly cells: Readonly<Record<FlowKey, string>>;
}

interface FlowGroup {
  readonly name: string;
  readonly firstRow: number;
  infoCategory?: { value: string; row: number };
  description?: { value: string; row: number };
  readonly hops: HopRow[];
}

/**
 * 信息流 rows grouped into flows of their core business (in order of first appearance), with
 * the flow-level columns checked for agreement. An empty 核心业务 or 信息流 means "as in the
 * row above": flow-level columns may be given on a flow's first row only, or merged.
 */
function readFlowRows(
  ctx: ReadContext,
  businessByName: ReadonlyMap<string, { index: number }>,
): Map<number, Map<string, FlowGroup>> {
  const sheet = CII_SHEETS.flows;
  const zh = (k: FlowKey) => FLOW_COLUMNS.find((c) => c.key === k)?.zh ?? k;
  const cellAt = (row: number, k: FlowKey) => at(sheet, row, zh(k));
  const groups = new Map<number, Map<string, FlowGroup>>();
  const unknown = new Set<string>();
  let previous: { business: string; flow: string } | undefined;
  for (const { row, cells } of readSheet(ctx.book, sheet, FLOW_COLUMNS, ctx.problems) ?? []) {
    const business = squash(cells.business) || previous?.business || '';
    const sameBusiness = business === previous?.business;
    const flow = squash(cells.name) || (sameBusiness ? (previous?.flow ?? '') : '');
    if (!business) {
      ctx.problems.add(cellAt(row, 'business'), 'cii_xlsx.required', { column: zh('business') });
      continue;
    }
    if (!flow) {
      ctx.problems.add(cellAt(row, 'name'), 'cii_xlsx.required', { column: zh('name') });
      continue;
    }
    previous = { business, flow };
    const found = businessByName.get(business);
    if (!found) {
      // Once per name, at its first row: every hop row of the flow would say the same.
      if (!unknown.has(business)) {
        unknown.add(business);
        ctx.problems.add(cellAt(row, 'business'), 'cii_xlsx.business_unknown', {
          name: business,
          sheet: CII_SHEETS.businesses,
        });
      }
      continue;
    }
    let flows = groups.get(found.index);
    if (!flows) groups.set(found.index, (flows = new Map()));
    let group = flows.get(flow);
    if (!group) flows.set(flow, (group = { name: flow, firstRow: row, hops: [] }));
    for (const k of ['infoCategory', 'description'] as const) {
      const value = k === 'infoCategory' ? squash(cells[k]) : cells[k];
      if (!value) continue;
      const seen = group[k];
      if (!seen) group[k] = { value, row };
      else if (seen.value !== value) {
        ctx.problems.add(cellAt(row, k), 'cii_xlsx.flow_value_differs', {
          column: zh(k),
          value,
          other: seen.value,
          row: seen.row,
          flow,
        });
      }
    }
    const seqText = squash(cells.seq);
    let seq: number | undefined;
    if (seqText === '')
      ctx.problems.add(cellAt(row, 'seq'), 'cii_xlsx.required', { column: zh('seq') });
    else if (!/^\d+$/.test(seqText) || Number(seqText) < 1) {
      ctx.problems.add(cellAt(row, 'seq'), 'cii_xlsx.seq_invalid', { given: seqText });
    } else seq = Number(seqText);
    for (const k of ['asset', 'stage'] as const) {
      if (cells[k] === '') ctx.problems.add(cellAt(row, k), 'cii_xlsx.required', { column: zh(k) });
    }
    const stageText = squash(cells.stage);
    if (stageText && !stage(stageText)) {
      ctx.problems.add(cellAt(row, 'stage'), 'cii_xlsx.stage_invalid', {
        given: stageText,
        ...choices(CII_STAGE_LABELS, CII_LIFECYCLE_STAGES),
      });
    }
    group.hops.push({ row, seq, cells });
  }
  return groups;
}

/**
 * One flow of the file from its rows: hops in 序号 order (the rows may be sorted any way), which
 * must run 1…n without gaps or repeats. Records where each hop is.
 */
function flowOf(ctx: ReadContext, group: FlowGroup, path: string): Record<string, unknown> {
  const sheet = CII_SHEETS.flows;
  const zh = (k: FlowKey) => FLOW_COLUMNS.find((c) => c.key === k)?.zh ?? k;
  const cellAt = (row: number, k: FlowKey) => at(sheet, row, zh(k));
  const place = (p: string, where: string) => ctx.places.set(p, where);
  place(path, at(sheet, group.firstRow));
  place(`${path}.name`, cellAt(group.firstRow, 'name'));
  place(`${path}.infoCategory`, cellAt(group.infoCategory?.row ?? group.firstRow, 'infoCategory'));
  place(`${path}.description`, cellAt(group.description?.row ?? group.firstRow, 'description'));
  place(`${path}.hops`, cellAt(group.firstRow, 'seq'));
  // Rows without a valid 序号 are already reported; they go last.
  const hops = [...group.hops].sort(
    (a, b) => (a.seq ?? Infinity) - (b.seq ?? Infinity) || a.row - b.row,
  );
  let expected = 1;
  let last: HopRow | undefined;
  for (const hop of hops) {
    if (hop.seq === undefined) break;
    if (last && hop.seq === last.seq) {
      ctx.problems.add(cellAt(hop.row, 'seq'), 'cii_xlsx.seq_twice', {
        seq: hop.seq,
        row: last.row,
        flow: group.name,
      });
    } else if (hop.seq !== expected) {
      const missing = expected === hop.seq - 1 ? `${expected}` : `${expected}–${hop.seq - 1}`;
      ctx.problems.add(cellAt(hop.row, 'seq'), 'cii_xlsx.seq_gap', {
        seq: hop.seq,
        flow: group.name,
        missing,
      });
      expected = hop.seq + 1;
    } else expected += 1;
    last = hop;
  }
  return {
    name: group.name,
    infoCategory: group.infoCategory?.value ?? null,
    description: group.description?.value ?? null,
    hops: hops.map((h, i) => {
      for (const k of ['asset', 'stage', 'note'] as const) {
        place(`${path}.hops[${i}].${k}`, cellAt(h.row, k));
      }
      place(`${path}.hops[${i}]`, at(sheet, h.row));
      const stageText = squash(h.cells.stage);
      return {
        asset: squash(h.cells.asset),
        stage: stage(stageText) ?? stageText,
        note: optional(h.cells.note),
      };
    }),
  };
}

/**
 * Reads a workbook written by {@link ciiWorkbook} (and possibly edited in Excel or WPS) into an
 * exchange file. Every problem — of the workbook and of the file schema — comes back at once in
 * a ValidationError, each as `sheet 资产 row 5 column 类型`; nothing partial is returned.
 * `locate` maps the file's paths to those places, for the import's cross-reference checks.
 */
export async function readCiiWorkbook(buffer: Buffer): Promise<{ file: CiiFile; locate: Locate }> {
  const book = await loadWorkbook(buffer);
  const ctx: ReadContext = { book, problems: new Problems(), places: new Map() };
  const assets = readAssets(ctx);
  const dependencies = readDependencies(ctx);
  const { businesses, byName } = readBusinesses(ctx);
  for (const [index, flows] of readFlowRows(ctx, byName)) {
    const business = businesses[index]!;
    for (const group of flows.values()) {
      const path = `coreBusinesses[${index}].flows[${business.flows.length}]`;
      business.flows.push(flowOf(ctx, group, path));
    }
  }

  const locate = locator(ctx.places);
  const parsed = CiiFileSchema.safeParse({
    format: 'dengbao.cii.v1',
    assets,
    dependencies,
    coreBusinesses: businesses,
  });
  // Schema issues where no problem was found yet (an unknown label is reported once, in words).
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      ctx.problems.addMessage(locate(formatPath('', issue.path)), issue.message);
    }
  }
  if (ctx.problems.size > 0 || !parsed.success) {
    const details = ctx.problems.list();
    throw new ValidationError(
      { code: 'xlsx.problems', params: { count: details.length } },
      details,
    );
  }
  return { file: parsed.data, locate };
}
