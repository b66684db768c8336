'use client';

import { ActionForm, lazySchema, SubmitButton } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';
const linkTokenSchema = lazySchema(() => import('@/lib/auth/schemas'), 'linkTokenSchema');

/** One button that posts a link's token: mail scanners that open links cannot use it up. */
export function TokenButtonForm({
  action,
  token,
  label,
  pendingLabel,
}: {
  action: FormAction;
  token: string;
  label: string;
  pendingLabel: string;
}) {
  return (
    <ActionForm schema={linkTokenSchema} action={action} defaultValues={{ token }}>
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingLabel={pendingLabel}>{label}</SubmitButton>
    </ActionForm>
  );
}
