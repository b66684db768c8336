import { z } from 'zod';

// The staff refund form, shared by the form (client) and its Server Action.

const REFUND_REASON_MIN = 5;
export const REFUND_REASON_MAX = 500;

/** Rubles as typed («1 234,56», «10.5», «800») → whole kopecks, never through floating point. */
const refundAmount = z.preprocess(
  (v) => (typeof v === 'string' ? v.replace(/[\s\u00a0\u202f₽]|руб\.?/g, '').replace(',', '.') : v),
  z
    .string({ error: 'Укажите сумму возврата' })
    .min(1, 'Укажите сумму возврата')
    .regex(/^\d{1,9}(\.\d{1,2})?$/, 'Сумма — в рублях, с копейками не больше двух знаков после запятой: 1 234,56')
    .transform((s) => {
      const [rub, kop = ''] = s.split('.');
      return Number(rub) * 100 + Number(kop.padEnd(2, '0'));
    })
    .refine((k) => k >= 1, 'Сумма возврата должна быть больше нуля'),
);

export const refundSchema = z.object({
  paymentId: z.uuid('Платёж не найден — обновите страницу'),
  amount: refundAmount,
  reason: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z
      .string({ error: 'Укажите причину возврата' })
      .min(REFUND_REASON_MIN, `Опишите причину возврата — хотя бы ${REFUND_REASON_MIN} символов`)
      .max(REFUND_REASON_MAX, `Причина — не длиннее ${REFUND_REASON_MAX} символов`),
  ),
});

export type RefundFormInput = z.output<typeof refundSchema>;
