import { z } from 'zod';
import { accountNumber, checkbox, optionalText, paymentAmount } from '@/lib/validation/fields';

// Payment forms, shared by the forms and their actions.

export const cabinetPaymentSchema = z.object({
  accountId: z.uuid('Выберите лицевой счёт'),
  amount: paymentAmount,
  billId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid().optional()),
  rememberCard: checkbox.optional().default(false),
});

export const bindingChargeSchema = z.object({
  accountId: z.uuid('Выберите лицевой счёт'),
  amount: paymentAmount,
  bindingId: z.uuid('Карта не найдена — обновите страницу'),
});

export const deleteBindingSchema = z.object({ bindingId: z.uuid('Карта не найдена — обновите страницу') });

export const guestLookupSchema = z.object({
  accountNumber,
  amount: paymentAmount,
  email: optionalText('Электронная почта', 254).refine(
    (v) => v === undefined || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v),
    'Проверьте адрес электронной почты: он выглядит как name@example.ru',
  ),
});

export const guestConfirmSchema = z.object({
  /** The lookup's result, signed by the server so the confirmed payee cannot be swapped. */
  ticket: z.string().min(10).max(2000),
});
