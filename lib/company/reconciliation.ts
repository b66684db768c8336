// Акт сверки взаимных расчётов of a company with the utility for a period, read from the ledger
// and nothing else: the opening balance is the sum of every entry before the period, each entry of
// the period is one line (a bill's charge, a payment, a refund, a penalty, an adjustment) with its
// document, and the closing balance is the opening plus the period's entries — so the act equals
// the ledger to the kopeck. From the utility's side: debit is what the company was charged,
// credit what it paid; a positive balance is the company's debt.
import 'server-only';
import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db } from '@/db/client';
import { accounts, bills, ledgerEntries, payments, refunds } from '@/db/schema';
import { formatAccountAddress } from '@/lib/accounts/list';
import { accessibleAccountIds, type SessionUser } from '@/lib/auth/session';
import { getUtilityProfile } from '@/lib/content/utility';
import { formatDate, formatPeriod, moscowDay } from '@/lib/format/dates';
import { companyMemberOf } from './access';
import { type CompanyDetails, companyDetails } from './overview';
import type { ReconciliationRange } from './reconciliation-range';
import type { LedgerKind } from '@/db/enums';

export interface ReconciliationLine {
  day: string;
  accountNumber: string;
  document: string;
  debitKopecks: number;
  creditKopecks: number;
}

export interface ReconciliationAccount {
  id: string;
  number: string;
  contractNumber: string;
  address: string;
}

export interface Reconciliation {
  from: string;
  to: string;
  company: CompanyDetails;
  utility: { fullName: string; shortName: string; inn: string; kpp: string; legalAddress: string };
  accounts: ReconciliationAccount[];
  openingKopecks: number;
  lines: ReconciliationLine[];
  debitKopecks: number;
  creditKopecks: number;
  closingKopecks: number;
}

/** The payment a refund gives back, joined a second time under its own name. */
const refundPayments = alias(payments, 'refund_payments');

/** Midnight in Moscow at the start of a calendar day (UTC+3 all year). */
const moscowMidnight = (day: string) => new Date(`${day}T00:00:00+03:00`);

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function documentOf(row: {
  kind: LedgerKind;
  description: string;
  receiptNumber: string | null;
  billPeriod: string | null;
  invId: number | null;
  paidAt: Date | null;
  refundInvId: number | null;
}): string {
  switch (row.kind) {
    case 'charge':
      return row.receiptNumber ? `Счёт № ${row.receiptNumber} за ${formatPeriod(row.billPeriod!)}` : row.description;
    case 'payment':
      return row.invId !== null
        ? `Оплата, платёж № ${row.invId}${row.paidAt ? ` от ${formatDate(row.paidAt)}` : ''}`
        : row.description;
    case 'refund':
      return row.refundInvId !== null ? `Возврат по платежу № ${row.refundInvId}` : row.description;
    case 'penalty':
      return `Пени: ${row.description}`;
    case 'adjustment':
      return `Корректировка: ${row.description}`;
  }
}

/**
 * The act for the company's chosen account (or all its accounts) and period; null when the account
 * is not one of this user's company (the caller answers 404, as for a missing one).
 */
