// Whether each bill is paid, read from the ledger (the rule itself: ./status.ts). No session here:
// callers scope the accounts (lib/bills/queries.ts by the session, the guest payment by what the
// payer typed).
import 'server-only';
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { accounts, bills, ledgerEntries } from '@/db/schema';
import { moscowDay } from '@/lib/format/dates';
import { type BillStanding, billStandings } from './status';

export interface BillSummary extends BillStanding {
  id: string;
  accountId: string;
  accountNumber: string;
  /** Billing period `YYYY-MM-01`. */
  period: string;
  receiptNumber: string;
  /** ИПД of ГИС ЖКХ, when it is known. */
  ipd: string | null;
  amountKopecks: number;
  /** `YYYY-MM-DD`. */
  dueDate: string;
  issuedAt: Date;
}

/** Ledger sums per account, entries posted up to `now`. */
async function balancesAt(accountIds: readonly string[], now: Date): Promise<Map<string, number>> {
  const result = new Map<string, number>(accountIds.map((id) => [id, 0]));
  if (accountIds.length === 0) return result;
  const rows = await db()
    .select({
      accountId: ledgerEntries.accountId,
      balance: sql<number>`coalesce(sum(${ledgerEntries.amountKopecks}), 0)::bigint`.mapWith(Number),
    })
    .from(ledgerEntries)
    .where(and(inArray(ledgerEntries.accountId, [...accountIds]), lte(ledgerEntries.postedAt, now)))
    .groupBy(ledgerEntries.accountId);
  for (const row of rows) result.set(row.accountId, row.balance);
  return result;
}

/** A bill as read, before its standing is worked out. */
type BillRow = Omit<BillSummary, keyof BillStanding>;

const billColumns = {
  id: bills.id,
  accountId: bills.accountId,
  accountNumber: accounts.number,
  period: bills.period,
  receiptNumber: bills.receiptNumber,
  ipd: bills.ipd,
  amountKopecks: bills.amountKopecks,
  dueDate: bills.dueDate,
  issuedAt: bills.issuedAt,
};

/** Bills of the given accounts, newest first, each with its standing, and the balances. Two queries. */
export async function billsWithStanding(
  accountIds: readonly string[],
  now: Date,
): Promise<{ bills: BillSummary[]; balances: Map<string, number> }> {
  if (accountIds.length === 0) return { bills: [], balances: new Map() };
  const [rows, balances] = await Promise.all([
    db()
      .select(billColumns)
      .from(bills)
      .innerJoin(accounts, eq(accounts.id, bills.accountId))
      .where(inArray(bills.accountId, [...accountIds]))
      .orderBy(desc(bills.period), asc(accounts.number)),
    balancesAt(accountIds, now),
  ]);
  const today = moscowDay(now);
  const byAccount = new Map<string, BillRow[]>();
  for (const row of rows) byAccount.set(row.accountId, [...(byAccount.get(row.accountId) ?? []), row]);
  const standings = new Map<string, BillStanding>();
  for (const [accountId, accountBills] of byAccount) {
    for (const [id, standing] of billStandings(accountBills, balances.get(accountId) ?? 0, today))
      standings.set(id, standing);
  }
  return { bills: rows.map((row) => ({ ...row, ...standings.get(row.id)! })), balances };
}

/**
 * What is still owed on one bill of an account, by the same rule as the bill list (no session
 * check: the caller has found the bill by something the payer holds, e.g. its ИПД).
 */
export async function billOutstandingKopecks(
  accountId: string,
  billId: string,
  now: Date = new Date(),
): Promise<number> {
  const { bills: accountBills } = await billsWithStanding([accountId], now);
  return accountBills.find((b) => b.id === billId)?.outstandingKopecks ?? 0;
}
