import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import bundled from '../src/data/calendar-cn.json' with { type: 'json' };
import { addWorkingDays, bundledCalendar, CalendarRangeError, isWorkingDay, loadCalendar, workingDaysBetween } from '../src/lib/working-days.js';

// From the State Council notices (国务院办公厅关于YYYY年部分节假日安排的通知), checked day by day.
const OFF: [string, string][] = [
  ['2015-02-18', '2015 春节 (18–24 Feb)'],
  ['2015-02-24', '2015 春节, last day (Tuesday)'],
  ['2015-09-03', '2015 抗战胜利70周年纪念日 (3–5 Sep)'],
  ['2015-09-04', '2015 纪念日 (Friday)'],
  ['2015-10-01', '2015 国庆 (1–7 Oct)'],
  ['2015-10-07', '2015 国庆, last day (Wednesday)'],
  ['2016-02-12', '2016 春节 (7–13 Feb)'],
  ['2016-06-10', '2016 端午 (9–11 Jun, Friday)'],
  ['2017-01-02', '2017 元旦 falls on a Sunday: Monday off instead'],
  ['2017-10-06', '2017 国庆/中秋 (1–8 Oct)'],
  ['2018-04-06', '2018 清明 (5–7 Apr, Friday)'],
  ['2018-12-31', '2019 元旦 block (30 Dec–1 Jan) starts in 2018 (Monday)'],
  ['2019-05-02', '2019 劳动节 (1–4 May, as revised in March 2019)'],
  ['2019-06-07', '2019 端午 (Friday)'],
  ['2020-01-31', '2020 春节 extended to 2 Feb (国务院办公厅关于延长2020年春节假期的通知)'],
  ['2020-02-01', '2020 春节: the Saturday make-up day was cancelled by the extension'],
  ['2020-10-08', '2020 国庆/中秋 (1–8 Oct), last day (Thursday)'],
  ['2021-02-11', '2021 春节 (11–17 Feb)'],
  ['2021-02-17', '2021 春节, last day'],
  ['2021-10-07', '2021 国庆'],
  ['2022-01-31', '2022 春节 (31 Jan–6 Feb)'],
  ['2022-12-31', '2023 元旦 block starts in 2022'],
  ['2023-01-02', '2023 元旦 (Monday)'],
  ['2023-09-29', '2023 中秋 (29 Sep–6 Oct)'],
  ['2024-02-10', '2024 春节 (10–17 Feb)'],
  ['2024-02-15', '2024 春节 (Thursday)'],
  ['2024-02-17', '2024 春节, last day'],
  ['2024-06-10', '2024 端午 (Monday)'],
  ['2025-01-28', '2025 春节 (28 Jan–4 Feb)'],
  ['2025-10-01', '2025 国庆/中秋 (1–8 Oct)'],
  ['2025-10-08', '2025 国庆/中秋, last day (Wednesday)'],
  ['2026-01-01', '2026 元旦 (1–3 Jan)'],
  ['2026-01-02', '2026 元旦 (Friday)'],
  ['2026-02-23', '2026 春节 (15–23 Feb), last day (Monday)'],
  ['2026-03-07', 'ordinary Saturday'],
  ['2026-03-08', 'ordinary Sunday'],
];
const ON: [string, string][] = [
  ['2015-01-04', '2015 元旦 make-up (Sunday)'],
  ['2015-02-15', '2015 春节 make-up (Sunday)'],
  ['2015-02-28', '2015 春节 make-up (Saturday)'],
  ['2015-09-06', '2015 纪念日 make-up (Sunday)'],
  ['2015-10-10', '2015 国庆 make-up (Saturday)'],
  ['2016-10-08', '2016 国庆 make-up (Saturday)'],
  ['2016-10-09', '2016 国庆 make-up (Sunday)'],
  ['2017-09-30', '2017 国庆/中秋 make-up (Saturday)'],
  ['2018-09-29', '2018 国庆 make-up (Saturday)'],
  ['2018-09-30', '2018 国庆 make-up (Sunday)'],
  ['2018-12-29', '2019 元旦 make-up (Saturday)'],
  ['2019-05-05', '2019 劳动节 make-up (Sunday)'],
  ['2019-10-12', '2019 国庆 make-up (Saturday)'],
  ['2020-01-19', '2020 春节 make-up (Sunday)'],
  ['2020-10-10', '2020 国庆/中秋 make-up (Saturday)'],
  ['2021-02-07', '2021 春节 make-up (Sunday)'],
  ['2021-02-20', '2021 春节 make-up (Saturday)'],
  ['2022-01-29', '2022 春节 make-up (Saturday)'],
  ['2023-01-28', '2023 春节 make-up (Saturday)'],
  ['2024-02-04', '2024 春节 make-up (Sunday)'],
  ['2024-02-09', '2024 除夕 was not a holiday (Friday)'],
  ['2024-02-18', '2024 春节 make-up (Sunday)'],
  ['2024-10-12', '2024 国庆 make-up (Saturday)'],
  ['2025-01-26', '2025 春节 make-up (Sunday)'],
  ['2025-09-28', '2025 国庆 make-up (Sunday)'],
  ['2025-10-11', '2025 国庆 make-up (Saturday)'],
  ['2026-01-04', '2026 元旦 make-up (Sunday)'],
  ['2026-02-14', '2026 春节 make-up (Saturday)'],
  ['2026-02-28', '2026 春节 make-up (Saturday)'],
  ['2026-03-09', 'ordinary Monday'],
];

