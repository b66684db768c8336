import 'server-only';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { payments, refundRequests, refunds, users } from '@/db/schema';
import { type ActionResult, fail, succeed } from '@/lib/actions/result';
import { env } from '@/lib/config/env';
import { formatRub } from '@/lib/format/money';
import { audit } from '@/lib/security/audit';
import { type RefundContext, refundPayment } from './refund';
import type { RefundFormInput } from './refund-schema';

// Dual control for large refunds: above the threshold a refund is a request that another staff
// member approves (the database refuses the requester as approver). The approval runs the same
// refund as a small one, with the approver as the one who made it.

export type RefundOrRequest = ActionResult<{ refundId: string | null; requestId: string | null }>;

const OPEN: ('pending' | 'approving')[] = ['pending', 'approving'];

/** A refund up to the threshold is made now; a larger one waits for a second staff member. */
export async function refundOrRequestApproval(
  staff: { id: string },
  input: RefundFormInput,
  ctx: RefundContext,
): Promise<RefundOrRequest> {
  // Whole rubles in the setting; a refund of more than this needs a second staff member's approval.
  const threshold = env().REFUND_APPROVAL_THRESHOLD_RUB * 100;
  if (input.amount <= threshold) {
    const result = await refundPayment(staff, input, ctx);
    return result.ok ? succeed({ refundId: result.refundId, requestId: null, message: result.message }) : result;
  }
  const now = ctx.now ?? new Date();
  return db().transaction(async (tx): Promise<RefundOrRequest> => {
    const [payment] = await tx.select().from(payments).where(eq(payments.id, input.paymentId)).for('update');
    if (!payment) return fail('Платёж не найден');
    if (payment.status !== 'paid' && payment.status !== 'partially_refunded') {
      return fail('Вернуть можно только оплаченный платёж');
    }
    const [refunded] = await tx
      .select({ sum: sql<number>`coalesce(sum(${refunds.amountKopecks}), 0)::bigint`.mapWith(Number) })
      .from(refunds)
      .where(and(eq(refunds.paymentId, payment.id), inArray(refunds.status, ['requested', 'succeeded'])));
    const [waiting] = await tx
      .select({ sum: sql<number>`coalesce(sum(${refundRequests.amountKopecks}), 0)::bigint`.mapWith(Number) })
      .from(refundRequests)
      .where(and(eq(refundRequests.paymentId, payment.id), inArray(refundRequests.status, OPEN)));
    const left = payment.amountKopecks - (refunded?.sum ?? 0) - (waiting?.sum ?? 0);
    if (input.amount > left) {
      const message =
        left === payment.amountKopecks
          ? `Можно вернуть не больше суммы платежа, ${formatRub(left)}`
          : `Можно запросить не больше ${formatRub(Math.max(left, 0))}: остальное уже возвращено или ждёт одобрения`;
      return fail(message, { amount: message });
    }
    const [request] = await tx
      .insert(refundRequests)
      .values({
        paymentId: payment.id,
        amountKopecks: input.amount,
        reason: input.reason,
        requestedBy: staff.id,
        requestedAt: now,
      })
      .returning({ id: refundRequests.id });
    await audit(
      {
        action: 'refund.approval_requested',
        actorUserId: staff.id,
        subjectType: 'payment',
        subjectId: payment.id,
        ip: ctx.ip,
        details: {
          requestId: request!.id,
          invId: payment.invId,
          amountKopecks: input.amount,
          thresholdKopecks: threshold,
        },
      },
      tx,
    );
    return succeed({
      refundId: null,
      requestId: request!.id,
      message: `Возврат больше ${formatRub(threshold)} ждёт одобрения другого сотрудника. Деньги пока не возвращены.`,
    });
  });
}

async function whyNotOpen(requestId: string, staffId: string): Promise<string> {
  const [row] = await db().select().from(refundRequests).where(eq(refundRequests.id, requestId));
  if (!row) return 'Запрос на возврат не найден — обновите страницу';
  if (row.requestedBy === staffId) return 'Свой запрос на возврат одобрить нельзя: нужен другой сотрудник';
  if (row.status === 'approved') return 'Этот возврат уже одобрен';
  if (row.status === 'declined') return 'Этот запрос уже отклонён';
  return 'Этот запрос сейчас рассматривает другой сотрудник — обновите страницу';
}

