/**
 * Typed rows of a sheet our workbooks write (and users edit in Excel or WPS): headers matched by
 * their Chinese or field name, every cell read to its column's kind (text, whole number, date,
 * 是/否, one or several choices by label or code, a list), every problem kept with its sheet,
 * row and column. Shared by the register and inventory imports.
 */
import type { ErrorDetail } from '../errors';
import { clean, headerKey, readCell, squash } from './cells';
import type { Workbook } from './reader';
import { at } from './types';

export type Labels = Readonly<Record<string, string>>;

/** A column of an exported sheet. */
export interface TypedColumn {
  readonly key: string;
  readonly zh: string;
  /** The file's field name (header comment; accepted as the header on import). */
  readonly en: string;
  readonly width: number;
  readonly required?: boolean;
  readonly kind?: 'text' | 'int' | 'date' | 'bool' | 'choice' | 'choices' | 'list';
  readonly labels?: Labels;
  readonly codes?: readonly string[];
  readonly hint?: string;
  /** Written on export, ignored on import (computed). */
  readonly output?: boolean;
}

export class SheetProblems {
  private readonly byPlace = new Map<string, ErrorDetail>();
  add(path: string, message: string): void {
    if (!this.byPlace.has(path)) this.byPlace.set(path, { path, message });
  }
  get size(): number {
    return this.byPlace.size;
  }
  list(): ErrorDetail[] {
    return [...this.byPlace.values()];
  }
}

export interface TypedRow {
  readonly row: number;
  readonly values: Record<string, unknown>;
  readonly place: (key: string) => string;
}

export const norm = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-/（）()]+/g, '');

export function choiceReader(labels: Labels, codes: readonly string[]) {
  const map = new Map<string, string>();
  for (const c of codes) {
    map.set(norm(c), c);
    if (labels[c]) map.set(norm(labels[c]), c);
  }
  return (text: string) => map.get(norm(text));
}

export function parseDate(text: string): string | undefined {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : undefined;
}

export const splitList = (text: string) =>
  text
    .split(/[；;、\n]/)
    .map((t) => squash(t))
    .filter((t) => t !== '');

/** The rows of a sheet as typed values by column key; every cell problem reported. */
export function readTypedRows(
  book: Workbook,
  name: string,
  all: readonly TypedColumn[],
  problems: SheetProblems,
  /** Text columns read without inner spaces (codes, keys, references). */
  verbatim: (key: string) => boolean,
): TypedRow[] {
  const columns = all.filter((c) => !c.output);
  const sheet = book.sheets.find((s) => s.name.trim() === name);
  if (!sheet) {
    problems.add(
      at(name),
      `the sheet ${name} is missing (缺少“${name}”工作表); export the workbook again and keep every sheet, even an empty one`,
    );
    return [];
  }
  const colOf = new Map<string, number>();
  const header = sheet.rows[0]?.r === 1 ? sheet.rows[0].cells : [];
  header.forEach((value, i) => {
    const read = readCell(value);
    const key = read.problem ? '' : headerKey(read.text);
    if (!key) return;
    const column = columns.find((c) => headerKey(c.zh) === key || c.en.toLowerCase() === key);
    if (!column) return;
    if (colOf.has(column.key))
      problems.add(
        at(name, 1, column.zh),
        `the column ${column.zh} appears twice (列重复); keep one`,
      );
    else colOf.set(column.key, i);
  });
  const missing = columns.filter((c) => !colOf.has(c.key));
  for (const c of missing)
    problems.add(
      at(name, 1, c.zh),
      `the column ${c.zh} (${c.en}) is missing (缺少列“${c.zh}”); restore the header row as exported`,
    );
  if (missing.length > 0) return [];
  const rows: TypedRow[] = [];
  for (const { r, cells } of sheet.rows) {
    if (r === 1) continue;
    const texts = new Map<string, string>();
    let any = false;
    for (const c of columns) {
      const read = readCell(cells[colOf.get(c.key)!]);
      if (read.problem) {
        problems.add(at(name, r, c.zh), read.problem);
        any = true;
        texts.set(c.key, '');
        continue;
      }
      const text = clean(read.text);
      texts.set(c.key, text);
      if (text) any = true;
    }
    if (!any) continue;
    const place = (key: string) => at(name, r, columns.find((c) => c.key === key)?.zh ?? key);
    const values: Record<string, unknown> = {};
    for (const c of columns) {
      const text = texts.get(c.key) ?? '';
      const where = place(c.key);
      if (text === '') {
        if (c.required) problems.add(where, `${c.zh} is empty (必填)`);
        values[c.key] = c.kind === 'choices' || c.kind === 'list' ? [] : undefined;
        continue;
      }
      switch (c.kind) {
        case 'int': {
          const t = text.replace(/[,，\s]/g, '');
          if (!/^\d+$/.test(t) || !Number.isSafeInteger(Number(t)))
            problems.add(where, `“${text}” is not a whole number 0 or more (应为非负整数)`);
          else values[c.key] = Number(t);
          break;
        }
        case 'date': {
          const d = parseDate(squash(text));
          if (!d)
            problems.add(
              where,
              /^\d{5}(\.\d+)?$/.test(text)
                ? `“${text}” is not a date in the form YYYY-MM-DD (日期无效); it looks like an Excel date serial number: format the cell as text and type the date`
                : `“${text}” is not a date in the form YYYY-MM-DD (日期无效，应为 YYYY-MM-DD)`,
            );
          else values[c.key] = d;
          break;
        }
        case 'bool': {
          const t = norm(text);
          if (['是', 'true', 'yes', 'y', '1'].includes(t)) values[c.key] = true;
          else if (['否', 'false', 'no', 'n', '0'].includes(t)) values[c.key] = false;
          else problems.add(where, `“${text}” is not 是 or 否 (应填“是”或“否”)`);
          break;
        }
        case 'choice':
        case 'choices': {
          const reader = choiceReader(c.labels!, c.codes!);
          const parts = c.kind === 'choice' ? [squash(text)] : splitList(text);
          const codes: string[] = [];
          for (const part of parts) {
            const code = reader(part);
            if (!code)
              problems.add(
                where,
                `“${part}” is not a choice of ${c.zh} (选项无效); use one of ${c.codes!.map((x) => `${c.labels![x]} (${x})`).join('、')}`,
              );
            else codes.push(code);
          }
          values[c.key] = c.kind === 'choice' ? codes[0] : codes;
          break;
        }
        case 'list':
          values[c.key] = splitList(text);
          break;
        default:
          values[c.key] = verbatim(c.key) ? squash(text) : text;
      }
    }
    rows.push({ row: r, values, place });
  }
  return rows;
}
