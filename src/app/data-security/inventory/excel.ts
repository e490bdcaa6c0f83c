/**
 * The inventory file (dengbao.data-inventory.v1) as an Excel workbook, both ways: a 说明 sheet,
 * 数据资源 (one row per resource) and 影响分析 (one row per judged object of a resource, named by
 * 资源编号). Headers are Chinese; each header cell's comment gives the file's field name, and
 * import accepts either. Choice columns take the Chinese label or the English code; lists are
 * separated by "；" (";" and "、" are read too); yes/no columns take 是/否. The export adds the
 * computed grade and its basis (定级结果, 定级依据), which an import ignores.
 *
 * Reading is strict and complete: every problem of the whole workbook comes back with its
 * sheet, Excel row and column in one ValidationError, and `locate` maps the file's paths
 * (`resources[2].piCategories[0]`) to those cells for the import's later checks. Every text
 * cell written is neutralised (never a formula: src/spreadsheet/styles.ts).
 */
import type ExcelJS from 'exceljs';
import { ValidationError, formatPath } from '../../../errors';
import {
  DATA_FORMATS,
  DATA_GRADES,
  DATASEC_LIMITS,
  DataInventoryFileSchema,
  HARM_LEVELS,
  IMPACT_OBJECTS,
  type DataInventoryFile,
} from '../../../shared/data-security-schemas';
import {
  GRADE_WORDS,
  HARM_WORDS,
  IMPACT_OBJECT_WORDS,
} from '../../../domain/data-security/classify';
import type { Classification } from '../../../domain/data-security/types';
import {
  readTypedRows,
  SheetProblems,
  type Labels,
  type TypedColumn,
  type TypedRow,
} from '../../../spreadsheet/typed-sheet';
import { readSpreadsheet } from '../../../spreadsheet/reader';
import { addSafeRow, BORDER, FONT, styleHeaderCell } from '../../../spreadsheet/styles';
import { at } from '../../../spreadsheet/types';
import type { Locate } from './file';

const loadExcel = async () => (await import('exceljs')).default;

export const INVENTORY_WORKBOOK_MAX_BYTES = DATASEC_LIMITS.excelBytes;
export const INVENTORY_WORKBOOK_MAX_ROWS =
  DATASEC_LIMITS.resourcesPerOrganisation * IMPACT_OBJECTS.length + 1;

export const INVENTORY_SHEETS = {
  guide: '说明',
  resources: '数据资源',
  impacts: '影响分析',
} as const;

const zhOf = (words: Readonly<Record<string, { zh: string }>>): Labels =>
  Object.fromEntries(Object.entries(words).map(([k, v]) => [k, v.zh]));

export const FORMAT_ZH: Labels = {
  database: '数据库',
  file: '文件',
  document: '文档',
  image: '图像',
  audio_video: '音视频',
  log: '日志',
  stream: '数据流',
  other: '其他',
};
const GRADE_ZH = zhOf(GRADE_WORDS);
const OBJECT_ZH = zhOf(IMPACT_OBJECT_WORDS);
const DEGREE_ZH = zhOf(HARM_WORDS);

type Column = TypedColumn;

const RESOURCE = 'resource';

