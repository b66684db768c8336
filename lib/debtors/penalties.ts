import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { ledgerEntries } from '@/db/schema';

// Penalties (пени, ЖК РФ ст. 155 ч. 14) are accrued elsewhere, as ledger entries of kind
// `penalty`; here they are only read back. Nothing is computed: what the ledger holds is the fact.

/** The penalties accrued on each account, in kopecks; every requested account is in the map (0 without any). */
export async function accruedPenaltiesFromLedger(accountIds: readonly string[]): Promise<Map<string, number>> {
  const result = new Map<string, number>(accountIds.map((id) => [id, 0]));
  if (accountIds.length === 0) return result;
  const rows = await db()
    .select({
      accountId: ledgerEntries.accountId,
      kopecks: sql<number>`coalesce(sum(${ledgerEntries.amountKopecks}), 0)::float8`.mapWith(Number),
    })
    .from(ledgerEntries)
    .where(and(inArray(ledgerEntries.accountId, [...new Set(accountIds)]), eq(ledgerEntries.kind, 'penalty')))
    .groupBy(ledgerEntries.accountId);
  for (const row of rows) result.set(row.accountId, row.kopecks);
  return result;
}
