import { z } from 'zod';
import { isCommonPassword } from './password-strength';
import { PASSWORD_MIN } from '@/lib/validation/password-length';

// Field schemas shared by forms (react-hook-form on the client) and Server Actions (FormData).
// Every message is Russian and says what to do, not only what is wrong.

const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : value);

export function requiredText(label: string, max = 200) {
  return z.preprocess(
    trimmed,
    z
      .string({ error: `Заполните поле «${label}»` })
      .min(1, `Заполните поле «${label}»`)
      .max(max, `Поле «${label}» не длиннее ${max} символов`),
  );
}

export function optionalText(label: string, max = 200) {
  return z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : trimmed(v)),
    z
      .string({ error: `Проверьте поле «${label}»` })
      .max(max, `Поле «${label}» не длиннее ${max} символов`)
      .optional(),
  );
}

export const email = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
  z
    .string({ error: 'Укажите адрес электронной почты' })
    .min(1, 'Укажите адрес электронной почты')
    .max(254, 'Адрес электронной почты слишком длинный')
    .regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'Проверьте адрес электронной почты: он выглядит как name@example.ru'),
);

/** Лицевой счёт / номер абонента: digits only, as printed on the receipt and in the contract. */
export const accountNumber = z.preprocess(
  (v) => (typeof v === 'string' ? v.replace(/[\s-]/g, '') : v),
  z
    .string({ error: 'Укажите номер абонента' })
    .min(1, 'Укажите номер абонента')
    .regex(/^\d{6,12}$/, 'Номер абонента — от 6 до 12 цифр, он указан в договоре и в квитанции'),
);

/** Russian phone numbers in any common spelling, stored as +7XXXXXXXXXX. */
export const phone = z.preprocess(
  (v) => {
    if (typeof v !== 'string') return v;
    const digits = v.replace(/\D/g, '');
    if (digits.length === 11 && (digits.startsWith('7') || digits.startsWith('8'))) return `+7${digits.slice(1)}`;
    if (digits.length === 10 && digits.startsWith('9')) return `+7${digits}`;
    return v.trim();
  },
  z
    .string({ error: 'Укажите телефон' })
    .min(1, 'Укажите телефон')
    .regex(/^\+7\d{10}$/, 'Укажите телефон в формате +7 900 000-00-00'),
);

const PASSWORD_MAX = 128;

export const newPassword = z
  .string({ error: 'Придумайте пароль' })
  .min(PASSWORD_MIN, `Пароль — не короче ${PASSWORD_MIN} символов; удобно взять фразу из нескольких слов`)
  .max(PASSWORD_MAX, `Пароль — не длиннее ${PASSWORD_MAX} символов`)
  // Async: the list is loaded on first use (lib/validation/password-strength.ts).
  .refine(
    async (v) => !(await isCommonPassword(v)),
    'Этот пароль есть в списках утёкших паролей и подбирается первым — придумайте другой',
  );

/** A password being checked, not chosen: no rules beyond presence and a sane length. */
export const currentPassword = z
  .string({ error: 'Введите пароль' })
  .min(1, 'Введите пароль')
  .max(PASSWORD_MAX, 'Неверный логин или пароль');

/** HTML checkboxes send "on" or nothing; react-hook-form sends booleans. Both land as boolean. */
export const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());

interface RublesRule {
  /** What is asked for, as it ends «Укажите …»: «сумму», «сумму возврата». */
  label: string;
  min: { kopecks: number; message: string };
  max?: { kopecks: number; message: string };
}

/**
 * An amount in rubles as people type it («1 234,56», «1234.5», «800», «800 ₽») → integer kopecks.
 * Parsed from the string, never through floating point.
 */
export function rubles({ label, min, max }: RublesRule) {
  return z.preprocess(
    (v) => {
      if (typeof v === 'number') return Number.isFinite(v) ? v.toFixed(2) : v;
      return typeof v === 'string' ? v.replace(/[\s\u00a0\u202f₽]|руб\.?/g, '').replace(',', '.') : v;
    },
    z
      .string({ error: `Укажите ${label}` })
      .min(1, `Укажите ${label}`)
      .regex(/^\d{1,9}(\.\d{1,2})?$/, 'Сумма — в рублях, не больше двух знаков после запятой: 1 234,56')
      .transform((s) => {
        const [rub, kop = ''] = s.split('.');
        return Number(rub) * 100 + Number(kop.padEnd(2, '0'));
      })
      .refine((k) => k >= min.kopecks, min.message)
      .refine((k) => max === undefined || k <= max.kopecks, max?.message),
  );
}

/** The most one card payment may carry; larger sums go by bank transfer with the receipt's details. */
export const PAYMENT_MAX_KOPECKS = 50_000_000;

/** What a payment may carry: from 1 ₽ up to PAYMENT_MAX_KOPECKS. */
export const paymentAmount = rubles({
  label: 'сумму',
  min: { kopecks: 100, message: 'Минимальная сумма — 1 ₽' },
  max: { kopecks: PAYMENT_MAX_KOPECKS, message: 'Не больше 500 000 ₽ за один платёж' },
});
