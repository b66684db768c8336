import { z } from 'zod';
import { checkbox } from '@/lib/validation/fields';

// The readings form: one text input per register (`zone_day`, `zone_night`, …). The values stay
// strings here; lib/readings/consumption.ts decides what a valid reading is, with the reason.

const registerText = z.preprocess(
  (v) => (typeof v === 'string' ? v : v === undefined ? undefined : String(v)),
  z.string().max(40, 'Слишком длинное значение').optional(),
);

export const submitReadingsSchema = z.object({
  meterId: z.uuid('Счётчик не найден — обновите страницу'),
  zone_all_day: registerText,
  zone_day: registerText,
  zone_night: registerText,
  zone_peak: registerText,
  zone_half_peak: registerText,
  /** Ticked after the form said «это намного больше обычного — подтвердите». */
  confirmImplausible: checkbox.optional().default(false),
});
