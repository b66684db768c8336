import { z } from 'zod';
import { dayField, periodField } from '@/lib/validation/calendar';
import { checkbox, optionalText, requiredText } from '@/lib/validation/fields';

// Forms of the meters feature: the subscriber's request, staff confirmation / rejection,
// and a reading entered by staff. Shared by the client forms and the Server Actions; the rules that
// need the database (duplicate serials, still pending, the previous reading) live in lib/meters and
// lib/readings and answer with field errors under the same names.

const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : v);

export function requiredDay(label: string) {
  return z.preprocess(trimmed, dayField(`Укажите дату «${label}» в формате ДД.ММ.ГГГГ`));
}

export function optionalDay(label: string) {
  return z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : trimmed(v)),
    dayField(`Проверьте дату «${label}»`).optional(),
  );
}

/**
 * «№ 0092 1705 6004185» → «009217056004185»: the number as printed on the nameplate, without the
 * «№» and the spaces people type between groups; letters upper-cased so «ab12» and «AB12» are one meter.
 */
export function normalizeSerial(value: string): string {
  return value
    .trim()
    .replace(/^(№|N[o°]\.?(?=[\s\d])|N(?=\s))\s*/i, '')
    .replace(/[\s\u00a0]/g, '')
    .toUpperCase();
}

const serialNumber = z.preprocess(
  (v) => (typeof v === 'string' ? normalizeSerial(v) : v),
  z
    .string({ error: 'Укажите заводской номер счётчика' })
    .min(1, 'Укажите заводской номер счётчика — он напечатан на табличке (шильдике) под «№»')
    .max(32, 'Заводской номер — не длиннее 32 символов')
    .regex(
      /^[0-9A-ZА-ЯЁ][0-9A-ZА-ЯЁ/-]{2,}$/,
      'Заводской номер — цифры и буквы с таблички счётчика, не короче 3 знаков',
    ),
);

const zonePlan = z.preprocess(
  (v) => (typeof v === 'number' ? String(v) : v),
  z.enum(['1', '2', '3'], { error: 'Выберите, сколько зон у счётчика' }).transform((v) => Number(v) as 1 | 2 | 3),
);

export const requestMeterSchema = z.object({
  accountId: z.uuid('Выберите лицевой счёт'),
  serialNumber,
  model: optionalText('Модель', 100),
  zonePlan,
  installedAt: requiredDay('Дата установки'),
  /** A File from FormData (checked by magic bytes in lib/meters/photo.ts); absent when none is chosen. */
  photo: z.unknown().optional(),
  /** The account's meter this one replaced, when the subscriber reports a replacement. */
  replacesMeterId: z.preprocess(
    (v) => (v === '' || v === null ? undefined : v),
    z.uuid('Выберите заменённый счётчик из списка').optional(),
  ),
});

/** A register as typed (one per zone: `zone_day`, `zone_night`, …); lib/readings/consumption.ts judges it. */
const registerText = z.preprocess(
  (v) => (typeof v === 'string' ? v : v === undefined ? undefined : String(v)),
  z.string().max(40, 'Слишком длинное значение').optional(),
);

const registers = {
  zone_all_day: registerText,
  zone_day: registerText,
  zone_night: registerText,
  zone_peak: registerText,
  zone_half_peak: registerText,
};

const finalRegisters = {
  final_zone_all_day: registerText,
  final_zone_day: registerText,
  final_zone_night: registerText,
  final_zone_peak: registerText,
  final_zone_half_peak: registerText,
};

export const confirmMeterSchema = z.object({
  meterId: z.uuid('Заявка не найдена — обновите страницу'),
  verificationDue: optionalDay('Следующая поверка'),
  ...registers,
  /** The replaced meter's final registers, when the request reports a replacement. */
  ...finalRegisters,
});

export const rejectMeterSchema = z.object({
  meterId: z.uuid('Заявка не найдена — обновите страницу'),
  reason: requiredText('Причина отказа', 1000),
});

export const READING_FILTERS = ['all', 'submitted', 'missing', 'estimated'] as const;
export type ReadingFilter = (typeof READING_FILTERS)[number];

export const staffReadingSchema = z.object({
  meterId: z.uuid('Счётчик не найден — обновите страницу'),
  period: periodField('Период не найден — обновите страницу'),
  ...registers,
  confirmImplausible: checkbox.optional().default(false),
  // Where the list was, so the page comes back to the same place after the entry.
  filter: z.enum(READING_FILTERS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
  q: z.string().max(40).optional().catch(undefined),
});

/** The form's per-zone fields → what `submitReadings` takes. */
export function registerValues(input: Partial<Record<keyof typeof registers, string | undefined>>) {
  return {
    all_day: input.zone_all_day,
    day: input.zone_day,
    night: input.zone_night,
    peak: input.zone_peak,
    half_peak: input.zone_half_peak,
  };
}

/** Staff record a replacement: the old meter, the new one's nameplate, the day; the registers are judged in lib/meters. */
export const staffReplacementSchema = z.object({
  oldMeterId: z.uuid('Заменяемый счётчик не найден — обновите страницу'),
  serialNumber,
  model: optionalText('Модель', 100),
  zonePlan,
  installedAt: requiredDay('Дата замены'),
  verificationDue: optionalDay('Следующая поверка'),
  ...registers,
  ...finalRegisters,
});

/** The old meter's final registers of a replacement form. */
export function finalRegisterValues(input: Partial<Record<`final_${keyof typeof registers}`, string | undefined>>) {
  return {
    all_day: input.final_zone_all_day,
    day: input.final_zone_day,
    night: input.final_zone_night,
    peak: input.final_zone_peak,
    half_peak: input.final_zone_half_peak,
  };
}
