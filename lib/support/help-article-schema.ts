import { z } from 'zod';
import { checkbox, requiredText } from '@/lib/validation/fields';
import { helpSections } from './help-sections';
import { HELP_BODY_MAX } from '@/lib/support/help-article-limits';

// The help-article form, shared by the browser (react-hook-form) and the Server Action.

export const helpArticleSchema = z.object({
  id: z.preprocess((v) => (v === '' ? undefined : v), z.uuid().optional()),
  section: z.enum(helpSections, { error: 'Выберите раздел' }),
  title: requiredText('Вопрос', 200),
  summary: requiredText('Кратко', 400),
  body: requiredText('Ответ', HELP_BODY_MAX),
  actionHref: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z
      .string({ error: 'Укажите страницу портала' })
      .max(300, 'Адрес не длиннее 300 символов')
      .regex(/^\/[a-z][a-z0-9/_?=&.-]*$/, 'Укажите адрес страницы этого портала, например /fiz/readings'),
  ),
  actionLabel: requiredText('Текст кнопки', 80),
  position: z.coerce
    .number({ error: 'Порядок — целое число' })
    .int('Порядок — целое число')
    .min(0, 'Порядок не меньше 0')
    .max(100_000, 'Порядок не больше 100 000'),
  published: checkbox,
});

export type HelpArticleInput = z.output<typeof helpArticleSchema>;
