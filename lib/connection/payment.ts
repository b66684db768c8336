import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { connectionApplications, connectionPayments, payments } from '@/db/schema';
import { type ActionResult, fail, succeed } from '@/lib/actions/result';
import { moscowDay } from '@/lib/format/dates';
import type { PaymentGateway } from '@/lib/payments/gateway/types';
import { pendingInvoicePayment } from '@/lib/payments/pending-invoice-payment';
import { type Scope, scopeCondition } from './applications';
import { creditedParts, payableNow } from './invoice';
import { isUuid } from '@/lib/validation/ids';

// Paying a connection invoice goes through the same gateway flow as electricity, with a payment
// type of its own, «connection»: a pending payment with exactly the invoice's amount, completed
// only by the gateway's notification (lib/payments/notify.ts → ./credit.ts). No card is remembered
// for it: a binding serves one payment type, and an invoice is paid once.

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
    return succeed(
      await pendingInvoicePayment(tx, {
        gateway,
        sameInvoice: inArray(
          payments.id,
          tx
            .select({ id: connectionPayments.paymentId })
            .from(connectionPayments)
            .where(and(eq(connectionPayments.applicationId, application.id), eq(connectionPayments.part, due.part))),
        ),
        payment: {
          accountId: application.accountId,
          userId: user.id,
          purpose: 'connection',
          amountKopecks: due.kopecks,
          description: connectionPaymentDescription(application.number, application.installments ? due.part : null),
          receiptEmail: user.email,
          requestsBinding: false,
        },
        link: async (paymentId) => {
          await tx.insert(connectionPayments).values({ paymentId, applicationId: application.id, part: due.part });
        },
        details: { part: due.part, connectionApplicationId: application.id },
        ip: ctx.ip,
        now,
      }),
    );
  });
}
