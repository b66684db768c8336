import { z } from 'zod';
import { monthField } from '@/lib/validation/calendar';
import { rubles } from '@/lib/validation/fields';
import { elsField, izhkuField } from '@/lib/validation/gis-ids';
import { NOTE_MAX, REASON_MAX } from '@/lib/accounts/registry-limits';

// The forms of the staff account card, shared by the forms (client) and their Server Actions.
// The account travels as `account`, not `accountId`: userAction reads `accountId` as the signed-in
// user's own account, which a staff member never has.

const account = z.uuid('Лицевой счёт не найден — обновите страницу');
const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : v);
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : trimmed(v));

const REASON_MIN = 5;

function reason(what: string) {
  return z.preprocess(
    trimmed,
    z
      .string({ error: `Укажите причину ${what}` })
      .min(REASON_MIN, `Опишите причину ${what} — хотя бы ${REASON_MIN} символов`)
      .max(REASON_MAX, `Причина — не длиннее ${REASON_MAX} символов`),
  );
}

/** The account's own phone (printed on the receipt) and e-mail; both may be cleared. */
export const accountContactsSchema = z.object({
  account,
  phone: z.preprocess(
    (v) => {
      const value = blankToUndefined(v);
      if (typeof value !== 'string') return value;
      const digits = value.replace(/\D/g, '');
      if (digits.length === 11 && (digits.startsWith('7') || digits.startsWith('8'))) return `+7${digits.slice(1)}`;
      if (digits.length === 10) return `+7${digits}`;
      return value;
    },
    z
      .string({ error: 'Проверьте телефон' })
      .regex(/^\+7\d{10}$/, 'Укажите телефон в формате +7 900 000-00-00 или оставьте поле пустым')
      .optional(),
  ),
  email: z.preprocess(
    (v) => (typeof v === 'string' ? blankToUndefined(v.toLowerCase()) : v),
    z
      .string({ error: 'Проверьте адрес электронной почты' })
      .max(254, 'Адрес электронной почты слишком длинный')
      .regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'Проверьте адрес электронной почты: он выглядит как name@example.ru')
      .optional(),
  ),
});

/**
 * The account's ГИС ЖКХ identifiers, as ГИС ЖКХ assigned them (lib/validation/gis-ids.ts); both may
 * be cleared. The ИЖКУ is the ЕЛС with the service's number, so it needs that ЕЛС.
 */
export const accountGisIdsSchema = z
  .object({ account, els: elsField, izhku: izhkuField })
  .superRefine(({ els, izhku }, ctx) => {
    if (izhku !== undefined && izhku.slice(0, 10) !== els)
      ctx.addIssue({
        code: 'custom',
        path: ['izhku'],
        message: els
          ? `ИЖКУ начинается с ЕЛС счёта: ${els}-01, ${els}-02…`
          : 'Сначала укажите ЕЛС: ИЖКУ начинается с него',
      });
  });

const headcount = (label: string) =>
  z.preprocess(
    trimmed,
    z
      .string({ error: `Укажите, сколько ${label}` })
      .regex(/^\d{1,2}$/, `${label[0]!.toUpperCase()}${label.slice(1)} — целое число от 0 до 99`)
      .transform(Number),
  );

/** Residents, owners and category from the 1st of a month (`YYYY-MM` from a month input). */
export const accountTermsSchema = z.object({
  account,
  month: z.preprocess(
    trimmed,
    monthField('Выберите месяц, с которого действует изменение').transform((m) => `${m}-01`),
  ),
  residents: headcount('зарегистрированных жильцов'),
  owners: headcount('собственников'),
  tariffCategory: z.enum(['urban', 'rural_or_stove'], { error: 'Выберите тарифную категорию' }),
  reason: reason('изменения'),
});

/** A balance adjustment: a direction and a positive sum, signed by the server. */
export const adjustmentSchema = z.object({
  account,
  direction: z.enum(['credit', 'debit'], { error: 'Выберите, уменьшить или увеличить долг' }),
  amount: rubles({
    label: 'сумму корректировки',
    min: { kopecks: 1, message: 'Сумма корректировки должна быть больше нуля' },
    max: { kopecks: 100_000_000, message: 'Не больше 1 000 000 ₽ за одну корректировку' },
  }),
  reason: reason('корректировки'),
});

export type AdjustmentInput = z.output<typeof adjustmentSchema>;

export const adjustmentDecisionSchema = z.object({
  requestId: z.uuid('Корректировка не найдена — обновите страницу'),
  decision: z.enum(['approve', 'decline'], { error: 'Выберите решение' }),
});

export const accountNoteSchema = z.object({
  account,
  body: z.preprocess(
    trimmed,
    z
      .string({ error: 'Напишите заметку' })
      .min(1, 'Напишите заметку')
      .max(NOTE_MAX, `Заметка — не длиннее ${NOTE_MAX} символов`),
  ),
});
