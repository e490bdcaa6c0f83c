/**
 * Text cells that stay data in Excel, WPS and LibreOffice (CSV/formula injection, OWASP): a
 * string starting with `=`, `+`, `-`, `@`, tab or carriage return is written with a leading
 * single quote, so that opening or editing the cell never turns it into a formula. Used by every
 * xlsx export of the server and every CSV export of the web UI (which imports this file).
 *
 * Leading quotes in front of such a character are escaped the same way, so that
 * {@link restoreNeutralised} gives back exactly the original text: our own workbooks read back
 * unchanged (a 结果记录 starting with "- " stays so).
 */
const TRIGGER = /^'*[=+\-@\t\r]/;

/** The text as it is written to a spreadsheet cell. Numbers are not text: never pass them here. */
export function neutraliseCell(text: string): string {
  return TRIGGER.test(text) ? `'${text}` : text;
}

/** The original text of a cell written by {@link neutraliseCell}; other text is unchanged. */
export function restoreNeutralised(text: string): string {
  return text.startsWith("'") && TRIGGER.test(text.slice(1)) ? text.slice(1) : text;
}
