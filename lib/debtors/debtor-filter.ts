// The debtors list's filter as a query string carries it: a minimum overdue debt (whole roubles),
// a minimum age (days since the oldest unpaid due date), a settlement and the page. One parser for
// the page, its links, the export and the tests.
import { createParser } from 'nuqs/server';
import { listParams, pageNumber, searchText } from '@/lib/http/list-params';

export interface DebtorFilter {
  /** Overdue debt above this many kopecks (0: any overdue debt). */
  minDebtKopecks: number;
  /** At least this many days overdue (0: any age). */
  minDays: number;
  /** Exactly a settlement of the accounts registry; undefined: all. */
  settlement?: string;
}

export const DEBTORS_PAGE_SIZE = 50;

/**
 * A positive whole number from a form field of at most `length` characters (spaces and a decimal
 * comma tolerated, the fraction dropped), capped at `max`; anything else reads as 0, «no limit».
 */
function wholeNumber(length: number, max: number) {
  return createParser({
    parse: (value) => {
      const parsed = Number(
        value
          .trim()
          .slice(0, length)
          .replace(/[\s\u00a0]/g, '')
          .replace(',', '.'),
      );
      return Number.isFinite(parsed) && parsed >= 1 ? Math.min(Math.floor(parsed), max) : null;
    },
    serialize: String,
  }).withDefault(0);
}

/** The debtors page's query string; `min` is in whole roubles, as the staff member types it. */
export const debtorsListParams = listParams('/admin/debtors', {
  min: wholeNumber(12, 100_000_000),
  days: wholeNumber(5, 36_500),
  settlement: searchText(100),
  page: pageNumber,
});

/** The filter the parsed query string asks for. */
export function debtorFilterOf(params: { min: number; days: number; settlement: string | null }): DebtorFilter {
  return { minDebtKopecks: params.min * 100, minDays: params.days, settlement: params.settlement ?? undefined };
}

/** Reads a filter from a query string, dropping what is not well-formed. */
export function parseDebtorFilter(params: URL | URLSearchParams | Record<string, string | undefined>): DebtorFilter {
  return debtorFilterOf(debtorsListParams.parse(params));
}
