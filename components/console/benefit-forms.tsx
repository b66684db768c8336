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

const accountBenefitSchema = lazySchema(() => import('@/lib/benefits/benefit-schema'), 'accountBenefitSchema');
const benefitCategorySchema = lazySchema(() => import('@/lib/benefits/benefit-schema'), 'benefitCategorySchema');

export function BenefitCategoryForm({ action }: { action: FormAction }) {
  return (
    <ActionForm
      schema={benefitCategorySchema}
      action={action}
      defaultValues={{ code: '', name: '', discount: '' }}
      resetOnSuccess
      aria-label="Категория льгот"
    >
      <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
        <TextField name="code" label="Код" required maxLength={30} autoComplete="off" hint="Как в списках соцзащиты" />
        <TextField name="name" label="Название" required maxLength={200} autoComplete="off" />
      </div>
      <TextField
        name="discount"
        label="Что даёт льгота"
        required
        maxLength={400}
        autoComplete="off"
        hint="Например: компенсация 50 % платы в пределах нормы"
      />
      <SubmitButton pendingLabel="Сохраняем…">Сохранить категорию</SubmitButton>
    </ActionForm>
  );
}

function DocumentField() {
  const api = useFormApi();
  const id = `${api.idPrefix}-document`;
  const error = api.fieldError('document');
  return (
    <div>
      <label htmlFor={id} className="font-medium text-slate-900">
        Скан документа
      </label>
      <p id={`${id}-hint`} className="mt-1 text-sm text-slate-600">
        Необязательно. PDF, JPEG или PNG до 8 МБ.
      </p>
      <input
        id={id}
        name="document"
        type="file"
        accept="application/pdf,.pdf,image/jpeg,image/png"
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint ${id}-error`}
        className="mt-1.5 block w-full min-h-11 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base"
      />
      <FieldError id={`${id}-error`}>{error}</FieldError>
    </div>
  );
}

export function AccountBenefitForm({
  action,
  categories,
}: {
  action: FormAction;
  categories: { value: string; label: string }[];
}) {
  return (
    <ActionForm
      schema={accountBenefitSchema}
      action={action}
      defaultValues={{ account: '', category: '', basis: '', validFrom: '', validTo: '' }}
      resetOnSuccess
      aria-label="Льгота абонента"
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="account" label="Лицевой счёт" required inputMode="numeric" maxLength={12} autoComplete="off" />
        <SelectField
          name="category"
          label="Категория"
          options={[{ value: '', label: 'Выберите категорию' }, ...categories]}
          required
        />
      </div>
      <TextField
        name="basis"
        label="Документ"
        required
        maxLength={300}
        autoComplete="off"
        hint="Вид, серия, номер, кем и когда выдан"
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="validFrom" type="date" label="Действует с" required />
        <TextField name="validTo" type="date" label="Действует по" hint="Пусто — бессрочно" />
      </div>
      <DocumentField />
      <SubmitButton pendingLabel="Сохраняем…">Записать льготу</SubmitButton>
    </ActionForm>
  );
}
