// When a meter's state verification (поверка) is due, as the subscriber and staff should see it.
// Pure (no database, no `server-only`): `now` is a parameter, days are Moscow calendar days.
import { formatDate, moscowDay } from '@/lib/format/dates';

/**
 * `soon`: due within the next 3 calendar months (today included); `overdue`: the due day has passed;
 * `unknown`: no due date recorded (staff may confirm a meter without one).
 */
export type VerificationFlag = 'ok' | 'soon' | 'overdue' | 'unknown';

/** «warn when it is within 3 months or past». */
const VERIFICATION_WARNING_MONTHS = 3;

export interface VerificationStatus {
  flag: VerificationFlag;
  /** Moscow days from today to the due day: 0 on the day itself, negative once overdue; null without a date. */
  daysLeft: number | null;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function parseDay(day: string): { y: number; m: number; d: number } {
  const match = DAY.exec(day);
  if (!match) throw new RangeError(`Not a day (YYYY-MM-DD): ${day}`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
    throw new RangeError(`Not a calendar day: ${day}`);
  }
  return { y, m, d };
}

function dayNumber(day: string): number {
  const { y, m, d } = parseDay(day);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

/**
 * `2026-11-30` + 3 months → `2027-02-28`: the same day of the month, or the month's last day when
 * it has no such day (the calendar meaning of «через 3 месяца»).
 */
export function addCalendarMonths(day: string, months: number): string {
  if (!Number.isInteger(months)) throw new RangeError(`Months must be whole: ${months}`);
  const { y, m, d } = parseDay(day);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12; // 0-based
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** Where a verification due date stands on the Moscow day of `now`. */
export function verificationStatus(due: string | null, now: Date): VerificationStatus {
  if (Number.isNaN(now.getTime())) throw new RangeError('Invalid date');
  if (due === null) return { flag: 'unknown', daysLeft: null };
  const today = moscowDay(now);
  const daysLeft = dayNumber(due) - dayNumber(today);
  if (daysLeft < 0) return { flag: 'overdue', daysLeft };
  if (due <= addCalendarMonths(today, VERIFICATION_WARNING_MONTHS)) return { flag: 'soon', daysLeft };
  return { flag: 'ok', daysLeft };
}

export function verificationFlag(due: string | null, now: Date): VerificationFlag {
  return verificationStatus(due, now).flag;
}

/** 1 день, 2 дня, 5 дней, 11 дней, 21 день. */
export function daysWord(n: number): string {
  const abs = Math.abs(n);
  const mod10 = abs % 10;
  const mod100 = abs % 100;
  if (mod10 === 1 && mod100 !== 11) return 'день';
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return 'дня';
  return 'дней';
}

/**
 * The warning for the subscriber (Russian), or null when there is nothing to warn about.
 * ПП РФ № 354, п. 81(12): once the verification interval has passed the meter counts as out of order,
 * and the volume is billed by the average and then by the norm, as without readings.
 */
export function verificationWarning(due: string | null, status: VerificationStatus): string | null {
  if (due === null || status.daysLeft === null) return null;
  if (status.flag === 'overdue') {
    return (
      `Поверка просрочена с ${formatDate(due)} — обратитесь в сетевую организацию, чтобы поверить или заменить счётчик. ` +
      'Пока поверка не пройдена, показания этого счётчика не принимаются к расчёту: объём начисляют по среднему, затем по нормативу.'
    );
  }
  if (status.flag === 'soon') {
    const when =
      status.daysLeft === 0
        ? 'Срок поверки — сегодня'
        : `Поверка через ${status.daysLeft} ${daysWord(status.daysLeft)}`;
    return (
      `${when} (${formatDate(due)}). Закажите поверку заранее: после этой даты показания счётчика не принимаются к расчёту, ` +
      'и объём будут начислять по среднему, затем по нормативу.'
    );
  }
  return null;
}
