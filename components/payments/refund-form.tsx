'use client';

import { ActionForm, SubmitButton, TextAreaField, TextField, lazySchema } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';
import { REFUND_REASON_MAX } from '@/lib/payments/refund-limits';

const refundSchema = lazySchema(() => import('@/lib/payments/refund-schema'), 'refundSchema');

/**
 * Staff return money of a paid payment to the payer's card. The limit shown is what is left of the
 * payment now; the server checks it again under the payment's row lock.
 */
export function RefundForm({
  action,
  paymentId,
  invId,
  refundable,
  approvalAbove,
}: {
  action: FormAction;
  paymentId: string;
  invId: number;
  refundable: string;
  /** Refunds above this need a second staff member's approval. */
  approvalAbove?: string;
}) {
  return (
    <ActionForm
      schema={refundSchema}
      action={action}
      defaultValues={{ paymentId, amount: '', reason: '' }}
      aria-label={`Возврат по платежу № ${invId}`}
    >
      <input type="hidden" name="paymentId" value={paymentId} />
      <TextField
        name="amount"
        label="Сумма возврата, ₽"
        hint={`Не больше ${refundable}; рубли и копейки через запятую${approvalAbove ? `. Больше ${approvalAbove} — после одобрения другим сотрудником` : ''}`}
        inputMode="decimal"
        autoComplete="off"
        required
      />
      <TextAreaField
        name="reason"
        label="Причина возврата"
        hint={`Например: «Ошибочный повторный платёж, заявление от 20.11.2026». Видна сотрудникам и в журнале, плательщику не отправляется. До ${REFUND_REASON_MAX} символов.`}
        rows={3}
        maxLength={REFUND_REASON_MAX}
        required
      />
      <SubmitButton pendingLabel="Оформляем возврат…">Вернуть деньги на карту</SubmitButton>
    </ActionForm>
  );
}
