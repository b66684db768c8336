'use client';

import { ActionForm, SubmitButton, TextAreaField, TextField, lazySchema } from '@/components/forms';
import { FileField } from '@/components/meters/file-field';
import type { FormAction } from '@/lib/actions/result';
import { CONNECTION_DOC_MAX_BYTES, DOCUMENT_LABEL } from '@/lib/connection/documents';

const applicantCancelSchema = lazySchema(() => import('@/lib/connection/schemas'), 'applicantCancelSchema');
const applicationActionSchema = lazySchema(() => import('@/lib/connection/schemas'), 'applicationActionSchema');
const supplyDataSchema = lazySchema(() => import('@/lib/connection/schemas'), 'supplyDataSchema');

// The applicant's buttons on an application's page: pay the invoice, supply missing data, withdraw.

export function PayInvoiceForm({
  action,
  applicationId,
  price,
}: {
  action: FormAction;
  applicationId: string;
  price: string;
}) {
  return (
    <ActionForm
      schema={applicationActionSchema}
      action={action}
      defaultValues={{ applicationId }}
      aria-label="Оплатить счёт картой"
    >
      <input type="hidden" name="applicationId" value={applicationId} />
      <SubmitButton pendingLabel="Переходим к оплате…">Оплатить счёт {price} картой</SubmitButton>
    </ActionForm>
  );
}

export function SupplyDataForm({ action, applicationId }: { action: FormAction; applicationId: string }) {
  return (
    <ActionForm
      schema={supplyDataSchema}
      action={action}
      defaultValues={{ applicationId, note: '' }}
      aria-label="Представить недостающие сведения"
      className="grid gap-3"
    >
      <input type="hidden" name="applicationId" value={applicationId} />
      <TextAreaField name="note" label="Что исправлено или дополнено" required />
      {(['other', 'site_plan', 'title_deed'] as const).map((kind) => (
        <FileField
          key={kind}
          name={`doc_${kind}`}
          label={`${DOCUMENT_LABEL[kind]} (необязательно)`}
          accept="application/pdf,image/jpeg,image/png"
          documents
          shrinkAbove={CONNECTION_DOC_MAX_BYTES}
        />
      ))}
      <SubmitButton pendingLabel="Отправляем…">Отправить сведения</SubmitButton>
    </ActionForm>
  );
}

export function WithdrawForm({ action, applicationId }: { action: FormAction; applicationId: string }) {
  return (
    <ActionForm
      schema={applicantCancelSchema}
      action={action}
      defaultValues={{ applicationId, reason: '' }}
      aria-label="Отозвать заявку"
      className="grid gap-3"
    >
      <input type="hidden" name="applicationId" value={applicationId} />
      <TextField name="reason" label="Причина" hint="Необязательно" autoComplete="off" />
      <SubmitButton variant="secondary" pendingLabel="Отзываем…">
        Отозвать заявку
      </SubmitButton>
    </ActionForm>
  );
}
