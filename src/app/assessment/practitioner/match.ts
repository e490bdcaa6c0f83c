/**
 * Matching the rows of a practitioner workbook (detect.ts) to the assessment's fixed baseline:
 * by 扩展标准 → extension, 安全类 (a column, the sheet's name, or the only category that has the
 * control point) → category, 控制点 title → control point, and the item letter at the
 * assessment's level (or the code the tool wrote, or the row's position under its control point).
 * The wording is never used to match; it is compared only to warn when it reads like another
 * item of the same control point. Every row that cannot be matched says why.
 *
 * Pure: no I/O. The import (import.ts) turns the result into a preview or writes it.
 */
import type { Extension, RequirementCategory } from '../../../catalogs/mlps-catalog.schema';
import {
  DEFAULT_SCOPE_BY_OBJECT_KIND,
  ITEM_RESULT_ZH,
  RESULTS_NEEDING_REASON,
  RESULTS_NEEDING_RECORD,
  TEST_OBJECT_KINDS,
  objectCovers,
  type ItemResult,
  type TestObjectAttributes,
  type TestObjectKind,
} from '../../../shared/assessment-vocabulary';
import { TestObjectAttributesSchema } from '../../../shared/assessment-schemas';
import { CATEGORY, type MessageCode, type Params } from '../../../shared/vocabulary';
import { parseResult, RECORD_MAX, REASON_MAX } from '../../assessment-excel';
import type { FixedBaselineItem } from '../model';
import {
  attributesFor,
  categoryNamed,
  HEADER_SYNONYMS,
  inferKind,
  withoutLetter,
  type DetectedRow,
  type DetectedSheet,
  type Field,
  type SheetStatus,
} from './detect';

/** A test object already in the assessment (a sheet of the same name writes to it). */
export interface ExistingObject {
  readonly id: string;
  readonly name: string;
  readonly kind: TestObjectKind;
  readonly controlPoints: readonly string[] | null;
}

/** Something to tell about a sheet or a row: by vocabulary code. */
export interface Note {
  readonly row: number | null;
  /** The column's header as found in the sheet. */
  readonly column: string | null;
  readonly code: MessageCode;
  readonly params: Params;
}

export interface MatchedRow {
  readonly r: number;
  readonly item: FixedBaselineItem;
  /** The 测评项 as found, without its item letter. */
  readonly text: string;
  /** Null: not assessed yet (no 符合情况, no 结果记录). */
  readonly result: ItemResult | null;
  readonly record: string | null;
  readonly reason: string | null;
  /** The reason is the 结果记录 (the layout has no reason column). */
  readonly reasonFromRecord: boolean;
}

export interface SheetObject {
  /** The existing object the sheet writes to; null = created by the import. */
  readonly existingId: string | null;
  readonly name: string;
  readonly kind: TestObjectKind;
  /** The kind was inferred from the rows, not from the name or the user. */
  readonly kindGuessed: boolean;
  readonly attributes: TestObjectAttributes;
  /** Control points of a new object (null = its kind's default). */
  readonly controlPoints: readonly string[] | null;
}

export interface MatchedSheet {
  readonly name: string;
  readonly status: SheetStatus;
  readonly headerRow: number | null;
  /** Header text as found, by field. */
  readonly columns: Partial<Readonly<Record<Field, string>>>;
  readonly object: SheetObject | null;
  /** Item rows read. */
  readonly rows: number;
  /** Matched rows, one per requirement (a repeated identical row counts once). */
  readonly matched: readonly MatchedRow[];
  readonly unmatched: readonly Note[];
  readonly warnings: readonly Note[];
  /** Problems of matched rows: any of them blocks the import. */
  readonly problems: readonly Note[];
  readonly totals: number;
}

export interface PractitionerMatch {
  readonly level: number;
  readonly sheets: readonly MatchedSheet[];
  /** Problems of the whole file (kinds given for unknown sheets …). */
  readonly problems: readonly Note[];
}

