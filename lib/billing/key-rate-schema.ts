import { z } from 'zod';
import { dayField } from '@/lib/validation/calendar';
import { requiredText } from '@/lib/validation/fields';

// The staff forms of /admin/key-rates: a key rate from a day (percent a year, «16,5»), and a relief
// period (a moratorium, or a cap on the rate) with its dates and the act that set it.

function day(label: string) {
  return dayField(`Укажите ${label} в формате ДД.ММ.ГГГГ`, `Такой даты нет: проверьте ${label}`);
}

/** «16,5» / «16.50» / «9» percent → basis points (1650), from the string (no floating point). */
function basisPoints(label: string) {
  return z.string({ error: `Укажите ${label}` }).transform((value, ctx) => {
    const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(value.replace(/[\s\u00a0%]/g, ''));
    const points = match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : 0;
    if (!match || points <= 0 || points > 10_000) {
      ctx.addIssue({ code: 'custom', message: `${label}: число процентов годовых от 0,01 до 100, например 16,5` });
      return z.NEVER;
    }
    return points;
  });
}

export const keyRateSchema = z.object({
  effectiveFrom: day('дату, с которой действует ставка'),
  rate: basisPoints('Ключевая ставка'),
});
export type KeyRateInput = z.output<typeof keyRateSchema>;

export const reliefPeriodSchema = z
  .object({
    kind: z.enum(['moratorium', 'rate_cap'], { error: 'Выберите вид: мораторий или предельная ставка' }),
    startsOn: day('первый день'),
    endsOn: day('последний день'),
    cap: z.string().optional(),
    basis: requiredText('Основание (документ)', 300),
  })
  .transform((v, ctx) => {
    if (v.endsOn < v.startsOn) {
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'Последний день не раньше первого' });
      return z.NEVER;
    }
    if (v.kind === 'moratorium') return { ...v, capBasisPoints: null };
    const cap = basisPoints('Предельная ставка').safeParse(v.cap ?? '');
    if (!cap.success) {
      ctx.addIssue({ code: 'custom', path: ['cap'], message: 'Предельная ставка: процентов годовых, например 9,5' });
      return z.NEVER;
    }
    return { ...v, capBasisPoints: cap.data };
  });
export type ReliefPeriodInput = z.output<typeof reliefPeriodSchema>;
