/**
 * The look of every workbook dengbao writes (assessment workbook, CII workbook, the list
 * exports): one font, thin grey borders, a blue header row (yellow for the columns the user fills
 * in) — and the rule that every text cell stays data (formula-like text gets a leading quote).
 */
import type ExcelJS from 'exceljs';
import { neutraliseCell } from '../shared/spreadsheet-cells';

export { neutraliseCell };

export const FONT = { name: '等线', size: 10 };
const THIN = { style: 'thin' as const, color: { argb: 'FFB4B4B4' } };
export const BORDER: Partial<ExcelJS.Borders> = {
  top: THIN,
  left: THIN,
  bottom: THIN,
  right: THIN,
};
export const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFD9E1F2' },
};
/** Header of the columns the user fills in (or must fill in): warmer, so they stand out. */
export const EDITABLE_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFFFF2CC' },
};

/** A header cell: bold, centred, filled, bordered. */
export function styleHeaderCell(cell: ExcelJS.Cell, editable = false): void {
  cell.font = { ...FONT, bold: true };
  cell.fill = editable ? EDITABLE_FILL : HEADER_FILL;
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  cell.border = BORDER;
}

type Plain = string | number | boolean | Date | null | undefined;

/** Row values as written: text neutralised, numbers, dates and empty cells as they are. */
export const safeValues = (values: readonly Plain[]): Plain[] =>
  values.map((v) => (typeof v === 'string' ? neutraliseCell(v) : v));

/** Adds a row of plain values, every text cell neutralised (never a formula). */
export function addSafeRow(sheet: ExcelJS.Worksheet, values: readonly Plain[]): ExcelJS.Row {
  return sheet.addRow(safeValues(values));
}
