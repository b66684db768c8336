// The debtors list's filter as a query string carries it: a minimum overdue debt (whole roubles),
// a minimum age (days since the oldest unpaid due date), a settlement and the page. Pure: the page,
// the export and the tests read the same parameters the same way.

export interface DebtorFilter {
  /** Overdue debt above this many kopecks (0: any overdue debt). */
  minDebtKopecks: number;
  /** At least this many days overdue (0: any age). */
  minDays: number;
  /** Exactly a settlement of the accounts registry; undefined: all. */
  settlement?: string;
}

export const DEBTORS_PAGE_SIZE = 50;

type Params = Record<string, string | string[] | undefined>;

function one(params: Params, key: string, max: number): string | undefined {
  const value = params[key];
  return typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : undefined;
}

/** A non-negative whole number from a form field (spaces and a decimal comma tolerated), or 0. */
function wholeNumber(value: string | undefined, max: number): number {
  if (!value) return 0;
  const parsed = Number(value.replace(/[\s\u00a0]/g, '').replace(',', '.'));
  return Number.isFinite(parsed) && parsed > 0 ? Math.min(Math.floor(parsed), max) : 0;
}

/** Reads a filter from a query string, dropping what is not well-formed. */
export function parseDebtorFilter(params: Params): DebtorFilter {
  return {
    minDebtKopecks: wholeNumber(one(params, 'min', 12), 100_000_000) * 100,
    minDays: wholeNumber(one(params, 'days', 5), 36_500),
    settlement: one(params, 'settlement', 100),
  };
}

/** The page number (1-based) from the query string. */
export function parseDebtorPage(params: Params): number {
  return Math.max(wholeNumber(one(params, 'page', 6), 100_000), 1);
}

/** The filter back as query parameters (for links: the export, the next page). */
export function debtorFilterQuery(filter: DebtorFilter): URLSearchParams {
  const query = new URLSearchParams();
  if (filter.minDebtKopecks > 0) query.set('min', String(filter.minDebtKopecks / 100));
  if (filter.minDays > 0) query.set('days', String(filter.minDays));
  if (filter.settlement) query.set('settlement', filter.settlement);
  return query;
}
