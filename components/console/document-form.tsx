'use client';

import {
  ActionForm,
  FieldError,
  SelectField,
  SubmitButton,
  TextField,
  useFormApi,
  lazySchema,
} from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';
import { documentAudienceLabels } from '@/lib/content/document-audiences';
import type { DocumentAudience, DocumentCategory } from '@/db/enums';

const documentSchema = lazySchema(() => import('@/lib/content/document-schema'), 'documentSchema');

export interface DocumentFormValues {
  id: string;
  title: string;
  summary: string;
  category: DocumentCategory;
  version: string;
  audience: DocumentAudience;
}

const categoryOptions = [
  { value: 'normative', label: 'Нормативные документы' },
  { value: 'contracts', label: 'Договоры' },
  { value: 'subscribers', label: 'Информация для абонентов' },
  { value: 'payments', label: 'Оплата и возврат' },
];
const audienceOptions = Object.entries(documentAudienceLabels).map(([value, label]) => ({ value, label }));

function PdfField({ required }: { required: boolean }) {
  const api = useFormApi();
  const id = `${api.idPrefix}-file`;
  const error = api.fieldError('file');
  return (
    <div>
      <label htmlFor={id} className="font-medium text-slate-900">
        Файл PDF{required ? '*' : ''}
      </label>
      <p id={`${id}-hint`} className="mt-1 text-sm text-slate-600">
        {required ? 'До 8 МБ.' : 'Новая редакция: выберите файл, чтобы заменить текущий (до 8 МБ).'}
      </p>
      <input
        id={id}
        name="file"
        type="file"
        accept="application/pdf,.pdf"
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint ${id}-error`}
        className="mt-1.5 block w-full min-h-11 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base file:mr-3 file:rounded-md file:border-0 file:bg-brand-50 file:px-3 file:py-1.5 file:font-semibold file:text-brand-700"
      />
      <FieldError id={`${id}-error`}>{error}</FieldError>
    </div>
  );
}

export function DocumentForm({ action, values }: { action: FormAction; values: DocumentFormValues }) {
  return (
    <ActionForm
      schema={documentSchema}
      action={action}
      defaultValues={values}
      aria-label={values.id ? `Документ «${values.title}»` : 'Новый документ'}
    >
      <input type="hidden" name="id" value={values.id} />
      <TextField name="title" label="Название" required maxLength={200} autoComplete="off" />
      <TextField name="summary" label="Кратко" required maxLength={400} autoComplete="off" />
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField name="category" label="Раздел" options={categoryOptions} required />
        <SelectField name="audience" label="Для кого" options={audienceOptions} required />
        <TextField
          name="version"
          label="Редакция"
          hint="Например: ред. от 01.03.2026"
          maxLength={100}
          autoComplete="off"
        />
      </div>
      <PdfField required={!values.id} />
      <SubmitButton pendingLabel="Публикуем…">{values.id ? 'Сохранить' : 'Опубликовать'}</SubmitButton>
    </ActionForm>
  );
}
