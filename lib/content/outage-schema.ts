import { z } from 'zod';
import { requiredText } from '@/lib/validation/fields';
import { parseHouseSpec } from './house-spec';
import { moscowDateTime } from './news-schema';
import { OUTAGE_ESTIMATE_HOURS } from '@/lib/content/outage-estimates';

// The outage form, posted as FormData: `street` repeats once per street ticked, and each ticked
// street may carry its houses in `houses:<street>`. The preprocess below folds them into a list.

const addressList = z
  .array(
    z.object({
      street: z.string().trim().min(1).max(200),
      houses: z.string().trim().max(300),
    }),
  )
  .max(200, 'Не больше 200 улиц в одном отключении');

function collectAddresses(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return raw;
  const values = raw as Record<string, unknown>;
  const ticked = values.street === undefined ? [] : Array.isArray(values.street) ? values.street : [values.street];
  const addresses = ticked
    .filter((s): s is string => typeof s === 'string')
    .map((street) => {
      const houses = values[`houses:${street}`];
      return { street, houses: typeof houses === 'string' ? houses : '' };
    });
  return { ...values, addresses };
}

const instant = (label: string) =>
  z
    .string({ error: `Укажите ${label}` })
    .min(1, `Укажите ${label}`)
    .transform((v, ctx) => {
      const at = moscowDateTime(v);
      if (!at) {
        ctx.addIssue({ code: 'custom', message: `Укажите ${label} полностью: дату и время` });
        return z.NEVER;
      }
      return at;
    });

export const outageSchema = z.preprocess(
  collectAddresses,
  z
    .object({
      kind: z.enum(['planned', 'emergency'], { error: 'Выберите вид отключения' }),
      settlement: requiredText('Населённый пункт', 200),
      addresses: addressList,
      reason: requiredText('Причина', 300),
      startsAt: instant('начало'),
      endsAt: z.preprocess((v) => (v === '' ? undefined : v), instant('окончание').optional()),
      estimateHours: z.preprocess(
        (v) => (v === '' || v === undefined ? undefined : Number(v)),
        z
          .number()
          .refine((n) => (OUTAGE_ESTIMATE_HOURS as readonly number[]).includes(n), 'Выберите срок из списка')
          .optional(),
      ),
    })
    .superRefine((value, ctx) => {
      for (const address of value.addresses) {
        const parsed = parseHouseSpec(address.houses);
        if (!parsed.ok) {
          ctx.addIssue({
            code: 'custom',
            path: [`houses:${address.street}`],
            message: `«${parsed.entry}» — не номер дома. Пишите через запятую: 1–25, 27, 30а`,
          });
        }
      }
      if (value.kind === 'planned' && !value.endsAt) {
        ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'Для планового отключения укажите окончание' });
      }
      const end =
        value.endsAt ??
        (value.estimateHours ? new Date(value.startsAt.getTime() + value.estimateHours * 3_600_000) : undefined);
      if (end && end <= value.startsAt) {
        ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'Окончание должно быть позже начала' });
      }
    }),
);

export type OutageInput = z.output<typeof outageSchema>;

export const outageIdSchema = z.object({ id: z.uuid({ error: 'Отключение не найдено — обновите страницу' }) });

export const outageEstimateSchema = z.object({
  id: z.uuid({ error: 'Отключение не найдено — обновите страницу' }),
  endsAt: instant('новое окончание'),
});
