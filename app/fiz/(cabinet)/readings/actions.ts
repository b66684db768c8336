'use server';

import { fail } from '@/lib/actions/result';
import { userAction } from '@/lib/actions/validated';
import { canAccessAccount } from '@/lib/auth/session';
import { meterAccountId } from '@/lib/readings/cabinet';
import { submitReadingsSchema } from '@/lib/readings/schemas';
import { submitReadings } from '@/lib/readings/submit';

export const submitMeterReadings = userAction('household', submitReadingsSchema, async (input, user) => {
  // The meter id comes from the form: it must belong to one of this user's accounts.
  const accountId = await meterAccountId(input.meterId);
  if (!accountId || !(await canAccessAccount(user, accountId))) return fail('Счётчик не найден среди ваших');
  const result = await submitReadings({
    meterId: input.meterId,
    values: {
      all_day: input.zone_all_day,
      day: input.zone_day,
      night: input.zone_night,
      peak: input.zone_peak,
      half_peak: input.zone_half_peak,
    },
    confirmImplausible: input.confirmImplausible,
    source: 'subscriber',
    userId: user.id,
  });
  // No revalidatePath: the form shows what was accepted from this result, so the answer carries no
  // re-rendered page (the reading is the busiest write of the month).
  return result;
});
