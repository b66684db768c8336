import { type AccountBenefit, benefitsOfAccount } from '@/lib/benefits/benefits';
import 'server-only';
import { and, asc, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import {
  type Account,
  accounts,
  accountUsers,
  bills,
  companies,
  ledgerEntries,
  meters,
  payments,
  readings,
  serviceCatalog,
  serviceRequests,
  users,
} from '@/db/schema';
import { canUseDoor, type SessionUser } from '@/lib/auth/session';
import { accountBalance } from '@/lib/billing/balance';
import { type BillStanding, billStandings } from '@/lib/bills/status';
import { listAuditEvents, type AuditRow } from '@/lib/console/audit-log';
import { moscowDay, periodOf } from '@/lib/format/dates';
import { shiftPeriod } from '@/lib/readings/window';
import { isUuid } from '@/lib/validation/ids';
import { type AdjustmentRow, listAdjustments } from './adjustments';
import { formatAccountAddress } from './list';
import { type AccountNote, listAccountNotes } from './notes';
import { type AccountTermsRow, listAccountTerms } from './terms';

// Everything the staff account card shows, read for a staff member only: a household or company
// session gets null, like an account that does not exist. Each list is one query (bounded), so the
// card costs the same for an account with ten years of history as for a new one.

const READING_MONTHS = 12;
const BILLS_SHOWN = 24;
const LEDGER_SHOWN = 60;
const PAYMENTS_SHOWN = 30;
const REQUESTS_SHOWN = 30;
const AUDIT_SHOWN = 100;

export interface CardMeter {
  id: string;
  serialNumber: string;
  model: string | null;
  zonePlan: number;
  status: (typeof meters.$inferSelect)['status'];
  installedAt: string;
  verificationDue: string | null;
  removedAt: string | null;
  readings: { period: string; zone: string; value: number; source: string; submittedAt: Date }[];
}

export interface CardLedgerEntry {
  id: number;
  kind: (typeof ledgerEntries.$inferSelect)['kind'];
  amountKopecks: number;
  description: string;
  postedAt: Date;
  /** The balance right after this entry, over the account's whole ledger. */
  balanceKopecks: number;
  staffName: string | null;
}

export interface AccountCard {
  account: Account;
  address: string;
  companyName: string | null;
  balanceKopecks: number;
  terms: AccountTermsRow[];
  meters: CardMeter[];
  bills: ({
    id: string;
    period: string;
    receiptNumber: string;
    amountKopecks: number;
    dueDate: string;
  } & BillStanding)[];
  ledger: CardLedgerEntry[];
  ledgerCount: number;
  payments: {
    id: string;
    invId: number;
    amountKopecks: number;
    status: (typeof payments.$inferSelect)['status'];
    purpose: (typeof payments.$inferSelect)['purpose'];
    createdAt: Date;
    paidAt: Date | null;
    guest: boolean;
  }[];
  users: {
    id: string;
    fullName: string;
    email: string;
    phone: string | null;
    role: string;
    status: string;
    isOwner: boolean;
  }[];
  serviceRequests: { id: string; number: number; title: string; status: string; createdAt: Date }[];
  benefits: AccountBenefit[];
  notes: AccountNote[];
  adjustments: AdjustmentRow[];
  audit: AuditRow[];
}

export async function loadAccountCard(
  viewer: SessionUser,
  accountId: string,
  now: Date = new Date(),
): Promise<AccountCard | null> {
  if (!canUseDoor(viewer, 'staff') || !isUuid(accountId)) return null;
  const [row] = await db()
    .select({ account: accounts, companyName: companies.name })
    .from(accounts)
    .leftJoin(companies, eq(companies.id, accounts.companyId))
    .where(eq(accounts.id, accountId));
  if (!row) return null;
  const { account } = row;

  const [
    balance,
    terms,
    meterRows,
    billRows,
    ledger,
    ledgerTotal,
    paymentRows,
    userRows,
    requests,
    benefits,
    notes,
    adjustments,
    audit,
  ] = await Promise.all([
    accountBalance(account.id),
    listAccountTerms(account.id),
    db().select().from(meters).where(eq(meters.accountId, account.id)).orderBy(asc(meters.installedAt)),
    db()
      .select({
        id: bills.id,
        period: bills.period,
        receiptNumber: bills.receiptNumber,
        amountKopecks: bills.amountKopecks,
        dueDate: bills.dueDate,
      })
      .from(bills)
      .where(eq(bills.accountId, account.id))
      .orderBy(desc(bills.period))
      .limit(BILLS_SHOWN),
    ledgerWithBalance(account.id),
    db()
      .select({ n: sql<number>`count(*)::int` })
      .from(ledgerEntries)
      .where(eq(ledgerEntries.accountId, account.id)),
    db()
      .select({
        id: payments.id,
        invId: payments.invId,
        amountKopecks: payments.amountKopecks,
        status: payments.status,
        purpose: payments.purpose,
        createdAt: payments.createdAt,
        paidAt: payments.paidAt,
        guest: sql<boolean>`${payments.userId} is null`,
      })
      .from(payments)
      .where(eq(payments.accountId, account.id))
      .orderBy(desc(payments.createdAt))
      .limit(PAYMENTS_SHOWN),
    registeredUsers(account),
    db()
      .select({
        id: serviceRequests.id,
        number: serviceRequests.number,
        title: serviceCatalog.title,
        status: serviceRequests.status,
        createdAt: serviceRequests.createdAt,
      })
      .from(serviceRequests)
      .innerJoin(serviceCatalog, eq(serviceCatalog.id, serviceRequests.serviceId))
      .where(eq(serviceRequests.accountId, account.id))
      .orderBy(desc(serviceRequests.createdAt))
      .limit(REQUESTS_SHOWN),
    benefitsOfAccount([account.id]),
    listAccountNotes(account.id),
    listAdjustments(account.id),
    listAuditEvents({ account: account.number }, { limit: AUDIT_SHOWN }),
  ]);

  const since = shiftPeriod(periodOf(now), -READING_MONTHS);
  const meterIds = meterRows.map((m) => m.id);
  const readingRows = meterIds.length
    ? await db()
        .select({
          meterId: readings.meterId,
          period: readings.period,
          zone: readings.zone,
          value: readings.value,
          source: readings.source,
          submittedAt: readings.submittedAt,
        })
        .from(readings)
        .where(and(inArray(readings.meterId, meterIds), eq(readings.status, 'accepted'), gte(readings.period, since)))
        .orderBy(desc(readings.period), asc(readings.zone))
    : [];

  const standings = billStandings(billRows, balance, moscowDay(now));
  return {
    account,
    address: formatAccountAddress(account),
    companyName: row.companyName,
    balanceKopecks: balance,
    terms,
    meters: meterRows.map((m) => ({
      id: m.id,
      serialNumber: m.serialNumber,
      model: m.model,
      zonePlan: m.zonePlan,
      status: m.status,
      installedAt: m.installedAt,
      verificationDue: m.verificationDue,
      removedAt: m.removedAt,
      readings: readingRows.filter((r) => r.meterId === m.id),
    })),
    bills: billRows.map((b) => ({ ...b, ...standings.get(b.id)! })),
    ledger,
    ledgerCount: ledgerTotal[0]?.n ?? 0,
    payments: paymentRows,
    users: userRows,
    serviceRequests: requests,
    benefits,
    notes,
    adjustments,
    audit,
  };
}

/** The newest entries with the balance after each, summed over the whole ledger by the database. */
async function ledgerWithBalance(accountId: string): Promise<CardLedgerEntry[]> {
  const running = db()
    .select({
      id: ledgerEntries.id,
      kind: ledgerEntries.kind,
      amountKopecks: ledgerEntries.amountKopecks,
      description: ledgerEntries.description,
      postedAt: ledgerEntries.postedAt,
      createdBy: ledgerEntries.createdBy,
      balanceKopecks:
        sql<number>`(sum(${ledgerEntries.amountKopecks}) over (order by ${ledgerEntries.postedAt}, ${ledgerEntries.id}))::bigint`
          .mapWith(Number)
          .as('balance_kopecks'),
    })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.accountId, accountId))
    .as('running');
  return db()
    .select({
      id: running.id,
      kind: running.kind,
      amountKopecks: running.amountKopecks,
      description: running.description,
      postedAt: running.postedAt,
      balanceKopecks: running.balanceKopecks,
      staffName: users.fullName,
    })
    .from(running)
    .leftJoin(users, eq(users.id, running.createdBy))
    .orderBy(desc(running.postedAt), desc(running.id))
    .limit(LEDGER_SHOWN);
}

/** Household accounts: the linked users; company accounts: the company's users. */
async function registeredUsers(account: Account): Promise<AccountCard['users']> {
  const columns = {
    id: users.id,
    fullName: users.fullName,
    email: users.email,
    phone: users.phone,
    role: users.role,
    status: users.status,
  };
  if (account.companyId) {
    const rows = await db()
      .select({ ...columns, companyRole: users.companyRole })
      .from(users)
      .where(eq(users.companyId, account.companyId))
      .orderBy(asc(users.fullName));
    return rows.map(({ companyRole, ...u }) => ({ ...u, isOwner: companyRole === 'owner' }));
  }
  return db()
    .select({ ...columns, isOwner: accountUsers.isOwner })
    .from(accountUsers)
    .innerJoin(users, eq(users.id, accountUsers.userId))
    .where(eq(accountUsers.accountId, account.id))
    .orderBy(desc(accountUsers.isOwner), asc(users.fullName));
}
