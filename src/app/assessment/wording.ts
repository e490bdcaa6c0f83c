/**
 * The standard's own wording (标准原文) where the organisation holds it (issue 14). The shipped
 * catalog keeps its own words; an organisation may load the GB/T 22239 / GB/T 28448 texts of its
 * licensed copy (or of an imported workbook) per requirement item. They are stored for that
 * organisation only, never shipped, and shown beside our words in the workbook, its Excel file
 * and the report's result appendix.
 *
 * Files: an .xlsx or .csv table with a header row holding 编号 (requirement id such as
 * `8.1.4.1-a`, or a GB/T 28448 test id such as `L3-CES1-01`) or 条款 (a clause such as
 * `8.1.4.1 a)`, which also names the level), optionally 等级, and the text in 标准原文, 原文 or
 * 测评项; or a YAML/JSON list of `{requirementId, level?, text}` (also under `entries:`).
 *
 * Loading is all or nothing: every row is checked first and every problem named with its row and
 * column (or list index and field); then the entries are stored in one audited transaction,
 * replacing the organisation's text of the same item and level. Sizes and counts are bounded
 * before anything is parsed.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { MlpsCatalog } from '../../catalogs/mlps-catalog.model';
import { ValidationError, detail, type ErrorDetail } from '../../errors';
import type { MessageCode, Params } from '../../shared/vocabulary';
import { cellText, clean, headerKey, squash } from '../../spreadsheet/cells';
import { readSpreadsheet } from '../../spreadsheet/reader';
import { at } from '../../spreadsheet/types';
import { formatMb } from '../../spreadsheet/zip';
import {
  ALL_LEVELS,
  bumpAssessmentRevisions,
  countWording,
  deleteWording,
  listWording,
  upsertWording,
  wordingAtLevel,
} from '../../store/repositories/wording.repository';
import type { RequirementWordingRow } from '../../store/schema';
import { audited, type Actor } from '../actor';
import { inScope, type OrgScope } from '../access';
import type { AppContext } from '../context';

/** Where an organisation's wording came from. */
export const WORDING_SOURCES = ['licensed_copy', 'workbook'] as const;
export type WordingSource = (typeof WORDING_SOURCES)[number];

/** A wording file larger than this is refused unread. */
export const WORDING_MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Entries in one file (the catalog has about 1,200 items over four levels and extensions). */
export const WORDING_MAX_ENTRIES = 10_000;
/** Characters of one text. */
export const WORDING_TEXT_MAX = 4000;
/** Rows searched for the header row of a table. */
const HEADER_SEARCH_ROWS = 10;

/** One text for one requirement item; level null = every level. */
export interface WordingEntry {
  readonly requirementId: string;
  readonly level: number | null;
  readonly text: string;
}

/** An entry with where it came from in the file (for problems). */
interface LocatedEntry extends WordingEntry {
  readonly where: string;
}

export interface WordingImportReport {
  /** Entries in the file. */
  entries: number;
  created: number;
  updated: number;
  unchanged: number;
  /** True when nothing was written (a check only). */
  dryRun: boolean;
}

export interface WordingItem {
  requirementId: string;
  /** null = every level. */
  level: number | null;
  text: string;
  source: WordingSource;
  sourceName: string | null;
  updatedBy: string;
  updatedAt: string;
}

export interface WordingList {
  count: number;
  items: WordingItem[];
}

/* ----------------------------------------------------------------------------------------- */
/* The catalog's items by id, clause and test id                                              */
/* ----------------------------------------------------------------------------------------- */

interface ItemIndex {
  /** requirement id → levels it exists at. */
  readonly levels: ReadonlyMap<string, ReadonlySet<number>>;
  /** `8.1.4.1-a` (per-level clause + item letter) → requirement and level. */
  readonly byClause: ReadonlyMap<string, { requirementId: string; level: number }>;
  /** GB/T 28448 test id → requirement and level. */
  readonly byTestId: ReadonlyMap<string, { requirementId: string; level: number }>;
}

const indexCache = new WeakMap<MlpsCatalog, ItemIndex>();

