/**
 * Loads and validates the China holiday calendar (src/catalogs/calendar/cn-holidays.yaml) and
 * turns it into the {@link WorkingDayCalendar} that working-day deadlines use.
 *
 * Validation reports EVERY problem with its line: schema, then cross-checks — version and
 * changelog; consecutive ascending years; each notice's title naming its year, dated on or before
 * its publication, and published before the year starts; each period's span equal to its stated
 * day count; make-up working days on weekends and outside any period; all seven festivals per
 * year; no overlap between years; and the next-year search record (`nextYearCheck`) naming the
 * year after the last covered one.
 *
 * {@link nextYearNoticeProblem} is the December check: it fails from 1 December unless next
 * year's notice is in the data or someone recorded, within the last 14 days, that they searched
 * for it and it was not yet published.
 */
import { fileURLToPath } from 'node:url';
import {
  addCalendarDays,
  createWorkingDayCalendar,
  type HolidayCalendarData,
  type IsoDate,
  type WorkingDayCalendar,
} from '../domain/calendar';
import { canonicalJsonHash, metadataProblems, type ChangelogEntry } from './catalog-metadata';
import { HolidayCalendarFileSchema, type HolidayCalendarFile } from './holiday-calendar.schema';
import {
  checkSchema,
  parseYaml,
  problemAt,
  type Locator,
  type PathSegment,
  type Problem,
  type YamlSource,
  readCatalogFile,
} from './validate';

/** The shipped data file, resolved from this module so it works from any cwd. */
export const DEFAULT_HOLIDAY_CALENDAR_FILE = fileURLToPath(
  new URL('./calendar/cn-holidays.yaml', import.meta.url),
);

/** How long a "checked, not yet published" record keeps the December check green. */
export const NEXT_YEAR_CHECK_VALID_DAYS = 14;

/** The validated calendar data plus its catalog metadata. */
export interface HolidayCalendarCatalog extends HolidayCalendarData {
  readonly changelog: readonly ChangelogEntry[];
  /** SHA-256 of canonical JSON of the parsed data (comments and layout do not count). */
  readonly sourceHash: string;
}

export type HolidayCalendarResult =
  | { readonly ok: true; readonly catalog: HolidayCalendarCatalog }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** Reads and validates the holiday calendar file (default: the shipped one). */
export function loadHolidayCalendar(
  file: string = DEFAULT_HOLIDAY_CALENDAR_FILE,
): HolidayCalendarResult {
  return readCatalogFile(file, 'cn-holidays.yaml', validateHolidayCalendar);
}

/** Validates the calendar file text (pure; {@link loadHolidayCalendar} reads the file). */
export function validateHolidayCalendar(source: YamlSource): HolidayCalendarResult {
  const parsed = parseYaml(source);
  if (!parsed.ok) return parsed;
  const checked = checkSchema(HolidayCalendarFileSchema, parsed.data, {
    file: source.file,
    locate: parsed.locate,
  });
  if (!checked.ok) return checked;
  const problems = crossCheck(checked.data, source.file, parsed.locate);
  if (problems.length > 0) return { ok: false, problems };
  const data = checked.data;
  return {
    ok: true,
    catalog: {
      version: data.version,
      changelog: data.changelog,
      nextYearCheck: data.nextYearCheck ?? null,
      years: data.years,
      sourceHash: canonicalJsonHash(data),
    },
  };
}

let cached: WorkingDayCalendar | undefined;

/**
 * The working-day calendar built from the shipped data, loaded once per process. Throws with
 * every problem listed if the data is invalid; the tests make sure it never is.
 */
export function shippedHolidayCalendar(): WorkingDayCalendar {
  if (cached !== undefined) return cached;
  const result = loadHolidayCalendar();
  if (!result.ok) {
    const lines = result.problems.map((p) => `${p.file}:${p.line ?? '?'} ${p.path} ${p.message}`);
    throw new Error(`holiday calendar is invalid:\n${lines.join('\n')}`);
  }
  cached = createWorkingDayCalendar(result.catalog);
  return cached;
}

/**
 * The December check, pure: `today` is the date in Beijing. Returns null when fine, otherwise
 * what is wrong and what to do.
 *
 * - The current year must always be covered.
 * - From 1 December the next year must be covered too, unless `nextYearCheck` records a search
 *   for that year made no more than {@link NEXT_YEAR_CHECK_VALID_DAYS} days ago (and not in the
 *   future). The notice is usually published in November; when it is late, someone searches,
 *   records the date, and the check stays green for two weeks, then fails again.
 */
