'use server';

import { redirect } from 'next/navigation';
import { userAction } from '@/lib/actions/validated';
import { keyRateSchema, reliefPeriodSchema } from '@/lib/billing/key-rate-schema';
import { addKeyRate, addReliefPeriod } from '@/lib/billing/key-rates';

export const createKeyRate = userAction('staff', keyRateSchema, async (input, staff) => {
  const result = await addKeyRate(staff, input);
  if (!result.ok) return result;
  redirect('/admin/key-rates?added=rate');
});

export const createReliefPeriod = userAction('staff', reliefPeriodSchema, async (input, staff) => {
  const result = await addReliefPeriod(staff, input);
  if (!result.ok) return result;
  redirect('/admin/key-rates?added=relief');
});
