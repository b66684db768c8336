import { z } from 'zod';

// Calendar values as forms and query strings carry them: a day `YYYY-MM-DD` (`<input type="date">`),
// a month `YYYY-MM` (`<input type="month">`) and a billing period `YYYY-MM-01`. Each is checked once
// here: the shape, that the day exists, and that the year is one the portal can hold — PostgreSQL
// has no year 0, and «0202» or «9999» is a slip of the keyboard that would otherwise reach SQL.

/** Dates in documents (benefits, meter checks, acts) may go back a long way, not before this year. */
const FIRST_DAY_YEAR = 1900;
/** Billing started this century; a period before it is a typo. */
const FIRST_PERIOD_YEAR = 2000;
const LAST_YEAR = 2099;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])-01$/;

const yearInRange = (year: string, first: number) => Number(year) >= first && Number(year) <= LAST_YEAR;

/** `2026-02-30` is not a day; `1899-12-31` and `2100-01-01` are outside what the portal keeps. */
export function isCalendarDay(text: string): boolean {
  const match = DAY.exec(text);
  if (!match || !yearInRange(match[1]!, FIRST_DAY_YEAR)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

export function isCalendarMonth(text: string): boolean {
  const match = MONTH.exec(text);
  return match !== null && yearInRange(match[1]!, FIRST_PERIOD_YEAR);
}

export function isBillingPeriod(text: string): boolean {
  const match = PERIOD.exec(text);
  return match !== null && yearInRange(match[1]!, FIRST_PERIOD_YEAR);
}

/** A day field; `invalid` is what to say when the shape is right but the day does not exist. */
export function dayField(message: string, invalid = message) {
  return z.string({ error: message }).regex(DAY, message).refine(isCalendarDay, { message: invalid });
}

/** A month field (`YYYY-MM`). */
export function monthField(message: string) {
  return z.string({ error: message }).refine(isCalendarMonth, { message });
}

/** A billing period (`YYYY-MM-01`). */
export function periodField(message: string) {
  return z.string({ error: message }).refine(isBillingPeriod, { message });
}
