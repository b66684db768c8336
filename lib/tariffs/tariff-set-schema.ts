import { z } from 'zod';
import { monthField } from '@/lib/validation/calendar';
import { optionalText } from '@/lib/validation/fields';
import { zonesForPlan, type TariffZone } from './zones';

// A new tariff set: one category and zone plan from the 1st of a month, a price per zone and per
// monthly volume range. Posted as FormData: up to two range boundaries (`break1`, `break2`, kWh)
// and prices named `price:<zone>:<range>` in rubles per kWh («9,79»).

const wholeKwh = z.preprocess(
  (v) => (v === '' || v === undefined ? undefined : typeof v === 'string' ? v.replace(/\s/g, '') : v),
  z
    .string()
    .regex(/^\d{1,6}$/, 'Граница диапазона — целое число кВт·ч')
    .transform(Number)
    .refine((n) => n > 0, 'Граница диапазона больше нуля')
    .optional(),
);

/** «9,79» / «9.79» / «10» ₽ per kWh → 979 kopecks, from the string (no floating point). */
function parsePriceKopecks(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const text = value.replace(/[\s\u00a0₽]/g, '').replace(',', '.');
  const match = /^(\d{1,4})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return null;
  const kopecks = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return kopecks > 0 ? kopecks : null;
}

export interface TariffSetRate {
  zone: TariffZone;
  rangeFromKwh: number;
  rangeToKwh: number | null;
  priceKopecks: number;
}

export const tariffSetSchema = z
  .looseObject({
    category: z.enum(['urban', 'rural_or_stove'], { error: 'Выберите категорию' }),
    zonePlan: z.enum(['1', '2', '3'], { error: 'Выберите тариф по зонам' }).transform((v) => Number(v) as 1 | 2 | 3),
    effectiveMonth: monthField('Укажите месяц начала действия'),
    decree: optionalText('Основание', 300),
    break1: wholeKwh,
    break2: wholeKwh,
  })
  .transform((value, ctx) => {
    const breaks = [value.break1, value.break2].filter((b): b is number => b !== undefined);
    if (breaks.length === 2 && breaks[1]! <= breaks[0]!) {
      ctx.addIssue({ code: 'custom', path: ['break2'], message: 'Вторая граница больше первой' });
      return z.NEVER;
    }
    const bounds = [0, ...breaks];
    const rates: TariffSetRate[] = [];
    for (const zone of zonesForPlan(value.zonePlan)) {
      bounds.forEach((from, range) => {
        const name = `price:${zone}:${range}`;
        const price = parsePriceKopecks(value[name]);
        if (price === null) {
          ctx.addIssue({ code: 'custom', path: [name], message: 'Цена — в рублях за кВт·ч, например 9,79' });
          return;
        }
        rates.push({ zone, rangeFromKwh: from, rangeToKwh: bounds[range + 1] ?? null, priceKopecks: price });
      });
    }
    return {
      category: value.category,
      zonePlan: value.zonePlan,
      effectiveFrom: `${value.effectiveMonth}-01`,
      decree: value.decree ?? null,
      rates,
    };
  });

export type TariffSetInput = z.output<typeof tariffSetSchema>;
