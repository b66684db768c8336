'use client';

import { startTransition, useActionState, useState, type FormEvent } from 'react';
import { FieldError, FormAlert, SubmitButton } from '@/components/forms';
import type { ActionResult } from '@/lib/actions/result';
import type { FormAction } from '@/lib/actions/result';
import { OUTAGE_ESTIMATE_HOURS } from '@/lib/content/outage-estimates';
import type { OutageKind } from '@/db/enums';

// Built to be filled in on a phone in under a minute: a settlement from the list, streets ticked
// from the streets its accounts have, the start prefilled with «now», an estimate picked from a
// list, a reason from common ones. The server checks everything again with the same schema.

export interface OutageFormProps {
  action: FormAction;
  kind: OutageKind;
  book: { settlement: string; streets: string[] }[];
  /** «now» in Moscow as a datetime-local value, computed by the server for the default start. */
  nowInput: string;
}

const control =
  'mt-1.5 block w-full min-h-12 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm focus:border-brand-500 aria-invalid:border-danger-600';

const commonReasons = [
  'повреждение кабельной линии',
  'повреждение воздушной линии',
  'отключение на подстанции',
  'последствия непогоды',
  'замена оборудования ТП',
  'ремонт опор ВЛ-0,4 кВ',
];

export function OutageForm({ action, kind, book, nowInput }: OutageFormProps) {
  const [state, formAction, pending] = useActionState<ActionResult | null, FormData>(action, null);
  const [settlement, setSettlement] = useState('');
  const streets = book.find((b) => b.settlement === settlement)?.streets ?? [];
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const error = (name: string) => (state && !state.ok ? state.fieldErrors[name] : undefined);
  const emergency = kind === 'emergency';
  // Posting from onSubmit (not the form's action) keeps what was typed when the server refuses it:
  // React resets a form after its action runs.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };

  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      className="grid gap-5"
      aria-label={emergency ? 'Аварийное отключение' : 'Плановое отключение'}
    >
      {state && !state.ok ? <FormAlert message={state.message} focusKey={state} /> : null}
      <input type="hidden" name="kind" value={kind} />
      <div>
        <label htmlFor="outage-settlement" className="font-medium">
          Населённый пункт
        </label>
        <select
          id="outage-settlement"
          name="settlement"
          required
          value={settlement}
          onChange={(e) => {
            setSettlement(e.currentTarget.value);
            setTicked(new Set());
          }}
          aria-invalid={error('settlement') ? true : undefined}
          aria-describedby="outage-settlement-error"
          className={control}
        >
          <option value="">Выберите…</option>
          {book.map((b) => (
            <option key={b.settlement} value={b.settlement}>
              {b.settlement}
            </option>
          ))}
        </select>
        <FieldError id="outage-settlement-error">{error('settlement')}</FieldError>
      </div>

      {settlement ? (
        <fieldset className="rounded-lg border border-slate-200 p-3">
          <legend className="px-1 font-medium">Улицы</legend>
          <p className="mb-2 text-sm text-slate-600">
            Отметьте улицы; без отметок — весь населённый пункт. Дома — через запятую (1–25, 27, 30а), пусто — все дома
            улицы.
          </p>
          <ul className="grid gap-2">
            {streets.map((street) => {
              const id = `street-${streets.indexOf(street)}`;
              const housesError = error(`houses:${street}`);
              return (
                <li key={street} className="grid gap-2 sm:grid-cols-[1fr_14rem] sm:items-center">
                  <label htmlFor={id} className="flex min-h-11 items-center gap-3">
                    <input
                      id={id}
                      type="checkbox"
                      name="street"
                      value={street}
                      checked={ticked.has(street)}
                      onChange={(e) => {
                        const next = new Set(ticked);
                        if (e.currentTarget.checked) next.add(street);
                        else next.delete(street);
                        setTicked(next);
                      }}
                      className="size-6"
                    />
                    <span>{street}</span>
                  </label>
                  {ticked.has(street) ? (
                    <div>
                      <label htmlFor={`${id}-houses`} className="sr-only">
                        Дома на улице {street}
                      </label>
                      <input
                        id={`${id}-houses`}
                        name={`houses:${street}`}
                        placeholder="все дома"
                        autoComplete="off"
                        maxLength={300}
                        aria-invalid={housesError ? true : undefined}
                        aria-describedby={`${id}-houses-error`}
                        className={control}
                      />
                      <FieldError id={`${id}-houses-error`}>{housesError}</FieldError>
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </fieldset>
      ) : null}

      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="outage-starts" className="font-medium">
            {emergency ? 'Началось (московское время)' : 'Начало (московское время)'}
          </label>
          <input
            id="outage-starts"
            type="datetime-local"
            name="startsAt"
            required
            defaultValue={emergency ? nowInput : ''}
            aria-invalid={error('startsAt') ? true : undefined}
            aria-describedby="outage-starts-error"
            className={control}
          />
          <FieldError id="outage-starts-error">{error('startsAt')}</FieldError>
        </div>
        {emergency ? (
          <div>
            <label htmlFor="outage-estimate" className="font-medium">
              Восстановим ориентировочно через
            </label>
            <select id="outage-estimate" name="estimateHours" defaultValue="" className={control}>
              <option value="">срок уточняется</option>
              {OUTAGE_ESTIMATE_HOURS.map((h) => (
                <option key={h} value={h}>
                  {h} ч
                </option>
              ))}
            </select>
            <input type="hidden" name="endsAt" value="" />
          </div>
        ) : (
          <div>
            <label htmlFor="outage-ends" className="font-medium">
              Окончание (московское время)
            </label>
            <input
              id="outage-ends"
              type="datetime-local"
              name="endsAt"
              required
              aria-invalid={error('endsAt') ? true : undefined}
              aria-describedby="outage-ends-error"
              className={control}
            />
            <FieldError id="outage-ends-error">{error('endsAt')}</FieldError>
          </div>
        )}
      </div>
      {emergency ? <FieldError id="outage-ends-error">{error('endsAt')}</FieldError> : null}

      <div>
        <label htmlFor="outage-reason" className="font-medium">
          Причина
        </label>
        <input
          id="outage-reason"
          name="reason"
          required
          maxLength={300}
          list="outage-reasons"
          autoComplete="off"
          aria-invalid={error('reason') ? true : undefined}
          aria-describedby="outage-reason-error"
          className={control}
        />
        <datalist id="outage-reasons">
          {commonReasons.map((r) => (
            <option key={r} value={r} />
          ))}
        </datalist>
        <FieldError id="outage-reason-error">{error('reason')}</FieldError>
      </div>

      <SubmitButton
        block={emergency}
        variant={emergency ? 'danger' : 'primary'}
        disabled={pending}
        pendingLabel="Публикуем…"
      >
        Опубликовать отключение
      </SubmitButton>
    </form>
  );
}
