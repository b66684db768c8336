import { z } from 'zod';
import type { AppealStatus, AppealTopic } from '@/db/enums';
import { accountNumber, checkbox, email, requiredText } from '@/lib/validation/fields';
import { APPEAL_TOPICS } from '@/lib/support/appeal-topics';

// The appeal forms, shared by the browser (react-hook-form) and the Server Actions. Attachments
// are checked by their bytes on the server (lib/files/check-upload) under these field names.

/** Working days to answer when staff have not set a topic's own (lib/support/appeals reads the table first). */
export const DEFAULT_APPEAL_WORKING_DAYS: Record<AppealTopic, number> = {
  billing_dispute: 10,
  readings: 5,
  payment_not_credited: 3,
  outage: 2,
  service_request: 5,
  connection: 10,
  other: 10,
};

export const APPEAL_STATUS_LABEL: Record<AppealStatus, string> = {
  awaiting_email_confirmation: 'Ждёт подтверждения почты',
  open: 'На рассмотрении',
  answered: 'Дан ответ',
  closed: 'Закрыто',
};

const APPEAL_TEXT_MAX = 5000;
// Three files of 2 MB stay under the Server Action body limit (next.config.ts) with the text.
export const APPEAL_FILE_MAX_BYTES = 2 * 1024 * 1024;
export const APPEAL_FILE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export const APPEAL_FILE_FIELDS = ['attachment1', 'attachment2', 'attachment3'] as const;
export type AppealFileField = (typeof APPEAL_FILE_FIELDS)[number];

const topic = z.enum(APPEAL_TOPICS, { error: 'Выберите тему обращения' });
const text = requiredText('Текст обращения', APPEAL_TEXT_MAX);
const file = z.unknown().optional();
const files = Object.fromEntries(APPEAL_FILE_FIELDS.map((f) => [f, file])) as Record<AppealFileField, typeof file>;
const appealId = z.uuid('Обращение не найдено — обновите страницу');

export const cabinetAppealSchema = z.object({
  topic,
  accountId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid('Выберите лицевой счёт').optional()),
  text,
  ...files,
});
export type CabinetAppealInput = z.output<typeof cabinetAppealSchema>;

export const guestAppealSchema = z.object({
  name: requiredText('Как к вам обращаться', 200),
  email,
  topic,
  accountNumber: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    accountNumber.optional(),
  ),
  text,
  consent: checkbox.refine((v) => v, 'Без согласия на обработку персональных данных обращение не рассмотреть'),
  ...files,
});
export type GuestAppealInput = z.output<typeof guestAppealSchema>;

export const appealReplySchema = z.object({ appealId, text: requiredText('Сообщение', APPEAL_TEXT_MAX), ...files });

export const closeAppealSchema = z.object({
  appealId,
  rating: z.enum(['1', '2', '3', '4', '5'], { error: 'Оцените ответ от 1 до 5' }).transform(Number),
});

/** A guest acts on their appeal with the signed key from the letter instead of a session. */
const guestKey = z
  .string({ error: 'Ссылка недействительна' })
  .min(1, 'Ссылка недействительна')
  .max(200, 'Ссылка недействительна');
export const guestKeySchema = z.object({ key: guestKey });
export const guestReplySchema = z.object({ key: guestKey, text: requiredText('Сообщение', APPEAL_TEXT_MAX), ...files });
export const guestCloseSchema = z.object({ key: guestKey, rating: closeAppealSchema.shape.rating });

export const assignAppealSchema = z.object({
  appealId,
  assigneeId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid('Выберите сотрудника').optional()),
});

export const staffAnswerSchema = z.object({ appealId, text: requiredText('Ответ', APPEAL_TEXT_MAX), ...files });
export const staffNoteSchema = z.object({ appealId, text: requiredText('Заметка', APPEAL_TEXT_MAX) });

export const appealTemplateSchema = z.object({
  id: z.preprocess((v) => (v === '' ? undefined : v), z.uuid('Шаблон не найден — обновите страницу').optional()),
  title: requiredText('Название', 120),
  body: requiredText('Текст шаблона', APPEAL_TEXT_MAX),
});
export const deleteTemplateSchema = z.object({ id: z.uuid('Шаблон не найден — обновите страницу') });

export const topicDeadlineSchema = z.object({
  topic,
  workingDays: z.coerce
    .number({ error: 'Срок — целое число рабочих дней' })
    .int('Срок — целое число рабочих дней')
    .min(1, 'Срок — не меньше 1 рабочего дня')
    .max(30, 'Срок — не больше 30 рабочих дней'),
});
