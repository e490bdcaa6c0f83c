/**
 * The .xlsx parser behind every import: the zip is inflated part by part within the budget
 * (zip.ts), and the XML parts are parsed by a streaming SAX parser while they inflate, so no
 * part is ever held whole. Sheets, rows, columns, cells and text are counted as they are read and
 * the first limit exceeded stops everything with a ReadError naming the place. Synchronous and
 * pure over the bytes: run it in a worker thread (reader.ts), never on the server's event loop.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { ImportLimits } from './limits';
import {
  at,
  columnLetter,
  ReadError,
  type CellValue,
  type ParsedSheet,
  type ParsedWorkbook,
  type RowData,
} from './types';
import { CORRUPT, inflateEntry, zipDirectory, type InflateBudget, type ZipEntry } from './zip';

const NOT_XLSX = 'xlsx.not_xlsx' as const;
const REL_TYPE = {
  officeDocument: /\/officeDocument$/,
  worksheet: /\/worksheet$/,
  styles: /\/styles$/,
  sharedStrings: /\/sharedStrings$/,
};
/** Built-in number formats that show a date or time (14–22; 27–36, 50–58 in Chinese locales). */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);
const MAX_COLUMN = 16_384;
const MAX_ROW = 1_048_576;

interface Ctx {
  readonly buf: Uint8Array;
  readonly entries: Map<string, ZipEntry>;
  readonly budget: InflateBudget;
  readonly limits: ImportLimits;
  /** Cells with a value so far (all sheets) — and shared strings. */
  cells: number;
}

interface Rel {
  readonly target: string;
  readonly type: string;
}

