'use client';

import { useState } from 'react';
import { ActionForm, CheckboxField, SubmitButton, TextField, lazySchema } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';
import { formatDateTime } from '@/lib/format/dates';
import { formatKwh, formatRub } from '@/lib/format/money';
import { priceVolume } from '@/lib/tariffs/pricing';
import { zoneShortLabels, type TariffZone } from '@/lib/tariffs/zones';

const submitReadingsSchema = lazySchema(() => import('@/lib/readings/schemas'), 'submitReadingsSchema');

export interface RegisterField {
  zone: TariffZone;
  label: string;
  hint: string;
  /** The previous accepted register, for the cost preview; null for a first reading. */
  previous?: number | null;
  /** The tariff in force for the period (one rate per volume range). */
  rates?: { id: string; rangeFromKwh: number; rangeToKwh: number | null; priceKopecks: number }[];
}

/** What the typed registers would cost at the period's tariff, or null while some are not whole numbers yet. */
function costPreview(registers: RegisterField[], typed: (zone: TariffZone) => unknown) {
  let kwh = 0;
  let kopecks = 0;
  for (const r of registers) {
    const text = String(typed(r.zone) ?? '').replace(/[\s\u00a0\u202f]/g, '');
    if (!/^\d{1,9}$/.test(text) || r.previous === null || r.previous === undefined || !r.rates?.length) return null;
    const used = Number(text) - r.previous;
    if (used < 0) return null;
    try {
      kopecks += priceVolume(used, r.rates).reduce((sum, p) => sum + p.amountKopecks, 0);
    } catch {
      return null;
    }
    kwh += used;
  }
  return { kwh, kopecks };
}

/** What the period already holds for this meter: its registers and when they were submitted. */
export interface SubmittedReadings {
  accepted: { zone: TariffZone; value: number }[];
  /** ISO instant. */
  submittedAt: string;
}

/** «Уже принято за ноябрь 2026: День 12 345 кВт·ч, Ночь 6 789 кВт·ч (01.12.2026, 10:00)». */
function SubmittedNotice({ submitted, periodLabel }: { submitted: SubmittedReadings; periodLabel?: string }) {
  return (
    <p className="notice mb-4" data-testid="submitted">
      Уже принято{periodLabel ? ` за ${periodLabel}` : ''}:{' '}
      {submitted.accepted.map((r) => `${zoneShortLabels[r.zone]} ${formatKwh(r.value)}`).join(', ')} (
      {formatDateTime(new Date(submitted.submittedAt))}). Можно исправить до конца приёма.
    </p>
  );
}

/**
 * One meter: an input per register; a big jump asks for an explicit confirmation. The action
 * answers with what the period now holds, so the form shows it itself: the page is not rendered
 * again for a reading.
 */
export function ReadingsForm({
  action,
  meterId,
  registers,
  periodLabel,
  submitted: submittedBefore,
}: {
  action: FormAction<SubmittedReadings>;
  meterId: string;
  registers: RegisterField[];
  /** «ноябрь 2026»: the period whose tariff prices the preview. */
  periodLabel?: string;
  /** What the period already holds, as the page was rendered. */
  submitted?: SubmittedReadings | null;
}) {
  const [submitted, setSubmitted] = useState(submittedBefore ?? null);
  const defaults = Object.fromEntries(registers.map((r) => [`zone_${r.zone}`, '']));
  return (
    <>
      {submitted && submitted.accepted.length > 0 ? (
        <SubmittedNotice submitted={submitted} periodLabel={periodLabel} />
      ) : null}
      <ActionForm
        schema={submitReadingsSchema}
        action={action}
        defaultValues={{ meterId, confirmImplausible: false, ...defaults }}
        onSuccess={(result) => setSubmitted({ accepted: result.accepted, submittedAt: result.submittedAt })}
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
            {(() => {
              const cost = costPreview(registers, (zone) => api.form.watch(`zone_${zone}` as 'zone_all_day'));
              return cost ? (
                <p className="text-sm text-slate-700" data-testid="reading-cost" aria-live="polite">
                  Расход {formatKwh(cost.kwh)} — {formatRub(cost.kopecks)} по действующему тарифу
                  {periodLabel ? ` на ${periodLabel}` : ''}. Если прошлые месяцы считали без показаний, разницу
                  пересчитаем в счёте.
                </p>
              ) : null;
            })()}
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
    </>
  );
}
