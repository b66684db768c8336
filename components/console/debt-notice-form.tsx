'use client';

import { ActionForm, SubmitButton, lazySchema } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';

const debtNoticeSchema = lazySchema(() => import('@/lib/debtors/notice-schema'), 'debtNoticeSchema');

export function DebtNoticeForm({
  action,
  accountId,
  number,
}: {
  action: FormAction;
  accountId: string;
  number: string;
}) {
  return (
    <ActionForm
      schema={debtNoticeSchema}
      action={action}
      defaultValues={{ target: accountId }}
      className="grid gap-2"
      aria-label={`Уведомление о задолженности по счёту ${number}`}
      successContent={() => null}
    >
      <input type="hidden" name="target" value={accountId} />
      <SubmitButton variant="secondary" pendingLabel="Отправляем…">
        Направить уведомление
      </SubmitButton>
    </ActionForm>
  );
}
