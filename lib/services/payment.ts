import 'server-only';
import { and, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { payments, serviceRequests } from '@/db/schema';
import { type ActionResult, fail, succeed } from '@/lib/actions/result';
import type { PaymentGateway } from '@/lib/payments/gateway/types';
import { pendingInvoicePayment } from '@/lib/payments/pending-invoice-payment';
import { chargeBinding, type RecurringSender, postRecurringCall } from '@/lib/payments/recurring';
import { isPayable } from './status';

// Paying a request goes through the same gateway flow as electricity, with the payment type
// «services»: a pending payment with exactly the request's price, completed only by the gateway's
// notification (lib/payments/notify.ts → ./credit.ts), a card remembered for this type only.

function servicePaymentDescription(number: number): string {
  return `Оплата платных услуг по заявке № ${number}`;
}

const NOT_PAYABLE = 'Эту заявку сейчас оплатить нельзя — обновите страницу, чтобы увидеть её состояние';

/** The pending payment to send the customer to the gateway with; the request's row is locked. */
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
    return succeed(
      await pendingInvoicePayment(tx, {
        gateway,
        sameInvoice: eq(payments.serviceRequestId, request.id),
        payment: {
          accountId: request.accountId,
          userId: user.id,
          purpose: 'services',
          serviceRequestId: request.id,
          amountKopecks: request.priceKopecks,
          description: servicePaymentDescription(request.number),
          receiptEmail: user.email,
          requestsBinding: input.rememberCard,
        },
        details: { serviceRequestId: request.id },
        ip: ctx.ip,
        now,
      }),
    );
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
