import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { shippedHolidayCalendar } from '../../catalogs/holiday-calendar';
import {
  CalendarRangeError,
  addCalendarDays,
  addMonths,
  addYears,
  compareIsoDate,
  createWorkingDayCalendar,
  isIsoDate,
} from './index';

// The shipped data (src/catalogs/calendar/cn-holidays.yaml), passed in like any engine gets it.
const calendar = shippedHolidayCalendar();
const { isWorkingDay, addWorkingDays, workingDaysBetween, isCoveredDate } = calendar;
/** The first year past the data, so these tests keep working when a year is added. */
const PAST = calendar.lastYear + 1;

/** Asserts each date is (or is not) a working day, naming the failing date. */
function expectWorking(expected: boolean, dates: string[]): void {
  for (const d of dates)
    assert.equal(
      isWorkingDay(d),
      expected,
      `${d} should be ${expected ? 'a working day' : 'a day off'}`,
    );
}

describe('isWorkingDay: facts from each year’s notice', () => {
  it('2019 (国办发明电〔2018〕15号, amended by 〔2019〕3号)', () => {
    // Spring Festival 4–10 Feb; 2 Feb (Sat) and 3 Feb (Sun) worked.
    expectWorking(false, ['2019-02-04', '2019-02-07', '2019-02-10', '2019-01-01']);
    expectWorking(true, ['2019-02-02', '2019-02-03', '2019-02-11']);
    // Labour Day as amended: 1–4 May; 28 Apr (Sun) and 5 May (Sun) worked.
    expectWorking(false, ['2019-05-01', '2019-05-02', '2019-05-03', '2019-05-04']);
    expectWorking(true, ['2019-04-28', '2019-05-05', '2019-05-06']);
    // Single days joined to the weekend.
    expectWorking(false, ['2019-04-05', '2019-06-07', '2019-09-13']);
    // National Day 1–7 Oct; 29 Sep (Sun) and 12 Oct (Sat) worked.
    expectWorking(false, ['2019-10-01', '2019-10-07']);
    expectWorking(true, ['2019-09-29', '2019-10-12', '2019-10-08']);
  });

  it('2020 (国办发明电〔2019〕16号, extended by 〔2020〕1号)', () => {
    // Spring Festival 24 Jan – 2 Feb after the extension; 19 Jan (Sun) worked.
    expectWorking(false, ['2020-01-24', '2020-01-30', '2020-01-31', '2020-02-02']);
    expectWorking(true, ['2020-01-19', '2020-02-03']);
    // The original make-up Saturday, 1 Feb, was absorbed by the extension.
    expectWorking(false, ['2020-02-01']);
    expectWorking(true, ['2020-04-26', '2020-05-09', '2020-06-28']);
    // National Day and Mid-Autumn 1–8 Oct; 27 Sep (Sun) and 10 Oct (Sat) worked.
    expectWorking(false, ['2020-10-01', '2020-10-08']);
    expectWorking(true, ['2020-09-27', '2020-10-10', '2020-10-09']);
  });

  it('2021 (国办发明电〔2020〕27号)', () => {
    expectWorking(false, ['2021-02-11', '2021-02-17', '2021-01-01']);
    expectWorking(true, ['2021-02-07', '2021-02-20', '2021-02-18']);
    expectWorking(true, ['2021-04-25', '2021-05-08', '2021-09-18']);
    expectWorking(false, ['2021-09-20', '2021-09-21', '2021-06-14']);
    expectWorking(false, ['2021-10-01', '2021-10-07']);
    expectWorking(true, ['2021-09-26', '2021-10-09']);
  });

  it('2022 (国办发明电〔2021〕11号)', () => {
    expectWorking(false, ['2022-01-31', '2022-02-06', '2022-01-03']);
    expectWorking(true, ['2022-01-29', '2022-01-30', '2022-02-07']);
    expectWorking(true, ['2022-04-02', '2022-04-24', '2022-05-07']);
    expectWorking(false, ['2022-04-04', '2022-04-05', '2022-05-04', '2022-09-12']);
    expectWorking(false, ['2022-10-01', '2022-10-07']);
    expectWorking(true, ['2022-10-08', '2022-10-09', '2022-10-10']);
  });

  it('2023 (国办发明电〔2022〕16号)', () => {
    // New Year 31 Dec 2022 – 2 Jan 2023.
    expectWorking(false, ['2022-12-31', '2023-01-02']);
    expectWorking(false, ['2023-01-21', '2023-01-27']);
    expectWorking(true, ['2023-01-28', '2023-01-29', '2023-01-30']);
    expectWorking(false, ['2023-04-05']);
    expectWorking(true, ['2023-04-23', '2023-05-06', '2023-06-25']);
    // Mid-Autumn and National Day 29 Sep – 6 Oct; 7 Oct (Sat) and 8 Oct (Sun) worked.
    expectWorking(false, ['2023-09-29', '2023-10-06']);
    expectWorking(true, ['2023-10-07', '2023-10-08', '2023-09-28']);
  });

  it('2024 (国办发明电〔2023〕7号)', () => {
    expectWorking(false, ['2024-02-10', '2024-02-17', '2024-01-01', '2024-06-10']);
    expectWorking(true, ['2024-02-04', '2024-02-18']);
    // 除夕 (9 Feb) was only "encouraged" as a day off: still a statutory working day.
    expectWorking(true, ['2024-02-09']);
    expectWorking(true, ['2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14']);
    expectWorking(false, ['2024-10-01', '2024-10-07']);
    expectWorking(true, ['2024-09-29', '2024-10-12']);
  });

  it('2025 (国办发明电〔2024〕12号, first year with 13 statutory days)', () => {
    // Spring Festival 28 Jan (除夕) – 4 Feb; 26 Jan (Sun) and 8 Feb (Sat) worked.
    expectWorking(false, ['2025-01-28', '2025-02-04']);
    expectWorking(true, ['2025-01-26', '2025-02-08', '2025-01-27', '2025-02-05']);
    // Labour Day 1–5 May; only 27 Apr (Sun) worked.
    expectWorking(false, ['2025-05-01', '2025-05-05']);
    expectWorking(true, ['2025-04-27']);
    expectWorking(false, ['2025-01-01', '2025-06-02']);
    // National Day and Mid-Autumn 1–8 Oct; 28 Sep (Sun) and 11 Oct (Sat) worked.
    expectWorking(false, ['2025-10-01', '2025-10-08']);
    expectWorking(true, ['2025-09-28', '2025-10-11', '2025-10-09']);
  });

  it('2026 (国办发明电〔2025〕7号)', () => {
    expectWorking(false, ['2026-01-01', '2026-01-02']);
    expectWorking(true, ['2026-01-04']);
    // Spring Festival 15–23 Feb (9 days); 14 Feb (Sat) and 28 Feb (Sat) worked.
    expectWorking(false, ['2026-02-15', '2026-02-23']);
    expectWorking(true, ['2026-02-14', '2026-02-28', '2026-02-24']);
    expectWorking(true, ['2026-05-09']);
    expectWorking(false, ['2026-05-05', '2026-06-19', '2026-09-25']);
    // National Day 1–7 Oct; 20 Sep (Sun) and 10 Oct (Sat) worked.
    expectWorking(false, ['2026-10-01', '2026-10-07']);
    expectWorking(true, ['2026-09-20', '2026-10-10', '2026-10-08']);
  });

  it('ordinary weekdays work and ordinary weekends do not', () => {
    expectWorking(true, ['2025-03-12', '2026-11-27']);
    expectWorking(false, ['2025-03-15', '2025-03-16']);
  });

  it('published annual totals: 251 working days in 2024, 248 in 2025', () => {
    assert.equal(workingDaysBetween('2023-12-31', '2024-12-31'), 251);
    assert.equal(workingDaysBetween('2024-12-31', '2025-12-31'), 248);
  });
});

