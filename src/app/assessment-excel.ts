/**
 * The assessment workbook (测评结果记录表) as an Excel file, in the layout assessors use: a 说明
 * sheet (the project, how to fill in, and the table that maps every sheet to its test object),
 * then one sheet per test object with one row per baseline requirement that object answers (its
 * own control points, or its kind's default), and — when there are findings — a 安全问题 sheet
 * with one row per finding and linked high-risk guide case. Optional reference columns: 标准原文
 * (the organisation's own copy of the standard's wording) and 测评步骤 / 预期结果 / 判定依据 (the
 * level-3 test guidance, when asked for).
 *
 * Import is all or nothing: the whole file is checked against the assessment's fixed baseline
 * and test objects first, every problem is reported with its sheet, Excel row and column, and
 * only a clean file is written — in one transaction with one audit entry. Nothing is guessed: an
 * unknown 编号 or an edited 测评项 is reported, never matched to "the closest" requirement.
 * Import never deletes: a blank row is skipped, not cleared. The 安全问题 sheet's 确认风险,
 * 已见情形 and 缓解措施 are read back into the finding notes.
 */
import { createHash } from 'node:crypto';
import type ExcelJS from 'exceljs';
import type { Extension, RequirementCategory } from '../catalogs/mlps-catalog.schema';
import { testGuidanceFor } from '../catalogs/test-guidance';
import {
  ITEM_RESULT_ZH,
  ITEM_RESULTS,
  objectCovers,
  RESULTS_NEEDING_REASON,
  RESULTS_NEEDING_RECORD,
  RISK_LEVEL_ZH,
  RISK_LEVELS,
  TEST_OBJECT_KIND_ZH,
  type ItemResult,
  type RiskLevel,
  type TestObjectKind,
} from '../domain/mlps/assessment/types';
import { ConflictError, ValidationError, detail, type ErrorDetail } from '../errors';
import { decryptNullable, encryptNullable } from '../security/field-crypto';
import { LABELS_ZH, type ProtectionLevel } from '../shared/mlps';
import type {
  CaseObservationDto,
  FindingDto,
  HighRiskCaseDto,
  TestObjectDto,
  WorkbookRowDto,
} from '../shared/api-types';
import {
  DATA_CLASS_ZH,
  OBJECT_IMPORTANCE_ZH,
  type DataClass,
  type ObjectImportance,
} from '../shared/assessment-vocabulary';
import { CATEGORY } from '../shared/vocabulary';
import { cellText, clean, headerKey, squash } from '../spreadsheet/cells';
import { importLimits } from '../spreadsheet/limits';
import { readSpreadsheet, type Sheet, type Workbook } from '../spreadsheet/reader';
import { addSafeRow, BORDER, FONT, styleHeaderCell } from '../spreadsheet/styles';
import { at, type RowData } from '../spreadsheet/types';
import {
  getAssessment,
  insertResults,
  listFindingNotes,
  listResults,
  listTestObjects,
  touchAssessment,
  updateResults,
  writeFindingNote,
  type ResultUpdate,
} from '../store/repositories/assessments.repository';
import type {
  AssessmentResultRow,
  AssessmentRow,
  FindingNoteRow,
  TestObjectRow,
} from '../store/schema';
import { audited, type Actor } from './actor';
import { baselineOf, controlPointsOf, type FixedBaselineItem } from './assessment/model';
import { currentFindings, workbookQuery } from './assessment/queries';
import type { AppContext } from './context';

// Loaded on first use: exceljs takes longer to load than the rest of the server start.
const loadExcel = async () => (await import('exceljs')).default;

/** What an import did. `rows` = created + updated + unchanged + skipped. */
export interface ImportReport {
  /** Data rows read (rows with a 编号). */
  rows: number;
  /** Results recorded where there was none. */
  created: number;
  /** Stored results replaced by a different result, record or reason. */
  updated: number;
  /** Rows identical to what is stored: not written (their review stays). */
  unchanged: number;
  /** Rows with neither 符合情况 nor 结果记录 (not assessed yet). */
  skipped: number;
  /** Finding notes (安全问题 sheet: 确认风险, 已见情形, 缓解措施) created or changed. */
  findingNotes: number;
}

/** Choices of an export. */
export interface WorkbookExportOptions {
  /** Add 测评步骤 / 预期结果 / 判定依据 (the level-3 test guidance) to the object sheets. */
  readonly guidance?: boolean | undefined;
}

/** The first sheet: project facts, instructions and the sheet → test object table. */
export const GUIDE_SHEET = '说明';
/** Larger uploads are refused before they are read (DENGBAO_IMPORT_MAX_FILE_BYTES, 20 MB). */
export const workbookMaxBytes = (): number => importLimits().maxFileBytes;
/** Same limits as the API's result schema. */
export const RECORD_MAX = 4000;
export const REASON_MAX = 1000;

/** Columns of an object sheet, in order. `key` columns are read back on import. */
export const OBJECT_COLUMNS = [
  { header: '序号', width: 6 },
  { header: '扩展标准', width: 16 },
  { header: '安全类', width: 14 },
  { header: '控制点', width: 16 },
  { header: '条款', width: 12 },
  { header: '测评项', width: 48 },
  { header: '结果记录', width: 52 },
  { header: '符合情况', width: 11 },
  { header: '原因说明', width: 32 },
  { header: '权重', width: 7 },
  { header: '编号', width: 13 },
] as const;
/** Reference columns added after 测评项 when there is something to show (never read back). */
export const OPTIONAL_COLUMNS = [
  { header: '标准原文', width: 48 },
  { header: '测评步骤', width: 48 },
  { header: '预期结果', width: 40 },
  { header: '判定依据', width: 40 },
] as const;
type ColumnHeader = (typeof OBJECT_COLUMNS)[number]['header'];
type OptionalHeader = (typeof OPTIONAL_COLUMNS)[number]['header'];
const REQUIRED_HEADERS: readonly ColumnHeader[] = [
  '编号',
  '条款',
  '测评项',
  '结果记录',
  '符合情况',
  '原因说明',
];
const EDITABLE_HEADERS: readonly ColumnHeader[] = ['结果记录', '符合情况', '原因说明'];

/** The columns of an object sheet: the fixed ones, with the chosen reference columns after 测评项. */
function objectColumns(
  optional: readonly OptionalHeader[],
): { header: ColumnHeader | OptionalHeader; width: number }[] {
  const at = OBJECT_COLUMNS.findIndex((c) => c.header === '测评项') + 1;
  const extra = OPTIONAL_COLUMNS.filter((c) => optional.includes(c.header));
  return [...OBJECT_COLUMNS.slice(0, at), ...extra, ...OBJECT_COLUMNS.slice(at)];
}