function itemIndex(catalog: MlpsCatalog): ItemIndex {
  let index = indexCache.get(catalog);
  if (index) return index;
  const levels = new Map<string, Set<number>>();
  const byClause = new Map<string, { requirementId: string; level: number }>();
  const byTestId = new Map<string, { requirementId: string; level: number }>();
  for (const r of catalog.requirements) {
    const point = catalog.controlPointById.get(r.controlPointId);
    const set = new Set<number>();
    for (const e of r.levels) {
      set.add(e.level);
      const clause = point?.clauses[String(e.level) as '1' | '2' | '3' | '4'];
      if (clause) byClause.set(`${clause}-${e.item}`, { requirementId: r.id, level: e.level });
      if (e.testId) byTestId.set(e.testId.toUpperCase(), { requirementId: r.id, level: e.level });
    }
    levels.set(r.id, set);
  }
  index = { levels, byClause, byTestId };
  indexCache.set(catalog, index);
  return index;
}

/** `8.1.4.1 a)`, `8.1.4.1a`, `8.1.4.1-a`, `8.1.4.1（a）` → `8.1.4.1-a`; null if not a clause. */
export function clauseKey(text: string): string | null {
  const t = text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
  const m = /^((?:\d+|[a-h])(?:\.\d+)+)\s*[-(]?\s*([a-z])\s*\)?$/.exec(t);
  if (!m) return null;
  const head = (m[1] as string).replace(/^[a-h]/, (c) => c.toUpperCase());
  return `${head}-${m[2]}`;
}

const LEVEL_WORDS: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
};

/** `3`, `第三级`, `三级`, `S3A3G3`-free forms → 3; '' → null; anything else → undefined. */
export function parseLevel(text: string): number | null | undefined {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  if (t === '' || t === '*' || t === '全部' || t === '所有级别') return null;
  const m = /^(?:第)?([1-4一二三四])(?:级)?$/i.exec(t) ?? /^(?:level|l)([1-4])$/i.exec(t);
  if (!m) return undefined;
  const d = m[1] as string;
  return LEVEL_WORDS[d] ?? Number(d);
}

/* ----------------------------------------------------------------------------------------- */
/* Reading a file                                                                             */
/* ----------------------------------------------------------------------------------------- */

/** One row of a table before it is checked: cell texts by role and where they are. */
interface RawRow {
  readonly id: string;
  readonly clause: string;
  readonly level: string;
  readonly text: string;
  /** Location of the row and of each column, for problems. */
  readonly at: (column?: string) => string;
  readonly columns: { id?: string; clause?: string; level?: string; text: string };
}

const ID_HEADERS = ['编号', '测评项编号', '要求项编号', '要求编号', 'requirementid', 'id'];
const CLAUSE_HEADERS = ['条款', '条款号', '条款编号', 'clause'];
const LEVEL_HEADERS = ['等级', '级别', '安全保护等级', 'level'];
/** In order of preference: a table with our 测评项 and the 标准原文 takes the latter. */
const TEXT_HEADERS = ['标准原文', '原文', '测评项', '要求项', '测评要求', 'text', 'wording'];

interface Columns {
  id?: number;
  clause?: number;
  level?: number;
  text: number;
  names: { id?: string; clause?: string; level?: string; text: string };
}

/** The columns of a header row, or null when it is not one. */
function columnsOf(cells: readonly string[]): Columns | null {
  const keys = cells.map((c) => headerKey(c));
  const find = (names: readonly string[]) => {
    for (const n of names) {
      const i = keys.indexOf(n);
      if (i >= 0) return i;
    }
    return -1;
  };
  const id = find(ID_HEADERS);
  const clause = find(CLAUSE_HEADERS);
  const level = find(LEVEL_HEADERS);
  const text = find(TEXT_HEADERS);
  if (text < 0 || (id < 0 && clause < 0)) return null;
  const name = (i: number) => clean(cells[i] ?? '');
  return {
    ...(id >= 0 ? { id } : {}),
    ...(clause >= 0 ? { clause } : {}),
    ...(level >= 0 ? { level } : {}),
    text,
    names: {
      ...(id >= 0 ? { id: name(id) } : {}),
      ...(clause >= 0 ? { clause: name(clause) } : {}),
      ...(level >= 0 ? { level: name(level) } : {}),
      text: name(text),
    },
  };
}

