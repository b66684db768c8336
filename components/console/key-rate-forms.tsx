'use client';

import { ActionForm, SelectField, SubmitButton, TextField, lazySchema } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';

const keyRateSchema = lazySchema(() => import('@/lib/billing/key-rate-schema'), 'keyRateSchema');
const reliefPeriodSchema = lazySchema(() => import('@/lib/billing/key-rate-schema'), 'reliefPeriodSchema');

export function KeyRateForm({ action }: { action: FormAction }) {
  return (
    <ActionForm schema={keyRateSchema} action={action} defaultValues={{ effectiveFrom: '', rate: '' }}>
      <TextField name="effectiveFrom" type="date" label="Действует с" required />
      <TextField
        name="rate"
        label="Ключевая ставка, % годовых"
        inputMode="decimal"
        autoComplete="off"
        hint="Как в решении Банка России, например 16,5"
        required
      />
      <SubmitButton pendingLabel="Сохраняем…">Добавить ставку</SubmitButton>
    </ActionForm>
  );
}

export function ReliefPeriodForm({ action }: { action: FormAction }) {
  return (
    <ActionForm
      schema={reliefPeriodSchema}
      action={action}
      defaultValues={{ kind: 'moratorium', startsOn: '', endsOn: '', cap: '', basis: '' }}
    >
      <SelectField
        name="kind"
        label="Вид"
        options={[
          { value: 'moratorium', label: 'Мораторий: пени не начисляются' },
          { value: 'rate_cap', label: 'Предельная ставка: не выше указанной' },
        ]}
        required
      />
      <TextField name="startsOn" type="date" label="Первый день" required />
      <TextField name="endsOn" type="date" label="Последний день (включительно)" required />
      <TextField
        name="cap"
        label="Предельная ставка, % годовых"
        inputMode="decimal"
        autoComplete="off"
        hint="Только для предельной ставки, например 9,5"
      />
      <TextField name="basis" label="Основание" hint="Например: ПП РФ от 26.03.2022 № 474" required />
      <SubmitButton pendingLabel="Сохраняем…">Добавить период</SubmitButton>
    </ActionForm>
  );
}