export async function companyReconciliation(
  user: SessionUser,
  range: ReconciliationRange,
): Promise<Reconciliation | null> {
  const member = companyMemberOf(user);
  if (!member) return null;
  const allowed = await accessibleAccountIds(user);
  if (range.accountId && !allowed.includes(range.accountId)) return null;
  const ids = range.accountId ? [range.accountId] : allowed;
  const [company, profile] = await Promise.all([companyDetails(member.companyId), getUtilityProfile()]);
  if (!company) return null;

  const start = moscowMidnight(range.from);
  const end = moscowMidnight(nextDay(range.to));
  const accountRows = ids.length
    ? await db().select().from(accounts).where(inArray(accounts.id, ids)).orderBy(asc(accounts.number))
    : [];
  const [opening] = ids.length
    ? await db()
        .select({ sum: sql<number>`coalesce(sum(${ledgerEntries.amountKopecks}), 0)::bigint`.mapWith(Number) })
        .from(ledgerEntries)
        .where(and(inArray(ledgerEntries.accountId, ids), lt(ledgerEntries.postedAt, start)))
    : [{ sum: 0 }];
  const rows = ids.length
    ? await db()
        .select({
          postedAt: ledgerEntries.postedAt,
          accountNumber: accounts.number,
          kind: ledgerEntries.kind,
          amount: ledgerEntries.amountKopecks,
          description: ledgerEntries.description,
          receiptNumber: bills.receiptNumber,
          billPeriod: bills.period,
          invId: payments.invId,
          paidAt: payments.paidAt,
          refundInvId: refundPayments.invId,
        })
        .from(ledgerEntries)
        .innerJoin(accounts, eq(accounts.id, ledgerEntries.accountId))
        .leftJoin(bills, eq(bills.id, ledgerEntries.billId))
        .leftJoin(payments, eq(payments.id, ledgerEntries.paymentId))
        .leftJoin(refunds, eq(refunds.id, ledgerEntries.refundId))
        .leftJoin(refundPayments, eq(refundPayments.id, refunds.paymentId))
        .where(
          and(
            inArray(ledgerEntries.accountId, ids),
            gte(ledgerEntries.postedAt, start),
            lt(ledgerEntries.postedAt, end),
          ),
        )
        .orderBy(asc(ledgerEntries.postedAt), asc(ledgerEntries.id))
    : [];

  const lines = rows.map((r): ReconciliationLine => ({
    day: moscowDay(r.postedAt),
    accountNumber: r.accountNumber,
    document: documentOf(r),
    debitKopecks: r.amount > 0 ? r.amount : 0,
    creditKopecks: r.amount < 0 ? -r.amount : 0,
  }));
  const debitKopecks = lines.reduce((s, l) => s + l.debitKopecks, 0);
  const creditKopecks = lines.reduce((s, l) => s + l.creditKopecks, 0);
  const openingKopecks = opening!.sum;
  return {
    from: range.from,
    to: range.to,
    company,
    utility: {
      fullName: profile.fullName,
      shortName: profile.shortName,
      inn: profile.inn,
      kpp: profile.kpp,
      legalAddress: profile.legalAddress,
    },
    accounts: accountRows.map((a) => ({
      id: a.id,
      number: a.number,
      contractNumber: a.contractNumber,
      address: formatAccountAddress(a),
    })),
    openingKopecks,
    lines,
    debitKopecks,
    creditKopecks,
    closingKopecks: openingKopecks + debitKopecks - creditKopecks,
  };
}

/** The accounts the act can be drawn for: every account of the user's company. */
export async function reconciliationAccounts(
  user: SessionUser,
): Promise<{ id: string; number: string; contractNumber: string }[]> {
  const ids = await accessibleAccountIds(user);
  if (ids.length === 0) return [];
  return db()
    .select({ id: accounts.id, number: accounts.number, contractNumber: accounts.contractNumber })
    .from(accounts)
    .where(inArray(accounts.id, ids))
    .orderBy(asc(accounts.number));
}

/** «Задолженность ООО … в пользу АО … — 1 234,56 ₽», the act's conclusion in words. */
export function reconciliationConclusion(act: Reconciliation, money: (kopecks: number) => string): string {
  const on = formatDate(act.to);
  if (act.closingKopecks > 0) {
    return `На ${on} задолженность ${act.company.name} перед ${act.utility.shortName} составляет ${money(act.closingKopecks)}.`;
  }
  if (act.closingKopecks < 0) {
    return `На ${on} задолженность ${act.utility.shortName} перед ${act.company.name} (переплата) составляет ${money(-act.closingKopecks)}.`;
  }
  return `На ${on} взаимной задолженности нет.`;
}

export function reconciliationFileName(act: Reconciliation, extension: 'pdf' | 'xlsx'): string {
  const who = act.accounts.length === 1 ? act.accounts[0]!.number : 'vse-scheta';
  return `akt-sverki-${who}-${act.from}-${act.to}.${extension}`;
}
