'use client';

import { ActionForm, SubmitButton, TextAreaField, lazySchema } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';

const decisionSchema = lazySchema(() => import('@/lib/auth/schemas'), 'decisionSchema');

export function ApproveForm({ action, userId }: { action: FormAction; userId: string }) {
  return (
    <ActionForm schema={decisionSchema} action={action} defaultValues={{ userId, decision: 'approve' }}>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="decision" value="approve" />
      <SubmitButton pendingLabel="Открываем доступ…">Одобрить</SubmitButton>
    </ActionForm>
  );
}

export function RejectForm({ action, userId }: { action: FormAction; userId: string }) {
  return (
    <ActionForm
      schema={decisionSchema}
      action={action}
      defaultValues={{ userId, decision: 'reject', reason: '' }}
      className="space-y-2"
    >
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="decision" value="reject" />
      <TextAreaField name="reason" label="Причина отказа" hint="Заявитель получит её в письме" />
      <SubmitButton pendingLabel="Отклоняем…" className="btn-danger">
        Отклонить
      </SubmitButton>
    </ActionForm>
  );
}
