'use client';

import { ActionForm, SelectField, SubmitButton, TextAreaField, TextField, lazySchema } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';
import { RATE_CATEGORIES, RATE_CATEGORY_LABEL } from '@/lib/connection/calculator';

const postOfferSchema = lazySchema(() => import('@/lib/connection/schemas'), 'postOfferSchema');
const rateSchema = lazySchema(() => import('@/lib/connection/schemas'), 'rateSchema');
const requestDataSchema = lazySchema(() => import('@/lib/connection/schemas'), 'requestDataSchema');
const staffCancelSchema = lazySchema(() => import('@/lib/connection/schemas'), 'staffCancelSchema');
const staffNoteSchema = lazySchema(() => import('@/lib/connection/schemas'), 'staffNoteSchema');
const sweepSchema = lazySchema(() => import('@/lib/connection/schemas'), 'sweepSchema');

// Staff's forms on an application: request data, post the offer and ТУ, the later steps, annul;
// the deadline sweep and a new rate.

export function RequestDataForm({ action, applicationId }: { action: FormAction; applicationId: string }) {
  return (
    <ActionForm
      schema={requestDataSchema}
      action={action}
      defaultValues={{ applicationId, note: '' }}
      aria-label="Запросить недостающие сведения"
      className="grid gap-3"
    >
      <input type="hidden" name="applicationId" value={applicationId} />
      <TextAreaField
        name="note"
        label="Что нужно представить"
        hint="Только сведения и документы, предусмотренные Правилами (пп. 9, 10)"
        rows={2}
        required
      />
      <SubmitButton variant="secondary" pendingLabel="Отправляем…">
        Запросить сведения
      </SubmitButton>
    </ActionForm>
  );
}

export function PostOfferForm({
  action,
  applicationId,
  fee,
}: {
  action: FormAction;
  applicationId: string;
  fee: string;
}) {
  return (
    <ActionForm
      schema={postOfferSchema}
      action={action}
      defaultValues={{ applicationId, connectionPoint: '', gridWorks: '', applicantWorks: '', tuValidYears: '2' }}
      aria-label="Разместить договор и технические условия"
      className="grid gap-3"
    >
      <input type="hidden" name="applicationId" value={applicationId} />
      <p className="text-sm text-slate-600">Счёт будет выставлен по действующей ставке: {fee}.</p>
      <TextField name="connectionPoint" label="Точка присоединения" autoComplete="off" required />
      <TextAreaField name="gridWorks" label="Мероприятия сетевой организации" rows={3} required />
      <TextAreaField name="applicantWorks" label="Мероприятия заявителя" rows={3} required />
      <SelectField
        name="tuValidYears"
        label="Срок действия ТУ"
        options={['2', '3', '4', '5'].map((y) => ({ value: y, label: `${y} ${y === '5' ? 'лет' : 'года'}` }))}
        required
      />
      <SubmitButton pendingLabel="Размещаем…">Разместить договор и ТУ</SubmitButton>
    </ActionForm>
  );
}

export function StaffStepForm({
  action,
  applicationId,
  label,
  noteLabel,
}: {
  action: FormAction;
  applicationId: string;
  label: string;
  noteLabel: string;
}) {
  return (
    <ActionForm
      schema={staffNoteSchema}
      action={action}
      defaultValues={{ applicationId, note: '' }}
      aria-label={label}
      className="grid gap-3"
    >
      <input type="hidden" name="applicationId" value={applicationId} />
      <TextField name="note" label={noteLabel} hint="Необязательно" autoComplete="off" />
      <SubmitButton pendingLabel="Сохраняем…">{label}</SubmitButton>
    </ActionForm>
  );
}

export function StaffCancelForm({ action, applicationId }: { action: FormAction; applicationId: string }) {
  return (
    <ActionForm
      schema={staffCancelSchema}
      action={action}
      defaultValues={{ applicationId, reason: '' }}
      aria-label="Аннулировать заявку"
      className="grid gap-3"
    >
      <input type="hidden" name="applicationId" value={applicationId} />
      <TextField name="reason" label="Причина аннулирования" autoComplete="off" required />
      <SubmitButton variant="danger" pendingLabel="Аннулируем…">
        Аннулировать
      </SubmitButton>
    </ActionForm>
  );
}

export function SweepForm({ action }: { action: FormAction }) {
  return (
    <ActionForm schema={sweepSchema} action={action} defaultValues={{}} aria-label="Аннулировать просроченные">
      <SubmitButton variant="secondary" pendingLabel="Проверяем…">
        Аннулировать неоплаченные в срок
      </SubmitButton>
    </ActionForm>
  );
}

export function RateForm({ action, today }: { action: FormAction; today: string }) {
  return (
    <ActionForm
      schema={rateSchema}
      action={action}
      defaultValues={{ category: 'household_preferential', rate: '', effectiveFrom: today, basis: '' }}
      aria-label="Новая ставка"
      className="grid gap-3"
    >
      <SelectField
        name="category"
        label="Категория"
        options={RATE_CATEGORIES.map((c) => ({ value: c, label: RATE_CATEGORY_LABEL[c] }))}
        required
      />
      <TextField name="rate" label="Ставка, ₽ за кВт" inputMode="decimal" autoComplete="off" required />
      <TextField name="effectiveFrom" label="Действует с" type="date" required />
      <TextField name="basis" label="Основание (решение регулятора)" autoComplete="off" required />
      <SubmitButton pendingLabel="Сохраняем…">Добавить ставку</SubmitButton>
    </ActionForm>
  );
}
