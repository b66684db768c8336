import { z } from 'zod';
import { PAYMENT_MAX_KOPECKS, paymentAmount, rubles } from '@/lib/validation/fields';

// The autopay form, shared by the form and its action.

const AUTOPAY_NOTICE_MAX_HOURS = 240;

const optionalAmount = z.preprocess((v) => (v === '' || v === null ? undefined : v), paymentAmount.optional());

export const autopaySchema = z
  .object({
    accountId: z.uuid('Выберите лицевой счёт'),
    bindingId: z.uuid('Выберите привязанную карту'),
    mode: z.enum(['full_bill', 'fixed'], { error: 'Выберите, сколько списывать' }),
    fixedAmount: optionalAmount,
    monthlyCap: rubles({
      label: 'лимит списаний в месяц',
      min: { kopecks: 100, message: 'Лимит — не меньше 1 ₽' },
      max: { kopecks: PAYMENT_MAX_KOPECKS, message: 'Лимит — не больше 500 000 ₽ в месяц' },
    }),
    noticeHours: z.coerce
      .number({ error: 'Выберите, когда предупредить о списании' })
      .int('Выберите, когда предупредить о списании')
      .min(1, 'Предупредим не раньше чем за час до списания')
      .max(AUTOPAY_NOTICE_MAX_HOURS, 'Предупредим не раньше чем за 10 дней до списания'),
  })
  .superRefine((input, ctx) => {
    if (input.mode !== 'fixed') return;
    if (input.fixedAmount === undefined) {
      ctx.addIssue({ code: 'custom', path: ['fixedAmount'], message: 'Укажите сумму, которую списывать' });
    } else if (input.fixedAmount > input.monthlyCap) {
      ctx.addIssue({ code: 'custom', path: ['fixedAmount'], message: 'Сумма больше лимита в месяц — её не спишем' });
    }
  });

export const autopayOffSchema = z.object({ accountId: z.uuid('Выберите лицевой счёт') });
