import { z } from 'zod';
import { requiredText } from '@/lib/validation/fields';
import { NEWS_BODY_MAX } from '@/lib/content/news-limits';

// The news form, shared by the browser (react-hook-form) and the Server Action.

const newsPublishModes = ['draft', 'now', 'at'] as const;

/** `2026-12-01T10:00` typed in a datetime-local field, read as Moscow time (UTC+3 all year). */
export function moscowDateTime(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const instant = new Date(`${value}:00+03:00`);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

/** An instant → the value a datetime-local field shows for it in Moscow. */
export function toMoscowInput(instant: Date): string {
  return new Date(instant.getTime() + 3 * 3_600_000).toISOString().slice(0, 16);
}

export const newsSchema = z
  .object({
    id: z.preprocess((v) => (v === '' ? undefined : v), z.uuid().optional()),
    title: requiredText('Заголовок', 200),
    summary: requiredText('Кратко', 400),
    body: requiredText('Текст', NEWS_BODY_MAX),
    mode: z.enum(newsPublishModes, { error: 'Выберите, когда опубликовать' }),
    publishAt: z.string().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.mode !== 'at') return;
    if (!value.publishAt || !moscowDateTime(value.publishAt)) {
      ctx.addIssue({ code: 'custom', path: ['publishAt'], message: 'Укажите дату и время публикации' });
    }
  });

export type NewsInput = z.output<typeof newsSchema>;

export const newsIdSchema = z.object({ id: z.uuid({ error: 'Новость не найдена' }) });
