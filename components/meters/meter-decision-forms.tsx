'use client';

import { ActionForm, SubmitButton, TextAreaField, TextField, lazySchema } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';
import type { TariffZone } from '@/lib/tariffs/zones';

const confirmMeterSchema = lazySchema(() => import('@/lib/meters/schemas'), 'confirmMeterSchema');
const rejectMeterSchema = lazySchema(() => import('@/lib/meters/schemas'), 'rejectMeterSchema');

export interface ZoneInput {
  zone: TariffZone;
  label: string;
}

/** Staff confirm a request: the register at installation per zone, and the next verification date. */
export function ConfirmMeterForm({
  action,
  meterId,
  zones,
  serialNumber,
  replaces,
}: {
  action: FormAction;
  meterId: string;
  zones: ZoneInput[];
  serialNumber: string;
  /** A reported replacement: the old meter and its zones, for its final reading. */
  replaces?: { serialNumber: string; zones: ZoneInput[] } | null;
}) {
  const defaults = Object.fromEntries([
    ...zones.map((z) => [`zone_${z.zone}`, '']),
    ...(replaces?.zones ?? []).map((z) => [`final_zone_${z.zone}`, '']),
  ]);
  return (
    <ActionForm
      schema={confirmMeterSchema}
      action={action}
      defaultValues={{ meterId, verificationDue: '', ...defaults }}
      className="grid content-start gap-4"
      aria-label={`Подтвердить счётчик № ${serialNumber}`}
    >
      <input type="hidden" name="meterId" value={meterId} />
      {replaces ? (
        <div className="grid gap-4 sm:grid-cols-2">
          {replaces.zones.map((z) => (
            <TextField
              key={z.zone}
              name={`final_zone_${z.zone}`}
              label={`Конечное показание снятого № ${replaces.serialNumber}: ${z.label}`}
              hint="Целые кВт·ч с фото табло старого счётчика"
              inputMode="numeric"
              autoComplete="off"
              required
            />
          ))}
        </div>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {zones.map((z) => (
          <TextField
            key={z.zone}
            name={`zone_${z.zone}`}
            label={`Начальное показание: ${z.label}`}
            hint="Целые кВт·ч с табло"
            inputMode="numeric"
            autoComplete="off"
            required
          />
        ))}
      </div>
      <TextField
        name="verificationDue"
        type="date"
        label="Следующая поверка"
        hint="Из паспорта счётчика; можно оставить пустым"
      />
      <SubmitButton pendingLabel="Подтверждаем…">Подтвердить и подключить</SubmitButton>
    </ActionForm>
  );
}

export function RejectMeterForm({
  action,
  meterId,
  serialNumber,
}: {
  action: FormAction;
  meterId: string;
  serialNumber: string;
}) {
  return (
    <ActionForm
      schema={rejectMeterSchema}
      action={action}
      defaultValues={{ meterId, reason: '' }}
      className="grid content-start gap-3"
      aria-label={`Отклонить заявку на счётчик № ${serialNumber}`}
    >
      <input type="hidden" name="meterId" value={meterId} />
      <TextAreaField name="reason" label="Причина отказа" rows={3} required />
      <SubmitButton pendingLabel="Отклоняем…" variant="danger">
        Отклонить
      </SubmitButton>
    </ActionForm>
  );
}