/** The sheet of security problems (one row per finding and linked high-risk case). */
export const FINDINGS_SHEET = '安全问题';
/** Columns of the 安全问题 sheet; the assessor edits 确认风险, 已见情形 and 缓解措施. */
export const FINDING_COLUMNS = [
  { header: '序号', width: 6 },
  { header: '编号', width: 13 },
  { header: '条款', width: 12 },
  { header: '控制点', width: 14 },
  { header: '问题（测评项）', width: 40 },
  { header: '测评对象及结果', width: 36 },
  { header: '建议风险', width: 9 },
  { header: '建议依据', width: 36 },
  { header: '确认风险', width: 10 },
  { header: '高风险案例', width: 28 },
  { header: '案例情形', width: 48 },
  { header: '案例缓解措施', width: 48 },
  { header: '已见情形', width: 16 },
  { header: '缓解措施', width: 16 },
] as const;
type FindingHeader = (typeof FINDING_COLUMNS)[number]['header'];
const FINDING_EDITABLE: readonly FindingHeader[] = ['确认风险', '已见情形', '缓解措施'];
const FINDING_REQUIRED: readonly FindingHeader[] = [
  '编号',
  '高风险案例',
  '确认风险',
  '已见情形',
  '缓解措施',
];

/** Attribute columns of the 说明 object table (after 对象编号), with how a value is shown. */
const ATTRIBUTE_COLUMNS: readonly {
  header: string;
  width: number;
  value: (o: TestObjectDto) => string;
}[] = [
  { header: 'IP地址', width: 18, value: (o) => o.attributes.ipAddresses.join('、') },
  { header: '操作系统/产品', width: 16, value: (o) => o.attributes.os ?? '' },
  { header: '版本', width: 16, value: (o) => o.attributes.version ?? '' },
  { header: '型号', width: 14, value: (o) => o.attributes.model ?? '' },
  { header: '厂商', width: 12, value: (o) => o.attributes.vendor ?? '' },
  { header: '位置', width: 14, value: (o) => o.attributes.location ?? '' },
  { header: '用途', width: 14, value: (o) => o.attributes.role ?? '' },
  {
    header: '重要程度',
    width: 9,
    value: (o) =>
      o.attributes.importance
        ? (OBJECT_IMPORTANCE_ZH[o.attributes.importance as ObjectImportance] ?? '')
        : '',
  },
  {
    header: '数据类别',
    width: 12,
    value: (o) =>
      o.attributes.dataClass ? (DATA_CLASS_ZH[o.attributes.dataClass as DataClass] ?? '') : '',
  },
  { header: '描述', width: 30, value: (o) => o.description ?? '' },
];

export const EXTENSION_ZH: Readonly<Record<Extension, string>> = {
  general: '安全通用要求',
  cloud: '云计算安全扩展要求',
  mobile: '移动互联安全扩展要求',
  iot: '物联网安全扩展要求',
  ics: '工业控制系统安全扩展要求',
  big_data: '大数据安全扩展要求',
};

/** The categories' Chinese names, from the shared vocabulary. */
export const CATEGORY_ZH: Readonly<Record<RequirementCategory, string>> = Object.fromEntries(
  Object.entries(CATEGORY).map(([code, words]) => [code, words.zh]),
) as Record<RequirementCategory, string>;

const CLOUD_ROLE_ZH: Readonly<Record<string, string>> = {
  provider: '云服务商（云平台）',
  tenant: '云租户（云上系统）',
};

// Labels on the 说明 sheet that import reads back.
const LABEL_ASSESSMENT_ID = '测评编号';
const MAP_SHEET = '工作表';
const MAP_OBJECT_ID = '对象编号';
const MAP_HEADER = [
  '序号',
  MAP_SHEET,
  '测评对象',
  '对象类型',
  '测评项数',
  `${MAP_OBJECT_ID}（请勿修改）`,
  ...ATTRIBUTE_COLUMNS.map((c) => c.header),
];

/* ----------------------------------------------------------------------------------------- */
/* Sheet names                                                                               */
/* ----------------------------------------------------------------------------------------- */

const SHEET_NAME_MAX = 31;
/** Excel forbids these; full-width look-alikes keep the name readable for Chinese users. */
const FORBIDDEN_IN_SHEET_NAME: Readonly<Record<string, string>> = {
  '[': '［',
  ']': '］',
  ':': '：',
  '*': '＊',
  '?': '？',
  '/': '／',
  '\\': '＼',
};