const RESOURCE_COLUMNS: readonly Column[] = [
  {
    key: 'code',
    zh: '资源编号',
    en: 'code',
    width: 12,
    required: true,
    hint: 'Unique code; import merges resources by it.',
  },
  { key: 'name', zh: '数据资源名称', en: 'name', width: 22, required: true },
  { key: 'description', zh: '描述', en: 'description', width: 26 },
  {
    key: 'sector',
    zh: '行业领域',
    en: 'sector',
    width: 10,
    hint: 'Sector key of the classification catalog (health, automotive …).',
  },
  {
    key: 'systems',
    zh: '所在定级对象',
    en: 'systems',
    width: 22,
    kind: 'list',
    hint: 'Names of MLPS systems of the organisation, separated by "；".',
  },
  { key: 'records', zh: '记录数（条）', en: 'records', width: 12, kind: 'int' },
  { key: 'bytes', zh: '数据量（字节）', en: 'bytes', width: 14, kind: 'int' },
  {
    key: 'volumeText',
    zh: '数据量说明',
    en: 'volumeText',
    width: 16,
    hint: 'As printed on the filing, e.g. 约 120 万条，3.2 TB.',
  },
  { key: 'individuals', zh: '涉及个人数', en: 'individuals', width: 11, kind: 'int' },
  {
    key: 'formats',
    zh: '数据形态',
    en: 'formats',
    width: 14,
    kind: 'choices',
    labels: FORMAT_ZH,
    codes: DATA_FORMATS,
  },
  { key: 'locations', zh: '存储位置', en: 'locations', width: 18, kind: 'list' },
  { key: 'owner', zh: '责任部门', en: 'owner', width: 14 },
  { key: 'sources', zh: '数据来源', en: 'sources', width: 16, kind: 'list' },
  { key: 'recipients', zh: '提供对象', en: 'recipients', width: 16, kind: 'list' },
  { key: 'crossBorder', zh: '是否出境', en: 'crossBorder', width: 8, kind: 'bool' },
  {
    key: 'crossBorderDestinations',
    zh: '出境目的地',
    en: 'crossBorderDestinations',
    width: 12,
    kind: 'list',
    hint: 'ISO 3166-1 alpha-2 codes (DE, SG, HK …), separated by "；".',
  },
  {
    key: 'piCategories',
    zh: '个人信息类别',
    en: 'piCategories',
    width: 24,
    kind: 'list',
    hint: 'Data category codes of the classifier (name；medical_record …).',
  },
  {
    key: 'privacyActivityCodes',
    zh: '关联处理活动',
    en: 'privacyActivityCodes',
    width: 14,
    kind: 'list',
    hint: 'Activity codes of the personal-information register.',
  },
  {
    key: 'catalogueEntry',
    zh: '目录条目',
    en: 'catalogueEntry',
    width: 22,
    hint: '<catalogueId>/<entryId> of the classification catalog.',
  },
  {
    key: 'declaredGrade',
    zh: '申报或告知级别',
    en: 'declaredGrade',
    width: 12,
    kind: 'choice',
    labels: GRADE_ZH,
    codes: DATA_GRADES,
  },
  { key: 'declaredOn', zh: '申报或告知日期', en: 'declaredOn', width: 12, kind: 'date' },
  { key: 'declarationReference', zh: '申报或告知文号', en: 'declarationReference', width: 14 },
  { key: 'note', zh: '备注', en: 'note', width: 20 },
  {
    key: 'grade',
    zh: '定级结果',
    en: 'grade',
    width: 10,
    output: true,
    hint: 'Computed on export; ignored on import.',
  },
  {
    key: 'basis',
    zh: '定级依据',
    en: 'basis',
    width: 40,
    output: true,
    hint: 'Computed on export; ignored on import.',
  },
];

const IMPACT_COLUMNS: readonly Column[] = [
  {
    key: RESOURCE,
    zh: '资源编号',
    en: 'resource',
    width: 12,
    required: true,
    hint: 'Code of a resource on sheet 数据资源.',
  },
  {
    key: 'object',
    zh: '影响对象',
    en: 'object',
    width: 14,
    required: true,
    kind: 'choice',
    labels: OBJECT_ZH,
    codes: IMPACT_OBJECTS,
  },
  {
    key: 'degree',
    zh: '影响程度',
    en: 'degree',
    width: 14,
    required: true,
    kind: 'choice',
    labels: DEGREE_ZH,
    codes: HARM_LEVELS,
  },
  { key: 'reason', zh: '理由', en: 'reason', width: 40 },
];

const LIST_SEPARATOR = '；';

type Cell = string | number;

const cellOf = (c: Column, v: unknown): Cell => {
  if (v === null || v === undefined) return '';
  if (c.kind === 'bool') return v ? '是' : '否';
  if (c.kind === 'int') return v as number;
  if (c.kind === 'choice') return c.labels?.[v as string] ?? String(v);
  if (c.kind === 'choices')
    return (v as string[]).map((x) => c.labels?.[x] ?? x).join(LIST_SEPARATOR);
  if (c.kind === 'list') return (v as string[]).join(LIST_SEPARATOR);
  return String(v);
};