/** Reads the workbook; throws ReadError on anything unreadable or beyond the limits. */
export function parseWorkbook(bytes: Uint8Array, limits: ImportLimits): ParsedWorkbook {
  if (bytes.length < 4 || !isZip(bytes)) throw new ReadError('file', NOT_XLSX);
  const ctx: Ctx = {
    buf: bytes,
    entries: zipDirectory(bytes),
    budget: { used: 0, max: limits.maxInflatedBytes },
    limits,
    cells: 0,
  };
  const rootRels = ctx.entries.has('_rels/.rels') ? readRels(ctx, '_rels/.rels', '') : new Map();
  const office = [...rootRels.values()].find((r) => REL_TYPE.officeDocument.test(r.type));
  const workbookPath = office?.target ?? 'xl/workbook.xml';
  if (!ctx.entries.has(workbookPath.toLowerCase())) throw new ReadError('file', NOT_XLSX);
  const dir = workbookPath.includes('/')
    ? workbookPath.slice(0, workbookPath.lastIndexOf('/'))
    : '';
  const base = workbookPath.slice(dir.length ? dir.length + 1 : 0);
  const relsPath = `${dir ? `${dir}/` : ''}_rels/${base}.rels`;
  const rels = ctx.entries.has(relsPath.toLowerCase()) ? readRels(ctx, relsPath, dir) : new Map();

  const { sheets, date1904 } = readWorkbookPart(ctx, workbookPath);
  const relOf = (type: RegExp) => [...rels.values()].find((r) => type.test(r.type))?.target;
  const stylesPath = relOf(REL_TYPE.styles);
  const dateStyles = stylesPath && has(ctx, stylesPath) ? readDateStyles(ctx, stylesPath) : [];
  const sharedPath = relOf(REL_TYPE.sharedStrings);
  const shared = sharedPath && has(ctx, sharedPath) ? readSharedStrings(ctx, sharedPath) : [];

  const out: ParsedSheet[] = [];
  for (const sheet of sheets) {
    const rel = rels.get(sheet.rid);
    if (!rel || !REL_TYPE.worksheet.test(rel.type)) continue; // chart and dialog sheets
    if (!has(ctx, rel.target)) {
      throw new ReadError(at(sheet.name), 'xlsx.sheet_part_missing');
    }
    out.push({
      name: sheet.name,
      rows: readSheet(ctx, rel.target, sheet.name, { shared, dateStyles, date1904 }),
    });
  }
  return { sheets: out, inflatedBytes: ctx.budget.used };
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const has = (ctx: Ctx, path: string) => ctx.entries.has(path.toLowerCase());

/**
 * Streams one part through a SAX parser; XML errors make the file unreadable. saxes gathers a
 * text node (or comment) whole before handing it over, and only while a text handler is set:
 * parsers set one just for the elements whose text they read, and text piling up beyond
 * `overflow`'s bound is refused as it arrives, never held.
 */
function parsePart(
  ctx: Ctx,
  path: string,
  wire: (parser: SaxesParser) => void,
  overflow: (length: number) => never = tooLongXmlText,
): void {
  const entry = ctx.entries.get(path.toLowerCase());
  if (!entry) throw new ReadError('file', CORRUPT);
  const parser = new SaxesParser();
  let failed = false;
  parser.on('error', () => {
    failed = true;
  });
  wire(parser);
  const decoder = new TextDecoder('utf-8');
  const bound = pendingTextBound(ctx.limits);
  const write = (text: string) => {
    if (text === '') return;
    parser.write(text);
    if (failed) throw new ReadError('file', CORRUPT);
    const pending = (parser as unknown as { text: string }).text.length;
    if (pending > bound) overflow(pending);
  };
  inflateEntry(ctx.buf, entry, ctx.budget, (chunk) =>
    write(decoder.decode(chunk, { stream: true })),
  );
  write(decoder.decode());
  parser.close();
  if (failed) throw new ReadError('file', CORRUPT);
}

/** Text a parser may hold unfinished: a cell's worth, with room for markup around it. */
const pendingTextBound = (limits: ImportLimits) => 2 * limits.maxCellChars + 65_536;
const tooLongXmlText = (length: number): never => {
  throw new ReadError('file', 'xlsx.text_too_long', { length });
};

const attr = (tag: SaxesTagPlain, name: string): string | undefined => {
  const v = tag.attributes[name];
  return typeof v === 'string' ? v : undefined;
};
/** `x:sheet` → `sheet` (some writers use prefixes for the main namespace). */
const local = (name: string) => {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
};

/** Resolves a relationship target against the folder of its source part. */
function resolve(dir: string, target: string): string {
  const parts = (
    target.startsWith('/') ? target.slice(1) : dir ? `${dir}/${target}` : target
  ).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

function readRels(ctx: Ctx, path: string, dir: string): Map<string, Rel> {
  const rels = new Map<string, Rel>();
  parsePart(ctx, path, (p) =>
    p.on('opentag', (tag) => {
      if (local(tag.name) !== 'Relationship') return;
      const id = attr(tag, 'Id');
      const target = attr(tag, 'Target');
      if (!id || !target || attr(tag, 'TargetMode') === 'External') return;
      if (rels.size >= ctx.limits.maxSheets + 1000) throw new ReadError('file', CORRUPT);
      rels.set(id, { target: resolve(dir, target), type: attr(tag, 'Type') ?? '' });
    }),
  );
  return rels;
}

function readWorkbookPart(
  ctx: Ctx,
  path: string,
): { sheets: { name: string; rid: string }[]; date1904: boolean } {
  const sheets: { name: string; rid: string }[] = [];
  let date1904 = false;
  const max = ctx.limits.maxSheets;
  parsePart(ctx, path, (p) =>
    p.on('opentag', (tag) => {
      const name = local(tag.name);
      if (name === 'workbookPr') {
        const v = attr(tag, 'date1904');
        date1904 = v === '1' || v === 'true';
      } else if (name === 'sheet') {
        if (sheets.length >= max) {
          throw new ReadError('file', 'xlsx.too_many_sheets', { max });
        }
        const rid = Object.entries(tag.attributes).find(([k]) => local(k) === 'id')?.[1];
        sheets.push({ name: attr(tag, 'name') ?? '', rid: typeof rid === 'string' ? rid : '' });
      }
    }),
  );
  return { sheets, date1904 };
}

/** Per cell style (index into cellXfs): whether its number format shows a date. */
function readDateStyles(ctx: Ctx, path: string): boolean[] {
  const custom = new Map<number, string>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  parsePart(ctx, path, (p) => {
    p.on('opentag', (tag) => {
      const name = local(tag.name);
      if (name === 'numFmt') {
        custom.set(Number(attr(tag, 'numFmtId')), attr(tag, 'formatCode') ?? '');
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        if (styles.length >= 65_536) throw new ReadError('file', CORRUPT);
        const id = Number(attr(tag, 'numFmtId') ?? 0);
        const format = custom.get(id);
        styles.push(format !== undefined ? isDateFormat(format) : BUILTIN_DATE_FORMATS.has(id));
      }
    });
    p.on('closetag', (tag) => {
      if (local(tag.name) === 'cellXfs') inCellXfs = false;
    });
  });
  return styles;
}

/** A custom number format shows a date when it has date or time codes outside quotes and []. */
export function isDateFormat(format: string): boolean {
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** Text longer than the limit: only its length is kept, and a cell using it is refused. */
interface TooLong {
  readonly tooLong: number;
}
type SharedString = string | TooLong;

/**
 * Collects the text of one string item (<si> or <is>), skipping phonetic runs (<rPh>). The
 * parser's text handler is set only inside a <t>.
 */
class TextCollector {
  private parts: string[] = [];
  private length = 0;
  private phonetic = 0;
  private inText = false;
  constructor(
    private readonly max: number,
    private readonly parser: SaxesParser,
  ) {}
  private readonly onText = (t: string) => this.text(t);
  open(name: string): void {
    if (name === 'rPh') this.phonetic += 1;
    else if (name === 't' && this.phonetic === 0) {
      this.inText = true;
      this.parser.on('text', this.onText);
      this.parser.on('cdata', this.onText);
    }
  }
  close(name: string): void {
    if (name === 'rPh') this.phonetic -= 1;
    else if (name === 't') this.stop();
  }
  private stop(): void {
    this.inText = false;
    this.parser.off('text');
    this.parser.off('cdata');
  }
  text(text: string): void {
    if (!this.inText) return;
    this.length += text.length;
    if (this.length <= this.max) this.parts.push(text);
  }
  take(): SharedString {
    const out: SharedString =
      this.length > this.max ? { tooLong: this.length } : this.parts.join('');
    this.parts = [];
    this.length = 0;
    this.phonetic = 0;
    if (this.inText) this.stop();
    return out;
  }
}

function readSharedStrings(ctx: Ctx, path: string): SharedString[] {
  const strings: SharedString[] = [];
  let inItem = false;
  parsePart(ctx, path, (p) => {
    const collector = new TextCollector(ctx.limits.maxCellChars, p);
    p.on('opentag', (tag) => {
      const name = local(tag.name);
      if (name === 'si') {
        inItem = true;
        if (strings.length >= ctx.limits.maxCells) {
          throw new ReadError('file', 'xlsx.too_many_texts', { max: ctx.limits.maxCells });
        }
      } else if (inItem) collector.open(name);
    });
    p.on('closetag', (tag) => {
      const name = local(tag.name);
      if (name === 'si') {
        inItem = false;
        strings.push(collector.take());
      } else if (inItem) collector.close(name);
    });
  });
  return strings;
}

interface SheetContext {
  readonly shared: readonly SharedString[];
  readonly dateStyles: readonly boolean[];
  readonly date1904: boolean;
}

/** Excel's serial day number as a date (as exceljs reads it). */
const excelDate = (serial: number, date1904: boolean) =>
  new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));

function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
    if (col > MAX_COLUMN) return MAX_COLUMN + 1;
  }
  return col;
}

