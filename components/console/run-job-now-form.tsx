'use client';

import { ActionForm, SubmitButton, lazySchema } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';

const runJobNowSchema = lazySchema(() => import('@/lib/jobs/schemas'), 'runJobNowSchema');

/** «Запустить сейчас» beside a scheduled queue at /admin/jobs. */
export function RunJobNowForm({ action, queue, label }: { action: FormAction; queue: string; label: string }) {
  return (
    <ActionForm
      schema={runJobNowSchema}
      action={action}
      defaultValues={{ queue }}
      aria-label={`Запустить сейчас: ${label}`}
      className="grid justify-items-end gap-1"
    >
      <input type="hidden" name="queue" value={queue} />
      <SubmitButton variant="secondary" pendingLabel="Ставим в очередь…">
        Запустить сейчас
      </SubmitButton>
    </ActionForm>
  );
}
