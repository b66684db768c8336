import { z } from 'zod';

// The development mailbox's forms that play the outside world: a subscriber answering a letter,
// a phone sending an SMS, the reminder job sending its letter today.

export const demoReplySchema = z.object({
  letterId: z.uuid('Письмо не найдено — обновите страницу'),
  text: z
    .string({ error: 'Напишите текст ответа' })
    .trim()
    .min(1, 'Напишите текст ответа')
    .max(2000, 'Не длиннее 2000 символов'),
});

export const demoSmsSchema = z.object({
  phone: z
    .string({ error: 'Укажите номер телефона' })
    .trim()
    .refine((v) => /^\+?[78]\d{10}$/.test(v.replace(/[\s()-]/g, '')), 'Номер вида +7 916 245-18-73'),
  text: z
    .string({ error: 'Напишите текст СМС' })
    .trim()
    .min(1, 'Напишите текст СМС')
    .max(500, 'Не длиннее 500 символов'),
});

export const demoReminderSchema = z.object({
  email: z.email('Укажите адрес электронной почты абонента').max(320),
});