describe('isWorkingDay on the official calendar', () => {
  it.each(OFF)('%s is off: %s', (date) => expect(isWorkingDay(date)).toBe(false));
  it.each(ON)('%s is a working day: %s', (date) => expect(isWorkingDay(date)).toBe(true));
});

describe('due dates (the start day is not counted)', () => {
  it.each([
    ['2015-01-05', 7, '2015-01-14', 'a Monday in a plain fortnight: 6–9, 12–14 Jan'],
    ['2015-09-02', 7, '2015-09-14', 'Wed before the 3–5 Sep 纪念日: Sun 6 (make-up), 7–11, 14 Sep'],
    ['2015-09-30', 7, '2015-10-15', 'Wed before 国庆 2015: 8, 9, Sat 10 (make-up), 12, 13, 14, 15 Oct'],
    ['2018-09-28', 7, '2018-10-12', 'Fri before 国庆 2018: Sat 29, Sun 30 Sep (make-up), 8–12 Oct'],
    ['2018-09-28', 20, '2018-10-31', 'other enforcement actions: 29, 30 Sep, then 8–12, 15–19, 22–26, 29–31 Oct'],
    ['2018-12-28', 7, '2019-01-09', 'across 2019 元旦: Sat 29 Dec (make-up), 30 Dec–1 Jan off, 2–4, 7–9 Jan'],
    ['2020-01-22', 7, '2020-02-10', 'over the extended 春节 2020: 23 Jan, then 3–7, 10 Feb'],
    ['2024-02-08', 7, '2024-02-23', 'Thu before 春节: 9 Feb, then 18 (Sun, make-up) to 23 Feb'],
    ['2024-03-01', 7, '2024-03-12', 'a Friday in a plain fortnight: the second Tuesday after'],
    ['2024-03-02', 7, '2024-03-12', 'a Saturday start counts from Monday'],
    ['2025-09-26', 7, '2025-10-13', 'Fri before 国庆: 28, 29, 30 Sep, 9, 10, 11 (Sat), 13 Oct'],
    ['2025-09-26', 20, '2025-10-30', 'other enforcement actions: 20 working days over 国庆'],
    ['2025-12-31', 7, '2026-01-12', 'across a year: 4 Jan (Sun) works, 1–3 Jan off'],
    ['2024-02-08', 0, '2024-02-08', 'zero days is the start itself'],
  ])('%s + %i working days = %s (%s)', (start, n, due) => {
    expect(addWorkingDays(start, n)).toBe(due);
    if (n > 0) expect(workingDaysBetween(start, due)).toBe(n);
  });

  it('counts working days late, not calendar days', () => {
    // Due 2025-09-30; published 2025-10-09, the first working day after the holiday: one day late, not nine.
    expect(workingDaysBetween('2025-09-30', '2025-10-09')).toBe(1);
    expect(workingDaysBetween('2025-10-09', '2025-09-30')).toBe(-1);
    expect(workingDaysBetween('2024-02-10', '2024-02-17')).toBe(0);
    expect(workingDaysBetween('2024-03-04', '2024-03-04')).toBe(0);
  });
});

