'use client';

import { ActionForm, SubmitButton } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';
import { z } from 'zod';

const tokenOnly = z.object({ token: z.string() });

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
    <ActionForm schema={tokenOnly} action={action} defaultValues={{ token }}>
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingLabel={pendingLabel}>{label}</SubmitButton>
    </ActionForm>
  );
}
