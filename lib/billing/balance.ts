// Balance and «к оплате» from the append-only ledger: the sum of an account's entries in kopecks,
// positive when the subscriber owes (charges, penalties, refunds), negative when they paid ahead.
// Nothing is stored beside the ledger, so the balance can never disagree with it.
import 'server-only';
import { eq, inArray, sql } from 'drizzle-orm';
import { db, type Db, type Tx } from '@/db/client';
import { ledgerEntries } from '@/db/schema';

const ledgerSum = sql<number>`coalesce(sum(${ledgerEntries.amountKopecks}), 0)::bigint`.mapWith(Number);

/** The account's balance in kopecks (0 without entries). */
export async function accountBalance(accountId: string): Promise<number> {
  const [row] = await db()
    .select({ balance: ledgerSum })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.accountId, accountId));
  return row?.balance ?? 0;
}

/** Balances of many accounts in one query; every requested account is in the map (0 without entries). */
export async function balances(accountIds: readonly string[], executor: Db | Tx = db()): Promise<Map<string, number>> {
  const result = new Map<string, number>(accountIds.map((id) => [id, 0]));
  if (accountIds.length === 0) return result;
  const rows = await executor
    .select({ accountId: ledgerEntries.accountId, balance: ledgerSum })
    .from(ledgerEntries)
    .where(inArray(ledgerEntries.accountId, [...new Set(accountIds)]))
    .groupBy(ledgerEntries.accountId);
  for (const row of rows) result.set(row.accountId, row.balance);
  return result;
}

/** «К оплате»: what the subscriber owes now; an advance (negative balance) means nothing to pay. */
export function amountDue(balanceKopecks: number): number {
  if (!Number.isSafeInteger(balanceKopecks)) throw new RangeError('Balance must be whole kopecks');
  return Math.max(balanceKopecks, 0);
}
