'use client';

import { ActionForm, SelectField, SubmitButton, TextAreaField, TextField, lazySchema } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';
import { NEWS_BODY_MAX } from '@/lib/content/news-limits';

const newsIdSchema = lazySchema(() => import('@/lib/content/news-schema'), 'newsIdSchema');
const newsSchema = lazySchema(() => import('@/lib/content/news-schema'), 'newsSchema');

export interface NewsFormValues {
  id: string;
  title: string;
  summary: string;
  body: string;
  mode: 'draft' | 'now' | 'at';
  publishAt: string;
}

const modeOptions = [
  { value: 'draft', label: 'Черновик — не показывать на сайте' },
  { value: 'now', label: 'Опубликовать сейчас' },
  { value: 'at', label: 'Опубликовать в указанное время' },
];

export function NewsForm({ action, values }: { action: FormAction; values: NewsFormValues }) {
  return (
    <ActionForm schema={newsSchema} action={action} defaultValues={values} aria-label="Новость">
      {(api) => (
        <>
          <input type="hidden" name="id" value={values.id} />
          <TextField name="title" label="Заголовок" required maxLength={200} autoComplete="off" />
          <TextField
            name="summary"
            label="Кратко"
            hint="Одно-два предложения для списка новостей и главной страницы"
            required
            maxLength={400}
            autoComplete="off"
          />
          <TextAreaField
            name="body"
            label="Текст"
            rows={12}
            required
            maxLength={NEWS_BODY_MAX}
            hint={
              <>
                Абзацы разделяйте пустой строкой. Список — строки, начинающиеся с «- » или «1. ». Ссылка —
                [текст](https://адрес). HTML не работает: теги будут видны как текст.
              </>
            }
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField name="mode" label="Публикация" options={modeOptions} required />
            {api.form.watch('mode') === 'at' ? (
              <TextField name="publishAt" type="datetime-local" label="Дата и время (московское)" required />
            ) : (
              <input type="hidden" name="publishAt" value="" />
            )}
          </div>
          <SubmitButton pendingLabel="Сохраняем…">Сохранить</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function UnpublishNewsForm({ action, id }: { action: FormAction; id: string }) {
  return (
    <ActionForm schema={newsIdSchema} action={action} defaultValues={{ id }} aria-label="Снять с публикации">
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="secondary" pendingLabel="Снимаем…">
        Снять с публикации
      </SubmitButton>
    </ActionForm>
  );
}