function rangeOf(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7}):\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return null;
  const [left, right] = [columnOf(m[1]!), columnOf(m[3]!)];
  const [top, bottom] = [Number(m[2]), Number(m[4])];
  return {
    top: Math.min(top, bottom),
    bottom: Math.max(top, bottom),
    left: Math.min(left, right),
    right: Math.max(left, right),
  };
}

function readSheet(ctx: Ctx, path: string, sheet: string, sc: SheetContext): RowData[] {
  const { limits } = ctx;
  const rows: RowData[] = [];
  const merges: { top: number; left: number; bottom: number; right: number }[] = [];
  let rowNumber = 0;
  let cells: (CellValue | null)[] = [];
  let rowHasValue = false;
  // The cell being read.
  let col = 0;
  let type = 'n';
  let style = 0;
  let hasFormula = false;
  let formula = '';
  let v: string[] = [];
  let vLength = 0;
  let into: 'v' | 'f' | null = null;
  let inline: TextCollector | null = null;
  let inCell = false;

  const place = (c = col) => at(sheet, rowNumber, columnLetter(Math.min(c, MAX_COLUMN)));
  const tooLongText = (length: number): never => {
    throw new ReadError(place(), 'xlsx.cell_too_long', { length, max: limits.maxCellChars });
  };
  const cellValue = (): CellValue | null => {
    const raw = v.join('');
    if (type === 'inlineStr' && inline) {
      const text = inline.take();
      return typeof text === 'string' ? text : tooLongText(text.tooLong);
    }
    if (raw === '') return hasFormula ? { formula } : null;
    switch (type) {
      case 's': {
        const s = sc.shared[Number(raw)];
        if (s === undefined) throw new ReadError(place(), CORRUPT);
        return typeof s === 'string' ? s : tooLongText(s.tooLong);
      }
      case 'str':
        return raw;
      case 'b':
        return raw === '1' || raw.toLowerCase() === 'true';
      case 'e':
        return { error: raw };
      case 'd': {
        const d = new Date(raw);
        return Number.isNaN(d.getTime()) ? raw : d;
      }
      default: {
        const n = Number(raw);
        if (!Number.isFinite(n)) return raw;
        return sc.dateStyles[style] ? excelDate(n, sc.date1904) : n;
      }
    }
  };

  const overflow = (length: number): never =>
    inCell ? tooLongText(length) : tooLongXmlText(length);
  parsePart(
    ctx,
    path,
    (p) => {
      const text = (t: string) => {
        if (into === 'v') {
          vLength += t.length;
          if (vLength > limits.maxCellChars) tooLongText(vLength);
          v.push(t);
        } else if (into === 'f' && formula.length < 8192) formula += t;
      };
      const capture = (what: 'v' | 'f' | null) => {
        into = what;
        if (what) {
          p.on('text', text);
          p.on('cdata', text);
        } else {
          p.off('text');
          p.off('cdata');
        }
      };
      p.on('opentag', (tag) => {
        const name = local(tag.name);
        if (inCell) {
          if (name === 'v') capture('v');
          else if (name === 'f') {
            hasFormula = true;
            capture('f');
          } else if (name === 'is') inline = new TextCollector(limits.maxCellChars, p);
          else inline?.open(name);
          return;
        }
        if (name === 'c') {
          inCell = true;
          const ref = attr(tag, 'r');
          col = ref ? columnOf(ref) : col + 1;
          if (col < 1) throw new ReadError(at(sheet, rowNumber), CORRUPT);
          type = attr(tag, 't') ?? 'n';
          style = Number(attr(tag, 's') ?? 0);
          hasFormula = false;
          formula = '';
          v = [];
          vLength = 0;
          inline = null;
        } else if (name === 'row') {
          const r = attr(tag, 'r');
          rowNumber = r ? Number(r) : rowNumber + 1;
          if (!Number.isInteger(rowNumber) || rowNumber < 1 || rowNumber > MAX_ROW) {
            throw new ReadError(at(sheet), CORRUPT);
          }
          cells = [];
          rowHasValue = false;
          col = 0;
        } else if (name === 'mergeCell') {
          const range = rangeOf(attr(tag, 'ref') ?? '');
          if (range && (range.bottom > range.top || range.right > range.left)) merges.push(range);
          if (merges.length > limits.maxCells) {
            throw new ReadError(at(sheet), 'xlsx.too_many_merges');
          }
        }
      });
      p.on('closetag', (tag) => {
        const name = local(tag.name);
        if (name === 'c') {
          inCell = false;
          if (into) capture(null);
          const value = cellValue();
          if (value === null) return;
          if (col > limits.maxColumns) {
            throw new ReadError(place(), 'xlsx.too_many_columns', {
              column: columnLetter(Math.min(col, MAX_COLUMN)),
              max: limits.maxColumns,
            });
          }
          ctx.cells += 1;
          if (ctx.cells > limits.maxCells) {
            throw new ReadError(place(), 'xlsx.too_many_cells', { max: limits.maxCells });
          }
          while (cells.length < col - 1) cells.push(null);
          cells[col - 1] = value;
          rowHasValue = true;
        } else if (inCell) {
          if (name === 'v' || name === 'f') capture(null);
          else if (name !== 'is') inline?.close(name);
        } else if (name === 'row') {
          if (!rowHasValue) return;
          // The first row with values is the header: maxRows counts the data rows below it.
          if (rows.length > limits.maxRows) {
            throw new ReadError(at(sheet), 'xlsx.too_many_rows', { max: limits.maxRows });
          }
          rows.push({ r: rowNumber, cells });
        }
      });
    },
    overflow,
  );
  return applyMerges(ctx, sheet, ordered(rows), merges);
}