/** Cuts `text` to at most `max` UTF-16 units without splitting a character. */
function truncate(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/**
 * Sheet names for the objects, in order: forbidden characters replaced, at most 31 characters,
 * unique (Excel compares names case-insensitively) and never `说明`, `安全问题` or Excel's
 * reserved `History`.
 */
export function sheetNamesFor(objectNames: readonly string[]): string[] {
  const used = new Set([GUIDE_SHEET.toLowerCase(), FINDINGS_SHEET.toLowerCase(), 'history']);
  return objectNames.map((raw) => {
    const cleaned = raw
      .replace(/[[\]:*?/\\]/g, (c) => FORBIDDEN_IN_SHEET_NAME[c] ?? '_')
      // Control characters and line breaks are not allowed either.
      .replace(/\p{Cc}+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^'+|'+$/g, '')
      .trim();
    const base = truncate(cleaned || '测评对象', SHEET_NAME_MAX);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      const suffix = `(${n})`;
      name = truncate(base, SHEET_NAME_MAX - suffix.length).trimEnd() + suffix;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

/* ----------------------------------------------------------------------------------------- */
/* Export                                                                                    */
/* ----------------------------------------------------------------------------------------- */

/** The assessment's workbook as an .xlsx file (results and reasons decrypted). */
export async function exportWorkbook(
  ctx: AppContext,
  organisationId: string,
  assessmentId: string,
  options: WorkbookExportOptions = {},
): Promise<Buffer> {
  const workbook = await workbookQuery(ctx, organisationId, assessmentId);
  const { assessment } = workbook;
  const findings = await currentFindings(
    ctx,
    ctx.store.db,
    await getAssessment(ctx.store.db, organisationId, assessmentId),
  );
  const withWording = workbook.rows.some((r) => r.standardText);
  // The guidance is written for level 3; other levels ask for other things.
  const withGuidance = options.guidance === true && assessment.level === 3;
  const optional: OptionalHeader[] = [
    ...(withWording ? (['标准原文'] as const) : []),
    ...(options.guidance === true ? (['测评步骤', '预期结果', '判定依据'] as const) : []),
  ];
  const columns = objectColumns(optional);
  const objects = assessment.objects;
  const names = sheetNamesFor(objects.map((o) => o.name));
  const rowsByObject = new Map<string, WorkbookRowDto[]>(objects.map((o) => [o.id, []]));
  for (const row of workbook.rows) rowsByObject.get(row.objectId)?.push(row);

  const book = new (await loadExcel()).Workbook();
  book.creator = 'dengbao';
  book.created = ctx.clock.now();
  book.modified = book.created;
  book.title = `${assessment.title} 测评结果记录表`;

  // 说明
  const guide = book.addWorksheet(GUIDE_SHEET, {
    properties: { tabColor: { argb: 'FF4472C4' } },
  });
  guide.columns = [
    { width: 22 },
    { width: 30 },
    { width: 30 },
    { width: 18 },
    { width: 10 },
    { width: 40 },
    ...ATTRIBUTE_COLUMNS.map((c) => ({ width: c.width })),
  ];
  const title = addSafeRow(guide, [`${assessment.title} — 测评结果记录表`]);
  title.font = { ...FONT, size: 14, bold: true };
  guide.mergeCells(title.number, 1, title.number, 6);
  addSafeRow(guide, []);
  const extensions = assessment.extensions
    .map((e) => EXTENSION_ZH[e as Extension] ?? e)
    .concat(assessment.cloudRole ? [`角色：${CLOUD_ROLE_ZH[assessment.cloudRole]}`] : []);
  const period =
    assessment.periodStart || assessment.periodEnd
      ? `${assessment.periodStart ?? ''} 至 ${assessment.periodEnd ?? ''}`
      : '';
  const facts: [string, string][] = [
    ['测评项目', assessment.title],
    ['等级保护对象', assessment.systemName],
    [
      '安全保护等级',
      LABELS_ZH.level[assessment.level as ProtectionLevel] ?? `第${assessment.level}级`,
    ],
    ['适用标准', `GB/T 22239-2019 ${['安全通用要求', ...extensions].join('、')}`],
    ['测评机构', assessment.agency ?? ''],
    ['测评期间', period],
    ['报告编号', assessment.reportNumber ?? ''],
    ['报告日期', assessment.reportDate ?? ''],
    ['基线目录摘要', assessment.catalogHash],
    ['测评项总数', `${workbook.rows.length}（${objects.length} 个测评对象）`],
    ['安全问题', `${findings.length}（见“${FINDINGS_SHEET}”工作表）`],
    ['导出时间', ctx.clock.now().toISOString()],
    [LABEL_ASSESSMENT_ID, assessment.id],
  ];
  for (const [label, value] of facts) {
    const row = addSafeRow(guide, [label, value]);
    row.getCell(1).font = { ...FONT, bold: true };
    row.getCell(2).font = FONT;
    guide.mergeCells(row.number, 2, row.number, 6);
  }
  addSafeRow(guide, []);
  const howTo = addSafeRow(guide, ['填写说明']);
  howTo.font = { ...FONT, size: 12, bold: true };
  const instructions = [
    '1. 每个测评对象一个工作表，每行是该对象适用的一个测评项（来自本次测评固定的基线）。',
    '2. 只填写黄色表头的三列：“结果记录”“符合情况”“原因说明”；其余列来自基线，请勿修改，导入时会逐项核对。',
    '3. “符合情况”从下拉列表选择：符合、部分符合、不符合、不适用。',
    '4. 选择“部分符合”或“不适用”时，必须填写“原因说明”；选择“不符合”或“部分符合”时，必须填写“结果记录”（现场所见）。',
    `5. “结果记录”不超过 ${RECORD_MAX} 字，“原因说明”不超过 ${REASON_MAX} 字。`,
    '6. “符合情况”和“结果记录”都为空的行视为尚未测评，导入时跳过；清空单元格不会删除系统中已记录的结果。',
    '7. 请勿修改工作表名称，也不要改动下方“测评对象”表：导入时按“对象编号”把工作表对应到测评对象。',
    '8. 导入时先检查整个文件；只要有一处问题，整份文件都不导入，并逐项列出工作表、行号和列名。',
    '9. 与系统中已记录内容完全相同的行不会重写，其复核状态保持不变；有改动的行需要重新复核。',
    `10. “${FINDINGS_SHEET}”工作表（导出时已有不符合或部分符合的测评项才有）每行是一个问题及其关联的高风险案例：可填写“确认风险”（高风险、中风险、低风险，留空表示只保留建议），并在“已见情形”“缓解措施”中填写案例所列条目的序号（如 1、3）或原文，导入后记入该问题的判定记录。`,
    '11. “标准原文”列（本单位已载入标准原文时才有）、“测评步骤”“预期结果”“判定依据”列（导出时选择附带测评作业指导才有，仅适用于第三级）仅供参考，导入时不读取。',
  ];
  for (const line of instructions) {
    const row = addSafeRow(guide, [line]);
    row.getCell(1).font = FONT;
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    guide.mergeCells(row.number, 1, row.number, 6);
    row.height = 28;
  }
  addSafeRow(guide, []);
  const objectsTitle = addSafeRow(guide, ['测评对象']);
  objectsTitle.font = { ...FONT, size: 12, bold: true };
  const mapHeader = addSafeRow(guide, MAP_HEADER);
  styleHeader(mapHeader, MAP_HEADER.length, []);
  objects.forEach((o, i) => {
    const row = addSafeRow(guide, [
      i + 1,
      names[i],
      o.name,
      TEST_OBJECT_KIND_ZH[o.kind as TestObjectKind] ?? o.kind,
      rowsByObject.get(o.id)?.length ?? 0,
      o.id,
      ...ATTRIBUTE_COLUMNS.map((c) => c.value(o)),
    ]);
    for (let c = 1; c <= MAP_HEADER.length; c++) {
      row.getCell(c).border = BORDER;
      row.getCell(c).font = FONT;
    }
  });
  guide.views = [{ showGridLines: false }];

  // One sheet per object.
  const header = columns.map((c) => c.header);
  const guidanceOf = (id: string) => (withGuidance ? testGuidanceFor(id) : undefined);
  const optionalValue = (r: WorkbookRowDto, h: OptionalHeader): string => {
    if (h === '标准原文') return r.standardText ?? '';
    const g = guidanceOf(r.requirementId);
    if (!g) return '';
    if (h === '测评步骤') return g.steps.map((step, n) => `${n + 1}. ${step.zh}`).join('\n');
    if (h === '预期结果') return g.expected.zh;
    return g.judgement.zh;
  };
  const editableHeaders: readonly string[] = EDITABLE_HEADERS;
  const resultCol = header.indexOf('符合情况') + 1;
  const resultList = `"${ITEM_RESULTS.map((r) => ITEM_RESULT_ZH[r]).join(',')}"`;
  objects.forEach((object, i) => {
    const sheet = book.addWorksheet(names[i] as string, {
      views: [{ state: 'frozen', xSplit: 0, ySplit: 1, activeCell: 'G2' }],
      pageSetup: {
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: '1:1',
      },
      headerFooter: { oddHeader: `&L${object.name}&R${assessment.title}`, oddFooter: '&C第 &P 页' },
    });
    sheet.columns = columns.map((c) => ({
      width: c.width,
      style: {
        font: FONT,
        alignment: { vertical: 'top', wrapText: c.width >= 12 },
      },
    }));
    const head = addSafeRow(sheet, header);
    styleHeader(head, header.length, editableHeaders);
    head.height = 20;
    const rows = rowsByObject.get(object.id) ?? [];
    rows.forEach((r, n) => {
      const values: Record<ColumnHeader, string | number> = {
        序号: n + 1,
        扩展标准: EXTENSION_ZH[r.extension] ?? r.extension,
        安全类: CATEGORY_ZH[r.category] ?? r.category,
        控制点: r.controlPoint.zh,
        条款: r.clause,
        测评项: r.text.zh,
        结果记录: r.record ?? '',
        符合情况: r.result ? ITEM_RESULT_ZH[r.result] : '',
        原因说明: r.reason ?? '',
        权重: r.weight ?? '',
        编号: r.requirementId,
      };
      const row = addSafeRow(
        sheet,
        columns.map((c) =>
          c.header in values
            ? values[c.header as ColumnHeader]
            : optionalValue(r, c.header as OptionalHeader),
        ),
      );
      for (let c = 1; c <= header.length; c++) row.getCell(c).border = BORDER;
    });
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
    if (rows.length > 0) {
      const col = sheet.getColumn(resultCol).letter;
      // One range entry (typed per cell only in exceljs' .d.ts; per-cell entries would be
      // merged into overlapping ranges by its writer).
      (sheet as unknown as WithDataValidations).dataValidations.add(
        `${col}2:${col}${rows.length + 1}`,
        {
          type: 'list',
          allowBlank: true,
          formulae: [resultList],
          showErrorMessage: true,
          errorStyle: 'stop',
          errorTitle: '符合情况',
          error: '请从列表中选择：符合、部分符合、不符合、不适用',
          showInputMessage: true,
          promptTitle: '符合情况',
          prompt: '部分符合、不适用须填写原因说明',
        },
      );
    }
  });
  if (findings.length > 0) addFindingsSheet(book, assessment.title, findings);
  const out = await book.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

/** `1. text` lines of a case's symptoms or mitigations. */
const numbered = (entries: readonly { zh: string }[]) =>
  entries.map((e, n) => `${n + 1}. ${e.zh}`).join('\n');

/** The 1-based numbers of observed entries, as the assessor writes them: `1、3`. */
const indexes = (list: readonly number[]) => list.map((n) => n + 1).join('、');

/** 安全问题: one row per finding and linked high-risk case (one row when it has none). */
function addFindingsSheet(
  book: ExcelJS.Workbook,
  title: string,
  findings: readonly FindingDto[],
): void {
  const sheet = book.addWorksheet(FINDINGS_SHEET, {
    properties: { tabColor: { argb: 'FFC00000' } },
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, activeCell: 'I2' }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    },
    headerFooter: { oddHeader: `&L${FINDINGS_SHEET}&R${title}`, oddFooter: '&C第 &P 页' },
  });
  sheet.columns = FINDING_COLUMNS.map((c) => ({
    width: c.width,
    style: { font: FONT, alignment: { vertical: 'top', wrapText: c.width >= 12 } },
  }));
  const header = FINDING_COLUMNS.map((c) => c.header);
  styleHeader(addSafeRow(sheet, header), header.length, FINDING_EDITABLE);
  let n = 0;
  for (const f of findings) {
    // Objects with a result, failing ones first; those not tested yet only counted.
    const tested = f.objects.filter((o) => o.result !== null);
    const failing = (o: (typeof tested)[number]) =>
      o.result === 'non_compliant' || o.result === 'partial' ? 0 : 1;
    const untested = f.objects.length - tested.length;
    const objects = [
      ...[...tested]
        .sort((a, b) => failing(a) - failing(b))
        .map((o) => `${o.name}：${ITEM_RESULT_ZH[o.result as ItemResult]}`),
      ...(untested > 0 ? [`（另有 ${untested} 个测评对象未测评）`] : []),
    ].join('\n');
    const cases: (HighRiskCaseDto | null)[] = f.highRiskCases.length > 0 ? f.highRiskCases : [null];
    for (const c of cases) {
      const seen = c ? f.observations.find((o) => o.caseId === c.id) : undefined;
      n += 1;
      const row = addSafeRow(sheet, [
        n,
        f.requirementId,
        f.clause,
        f.controlPoint.zh,
        f.title.zh,
        objects,
        RISK_LEVEL_ZH[f.suggested.risk],
        f.suggested.reason.zh,
        f.risk ? RISK_LEVEL_ZH[f.risk] : '',
        c ? `${c.id} ${c.title.zh}` : '',
        c ? numbered(c.symptoms) : '',
        c ? numbered(c.mitigations) : '',
        seen ? indexes(seen.symptoms) : '',
        seen ? indexes(seen.mitigations) : '',
      ]);
      for (let col = 1; col <= header.length; col++) row.getCell(col).border = BORDER;
    }
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  if (n > 0) {
    const col = sheet.getColumn(header.indexOf('确认风险') + 1).letter;
    (sheet as unknown as WithDataValidations).dataValidations.add(`${col}2:${col}${n + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${RISK_LEVELS.map((r) => RISK_LEVEL_ZH[r]).join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: '确认风险',
      error: '请从列表中选择：高风险、中风险、低风险，或留空',
    });
  }
}

interface WithDataValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

/** Columns the assessor fills in get a warmer header, so they stand out. */
function styleHeader(row: ExcelJS.Row, width: number, editable: readonly string[]): void {
  for (let c = 1; c <= width; c++) {
    const cell = row.getCell(c);
    styleHeaderCell(cell, editable.includes(String(cell.value)));
  }
}

/* ----------------------------------------------------------------------------------------- */
/* Import                                                                                    */
/* ----------------------------------------------------------------------------------------- */

/** One row that passed every check and will be compared with what is stored. */
interface AcceptedRow {
  readonly requirementId: string;
  readonly objectId: string;
  readonly result: ItemResult;
  readonly record: string | null;
  readonly reason: string | null;
}

/** The 安全问题 sheet's content for one requirement: the note to store. */
interface AcceptedFinding {
  readonly requirementId: string;
  readonly risk: RiskLevel | null;
  /** Observations of the cases listed on the sheet (empty ones left out). */
  readonly observations: CaseObservationDto[];
  /** The cases the sheet lists (their stored observations are replaced). */
  readonly cases: readonly string[];
}

interface Checked {
  readonly problems: ErrorDetail[];
  readonly accepted: AcceptedRow[];
  readonly findings: AcceptedFinding[];
  readonly rows: number;
  readonly skipped: number;
}

const RESULT_BY_TEXT: ReadonlyMap<string, ItemResult> = new Map<string, ItemResult>([
  ...ITEM_RESULTS.map((r) => [ITEM_RESULT_ZH[r], r] as const),
  ...ITEM_RESULTS.map((r) => [r, r] as const),
  ['noncompliant', 'non_compliant'],
  ['na', 'not_applicable'],
  ['n/a', 'not_applicable'],
]);

/** 符合情况 as a result code: exactly the four Chinese values, or their English codes. */
export function parseResult(text: string): ItemResult | undefined {
  const zh = RESULT_BY_TEXT.get(text.replace(/\s+/g, ''));
  if (zh) return zh;
  return RESULT_BY_TEXT.get(
    text
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_'),
  );
}

/**
 * Reads the workbook, checks every sheet and row against the assessment, and records the
 * accepted rows in one audited transaction. Any problem: a ValidationError listing all of them,
 * and nothing written. A completed assessment: ConflictError.
 */
export async function importWorkbook(
  ctx: AppContext,
  actor: Actor,
  organisationId: string,
  assessmentId: string,
  buffer: Buffer,
): Promise<ImportReport> {
  // Fail fast (404 / 409) before reading a large file.
  assertEditable(await getAssessment(ctx.store.db, organisationId, assessmentId));
  const book = await readSpreadsheet(buffer);
  const digest = createHash('sm3').update(buffer).digest('hex');

  return audited(ctx, actor, async (trx, audit, now) => {
    const assessment = await getAssessment(trx, organisationId, assessmentId);
    assertEditable(assessment);
    const objects = await listTestObjects(trx, assessmentId);
    const checked = checkWorkbook(book, assessment, objects, ctx);
    if (checked.problems.length > 0) {
      throw new ValidationError(
        { code: 'xlsx.problems', params: { count: checked.problems.length } },
        checked.problems,
      );
    }
    const stored = new Map(
      (await listResults(trx, assessmentId)).map((r) => [
        `${r.requirement_id}\u0000${r.object_id}`,
        r,
      ]),
    );
    let updated = 0;
    let unchanged = 0;
    const creates: AssessmentResultRow[] = [];
    const updates: ResultUpdate[] = [];
    for (const row of checked.accepted) {
      const current = stored.get(`${row.requirementId}\u0000${row.objectId}`);
      const rowId = [assessmentId, row.requirementId, row.objectId];
      const record = { table: 'assessment_results', column: 'record_enc', rowId };
      const reason = { table: 'assessment_results', column: 'reason_enc', rowId };
      if (
        current &&
        current.result === row.result &&
        decryptNullable(ctx.cipher, current.record_enc, record) === row.record &&
        decryptNullable(ctx.cipher, current.reason_enc, reason) === row.reason
      ) {
        unchanged += 1;
        continue;
      }
      const values = {
        assessment_id: assessmentId,
        requirement_id: row.requirementId,
        object_id: row.objectId,
        organisation_id: organisationId,
        result: row.result,
        record_enc: encryptNullable(ctx.cipher, row.record, record),
        reason_enc: encryptNullable(ctx.cipher, row.reason, reason),
        recorded_by: actor.label,
        recorded_at: now,
      };
      if (current) {
        updates.push({ ...values, expected: current.version });
        updated += 1;
      } else {
        creates.push({ ...values, reviewed_by: null, reviewed_at: null, version: 1 });
      }
    }
    await insertResults(trx, creates);
    await updateResults(trx, assessmentId, actor.label, now, updates);
    const findingNotes = await writeFindingNotes(
      trx,
      assessmentId,
      organisationId,
      actor,
      now,
      checked.findings,
    );
    const created = creates.length;
    const report: ImportReport = {
      rows: checked.rows,
      created,
      updated,
      unchanged,
      skipped: checked.skipped,
      findingNotes,
    };
    if (created + updated + findingNotes > 0) await touchAssessment(trx, assessmentId, now);
    await audit({
      organisationId,
      action: 'assessment.results.import',
      entityType: 'assessment',
      entityId: assessmentId,
      changes: {
        file: { before: null, after: { sm3: digest, bytes: buffer.length } },
        counts: { before: null, after: report },
      },
    });
    return report;
  });
}

/**
 * Stores the 安全问题 sheet's risks and observations where they differ from the notes: the
 * observations of the cases the sheet lists are replaced, others and the description are kept;
 * a changed 确认风险 is confirmed by the importer. Returns how many notes were written.
 */
async function writeFindingNotes(
  trx: AppContext['store']['db'],
  assessmentId: string,
  organisationId: string,
  actor: Actor,
  now: string,
  findings: readonly AcceptedFinding[],
): Promise<number> {
  if (findings.length === 0) return 0;
  const notes = new Map<string, FindingNoteRow>(
    (await listFindingNotes(trx, assessmentId)).map((n) => [n.requirement_id, n]),
  );
  const canonical = (list: readonly CaseObservationDto[]) =>
    JSON.stringify(
      [...list]
        .map((o) => ({
          caseId: o.caseId,
          symptoms: [...o.symptoms].sort((a, b) => a - b),
          mitigations: [...o.mitigations].sort((a, b) => a - b),
        }))
        .sort((a, b) => a.caseId.localeCompare(b.caseId)),
    );
  let written = 0;
  for (const f of findings) {
    const note = notes.get(f.requirementId);
    const stored = note ? (JSON.parse(note.observations) as CaseObservationDto[]) : [];
    const observations = [...stored.filter((o) => !f.cases.includes(o.caseId)), ...f.observations];
    const risk = (note?.risk as RiskLevel | null | undefined) ?? null;
    if (risk === f.risk && canonical(stored) === canonical(observations)) continue;
    if (!note && f.risk === null && observations.length === 0) continue;
    const riskChanged = risk !== f.risk;
    await writeFindingNote(
      trx,
      {
        assessment_id: assessmentId,
        requirement_id: f.requirementId,
        organisation_id: organisationId,
        risk: f.risk,
        observations: JSON.stringify(observations),
        description_enc: note?.description_enc ?? null,
        confirmed_by:
          f.risk === null ? null : riskChanged ? actor.label : (note?.confirmed_by ?? actor.label),
        confirmed_at: f.risk === null ? null : riskChanged ? now : (note?.confirmed_at ?? now),
        updated_at: now,
      },
      note?.version ?? 0,
    );
    written += 1;
  }
  return written;
}

function assertEditable(assessment: AssessmentRow): void {
  if (assessment.status === 'completed') {
    throw new ConflictError({ code: 'error.assessment_completed' });
  }
}

/** A cell of a row, 1-based column. */
const valueAt = (row: RowData | undefined, col: number) => row?.cells[col - 1] ?? null;

function checkWorkbook(
  book: Workbook,
  assessment: AssessmentRow,
  objects: readonly TestObjectRow[],
  ctx: Pick<AppContext, 'catalog'>,
): Checked {
  const problems: ErrorDetail[] = [];
  const checked = {
    problems,
    accepted: [] as AcceptedRow[],
    findings: [] as AcceptedFinding[],
    rows: 0,
    skipped: 0,
  };
  const guide = book.sheets.find((s) => s.name.trim() === GUIDE_SHEET);
  if (!guide) {
    problems.push(detail(at(GUIDE_SHEET), 'assessment_xlsx.guide_missing'));
    return checked;
  }
  const mapping = readMapping(guide, assessment, objects, problems);
  if (!mapping) return checked;

  const baseline = new Map(baselineOf(assessment).map((i) => [i.id, i]));
  const seenObjects = new Map<string, string>();
  for (const sheet of book.sheets) {
    if (sheet === guide) continue;
    if (sheet.name.trim() === FINDINGS_SHEET && !mapping.has(sheet.name)) {
      checkFindingsSheet(sheet, assessment, baseline, ctx, checked);
      continue;
    }
    const object = mapping.get(sheet.name);
    if (!object) {
      problems.push(detail(at(sheet.name), 'assessment_xlsx.unknown_sheet'));
      continue;
    }
    const other = seenObjects.get(object.id);
    if (other !== undefined) {
      problems.push(
        detail(at(sheet.name), 'assessment_xlsx.object_twice', { other, object: object.name }),
      );
      continue;
    }
    seenObjects.set(object.id, sheet.name);
    checkObjectSheet(sheet, object, baseline, checked);
  }
  return checked;
}

/**
 * The 说明 table: sheet name → test object. Returns null (with a problem) when it cannot be used
 * at all; otherwise problems of single rows are added and the good rows returned.
 */
function readMapping(
  guide: Sheet,
  assessment: AssessmentRow,
  objects: readonly TestObjectRow[],
  problems: ErrorDetail[],
): Map<string, TestObjectRow> | null {
  const byId = new Map(objects.map((o) => [o.id, o]));
  let headerRow: number | undefined;
  let sheetCol = 0;
  let idCol = 0;
  let idLabel = MAP_OBJECT_ID;
  let wrongAssessment = false;
  for (const row of guide.rows) {
    if (headerRow !== undefined) break;
    const rowNumber = row.r;
    const first = headerKey(cellText(valueAt(row, 1)));
    if (first === LABEL_ASSESSMENT_ID) {
      const value = squash(cellText(valueAt(row, 2)));
      if (value && value !== assessment.id) {
        wrongAssessment = true;
        problems.push(
          detail(
            at(GUIDE_SHEET, rowNumber, LABEL_ASSESSMENT_ID),
            'assessment_xlsx.other_assessment',
            {
              value,
              title: assessment.title,
            },
          ),
        );
      }
      continue;
    }
    row.cells.forEach((value, i) => {
      const key = headerKey(cellText(value));
      if (key === MAP_SHEET && !sheetCol) sheetCol = i + 1;
      if (key === MAP_OBJECT_ID && !idCol) {
        idCol = i + 1;
        idLabel = clean(cellText(value));
      }
    });
    if (sheetCol && idCol) headerRow = rowNumber;
    else sheetCol = idCol = 0;
  }
  if (wrongAssessment) return null;
  if (headerRow === undefined) {
    problems.push(detail(at(GUIDE_SHEET), 'assessment_xlsx.map_missing'));
    return null;
  }
  const mapping = new Map<string, TestObjectRow>();
  const sheetRows = new Map<string, number>();
  for (let r = headerRow + 1; r <= guide.lastRow; r++) {
    const sheetName = clean(cellText(guide.cell(r, sheetCol)));
    const objectId = squash(cellText(guide.cell(r, idCol)));
    if (!sheetName && !objectId) break; // end of the table
    if (!sheetName) {
      problems.push(detail(at(GUIDE_SHEET, r, MAP_SHEET), 'assessment_xlsx.sheet_name_empty'));
      continue;
    }
    if (!objectId) {
      problems.push(
        detail(at(GUIDE_SHEET, r, idLabel), 'assessment_xlsx.object_id_empty', {
          sheet: sheetName,
        }),
      );
      continue;
    }
    const object = byId.get(objectId);
    if (!object) {
      problems.push(
        detail(at(GUIDE_SHEET, r, idLabel), 'assessment_xlsx.object_unknown', { id: objectId }),
      );
      continue;
    }
    const earlier = sheetRows.get(sheetName);
    if (earlier !== undefined) {
      problems.push(
        detail(at(GUIDE_SHEET, r, MAP_SHEET), 'assessment_xlsx.sheet_listed_twice', {
          sheet: sheetName,
          row: earlier,
        }),
      );
      continue;
    }
    sheetRows.set(sheetName, r);
    mapping.set(sheetName, object);
  }
  return mapping;
}

function checkObjectSheet(
  sheet: Sheet,
  object: TestObjectRow,
  baseline: ReadonlyMap<string, FixedBaselineItem>,
  out: { problems: ErrorDetail[]; accepted: AcceptedRow[]; rows: number; skipped: number },
): void {
  const { problems } = out;
  const name = sheet.name;
  // Columns by their header text, so a reordered sheet still reads.
  const cols = new Map<string, number>();
  const header = sheet.rows[0]?.r === 1 ? sheet.rows[0].cells : [];
  header.forEach((value, i) => {
    const key = headerKey(cellText(value));
    if (key && !cols.has(key)) cols.set(key, i + 1);
  });
  const missing = REQUIRED_HEADERS.filter((h) => !cols.has(h));
  for (const header of missing) {
    problems.push(
      detail(at(name, 1, header), 'assessment_xlsx.column_missing', { column: header }),
    );
  }
  if (missing.length > 0) return;
  const col = (h: ColumnHeader) => cols.get(h) as number;
  const weightCol = cols.get('权重');
  const scope = { kind: object.kind as TestObjectKind, controlPoints: controlPointsOf(object) };
  const covers = (item: FixedBaselineItem) => objectCovers(scope, item);
  const firstRow = new Map<string, number>();

  for (const row of sheet.rows) {
    const r = row.r;
    if (r === 1) continue;
    const get = (h: ColumnHeader) => cellText(valueAt(row, col(h)));
    const id = squash(get('编号'));
    const resultText = squash(get('符合情况'));
    const record = clean(get('结果记录'));
    const reason = clean(get('原因说明'));
    const text = clean(get('测评项'));
    const clause = squash(get('条款'));
    if (!id) {
      if (resultText || record || reason) {
        problems.push(detail(at(name, r, '编号'), 'assessment_xlsx.id_empty'));
      }
      continue; // an empty or decorative row
    }
    out.rows += 1;
    const seen = firstRow.get(id);
    if (seen !== undefined) {
      problems.push(
        detail(at(name, r, '编号'), 'assessment_xlsx.requirement_twice', { id, row: seen }),
      );
    } else firstRow.set(id, r);

    const item = baseline.get(id);
    if (!item) {
      problems.push(detail(at(name, r, '编号'), 'assessment_xlsx.not_in_baseline', { id }));
    } else if (!covers(item)) {
      problems.push(
        detail(at(name, r, '编号'), 'assessment_xlsx.not_for_object', {
          id,
          category: item.category,
          object: object.name,
          kind: object.kind,
        }),
      );
    } else {
      if (text !== clean(item.text.zh)) {
        problems.push(
          detail(at(name, r, '测评项'), 'assessment_xlsx.text_changed', { text: item.text.zh }),
        );
      }
      if (clause !== squash(item.clause)) {
        problems.push(
          detail(at(name, r, '条款'), 'assessment_xlsx.clause_changed', {
            clause: item.clause,
            id,
            given: clause,
          }),
        );
      }
      if (weightCol !== undefined) {
        const raw = valueAt(row, weightCol);
        const weightText = squash(cellText(raw));
        const weight =
          typeof raw === 'number' ? raw : weightText === '' ? null : Number(weightText);
        if (weight !== null && !Number.isFinite(weight)) {
          problems.push(
            detail(at(name, r, '权重'), 'assessment_xlsx.weight_not_number', {
              given: weightText,
              weight: item.weight ?? '（空）',
            }),
          );
        } else if (
          (weight === null) !== (item.weight === null) ||
          (weight !== null && item.weight !== null && Math.abs(weight - item.weight) > 1e-9)
        ) {
          problems.push(
            detail(at(name, r, '权重'), 'assessment_xlsx.weight_changed', {
              given: weightText || '（空）',
              weight: item.weight ?? '（空）',
            }),
          );
        }
      }
    }

    if (record.length > RECORD_MAX) {
      problems.push(
        detail(at(name, r, '结果记录'), 'assessment_xlsx.record_too_long', {
          length: record.length,
          max: RECORD_MAX,
        }),
      );
    }
    if (reason.length > REASON_MAX) {
      problems.push(
        detail(at(name, r, '原因说明'), 'assessment_xlsx.reason_too_long', {
          length: reason.length,
          max: REASON_MAX,
        }),
      );
    }
    if (!resultText) {
      if (record || reason) {
        problems.push(
          detail(at(name, r, '符合情况'), 'assessment_xlsx.result_missing', {
            field: record ? '结果记录' : '原因说明',
          }),
        );
      } else out.skipped += 1;
      continue;
    }
    const result = parseResult(resultText);
    if (!result) {
      problems.push(
        detail(at(name, r, '符合情况'), 'assessment_xlsx.result_invalid', { given: resultText }),
      );
      continue;
    }
    let incomplete = false;
    if (RESULTS_NEEDING_RECORD.includes(result) && !record) {
      problems.push(
        detail(at(name, r, '结果记录'), 'workbook_xlsx.record_required', {
          result,
          resultZh: ITEM_RESULT_ZH[result],
        }),
      );
      incomplete = true;
    }
    if (RESULTS_NEEDING_REASON.includes(result) && !reason) {
      problems.push(
        detail(at(name, r, '原因说明'), 'assessment_xlsx.reason_required', {
          result,
          resultZh: ITEM_RESULT_ZH[result],
        }),
      );
      incomplete = true;
    }
    if (incomplete) continue;
    if (item && covers(item)) {
      out.accepted.push({
        requirementId: id,
        objectId: object.id,
        result,
        record: record || null,
        reason: reason || null,
      });
    }
  }
}

const RISK_BY_TEXT: ReadonlyMap<string, RiskLevel> = new Map<string, RiskLevel>([
  ...RISK_LEVELS.map((r) => [RISK_LEVEL_ZH[r], r] as const),
  ...RISK_LEVELS.map((r) => [RISK_LEVEL_ZH[r].replace('风险', ''), r] as const),
  ...RISK_LEVELS.map((r) => [r, r] as const),
]);

/**
 * 已见情形 / 缓解措施 as entry indexes (0-based): numbers such as `1、3` (1-based, as the case
 * lists them) or the entries' texts, one per line (a leading `2.` is allowed). `bad` names the
 * first part that is neither.
 */
export function parseEntries(
  text: string,
  entries: readonly { zh: string; en: string }[],
): { indexes: number[] } | { bad: string } {
  const found = new Set<number>();
  const lines = clean(text)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const same = (a: string, b: string) => squash(a) === squash(b);
  for (const line of lines) {
    if (/^[\d\s,，、;；.．]+$/.test(line)) {
      for (const token of line.split(/[\s,，、;；]+/).filter((t) => t !== '')) {
        const n = Number(token.replace(/[.．]$/, ''));
        if (!Number.isInteger(n) || n < 1 || n > entries.length) return { bad: token };
        found.add(n - 1);
      }
      continue;
    }
    const m = /^(\d+)\s*[.、．)）]\s*(.*)$/s.exec(line);
    const body = m ? (m[2] as string) : line;
    let index = entries.findIndex((e) => same(e.zh, body) || same(e.en, body));
    if (index < 0 && m) {
      const n = Number(m[1]);
      if (n >= 1 && n <= entries.length) index = n - 1;
    }
    if (index < 0) return { bad: line };
    found.add(index);
  }
  return { indexes: [...found].sort((a, b) => a - b) };
}

/** The 安全问题 sheet: 确认风险 and the observations of linked high-risk cases, all checked. */
function checkFindingsSheet(
  sheet: Sheet,
  assessment: AssessmentRow,
  baseline: ReadonlyMap<string, FixedBaselineItem>,
  ctx: Pick<AppContext, 'catalog'>,
  out: { problems: ErrorDetail[]; findings: AcceptedFinding[] },
): void {
  const { problems } = out;
  const name = sheet.name;
  const cols = new Map<string, number>();
  const header = sheet.rows[0]?.r === 1 ? sheet.rows[0].cells : [];
  header.forEach((value, i) => {
    const key = headerKey(cellText(value));
    if (key && !cols.has(key)) cols.set(key, i + 1);
  });
  const keyOf = (h: FindingHeader) => headerKey(h);
  const missing = FINDING_REQUIRED.filter((h) => !cols.has(keyOf(h)));
  for (const h of missing) {
    problems.push(detail(at(name, 1, h), 'assessment_xlsx.column_missing', { column: h }));
  }
  if (missing.length > 0) return;
  const level = Math.min(assessment.level, 4);
  const byRequirement = new Map<
    string,
    { risk: RiskLevel | null; row: number; observations: CaseObservationDto[]; cases: string[] }
  >();
  const firstRow = new Map<string, number>();
  for (const row of sheet.rows) {
    const r = row.r;
    if (r === 1) continue;
    const get = (h: FindingHeader) => cellText(valueAt(row, cols.get(keyOf(h)) as number));
    const id = squash(get('编号'));
    const caseText = squash(get('高风险案例'));
    const riskText = squash(get('确认风险'));
    const seenText = clean(get('已见情形'));
    const mitigationText = clean(get('缓解措施'));
    if (!id) {
      if (riskText || seenText || mitigationText) {
        problems.push(detail(at(name, r, '编号'), 'assessment_xlsx.id_empty'));
      }
      continue;
    }
    const before = problems.length;
    if (!baseline.has(id)) {
      problems.push(detail(at(name, r, '编号'), 'workbook_xlsx.finding_not_in_baseline', { id }));
      continue;
    }
    let risk: RiskLevel | null = null;
    if (riskText) {
      const parsed = RISK_BY_TEXT.get(riskText.replace(/\s+/g, '').toLowerCase());
      if (parsed === undefined) {
        problems.push(
          detail(at(name, r, '确认风险'), 'workbook_xlsx.risk_invalid', { given: riskText }),
        );
      } else risk = parsed;
    }
    const caseId = /^(\d+(?:\.\d+)+)/.exec(caseText)?.[1] ?? null;
    const linked = (ctx.catalog.highRiskCasesByRequirement.get(id) ?? []).filter(
      (c) => c.minLevel <= level,
    );
    const found = caseId === null ? undefined : linked.find((c) => c.id === caseId);
    let observation: CaseObservationDto | null = null;
    if (caseText && !found) {
      problems.push(
        detail(at(name, r, '高风险案例'), 'workbook_xlsx.case_not_linked', {
          caseId: caseId ?? caseText,
          id,
        }),
      );
    } else if (!found) {
      if (seenText) problems.push(detail(at(name, r, '已见情形'), 'workbook_xlsx.case_missing'));
      if (mitigationText) {
        problems.push(detail(at(name, r, '缓解措施'), 'workbook_xlsx.case_missing'));
      }
    } else {
      const key = `${id}\u0000${found.id}`;
      const seenAt = firstRow.get(key);
      if (seenAt !== undefined) {
        problems.push(
          detail(at(name, r, '高风险案例'), 'workbook_xlsx.finding_twice', {
            caseId: found.id,
            id,
            row: seenAt,
          }),
        );
      } else firstRow.set(key, r);
      const read = (text: string, column: FindingHeader, entries: typeof found.symptoms) => {
        if (!text) return [];
        if (entries.length === 0) {
          problems.push(
            detail(at(name, r, column), 'workbook_xlsx.entry_none', {
              given: text,
              caseId: found.id,
            }),
          );
          return [];
        }
        const parsed = parseEntries(text, entries);
        if ('bad' in parsed) {
          problems.push(
            detail(at(name, r, column), 'workbook_xlsx.entry_unknown', {
              given: parsed.bad,
              max: entries.length,
              caseId: found.id,
            }),
          );
          return [];
        }
        return parsed.indexes;
      };
      observation = {
        caseId: found.id,
        symptoms: read(seenText, '已见情形', found.symptoms),
        mitigations: read(mitigationText, '缓解措施', found.mitigations),
      };
    }
    const current = byRequirement.get(id);
    if (current && current.risk !== risk && problems.length === before) {
      problems.push(
        detail(at(name, r, '确认风险'), 'workbook_xlsx.risk_differs', { id, row: current.row }),
      );
    }
    if (problems.length > before) continue;
    const entry = current ?? { risk, row: r, observations: [], cases: [] };
    if (observation) {
      entry.cases.push(observation.caseId);
      if (observation.symptoms.length + observation.mitigations.length > 0) {
        entry.observations.push(observation);
      }
    }
    byRequirement.set(id, entry);
  }
  for (const [requirementId, f] of byRequirement) {
    out.findings.push({
      requirementId,
      risk: f.risk,
      observations: f.observations,
      cases: f.cases,
    });
  }
}
