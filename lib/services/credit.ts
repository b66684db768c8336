import 'server-only';
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { type Payment, serviceRequests } from '@/db/schema';
import { formatRub } from '@/lib/format/money';
import { audit } from '@/lib/security/audit';
import { recordServiceEvent } from './events';
import { checkTransition, isPayable } from './status';

/**
 * Credits a paid services payment to its request, inside the notification's transaction (which
 * holds the payment's row lock, so this runs once per payment). The request moves to «paid» only
 * when it is still payable and the payment is for exactly its price; `paid_payment_id` is unique
 * and set once, so a second payment for the same request never pays it twice. Any other paid
 * payment (the request was cancelled or already paid meanwhile) is money to give back: it is kept
 * as paid and audited as a surplus for staff to refund from the payments console.
 */
export async function creditServicePayment(tx: Tx, payment: Payment, ctx: { now: Date; ip: string }): Promise<void> {
  const surplus = (reason: string) =>
    audit(
      {
        action: 'service.payment_surplus',
        subjectType: 'payment',
        subjectId: payment.id,
        ip: ctx.ip,
        details: { invId: payment.invId, serviceRequestId: payment.serviceRequestId, reason },
      },
      tx,
    );
  if (!payment.serviceRequestId) return surplus('no_request');
  const [request] = await tx
    .select()
    .from(serviceRequests)
    .where(eq(serviceRequests.id, payment.serviceRequestId))
    .for('update');
  if (!request) return surplus('no_request');
  if (!isPayable(request) || !checkTransition(request.status, 'paid', 'gateway').ok) {
    return surplus(`status_${request.status}`);
  }
  if (request.priceKopecks !== payment.amountKopecks) return surplus('amount_differs');
  await tx
    .update(serviceRequests)
    .set({ status: 'paid', paidAt: ctx.now, paidPaymentId: payment.id, updatedAt: ctx.now })
    .where(eq(serviceRequests.id, request.id));
  await recordServiceEvent(tx, {
    requestId: request.id,
    kind: 'paid',
    note: `Платёж № ${payment.invId}, ${formatRub(payment.amountKopecks)}`,
    actorUserId: null,
    at: ctx.now,
    audit: 'service.paid',
    ip: ctx.ip,
    details: { invId: payment.invId, amountKopecks: payment.amountKopecks },
    letter: {
      headline: 'оплата получена',
      details: [
        payment.paymentMethod === 'bank_transfer'
          ? `Мы получили оплату ${formatRub(payment.amountKopecks)} по счёту (платёж № ${payment.invId}).`
          : `Мы получили оплату ${formatRub(payment.amountKopecks)} (платёж № ${payment.invId}). Кассовый чек придёт отдельным письмом от платёжного сервиса.`,
        'В ближайшие рабочие дни мы назначим дату и время выезда и сообщим их письмом.',
      ],
    },
  });
}
