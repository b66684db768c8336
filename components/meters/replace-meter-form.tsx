'use client';

import { useState } from 'react';
import { ActionForm, SelectField, SubmitButton, TextField, lazySchema } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';
import { type TariffZone, zonesForPlan, zoneShortLabels } from '@/lib/tariffs/zones';

const staffReplacementSchema = lazySchema(() => import('@/lib/meters/schemas'), 'staffReplacementSchema');

const planOptions = [
  { value: '1', label: 'Однотарифный' },
  { value: '2', label: 'Двухзонный: день и ночь' },
  { value: '3', label: 'Трёхзонный: пик, полупик и ночь' },
];

/** Staff record a replacement: the old meter's final registers, the new meter and its initial ones. */
export function ReplaceMeterForm({
  action,
  oldMeterId,
  oldSerial,
  oldZones,
  oldPlan,
  today,
}: {
  action: FormAction;
  oldMeterId: string;
  oldSerial: string;
  oldZones: readonly TariffZone[];
  oldPlan: number;
  today: string;
}) {
  const [plan, setPlan] = useState(String(oldPlan));
  const newZones = zonesForPlan(Number(plan));
  return (
    <ActionForm
      schema={staffReplacementSchema}
      action={action}
      defaultValues={{
        oldMeterId,
        serialNumber: '',
        model: '',
        zonePlan: String(oldPlan),
        installedAt: '',
        verificationDue: '',
        ...Object.fromEntries(oldZones.map((z) => [`final_zone_${z}`, ''])),
        ...Object.fromEntries(
          zonesForPlan(1)
            .concat(zonesForPlan(2), zonesForPlan(3))
            .map((z) => [`zone_${z}`, '']),
        ),
      }}
      className="grid content-start gap-4"
      aria-label={`Заменить счётчик № ${oldSerial}`}
    >
      <input type="hidden" name="oldMeterId" value={oldMeterId} />
      <div className="grid gap-4 sm:grid-cols-2">
        {oldZones.map((z) => (
          <TextField
            key={z}
            name={`final_zone_${z}`}
            label={`Конечное показание № ${oldSerial}: ${zoneShortLabels[z]}`}
            hint="Целые кВт·ч по акту замены"
            inputMode="numeric"
            autoComplete="off"
            required
          />
        ))}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="serialNumber" label="Заводской номер нового" autoComplete="off" required />
        <TextField name="model" label="Модель нового" autoComplete="off" />
        <SelectField
          name="zonePlan"
          label="Зоны нового"
          options={planOptions}
          required
          onChange={(e) => setPlan(e.currentTarget.value)}
        />
        <TextField name="installedAt" type="date" label="Дата замены" max={today} required />
        <TextField name="verificationDue" type="date" label="Следующая поверка нового" />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        {newZones.map((z) => (
          <TextField
            key={`${plan}-${z}`}
            name={`zone_${z}`}
            label={`Начальное показание нового: ${zoneShortLabels[z]}`}
            hint="Целые кВт·ч с табло"
            inputMode="numeric"
            autoComplete="off"
            required
          />
        ))}
      </div>
      <SubmitButton pendingLabel="Записываем…">Записать замену</SubmitButton>
    </ActionForm>
  );
}
