'use client';

import { FileField } from '@/components/meters/file-field';
import { ActionForm, SelectField, SubmitButton, TextAreaField, TextField, lazySchema } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';
import { CHECKLIST, RELIABILITY_LABEL } from '@/lib/applications/checklist';
import { APPLICATION_FILE_MAX_BYTES } from '@/lib/applications/file-limits';

const applicationActionSchema = lazySchema(() => import('@/lib/applications/schemas'), 'applicationActionSchema');
const applicationSchema = lazySchema(() => import('@/lib/applications/schemas'), 'applicationSchema');
const offerContractSchema = lazySchema(() => import('@/lib/applications/schemas'), 'offerContractSchema');
const refuseApplicationSchema = lazySchema(() => import('@/lib/applications/schemas'), 'refuseApplicationSchema');
const requestDocumentsSchema = lazySchema(() => import('@/lib/applications/schemas'), 'requestDocumentsSchema');
const uploadDocumentSchema = lazySchema(() => import('@/lib/applications/schemas'), 'uploadDocumentSchema');

export function ApplicationForm({
  action,
  contact,
}: {
  action: FormAction;
  contact: { name: string; email: string; phone: string };
}) {
  return (
    <ActionForm
      schema={applicationSchema}
      action={action}
      defaultValues={{
        contactName: contact.name,
        email: contact.email,
        phone: contact.phone,
        objectAddress: '',
        maxPowerKw: '',
        reliabilityCategory: '3',
        comment: '',
      }}
      className="space-y-4"
      aria-label="Заявка на договор"
    >
      <TextField
        name="objectAddress"
        label="Адрес объекта"
        hint="Где находятся энергопринимающие устройства: населённый пункт, улица, дом, строение"
        required
      />
      <TextField
        name="maxPowerKw"
        label="Максимальная мощность, кВт"
        hint="Из акта о технологическом присоединении"
        inputMode="decimal"
        autoComplete="off"
        required
      />
      <SelectField
        name="reliabilityCategory"
        label="Категория надёжности электроснабжения"
        options={([1, 2, 3] as const).map((c) => ({ value: String(c), label: RELIABILITY_LABEL[c] }))}
      />
      <TextField name="contactName" label="Контактное лицо" autoComplete="name" required />
      <TextField
        name="email"
        label="Электронная почта для писем по заявке"
        type="email"
        autoComplete="email"
        required
      />
      <TextField name="phone" label="Телефон" type="tel" autoComplete="tel" required />
      <TextAreaField name="comment" label="Комментарий" hint="Необязательно" rows={3} />
      <SubmitButton pendingLabel="Отправляем…">Подать заявку</SubmitButton>
    </ActionForm>
  );
}

const MB = APPLICATION_FILE_MAX_BYTES / 1024 / 1024;

export function UploadDocumentForm({ action, applicationId }: { action: FormAction; applicationId: string }) {
  return (
    <ActionForm
      schema={uploadDocumentSchema}
      action={action}
      defaultValues={{ applicationId, item: CHECKLIST[0].key }}
      className="space-y-4"
      aria-label="Приложить документ"
      resetOnSuccess
    >
      <input type="hidden" name="applicationId" value={applicationId} />
      <SelectField
        name="item"
        label="Документ из перечня"
        options={CHECKLIST.map((i) => ({ value: i.key, label: `${i.title}${i.required ? ' *' : ''}` }))}
      />
      <FileField
        name="file"
        label="Файл"
        hint={`PDF, JPEG или PNG, до ${MB} МБ. Многостраничный документ — одним PDF.`}
        accept="application/pdf,image/jpeg,image/png"
        documents
        shrinkAbove={APPLICATION_FILE_MAX_BYTES}
      />
      <SubmitButton pendingLabel="Загружаем…">Приложить</SubmitButton>
    </ActionForm>
  );
}

export function ApplicationButtonForm({
  action,
  applicationId,
  label,
  pendingLabel,
  className,
}: {
  action: FormAction;
  applicationId: string;
  label: string;
  pendingLabel: string;
  className?: string;
}) {
  return (
    <ActionForm schema={applicationActionSchema} action={action} defaultValues={{ applicationId }} aria-label={label}>
      <input type="hidden" name="applicationId" value={applicationId} />
      <SubmitButton pendingLabel={pendingLabel} className={className}>
        {label}
      </SubmitButton>
    </ActionForm>
  );
}

export function RequestDocumentsForm({ action, applicationId }: { action: FormAction; applicationId: string }) {
  return (
    <ActionForm
      schema={requestDocumentsSchema}
      action={action}
      defaultValues={{ applicationId, message: '' }}
      className="space-y-3"
      aria-label="Запросить документы"
    >
      <input type="hidden" name="applicationId" value={applicationId} />
      <TextAreaField name="message" label="Какие документы нужны" rows={3} required />
      <SubmitButton pendingLabel="Отправляем…" className="btn-secondary">
        Запросить документы
      </SubmitButton>
    </ActionForm>
  );
}

export function OfferContractForm({
  action,
  applicationId,
  suggestedNumber,
}: {
  action: FormAction;
  applicationId: string;
  suggestedNumber: string;
}) {
  return (
    <ActionForm
      schema={offerContractSchema}
      action={action}
      defaultValues={{ applicationId, contractNumber: suggestedNumber, note: '' }}
      className="space-y-3"
      aria-label="Предложить договор"
    >
      <input type="hidden" name="applicationId" value={applicationId} />
      <TextField name="contractNumber" label="Номер договора" required />
      <TextAreaField name="note" label="Особые условия или комментарий" rows={2} />
      <SubmitButton pendingLabel="Готовим договор…">Предложить договор</SubmitButton>
    </ActionForm>
  );
}

export function RefuseApplicationForm({ action, applicationId }: { action: FormAction; applicationId: string }) {
  return (
    <ActionForm
      schema={refuseApplicationSchema}
      action={action}
      defaultValues={{ applicationId, reason: '' }}
      className="space-y-3"
      aria-label="Отказать"
    >
      <input type="hidden" name="applicationId" value={applicationId} />
      <TextAreaField name="reason" label="Причина отказа" rows={2} required />
      <SubmitButton pendingLabel="Отправляем…" className="btn-danger">
        Отказать
      </SubmitButton>
    </ActionForm>
  );
}
