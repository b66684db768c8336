import { z } from 'zod';
import { rubles } from '@/lib/validation/fields';
import { REFUND_REASON_MAX } from '@/lib/payments/refund-limits';

// The staff refund form, shared by the form (client) and its Server Action.

const REFUND_REASON_MIN = 5;

const refundAmount = rubles({
  label: 'сумму возврата',
  min: { kopecks: 1, message: 'Сумма возврата должна быть больше нуля' },
});

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

/** Approve or decline a large refund that waits for a second staff member. */
export const refundDecisionSchema = z.object({
  requestId: z.uuid('Запрос не найден — обновите страницу'),
  decision: z.enum(['approve', 'decline'], { error: 'Выберите решение' }),
});