export function nextYearNoticeProblem(data: HolidayCalendarData, today: IsoDate): string | null {
  const year = Number(today.slice(0, 4));
  const covered = new Set(data.years.map((y) => y.year));
  const needed = today.slice(5, 7) === '12' ? [year, year + 1] : [year];
  for (const y of needed) {
    if (covered.has(y)) continue;
    const check = data.nextYearCheck;
    if (check && check.year === y) {
      const validUntil = addCalendarDays(check.checkedOn, NEXT_YEAR_CHECK_VALID_DAYS);
      if (check.checkedOn <= today && today <= validUntil) continue;
      return (
        `The ${y} holiday notice is not in src/catalogs/calendar/cn-holidays.yaml and the last ` +
        `recorded search (nextYearCheck.checkedOn ${check.checkedOn}) is ` +
        `${check.checkedOn > today ? 'in the future' : `older than ${NEXT_YEAR_CHECK_VALID_DAYS} days`}. ` +
        `Search www.gov.cn for 国务院办公厅关于${y}年部分节假日安排的通知: add the year if it is ` +
        `published, otherwise set nextYearCheck.checkedOn to today (see CONTRIBUTING.md).`
      );
    }
    return (
      `The ${y} holiday notice is not in src/catalogs/calendar/cn-holidays.yaml and no search ` +
      `for it is recorded. Search www.gov.cn for 国务院办公厅关于${y}年部分节假日安排的通知: ` +
      `add the year if it is published, otherwise record nextYearCheck ` +
      `{ year: ${y}, checkedOn: ${today}, result: not-published } (see CONTRIBUTING.md).`
    );
  }
  return null;
}

// --- cross-checks ------------------------------------------------------------------------------

function crossCheck(data: HolidayCalendarFile, file: string, locate: Locator): Problem[] {
  const problems: Problem[] = [];
  const at = (path: PathSegment[], message: string) =>
    problems.push(problemAt(file, path, message, locate));

  for (const p of metadataProblems(data)) at(p.path, p.message);

  const allOff = new Map<IsoDate, number>();
  data.years.forEach((entry, yi) => {
    const base: PathSegment[] = ['years', yi];
    const previous = data.years[yi - 1];
    if (previous && entry.year !== previous.year + 1)
      at(
        [...base, 'year'],
        `years must be consecutive and ascending: ${entry.year} follows ${previous.year}`,
      );

    const notices = [
      { n: entry.notice, path: [...base, 'notice'] },
      ...entry.amendments.map((n, i) => ({ n, path: [...base, 'amendments', i] })),
    ];
    for (const { n, path } of notices) {
      if (!n.titleZh.includes(`${entry.year}年`))
        at([...path, 'titleZh'], `the title must name the year ${entry.year}`);
      if (n.dated > n.published)
        at([...path, 'published'], `published ${n.published} is before dated ${n.dated}`);
    }
    if (entry.notice.titleZh !== `国务院办公厅关于${entry.year}年部分节假日安排的通知`)
      at(
        [...base, 'notice', 'titleZh'],
        `the annual notice is titled 国务院办公厅关于${entry.year}年部分节假日安排的通知`,
      );
    if (entry.notice.published >= `${entry.year}-01-01`)
      at(
        [...base, 'notice', 'published'],
        `the annual notice is published before ${entry.year} starts`,
      );

    const festivals = new Set<string>();
    entry.periods.forEach((period, pi) => {
      const path: PathSegment[] = [...base, 'periods', pi];
      for (const f of period.festivals) festivals.add(f);
      if (period.firstDay > period.lastDay) {
        at([...path, 'lastDay'], `lastDay ${period.lastDay} is before firstDay ${period.firstDay}`);
        return;
      }
      if (!period.lastDay.startsWith(`${entry.year}-`))
        at([...path, 'lastDay'], `the period must end in ${entry.year}`);
      let span = 0;
      for (let d = period.firstDay; d <= period.lastDay; d = addCalendarDays(d, 1)) {
        span++;
        const other = allOff.get(d);
        if (other !== undefined && other !== entry.year)
          at([...path, 'firstDay'], `${d} is already a day off in ${other}`);
        allOff.set(d, entry.year);
      }
      if (span !== period.days)
        at(
          [...path, 'days'],
          `${period.firstDay}..${period.lastDay} spans ${span} days, not ${period.days}`,
        );
      period.adjustedWorkdays.forEach((day, di) => {
        const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
        if (weekday !== 0 && weekday !== 6)
          at([...path, 'adjustedWorkdays', di], `${day} is not a Saturday or Sunday`);
      });
    });
    if (festivals.size !== 7)
      at(
        [...base, 'periods'],
        `every notice schedules the seven festivals; found ${festivals.size}`,
      );
  });

  // A make-up working day inside any period would contradict the data.
  data.years.forEach((entry, yi) =>
    entry.periods.forEach((period, pi) =>
      period.adjustedWorkdays.forEach((day, di) => {
        if (allOff.has(day))
          at(['years', yi, 'periods', pi, 'adjustedWorkdays', di], `${day} is also a day off`);
      }),
    ),
  );

  const check = data.nextYearCheck;
  const last = data.years[data.years.length - 1];
  if (check && last && check.year !== last.year + 1)
    at(
      ['nextYearCheck', 'year'],
      check.year <= last.year
        ? `${check.year} is in the data now: remove nextYearCheck`
        : `nextYearCheck must be about ${last.year + 1}, the year after the last covered one`,
    );
  return problems;
}
