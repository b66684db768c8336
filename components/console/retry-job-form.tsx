'use client';

import { ActionForm, SubmitButton, lazySchema } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';

const retryJobSchema = lazySchema(() => import('@/lib/jobs/schemas'), 'retryJobSchema');

export function RetryJobForm({
  action,
  queue,
  jobId,
  label,
}: {
  action: FormAction;
  queue: string;
  jobId: string;
  label: string;
}) {
  return (
    <ActionForm
      schema={retryJobSchema}
      action={action}
      defaultValues={{ queue, jobId }}
      aria-label={`Повторить: ${label}`}
    >
      <input type="hidden" name="queue" value={queue} />
      <input type="hidden" name="jobId" value={jobId} />
      <SubmitButton variant="secondary" pendingLabel="Ставим в очередь…">
        Повторить
      </SubmitButton>
    </ActionForm>
  );
}