/** Rows of a table (header found in the first rows) as raw rows; null when no header. */
function tableRows(
  rows: readonly { r: number; cells: readonly string[] }[],
  place: (row: number, column?: string) => string,
): RawRow[] | null {
  let columns: Columns | null = null;
  let headerRow = 0;
  for (const row of rows.slice(0, HEADER_SEARCH_ROWS)) {
    columns = columnsOf(row.cells);
    if (columns) {
      headerRow = row.r;
      break;
    }
  }
  if (!columns) return null;
  const c = columns;
  const out: RawRow[] = [];
  for (const row of rows) {
    if (row.r <= headerRow) continue;
    const get = (i: number | undefined) => (i === undefined ? '' : (row.cells[i] ?? ''));
    out.push({
      id: squash(get(c.id)),
      clause: squash(get(c.clause)),
      level: squash(get(c.level)),
      text: clean(get(c.text)),
      at: (column) => place(row.r, column),
      columns: c.names,
    });
  }
  return out;
}

/** UTF-8 (with or without BOM), else GB18030 (what Excel saves a Chinese CSV as). */
function decodeText(buffer: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer).replace(/^\uFEFF/, '');
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(buffer);
    } catch {
      return null;
    }
  }
}

/** RFC 4180 CSV (comma, or tab when the first line has tabs and no commas). */
export function parseCsv(text: string, problems: ErrorDetail[]): { r: number; cells: string[] }[] {
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const sep = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const rows: { r: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowStart = 1;
  let i = 0;
  const endRow = () => {
    cells.push(field);
    if (cells.some((c) => c.trim() !== '')) rows.push({ r: rowStart, cells });
    cells = [];
    field = '';
  };
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === '\n') line += 1;
        field += ch;
      }
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) {
      cells.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      endRow();
      line += 1;
      rowStart = line;
    } else field += ch;
    i += 1;
  }
  if (quoted) {
    problems.push(detail(`line ${rowStart}`, 'wording.csv_unclosed', { row: rowStart }));
    return [];
  }
  if (field !== '' || cells.length > 0) endRow();
  return rows;
}

const YamlEntrySchema = z
  .object({
    requirementId: z.string().trim().max(40).optional(),
    clause: z.string().trim().max(40).optional(),
    level: z.union([z.number(), z.string().max(10), z.null()]).optional(),
    text: z.string().max(WORDING_TEXT_MAX * 2),
  })
  .strict();
const YamlFileSchema = z.union([
  z.array(YamlEntrySchema).max(WORDING_MAX_ENTRIES),
  z
    .object({
      entries: z.array(YamlEntrySchema).max(WORDING_MAX_ENTRIES),
      source: z.string().max(200).optional(),
    })
    .strict(),
]);

type FileKind = 'xlsx' | 'csv' | 'structured';

function kindOf(buffer: Buffer, fileName: string | undefined): FileKind {
  if (buffer.length >= 4 && buffer.readUInt32LE(0) === 0x04034b50) return 'xlsx';
  const ext = /\.([a-z0-9]+)$/i.exec(fileName ?? '')?.[1]?.toLowerCase();
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'csv';
  if (ext === 'yaml' || ext === 'yml' || ext === 'json') return 'structured';
  const head = buffer
    .subarray(0, 200)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (head.startsWith('[') || head.startsWith('{') || head.startsWith('-') || /^\w+:/.test(head))
    return 'structured';
  return 'csv';
}

const refuse = (path: string, code: MessageCode, params: Params = {}): never => {
  throw new ValidationError({ code: 'wording.problems', params: { count: 1 } }, [
    detail(path, code, params),
  ]);
};

/**
 * The entries of a wording file, every one checked against the catalog. Throws a ValidationError
 * listing every problem (row and column, or list index and field); returns nothing partial.
 */
