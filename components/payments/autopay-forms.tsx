'use client';

import { ActionForm, SelectField, SubmitButton, TextField, lazySchema } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';
import { AUTOPAY_NOTICE_OPTIONS } from '@/lib/payments/autopay-notice';

const autopayOffSchema = lazySchema(() => import('@/lib/payments/autopay-schema'), 'autopayOffSchema');
const autopaySchema = lazySchema(() => import('@/lib/payments/autopay-schema'), 'autopaySchema');

export interface AutopayFormValues {
  bindingId: string;
  mode: 'full_bill' | 'fixed';
  /** As the amount fields show it («1234,56»), or ''. */
  fixedAmount: string;
  monthlyCap: string;
  noticeHours: string;
}

/** Turns autopay on for one account, or changes it. */
export function AutopayForm({
  action,
  accountId,
  cards,
  values,
  isOn,
}: {
  action: FormAction;
  accountId: string;
  cards: { value: string; label: string }[];
  values: AutopayFormValues;
  isOn: boolean;
}) {
  return (
    <ActionForm
      schema={autopaySchema}
      action={action}
      defaultValues={{ accountId, ...values }}
      className="grid gap-4"
      aria-label="Настройки автоплатежа"
    >
      {(api) => (
        <>
          <input type="hidden" name="accountId" value={accountId} />
          <SelectField name="bindingId" label="Карта" options={cards} />
          <SelectField
            name="mode"
            label="Сколько списывать"
            options={[
              { value: 'full_bill', label: 'Каждый новый счёт полностью' },
              { value: 'fixed', label: 'Фиксированную сумму по каждому счёту' },
            ]}
          />
          {api.form.watch('mode') === 'fixed' ? (
            <TextField name="fixedAmount" label="Сумма, ₽" inputMode="decimal" autoComplete="off" required />
          ) : null}
          <TextField
            name="monthlyCap"
            label="Не больше в месяц, ₽"
            hint="Сверх лимита не спишем — об этом придёт уведомление"
            inputMode="decimal"
            autoComplete="off"
            required
          />
          <SelectField
            name="noticeHours"
            label="Предупредить о списании"
            options={AUTOPAY_NOTICE_OPTIONS.map((o) => ({ value: o.value, label: o.label }))}
          />
          <SubmitButton pendingLabel="Сохраняем…">{isOn ? 'Сохранить' : 'Включить автоплатёж'}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function AutopayOffForm({ action, accountId }: { action: FormAction; accountId: string }) {
  return (
    <ActionForm
      schema={autopayOffSchema}
      action={action}
      defaultValues={{ accountId }}
      className="grid gap-3"
      aria-label="Выключить автоплатёж"
    >
      <input type="hidden" name="accountId" value={accountId} />
      <SubmitButton pendingLabel="Выключаем…" variant="secondary">
        Выключить автоплатёж
      </SubmitButton>
    </ActionForm>
  );
}
