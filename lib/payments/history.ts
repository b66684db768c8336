import 'server-only';
import { asc, desc, inArray, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { accounts, payments, refunds } from '@/db/schema';
import { listParams, pageNumber } from '@/lib/http/list-params';
import { type PaymentStatus, paymentMethodLabel, type RefundStatus } from './status-labels';

// The payer's payment history (/fiz/payments/history): every payment into the accounts the session
// may see — and only those: the caller passes `accessibleAccountIds(user)`, never ids from a URL.

const HISTORY_PAGE_SIZE = 20;

/** The household payment history's query string: only the page (the accounts come from the session). */
export const paymentHistoryParams = listParams('/fiz/payments/history', { page: pageNumber });

export interface HistoryRefund {
  id: string;
  amountKopecks: number;
  status: RefundStatus;
  createdAt: Date;
}

export interface HistoryRow {
  id: string;
  invId: number;
  accountNumber: string;
  amountKopecks: number;
  status: PaymentStatus;
  /** When it was paid; when it was started for a payment not (yet) paid. */
  at: Date;
  cardMask: string | null;
  /** How it was paid, in words («банковская карта», «привязанная карта», «СБП»). */
  method: string;
  description: string;
  refunds: HistoryRefund[];
}

export interface HistoryPage {
  rows: HistoryRow[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
}

export async function paymentHistory(
  accountIds: readonly string[],
  opts: { page?: number; pageSize?: number } = {},
): Promise<HistoryPage> {
  const pageSize = opts.pageSize ?? HISTORY_PAGE_SIZE;
  if (accountIds.length === 0) return { rows: [], total: 0, page: 1, pageCount: 1, pageSize };
  const ids = [...new Set(accountIds)];
  const [{ total } = { total: 0 }] = await db()
    .select({ total: sql<number>`count(*)::int` })
    .from(payments)
    .where(inArray(payments.accountId, ids));
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.trunc(opts.page ?? 1) || 1), pageCount);

  const at = sql<Date>`coalesce(${payments.paidAt}, ${payments.createdAt})`.mapWith(payments.createdAt);
  const rows = await db()
    .select({
      id: payments.id,
      invId: payments.invId,
      accountNumber: accounts.number,
      amountKopecks: payments.amountKopecks,
      status: payments.status,
      at,
      cardMask: payments.cardMask,
      paymentMethod: payments.paymentMethod,
      cardBindingId: payments.cardBindingId,
      description: payments.description,
    })
    .from(payments)
    .innerJoin(accounts, sql`${accounts.id} = ${payments.accountId}`)
    .where(inArray(payments.accountId, ids))
    .orderBy(desc(payments.createdAt), desc(payments.invId))
    .limit(pageSize)
    .offset((page - 1) * pageSize);

  const byPayment = new Map<string, HistoryRefund[]>();
  if (rows.length > 0) {
    const refundRows = await db()
      .select({
        id: refunds.id,
        paymentId: refunds.paymentId,
        amountKopecks: refunds.amountKopecks,
        status: refunds.status,
        createdAt: refunds.createdAt,
      })
      .from(refunds)
      .where(
        inArray(
          refunds.paymentId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(asc(refunds.createdAt));
    for (const { paymentId, ...r } of refundRows) byPayment.set(paymentId, [...(byPayment.get(paymentId) ?? []), r]);
  }
  return {
    rows: rows.map(({ paymentMethod, cardBindingId, ...r }) => ({
      ...r,
      method: paymentMethodLabel({ paymentMethod, cardBindingId }),
      refunds: byPayment.get(r.id) ?? [],
    })),
    total,
    page,
    pageCount,
    pageSize,
  };
}
