import { z } from 'zod';
import { optionalDay, requiredDay } from '@/lib/meters/schemas';
import { checkbox, optionalText, phone, requiredText, rubles } from '@/lib/validation/fields';
import { RATE_CATEGORIES } from './calculator';
import { DOCUMENT_KINDS, docField } from '@/lib/connection/documents';

// Forms of technological connection, shared by the client forms and the Server Actions. Rules that
// need the database or the applicant's kind (the account is theirs, the passport of a citizen, the
// ЕГРЮЛ record of a company) live in lib/connection and answer with field errors under these names.

export const VOLTAGES = ['0.23', '0.4', '6', '10'] as const;
export const VOLTAGE_LABEL: Record<(typeof VOLTAGES)[number], string> = {
  '0.23': '0,23 кВ (однофазный ввод)',
  '0.4': '0,4 кВ (трёхфазный ввод)',
  '6': '6 кВ',
  '10': '10 кВ',
};

export const REASONS = ['new', 'increase'] as const;
export const REASON_LABEL: Record<(typeof REASONS)[number], string> = {
  new: 'Новое присоединение',
  increase: 'Увеличение максимальной мощности',
};

const file = z.unknown().optional();
const applicationId = z.uuid('Заявка не найдена — обновите страницу');

/** «15», «7,5», «0.5» kW → watts (an integer), from the string, never through floating point. */
function kilowatts(label: string, required: boolean) {
  return z.preprocess(
    (v) => (typeof v === 'string' ? v.replace(/[\s\u00a0]|кВт/g, '').replace(',', '.') : v),
    z
      .string({ error: `Укажите ${label}` })
      .regex(
        required ? /^\d{1,3}(\.\d{1,3})?$/ : /^(\d{1,3}(\.\d{1,3})?)?$/,
        `${label}: число в кВт, например 15 или 7,5`,
      )
      .transform((s) => {
        if (s === '') return 0;
        const [whole, part = ''] = s.split('.');
        return Number(whole) * 1000 + Number(part.padEnd(3, '0'));
      }),
  );
}

export const applicationSchema = z
  .object({
    accountId: z.uuid('Выберите лицевой счёт'),
    applicantName: requiredText('Заявитель', 300),
    registryRecord: optionalText('Запись ЕГРЮЛ / ЕГРИП', 100),
    passport: optionalText('Паспорт', 300),
    snils: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
      z
        .string()
        .regex(/^\d{3}-?\d{3}-?\d{3}[\s-]?\d{2}$/, 'СНИЛС — 11 цифр: 123-456-789 01')
        .optional(),
    ),
    applicantAddress: requiredText('Адрес заявителя', 300),
    reason: z.enum(REASONS, { error: 'Выберите причину обращения' }),
    objectName: requiredText('Объект', 200),
    objectAddress: requiredText('Адрес объекта', 300),
    cadastralNumber: z.preprocess(
      (v) => (typeof v === 'string' ? v.replace(/\s/g, '') : v),
      z
        .string({ error: 'Укажите кадастровый номер' })
        .regex(/^\d{2}:\d{2}:\d{6,7}:\d{1,7}$/, 'Кадастровый номер — как в выписке ЕГРН: 50:21:0123456:789'),
    ),
    maxPower: kilowatts('Максимальная мощность', true),
    existingPower: kilowatts('Ранее присоединённая мощность', false).optional().default(0),
    reliabilityCategory: z.enum(['2', '3'], { error: 'Выберите категорию надёжности' }).transform(Number),
    voltage: z.enum(VOLTAGES, { error: 'Выберите класс напряжения' }),
    loadCharacter: requiredText('Характер нагрузки', 300),
    plannedDesignBy: optionalDay('Срок проектирования'),
    plannedCommissioningBy: optionalDay('Срок ввода в эксплуатацию'),
    contactPhone: phone,
    installments: checkbox.optional().default(false),
    consent: checkbox.refine((v) => v, 'Без согласия на обработку персональных данных заявку не рассмотреть'),
    ...Object.fromEntries(DOCUMENT_KINDS.map((k) => [docField(k), file])),
  })
  .superRefine((v, ctx) => {
    if (v.maxPower <= 0)
      ctx.addIssue({ code: 'custom', path: ['maxPower'], message: 'Мощность должна быть больше нуля' });
    if (v.maxPower > 150_000) {
      ctx.addIssue({
        code: 'custom',
        path: ['maxPower'],
        message: 'Через личный кабинет — до 150 кВт; для большей мощности обратитесь в сетевую организацию',
      });
    }
    if (v.existingPower >= v.maxPower) {
      ctx.addIssue({
        code: 'custom',
        path: ['existingPower'],
        message: 'Ранее присоединённая мощность должна быть меньше максимальной (она в неё входит)',
      });
    }
    if (v.reason === 'increase' && v.existingPower === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['existingPower'],
        message: 'Для увеличения мощности укажите ранее присоединённую',
      });
    }
    if (v.plannedDesignBy && v.plannedCommissioningBy && v.plannedCommissioningBy < v.plannedDesignBy) {
      ctx.addIssue({
        code: 'custom',
        path: ['plannedCommissioningBy'],
        message: 'Ввод в эксплуатацию не раньше окончания проектирования',
      });
    }
  });
export type ApplicationInput = z.output<typeof applicationSchema>;

export const applicationActionSchema = z.object({ applicationId });

export const supplyDataSchema = z.object({
  applicationId,
  note: requiredText('Что исправлено', 2000),
  doc_other: file,
  doc_title_deed: file,
  doc_site_plan: file,
});

export const applicantCancelSchema = z.object({ applicationId, reason: optionalText('Причина', 500) });

export const requestDataSchema = z.object({ applicationId, note: requiredText('Что нужно представить', 2000) });

export const postOfferSchema = z.object({
  applicationId,
  connectionPoint: requiredText('Точка присоединения', 500),
  gridWorks: requiredText('Мероприятия сетевой организации', 3000),
  applicantWorks: requiredText('Мероприятия заявителя', 3000),
  tuValidYears: z.enum(['2', '3', '4', '5'], { error: 'Срок действия ТУ — от 2 до 5 лет' }).transform(Number),
});

export const staffNoteSchema = z.object({ applicationId, note: optionalText('Примечание', 2000) });

export const staffCancelSchema = z.object({ applicationId, reason: requiredText('Причина аннулирования', 1000) });

export const rateSchema = z.object({
  category: z.enum(RATE_CATEGORIES, { error: 'Выберите категорию' }),
  rate: rubles({
    label: 'ставку',
    min: { kopecks: 100, message: 'Ставка — не меньше 1 ₽ за кВт' },
    max: { kopecks: 100_000_000, message: 'Ставка — не больше 1 000 000 ₽ за кВт' },
  }),
  effectiveFrom: requiredDay('Действует с'),
  basis: requiredText('Основание (решение регулятора)', 300),
});

export const sweepSchema = z.object({});