function addSheet(book: ExcelJS.Workbook, name: string, columns: readonly Column[]) {
  const sheet = book.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, activeCell: 'A2' }],
  });
  sheet.columns = columns.map((c) => ({
    width: c.width,
    style: {
      font: FONT,
      alignment: { vertical: 'top', wrapText: c.width >= 18 },
      ...(c.kind === 'int' ? {} : { numFmt: '@' }),
    },
  }));
  const head = addSafeRow(
    sheet,
    columns.map((c) => c.zh),
  );
  columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    styleHeaderCell(cell, c.required);
    const choices = c.labels
      ? `\n${Object.entries(c.labels)
          .map(([code, zh]) => `${zh} = ${code}`)
          .join('\n')}`
      : '';
    cell.note = `${c.en}${c.required ? ' (required 必填)' : ''}${c.hint ? `\n${c.hint}` : ''}${choices}`;
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return (values: Readonly<Record<string, unknown>>) => {
    const row = addSafeRow(
      sheet,
      columns.map((c) => cellOf(c, values[c.key])),
    );
    for (let i = 1; i <= columns.length; i++) row.getCell(i).border = BORDER;
  };
}

/**
 * The inventory file as an .xlsx workbook; `classify` gives each resource's classification for
 * the computed columns (file order).
 */