describe('addWorkingDays', () => {
  it('starts counting on the next day', () => {
    assert.equal(addWorkingDays('2025-03-12', 1), '2025-03-13'); // Wed -> Thu
    assert.equal(addWorkingDays('2025-03-14', 1), '2025-03-17'); // Fri -> Mon
    assert.equal(addWorkingDays('2025-03-15', 1), '2025-03-17'); // Sat -> Mon
    assert.equal(addWorkingDays('2025-03-10', 5), '2025-03-17');
  });

  it('n = 0 keeps a working day and rolls a day off forward', () => {
    assert.equal(addWorkingDays('2025-03-12', 0), '2025-03-12');
    assert.equal(addWorkingDays('2025-03-15', 0), '2025-03-17');
    assert.equal(addWorkingDays('2025-01-28', 0), '2025-02-05');
    assert.equal(addWorkingDays('2025-01-26', 0), '2025-01-26'); // make-up Sunday
  });

  it('skips the 2025 Spring Festival and counts its make-up days', () => {
    assert.equal(addWorkingDays('2025-01-24', 1), '2025-01-26'); // Fri -> make-up Sun
    assert.equal(addWorkingDays('2025-01-24', 2), '2025-01-27');
    assert.equal(addWorkingDays('2025-01-24', 3), '2025-02-05');
    assert.equal(addWorkingDays('2025-01-27', 1), '2025-02-05');
    assert.equal(addWorkingDays('2025-02-07', 1), '2025-02-08'); // Fri -> make-up Sat
  });

  it('skips the 2026 nine-day Spring Festival', () => {
    assert.equal(addWorkingDays('2026-02-13', 1), '2026-02-14');
    assert.equal(addWorkingDays('2026-02-13', 2), '2026-02-24');
    assert.equal(addWorkingDays('2026-02-14', 1), '2026-02-24');
  });

  it('skips the 2020 Spring Festival as extended', () => {
    assert.equal(addWorkingDays('2020-01-23', 1), '2020-02-03');
  });

  it('skips National Day', () => {
    assert.equal(addWorkingDays('2024-09-27', 1), '2024-09-29'); // Fri -> make-up Sun
    assert.equal(addWorkingDays('2024-09-30', 1), '2024-10-08');
    assert.equal(addWorkingDays('2025-09-30', 1), '2025-10-09');
    assert.equal(addWorkingDays('2025-09-30', 3), '2025-10-11'); // make-up Sat
    assert.equal(addWorkingDays('2025-09-30', 4), '2025-10-13');
    assert.equal(addWorkingDays('2023-09-28', 1), '2023-10-07');
    // 15 working days from 2025-09-20: a typical "within 15 working days" deadline.
    assert.equal(addWorkingDays('2025-09-20', 15), '2025-10-16');
  });

  it('crosses a year boundary using the next year’s notice', () => {
    assert.equal(addWorkingDays('2025-12-31', 1), '2026-01-04'); // make-up Sun after New Year
    assert.equal(addWorkingDays('2022-12-30', 1), '2023-01-03');
  });

  it('rejects negative and fractional n', () => {
    assert.throws(() => addWorkingDays('2025-03-12', -1), RangeError);
    assert.throws(() => addWorkingDays('2025-03-12', 1.5), RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts (from, to] and inverts addWorkingDays', () => {
    assert.equal(workingDaysBetween('2025-01-27', '2025-02-05'), 1);
    assert.equal(workingDaysBetween('2025-01-24', '2025-02-05'), 3);
    assert.equal(workingDaysBetween('2025-09-30', '2025-10-09'), 1);
    assert.equal(workingDaysBetween('2025-03-12', '2025-03-12'), 0);
    for (const [from, n] of [
      ['2019-09-27', 7],
      ['2020-01-20', 4],
      ['2025-01-20', 10],
      ['2026-09-18', 20],
    ] as const) {
      assert.equal(workingDaysBetween(from, addWorkingDays(from, n)), n, `${from} + ${n}`);
    }
  });

  it('is negative when to is before from', () => {
    assert.equal(workingDaysBetween('2025-10-09', '2025-09-30'), -1);
    assert.equal(workingDaysBetween('2025-02-05', '2025-01-24'), -3);
  });
});

describe('covered range', () => {
  it('starts in 2019 and covers at least 2026', () => {
    assert.equal(calendar.firstYear, 2019);
    assert.ok(calendar.lastYear >= 2026);
  });

  it('throws CalendarRangeError naming the date, its year and the years covered', () => {
    for (const date of ['2018-12-29', `${PAST}-01-04`, '1999-06-01']) {
      assert.throws(
        () => isWorkingDay(date),
        (err: unknown) => {
          assert.ok(err instanceof CalendarRangeError);
          assert.ok(err instanceof RangeError);
          assert.equal(err.name, 'CalendarRangeError');
          assert.equal(err.year, Number(date.slice(0, 4)));
          assert.equal(err.date, date);
          assert.equal(err.firstYear, 2019);
          assert.equal(err.lastYear, calendar.lastYear);
          assert.ok(err.message.includes(`2019–${calendar.lastYear}`), err.message);
          assert.ok(err.message.includes(date), err.message);
          assert.ok(err.messageZh.includes(`2019–${calendar.lastYear} 年`), err.messageZh);
          assert.ok(err.messageZh.includes(date), err.messageZh);
          return true;
        },
      );
    }
  });

  it('addWorkingDays refuses to run past the last covered year', () => {
    const last = calendar.lastYear;
    assert.throws(
      () => addWorkingDays(`${last}-12-31`, 5),
      (err: unknown) => err instanceof CalendarRangeError && err.year === PAST,
    );
    assert.throws(() => addWorkingDays('2018-12-28', 1), CalendarRangeError);
  });

  it('workingDaysBetween checks both ends', () => {
    assert.throws(() => workingDaysBetween('2018-12-31', '2019-01-10'), CalendarRangeError);
    assert.throws(
      () => workingDaysBetween(`${calendar.lastYear}-12-01`, `${PAST}-01-10`),
      CalendarRangeError,
    );
  });

  it('isCoveredDate reports the range without throwing', () => {
    assert.equal(isCoveredDate('2019-01-01'), true);
    assert.equal(isCoveredDate('2026-12-31'), true);
    assert.equal(isCoveredDate('2018-12-31'), false);
    assert.equal(isCoveredDate(`${PAST}-01-01`), false);
  });

  it('pure calendar arithmetic is not limited to the covered years', () => {
    assert.equal(addCalendarDays('2030-12-31', 1), '2031-01-01');
    assert.equal(addYears('2027-06-01', 1), '2028-06-01');
  });

  it('a calendar built from other data covers exactly its years', () => {
    const only2025 = createWorkingDayCalendar({
      version: '2025.1.0',
      years: calendar.years.filter((y) => y.year === 2025),
    });
    assert.equal(only2025.firstYear, 2025);
    assert.equal(only2025.lastYear, 2025);
    assert.equal(only2025.isWorkingDay('2025-01-28'), false);
    assert.throws(() => only2025.isWorkingDay('2026-01-05'), CalendarRangeError);
    assert.throws(() => createWorkingDayCalendar({ version: '1.0.0', years: [] }), /no years/);
    assert.throws(
      () =>
        createWorkingDayCalendar({
          version: '1.0.0',
          years: calendar.years.filter((y) => y.year === 2023 || y.year === 2025),
        }),
      /consecutive/,
    );
  });
});

describe('calendar arithmetic', () => {
  it('addCalendarDays', () => {
    assert.equal(addCalendarDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addCalendarDays('2025-02-28', 1), '2025-03-01');
    assert.equal(addCalendarDays('2025-12-31', 1), '2026-01-01');
    assert.equal(addCalendarDays('2025-01-01', -1), '2024-12-31');
    assert.equal(addCalendarDays('2025-03-30', 0), '2025-03-30');
    assert.equal(addCalendarDays('2024-01-01', 366), '2025-01-01');
    assert.throws(() => addCalendarDays('2025-01-01', 0.5), RangeError);
  });

  it('addMonths clamps to the end of the month', () => {
    assert.equal(addMonths('2025-01-31', 1), '2025-02-28');
    assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
    assert.equal(addMonths('2025-03-31', -1), '2025-02-28');
    assert.equal(addMonths('2025-05-31', 1), '2025-06-30');
    assert.equal(addMonths('2025-12-15', 1), '2026-01-15');
    assert.equal(addMonths('2025-01-15', -1), '2024-12-15');
    assert.equal(addMonths('2025-01-15', 24), '2027-01-15');
  });

  it('addYears clamps 29 February', () => {
    assert.equal(addYears('2024-02-29', 1), '2025-02-28');
    assert.equal(addYears('2024-02-29', 4), '2028-02-29');
    assert.equal(addYears('2024-02-29', -1), '2023-02-28');
    assert.equal(addYears('2025-06-30', 3), '2028-06-30');
  });

  it('compareIsoDate orders dates and sorts', () => {
    assert.equal(compareIsoDate('2025-01-01', '2025-01-02'), -1);
    assert.equal(compareIsoDate('2025-01-02', '2025-01-01'), 1);
    assert.equal(compareIsoDate('2025-01-01', '2025-01-01'), 0);
    assert.deepEqual(['2025-10-01', '2019-02-04', '2025-01-28'].sort(compareIsoDate), [
      '2019-02-04',
      '2025-01-28',
      '2025-10-01',
    ]);
    assert.throws(() => compareIsoDate('2025-1-1', '2025-01-01'), TypeError);
  });

  it('gives the same answers whatever the host time zone', () => {
    const saved = process.env.TZ;
    try {
      const results = ['UTC', 'Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati'].map(
        (tz) => {
          process.env.TZ = tz;
          return [
            addCalendarDays('2025-03-08', 1), // US DST starts 2025-03-09
            addCalendarDays('2025-11-01', 2), // US DST ends 2025-11-02
            addMonths('2025-01-31', 1),
            addWorkingDays('2025-09-30', 1),
            String(isWorkingDay('2025-10-11')),
          ].join(',');
        },
      );
      assert.equal(new Set(results).size, 1, results.join(' | '));
      assert.equal(results[0], '2025-03-09,2025-11-03,2025-02-28,2025-10-09,true');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('isIsoDate', () => {
  it('accepts real calendar dates', () => {
    for (const d of ['2025-01-01', '2024-02-29', '2000-02-29', '2025-12-31', '0001-01-01']) {
      assert.equal(isIsoDate(d), true, d);
    }
  });

  it('rejects impossible dates and other formats', () => {
    for (const v of [
      '2025-02-30',
      '2025-02-29',
      '1900-02-29',
      '2025-04-31',
      '2025-13-01',
      '2025-00-10',
      '2025-01-00',
      '2025-1-1',
      '2025-01-1',
      '25-01-01',
      '2025/01/01',
      '2025-01-01T00:00:00Z',
      ' 2025-01-01',
      '2025-01-01\n',
      '',
      20250101,
      null,
      undefined,
      new Date('2025-01-01'),
    ]) {
      assert.equal(isIsoDate(v), false, JSON.stringify(v));
    }
  });

  it('working-day and arithmetic functions throw TypeError on invalid dates', () => {
    assert.throws(() => isWorkingDay('2025-02-30'), TypeError);
    assert.throws(() => addWorkingDays('2025-1-1', 1), TypeError);
    assert.throws(() => addCalendarDays('2025-02-30', 1), TypeError);
    assert.throws(() => addMonths('not a date', 1), TypeError);
    assert.throws(() => workingDaysBetween('2025-01-01', '2025-02-30'), TypeError);
  });
});
