'use server';

import { redirect } from 'next/navigation';
import { userAction } from '@/lib/actions/validated';
import { tariffsChanged } from '@/lib/content/revalidate';
import { tariffSetSchema } from '@/lib/tariffs/tariff-set-schema';
import { createTariffSet } from '@/lib/tariffs/tariff-sets';

export const addTariffSet = userAction('staff', tariffSetSchema, async (input, staff) => {
  const result = await createTariffSet(staff, input);
  if (!result.ok) return result;
  tariffsChanged();
  redirect(`/admin/tariffs?added=${result.effectiveFrom}`);
});
