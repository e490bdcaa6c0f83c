/**
 * Reading cells as text, the same way for every importer: what Excel stored (rich text, formula
 * results, hyperlinks, dates, numbers) as the text the user sees, with the quote our exports put
 * before a formula-like text taken off again.
 */
import { restoreNeutralised } from '../shared/spreadsheet-cells';
import { say, type MessageCode, type Params } from '../shared/vocabulary';
import type { CellValue } from './types';

/**
 * The text of a cell; `problem` (English, with its vocabulary `code` and `params`) when the cell
 * holds no usable value (an error, no saved result).
 */
export type CellRead =
  | { text: string; problem?: undefined }
  | { text: string; problem: string; code: MessageCode; params: Params };

const problem = (text: string, code: MessageCode, params: Params = {}): CellRead => ({
  text,
  problem: say(code, params, 'en'),
  code,
  params,
});

export function readCell(value: CellValue | null | undefined): CellRead {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: restoreNeutralised(value) };
  if (typeof value === 'number') return { text: String(value) };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) {
    return Number.isNaN(value.getTime())
      ? problem('', 'xlsx.cell_invalid_date')
      : { text: value.toISOString().slice(0, 10) };
  }
  if ('error' in value) {
    return problem(value.error, 'xlsx.cell_error', { error: value.error });
  }
  return problem('', 'xlsx.formula_without_result');
}

/** The text of a cell, whatever it holds (an error value as its code, e.g. `#N/A`). */
export const cellText = (value: CellValue | null | undefined): string => readCell(value).text;

/** Line breaks as Excel may store them, trimmed. */
export const clean = (text: string) =>
  text
    .replace(/\r\n?/g, '\n')
    .replace(/_x000D_/g, '')
    .trim();

/** For names, codes and labels: every run of whitespace is one space. */
export const squash = (text: string) => clean(text).replace(/\s+/g, ' ');

/** Header text without spaces and without a parenthesised hint: `编码（必填）` → `编码`. */
export const headerKey = (text: string) =>
  clean(text)
    .replace(/\s+/g, '')
    .replace(/[（(].*$/, '')
    .toLowerCase();