describe('coverage and data validation', () => {
  it.each([
    ['2027-01-04', /No official holiday calendar for 2027 .*2015, 2016, 2017, .* 2025, 2026/],
    ['2014-12-31', /No official holiday calendar for 2014/],
    ['2024-02-30', /not a real YYYY-MM-DD date/],
    ['2024-2-3', /not a real YYYY-MM-DD date/],
  ])('refuses %s', (date, message) => {
    expect(() => isWorkingDay(date)).toThrow(CalendarRangeError);
    expect(() => isWorkingDay(date)).toThrow(message);
  });

  it('refuses to walk past the covered years instead of guessing weekends-only', () => {
    expect(() => addWorkingDays('2026-12-28', 7)).toThrow(/No official holiday calendar for 2027/);
    expect(() => workingDaysBetween('2026-12-01', '2027-01-10')).toThrow(CalendarRangeError);
    expect(() => addWorkingDays('2024-03-01', -1)).toThrow(RangeError);
  });

  it('covers 2015–2026 and names its source', () => {
    expect([...bundledCalendar().years].sort()).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(bundledCalendar().source).toMatch(/chinese-days@/);
  });

  it('takes an operator-supplied year or correction without a code change', () => {
    const years = { ...bundled.years, '2027': { holidays: ['2027-01-01'], workdays: ['2027-01-02'] } };
    const calendar = loadCalendar({ ...bundled, years });
    expect(isWorkingDay('2027-01-01', calendar)).toBe(false);
    expect(isWorkingDay('2027-01-02', calendar)).toBe(true); // a Saturday declared a working day
    expect(addWorkingDays('2026-12-28', 7, calendar)).toBe('2027-01-06');
  });

  it.each([
    ['a make-up day on a weekday', { holidays: ['2027-01-01'], workdays: ['2027-01-04'] }, /is a weekday/],
    ['a date outside its year', { holidays: ['2028-01-01'], workdays: [] }, /is not in 2027/],
    ['a day both off and on', { holidays: ['2027-01-01', '2027-01-02'], workdays: ['2027-01-02'] }, /both/],
    ['a year with no holidays', { holidays: [], workdays: [] }, /notice is missing/],
    ['an impossible date', { holidays: ['2027-02-29'], workdays: [] }, /not a real/],
  ])('rejects calendar data with %s', (_label, year, message) => {
    expect(() => loadCalendar({ source: 'test', years: { '2027': year } })).toThrow(message);
  });
});

describe('properties', () => {
  // Start dates from 2015-01-01 to mid-November 2026, so 30 working days stay inside the data.
  const start = fc.integer({ min: 0, max: 4336 }).map((d) => new Date(Date.UTC(2015, 0, 1 + d)).toISOString().slice(0, 10));
  const n = fc.integer({ min: 1, max: 30 });

  it('the due date is a later working day, exactly n working days on', () => {
    fc.assert(
      fc.property(start, n, (d, k) => {
        const due = addWorkingDays(d, k);
        expect(isWorkingDay(due)).toBe(true);
        expect(due > d).toBe(true);
        expect(workingDaysBetween(d, due)).toBe(k);
        expect(workingDaysBetween(due, d)).toBe(-k);
      }),
    );
  });

  it('adding 1 n times equals adding n', () => {
    fc.assert(
      fc.property(start, n, (d, k) => {
        let stepped = d;
        for (let i = 0; i < k; i++) stepped = addWorkingDays(stepped, 1);
        expect(stepped).toBe(addWorkingDays(d, k));
      }),
    );
  });
});

describe('the indexed count equals a day-by-day count', () => {
  const day = fc.integer({ min: 0, max: 4382 }).map((d) => new Date(Date.UTC(2015, 0, 1 + d)).toISOString().slice(0, 10));
  const naive = (from: string, to: string) => {
    let count = 0;
    for (let t = Date.parse(from) + 86_400_000; t <= Date.parse(to); t += 86_400_000) if (isWorkingDay(new Date(t).toISOString().slice(0, 10))) count++;
    return count;
  };
  it('for any two dates of the covered years', () => {
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        expect(workingDaysBetween(from, to)).toBe(naive(from, to));
      }),
      { numRuns: 200 },
    );
  });
});
