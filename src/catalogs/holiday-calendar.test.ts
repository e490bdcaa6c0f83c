import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  DEFAULT_HOLIDAY_CALENDAR_FILE,
  loadHolidayCalendar,
  nextYearNoticeProblem,
  validateHolidayCalendar,
  type HolidayCalendarCatalog,
} from './holiday-calendar';

const TEXT = readFileSync(DEFAULT_HOLIDAY_CALENDAR_FILE, 'utf8');

function shipped(): HolidayCalendarCatalog {
  const result = loadHolidayCalendar();
  if (!result.ok)
    assert.fail(result.problems.map((p) => `${p.line}: ${p.path} ${p.message}`).join('\n'));
  return result.catalog;
}

function problemsOf(text: string): string[] {
  const result = validateHolidayCalendar({ file: 'cn-holidays.yaml', text });
  assert.equal(result.ok, false, 'expected the edited data to be rejected');
  return result.ok ? [] : result.problems.map((p) => `${p.line ?? '?'} ${p.path}: ${p.message}`);
}

/** Today in Beijing, the day the working-day deadlines are about. */
function todayInBeijing(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

describe('shipped holiday calendar', () => {
  it('is valid, versioned, and cites a gov.cn notice for every year', () => {
    const catalog = shipped();
    assert.match(catalog.version, /^\d{4}\.\d+\.\d+$/);
    assert.equal(catalog.changelog[0]?.version, catalog.version);
    for (const y of catalog.years) {
      assert.match(y.notice.documentNo, /^国办发明电〔\d{4}〕\d+号$/);
      assert.match(y.notice.url, /^https:\/\/www\.gov\.cn\//);
    }
  });

  // Fails from 1 December (Beijing time) when next year's notice is missing, unless the data
  // records a search for it made in the last 14 days. See CONTRIBUTING.md, "The holiday calendar".
  it(`has next year's notice, or a recent record that it is not yet published (today ${todayInBeijing()})`, () => {
    const problem = nextYearNoticeProblem(shipped(), todayInBeijing());
    assert.equal(problem, null, problem ?? '');
  });
});

describe('nextYearNoticeProblem (the December check)', () => {
  const catalog = shipped();
  const last = catalog.years[catalog.years.length - 1]!.year;
  const next = last + 1;
  const without = { ...catalog, nextYearCheck: null };

  it('passes from January to November of a covered year', () => {
    assert.equal(nextYearNoticeProblem(without, `${last}-01-15`), null);
    assert.equal(nextYearNoticeProblem(without, `${last}-11-30`), null);
  });

  it('fails in December when next year is missing and nobody looked', () => {
    const problem = nextYearNoticeProblem(without, `${last}-12-01`);
    assert.ok(problem?.includes(`${next} holiday notice`), problem ?? '');
    assert.ok(problem?.includes(`国务院办公厅关于${next}年部分节假日安排的通知`));
  });

  it('passes for 14 days after a recorded search, then fails again', () => {
    const checked = {
      ...catalog,
      nextYearCheck: {
        year: next,
        checkedOn: `${last}-12-07`,
        result: 'not-published' as const,
        note: 'x',
      },
    };
    assert.equal(nextYearNoticeProblem(checked, `${last}-12-07`), null);
    assert.equal(nextYearNoticeProblem(checked, `${last}-12-21`), null);
    assert.match(nextYearNoticeProblem(checked, `${last}-12-22`) ?? '', /older than 14 days/);
    // A search recorded in the future does not count.
    assert.match(nextYearNoticeProblem(checked, `${last}-12-06`) ?? '', /in the future/);
    // A record about another year does not count either.
    const wrongYear = { ...checked, nextYearCheck: { ...checked.nextYearCheck, year: next + 1 } };
    assert.match(nextYearNoticeProblem(wrongYear, `${last}-12-08`) ?? '', /no search/);
  });

  it('fails in January when the new year is still missing (even with an old record)', () => {
    const checked = {
      ...catalog,
      nextYearCheck: {
        year: next,
        checkedOn: `${last}-12-07`,
        result: 'not-published' as const,
        note: 'x',
      },
    };
    assert.ok(nextYearNoticeProblem(checked, `${next}-01-30`));
  });

  it('passes in December once next year is in the data', () => {
    const nextYear = { ...catalog.years[catalog.years.length - 1]!, year: next };
    assert.equal(
      nextYearNoticeProblem({ ...without, years: [...catalog.years, nextYear] }, `${last}-12-31`),
      null,
    );
  });
});

describe('validation', () => {
  it('reports a stated day count that does not match the span, with its line', () => {
    const edited = TEXT.replace(
      'firstDay: 2026-02-15, lastDay: 2026-02-23, days: 9',
      'firstDay: 2026-02-15, lastDay: 2026-02-23, days: 8',
    );
    assert.notEqual(edited, TEXT);
    const problems = problemsOf(edited);
    assert.ok(
      problems.some((p) => /spans 9 days, not 8/.test(p) && !p.startsWith('?')),
      problems.join('\n'),
    );
  });

  it('rejects a make-up working day that is not a weekend', () => {
    const problems = problemsOf(
      TEXT.replace('adjustedWorkdays: [2026-01-04]', 'adjustedWorkdays: [2026-01-05]'),
    );
    assert.ok(
      problems.some((p) => p.includes('2026-01-05 is not a Saturday or Sunday')),
      problems.join('\n'),
    );
  });

  it('rejects a notice URL outside www.gov.cn and a malformed document number', () => {
    const problems = problemsOf(
      TEXT.replace(
        'url: https://www.gov.cn/zhengce/content/202511/content_7047090.htm',
        'url: https://example.com/2026.htm',
      ).replace('documentNo: 国办发明电〔2025〕7号', 'documentNo: 2025-7'),
    );
    assert.ok(
      problems.some((p) => p.includes('notice.url')),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => p.includes('notice.documentNo')),
      problems.join('\n'),
    );
  });

  it('requires the version to be the newest changelog entry', () => {
    const problems = problemsOf(TEXT.replace(/^version: .*$/m, 'version: 2099.1.0'));
    assert.ok(
      problems.some((p) => p.includes('changelog[0].version')),
      problems.join('\n'),
    );
  });

  it('rejects a nextYearCheck about a year already in the data', () => {
    const problems = problemsOf(TEXT.replace(/^ {2}year: \d{4}$/m, '  year: 2026'));
    assert.ok(
      problems.some((p) => p.includes('remove nextYearCheck')),
      problems.join('\n'),
    );
  });

  it('rejects a gap between years', () => {
    const problems = problemsOf(TEXT.replace('  - year: 2021\n', '  - year: 2031\n'));
    assert.ok(
      problems.some((p) => p.includes('consecutive')),
      problems.join('\n'),
    );
  });
});

describe('content hash', () => {
  it('ignores comments and layout, and changes with any value', () => {
    const base = shipped().sourceHash;
    const reformatted = `# a new comment\n${TEXT.replace(/^version: (.*)$/m, 'version:     $1   # trailing comment')}`;
    const again = validateHolidayCalendar({ file: 'cn-holidays.yaml', text: reformatted });
    assert.ok(again.ok);
    assert.equal(again.catalog.sourceHash, base);

    const changed = validateHolidayCalendar({
      file: 'cn-holidays.yaml',
      text: TEXT.replace(
        'nameEn: "Labour Day", firstDay: 2026-05-01',
        'nameEn: "May Day", firstDay: 2026-05-01',
      ),
    });
    assert.ok(changed.ok);
    assert.notEqual(changed.catalog.sourceHash, base);
  });
});