export async function parseWordingFile(
  catalog: MlpsCatalog,
  buffer: Buffer,
  fileName?: string,
): Promise<WordingEntry[]> {
  if (buffer.length === 0) refuse('file', 'wording.empty_file');
  if (buffer.length > WORDING_MAX_FILE_BYTES) {
    refuse('file', 'wording.too_large', {
      size: formatMb(buffer.length),
      max: formatMb(WORDING_MAX_FILE_BYTES),
    });
  }
  const problems: ErrorDetail[] = [];
  const kind = kindOf(buffer, fileName);
  let raw: RawRow[] | null = null;
  if (kind === 'xlsx') {
    const book = await readSpreadsheet(buffer, {
      maxFileBytes: WORDING_MAX_FILE_BYTES,
      maxRows: WORDING_MAX_ENTRIES + HEADER_SEARCH_ROWS,
      maxSheets: 50,
    });
    for (const sheet of book.sheets) {
      raw = tableRows(
        sheet.rows.map((r) => ({ r: r.r, cells: r.cells.map((c) => cellText(c)) })),
        (row, column) => at(sheet.name, row, column),
      );
      if (raw) break;
    }
  } else if (kind === 'csv') {
    const text = decodeText(buffer);
    if (text === null) refuse('file', 'wording.not_text');
    const rows = parseCsv(text as string, problems);
    if (problems.length > 0) throw new ValidationError(problemsMessage(problems), problems);
    raw = tableRows(rows, (row, column) => `row ${row}${column ? ` column ${column}` : ''}`);
  } else {
    const text = decodeText(buffer);
    if (text === null) refuse('file', 'wording.not_text');
    const { parseStructuredFile } = await import('../structured-file');
    const parsed = parseStructuredFile(text as string, YamlFileSchema, fileName ?? 'wording');
    const list = Array.isArray(parsed) ? parsed : parsed.entries;
    raw = list.map((e, i) => ({
      id: squash(e.requirementId ?? ''),
      clause: squash(e.clause ?? ''),
      level: e.level === null || e.level === undefined ? '' : String(e.level),
      text: clean(e.text),
      at: (column) => `[${i}]${column ? `.${column}` : ''}`,
      columns: { id: 'requirementId', clause: 'clause', level: 'level', text: 'text' },
    }));
  }
  if (raw === null) {
    refuse('file', 'wording.header_missing', {
      rows: HEADER_SEARCH_ROWS,
    });
  }
  const rows = (raw as RawRow[]).filter((r) => r.id || r.clause || r.level || r.text);
  if (rows.length > WORDING_MAX_ENTRIES) {
    refuse('file', 'wording.too_many', { count: rows.length, max: WORDING_MAX_ENTRIES });
  }
  const entries = checkRows(catalog, rows, problems);
  if (problems.length > 0) throw new ValidationError(problemsMessage(problems), problems);
  return entries;
}

const problemsMessage = (problems: readonly ErrorDetail[]) => ({
  code: 'wording.problems' as const,
  params: { count: problems.length },
});

