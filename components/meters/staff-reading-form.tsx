'use client';

import { ActionForm, CheckboxField, SubmitButton, TextField, lazySchema } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';
import { type ReadingFilter } from '@/lib/meters/schemas';
import type { TariffZone } from '@/lib/tariffs/zones';

const staffReadingSchema = lazySchema(() => import('@/lib/meters/schemas'), 'staffReadingSchema');

export interface StaffRegisterField {
  zone: TariffZone;
  label: string;
  hint: string;
}

/**
 * A reading staff enter for a subscriber (by phone, from a paper form) for the period on screen.
 * `filter`, `page` and `q` travel along so the list comes back where it was.
 */
export function StaffReadingForm({
  action,
  meterId,
  serialNumber,
  period,
  registers,
  back,
}: {
  action: FormAction;
  meterId: string;
  serialNumber: string;
  period: string;
  registers: StaffRegisterField[];
  back: { filter?: ReadingFilter; page?: number; q?: string };
}) {
  const defaults = Object.fromEntries(registers.map((r) => [`zone_${r.zone}`, '']));
  return (
    <ActionForm
      schema={staffReadingSchema}
      action={action}
      defaultValues={{ meterId, period, confirmImplausible: false, ...defaults }}
      className="grid gap-3"
      aria-label={`Показание счётчика № ${serialNumber}`}
    >
      {(api) => (
        <>
          <input type="hidden" name="meterId" value={meterId} />
          <input type="hidden" name="period" value={period} />
          {back.filter ? <input type="hidden" name="filter" value={back.filter} /> : null}
          {back.page ? <input type="hidden" name="page" value={back.page} /> : null}
          {back.q ? <input type="hidden" name="q" value={back.q} /> : null}
          {registers.map((r) => (
            <TextField
              key={r.zone}
              name={`zone_${r.zone}`}
              label={r.label}
              hint={r.hint}
              inputMode="numeric"
              autoComplete="off"
              required
            />
          ))}
          {api.fieldError('confirmImplausible') || api.form.watch('confirmImplausible') ? (
            <CheckboxField name="confirmImplausible" label="Показания верные — расход действительно больше обычного" />
          ) : null}
          <SubmitButton pendingLabel="Сохраняем…">Внести показание</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
