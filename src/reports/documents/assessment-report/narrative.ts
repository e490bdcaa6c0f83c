/**
 * The assessment report's prose from the assessor's own records: what each security problem is
 * (the 结果记录 of the failing objects, with their names), the 已有安全措施 and 主要安全问题 of
 * each security category, and a rectification advice where no plan was written (from the test
 * guidance's expected result, else the requirement itself).
 */
import type {
  FindingDto,
  ItemResultCode,
  RectificationDto,
  WorkbookRowDto,
} from '../../../shared/api-types';
import type { Lang } from '../../model';
import { ITEM_RESULT, join, type Bilingual } from '../labels';

/** What the report knows of the test guidance of a requirement (src/catalogs/test-guidance.ts). */
export interface GuidanceNote {
  /** What a compliant system shows (our words). */
  readonly expected: Bilingual;
  /** What the guidance follows, e.g. `GB/T 28448-2019 L3-CES1-01`. */
  readonly source: string;
}

export const rowKey = (requirementId: string, objectId: string): string =>
  `${requirementId}\u0000${objectId}`;

/** A sentence without its closing punctuation, to be joined with others by ；. */
const bare = (text: string): string => text.replace(/[。；;，,.\s]+$/u, '');

/** Sentences joined with ；/ ; and closed with 。/ . (no doubled punctuation). */
function sentences(lang: Lang, parts: readonly string[]): string {
  const joined = parts
    .map(bare)
    .filter(Boolean)
    .join(lang === 'zh' ? '；' : '; ');
  return joined ? `${joined}${lang === 'zh' ? '。' : '.'}` : '';
}

const failing = (r: ItemResultCode | null | undefined): boolean =>
  r === 'partial' || r === 'non_compliant';

/** The text an object's row stands for: its record, with the reason for a partial or N/A result. */
export function rowText(lang: Lang, row: WorkbookRowDto | undefined): string {
  const record = row?.record?.trim() ?? '';
  const reason = row?.reason?.trim() ?? '';
  if (record && reason && record !== reason) return sentences(lang, [record, reason]);
  if (record || reason) return record || reason;
  const result = row?.result;
  return result
    ? lang === 'zh'
      ? `${ITEM_RESULT[result].zh}（未填写结果记录）`
      : `${ITEM_RESULT[result].en} (no record written)`
    : lang === 'zh'
      ? '（未填写结果记录）'
      : '(no record written)';
}

/** `甲、乙：text` lines, objects with the same text together, in first-seen order. */
export function groupByText(
  lang: Lang,
  entries: readonly { readonly object: string; readonly text: string }[],
  limit = Infinity,
): string[] {
  const groups = new Map<string, string[]>();
  for (const e of entries) {
    const names = groups.get(e.text);
    if (!names) groups.set(e.text, [e.object]);
    else if (!names.includes(e.object)) names.push(e.object);
  }
  const lines = [...groups].map(
    ([text, names]) => `${join(lang, names)}${lang === 'zh' ? '：' : ': '}${text}`,
  );
  if (lines.length <= limit) return lines;
  const rest = lines.length - limit;
  return [
    ...lines.slice(0, limit),
    lang === 'zh' ? `（另有 ${rest} 条不同的记录，见附录B）` : `(${rest} more records: Appendix B)`,
  ];
}

/**
 * What was found for a security problem: the assessor's description of the finding (if any),
 * then each failing object's record — objects with the same record together.
 */
export function problemDescription(
  lang: Lang,
  finding: FindingDto,
  rows: ReadonlyMap<string, WorkbookRowDto>,
): string {
  const entries = finding.objects
    .filter((o) => failing(o.result))
    .map((o) => ({
      object: o.name,
      text: rowText(lang, rows.get(rowKey(finding.requirementId, o.id))),
    }));
  const lines = groupByText(lang, entries);
  const description = finding.description?.trim();
  return [...(description ? [description] : []), ...lines].join('\n');
}

/** The failing objects' names of a finding. */
export const failingObjects = (finding: FindingDto): string[] =>
  finding.objects.filter((o) => failing(o.result)).map((o) => o.name);

/**
 * 已有安全措施 of one category: per control point, the records of its 符合 rows (objects with the
 * same record together, at most three different records per control point).
 */
export function existingMeasures(
  lang: Lang,
  rows: readonly WorkbookRowDto[],
  objectName: ReadonlyMap<string, string>,
): string[] {
  const byPoint = new Map<string, { title: string; entries: { object: string; text: string }[] }>();
  for (const r of rows) {
    if (r.result !== 'compliant') continue;
    // By title: the rows come from one category, where a control point's title names it.
    let point = byPoint.get(r.controlPoint.zh);
    if (!point) {
      byPoint.set(r.controlPoint.zh, (point = { title: r.controlPoint[lang], entries: [] }));
    }
    const record = r.record?.trim();
    point.entries.push({
      object: objectName.get(r.objectId) ?? r.objectId,
      text: record || (lang === 'zh' ? '符合要求' : 'meets the requirement'),
    });
  }
  return [...byPoint.values()].map(
    (p) =>
      `${p.title}${lang === 'zh' ? '：' : ': '}${sentences(lang, groupByText(lang, p.entries, 3))}`,
  );
}

/** 主要安全问题 of one category: per finding, its control point, clause and what was found. */
export function mainProblems(
  lang: Lang,
  findings: readonly FindingDto[],
  rows: ReadonlyMap<string, WorkbookRowDto>,
): string[] {
  return findings.map(
    (f) =>
      `${f.controlPoint[lang]}（${f.clause}）${lang === 'zh' ? '：' : ': '}${sentences(lang, problemDescription(lang, f, rows).split('\n'))}`,
  );
}

/**
 * The rectification advice of a problem: the rectification plan where one was written; else the
 * high-risk guide's mitigations for the cases observed; else what a compliant system shows per
 * the test guidance; else the requirement itself — with the objects it concerns.
 */
export function advice(
  lang: Lang,
  finding: FindingDto,
  rect: RectificationDto | undefined,
  requirementText: Bilingual | undefined,
  guidance: GuidanceNote | undefined,
): string {
  const zh = lang === 'zh';
  if (rect?.plan?.trim()) return rect.plan.trim();
  const mitigations = finding.highRiskCases.flatMap((c) => c.mitigations.map((m) => m[lang]));
  const objects = failingObjects(finding);
  const concerning =
    objects.length > 0
      ? zh
        ? `（涉及：${join(lang, objects)}）`
        : ` (concerns: ${join(lang, objects)})`
      : '';
  if (mitigations.length > 0) {
    return `${join(lang, mitigations)}${concerning}${zh ? '。' : '.'}`;
  }
  const clause = `GB/T 22239-2019 ${finding.clause}`;
  if (guidance) {
    return zh
      ? `按 ${clause}“${finding.title.zh}”的要求整改${concerning}，整改后应达到：${guidance.expected.zh}`
      : `Rectify per ${clause} "${finding.title.en}"${concerning}; afterwards: ${guidance.expected.en}`;
  }
  const text = requirementText?.[lang];
  return zh
    ? `按 ${clause}“${finding.title.zh}”的要求整改${concerning}${text ? `：${text}` : '。'}`
    : `Rectify per ${clause} "${finding.title.en}"${concerning}${text ? `: ${text}` : '.'}`;
}