function checkRows(catalog: MlpsCatalog, rows: readonly RawRow[], problems: ErrorDetail[]) {
  const index = itemIndex(catalog);
  const out: LocatedEntry[] = [];
  const seen = new Map<string, string>();
  for (const row of rows) {
    const col = row.columns;
    const before = problems.length;
    const level = parseLevel(row.level);
    if (level === undefined) {
      problems.push(detail(row.at(col.level), 'wording.level_invalid', { given: row.level }));
    }
    let requirementId: string | null = null;
    let itemLevel: number | null = level ?? null;
    if (row.id) {
      const byTest = index.byTestId.get(row.id.toUpperCase());
      if (index.levels.has(row.id)) requirementId = row.id;
      else if (byTest) {
        requirementId = byTest.requirementId;
        if (itemLevel !== null && itemLevel !== byTest.level) {
          problems.push(
            detail(row.at(col.level), 'wording.clause_other_level', {
              clause: row.id,
              found: byTest.level,
              level: itemLevel,
            }),
          );
        }
        itemLevel = byTest.level;
      } else problems.push(detail(row.at(col.id), 'wording.id_unknown', { id: row.id }));
    }
    if (row.clause) {
      const key = clauseKey(row.clause);
      const found = key ? index.byClause.get(key) : undefined;
      if (!found) {
        problems.push(detail(row.at(col.clause), 'wording.clause_unknown', { clause: row.clause }));
      } else if (requirementId !== null && found.requirementId !== requirementId) {
        problems.push(
          detail(row.at(col.clause), 'wording.clause_other_item', {
            clause: row.clause,
            found: found.requirementId,
            level: found.level,
            id: requirementId,
          }),
        );
      } else if (itemLevel !== null && found.level !== itemLevel) {
        problems.push(
          detail(row.at(col.level ?? col.clause), 'wording.clause_other_level', {
            clause: row.clause,
            found: found.level,
            level: itemLevel,
          }),
        );
      } else if (!row.id) {
        requirementId = found.requirementId;
        itemLevel = found.level;
      }
    }
    if (!row.id && !row.clause) {
      problems.push(detail(row.at(col.id ?? col.clause), 'wording.id_missing'));
    }
    if (!row.text) {
      problems.push(
        detail(row.at(col.text), 'wording.text_missing', {
          id: requirementId ?? (row.id || row.clause),
        }),
      );
    } else if (row.text.length > WORDING_TEXT_MAX) {
      problems.push(
        detail(row.at(col.text), 'wording.text_too_long', {
          length: row.text.length,
          max: WORDING_TEXT_MAX,
        }),
      );
    }
    if (
      requirementId !== null &&
      itemLevel !== null &&
      !index.levels.get(requirementId)?.has(itemLevel)
    ) {
      problems.push(
        detail(row.at(col.level ?? col.id), 'wording.not_at_level', {
          id: requirementId,
          level: itemLevel,
        }),
      );
    }
    if (problems.length > before || requirementId === null) continue;
    const key = `${requirementId}@${itemLevel ?? ALL_LEVELS}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push(
        detail(row.at(col.id ?? col.clause), 'wording.twice', {
          id: requirementId,
          levels:
            itemLevel === null ? '所有级别 / every level' : `第${itemLevel}级 / level ${itemLevel}`,
          first,
        }),
      );
      continue;
    }
    seen.set(key, row.at());
    out.push({ requirementId, level: itemLevel, text: row.text, where: row.at() });
  }
  return out.map(({ where: _where, ...e }) => e);
}

/* ----------------------------------------------------------------------------------------- */
/* Commands and queries                                                                      */
/* ----------------------------------------------------------------------------------------- */

export interface WordingImportOptions {
  readonly fileName?: string | undefined;
  readonly source?: WordingSource | undefined;
  /** Check only: report what would change, write nothing. */
  readonly dryRun?: boolean | undefined;
}

/** Loads a wording file for the organisation: all or nothing, one audit entry. */
export async function importWordingCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  buffer: Buffer,
  options: WordingImportOptions = {},
): Promise<WordingImportReport> {
  const entries = await parseWordingFile(ctx.catalog, buffer, options.fileName);
  const digest = createHash('sm3').update(buffer).digest('hex');
  return storeWordingEntries(ctx, actor, within, entries, {
    source: options.source ?? 'licensed_copy',
    sourceName: options.fileName ?? null,
    dryRun: options.dryRun ?? false,
    file: { sm3: digest, bytes: buffer.length },
  });
}

/**
 * Loads the 测评项 wording of a practitioner workbook (an assessor's own layout, one sheet per
 * test object), read and matched against one assessment (its baseline and level) by the
 * practitioner importer: one entry per requirement at the assessment's level. Texts that are our
 * own catalog words (a workbook exported by dengbao) are left out. Source `workbook`.
 */
export async function importWordingFromPractitionerWorkbookCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  assessmentId: string,
  buffer: Buffer,
  options: { fileName?: string | undefined; dryRun?: boolean | undefined } = {},
): Promise<WordingImportReport> {
  if (buffer.length > WORDING_MAX_FILE_BYTES) {
    refuse('file', 'wording.too_large', {
      size: formatMb(buffer.length),
      max: formatMb(WORDING_MAX_FILE_BYTES),
    });
  }
  const { parsePractitionerWorkbook, wordingFromWorkbook } = await import('./practitioner/import');
  const parsed = await parsePractitionerWorkbook(ctx, within, assessmentId, buffer);
  const ours = new Map<string, string>();
  for (const sheet of parsed.sheets) {
    for (const row of sheet.matched) ours.set(row.item.id, squash(row.item.text.zh));
  }
  const problems: ErrorDetail[] = [];
  const entries: WordingEntry[] = [];
  wordingFromWorkbook(parsed).forEach((e) => {
    const text = clean(e.text);
    if (squash(text) === ours.get(e.requirementId)) return;
    if (text.length > WORDING_TEXT_MAX) {
      problems.push(
        detail(`${e.requirementId}`, 'wording.text_too_long', {
          length: text.length,
          max: WORDING_TEXT_MAX,
        }),
      );
      return;
    }
    entries.push({ requirementId: e.requirementId, level: parsed.level, text });
  });
  if (problems.length > 0) throw new ValidationError(problemsMessage(problems), problems);
  return storeWordingEntries(ctx, actor, within, entries, {
    source: 'workbook',
    sourceName: options.fileName ?? null,
    dryRun: options.dryRun ?? false,
    file: { sm3: createHash('sm3').update(buffer).digest('hex'), bytes: buffer.length },
  });
}

/**
 * Stores checked entries (from a file above, or from a practitioner workbook's parser), replacing
 * the organisation's text of the same item and level; one audited transaction.
 */
export async function storeWordingEntries(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
  entries: readonly WordingEntry[],
  options: {
    source: WordingSource;
    sourceName: string | null;
    dryRun?: boolean;
    file?: { sm3: string; bytes: number };
  },
): Promise<WordingImportReport> {
  const { organisationId } = inScope(within);
  if (entries.length > WORDING_MAX_ENTRIES) {
    refuse('entries', 'wording.too_many', { count: entries.length, max: WORDING_MAX_ENTRIES });
  }
  const sourceName = options.sourceName ? options.sourceName.slice(0, 200) : null;
  const run = async (
    trx: AppContext['store']['db'],
    now: string,
  ): Promise<{ report: WordingImportReport; rows: RequirementWordingRow[] }> => {
    const stored = new Map(
      (await listWording(trx, organisationId)).map((r) => [`${r.requirement_id}@${r.level}`, r]),
    );
    let created = 0;
    let updated = 0;
    let unchanged = 0;
    const rows: RequirementWordingRow[] = [];
    for (const e of entries) {
      const level = e.level ?? ALL_LEVELS;
      const current = stored.get(`${e.requirementId}@${level}`);
      if (current && current.text === e.text && current.source === options.source) {
        unchanged += 1;
        continue;
      }
      if (current) updated += 1;
      else created += 1;
      rows.push({
        organisation_id: organisationId,
        requirement_id: e.requirementId,
        level,
        text: e.text,
        source: options.source,
        source_name: sourceName,
        updated_by: actor.label,
        updated_at: now,
      });
    }
    const report = {
      entries: entries.length,
      created,
      updated,
      unchanged,
      dryRun: options.dryRun === true,
    };
    return { report, rows };
  };
  if (options.dryRun) {
    // The organisation must exist (and be the caller's): reading its rows is enough.
    return (await run(ctx.store.db, ctx.clock.now().toISOString())).report;
  }
  return audited(ctx, actor, async (trx, audit, now) => {
    const { report, rows } = await run(trx, now);
    if (rows.length === 0) return report;
    await upsertWording(trx, rows);
    await bumpAssessmentRevisions(trx, organisationId);
    await audit({
      organisationId,
      action: 'wording.import',
      entityType: 'requirement_wording',
      entityId: organisationId,
      changes: {
        source: { before: null, after: options.source },
        ...(sourceName ? { sourceName: { before: null, after: sourceName } } : {}),
        ...(options.file ? { file: { before: null, after: options.file } } : {}),
        counts: {
          before: null,
          after: { entries: report.entries, created: report.created, updated: report.updated },
        },
      },
    });
    return report;
  });
}

/** The organisation's wording, every entry. */
export async function wordingQuery(ctx: AppContext, within: OrgScope): Promise<WordingList> {
  const { organisationId } = inScope(within);
  const rows = await listWording(ctx.store.db, organisationId);
  return {
    count: rows.length,
    items: rows.map((r) => ({
      requirementId: r.requirement_id,
      level: r.level === ALL_LEVELS ? null : r.level,
      text: r.text,
      source: r.source as WordingSource,
      sourceName: r.source_name,
      updatedBy: r.updated_by,
      updatedAt: r.updated_at,
    })),
  };
}

/** How many entries the organisation holds. */
export function wordingCountQuery(ctx: AppContext, within: OrgScope): Promise<number> {
  return countWording(ctx.store.db, inScope(within).organisationId);
}

/** Deletes every entry of the organisation; one audit entry when there was any. */
export function clearWordingCommand(
  ctx: AppContext,
  actor: Actor,
  within: OrgScope,
): Promise<{ deleted: number }> {
  const { organisationId } = inScope(within);
  return audited(ctx, actor, async (trx, audit) => {
    const deleted = await deleteWording(trx, organisationId);
    if (deleted > 0) {
      await bumpAssessmentRevisions(trx, organisationId);
      await audit({
        organisationId,
        action: 'wording.clear',
        entityType: 'requirement_wording',
        entityId: organisationId,
        changes: { entries: { before: deleted, after: 0 } },
      });
    }
    return { deleted };
  });
}

/**
 * The texts that apply to an assessment at `level` (requirement id → text): the level's own
 * text, else the text for every level. Empty when the organisation holds none.
 */
export function wordingForLevel(
  ctx: Pick<AppContext, 'store'>,
  organisationId: string,
  level: number,
): Promise<Map<string, string>> {
  return wordingAtLevel(ctx.store.db, organisationId, level);
}
