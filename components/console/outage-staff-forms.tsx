'use client';

import { ActionForm, SubmitButton, TextField } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';
import { outageIdSchema } from '@/lib/content/outage-schema';
import { z } from 'zod';

// The estimate form is checked in the browser only for presence; the server reads the time as Moscow's.
const estimateInput = z.object({ id: z.string(), endsAt: z.string().min(1, 'Укажите новое окончание') });

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
      schema={estimateInput}
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
