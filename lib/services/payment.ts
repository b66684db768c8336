import 'server-only';
import { and, desc, eq, gt } from 'drizzle-orm';
import { db } from '@/db/client';
import { payments, serviceRequests } from '@/db/schema';
import { type ActionResult, fail, succeed } from '@/lib/actions/result';
import type { PaymentGateway } from '@/lib/payments/gateway/types';
import { chargeBinding, type RecurringSender, postRecurringCall } from '@/lib/payments/recurring';
import { audit } from '@/lib/security/audit';
import { isPayable } from './status';

// Paying a request goes through the same gateway flow as electricity, with the payment type
// «services»: a pending payment with exactly the request's price, completed only by the gateway's
// notification (lib/payments/notify.ts → ./credit.ts), a card remembered for this type only.

/** A pending hand-over younger than this is reused instead of opening a second payment. */
const REUSE_PENDING_MS = 30 * 60_000;

function servicePaymentDescription(number: number): string {
  return `Оплата платных услуг по заявке № ${number}`;
}

const NOT_PAYABLE = 'Эту заявку сейчас оплатить нельзя — обновите страницу, чтобы увидеть её состояние';

/**
 * The pending payment to send the customer to the gateway with. The request's row is locked, so
 * two clicks at once share one payment; an unfinished hand-over of the last half hour is reused.
 */
export async function startServicePayment(
  user: { id: string; email: string },
  input: { requestId: string; rememberCard: boolean },
  gateway: PaymentGateway,
  ctx: { ip: string; now?: Date },
): Promise<ActionResult<{ paymentId: string }>> {
  const now = ctx.now ?? new Date();
  return db().transaction(async (tx) => {
    const [request] = await tx
      .select()
      .from(serviceRequests)
      .where(and(eq(serviceRequests.id, input.requestId), eq(serviceRequests.userId, user.id)))
      .for('update');
    if (!request) return fail('Заявка не найдена среди ваших');
    if (!isPayable(request) || request.priceKopecks === null) return fail(NOT_PAYABLE);
    const [pending] = await tx
      .select({ id: payments.id, requestsBinding: payments.requestsBinding })
      .from(payments)
      .where(
        and(
          eq(payments.serviceRequestId, request.id),
          eq(payments.status, 'pending'),
          eq(payments.gateway, gateway.id),
          eq(payments.amountKopecks, request.priceKopecks),
          eq(payments.requestsBinding, input.rememberCard),
          gt(payments.createdAt, new Date(now.getTime() - REUSE_PENDING_MS)),
        ),
      )
      .orderBy(desc(payments.createdAt))
      .limit(1);
    if (pending) return succeed({ paymentId: pending.id });
    const [payment] = await tx
      .insert(payments)
      .values({
        accountId: request.accountId,
        userId: user.id,
        purpose: 'services',
        serviceRequestId: request.id,
        amountKopecks: request.priceKopecks,
        gateway: gateway.id,
        description: servicePaymentDescription(request.number),
        receiptEmail: user.email,
        requestsBinding: input.rememberCard,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: payments.id, invId: payments.invId });
    if (!payment) throw new Error('startServicePayment: insert returned nothing');
    await audit(
      {
        action: 'payment.started',
        actorUserId: user.id,
        subjectType: 'payment',
        subjectId: payment.id,
        ip: ctx.ip,
        details: {
          invId: payment.invId,
          amountKopecks: request.priceKopecks,
          gateway: gateway.id,
          purpose: 'services',
          serviceRequestId: request.id,
        },
      },
      tx,
    );
    return succeed({ paymentId: payment.id });
  });
}

/** One click with a card bound for paid services; the binding rules are lib/payments/recurring.ts's. */
export async function payRequestWithBinding(
  user: { id: string; email: string },
  input: { requestId: string; bindingId: string },
  gateway: PaymentGateway,
  ctx: { ip: string; now?: Date },
  send: RecurringSender = postRecurringCall,
): Promise<ActionResult<{ invId: number }>> {
  const [request] = await db()
    .select()
    .from(serviceRequests)
    .where(and(eq(serviceRequests.id, input.requestId), eq(serviceRequests.userId, user.id)));
  if (!request) return fail('Заявка не найдена среди ваших');
  if (!isPayable(request) || request.priceKopecks === null) return fail(NOT_PAYABLE);
  const outcome = await chargeBinding(
    {
      userId: user.id,
      bindingId: input.bindingId,
      accountId: request.accountId,
      amountKopecks: request.priceKopecks,
      receiptEmail: user.email,
      ip: ctx.ip,
      now: ctx.now,
      service: { requestId: request.id, description: servicePaymentDescription(request.number) },
    },
    gateway,
    send,
  );
  if (!outcome.ok) return fail(outcome.message, outcome.field ? { [outcome.field]: outcome.message } : {});
  return succeed({ invId: outcome.invId });
}
