// Whether a bill is paid, from the ledger alone (nothing is stored beside it). Pure.
//
// The rule: money paid goes to the OLDEST bills first, so whatever the account still owes is the
// tail of its newest bills. Take the account's balance now (the sum of every ledger entry posted:
// charges, payments, refunds, adjustments, penalties; positive = owed) and lay it over the bills
// newest first. A bill the balance no longer reaches is «оплачен»; one it covers whole is «не оплачен»;
// the one it reaches partly is «оплачен частично», with what is left on it. With only charges and
// payments this is exactly «the charges up to and including this bill ≤ everything paid».
// A bill of zero or less (a recalculation in the subscriber's favour) owes nothing: «к оплате нет».
// Penalties are lines of the bill they are issued with, so they sit in that bill's place in the order.
// Consequence worth knowing: a refund on the account is owed like the newest bill, so it keeps the
// newest bill open until it is paid too.

export type BillStatus = 'paid' | 'partial' | 'unpaid' | 'nothing_due';

export interface BillStanding {
  status: BillStatus;
  /** What is still owed on this bill, kopecks (0 when paid). */
  outstandingKopecks: number;
  /** Owed and the due date has passed (Moscow calendar day). */
  overdue: boolean;
}

export const billStatusLabels: Record<BillStatus, string> = {
  paid: 'Оплачен',
  partial: 'Оплачен частично',
  unpaid: 'Не оплачен',
  nothing_due: 'К оплате нет',
};

/**
 * The standing of each of one account's bills given its balance. `today` is the Moscow calendar day
 * `YYYY-MM-DD` (lib/format/dates `moscowDay`); a bill is overdue from the day after its due date.
 */
export function billStandings(
  bills: readonly { id: string; period: string; amountKopecks: number; dueDate: string }[],
  balanceKopecks: number,
  today: string,
): Map<string, BillStanding> {
  if (!Number.isSafeInteger(balanceKopecks)) throw new RangeError('Balance must be whole kopecks');
  const result = new Map<string, BillStanding>();
  let owed = Math.max(balanceKopecks, 0);
  const newestFirst = [...bills].sort((a, b) => b.period.localeCompare(a.period) || b.dueDate.localeCompare(a.dueDate));
  for (const bill of newestFirst) {
    if (bill.amountKopecks <= 0) {
      result.set(bill.id, { status: 'nothing_due', outstandingKopecks: 0, overdue: false });
      continue;
    }
    const outstanding = Math.min(owed, bill.amountKopecks);
    owed -= outstanding;
    const status: BillStatus = outstanding === 0 ? 'paid' : outstanding === bill.amountKopecks ? 'unpaid' : 'partial';
    result.set(bill.id, { status, outstandingKopecks: outstanding, overdue: outstanding > 0 && bill.dueDate < today });
  }
  return result;
}
