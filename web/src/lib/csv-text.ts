import { neutraliseCell } from '../../../src/shared/spreadsheet-cells';

/**
 * Builds a CSV that Excel opens correctly with Chinese text (UTF-8 BOM, CRLF, quoted cells).
 * Text that Excel would take for a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading
 * quote, as the server's xlsx exports do; numbers stay numbers.
 */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null | undefined)[])[],
): string {
  const cell = (value: string | number | null | undefined) => {
    const text =
      value === null || value === undefined
        ? ''
        : typeof value === 'number'
          ? String(value)
          : neutraliseCell(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return '\uFEFF' + [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n');
}
