/**
 * Excel exports for the people who keep their lists in spreadsheets: the system inventory
 * (定级对象清单), an assessment's findings (安全问题) and the obligations (合规义务). Pure: DTOs in,
 * .xlsx bytes out; Chinese headers and labels as the UI shows them. Styling is the one of
 * every workbook (src/spreadsheet/styles.ts): blue header row, frozen, with a filter.
 */
import type {
  AssessmentSummaryDto,
  FindingDto,
  ObligationsDto,
  SystemDto,
} from '../shared/api-types';
import { ITEM_RESULT_ZH, RISK_LEVEL_ZH } from '../shared/assessment-vocabulary';
import { RECTIFICATION_STATUS_ZH } from '../shared/assessment-schemas';
import { addSafeRow, BORDER, FONT, styleHeaderCell } from '../spreadsheet/styles';
import { CATEGORY, levelShort, SYSTEM_TYPE } from './documents/labels';
import { OBLIGATION_STATE } from './documents/obligations-calendar';

// Loaded on first use: exceljs takes longer to load than the rest of the server start.
const loadExcel = async () => (await import('exceljs')).default;

export const XLSX_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A system with what the inventory adds: the latest filing's bureau and the next assessment due. */
export interface SystemInventoryRow extends SystemDto {
  readonly filingBureau: string | null;
  readonly nextAssessmentDue: string | null;
}

export const SYSTEMS_SHEET = '定级对象清单';
export const FINDINGS_SHEET = '安全问题';
export const OBLIGATIONS_SHEET = '合规义务';

interface Column {
  readonly header: string;
  readonly width: number;
}

const yesNo = (v: boolean | null): string => (v === null ? '未填写' : v ? '是' : '否');
const text = (v: string | null | undefined): string => v ?? '';

/**
 * A workbook with one sheet: header row styled and frozen, filter on, borders on every cell;
 * text that a spreadsheet would take for a formula (`=`, `+`, `-`, `@` …) gets a leading quote.
 */
async function singleSheet(
  title: string,
  sheetName: string,
  columns: readonly Column[],
  rows: readonly (readonly (string | number)[])[],
  pageHeader: string,
): Promise<Buffer> {
  const book = new (await loadExcel()).Workbook();
  book.creator = 'dengbao';
  book.title = title;
  const sheet = book.addWorksheet(sheetName, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, activeCell: 'A2' }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    },
    headerFooter: { oddHeader: `&L${pageHeader}&R${sheetName}`, oddFooter: '&C第 &P 页' },
  });
  sheet.columns = columns.map((c) => ({
    width: c.width,
    style: { font: FONT, alignment: { vertical: 'top', wrapText: c.width >= 12 } },
  }));
  const head = addSafeRow(
    sheet,
    columns.map((c) => c.header),
  );
  head.height = 20;
  for (let c = 1; c <= columns.length; c++) styleHeaderCell(head.getCell(c));
  for (const values of rows) {
    const row = addSafeRow(sheet, values);
    for (let c = 1; c <= columns.length; c++) row.getCell(c).border = BORDER;
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const out = await book.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

export const SYSTEMS_COLUMNS: readonly Column[] = [
  { header: '名称', width: 28 },
  { header: '类型', width: 20 },
  { header: '等级', width: 9 },
  { header: '定级日期', width: 12 },
  { header: '投入运行日期', width: 13 },
  { header: '是否关基', width: 9 },
  { header: '备案证明编号', width: 20 },
  { header: '备案日期', width: 12 },
  { header: '受理公安机关', width: 20 },
  { header: '主管部门', width: 18 },
  { header: '责任部门', width: 16 },
  { header: '下次测评', width: 12 },
  { header: '描述', width: 36 },
];

/** 定级对象清单: one row per system. */
export function systemsInventoryXlsx(
  rows: readonly SystemInventoryRow[],
  organisationName = '',
): Promise<Buffer> {
  return singleSheet(
    `${organisationName}定级对象清单`,
    SYSTEMS_SHEET,
    SYSTEMS_COLUMNS,
    rows.map((s) => [
      s.name,
      s.types.map((t) => SYSTEM_TYPE[t]?.zh ?? t).join('、'),
      s.level === null ? '未定级' : levelShort('zh', s.level),
      text(s.gradedOn),
      text(s.goLiveOn),
      yesNo(s.isCii),
      text(s.certificateNumber),
      text(s.filedOn),
      text(s.filingBureau),
      s.hasCompetentAuthority === false ? '无' : text(s.competentAuthority),
      text(s.responsibleDepartment),
      text(s.nextAssessmentDue),
      text(s.description),
    ]),
    organisationName,
  );
}

export const FINDINGS_COLUMNS: readonly Column[] = [
  { header: '条款', width: 12 },
  { header: '安全类', width: 14 },
  { header: '控制点', width: 14 },
  { header: '问题（要求项）', width: 48 },
  { header: '结果', width: 10 },
  { header: '涉及对象', width: 20 },
  { header: '建议风险', width: 9 },
  { header: '确认风险', width: 9 },
  { header: '整改状态', width: 10 },
  { header: '问题描述', width: 40 },
];

/** 安全问题: the assessment's findings (partial or non-compliant items), in clause order. */
export function findingsXlsx(
  findings: readonly FindingDto[],
  assessment: Pick<AssessmentSummaryDto, 'title' | 'systemName'>,
): Promise<Buffer> {
  return singleSheet(
    `${assessment.title} 安全问题`,
    FINDINGS_SHEET,
    FINDINGS_COLUMNS,
    findings.map((f) => [
      f.clause,
      CATEGORY[f.category]?.zh ?? f.category,
      f.controlPoint.zh,
      f.title.zh,
      ITEM_RESULT_ZH[f.result],
      f.objects.map((o) => o.name).join('、'),
      RISK_LEVEL_ZH[f.suggested.risk],
      f.risk ? RISK_LEVEL_ZH[f.risk] : '未确认',
      f.rectification ? RECTIFICATION_STATUS_ZH[f.rectification.status] : '未建整改项',
      text(f.description),
    ]),
    `${assessment.systemName} ${assessment.title}`,
  );
}

export const OBLIGATIONS_COLUMNS: readonly Column[] = [
  { header: '定级对象', width: 24 },
  { header: '义务', width: 30 },
  { header: '到期日', width: 12 },
  { header: '状态', width: 12 },
  { header: '窗口开始', width: 12 },
  { header: '周期（月）', width: 10 },
  { header: '依据', width: 36 },
  { header: '原因', width: 48 },
  { header: '备注', width: 24 },
];

/** 合规义务: every obligation on the list's date, by due date (undated last). */
export function obligationsXlsx(
  obligations: ObligationsDto,
  organisationName = '',
): Promise<Buffer> {
  const items = [...obligations.items].sort(
    (x, y) =>
      (x.dueDate ?? '9999').localeCompare(y.dueDate ?? '9999') ||
      x.systemName.localeCompare(y.systemName) ||
      x.titleZh.localeCompare(y.titleZh),
  );
  return singleSheet(
    `${organisationName}合规义务（截至${obligations.asOf}）`,
    OBLIGATIONS_SHEET,
    OBLIGATIONS_COLUMNS,
    items.map((o) => [
      o.systemName,
      o.titleZh,
      text(o.dueDate),
      OBLIGATION_STATE[o.effectiveState].zh,
      text(o.windowOpensOn),
      o.recurrenceMonths ?? '',
      o.citations.map((c) => c.labelZh).join('；'),
      o.reasonZh,
      text(o.manualStatus?.note),
    ]),
    `${organisationName} 截至${obligations.asOf}`,
  );
}
