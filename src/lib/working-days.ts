/**
 * Working days on the Chinese official calendar: weekends and statutory holidays are off, and the 调休 make-up
 * days (a Saturday or Sunday declared a working day) are on. Dates are ISO calendar dates ('2024-02-18'),
 * never Date objects, so no timezone can shift a day.
 *
 * The data is src/data/calendar-cn.json, one entry per year, taken from that year's State Council notice
 * (国务院办公厅关于YYYY年部分节假日安排的通知):
 *   { "source": "...", "years": { "2024": { "holidays": ["2024-01-01", ...], "workdays": ["2024-02-04", ...] } } }
 * holidays = every day off (休) of the year, weekends inside a holiday block included; workdays = the 调休 make-up
 * days (班), which must fall on a Saturday or Sunday. A date belongs to the year it is in (2023's 元旦 block lists
 * 2022-12-31 under "2022"). To add a year, add its entry (or run `npm run calendar`); dates in a year that is not
 * in the file are refused, never guessed as weekends-only.
 */
import { z } from 'zod';
import bundled from '../data/calendar-cn.json' with { type: 'json' };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for an ISO date, or null if it is not a real calendar date. UTC has no DST. */
function dayNumber(date: string): number | null {
  const m = ISO_DATE.exec(date);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().slice(0, 10) === date ? ms / DAY_MS : null;
}
const fromDayNumber = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
const weekday = (n: number) => (((n + 4) % 7) + 7) % 7;
const isWeekend = (n: number) => weekday(n) === 0 || weekday(n) === 6;

const IsoDate = z.string().refine((s) => dayNumber(s) !== null, { message: 'not a real YYYY-MM-DD date' });
const Year = z
  .object({ holidays: z.array(IsoDate).min(1, 'a year without holidays means its notice is missing'), workdays: z.array(IsoDate) })
  .strict();

export const CalendarDataSchema = z
  .object({ source: z.string().min(1), years: z.record(z.string().regex(/^\d{4}$/), Year) })
  .strict()
  .superRefine((cal, ctx) => {
    for (const [year, { holidays, workdays }] of Object.entries(cal.years)) {
      const off = new Set(holidays);
      const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path: ['years', year, ...path], message });
      holidays.forEach((d, i) => d.startsWith(`${year}-`) || issue(['holidays', i], `${d} is not in ${year}`));
      workdays.forEach((d, i) => {
        if (!d.startsWith(`${year}-`)) issue(['workdays', i], `${d} is not in ${year}`);
        else if (off.has(d)) issue(['workdays', i], `${d} is listed both as a holiday and as a make-up working day`);
        else if (!isWeekend(dayNumber(d)!)) issue(['workdays', i], `${d} is a weekday: make-up working days fall on a Saturday or Sunday`);
      });
    }
  });
export type CalendarData = z.infer<typeof CalendarDataSchema>;

export interface WorkCalendar {
  readonly source: string;
  readonly years: ReadonlySet<number>;
  readonly holidays: ReadonlySet<string>;
  readonly workdays: ReadonlySet<string>;
}

/** Thrown for a date the calendar data does not cover, or that is not a date at all. */
export class CalendarRangeError extends RangeError {
  override name = 'CalendarRangeError';
}

/** Validates calendar JSON (throws a ZodError naming every bad entry) and indexes it. */
export function loadCalendar(data: unknown): WorkCalendar {
  const cal = CalendarDataSchema.parse(data);
  const years = Object.values(cal.years);
  return {
    source: cal.source,
    years: new Set(Object.keys(cal.years).map(Number)),
    holidays: new Set(years.flatMap((y) => y.holidays)),
    workdays: new Set(years.flatMap((y) => y.workdays)),
  };
}

let defaultCalendar: WorkCalendar | undefined;
/** The bundled src/data/calendar-cn.json, validated once on first use. */
export function bundledCalendar(): WorkCalendar {
  return (defaultCalendar ??= loadCalendar(bundled));
}

