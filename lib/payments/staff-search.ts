import 'server-only';
import { and, asc, desc, eq, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { accounts, ledgerEntries, payments, refunds, users } from '@/db/schema';
import { isInvId } from './gateway/signature';
import { PAYMENT_STATUSES, type PaymentStatus, type RefundStatus } from './status-labels';
import { createParser, parseAsStringLiteral } from 'nuqs/server';
import { listParams, pageNumber, searchText } from '@/lib/http/list-params';
import { isUuid } from '@/lib/validation/ids';

// Staff console (/admin/payments): find payments by account number, InvId and status, and one
// payment's whole story — its ledger entries and refunds. The caller has checked the staff session.

const STAFF_PAGE_SIZE = 25;

/** The staff payments list's query string: account number, InvId (as typed), status and page. */
export const paymentsListParams = listParams('/admin/payments', {
  account: createParser({ parse: (v) => v.replace(/\D/g, '').slice(0, 12) || null, serialize: (v) => v }),
  inv: searchText(12),
  status: parseAsStringLiteral(PAYMENT_STATUSES),
  page: pageNumber,
});

export interface StaffPaymentQuery {
  /** Digits of an account number; a prefix matches («5001» finds 50010001…). */
  account?: string;
  invId?: number;
  status?: PaymentStatus;
  page?: number;
}

export interface StaffPaymentRow {
  id: string;
  invId: number;
  accountId: string;
  accountNumber: string;
  holderName: string;
  amountKopecks: number;
  refundedKopecks: number;
  /** What the money is for: electricity, a paid service or a grid connection. */
  purpose: (typeof payments.$inferSelect)['purpose'];
  status: PaymentStatus;
  gateway: string;
  cardMask: string | null;
  guest: boolean;
  createdAt: Date;
  paidAt: Date | null;
  /** The money came after the payment had expired as «не оплачен»: credited, and for staff to check. */
  paidAfterExpiry: boolean;
}

/** Refunds that hold money: done, or accepted by the gateway and still in progress. */
const refundedSum =
  sql<number>`coalesce((select sum(r.amount_kopecks) from refunds r where r.payment_id = ${payments.id} and r.status in ('requested', 'succeeded')), 0)::bigint`.mapWith(
    Number,
  );

export async function searchPayments(
  q: StaffPaymentQuery,
): Promise<{ rows: StaffPaymentRow[]; total: number; page: number; pageCount: number; pageSize: number }> {
  const where: SQL[] = [];
  if (q.account) where.push(like(accounts.number, `${q.account.replace(/\D/g, '')}%`));
  if (q.invId !== undefined) where.push(eq(payments.invId, q.invId));
  if (q.status) where.push(eq(payments.status, q.status));
  const condition = where.length ? and(...where) : undefined;

  const [{ total } = { total: 0 }] = await db()
    .select({ total: sql<number>`count(*)::int` })
    .from(payments)
    .innerJoin(accounts, eq(accounts.id, payments.accountId))
    .where(condition);
  const pageCount = Math.max(1, Math.ceil(total / STAFF_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(q.page ?? 1) || 1), pageCount);
  const rows = await db()
    .select({
      id: payments.id,
      invId: payments.invId,
      accountId: accounts.id,
      accountNumber: accounts.number,
      holderName: accounts.holderName,
      amountKopecks: payments.amountKopecks,
      refundedKopecks: refundedSum,
      purpose: payments.purpose,
      status: payments.status,
      gateway: payments.gateway,
      cardMask: payments.cardMask,
      guest: sql<boolean>`${payments.userId} is null`,
      createdAt: payments.createdAt,
      paidAt: payments.paidAt,
      paidAfterExpiry: sql<boolean>`${payments.expiredAt} is not null and ${payments.paidAt} is not null`,
    })
    .from(payments)
    .innerJoin(accounts, eq(accounts.id, payments.accountId))
    .where(condition)
    .orderBy(desc(payments.createdAt), desc(payments.invId))
    .limit(STAFF_PAGE_SIZE)
    .offset((page - 1) * STAFF_PAGE_SIZE);
  return { rows, total, page, pageCount, pageSize: STAFF_PAGE_SIZE };
}

/** '100042' → 100042; undefined for anything that is not an InvId. */
export function parseInvIdQuery(value: string | undefined): number | undefined {
  const digits = value?.trim();
  if (!digits || !/^\d{1,10}$/.test(digits)) return undefined;
  const n = Number(digits);
  return isInvId(n) ? n : undefined;
}

export interface StaffRefund {
  id: string;
  amountKopecks: number;
  status: RefundStatus;
  reason: string;
  gatewayReference: string | null;
  createdAt: Date;
  staffName: string | null;
}

export interface StaffLedgerEntry {
  id: number;
  kind: (typeof ledgerEntries.$inferSelect)['kind'];
  amountKopecks: number;
  description: string;
  postedAt: Date;
}

export interface StaffPaymentDetail {
  payment: typeof payments.$inferSelect;
  account: { id: string; number: string; holderName: string; address: string };
  payer: { fullName: string; email: string } | null;
  refunds: StaffRefund[];
  ledger: StaffLedgerEntry[];
  refundedKopecks: number;
  /** What staff may still refund: 0 unless the payment is paid. */
  refundableKopecks: number;
}

export async function staffPaymentDetail(id: string): Promise<StaffPaymentDetail | null> {
  if (!isUuid(id)) return null;
  const [row] = await db()
    .select({ payment: payments, account: accounts, payerName: users.fullName, payerEmail: users.email })
    .from(payments)
    .innerJoin(accounts, eq(accounts.id, payments.accountId))
    .leftJoin(users, eq(users.id, payments.userId))
    .where(eq(payments.id, id));
  if (!row) return null;
  const refundRows = await db()
    .select({
      id: refunds.id,
      amountKopecks: refunds.amountKopecks,
      status: refunds.status,
      reason: refunds.reason,
      gatewayReference: refunds.gatewayReference,
      createdAt: refunds.createdAt,
      staffName: users.fullName,
    })
    .from(refunds)
    .leftJoin(users, eq(users.id, refunds.createdBy))
    .where(eq(refunds.paymentId, id))
    .orderBy(asc(refunds.createdAt));
  const refundIds = refundRows.map((r) => r.id);
  const ledger = await db()
    .select({
      id: ledgerEntries.id,
      kind: ledgerEntries.kind,
      amountKopecks: ledgerEntries.amountKopecks,
      description: ledgerEntries.description,
      postedAt: ledgerEntries.postedAt,
    })
    .from(ledgerEntries)
    .where(
      refundIds.length
        ? or(eq(ledgerEntries.paymentId, id), inArray(ledgerEntries.refundId, refundIds))
        : eq(ledgerEntries.paymentId, id),
    )
    .orderBy(asc(ledgerEntries.postedAt), asc(ledgerEntries.id));
  const refundedKopecks = refundRows.filter((r) => r.status !== 'failed').reduce((sum, r) => sum + r.amountKopecks, 0);
  const { payment, account } = row;
  const refundable =
    payment.status === 'paid' || payment.status === 'partially_refunded'
      ? Math.max(0, payment.amountKopecks - refundedKopecks)
      : 0;
  return {
    payment,
    account: {
      id: account.id,
      number: account.number,
      holderName: account.holderName,
      address: [account.settlement, account.street, `д. ${account.house}`, account.flat ? `кв. ${account.flat}` : null]
        .filter(Boolean)
        .join(', '),
    },
    payer: row.payerName && row.payerEmail ? { fullName: row.payerName, email: row.payerEmail } : null,
    refunds: refundRows,
    ledger,
    refundedKopecks,
    refundableKopecks: refundable,
  };
}
