// The monthly reading submission window and the billing-period arithmetic the reading rules share.
// Pure: `now` is always a parameter, so client components can show the same answer instantly.
import { isBillingPeriod } from '@/lib/validation/calendar';
import { formatDate, formatPeriod, moscowDay } from '@/lib/format/dates';

/** Days of the month (Moscow time, both inclusive) when readings for that month's period are taken. */
export type ReadingWindow = { fromDay: number; toDay: number };

/** ПП РФ № 354, п. 31, 34: readings are taken up to the 25th; the utility publishes the 15th–25th. */
export const DEFAULT_READING_WINDOW: Readonly<ReadingWindow> = { fromDay: 15, toDay: 25 };

export type ReadingWindowStatus = {
  /** The billing period (`YYYY-MM-01`) a reading submitted now is accepted for. */
  period: string;
  /** Today (Moscow) is inside the window of the current month. */
  open: boolean;
  /** The window of `period`, Moscow days `YYYY-MM-DD`. */
  opensOn: string;
  closesOn: string;
  /** The window of the current month has already closed, so the reading moves to the next month's period. */
  nextPeriod: boolean;
  /** What to tell the subscriber before they submit (Russian), or null inside the window. */
  notice: string | null;
};

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])-01$/;

export function assertPeriod(value: string): void {
  if (!isBillingPeriod(value)) throw new RangeError(`Not a billing period (YYYY-MM-01): ${value}`);
}

/** `2026-12-01` + 1 → `2027-01-01`; negative steps go back. */
export function shiftPeriod(period: string, months: number): string {
  const match = PERIOD.exec(period);
  if (!match) throw new RangeError(`Not a billing period (YYYY-MM-01): ${period}`);
  if (!Number.isInteger(months)) throw new RangeError(`Months must be whole: ${months}`);
  const index = Number(match[1]) * 12 + (Number(match[2]) - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
}

/** Whole months from `from` to `to` (positive when `to` is later). */
export function periodsBetween(from: string, to: string): number {
  const a = PERIOD.exec(from);
  const b = PERIOD.exec(to);
  if (!a) throw new RangeError(`Not a billing period (YYYY-MM-01): ${from}`);
  if (!b) throw new RangeError(`Not a billing period (YYYY-MM-01): ${to}`);
  return (Number(b[1]) - Number(a[1])) * 12 + (Number(b[2]) - Number(a[2]));
}

// Same bounds as the `utility_profile_reading_window` check: every month has a 28th, so a window never
// needs clamping to the month's length.
function assertWindow(window: ReadingWindow): void {
  const { fromDay, toDay } = window;
  if (!Number.isInteger(fromDay) || !Number.isInteger(toDay) || fromDay < 1 || toDay > 28 || fromDay > toDay) {
    throw new RangeError(`Reading window must be days 1–28 with fromDay ≤ toDay, got ${fromDay}–${toDay}`);
  }
}

function dayOf(period: string, day: number): string {
  return `${period.slice(0, 8)}${String(day).padStart(2, '0')}`;
}

/**
 * Which period a reading submitted at `now` counts for, and whether the window is open.
 *
 * ПП РФ № 354, п. 31, 34: a reading taken by the end of the window counts for the current month; a
 * later one is used in the next billing period. The issue's «outside the window → the next period»
 * is read as «the next period whose window has not closed yet», which gives three cases in month M
 * (Moscow calendar):
 * - fromDay ≤ day ≤ toDay: open, period M;
 * - day > toDay: M's window has closed, period M + 1 (`nextPeriod`), December → January of the next year;
 * - day < fromDay: the window of M is still ahead and M−1's closed last month, so the reading counts for
 *   M, not M + 1. Sending it to M + 1 would leave M without a reading and bill it by estimate although
 *   the subscriber did submit — the most surprising outcome. The reading is accepted (a resubmission
 *   inside the window replaces it) and `notice` says when the window opens.
 */
export function readingWindowStatus(now: Date, window: ReadingWindow): ReadingWindowStatus {
  assertWindow(window);
  if (Number.isNaN(now.getTime())) throw new RangeError('Invalid date');
  const today = moscowDay(now);
  const current = `${today.slice(0, 7)}-01`;
  const day = Number(today.slice(8, 10));

  const nextPeriod = day > window.toDay;
  const period = nextPeriod ? shiftPeriod(current, 1) : current;
  const open = !nextPeriod && day >= window.fromDay;
  const opensOn = dayOf(period, window.fromDay);
  const closesOn = dayOf(period, window.toDay);

  let notice: string | null = null;
  if (nextPeriod) {
    notice =
      `Приём показаний за ${formatPeriod(current)} завершился ${formatDate(dayOf(current, window.toDay))}. ` +
      `Показание будет учтено за ${formatPeriod(period)}.`;
  } else if (!open) {
    notice =
      `Приём показаний за ${formatPeriod(period)} — с ${formatDate(opensOn)} по ${formatDate(closesOn)}. ` +
      `Показание, переданное сейчас, будет учтено за ${formatPeriod(period)}; до ${formatDate(closesOn)} его можно заменить.`;
  }
  return { period, open, opensOn, closesOn, nextPeriod, notice };
}

/**
 * The Moscow day the reminder job e-mails subscribers who have not submitted for `period`: two days
 * before the window closes, so there are still three days left including the closing day. A window
 * shorter than that gets the reminder on its opening day instead: a reminder dated before the
 * published window would contradict the dates it quotes.
 */
export function reminderDueDate(period: string, window: ReadingWindow): string {
  assertPeriod(period);
  assertWindow(window);
  return dayOf(period, Math.max(window.fromDay, window.toDay - 2));
}
