import { z } from 'zod';
import { isValidInn, isValidKpp } from '@/lib/company/inn';
import { checkbox, email, newPassword, optionalText, phone, requiredText } from '@/lib/validation/fields';
import { CHECKLIST_KEYS } from './checklist';

// The forms of contract applications (the company's, the new company's registration and staff's),
// shared by the client forms and the Server Actions.

/** The most documents one application may carry: a checklist with a few extra pages each. */
export const APPLICATION_MAX_FILES = 40;

const digitsOnly = (v: unknown) => (typeof v === 'string' ? v.replace(/\s+/g, '') : v);

const innField = z.preprocess(
  digitsOnly,
  z
    .string({ error: 'Укажите ИНН' })
    .regex(/^(\d{10}|\d{12})$/, 'ИНН — 10 цифр у организации или 12 у индивидуального предпринимателя')
    .refine(isValidInn, 'ИНН не проходит проверку контрольных цифр — проверьте, нет ли опечатки'),
);

const kppField = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim().toUpperCase() : v),
  z.string().refine(isValidKpp, 'КПП — 9 знаков: 4 цифры, 2 цифры или латинские буквы, 3 цифры').optional(),
);

const ogrnField = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : digitsOnly(v)),
  z
    .string()
    .regex(/^(\d{13}|\d{15})$/, 'ОГРН — 13 цифр (ОГРНИП — 15)')
    .optional(),
);

export const companyRegistrationSchema = z
  .object({
    companyName: requiredText('Наименование организации', 300),
    inn: innField,
    kpp: kppField,
    ogrn: ogrnField,
    legalAddress: requiredText('Юридический адрес', 300),
    fullName: requiredText('ФИО', 150),
    email,
    phone,
    password: newPassword,
    passwordConfirm: z.string({ error: 'Повторите пароль' }).min(1, 'Повторите пароль'),
    consent: checkbox.refine((v) => v, 'Без согласия на обработку персональных данных мы не можем открыть кабинет'),
  })
  .superRefine((value, ctx) => {
    if (value.inn.length === 10 && !value.kpp) {
      ctx.addIssue({ code: 'custom', path: ['kpp'], message: 'У организации укажите КПП (у ИП его нет)' });
    }
    if (value.password !== value.passwordConfirm) {
      ctx.addIssue({ code: 'custom', path: ['passwordConfirm'], message: 'Пароли не совпадают' });
    }
  });
export type CompanyRegistrationInput = z.output<typeof companyRegistrationSchema>;

export const applicationSchema = z.object({
  contactName: requiredText('Контактное лицо', 150),
  email,
  phone,
  objectAddress: requiredText('Адрес объекта', 300),
  maxPowerKw: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().replace(',', '.') : v),
    z
      .string({ error: 'Укажите максимальную мощность' })
      .min(1, 'Укажите максимальную мощность')
      .regex(/^\d{1,8}(\.\d{1,2})?$/, 'Мощность — число кВт, не больше двух знаков после запятой')
      .refine((v) => Number(v) > 0, 'Мощность должна быть больше нуля')
      .refine((v) => Number(v) <= 100_000, 'Мощность больше 100 МВт — обратитесь в абонентский отдел'),
  ),
  reliabilityCategory: z.enum(['1', '2', '3'], { error: 'Выберите категорию надёжности' }),
  comment: optionalText('Комментарий', 2000),
});
export type ApplicationInput = z.output<typeof applicationSchema>;

const applicationId = z.uuid('Заявка не найдена — обновите страницу');

export const uploadDocumentSchema = z.object({
  applicationId,
  item: z.enum(CHECKLIST_KEYS, { error: 'Выберите, какой это документ' }),
  file: z.unknown().optional(),
});

export const applicationActionSchema = z.object({ applicationId });

export const requestDocumentsSchema = z.object({
  applicationId,
  message: requiredText('Какие документы нужны', 2000),
});

export const refuseApplicationSchema = z.object({
  applicationId,
  reason: requiredText('Причина отказа', 2000),
});

export const offerContractSchema = z.object({
  applicationId,
  contractNumber: requiredText('Номер договора', 40),
  note: optionalText('Комментарий для заявителя', 2000),
});
