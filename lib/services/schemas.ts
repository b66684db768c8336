import { z } from 'zod';
import { optionalDay, requiredDay } from '@/lib/meters/schemas';
import { checkbox, optionalText, phone, requiredText, rubles } from '@/lib/validation/fields';
import { PREFERRED_WINDOWS } from '@/lib/services/preferred-windows';

// Forms of the paid services, shared by the client forms and the Server Actions. The rules that
// need the database (the service is on sale, the account is the user's, the status allows it) live
// in lib/services and answer with field errors under the same names.

/** At most this many photos per order; each is checked by its bytes (lib/files). */
export const PHOTO_FIELDS = ['photo1', 'photo2'] as const;
export const SERVICE_PHOTO_MAX_BYTES = 2 * 1024 * 1024;
const MAX_QUANTITY = 100;

const requestId = z.uuid('Заявка не найдена — обновите страницу');

export const orderSchema = z
  .object({
    serviceId: z.uuid('Выберите услугу'),
    quantity: z.coerce
      .number({ error: 'Укажите количество числом' })
      .int('Количество — целое число')
      .min(1, 'Количество — не меньше 1')
      .max(MAX_QUANTITY, `Количество — не больше ${MAX_QUANTITY}; для большего объёма позвоните нам`),
    accountId: z.uuid('Выберите лицевой счёт'),
    addressMode: z.enum(['account', 'other'], { error: 'Выберите адрес' }),
    otherAddress: optionalText('Адрес', 300),
    preferredDate: optionalDay('Желаемая дата'),
    preferredWindow: z.enum(PREFERRED_WINDOWS, { error: 'Выберите удобное время' }),
    contactPhone: phone,
    comment: optionalText('Комментарий', 2000),
    photo1: z.unknown().optional(),
    photo2: z.unknown().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.addressMode === 'other' && (!v.otherAddress || v.otherAddress.length < 8)) {
      ctx.addIssue({
        code: 'custom',
        path: ['otherAddress'],
        message: 'Укажите адрес полностью: населённый пункт, улица, дом',
      });
    }
  });
export type OrderInput = z.output<typeof orderSchema>;

export const requestActionSchema = z.object({ requestId });

export const payRequestSchema = z.object({
  requestId,
  rememberCard: z
    .preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean())
    .optional()
    .default(false),
});

export const payWithBindingSchema = z.object({
  requestId,
  bindingId: z.uuid('Карта не найдена — обновите страницу'),
});

export const customerCancelSchema = z.object({
  requestId,
  reason: optionalText('Причина', 500),
});

export const quoteSchema = z.object({
  requestId,
  price: rubles({ label: 'цену', min: { kopecks: 1, message: 'Цена должна быть больше нуля' } }),
  reason: requiredText('Обоснование цены', 1000),
});

export const scheduleSchema = z.object({
  requestId,
  day: requiredDay('Дата выезда'),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Укажите время в формате ЧЧ:ММ'),
  crew: requiredText('Бригада', 200),
});

export const completeSchema = z.object({ requestId, note: optionalText('Что сделано', 2000) });

export const staffCancelSchema = z.object({ requestId, reason: requiredText('Причина отмены', 1000) });

// ─── The catalogue in the staff console ───

const serviceId = z.uuid('Услуга не найдена — обновите страницу');
const servicePrice = rubles({
  label: 'цену',
  min: { kopecks: 100, message: 'Цена — не меньше 1 ₽' },
  max: { kopecks: 100_000_000, message: 'Цена — не больше 1 000 000 ₽' },
});
const priceIsFrom = checkbox;

export const addServiceSchema = z.object({
  code: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toUpperCase() : v),
    z
      .string({ error: 'Заполните поле «Код»' })
      .regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/, 'Код — от 2 до 40 латинских букв, цифр или «-», например PANEL-REPAIR'),
  ),
  title: requiredText('Название', 200),
  category: requiredText('Раздел', 100),
  description: optionalText('Описание', 1000),
  unit: requiredText('Единица', 40),
  price: servicePrice,
  priceIsFrom,
});

export const changePriceSchema = z.object({
  serviceId,
  price: servicePrice,
  priceIsFrom,
  effectiveFrom: requiredDay('Действует с'),
});

export const retireServiceSchema = z.object({ serviceId });

export const bankPaymentSchema = z.object({
  requestId,
  receivedOn: requiredDay('Дата поступления'),
  orderNumber: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z
      .string({ error: 'Укажите номер платёжного поручения' })
      .regex(/^\d{1,10}$/, 'Номер платёжного поручения — до 10 цифр, как в выписке банка'),
  ),
});