/** A second staff member approves: the refund is made now, in their name. */
export async function approveRefundRequest(
  approver: { id: string },
  requestId: string,
  ctx: RefundContext,
): Promise<ActionResult<{ refundId: string; paymentId: string }>> {
  const now = ctx.now ?? new Date();
  // One atomic claim: two approvers clicking at once cannot both refund.
  const [claimed] = await db()
    .update(refundRequests)
    .set({ status: 'approving', decidedBy: approver.id, decidedAt: now })
    .where(
      and(
        eq(refundRequests.id, requestId),
        eq(refundRequests.status, 'pending'),
        ne(refundRequests.requestedBy, approver.id),
      ),
    )
    .returning();
  if (!claimed) return fail(await whyNotOpen(requestId, approver.id));

  const result = await refundPayment(
    approver,
    { paymentId: claimed.paymentId, amount: claimed.amountKopecks, reason: claimed.reason },
    ctx,
  ).catch(async (error: unknown) => {
    await reopen(requestId);
    throw error;
  });
  if (!result.ok) {
    await reopen(requestId);
    return result;
  }
  await db()
    .update(refundRequests)
    .set({ status: 'approved', refundId: result.refundId })
    .where(eq(refundRequests.id, requestId));
  await audit({
    action: 'refund.approved',
    actorUserId: approver.id,
    subjectType: 'payment',
    subjectId: claimed.paymentId,
    ip: ctx.ip,
    details: {
      requestId,
      refundId: result.refundId,
      requestedBy: claimed.requestedBy,
      amountKopecks: claimed.amountKopecks,
    },
  });
  return succeed({ refundId: result.refundId, paymentId: claimed.paymentId, message: result.message });
}

async function reopen(requestId: string): Promise<void> {
  await db()
    .update(refundRequests)
    .set({ status: 'pending', decidedBy: null, decidedAt: null })
    .where(and(eq(refundRequests.id, requestId), eq(refundRequests.status, 'approving')));
}

/** Another staff member declines: nothing is refunded. */
export async function declineRefundRequest(
  staff: { id: string },
  requestId: string,
  ctx: RefundContext,
): Promise<ActionResult<{ paymentId: string }>> {
  const now = ctx.now ?? new Date();
  const [declined] = await db()
    .update(refundRequests)
    .set({ status: 'declined', decidedBy: staff.id, decidedAt: now })
    .where(
      and(
        eq(refundRequests.id, requestId),
        eq(refundRequests.status, 'pending'),
        ne(refundRequests.requestedBy, staff.id),
      ),
    )
    .returning();
  if (!declined) return fail(await whyNotOpen(requestId, staff.id));
  await audit({
    action: 'refund.declined',
    actorUserId: staff.id,
    subjectType: 'payment',
    subjectId: declined.paymentId,
    ip: ctx.ip,
    details: { requestId, requestedBy: declined.requestedBy, amountKopecks: declined.amountKopecks },
  });
  return succeed({ paymentId: declined.paymentId, message: 'Запрос на возврат отклонён' });
}

export interface OpenRefundRequest {
  id: string;
  amountKopecks: number;
  reason: string;
  requestedAt: Date;
  requestedBy: string;
  requesterName: string;
}

/** Requests of a payment still waiting for a decision, oldest first. */
export async function openRefundRequests(paymentId: string): Promise<OpenRefundRequest[]> {
  return db()
    .select({
      id: refundRequests.id,
      amountKopecks: refundRequests.amountKopecks,
      reason: refundRequests.reason,
      requestedAt: refundRequests.requestedAt,
      requestedBy: refundRequests.requestedBy,
      requesterName: users.fullName,
    })
    .from(refundRequests)
    .innerJoin(users, eq(users.id, refundRequests.requestedBy))
    .where(and(eq(refundRequests.paymentId, paymentId), inArray(refundRequests.status, OPEN)))
    .orderBy(refundRequests.requestedAt);
}
