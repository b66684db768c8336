'use server';

import { revalidatePath } from 'next/cache';
import { fail } from '@/lib/actions/result';
import { canAccessAccount } from '@/lib/auth/session';
import { companyAction } from '@/lib/company/action';
import { meterAccountId } from '@/lib/readings/cabinet';
import { submitReadingsSchema } from '@/lib/readings/schemas';
import { submitReadings } from '@/lib/readings/submit';

// The household rules (whole kWh, not below the last, plausibility, the window) live in
// lib/readings/submit; a company's engineer or owner submits through the very same function.
export const submitCompanyReadings = companyAction('readings', submitReadingsSchema, async (input, member) => {
  const accountId = await meterAccountId(input.meterId);
  if (!accountId || !(await canAccessAccount(member.user, accountId))) {
    return fail('Прибор учёта не найден среди приборов вашей организации');
  }
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
    userId: member.user.id,
  });
  if (result.ok) revalidatePath('/lk/readings');
  return result;
});
