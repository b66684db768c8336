import 'server-only';
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { connectionApplications, connectionPayments, type Payment } from '@/db/schema';
import { formatDate, moscowDay } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';
import { audit } from '@/lib/security/audit';
import { worksDueFor } from './deadlines';
import { recordConnectionEvent } from './events';
import { partPayableIn } from './installments';
import { creditedParts, scheduleOf } from './invoice';

/**
 * Credits a paid connection payment to its application inside the notification's transaction
 * (which holds the payment's row lock, so this runs once per payment): paying the invoice accepts
 * the offer (the first part of an installment schedule does too), so the contract is concluded today
 * and the works' deadline starts; a later part is recorded against its place in the schedule. Each
 * part is credited once (a unique index); any other paid payment (the offer was annulled or already paid, another
 * amount) is kept as paid and audited as a surplus for staff to refund from the payments console.
 * A payment made on the last day counts even when the notification arrives after midnight.
 */
export async function creditConnectionPayment(tx: Tx, payment: Payment, ctx: { now: Date; ip: string }): Promise<void> {
  const surplus = (reason: string, applicationId: string | null) =>
    audit(
      {
        action: 'connection.payment_surplus',
        subjectType: 'payment',
        subjectId: payment.id,
        ip: ctx.ip,
        details: { invId: payment.invId, connectionApplicationId: applicationId, reason },
      },
      tx,
    );
  const [link] = await tx
    .select({ applicationId: connectionPayments.applicationId, part: connectionPayments.part })
    .from(connectionPayments)
    .where(eq(connectionPayments.paymentId, payment.id));
  if (!link) return surplus('no_application', null);
  const [application] = await tx
    .select()
    .from(connectionApplications)
    .where(eq(connectionApplications.id, link.applicationId))
    .for('update');
  if (!application) return surplus('no_application', link.applicationId);
  // The part this payment was started for must be the next one, payable in this status, of exactly its amount.
  const credited = await creditedParts(tx, application.id);
  const next = (credited.length ? Math.max(...credited) : 0) + 1;
  const schedule = scheduleOf(application);
  const expected = schedule ? schedule[link.part - 1]?.kopecks : link.part === 1 ? application.priceKopecks : null;
  if (link.part !== next || !partPayableIn(link.part, application.status)) {
    return surplus(`status_${application.status}_part_${link.part}`, application.id);
  }
  if (expected !== payment.amountKopecks) return surplus('amount_differs', application.id);
  await tx.update(connectionPayments).set({ creditedAt: ctx.now }).where(eq(connectionPayments.paymentId, payment.id));
  if (link.part > 1) {
    await recordConnectionEvent(tx, {
      applicationId: application.id,
      kind: 'installment_paid',
      note: `Платёж ${link.part} из 4, № ${payment.invId}, ${formatRub(payment.amountKopecks)}`,
      actorUserId: null,
      at: ctx.now,
      audit: 'connection.paid',
      ip: ctx.ip,
      details: { invId: payment.invId, amountKopecks: payment.amountKopecks, part: link.part },
      letter: {
        headline: `получен платёж ${link.part} из 4 по рассрочке`,
        details: [`Мы получили ${formatRub(payment.amountKopecks)} (платёж № ${payment.invId}). Спасибо!`],
      },
    });
    return;
  }
  const worksDue = worksDueFor(moscowDay(ctx.now));
  await tx
    .update(connectionApplications)
    .set({ status: 'contracted', contractedAt: ctx.now, paidPaymentId: payment.id, worksDue, updatedAt: ctx.now })
    .where(eq(connectionApplications.id, application.id));
  await recordConnectionEvent(tx, {
    applicationId: application.id,
    kind: 'contracted',
    note: `Платёж № ${payment.invId}, ${formatRub(payment.amountKopecks)}`,
    actorUserId: null,
    at: ctx.now,
    audit: 'connection.paid',
    ip: ctx.ip,
    details: { invId: payment.invId, amountKopecks: payment.amountKopecks, worksDue },
    letter: {
      headline: 'счёт оплачен, договор заключён',
      details: [
        `Мы получили оплату ${formatRub(payment.amountKopecks)} (платёж № ${payment.invId}). Договор об осуществлении технологического присоединения заключён в день оплаты.`,
        `Сетевая организация выполнит мероприятия до ${formatDate(worksDue)}. Гарантирующий поставщик разместит в кабинете проект договора энергоснабжения в течение 10 рабочих дней.`,
      ],
    },
  });
}