export async function inventoryWorkbook(
  file: DataInventoryFile,
  classifications: readonly Classification[],
): Promise<Buffer> {
  const book = new (await loadExcel()).Workbook();
  book.creator = 'dengbao';
  book.title = '数据资源目录 dengbao.data-inventory.v1';
  const guide = book.addWorksheet(INVENTORY_SHEETS.guide);
  guide.columns = [{ width: 100 }];
  const title = addSafeRow(guide, ['数据资源目录 — dengbao.data-inventory.v1']);
  title.font = { ...FONT, size: 14, bold: true };
  const lines = [
    'Data inventory as a workbook: the same resources as the YAML/JSON file (format dengbao.data-inventory.v1). The data-security profile and important-data provisions are not in the workbook.',
    `${file.organisation ? `${file.organisation}：` : ''}数据资源 ${file.resources.length} 项。`,
    '1. 导入按“资源编号”合并：已有的数据资源以表中内容为准（含其影响分析），没有的新建；导入从不删除数据资源。',
    '2. 全部或全不：导入前检查整个工作簿，只要有一处问题就什么都不导入，并逐项列出工作表、行号和列名。',
    '3. 分级顺序（GB/T 43697-2024）：已申报或主管部门告知的级别优先；其次为所选的行业目录条目（或按人数门槛适用的条目）；再次按“影响分析”表中各影响对象的最高级别；都没有时为一般数据。',
    '4. 选择列可填中文名称或英文代码（见表头批注）；多个值以“；”分隔；是/否列填“是”或“否”；日期写作 YYYY-MM-DD。',
    '5. “定级结果”和“定级依据”两列由系统导出时计算，导入时忽略。',
    `6. 文件不超过 ${INVENTORY_WORKBOOK_MAX_BYTES / 1024 / 1024} MB，数据资源不超过 ${DATASEC_LIMITS.resourcesPerOrganisation.toLocaleString('en')} 项。`,
  ];
  for (const line of lines) {
    const row = addSafeRow(guide, [line]);
    row.getCell(1).font = FONT;
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
  }
  const resource = addSheet(book, INVENTORY_SHEETS.resources, RESOURCE_COLUMNS);
  const impact = addSheet(book, INVENTORY_SHEETS.impacts, IMPACT_COLUMNS);
  file.resources.forEach((r, i) => {
    const c = classifications[i];
    resource({
      ...r,
      grade: c ? `${GRADE_ZH[c.grade]}${c.provisional ? '（待申报确认）' : ''}` : '',
      basis: c ? (c.reasonsZh[0] ?? '') : '',
    });
    for (const j of r.impacts) impact({ ...j, [RESOURCE]: r.code });
  });
  const out = await book.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

/* ----------------------------------------------------------------------------------------- */
/* Import                                                                                    */
/* ----------------------------------------------------------------------------------------- */

/** Text columns read without inner spaces: codes, keys and references. */
const VERBATIM = (key: string) =>
  key === 'code' || key === RESOURCE || key === 'catalogueEntry' || key === 'sector';

/**
 * Reads a workbook written by {@link inventoryWorkbook} (possibly edited in Excel or WPS) into an
 * inventory file. Every problem comes back at once; nothing partial.
 */
export async function readInventoryWorkbook(
  buffer: Buffer,
): Promise<{ file: DataInventoryFile; locate: Locate }> {
  const book = await readSpreadsheet(buffer, {
    maxFileBytes: INVENTORY_WORKBOOK_MAX_BYTES,
    maxRows: INVENTORY_WORKBOOK_MAX_ROWS,
  });
  const problems = new SheetProblems();
  const places = new Map<string, string>();
  const record = (path: string, sheet: string, row: TypedRow, columns: readonly Column[]) => {
    places.set(path, at(sheet, row.row));
    for (const c of columns) if (!c.output) places.set(`${path}.${c.key}`, row.place(c.key));
  };
  const resources: Record<string, unknown>[] = [];
  const indexByCode = new Map<string, { index: number; row: number }>();
  for (const row of readTypedRows(
    book,
    INVENTORY_SHEETS.resources,
    RESOURCE_COLUMNS,
    problems,
    VERBATIM,
  )) {
    const code = row.values.code as string | undefined;
    const index = resources.length;
    if (code) {
      const first = indexByCode.get(code);
      if (first) {
        problems.add(
          row.place('code'),
          `resource code “${code}” is also in row ${first.row} (资源编号重复); list it once`,
        );
        continue;
      }
      indexByCode.set(code, { index, row: row.row });
    }
    record(`resources[${index}]`, INVENTORY_SHEETS.resources, row, RESOURCE_COLUMNS);
    resources.push({
      ...Object.fromEntries(Object.entries(row.values).filter(([, v]) => v !== undefined)),
      impacts: [],
    });
  }
  for (const row of readTypedRows(
    book,
    INVENTORY_SHEETS.impacts,
    IMPACT_COLUMNS,
    problems,
    VERBATIM,
  )) {
    const code = row.values[RESOURCE] as string | undefined;
    if (!code) continue;
    const found = indexByCode.get(code);
    if (!found) {
      problems.add(
        row.place(RESOURCE),
        `no resource “${code}” on sheet ${INVENTORY_SHEETS.resources} (数据资源不存在); add it there or correct the code`,
      );
      continue;
    }
    const target = resources[found.index]!.impacts as Record<string, unknown>[];
    record(
      `resources[${found.index}].impacts[${target.length}]`,
      INVENTORY_SHEETS.impacts,
      row,
      IMPACT_COLUMNS,
    );
    target.push(
      Object.fromEntries(
        Object.entries(row.values).filter(([k, v]) => v !== undefined && k !== RESOURCE),
      ),
    );
  }
  const locate: Locate = (path) => {
    for (let p = path; ;) {
      const hit = places.get(p);
      if (hit !== undefined) return hit;
      const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      if (cut <= 0) return path;
      p = p.slice(0, cut);
    }
  };
  const parsed = DataInventoryFileSchema.safeParse({
    format: 'dengbao.data-inventory.v1',
    resources,
  });
  if (!parsed.success)
    for (const issue of parsed.error.issues)
      problems.add(locate(formatPath('', issue.path)), issue.message);
  if (problems.size > 0 || !parsed.success) {
    const details = problems.list();
    throw new ValidationError(
      { code: 'xlsx.problems', params: { count: details.length } },
      details,
    );
  }
  return { file: parsed.data, locate };
}
