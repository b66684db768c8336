import 'server-only';
import { and, desc, eq, gt } from 'drizzle-orm';
import { db } from '@/db/client';
import { connectionApplications, connectionPayments, payments } from '@/db/schema';
import { type ActionResult, fail, succeed } from '@/lib/actions/result';
import { moscowDay } from '@/lib/format/dates';
import type { PaymentGateway } from '@/lib/payments/gateway/types';
import { audit } from '@/lib/security/audit';
import { type Scope, scopeCondition } from './applications';
import { creditedParts, payableNow } from './invoice';
import { isUuid } from '@/lib/validation/ids';

// Paying a connection invoice goes through the same gateway flow as electricity, with a payment
// type of its own, «connection»: a pending payment with exactly the invoice's amount, completed
// only by the gateway's notification (lib/payments/notify.ts → ./credit.ts). No card is remembered
// for it: a binding serves one payment type, and an invoice is paid once.

const REUSE_PENDING_MS = 30 * 60_000;

function connectionPaymentDescription(number: number, part: number | null): string {
  const base = `Оплата по договору технологического присоединения № ТП-${number}`;
  return part ? `${base}, платёж ${part} из 4 по рассрочке` : base;
}

export async function startConnectionPayment(
  user: { id: string; email: string },
  scope: Scope,
  input: { applicationId: string },
  gateway: PaymentGateway,
  ctx: { ip: string; now?: Date },
): Promise<ActionResult<{ paymentId: string }>> {
  const now = ctx.now ?? new Date();
  if (!isUuid(input.applicationId)) return fail('Заявка не найдена среди ваших');
  return db().transaction(async (tx) => {
    const [application] = await tx
      .select()
      .from(connectionApplications)
      .where(and(eq(connectionApplications.id, input.applicationId), scopeCondition(scope)))
      .for('update');
    if (!application) return fail('Заявка не найдена среди ваших');
    const due = payableNow(application, await creditedParts(tx, application.id), now);
    if (!due) {
      return fail(
        application.status === 'offer_posted' && application.payBy && moscowDay(now) > application.payBy
          ? 'Срок оплаты счёта истёк — оферта аннулируется. Подайте новую заявку'
          : 'Этот счёт сейчас оплатить нельзя — обновите страницу, чтобы увидеть состояние заявки',
      );
    }
    const [pending] = await tx
      .select({ id: payments.id })
      .from(connectionPayments)
      .innerJoin(payments, eq(payments.id, connectionPayments.paymentId))
      .where(
        and(
          eq(connectionPayments.applicationId, application.id),
          eq(connectionPayments.part, due.part),
          eq(payments.status, 'pending'),
          eq(payments.gateway, gateway.id),
          eq(payments.amountKopecks, due.kopecks),
          gt(payments.createdAt, new Date(now.getTime() - REUSE_PENDING_MS)),
        ),
      )
      .orderBy(desc(payments.createdAt))
      .limit(1);
    if (pending) return succeed({ paymentId: pending.id });
    const [payment] = await tx
      .insert(payments)
      .values({
        accountId: application.accountId,
        userId: user.id,
        purpose: 'connection',
        amountKopecks: due.kopecks,
        gateway: gateway.id,
        description: connectionPaymentDescription(application.number, application.installments ? due.part : null),
        receiptEmail: user.email,
        requestsBinding: false,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: payments.id, invId: payments.invId });
    if (!payment) throw new Error('startConnectionPayment: insert returned nothing');
    await tx
      .insert(connectionPayments)
      .values({ paymentId: payment.id, applicationId: application.id, part: due.part });
    await audit(
      {
        action: 'payment.started',
        actorUserId: user.id,
        subjectType: 'payment',
        subjectId: payment.id,
        ip: ctx.ip,
        details: {
          invId: payment.invId,
          amountKopecks: due.kopecks,
          part: due.part,
          gateway: gateway.id,
          purpose: 'connection',
          connectionApplicationId: application.id,
        },
      },
      tx,
    );
    return succeed({ paymentId: payment.id });
  });
}
