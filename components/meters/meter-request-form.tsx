'use client';

import { ActionForm, SelectField, SubmitButton, TextField, lazySchema } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';
import { FileField } from './file-field';

const requestMeterSchema = lazySchema(() => import('@/lib/meters/schemas'), 'requestMeterSchema');

export interface AccountOption {
  id: string;
  label: string;
}

/** An active meter a new one may replace. */
export interface ReplaceableMeter {
  id: string;
  label: string;
}

const zoneOptions = [
  { value: '1', label: 'Однотарифный (одна зона, круглосуточно)' },
  { value: '2', label: 'Двухзонный: день и ночь (T1, T2)' },
  { value: '3', label: 'Трёхзонный: пик, полупик и ночь (T1, T3, T2)' },
];

/** The subscriber's request to add a meter; staff confirm it and record the initial readings. */
export function MeterRequestForm({
  action,
  accounts,
  today,
  replaceable = [],
}: {
  action: FormAction;
  accounts: AccountOption[];
  today: string;
  replaceable?: ReplaceableMeter[];
}) {
  const single = accounts.length === 1 ? accounts[0] : undefined;
  return (
    <ActionForm
      schema={requestMeterSchema}
      action={action}
      aria-labelledby="meter-request-heading"
      defaultValues={{
        accountId: single?.id ?? '',
        serialNumber: '',
        model: '',
        zonePlan: '1',
        installedAt: '',
        replacesMeterId: '',
      }}
    >
      {single ? (
        <>
          <input type="hidden" name="accountId" value={single.id} />
          <p className="text-sm text-slate-600">Лицевой счёт {single.label}</p>
        </>
      ) : (
        <SelectField
          name="accountId"
          label="Лицевой счёт"
          placeholder="Выберите счёт"
          options={accounts.map((a) => ({ value: a.id, label: a.label }))}
          required
        />
      )}
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField
          name="serialNumber"
          label="Заводской номер"
          hint="Напечатан на табличке счётчика после «№»"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          required
        />
        <TextField name="model" label="Модель" hint="Необязательно, например «Меркурий 201.8»" autoComplete="off" />
        <SelectField name="zonePlan" label="Тарифные зоны" options={zoneOptions} required />
        <TextField
          name="installedAt"
          type="date"
          label="Дата установки"
          max={today}
          hint="Из акта ввода в эксплуатацию"
          required
        />
      </div>
      {replaceable.length > 0 ? (
        <SelectField
          name="replacesMeterId"
          label="Новый счётчик заменил прежний?"
          hint="Если да — выберите снятый счётчик и приложите фото таблички нового; сотрудник внесёт конечные показания старого по акту замены"
          placeholder="Нет, это дополнительный счётчик"
          options={replaceable.map((m) => ({ value: m.id, label: m.label }))}
        />
      ) : null}
      <FileField
        name="photo"
        label="Фото таблички счётчика"
        hint="Необязательно: снимок, на котором виден заводской номер и дата поверки. JPEG, PNG или WebP, до 2 МБ."
      />
      <SubmitButton pendingLabel="Отправляем…">Отправить заявку</SubmitButton>
    </ActionForm>
  );
}
