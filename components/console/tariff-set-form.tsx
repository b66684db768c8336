'use client';

import { startTransition, useActionState, useState, type FormEvent } from 'react';
import { FieldError, FormAlert, SubmitButton } from '@/components/forms';
import type { ActionResult } from '@/lib/actions/result';
import type { FormAction } from '@/lib/actions/result';
import {
  categoryLabels,
  zonePlanLabels,
  zonesForPlan,
  zoneShortLabels,
  type TariffCategory,
  type ZonePlan,
} from '@/lib/tariffs/zones';

// A new tariff set beside the one in force: pick the category and zone plan, the month it starts
// (always from the 1st), up to two volume boundaries, and a price per zone and range. The current
// price of each zone is shown next to its field.

export interface CurrentRates {
  /** `${category}|${plan}|${zone}|${rangeFrom}` → «9,79 ₽» */
  [key: string]: string;
}

const control =
  'mt-1.5 block w-full min-h-11 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm focus:border-brand-500 aria-invalid:border-danger-600';

export function TariffSetForm({
  action,
  current,
  firstMonth,
}: {
  action: FormAction;
  current: CurrentRates;
  firstMonth: string;
}) {
  const [state, formAction, pending] = useActionState<ActionResult | null, FormData>(action, null);
  const [category, setCategory] = useState<TariffCategory>('urban');
  const [plan, setPlan] = useState<ZonePlan>(1);
  const [ranges, setRanges] = useState(1);
  const error = (name: string) => (state && !state.ok ? state.fieldErrors[name] : undefined);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
  const field = (id: string, label: string, input: React.ReactNode, name: string, hint?: string) => (
    <div>
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {hint ? <p className="text-sm text-slate-600">{hint}</p> : null}
      {input}
      <FieldError id={`${id}-error`}>{error(name)}</FieldError>
    </div>
  );

  return (
    <form action={formAction} onSubmit={onSubmit} className="grid gap-5" aria-label="Новый набор тарифов">
      {state && !state.ok ? <FormAlert message={state.message} focusKey={state} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {field(
          'tariff-category',
          'Категория',
          <select
            id="tariff-category"
            name="category"
            value={category}
            onChange={(e) => setCategory(e.currentTarget.value as TariffCategory)}
            className={control}
          >
            {(Object.keys(categoryLabels) as TariffCategory[]).map((c) => (
              <option key={c} value={c}>
                {categoryLabels[c]}
              </option>
            ))}
          </select>,
          'category',
        )}
        {field(
          'tariff-plan',
          'Тариф по зонам суток',
          <select
            id="tariff-plan"
            name="zonePlan"
            value={plan}
            onChange={(e) => setPlan(Number(e.currentTarget.value) as ZonePlan)}
            className={control}
          >
            {([1, 2, 3] as ZonePlan[]).map((p) => (
              <option key={p} value={p}>
                {zonePlanLabels[p]}
              </option>
            ))}
          </select>,
          'zonePlan',
        )}
        {field(
          'tariff-month',
          'Действует с 1-го числа месяца',
          <input
            id="tariff-month"
            type="month"
            name="effectiveMonth"
            min={firstMonth}
            required
            aria-invalid={error('effectiveMonth') ? true : undefined}
            aria-describedby="tariff-month-error"
            className={control}
          />,
          'effectiveMonth',
        )}
        {field(
          'tariff-ranges',
          'Диапазоны объёма потребления',
          <select
            id="tariff-ranges"
            value={ranges}
            onChange={(e) => setRanges(Number(e.currentTarget.value))}
            className={control}
          >
            <option value={1}>Один — весь объём по одной цене</option>
            <option value={2}>Два (I и II диапазон)</option>
            <option value={3}>Три (I, II и III диапазон)</option>
          </select>,
          'ranges',
        )}
      </div>
      {ranges > 1 ? (
        <div className="grid gap-4 sm:grid-cols-2">
          {field(
            'tariff-break1',
            'Граница I диапазона, кВт·ч в месяц',
            <input
              id="tariff-break1"
              name="break1"
              inputMode="numeric"
              required
              className={control}
              aria-invalid={error('break1') ? true : undefined}
            />,
            'break1',
          )}
          {ranges > 2
            ? field(
                'tariff-break2',
                'Граница II диапазона, кВт·ч в месяц',
                <input
                  id="tariff-break2"
                  name="break2"
                  inputMode="numeric"
                  required
                  className={control}
                  aria-invalid={error('break2') ? true : undefined}
                />,
                'break2',
              )
            : null}
        </div>
      ) : null}
      <fieldset className="rounded-lg border border-slate-200 p-3">
        <legend className="px-1 font-medium">Цены, ₽ за кВт·ч с НДС</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          {zonesForPlan(plan).flatMap((zone) =>
            Array.from({ length: ranges }, (_, range) => {
              const name = `price:${zone}:${range}`;
              const id = `tariff-${zone}-${range}`;
              const now = range === 0 ? current[`${category}|${plan}|${zone}|0`] : undefined;
              return (
                <div key={`${plan}-${name}`}>
                  <label htmlFor={id} className="font-medium">
                    {zoneShortLabels[zone]}
                    {ranges > 1 ? `, ${['I', 'II', 'III'][range]} диапазон` : ''}
                  </label>
                  <p className="text-sm text-slate-600">{now ? `сейчас ${now}` : 'сейчас не действует'}</p>
                  <input
                    id={id}
                    name={name}
                    inputMode="decimal"
                    required
                    autoComplete="off"
                    placeholder="9,79"
                    aria-invalid={error(name) ? true : undefined}
                    aria-describedby={`${id}-error`}
                    className={control}
                  />
                  <FieldError id={`${id}-error`}>{error(name)}</FieldError>
                </div>
              );
            }),
          )}
        </div>
      </fieldset>
      {field(
        'tariff-decree',
        'Основание (распоряжение, его номер и дата)',
        <input id="tariff-decree" name="decree" maxLength={300} autoComplete="off" className={control} />,
        'decree',
      )}
      <SubmitButton disabled={pending} pendingLabel="Сохраняем…">
        Добавить набор тарифов
      </SubmitButton>
    </form>
  );
}
