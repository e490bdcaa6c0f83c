import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { shippedHolidayCalendar } from '../../catalogs/holiday-calendar';
import type { ChinaFestival, ChinaHolidayYear, HolidayPeriod } from './china-holidays';
import { addCalendarDays, compareIsoDate, isIsoDate } from './working-days';

// The shipped data (src/catalogs/calendar/cn-holidays.yaml): these tests check its transcription.
const calendar = shippedHolidayCalendar();
const CHINA_HOLIDAY_SCHEDULES = calendar.years;
const getChinaHolidayYear = calendar.year;
const { workingDaysBetween } = calendar;

function year(y: number): ChinaHolidayYear {
  const schedule = getChinaHolidayYear(y);
  assert.ok(schedule, `no schedule for ${y}`);
  return schedule;
}

function period(y: number, festival: ChinaFestival): HolidayPeriod {
  const found = year(y).periods.find((p) => p.festivals.includes(festival));
  assert.ok(found, `no ${festival} period in ${y}`);
  return found;
}

/** Inclusive number of calendar days from first to last. */
function span(first: string, last: string): number {
  let n = 1;
  for (let d = first; d !== last; d = addCalendarDays(d, 1)) n++;
  return n;
}

/** 0 = Sunday ... 6 = Saturday, computed independently of the module under test. */
function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

describe('coverage', () => {
  it('covers 2019 onwards, one schedule per year in order', () => {
    assert.equal(calendar.firstYear, 2019);
    const years = CHINA_HOLIDAY_SCHEDULES.map((s) => s.year);
    assert.deepEqual(years.slice(0, 8), [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    years.forEach((y, i) => assert.equal(y, 2019 + i));
    assert.equal(getChinaHolidayYear(2018), undefined);
    assert.equal(getChinaHolidayYear(calendar.lastYear + 1), undefined);
  });
});

describe('data integrity', () => {
  for (const schedule of CHINA_HOLIDAY_SCHEDULES) {
    it(`${schedule.year}: dates valid, spans match stated day counts, make-up days are weekends`, () => {
      const allFestivals = new Set(schedule.periods.flatMap((p) => p.festivals));
      // Every notice schedules all seven statutory festivals (some merged into one period).
      assert.equal(allFestivals.size, 7);
      for (const p of schedule.periods) {
        assert.ok(isIsoDate(p.firstDay) && isIsoDate(p.lastDay), p.nameZh);
        assert.ok(compareIsoDate(p.firstDay, p.lastDay) <= 0, p.nameZh);
        assert.equal(span(p.firstDay, p.lastDay), p.days, `${schedule.year} ${p.nameZh}`);
        for (const w of p.adjustedWorkdays) {
          assert.ok(isIsoDate(w), w);
          assert.ok(weekday(w) === 0 || weekday(w) === 6, `${w} is not a weekend day`);
          const inside = compareIsoDate(w, p.firstDay) >= 0 && compareIsoDate(w, p.lastDay) <= 0;
          assert.ok(!inside, `${w} lies inside its own holiday period`);
        }
      }
      const notices = [schedule.notice, ...schedule.amendments];
      for (const n of notices) {
        assert.match(n.documentNo, /^国办发明电〔\d{4}〕\d+号$/);
        assert.ok(isIsoDate(n.dated) && isIsoDate(n.published));
        assert.ok(compareIsoDate(n.dated, n.published) <= 0);
      }
      assert.equal(
        schedule.notice.titleZh,
        `国务院办公厅关于${schedule.year}年部分节假日安排的通知`,
      );
    });
  }

  it('periods of different years never overlap', () => {
    const periods = CHINA_HOLIDAY_SCHEDULES.flatMap((s) => s.periods);
    const sorted = [...periods].sort((a, b) => compareIsoDate(a.firstDay, b.firstDay));
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1];
      const cur = sorted[i];
      assert.ok(prev && cur);
      assert.ok(compareIsoDate(prev.lastDay, cur.firstDay) < 0, `${prev.nameZh}/${cur.nameZh}`);
    }
  });
});