export interface MatchInput {
  readonly sheets: readonly DetectedSheet[];
  readonly baseline: readonly FixedBaselineItem[];
  readonly level: number;
  readonly objects: readonly ExistingObject[];
  /** Kinds chosen by the user, by sheet name. */
  readonly kinds?: Readonly<Record<string, string>>;
}

const EXTENSION_WORDS: readonly [RegExp, Extension][] = [
  [/云计算|云扩展|云安全/, 'cloud'],
  [/移动互联|移动/, 'mobile'],
  [/物联网/, 'iot'],
  [/工业控制|工控/, 'ics'],
  [/大数据/, 'big_data'],
  [/通用/, 'general'],
];

/** 扩展标准 text → extension; `general` when empty; null when not recognised. */
export function extensionNamed(text: string): Extension | null {
  const squashed = text.replace(/\s+/g, '');
  if (!squashed) return 'general';
  return EXTENSION_WORDS.find(([re]) => re.test(squashed))?.[1] ?? null;
}

/**
 * A control point title as compared: no numbering, no hint in parentheses, no 安全类 in front
 * (`安全计算环境-身份鉴别`), no spaces, punctuation or 和/与/及.
 */
export const controlPointKey = (title: string) =>
  title
    .replace(/^[\d.\s]+/, '')
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(
      /^[^-—/|:：]*(安全物理环境|安全通信网络|安全区域边界|安全计算环境|安全管理中心|安全管理制度|安全管理机构|安全管理人员|安全建设管理|安全运维管理)\s*[-—/|:：]\s*/,
      '',
    )
    .replace(/[\s()（）、,，和与及]/g, '')
    .toLowerCase();

const letterOf = (clause: string) => /([a-z])\)\s*$/.exec(clause)?.[1] ?? null;

interface Index {
  /** extension|category|cpKey → items in clause order. */
  readonly items: Map<string, FixedBaselineItem[]>;
  /** extension|cpKey → categories having that control point. */
  readonly categories: Map<string, RequirementCategory[]>;
  /** cpKey → extensions having that control point. */
  readonly extensions: Map<string, Extension[]>;
  readonly present: Set<Extension>;
}

function indexBaseline(baseline: readonly FixedBaselineItem[]): Index {
  const items = new Map<string, FixedBaselineItem[]>();
  const categories = new Map<string, RequirementCategory[]>();
  const extensions = new Map<string, Extension[]>();
  const present = new Set<Extension>();
  for (const item of baseline) {
    const cp = controlPointKey(item.controlPoint.zh);
    const key = `${item.extension}|${item.category}|${cp}`;
    const list = items.get(key) ?? [];
    list.push(item);
    items.set(key, list);
    const cats = categories.get(`${item.extension}|${cp}`) ?? [];
    if (!cats.includes(item.category)) cats.push(item.category);
    categories.set(`${item.extension}|${cp}`, cats);
    const exts = extensions.get(cp) ?? [];
    if (!exts.includes(item.extension)) exts.push(item.extension);
    extensions.set(cp, exts);
    present.add(item.extension);
  }
  for (const list of items.values()) {
    list.sort((a, b) => (letterOf(a.clause) ?? '').localeCompare(letterOf(b.clause) ?? ''));
  }
  return { items, categories, extensions, present };
}

