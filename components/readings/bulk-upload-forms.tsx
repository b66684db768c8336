'use client';

import { ActionForm, CheckboxField, FieldError, SubmitButton, lazySchema } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';

const confirmReadingsSchema = lazySchema(() => import('@/lib/readings/bulk/schemas'), 'confirmReadingsSchema');
const discardReadingsSchema = lazySchema(() => import('@/lib/readings/bulk/schemas'), 'discardReadingsSchema');
const uploadReadingsSchema = lazySchema(() => import('@/lib/readings/bulk/schemas'), 'uploadReadingsSchema');

const fileControl =
  'mt-1.5 block w-full min-h-11 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm ' +
  'file:mr-3 file:rounded-md file:border-0 file:bg-brand-50 file:px-3 file:py-1.5 file:font-semibold file:text-brand-700 ' +
  'aria-invalid:border-danger-600';

/** The readings file: posted as chosen; the server reads it by its bytes and shows the preview. */
export function UploadReadingsForm({ action }: { action: FormAction }) {
  return (
    <ActionForm
      schema={uploadReadingsSchema}
      action={action}
      className="space-y-4"
      aria-label="Загрузить файл показаний"
    >
      {(api) => (
        <>
          <div>
            <label htmlFor="readings-file" className="font-medium text-slate-900">
              Файл с показаниями (CSV или XLSX, до 2 МБ)
            </label>
            <input
              id="readings-file"
              name="file"
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-invalid={api.fieldError('file') ? true : undefined}
              aria-describedby={api.fieldError('file') ? 'readings-file-error' : undefined}
              className={fileControl}
            />
            <FieldError id="readings-file-error">{api.fieldError('file')}</FieldError>
          </div>
          <SubmitButton pendingLabel="Проверяем файл…">Проверить файл</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function ConfirmReadingsForm({
  action,
  uploadId,
  fingerprint,
  toWrite,
  implausible,
}: {
  action: FormAction;
  uploadId: string;
  fingerprint: string;
  toWrite: number;
  implausible: number;
}) {
  return (
    <ActionForm
      schema={confirmReadingsSchema}
      action={action}
      defaultValues={{ uploadId, fingerprint, confirmImplausible: false }}
      className="space-y-4"
      aria-label="Подтвердить показания из файла"
    >
      <input type="hidden" name="uploadId" value={uploadId} />
      <input type="hidden" name="fingerprint" value={fingerprint} />
      {implausible > 0 ? (
        <CheckboxField
          name="confirmImplausible"
          label={`Проверил(а): показания в строках с большим расходом (${implausible}) верные`}
        />
      ) : null}
      <SubmitButton pendingLabel="Записываем показания…">Принять показания ({toWrite})</SubmitButton>
    </ActionForm>
  );
}

export function DiscardReadingsForm({ action, uploadId }: { action: FormAction; uploadId: string }) {
  return (
    <ActionForm
      schema={discardReadingsSchema}
      action={action}
      defaultValues={{ uploadId }}
      aria-label="Отменить загрузку файла"
    >
      <input type="hidden" name="uploadId" value={uploadId} />
      <SubmitButton pendingLabel="Отменяем…" className="btn-secondary">
        Отменить и загрузить другой файл
      </SubmitButton>
    </ActionForm>
  );
}
