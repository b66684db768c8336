'use client';

import { ActionForm, SubmitButton, TextField, lazySchema } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';

const outageIdSchema = lazySchema(() => import('@/lib/content/outage-schema'), 'outageIdSchema');

const outageEstimateSchema = lazySchema(() => import('@/lib/content/outage-schema'), 'outageEstimateSchema');

export function ResolveOutageForm({ action, id }: { action: FormAction; id: string }) {
  return (
    <ActionForm schema={outageIdSchema} action={action} defaultValues={{ id }} aria-label="Электричество восстановлено">
      <input type="hidden" name="id" value={id} />
      <SubmitButton pendingLabel="Отмечаем…">Восстановлено</SubmitButton>
    </ActionForm>
  );
}

export function MoveOutageEndForm({ action, id, endsAt }: { action: FormAction; id: string; endsAt: string }) {
  return (
    <ActionForm
      schema={outageEstimateSchema}
      action={action}
      defaultValues={{ id, endsAt }}
      className="grid gap-2 sm:grid-cols-[1fr_auto] sm:items-end"
      aria-label="Новое окончание"
    >
      <input type="hidden" name="id" value={id} />
      <TextField name="endsAt" type="datetime-local" label="Новое окончание (московское)" required />
      <SubmitButton variant="secondary" pendingLabel="Сохраняем…">
        Изменить срок
      </SubmitButton>
    </ActionForm>
  );
}