function covered(date: string, calendar: WorkCalendar): number {
  const n = dayNumber(date);
  if (n === null) throw new CalendarRangeError(`${JSON.stringify(date)} is not a real YYYY-MM-DD date`);
  const year = Number(date.slice(0, 4));
  if (!calendar.years.has(year)) {
    const have = [...calendar.years].sort((a, b) => a - b);
    throw new CalendarRangeError(
      `No official holiday calendar for ${year} (the data covers ${have.join(', ') || 'no year'}): ` +
        `add ${year} from the State Council notice to src/data/calendar-cn.json`,
    );
  }
  return n;
}

function working(n: number, date: string, calendar: WorkCalendar): boolean {
  if (calendar.workdays.has(date)) return true;
  return !isWeekend(n) && !calendar.holidays.has(date);
}

export function isWorkingDay(date: string, calendar: WorkCalendar = bundledCalendar()): boolean {
  return working(covered(date, calendar), date, calendar);
}

/**
 * Per-calendar index: one flag per day of the covered years and the running count of working days, so a
 * count over years of dates is two lookups instead of a walk (bulk ingest computes lateness per record).
 */
interface DayIndex {
  first: number;
  /** 1 = working, 0 = off, 2 = a day of a year the data does not cover. */
  kind: Uint8Array;
  /** working[i] = working days among the first i days of the span. */
  working: Int32Array;
}
const indexes = new WeakMap<WorkCalendar, DayIndex>();

function indexOf(calendar: WorkCalendar): DayIndex {
  let index = indexes.get(calendar);
  if (index) return index;
  const years = [...calendar.years].sort((a, b) => a - b);
  const first = years.length ? Date.UTC(years[0]!, 0, 1) / DAY_MS : 0;
  const last = years.length ? Date.UTC(years[years.length - 1]!, 11, 31) / DAY_MS : -1;
  const kind = new Uint8Array(Math.max(0, last - first + 1));
  const workingCount = new Int32Array(kind.length + 1);
  for (let i = 0; i < kind.length; i++) {
    const date = fromDayNumber(first + i);
    kind[i] = !calendar.years.has(Number(date.slice(0, 4))) ? 2 : working(first + i, date, calendar) ? 1 : 0;
    workingCount[i + 1] = workingCount[i]! + (kind[i] === 1 ? 1 : 0);
  }
  index = { first, kind, working: workingCount };
  indexes.set(calendar, index);
  return index;
}

/** The n-th working day after start; start itself is not counted, whatever it is (n = 0 gives start). */
export function addWorkingDays(start: string, n: number, calendar: WorkCalendar = bundledCalendar()): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working-day count must be a non-negative integer, got ${n}`);
  let day = covered(start, calendar);
  const index = indexOf(calendar);
  for (let left = n; left > 0; ) {
    day++;
    const kind = index.kind[day - index.first];
    // Past the index or into an uncovered year: let covered() name the year that is missing.
    if (kind === undefined || kind === 2) covered(fromDayNumber(day), calendar);
    if (kind === 1) left--;
  }
  return fromDayNumber(day);
}

/**
 * Working days d with from < d <= to: so workingDaysBetween(start, addWorkingDays(start, n)) === n, and the
 * days late of a publication is workingDaysBetween(dueDate, publishedOn) when positive. Negative if to < from.
 */
export function workingDaysBetween(from: string, to: string, calendar: WorkCalendar = bundledCalendar()): number {
  const a = covered(from, calendar);
  const b = covered(to, calendar);
  if (b < a) return -workingDaysBetween(to, from, calendar);
  // Every year crossed must be covered, as for the ends.
  for (let year = Number(from.slice(0, 4)) + 1; year < Number(to.slice(0, 4)); year++) covered(`${year}-01-01`, calendar);
  const index = indexOf(calendar);
  return index.working[b - index.first + 1]! - index.working[a - index.first + 1]!;
}