/** Rows by number; a row number written twice is one row (later cells win). */
function ordered(rows: RowData[]): RowData[] {
  let sorted = true;
  for (let i = 1; i < rows.length; i++) {
    if (rows[i]!.r <= rows[i - 1]!.r) sorted = false;
  }
  if (sorted) return rows;
  const byNumber = new Map<number, (CellValue | null)[]>();
  for (const row of rows) {
    const cells = byNumber.get(row.r) ?? [];
    row.cells.forEach((c, i) => {
      if (c !== null) {
        while (cells.length < i) cells.push(null);
        cells[i] = c;
      }
    });
    byNumber.set(row.r, cells);
  }
  return [...byNumber.entries()].sort((a, b) => a[0] - b[0]).map(([r, cells]) => ({ r, cells }));
}

/**
 * Every cell of a merged range reads as its top-left value (as Excel shows it), within the rows
 * and columns that hold values: a range reaching to row 1,048,576 adds nothing beyond them.
 */
function applyMerges(
  ctx: Ctx,
  sheet: string,
  rows: RowData[],
  merges: readonly { top: number; left: number; bottom: number; right: number }[],
): RowData[] {
  if (merges.length === 0 || rows.length === 0) return rows;
  const byNumber = new Map(rows.map((r) => [r.r, r.cells as (CellValue | null)[]]));
  const lastRow = rows[rows.length - 1]!.r;
  const lastCol = Math.max(...rows.map((r) => r.cells.length));
  const added: RowData[] = [];
  for (const m of merges) {
    const value = byNumber.get(m.top)?.[m.left - 1] ?? null;
    if (value === null) continue;
    for (let r = m.top; r <= Math.min(m.bottom, lastRow); r++) {
      let cells = byNumber.get(r);
      for (let c = m.left; c <= Math.min(m.right, lastCol); c++) {
        if (r === m.top && c === m.left) continue;
        if (!cells) {
          cells = [];
          byNumber.set(r, cells);
          added.push({ r, cells });
        }
        if (cells[c - 1] !== undefined && cells[c - 1] !== null) continue;
        while (cells.length < c - 1) cells.push(null);
        cells[c - 1] = value;
        ctx.cells += 1;
        if (ctx.cells > ctx.limits.maxCells) {
          throw new ReadError(at(sheet), 'xlsx.too_many_cells_merged', {
            max: ctx.limits.maxCells,
          });
        }
      }
    }
  }
  if (added.length === 0) return rows;
  const all = [...rows, ...added].sort((a, b) => a.r - b.r);
  if (all.length > ctx.limits.maxRows + 1) {
    throw new ReadError(at(sheet), 'xlsx.too_many_rows', { max: ctx.limits.maxRows });
  }
  return all;
}
