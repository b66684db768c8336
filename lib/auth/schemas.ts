import { z } from 'zod';
import { TABLE_CELLS } from '@/lib/notifications/catalog';
import {
  accountNumber,
  checkbox,
  currentPassword,
  email,
  newPassword,
  optionalText,
  phone,
  requiredText,
} from '@/lib/validation/fields';

// One schema per form, imported by the form (client validation) and by its Server Action.

const passwordPair = {
  password: newPassword,
  passwordConfirm: z.string({ error: 'Повторите пароль' }).min(1, 'Повторите пароль'),
};

function passwordsMatch(value: { password: string; passwordConfirm: string }, ctx: z.RefinementCtx) {
  if (value.password !== value.passwordConfirm) {
    ctx.addIssue({ code: 'custom', path: ['passwordConfirm'], message: 'Пароли не совпадают' });
  }
}

export const registrationSchema = z
  .object({
    accountNumber,
    fullName: requiredText('ФИО', 150),
    email,
    phone,
    address: requiredText('Адрес', 300),
    ...passwordPair,
    consent: checkbox.refine((v) => v, 'Без согласия на обработку персональных данных мы не можем открыть кабинет'),
  })
  .superRefine(passwordsMatch);

export const loginSchema = z.object({
  login: requiredText('Логин', 254),
  password: currentPassword,
  next: z.string().max(500).optional(),
});

/** Households may stay signed in for 30 days («запомнить меня»); otherwise until the browser closes. */
export const householdLoginSchema = loginSchema.extend({ remember: checkbox });

/** Staff type the code from their authenticator app (or a recovery code) in the same form. */
export const staffLoginSchema = loginSchema.extend({
  code: z.string().trim().max(64, 'Код — шесть цифр из приложения или код восстановления').optional(),
});

export const enrolSchema = z.object({
  code: z
    .string({ error: 'Введите код из приложения' })
    .trim()
    .regex(/^\d{3}\s?\d{3}$/, 'Код — шесть цифр из приложения'),
});

/** A button that spends a link's token (registration, new address): the token the letter carried. */
export const linkTokenSchema = z.object({ token: z.string().max(200) });

export const resetRequestSchema = z.object({ email });

export const resetCompleteSchema = z
  .object({ token: z.string().min(1, 'Ссылка неполная — откройте её из письма целиком').max(200), ...passwordPair })
  .superRefine(passwordsMatch);

export const contactsSchema = z.object({
  fullName: requiredText('ФИО', 150),
  phone,
});

export const changePasswordSchema = z.object({ currentPassword, ...passwordPair }).superRefine(passwordsMatch);

export const changeEmailSchema = z.object({ newEmail: email, currentPassword });

/** The e-mail switches kept on users (their senders read them there). */
const legacyPreferenceFields = {
  notifyReadingReminders: checkbox,
  notifyNewBill: checkbox,
  notifyPaymentReceived: checkbox,
  notifyOutages: checkbox,
  notifyServiceRequests: checkbox,
  newsSubscription: checkbox,
};

/** The table of events × channels: the legacy e-mail columns plus one checkbox per other cell. */
export const preferencesSchema = z.object({
  ...legacyPreferenceFields,
  ...(Object.fromEntries(TABLE_CELLS.map((cell) => [cell.field, checkbox])) as Record<string, typeof checkbox>),
});

export const decisionSchema = z
  .object({
    userId: z.uuid('Заявка не найдена — обновите страницу'),
    decision: z.enum(['approve', 'reject'], { error: 'Выберите решение' }),
    reason: optionalText('Причина отказа', 1000),
  })
  .superRefine((value, ctx) => {
    if (value.decision === 'reject' && !value.reason) {
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'Напишите причину отказа: заявитель получит её в письме',
      });
    }
  });

export type RegistrationInput = z.output<typeof registrationSchema>;

export const createStaffSchema = z.object({
  email,
  fullName: requiredText('ФИО', 150),
  role: z.enum(['operator', 'admin'], { error: 'Выберите роль' }),
});

export const resetStaffSchema = z.object({ userId: z.uuid('Сотрудник не найден — обновите страницу') });
