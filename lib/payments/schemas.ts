import { z } from 'zod';
import { checkbox, optionalText, paymentAmount } from '@/lib/validation/fields';
import { payerReference, recognizePayerReference } from '@/lib/validation/gis-ids';

// Payment forms, shared by the forms and their actions.

/** The payer's choice of gateway, sent only when the page offers one; checked against the configured ones. */
const gatewayChoice = z.preprocess(
  (v) => (v === '' ? undefined : v),
  z.enum(['robokassa', 'moneta', 'netpay', 'sandbox'], { error: 'Выберите платёжный сервис' }).optional(),
);

export const cabinetPaymentSchema = z.object({
  accountId: z.uuid('Выберите лицевой счёт'),
  amount: paymentAmount,
  billId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid().optional()),
  rememberCard: checkbox.optional().default(false),
  gateway: gatewayChoice,
});

export const bindingChargeSchema = z.object({
  accountId: z.uuid('Выберите лицевой счёт'),
  amount: paymentAmount,
  bindingId: z.uuid('Карта не найдена — обновите страницу'),
});

export const deleteBindingSchema = z.object({ bindingId: z.uuid('Карта не найдена — обновите страницу') });

/**
 * Paying without an account: one box for the account number, the ЕЛС, the ИЖКУ or the ИПД
 * (recognised by shape, lib/validation/gis-ids.ts). The sum may be left empty for an ИПД only: it
 * pays what that document still owes.
 */
export const guestLookupSchema = z
  .object({
    accountNumber: payerReference,
    amount: z.preprocess((v) => (v === '' || v === null ? undefined : v), paymentAmount.optional()),
    email: optionalText('Электронная почта', 254).refine(
      (v) => v === undefined || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v),
      'Проверьте адрес электронной почты: он выглядит как name@example.ru',
    ),
  })
  .superRefine((input, ctx) => {
    if (input.amount === undefined && recognizePayerReference(input.accountNumber)?.kind !== 'ipd')
      ctx.addIssue({ code: 'custom', path: ['amount'], message: 'Укажите сумму' });
  });

export const guestConfirmSchema = z.object({
  /** The lookup's result, signed by the server so the confirmed payee cannot be swapped. */
  ticket: z.string().min(10).max(2000),
  gateway: gatewayChoice,
});

/** At most this many accounts in one payment (the receipt's 100 lines hold two per account). */
const SEVERAL_ACCOUNTS_MAX = 50;

/** «Оплатить несколько счетов»: the ticked accounts' dues in one gateway payment. */
export const severalAccountsPaymentSchema = z.object({
  accountIds: z.preprocess(
    (v) => (v === undefined || v === '' || v === false ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.uuid('Лицевой счёт не найден — обновите страницу'))
      .min(1, 'Отметьте лицевые счета, которые оплачиваете')
      .max(SEVERAL_ACCOUNTS_MAX, `Не больше ${SEVERAL_ACCOUNTS_MAX} лицевых счетов в одном платеже`),
  ),
  gateway: gatewayChoice,
});
