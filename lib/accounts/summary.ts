import 'server-only';
import { and, desc, eq, gt, gte, inArray, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { accounts, bills, ledgerEntries, meters, readings } from '@/db/schema';
import type { TariffCategory, ZonePlan } from '@/lib/tariffs/zones';
import { moscowDay } from '@/lib/format/dates';
import { overdueOf } from '@/lib/billing/debt';
import { formatAccountAddress } from './list';

export interface AccountHome {
  id: string;
  number: string;
  address: string;
  tariffCategory: TariffCategory;
  zonePlans: ZonePlan[];
  residents: number;
  contractNumber: string;
  contractStart: string;
  contractEnd: string | null;
  /** Ledger sum in kopecks: positive is owed to the utility, negative is an advance. */
  balanceKopecks: number;
  /** The part of the balance past its due date (payments pay the oldest debt first); 0 when none. */
  overdueKopecks: number;
  latestBill: { id: string; period: string; amountKopecks: number; dueDate: string; receiptNumber: string } | null;
  meters: { total: number; submittedThisPeriod: number; verificationDue: (string | null)[] };
}

/**
 * The cabinet's front page per account: balance from the ledger, the latest bill, meters and
 * whether this period's readings are in. A fixed number of queries for any number of accounts.
 */
export async function accountHomes(
  accountIds: string[],
  period: string,
  today: string = moscowDay(new Date()),
): Promise<AccountHome[]> {
  if (accountIds.length === 0) return [];
  const [accountRows, balances, latestBills, meterRows, submitted, notYetDue] = await Promise.all([
    db().select().from(accounts).where(inArray(accounts.id, accountIds)).orderBy(accounts.number),
    db()
      .select({
        accountId: ledgerEntries.accountId,
        balance: sql<number>`coalesce(sum(${ledgerEntries.amountKopecks}), 0)::bigint`.mapWith(Number),
      })
      .from(ledgerEntries)
      .where(inArray(ledgerEntries.accountId, accountIds))
      .groupBy(ledgerEntries.accountId),
    db()
      .selectDistinctOn([bills.accountId], {
        accountId: bills.accountId,
        id: bills.id,
        period: bills.period,
        amountKopecks: bills.amountKopecks,
        dueDate: bills.dueDate,
        receiptNumber: bills.receiptNumber,
      })
      .from(bills)
      .where(inArray(bills.accountId, accountIds))
      .orderBy(bills.accountId, desc(bills.period)),
    db()
      .select({
        id: meters.id,
        accountId: meters.accountId,
        zonePlan: meters.zonePlan,
        verificationDue: meters.verificationDue,
      })
      .from(meters)
      .where(and(inArray(meters.accountId, accountIds), eq(meters.status, 'active'))),
    db()
      .selectDistinct({ meterId: readings.meterId })
      .from(readings)
      .innerJoin(meters, eq(meters.id, readings.meterId))
      .where(and(inArray(meters.accountId, accountIds), eq(readings.period, period), eq(readings.status, 'accepted'))),
    // Charges still within their due date: with the oldest debt paid first, what is owed beyond
    // them is overdue.
    db()
      .select({
        accountId: bills.accountId,
        kopecks: sql<number>`coalesce(sum(${bills.amountKopecks}), 0)::bigint`.mapWith(Number),
      })
      .from(bills)
      .where(and(inArray(bills.accountId, accountIds), gte(bills.dueDate, today), gt(bills.amountKopecks, 0)))
      .groupBy(bills.accountId),
  ]);
  const submittedMeters = new Set(submitted.map((s) => s.meterId));
  return accountRows.map((a) => {
    const own = meterRows.filter((m) => m.accountId === a.id);
    const bill = latestBills.find((b) => b.accountId === a.id);
    return {
      id: a.id,
      number: a.number,
      address: formatAccountAddress(a),
      tariffCategory: a.tariffCategory,
      zonePlans: [...new Set(own.map((m) => m.zonePlan as ZonePlan))].sort(),
      residents: a.residents,
      contractNumber: a.contractNumber,
      contractStart: a.contractStart,
      contractEnd: a.contractEnd,
      balanceKopecks: balances.find((b) => b.accountId === a.id)?.balance ?? 0,
      overdueKopecks: overdueOf(
        balances.find((b) => b.accountId === a.id)?.balance ?? 0,
        notYetDue.find((n) => n.accountId === a.id)?.kopecks ?? 0,
      ),
      latestBill: bill
        ? {
            id: bill.id,
            period: bill.period,
            amountKopecks: bill.amountKopecks,
            dueDate: bill.dueDate,
            receiptNumber: bill.receiptNumber,
          }
        : null,
      meters: {
        total: own.length,
        submittedThisPeriod: own.filter((m) => submittedMeters.has(m.id)).length,
        verificationDue: own.map((m) => m.verificationDue),
      },
    };
  });
}
