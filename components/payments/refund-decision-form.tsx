'use client';

import { ActionForm, SubmitButton, lazySchema } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';

const refundDecisionSchema = lazySchema(() => import('@/lib/payments/refund-schema'), 'refundDecisionSchema');

/** One button per decision on a large refund waiting for a second staff member. */
export function RefundDecisionForm({
  action,
  requestId,
  decision,
}: {
  action: FormAction;
  requestId: string;
  decision: 'approve' | 'decline';
}) {
  return (
    <ActionForm schema={refundDecisionSchema} action={action} defaultValues={{ requestId, decision }}>
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="decision" value={decision} />
      {decision === 'approve' ? (
        <SubmitButton pendingLabel="Возвращаем…">Одобрить и вернуть</SubmitButton>
      ) : (
        <SubmitButton pendingLabel="Отклоняем…" className="btn-danger">
          Отклонить
        </SubmitButton>
      )}
    </ActionForm>
  );
}
