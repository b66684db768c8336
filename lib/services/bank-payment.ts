import 'server-only';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { db } from '@/db/client';
import { payments, serviceBankPayments, serviceRequests } from '@/db/schema';
import { type ActionResult, fail, succeed } from '@/lib/actions/result';
import { formatDate, moscowDay } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';
import { audit } from '@/lib/security/audit';
import { creditServicePayment } from './credit';
import { serviceInvoiceNumber } from './invoice';
import type { bankPaymentSchema } from './schemas';
import { isPayable } from './status';

// Staff record that a company's bank transfer against the request's invoice arrived. The money is
// booked as a paid `services` payment through the bank and credited by the same code as a card
// payment's notification, so the request moves to «paid» by the same rules (and the same trigger);
// the request's row lock, its one `paid_payment_id` and the one bank-payment row per request
// make a second recording of the same transfer impossible.

/** The payments row's gateway for money that came by bank transfer, not through a card gateway. */
const BANK_GATEWAY = 'bank';

export async function recordBankPayment(
  staff: { id: string },
  input: z.output<typeof bankPaymentSchema>,
  ctx: { ip: string; now?: Date },
): Promise<ActionResult> {
  const now = ctx.now ?? new Date();
  if (input.receivedOn > moscowDay(now)) {
    return fail('Дата поступления ещё не наступила', {
      receivedOn: 'Укажите дату из выписки банка — сегодня или раньше',
    });
  }
  return db().transaction(async (tx) => {
    const [request] = await tx
      .select()
      .from(serviceRequests)
      .where(eq(serviceRequests.id, input.requestId))
      .for('update');
    if (!request) return fail('Заявка не найдена');
    if (request.paidPaymentId) return fail('Оплата по этой заявке уже получена — второй раз её не записать');
    if (!isPayable(request) || request.priceKopecks === null) {
      return fail('Заявку пока нельзя оплатить: цена не подтверждена или не принята заказчиком');
    }
    if (input.receivedOn < moscowDay(request.priceAcceptedAt!)) {
      return fail('Дата поступления раньше даты счёта', { receivedOn: 'Проверьте дату: счёт выставлен позже' });
    }
    const invoiceNumber = serviceInvoiceNumber(request.number);
    const [payment] = await tx
      .insert(payments)
      .values({
        accountId: request.accountId,
        userId: request.userId,
        purpose: 'services',
        serviceRequestId: request.id,
        amountKopecks: request.priceKopecks,
        status: 'paid',
        gateway: BANK_GATEWAY,
        description: `Оплата по счёту № ${invoiceNumber} (заявка № ${request.number}), платёжное поручение № ${input.orderNumber} от ${formatDate(input.receivedOn)}`,
        gatewayReference: input.orderNumber,
        paymentMethod: 'bank_transfer',
        paidAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!payment) throw new Error('recordBankPayment: insert returned nothing');
    await tx.insert(serviceBankPayments).values({
      requestId: request.id,
      paymentId: payment.id,
      receivedOn: input.receivedOn,
      orderNumber: input.orderNumber,
      recordedBy: staff.id,
      createdAt: now,
    });
    await creditServicePayment(tx, payment, { now, ip: ctx.ip });
    await audit(
      {
        action: 'service.bank_payment_recorded',
        actorUserId: staff.id,
        subjectType: 'service_request',
        subjectId: request.id,
        ip: ctx.ip,
        details: {
          invId: payment.invId,
          amountKopecks: payment.amountKopecks,
          receivedOn: input.receivedOn,
          orderNumber: input.orderNumber,
        },
      },
      tx,
    );
    return succeed({ message: `Оплата ${formatRub(payment.amountKopecks)} по заявке № ${request.number} записана` });
  });
}
