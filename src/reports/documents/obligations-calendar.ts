/**
 * 合规义务日历（义务清单）of an organisation on a date: data in, {@link ReportDocument} out.
 *
 * Sourcing: no official template exists; the layout is ours. The obligations, their due dates,
 * states and legal bases are the obligations engine's (src/domain/obligations/), exactly as the
 * obligations page shows them; manual statuses (done / not applicable) override the engine's.
 */
import { DUE_SOON_DAYS } from '../../domain/obligations/evaluate';
import type { ObligationDto, ObligationsDto, OrganisationDto } from '../../shared/api-types';
import { fields, h1, p, table, type Block, type Lang, type ReportDocument } from '../model';
import { date, none, type Bilingual } from './labels';

export interface ObligationsCalendarInput {
  readonly organisation: OrganisationDto;
  /** listObligations' result; its `asOf` is the calendar's date. */
  readonly obligations: ObligationsDto;
}

export type ObligationState = ObligationDto['effectiveState'];

/** The obligation states, as the web UI names them (web/src/i18n obligations.state). */
export const OBLIGATION_STATE: Readonly<Record<ObligationState, Bilingual>> = {
  overdue: { zh: '已逾期', en: 'Overdue' },
  due_soon: { zh: '即将到期', en: 'Due soon' },
  upcoming: { zh: '未到期', en: 'Upcoming' },
  open: { zh: '待办理', en: 'Open' },
  standing: { zh: '持续义务', en: 'Standing' },
  undetermined: { zh: '待确定', en: 'Undetermined' },
  satisfied: { zh: '已完成', en: 'Done' },
  done: { zh: '已完成（人工）', en: 'Done (manual)' },
  not_applicable: { zh: '不适用', en: 'Not applicable' },
};

/** The calendar's chapters, in order, with the effective states each one collects. */
export const CALENDAR_CHAPTERS: readonly {
  readonly heading: Bilingual;
  readonly states: readonly ObligationState[];
}[] = [
  { heading: { zh: '1 已逾期义务', en: '1 Overdue' }, states: ['overdue'] },
  {
    heading: {
      zh: `2 ${DUE_SOON_DAYS}日内到期义务`,
      en: `2 Due within ${DUE_SOON_DAYS} days`,
    },
    states: ['due_soon'],
  },
  { heading: { zh: '3 后续到期义务', en: '3 Upcoming' }, states: ['upcoming'] },
  { heading: { zh: '4 持续性义务', en: '4 Standing duties' }, states: ['standing'] },
  {
    heading: { zh: '5 待办理义务（无确定日期）', en: '5 Open (no date)' },
    states: ['open', 'undetermined'],
  },
  {
    heading: { zh: '6 已完成及不适用义务', en: '6 Done and not applicable' },
    states: ['satisfied', 'done', 'not_applicable'],
  },
];

/** Table columns of every chapter: 定级对象, 义务, 到期日, 状态, 依据, 原因. */
export const CALENDAR_COLUMNS: Readonly<Record<Lang, readonly string[]>> = {
  zh: ['定级对象', '义务', '到期日', '状态', '依据', '原因'],
  en: ['System', 'Obligation', 'Due', 'State', 'Basis', 'Reason'],
};
const WIDTHS = [3, 4, 2, 2, 4, 5] as const;

const dash = '—';

export function buildObligationsCalendar(
  input: ObligationsCalendarInput,
  lang: Lang,
): ReportDocument {
  const zh = lang === 'zh';
  const { organisation, obligations } = input;
  const asOf = obligations.asOf;
  const orgName = zh ? organisation.name : (organisation.nameEn ?? organisation.name);
  const items = [...obligations.items].sort(
    (x, y) =>
      (x.dueDate ?? '9999').localeCompare(y.dueDate ?? '9999') ||
      x.systemName.localeCompare(y.systemName) ||
      x.titleZh.localeCompare(y.titleZh),
  );
  const count = (states: readonly ObligationState[]) =>
    items.filter((o) => states.includes(o.effectiveState)).length;
  const columns = CALENDAR_COLUMNS[lang].map((header, i) => ({ header, width: WIDTHS[i] ?? 3 }));
  const row = (o: ObligationDto): string[] => [
    o.systemName || dash,
    zh ? o.titleZh : o.titleEn,
    o.dueDate ? date(lang, o.dueDate) : dash,
    OBLIGATION_STATE[o.effectiveState][lang],
    o.citations.map((c) => (zh ? c.labelZh : c.labelEn)).join(zh ? '；' : '; ') || dash,
    [
      zh ? o.reasonZh : o.reasonEn,
      o.manualStatus?.note ? `${zh ? '备注：' : 'Note: '}${o.manualStatus.note}` : '',
    ]
      .filter((s) => s.length > 0)
      .join(zh ? '；' : '; ') || dash,
  ];

  const systems = new Set(items.map((o) => o.systemId)).size;
  const summary: [string, string][] = [
    [zh ? '单位名称' : 'Organisation', orgName],
    [zh ? '统计日期' : 'As of', date(lang, asOf)],
    [zh ? '定级对象' : 'Systems', String(systems)],
    [zh ? '义务总数' : 'Obligations', String(items.length)],
    ...CALENDAR_CHAPTERS.map(
      (c) => [c.heading[lang].replace(/^\d+ /, ''), String(count(c.states))] as [string, string],
    ),
  ];

  const blocks: Block[] = [
    fields(summary, zh ? '概况' : 'Summary'),
    p(
      zh
        ? `本日历列出截至${date(lang, asOf)}各定级对象的等级保护、关键信息基础设施和商用密码合规义务，按状态分章；“即将到期”指${DUE_SOON_DAYS}日内到期。人工标记（已完成、不适用）优先于系统推算的状态。`
        : `Compliance obligations of each system as of ${date(lang, asOf)}, by state; "due soon" means due within ${DUE_SOON_DAYS} days. Manual statuses (done, not applicable) override the computed state.`,
    ),
  ];
  for (const chapter of CALENDAR_CHAPTERS) {
    blocks.push(h1(chapter.heading[lang]));
    const mine = items.filter((o) => chapter.states.includes(o.effectiveState));
    blocks.push(mine.length === 0 ? p(none(lang)) : table(columns, mine.map(row)));
  }
  if (obligations.missingFacts.length > 0) {
    blocks.push(
      p(
        zh
          ? `有${obligations.missingFacts.length}项系统信息缺失，相关义务无法推算日期（见“待确定”），请在定级对象信息中补充。`
          : `${obligations.missingFacts.length} system facts are missing, so some obligations cannot be dated (see "Undetermined").`,
      ),
    );
  }

  const title = zh ? `${organisation.name}合规义务日历` : `${orgName} — Obligations calendar`;
  return {
    lang,
    title,
    cover: {
      title,
      subtitle: zh ? `（截至${date(lang, asOf)}）` : `(as of ${date(lang, asOf)})`,
      lines: zh
        ? [
            ['单位名称', organisation.name],
            ['统计日期', date(lang, asOf)],
            ['已逾期', String(count(['overdue']))],
            [`${DUE_SOON_DAYS}日内到期`, String(count(['due_soon']))],
          ]
        : [
            ['Organisation', orgName],
            ['As of', date(lang, asOf)],
            ['Overdue', String(count(['overdue']))],
            [`Due within ${DUE_SOON_DAYS} days`, String(count(['due_soon']))],
          ],
      date: date(lang, asOf),
    },
    header: zh ? `${organisation.name} 合规义务日历` : `${orgName} obligations calendar`,
    blocks,
  };
}
