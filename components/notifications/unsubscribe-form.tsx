'use client';

import { ActionForm, SubmitButton, lazySchema } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';

const unsubscribeSchema = lazySchema(() => import('@/lib/notifications/schemas'), 'unsubscribeSchema');

export function UnsubscribeForm({ action, token }: { action: FormAction; token: string }) {
  return (
    <ActionForm
      schema={unsubscribeSchema}
      action={action}
      defaultValues={{ token }}
      className="space-y-4"
      successContent={(result) => (
        <p className="notice" role="status">
          {result.message}
        </p>
      )}
    >
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingLabel="Отписываем…">Отписаться</SubmitButton>
    </ActionForm>
  );
}
