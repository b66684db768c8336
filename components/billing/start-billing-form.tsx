'use client';

import { ActionForm, CheckboxField, SubmitButton, lazySchema } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';

const startBillingSchema = lazySchema(() => import('@/lib/billing/schemas'), 'startBillingSchema');

/**
 * The one button that starts a billing run for the period on screen. On success the action redirects
 * to the page with the run's progress; «nothing new to bill» and refusals are shown above the button.
 */
export function StartBillingForm({
  action,
  period,
  periodLabel,
  quiet = false,
  openWindow = null,
}: {
  action: FormAction<{ runId: string | null }>;
  period: string;
  periodLabel: string;
  /** Nothing left to bill: the button stays (a rerun is safe and explains itself) but steps back. */
  quiet?: boolean;
  /** The window is still open: the staff confirmation to tick, naming how many accounts would be estimated. */
  openWindow?: string | null;
}) {
  return (
    <ActionForm
      schema={startBillingSchema}
      action={action}
      defaultValues={{ period, confirmOpenWindow: false }}
      className="grid gap-3"
      aria-label={`Начисление за ${periodLabel}`}
    >
      <input type="hidden" name="period" value={period} />
      {openWindow ? <CheckboxField name="confirmOpenWindow" label={openWindow} /> : null}
      <SubmitButton pendingLabel="Запускаем…" variant={quiet ? 'secondary' : 'primary'}>
        Начислить за {periodLabel}
      </SubmitButton>
    </ActionForm>
  );
}