/* Wording: character bigrams (Dice), only to warn. */
function bigrams(text: string): Set<string> {
  const chars = [...text.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase()];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}`);
  return out;
}
function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

const OBJECT_NAME_MAX = 200;
const squashName = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** Matches every sheet's rows; never throws for what the file says (it is all in the notes). */
export function matchWorkbook(input: MatchInput): PractitionerMatch {
  const index = indexBaseline(input.baseline);
  const grams = new Map<string, Set<string>>();
  const gramsOf = (item: FixedBaselineItem) => {
    let g = grams.get(item.id);
    if (!g) grams.set(item.id, (g = bigrams(item.text.zh)));
    return g;
  };
  const existing = new Map<string, ExistingObject>();
  for (const o of input.objects) {
    if (!existing.has(squashName(o.name))) existing.set(squashName(o.name), o);
  }
  const problems: Note[] = [];
  const kinds = input.kinds ?? {};
  const itemSheets = new Set(input.sheets.filter((s) => s.status === 'items').map((s) => s.name));
  for (const [sheet, given] of Object.entries(kinds)) {
    if (!itemSheets.has(sheet)) {
      problems.push(note(null, null, 'practitioner.kind_sheet_unknown', { sheet }));
    } else if (!(TEST_OBJECT_KINDS as readonly string[]).includes(given)) {
      problems.push(
        note(null, null, 'practitioner.kind_invalid', {
          sheet,
          given,
          kinds: TEST_OBJECT_KINDS.join(', '),
        }),
      );
    }
  }

  const sheets = input.sheets.map((sheet): MatchedSheet => {
    const columns = Object.fromEntries(
      Object.entries(sheet.columns).map(([f, c]) => [f, c.header]),
    ) as Partial<Record<Field, string>>;
    const base = {
      name: sheet.name,
      status: sheet.status,
      headerRow: sheet.headerRow,
      columns,
      rows: sheet.rows.length,
      totals: sheet.totals,
    };
    if (sheet.status !== 'items') {
      return { ...base, object: null, matched: [], unmatched: [], warnings: [], problems: [] };
    }
    return matchSheet(sheet, base, {
      index,
      gramsOf,
      level: input.level,
      baseline: input.baseline,
      existing: existing.get(squashName(sheet.name)) ?? null,
      kind: Object.hasOwn(kinds, sheet.name) ? kinds[sheet.name] : undefined,
    });
  });
  return { level: input.level, sheets, problems };
}

const note = (
  row: number | null,
  column: string | null,
  code: MessageCode,
  params: Params = {},
): Note => ({ row, column, code, params });

interface SheetContext {
  readonly index: Index;
  readonly gramsOf: (item: FixedBaselineItem) => Set<string>;
  readonly level: number;
  readonly baseline: readonly FixedBaselineItem[];
  readonly existing: ExistingObject | null;
  readonly kind: string | undefined;
}

type Resolution =
  | { item: FixedBaselineItem; warnings: Note[] }
  | { unmatched: Note; category?: RequirementCategory };

function matchSheet(
  sheet: DetectedSheet,
  base: Omit<MatchedSheet, 'object' | 'matched' | 'unmatched' | 'warnings' | 'problems'>,
  ctx: SheetContext,
): MatchedSheet {
  const col = (f: Field) => sheet.columns[f]?.header ?? HEADER_SYNONYMS[f][0] ?? f;
  const unmatched: Note[] = [];
  const warnings: Note[] = [];
  const problems: Note[] = [];
  for (const f of ['result', 'record'] as const) {
    if (!sheet.columns[f]) {
      problems.push(
        note(sheet.headerRow, HEADER_SYNONYMS[f][0] ?? f, 'practitioner.column_missing', {
          column: HEADER_SYNONYMS[f][0] ?? f,
          row: sheet.headerRow ?? 1,
          names: HEADER_SYNONYMS[f].join('、'),
        }),
      );
    }
  }
  const sheetCategory = categoryNamed(sheet.name);

  // Categories the unambiguous rows vote for decide the ambiguous ones (访问控制, 安全审计 …).
  const votes = new Map<RequirementCategory, number>();
  for (const row of sheet.rows) {
    const ext = extensionNamed(row.extension);
    if (!ext || !row.controlPoint) continue;
    const cats = ctx.index.categories.get(`${ext}|${controlPointKey(row.controlPoint)}`) ?? [];
    if (cats.length === 1) votes.set(cats[0]!, (votes.get(cats[0]!) ?? 0) + 1);
  }
  const dominant = [...votes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;

  const resolve = (row: DetectedRow): Resolution => {
    let ext = extensionNamed(row.extension);
    if (ext === null) {
      return {
        unmatched: note(row.r, col('extension'), 'practitioner.extension_unknown', {
          given: row.extension,
        }),
      };
    }
    if (!row.controlPoint) {
      return { unmatched: note(row.r, col('controlPoint'), 'practitioner.control_point_empty') };
    }
    const cp = controlPointKey(row.controlPoint);
    if (!row.extension.trim()) {
      // No 扩展标准 column: a control point only an extension has is that extension's.
      const exts = ctx.index.extensions.get(cp) ?? [];
      if (!exts.includes('general') && exts.length === 1) ext = exts[0]!;
    }
    if (!ctx.index.present.has(ext)) {
      return {
        unmatched: note(row.r, col('extension'), 'practitioner.extension_not_in_baseline', {
          extension: ext,
        }),
      };
    }
    const candidates = ctx.index.categories.get(`${ext}|${cp}`) ?? [];
    const named = row.category
      ? categoryNamed(row.category)
      : /[-—/|:：]/.test(row.controlPoint)
        ? categoryNamed(row.controlPoint)
        : null;
    const category =
      candidates.length === 1
        ? candidates[0]!
        : ([named, sheetCategory, dominant].find((c) => c !== null && candidates.includes(c)) ??
          null);
    if (candidates.length === 0) {
      const fallback = named ?? sheetCategory ?? dominant ?? 'CES';
      return {
        unmatched: note(row.r, col('controlPoint'), 'practitioner.control_point_unknown', {
          controlPoint: row.controlPoint,
          extension: ext,
          category: fallback,
        }),
      };
    }
    if (category === null) {
      return {
        unmatched: note(row.r, col('controlPoint'), 'practitioner.category_unknown', {
          controlPoint: row.controlPoint,
          categories: candidates.map((c) => CATEGORY[c].zh).join('、'),
        }),
      };
    }
    const items = ctx.index.items.get(`${ext}|${category}|${cp}`) ?? [];
    const first = items[0]!;
    const clause = first.clause.replace(/\s*[a-z]\)\s*$/, '');
    let item: FixedBaselineItem | undefined;
    const itemWarnings: Note[] = [];
    if (row.letter) {
      item = items.find((i) => letterOf(i.clause) === row.letter);
      if (!item) {
        return {
          unmatched: note(row.r, col('item'), 'practitioner.letter_unknown', {
            controlPoint: row.controlPoint,
            clause,
            letter: row.letter,
            level: ctx.level,
          }),
        };
      }
    } else {
      item =
        (row.code && items.find((i) => i.testId === row.code || i.id === row.code)) ||
        items[row.ordinal - 1];
      if (!item) {
        return {
          unmatched: note(row.r, col('item'), 'practitioner.ordinal_unknown', {
            controlPoint: row.controlPoint,
            count: items.length,
            ordinal: row.ordinal,
            level: ctx.level,
          }),
        };
      }
    }
    if (
      row.code &&
      item.testId &&
      row.code !== item.id &&
      row.code.toUpperCase() !== item.testId.toUpperCase()
    ) {
      itemWarnings.push(
        note(row.r, col('code'), 'practitioner.code_differs', {
          given: row.code,
          testId: item.testId,
          clause: item.clause,
        }),
      );
    }
    if (row.weight !== null && item.weight !== null && Math.abs(row.weight - item.weight) > 1e-6) {
      itemWarnings.push(
        note(row.r, col('weight'), 'practitioner.weight_differs', {
          given: row.weight,
          weight: item.weight,
          clause: item.clause,
        }),
      );
    }
    // The wording only warns: when it reads clearly more like a sibling item.
    const words = bigrams(withoutLetter(row.item));
    if (words.size >= 4 && items.length > 1) {
      const own = similarity(words, ctx.gramsOf(item));
      let best: FixedBaselineItem | null = null;
      let bestScore = own;
      for (const other of items) {
        if (other === item) continue;
        const score = similarity(words, ctx.gramsOf(other));
        if (score > bestScore) {
          best = other;
          bestScore = score;
        }
      }
      if (best && bestScore >= 0.3 && bestScore - own >= 0.15) {
        itemWarnings.push(
          note(row.r, col('item'), 'practitioner.wording_differs', {
            other: best.clause,
            clause: item.clause,
          }),
        );
      }
    }
    return { item, warnings: itemWarnings };
  };

  const matched: MatchedRow[] = [];
  const firstRow = new Map<string, MatchedRow>();
  let reasonsFromRecord = 0;
  for (const row of sheet.rows) {
    if (!row.item) {
      unmatched.push(note(row.r, col('item'), 'practitioner.item_empty'));
      continue;
    }
    const found = resolve(row);
    if ('unmatched' in found) {
      unmatched.push(found.unmatched);
      continue;
    }
    const { item } = found;
    if (ctx.existing && !objectCovers(ctx.existing, item)) {
      unmatched.push(
        note(row.r, col('item'), 'practitioner.outside_object', {
          clause: item.clause,
          object: ctx.existing.name,
        }),
      );
      continue;
    }
    const answer = readAnswer(row, col, sheet.columns.reason !== undefined, problems);
    if (answer === undefined) continue;
    const matchedRow: MatchedRow = {
      r: row.r,
      item,
      text: withoutLetter(row.item),
      ...answer,
    };
    const earlier = firstRow.get(item.id);
    if (earlier) {
      const same =
        earlier.result === matchedRow.result &&
        earlier.record === matchedRow.record &&
        earlier.reason === matchedRow.reason;
      if (same) {
        warnings.push(
          note(row.r, col('item'), 'practitioner.duplicate_same', {
            clause: item.clause,
            row: earlier.r,
          }),
        );
      } else {
        unmatched.push(
          note(row.r, col('item'), 'practitioner.duplicate_conflict', {
            clause: item.clause,
            row: earlier.r,
          }),
        );
      }
      continue;
    }
    warnings.push(...found.warnings);
    firstRow.set(item.id, matchedRow);
    matched.push(matchedRow);
    if (matchedRow.reasonFromRecord) reasonsFromRecord += 1;
  }
  if (reasonsFromRecord > 0) {
    warnings.unshift(
      note(null, null, 'practitioner.reasons_from_record', { count: reasonsFromRecord }),
    );
  }
  if (sheet.totals > 0) {
    warnings.unshift(note(null, null, 'practitioner.totals_ignored', { count: sheet.totals }));
  }

  // A sheet none of whose rows matched does not become an object (it would get the kind's
  // whole default set without a single answer from the file).
  const object =
    matched.length === 0 && !ctx.existing ? null : sheetObject(sheet, matched, ctx, warnings);
  if (!object) warnings.unshift(note(null, null, 'practitioner.no_object'));
  return { ...base, object, matched, unmatched, warnings, problems };
}

/** The row's 符合情况 / 结果记录 / reason, checked; undefined when it has a problem (noted). */
function readAnswer(
  row: DetectedRow,
  col: (f: Field) => string,
  hasReasonColumn: boolean,
  problems: Note[],
): Pick<MatchedRow, 'result' | 'record' | 'reason' | 'reasonFromRecord'> | undefined {
  const record = row.record || null;
  if (record && record.length > RECORD_MAX) {
    problems.push(
      note(row.r, col('record'), 'practitioner.record_too_long', {
        length: record.length,
        max: RECORD_MAX,
      }),
    );
    return undefined;
  }
  const resultText = row.result.replace(/\s+/g, '');
  if (!resultText) {
    if (record) {
      problems.push(note(row.r, col('result'), 'practitioner.result_missing'));
      return undefined;
    }
    return { result: null, record: null, reason: null, reasonFromRecord: false };
  }
  const result = parseResult(resultText);
  if (!result) {
    problems.push(note(row.r, col('result'), 'practitioner.result_invalid', { given: row.result }));
    return undefined;
  }
  if (RESULTS_NEEDING_RECORD.includes(result) && !record) {
    problems.push(
      note(row.r, col('record'), 'practitioner.record_required', {
        result,
        resultZh: ITEM_RESULT_ZH[result],
      }),
    );
    return undefined;
  }
  let reason: string | null = hasReasonColumn && row.reason ? row.reason : null;
  let reasonFromRecord = false;
  if (RESULTS_NEEDING_REASON.includes(result) && !reason) {
    if (!record) {
      problems.push(
        note(row.r, col('record'), 'practitioner.reason_required', {
          result,
          resultZh: ITEM_RESULT_ZH[result],
        }),
      );
      return undefined;
    }
    reason = record.length > REASON_MAX ? `${record.slice(0, REASON_MAX - 1)}…` : record;
    reasonFromRecord = true;
  }
  if (reason && reason.length > REASON_MAX) reason = `${reason.slice(0, REASON_MAX - 1)}…`;
  return { result, record, reason, reasonFromRecord };
}

function sheetObject(
  sheet: DetectedSheet,
  matched: readonly MatchedRow[],
  ctx: SheetContext,
  warnings: Note[],
): SheetObject {
  if (ctx.existing) {
    warnings.unshift(
      note(null, null, 'practitioner.existing_object', { object: ctx.existing.name }),
    );
    if (ctx.kind && ctx.kind !== ctx.existing.kind) {
      warnings.unshift(
        note(null, null, 'practitioner.kind_existing', {
          sheet: sheet.name,
          object: ctx.existing.name,
          kind: ctx.existing.kind,
        }),
      );
    }
    return {
      existingId: ctx.existing.id,
      name: ctx.existing.name,
      kind: ctx.existing.kind,
      kindGuessed: false,
      attributes: attributesFor({}, null),
      controlPoints: ctx.existing.controlPoints,
    };
  }
  const inferred = inferKind(
    sheet.name,
    matched.map((m) => m.item.category),
  );
  const chosen =
    ctx.kind && (TEST_OBJECT_KINDS as readonly string[]).includes(ctx.kind)
      ? (ctx.kind as TestObjectKind)
      : null;
  const kind = chosen ?? inferred.kind;
  const guessed = chosen === null && inferred.guessed;
  if (guessed) warnings.unshift(note(null, null, 'practitioner.kind_guessed'));
  // The practitioner's layout is the object's requirement set, unless it is the kind's default.
  const order = [...new Set(ctx.baseline.map((i) => i.controlPointId))];
  const used = new Set(matched.map((m) => m.item.controlPointId));
  const points = order.filter((id) => used.has(id));
  const scope = DEFAULT_SCOPE_BY_OBJECT_KIND[kind];
  const defaults = order.filter((id) =>
    ctx.baseline.some(
      (i) => i.controlPointId === id && objectCovers({ kind, controlPoints: null }, i),
    ),
  );
  const same = scope && defaults.length === points.length && defaults.every((id) => used.has(id));
  return {
    existingId: null,
    name: sheet.name.replace(/\s+/g, ' ').trim().slice(0, OBJECT_NAME_MAX),
    kind,
    kindGuessed: guessed,
    attributes: cleanAttributes(
      attributesFor(sheet.attributes, kind === 'data' ? inferred.dataClass : null),
    ),
    controlPoints: same || points.length === 0 ? null : points,
  };
}

/** Attributes as the object schema accepts them (addresses that are not addresses dropped). */
function cleanAttributes(attributes: TestObjectAttributes): TestObjectAttributes {
  const ips = attributes.ipAddresses.filter(
    (ip) => TestObjectAttributesSchema.safeParse({ ipAddresses: [ip] }).success,
  );
  return { ...attributes, ipAddresses: ips.slice(0, 64) };
}

/**
 * The 测评项 wording as the workbook gives it, per requirement (first occurrence, item letter
 * taken off): for storing the standard's wording beside our summary.
 */
export function wordingFromWorkbook(
  parsed: PractitionerMatch,
): { requirementId: string; text: string }[] {
  const seen = new Set<string>();
  const out: { requirementId: string; text: string }[] = [];
  for (const sheet of parsed.sheets) {
    for (const row of sheet.matched) {
      if (seen.has(row.item.id) || !row.text) continue;
      seen.add(row.item.id);
      out.push({ requirementId: row.item.id, text: row.text });
    }
  }
  return out;
}
