import { say, type MessageCode, type Params } from '../shared/vocabulary';

/** A cell's value as stored in the file (a formula by its saved result). */
export type CellValue = string | number | boolean | Date | CellError | FormulaWithoutResult;

/** Excel's error values: `#DIV/0!`, `#N/A` … */
export interface CellError {
  readonly error: string;
}

/** A formula the file holds no calculated result for (written by a tool that does not calculate). */
export interface FormulaWithoutResult {
  readonly formula: string;
}

/** A row holding at least one value; `cells[c - 1]` is column c (null: empty). */
export interface RowData {
  /** Excel's row number (1-based). */
  readonly r: number;
  readonly cells: readonly (CellValue | null)[];
}

export interface ParsedSheet {
  readonly name: string;
  /** Rows with values, in row order. Merged ranges are filled with their top-left value. */
  readonly rows: readonly RowData[];
}

export interface ParsedWorkbook {
  /** Worksheets in the workbook's order (chart sheets are not included). */
  readonly sheets: readonly ParsedSheet[];
  /** Real inflated bytes read. */
  readonly inflatedBytes: number;
}

/**
 * A problem that makes the whole file unreadable, with the place (`file`, `sheet X row 3 column B`)
 * and the message's vocabulary code; `message` is its English text.
 */
export class ReadError extends Error {
  constructor(
    readonly path: string,
    readonly code: MessageCode,
    readonly params: Params = {},
  ) {
    super(say(code, params, 'en'));
    this.name = 'ReadError';
  }
}

/** Excel's name of a column number: 1 → A, 28 → AB. */
export function columnLetter(col: number): string {
  let out = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  }
  return out;
}

/** `sheet 资产 row 5 column 类型`: the place of a problem as users see it. */
export const at = (sheet: string, row?: number, column?: string) =>
  `sheet ${sheet}${row !== undefined ? ` row ${row}` : ''}${column ? ` column ${column}` : ''}`;
