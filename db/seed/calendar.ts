// Billing-period and Moscow-time arithmetic for the seed. Periods are `YYYY-MM-01` strings;
// instants are UTC `Date`s; Moscow is UTC+3 all year (no DST since 2014).
import { moscowDay, periodOf } from '../../lib/format/dates';

const MOSCOW_OFFSET_HOURS = 3;

/** The instant of a Moscow wall-clock time on a `YYYY-MM-DD` day. */
export function moscowInstant(day: string, hours: number, minutes = 0): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, hours - MOSCOW_OFFSET_HOURS, minutes));
}

/** `2026-11-01` + n months → `YYYY-MM-01`. */
export function addMonths(period: string, n: number): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

/** The `day`-th day of the period's month, `YYYY-MM-DD`. */
export function dayOf(period: string, day: number): string {
  return `${period.slice(0, 8)}${String(day).padStart(2, '0')}`;
}

/** 1…12 */
export function monthOf(period: string): number {
  return Number(period.slice(5, 7));
}

/** `2026-10-01` → `202610` (receipt numbers, gateway references). */
export function compactPeriod(period: string): string {
  return period.slice(0, 7).replace('-', '');
}

/** The Moscow day `days` days after (or before, if negative) the instant. */
export function moscowDayPlus(now: Date, days: number): string {
  return moscowDay(new Date(now.getTime() + days * 86_400_000));
}

export interface SeedCalendar {
  now: Date;
  /** The period that contains `now` (not billed yet). */
  current: string;
  /** The 12 billed periods before `current`, oldest first. */
  billed: string[];
  /** The month before the first billed period: the meters' initial readings. */
  initial: string;
}

const BILLED_MONTHS = 12;

export function seedCalendar(now: Date): SeedCalendar {
  const current = periodOf(now);
  const billed = Array.from({ length: BILLED_MONTHS }, (_, i) => addMonths(current, i - BILLED_MONTHS));
  return { now, current, billed, initial: addMonths(current, -BILLED_MONTHS - 1) };
}