describe('notices cited per year', () => {
  const expected: Record<number, [string, string]> = {
    2019: ['国办发明电〔2018〕15号', '2018-12-06'],
    2020: ['国办发明电〔2019〕16号', '2019-11-21'],
    2021: ['国办发明电〔2020〕27号', '2020-11-25'],
    2022: ['国办发明电〔2021〕11号', '2021-10-25'],
    2023: ['国办发明电〔2022〕16号', '2022-12-08'],
    2024: ['国办发明电〔2023〕7号', '2023-10-25'],
    2025: ['国办发明电〔2024〕12号', '2024-11-12'],
    2026: ['国办发明电〔2025〕7号', '2025-11-04'],
  };
  for (const [y, [documentNo, published]] of Object.entries(expected)) {
    it(`${y}: ${documentNo}`, () => {
      const { notice } = year(Number(y));
      assert.equal(notice.documentNo, documentNo);
      assert.equal(notice.published, published);
      assert.match(notice.url, /^https:\/\/www\.gov\.cn\/zhengce\/content\//);
    });
  }

  it('records the 2019 Labour Day and 2020 Spring Festival amendments', () => {
    assert.deepEqual(
      year(2019).amendments.map((a) => a.documentNo),
      ['国办发明电〔2019〕3号'],
    );
    assert.deepEqual(
      year(2020).amendments.map((a) => a.documentNo),
      ['国办发明电〔2020〕1号'],
    );
    for (const y of [2021, 2022, 2023, 2024, 2025, 2026])
      assert.equal(year(y).amendments.length, 0);
  });
});

describe('day counts of each holiday period', () => {
  // Period lengths per notice, in the order the notice lists them.
  const expected: Record<number, number[]> = {
    2019: [3, 7, 1, 4, 1, 1, 7],
    2020: [1, 10, 3, 5, 3, 8],
    2021: [3, 7, 3, 5, 3, 3, 7],
    2022: [3, 7, 3, 5, 3, 3, 7],
    2023: [3, 7, 1, 5, 3, 8],
    2024: [1, 8, 3, 5, 1, 3, 7],
    2025: [1, 8, 3, 5, 3, 8],
    2026: [3, 9, 3, 5, 3, 3, 7],
  };
  for (const [y, counts] of Object.entries(expected)) {
    it(`${y}: ${counts.join(', ')}`, () => {
      assert.deepEqual(
        year(Number(y)).periods.map((p) => p.days),
        counts,
      );
    });
  }
});

describe('period dates per notice', () => {
  const cases: [number, ChinaFestival, string, string, string[]][] = [
    [2019, 'spring-festival', '2019-02-04', '2019-02-10', ['2019-02-02', '2019-02-03']],
    [2019, 'labour-day', '2019-05-01', '2019-05-04', ['2019-04-28', '2019-05-05']],
    [2019, 'national-day', '2019-10-01', '2019-10-07', ['2019-09-29', '2019-10-12']],
    [2020, 'spring-festival', '2020-01-24', '2020-02-02', ['2020-01-19']],
    [2020, 'national-day', '2020-10-01', '2020-10-08', ['2020-09-27', '2020-10-10']],
    [2021, 'spring-festival', '2021-02-11', '2021-02-17', ['2021-02-07', '2021-02-20']],
    [2021, 'national-day', '2021-10-01', '2021-10-07', ['2021-09-26', '2021-10-09']],
    [2022, 'spring-festival', '2022-01-31', '2022-02-06', ['2022-01-29', '2022-01-30']],
    [2022, 'national-day', '2022-10-01', '2022-10-07', ['2022-10-08', '2022-10-09']],
    [2023, 'new-year', '2022-12-31', '2023-01-02', []],
    [2023, 'spring-festival', '2023-01-21', '2023-01-27', ['2023-01-28', '2023-01-29']],
    [2023, 'national-day', '2023-09-29', '2023-10-06', ['2023-10-07', '2023-10-08']],
    [2024, 'spring-festival', '2024-02-10', '2024-02-17', ['2024-02-04', '2024-02-18']],
    [2024, 'national-day', '2024-10-01', '2024-10-07', ['2024-09-29', '2024-10-12']],
    [2025, 'spring-festival', '2025-01-28', '2025-02-04', ['2025-01-26', '2025-02-08']],
    [2025, 'labour-day', '2025-05-01', '2025-05-05', ['2025-04-27']],
    [2025, 'national-day', '2025-10-01', '2025-10-08', ['2025-09-28', '2025-10-11']],
    [2026, 'new-year', '2026-01-01', '2026-01-03', ['2026-01-04']],
    [2026, 'spring-festival', '2026-02-15', '2026-02-23', ['2026-02-14', '2026-02-28']],
    [2026, 'national-day', '2026-10-01', '2026-10-07', ['2026-09-20', '2026-10-10']],
  ];
  for (const [y, festival, first, last, workdays] of cases) {
    it(`${y} ${festival}: ${first}..${last}`, () => {
      const p = period(y, festival);
      assert.equal(p.firstDay, first);
      assert.equal(p.lastDay, last);
      assert.deepEqual(p.adjustedWorkdays, workdays);
    });
  }

  it('merged National Day + Mid-Autumn periods in 2020, 2023 and 2025 only', () => {
    const merged = CHINA_HOLIDAY_SCHEDULES.filter((s) =>
      s.periods.some((p) => p.festivals.length > 1),
    ).map((s) => s.year);
    assert.deepEqual(merged, [2020, 2023, 2025]);
  });
});

describe('2025 revision of 全国年节及纪念日放假办法 (+1 day Spring Festival, +1 day Labour Day)', () => {
  // Statutory days off that fall on a weekday, summed over the year, minus make-up days, is the
  // net effect on working time: it should equal the number of statutory holidays (11 -> 13).
  function netDaysOff(y: number): number {
    const weekdays = workingDaysBetween(`${y - 1}-12-31`, `${y}-12-31`);
    let plainWeekdays = 0;
    for (let d = `${y}-01-01`; d <= `${y}-12-31`; d = addCalendarDays(d, 1)) {
      const w = weekday(d);
      if (w !== 0 && w !== 6) plainWeekdays++;
    }
    return plainWeekdays - weekdays;
  }

  it('11 net days off per year under the old rules (2020–2024)', () => {
    // 2019 cannot be measured from 2018-12-31 (outside the covered range); 2020 is checked
    // separately because of the COVID extension.
    for (const y of [2021, 2022, 2023, 2024]) assert.equal(netDaysOff(y), 11, String(y));
  });

  it('2020: 11 plus 2 from the extension (Friday 31 Jan off, Saturday 1 Feb no longer worked)', () => {
    assert.equal(netDaysOff(2020), 13);
  });

  it('13 net days off in 2025 and 2026', () => {
    assert.equal(netDaysOff(2025), 13);
    assert.equal(netDaysOff(2026), 13);
  });

  it('Spring Festival starts on 除夕 in 2025 (8 days) and Labour Day runs 5 days', () => {
    assert.equal(period(2025, 'spring-festival').firstDay, '2025-01-28');
    assert.equal(period(2025, 'spring-festival').days, 8);
    assert.equal(period(2025, 'labour-day').days, 5);
  });
});
