// Working-day arithmetic on Moscow calendar days ('YYYY-MM-DD'). Pure: the production calendar's
// exceptions come in as data (lib/calendar/work-calendar.ts reads them from the database).
//
// A deadline of «N working days from the event» ends with the N-th working day after the event's
// day: the day of the event itself does not count (ст. 191 ГК РФ: a period starts the next day).

export interface WorkCalendar {
  /** Weekdays that are not worked (holidays, days moved). */
  offDays: ReadonlySet<string>;
  /** Saturdays and Sundays that are worked (days moved). */
  workedWeekends: ReadonlySet<string>;
}

export const PLAIN_WEEK: WorkCalendar = { offDays: new Set(), workedWeekends: new Set() };

const DAY_MS = 86_400_000;

function toUtc(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addCalendarDays(day: string, days: number): string {
  return fromUtc(toUtc(day) + days * DAY_MS);
}

/** The same day `months` later; the month's last day when it is shorter (31 January + 1 → 28/29 February). */
export function addCalendarMonths(day: string, months: number): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7)) - 1 + months;
  const d = Number(day.slice(8, 10));
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return fromUtc(Date.UTC(y, m, Math.min(d, last)));
}

export function isWorkingDay(day: string, calendar: WorkCalendar): boolean {
  if (calendar.offDays.has(day)) return false;
  if (calendar.workedWeekends.has(day)) return true;
  const weekday = new Date(toUtc(day)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The `n`-th working day after `day` (n ≥ 1). */
export function addWorkingDays(day: string, n: number, calendar: WorkCalendar): string {
  if (!Number.isInteger(n) || n < 1) throw new Error(`addWorkingDays: n must be a positive integer, got ${n}`);
  let current = day;
  let left = n;
  while (left > 0) {
    current = addCalendarDays(current, 1);
    if (isWorkingDay(current, calendar)) left -= 1;
  }
  return current;
}

/** Working days in (from, to]: 0 when `to` is not after `from`. */
export function workingDaysBetween(from: string, to: string, calendar: WorkCalendar): number {
  let count = 0;
  for (let day = addCalendarDays(from, 1); day <= to; day = addCalendarDays(day, 1)) {
    if (isWorkingDay(day, calendar)) count += 1;
  }
  return count;
}

/** Calendar days in (from, to]; negative when `to` is before `from`. */
export function calendarDaysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}
