import { z } from 'zod';
import { dayField } from '@/lib/validation/calendar';
import { accountNumber, requiredText } from '@/lib/validation/fields';

// The beneficiaries' forms: a benefit category (the staff-kept list) and an account's benefit
// (category, the document that grants it, an optional scan, validity). The scan is read from
// FormData and checked by its bytes on the server (lib/files); the schema only lets it pass.

export const BENEFIT_DOCUMENT_PURPOSE = 'benefit_document';
export const BENEFIT_DOCUMENT_MAX_BYTES = 8 * 1024 * 1024;
/** Benefits ending within this many days are highlighted for staff. */
export const EXPIRING_WITHIN_DAYS = 30;

const day = (label: string) => dayField(`Укажите дату «${label}» в формате ДД.ММ.ГГГГ`, `Проверьте дату «${label}»`);

export const benefitCategorySchema = z.object({
  code: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z
      .string({ error: 'Укажите код категории' })
      .regex(/^[A-Za-zА-Яа-яЁё0-9_-]{1,30}$/, 'Код — до 30 букв, цифр, «-» или «_», без пробелов'),
  ),
  name: requiredText('Название', 200),
  discount: requiredText('Что даёт льгота', 400),
});

export const accountBenefitSchema = z
  .object({
    account: accountNumber,
    category: requiredText('Категория', 30),
    basis: requiredText('Документ', 300),
    validFrom: day('Действует с'),
    validTo: z.preprocess((v) => (v === '' ? undefined : v), day('Действует по').optional()),
    document: z.unknown().optional(),
  })
  .refine((v) => !v.validTo || v.validTo >= v.validFrom, {
    path: ['validTo'],
    message: 'Дата окончания не может быть раньше даты начала',
  });

export type BenefitCategoryInput = z.output<typeof benefitCategorySchema>;
export type AccountBenefitInput = z.output<typeof accountBenefitSchema>;
