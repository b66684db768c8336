'use client';

import { ActionForm, CheckboxField, SubmitButton, TextField } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';
import { submitReadingsSchema } from '@/lib/readings/schemas';
import type { TariffZone } from '@/lib/tariffs/zones';

export interface RegisterField {
  zone: TariffZone;
  label: string;
  hint: string;
}

/** One meter: an input per register; a big jump asks for an explicit confirmation. */
export function ReadingsForm({
  action,
  meterId,
  registers,
}: {
  action: FormAction;
  meterId: string;
  registers: RegisterField[];
}) {
  const defaults = Object.fromEntries(registers.map((r) => [`zone_${r.zone}`, '']));
  return (
    <ActionForm
      schema={submitReadingsSchema}
      action={action}
      defaultValues={{ meterId, confirmImplausible: false, ...defaults }}
    >
      {(api) => (
        <>
          <input type="hidden" name="meterId" value={meterId} />
          <div className="grid gap-4 sm:grid-cols-2">
            {registers.map((r) => (
              <TextField
                key={r.zone}
                name={`zone_${r.zone}` as 'zone_all_day'}
                label={r.label}
                hint={r.hint}
                inputMode="numeric"
                autoComplete="off"
                required
              />
            ))}
          </div>
          {api.fieldError('confirmImplausible') || api.form.watch('confirmImplausible') ? (
            <CheckboxField
              name="confirmImplausible"
              label="Да, показания верные — расход действительно больше обычного"
            />
          ) : null}
          <SubmitButton pendingLabel="Отправляем…">Передать показания</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
