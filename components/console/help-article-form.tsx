'use client';

import {
  ActionForm,
  CheckboxField,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  lazySchema,
} from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';
import { HELP_BODY_MAX } from '@/lib/support/help-article-limits';
import { type HelpSection, helpSectionLabels, helpSections } from '@/lib/support/help-sections';

const helpArticleSchema = lazySchema(() => import('@/lib/support/help-article-schema'), 'helpArticleSchema');

export interface HelpArticleFormValues {
  id: string;
  section?: HelpSection;
  title: string;
  summary: string;
  body: string;
  actionHref: string;
  actionLabel: string;
  position: number;
  published: boolean;
}

const sectionOptions = helpSections.map((value) => ({ value, label: helpSectionLabels[value] }));

export function HelpArticleForm({ action, values }: { action: FormAction; values: HelpArticleFormValues }) {
  return (
    <ActionForm schema={helpArticleSchema} action={action} defaultValues={values} aria-label="Статья справки">
      <input type="hidden" name="id" value={values.id} />
      <SelectField name="section" label="Раздел" placeholder="Выберите раздел" options={sectionOptions} required />
      <TextField name="title" label="Вопрос" required maxLength={200} autoComplete="off" />
      <TextField
        name="summary"
        label="Кратко"
        hint="Одно предложение под вопросом в списке"
        required
        maxLength={400}
        autoComplete="off"
      />
      <TextAreaField
        name="body"
        label="Ответ"
        rows={12}
        required
        maxLength={HELP_BODY_MAX}
        hint="Абзацы разделяйте пустой строкой. Список — строки с «- » или «1. ». Ссылка — [текст](/адрес)."
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="actionHref"
          label="Страница, где это сделать"
          hint="Адрес на портале, например /fiz/readings"
          required
          maxLength={300}
          autoComplete="off"
        />
        <TextField name="actionLabel" label="Текст кнопки" required maxLength={80} autoComplete="off" />
      </div>
      <TextField
        name="position"
        label="Порядок в разделе"
        hint="Меньше — выше"
        inputMode="numeric"
        required
        maxLength={6}
      />
      <CheckboxField name="published" label="Показывать на сайте" />
      <SubmitButton pendingLabel="Сохраняем…">Сохранить</SubmitButton>
    </ActionForm>
  );
}
