import { addWorkingDays, CalendarRangeError, workingDaysBetween, type WorkCalendar } from '../../lib/working-days.js';
import { chinaDate } from '../../lib/validity.js';

/** Publication deadlines in working days after the decision (国办发〔2018〕118号; docs/deadlines-and-calendar.md#publication-deadlines). */
export const PUBLICATION_DAYS = { penalty: 7, licence: 7, enforcement_action: 20 } as const;
/** 行政处罚法 art. 48 ¶2 with art. 85: withdraw within 3 working days. */
export const WITHDRAWAL_DAYS = 3;

/**
 * The calendar extended, weekends only, to years its official data does not cover yet (a December
 * decision's deadline in a year whose notice is not out). Results computed with it are marked provisional.
 * Every year from the first date to the last is filled, not only the years of the dates themselves: a count
 * from a decision to a publication two years on crosses the year between.
 */
function provisional(calendar: WorkCalendar, dates: string[]): { calendar: WorkCalendar; provisional: boolean } {
  const years = dates.map((d) => Number(d.slice(0, 4)));
  const last = Math.max(...years);
  const missing: number[] = [];
  for (let year = Math.min(...years); year <= last; year++) if (!calendar.years.has(year)) missing.push(year);
  if (missing.length === 0) return { calendar, provisional: false };
  // A due date can run into the year after the last date given.
  return { calendar: extended(calendar, new Set([...calendar.years, ...missing, last + 1])), provisional: true };
}

// One extended calendar per base and year set, so its day index (src/lib/working-days.ts) is built once.
const extensions = new WeakMap<WorkCalendar, Map<string, WorkCalendar>>();
function extended(calendar: WorkCalendar, years: Set<number>): WorkCalendar {
  const key = [...years].sort((a, b) => a - b).join(',');
  let byYears = extensions.get(calendar);
  if (!byYears) extensions.set(calendar, (byYears = new Map()));
  let cal = byYears.get(key);
  if (!cal) byYears.set(key, (cal = { ...calendar, years }));
  return cal;
}

export interface Deadline {
  dueDate: string;
  /** Done after the due date (a weekend day after it included). */
  late: boolean;
  /** Working days after the due date up to and including the day it was done; 0 when on time. */
  workingDaysLate: number;
  calendarProvisional: boolean;
}

/** The due date `days` working days after `from` (not counted), and how late `doneAt` was against it. */
export function deadline(from: string, days: number, doneAt: Date, calendar: WorkCalendar): Deadline {
  const doneOn = chinaDate(doneAt);
  const first = provisional(calendar, [from, doneOn]);
  let cal = first.calendar;
  let ranPast = false;
  let dueDate: string;
  try {
    dueDate = addWorkingDays(from, days, cal);
  } catch (err) {
    // The walk ran past the data (a late-December decision, next year's notice not out): it throws
    // rather than returning a date to check, so extend to the next year and count weekends only there.
    if (!(err instanceof CalendarRangeError)) throw err;
    cal = provisional(cal, [`${Number(from.slice(0, 4)) + 1}-01-01`]).calendar;
    ranPast = true;
    dueDate = addWorkingDays(from, days, cal);
  }
  const late = doneOn > dueDate ? workingDaysBetween(dueDate, doneOn, cal) : 0;
  return { dueDate, late: doneOn > dueDate, workingDaysLate: late, calendarProvisional: first.provisional || ranPast };
}

/** Timeliness of a first publication, judged on the claimed date of a migrated record when there is one. */
export function publicationTimeliness(decisionDate: string, days: number, publishedAt: Date, claimedPublishedAt: Date | null, calendar: WorkCalendar) {
  const d = deadline(decisionDate, days, claimedPublishedAt ?? publishedAt, calendar);
  return {
    dueDate: d.dueDate,
    workingDaysLate: d.workingDaysLate,
    late: d.late,
    calendarProvisional: d.calendarProvisional,
  };
}
